// Batching with progress and cancellation for the reader's long loops, and the warnings it reports (as issues).
import type { Database, SqlValue } from 'sql.js';
import type { Issue } from '../../domain/issue';
import { damaged } from './collection';
import type { NoteConverter, NoteWarning } from './read-notes';
import type { HistoryWarning } from './history';

/**
 * Steps one prepared statement through all rows, `batch` rows at a time; between batches it reports progress
 * and awaits `between` (the caller yields to its event loop there and checks for cancellation). The statement stays open across the awaits: sql.js is
 * single-threaded and nothing else uses the database meanwhile.
 */
export async function forEachBatch(
  db: Database,
  sql: string,
  batch: number,
  between: () => Promise<void>,
  each: (row: SqlValue[]) => void,
  onBatch?: (done: number) => void,
): Promise<void> {
  let stmt;
  try {
    stmt = db.prepare(sql);
  } catch (e) {
    throw damaged(e);
  }
  try {
    let done = 0;
    for (;;) {
      let row: SqlValue[] | undefined;
      try {
        row = stmt.step() ? stmt.get() : undefined;
      } catch (e) {
        throw damaged(e);
      }
      if (!row) break;
      each(row);
      if (++done % batch === 0) {
        onBatch?.(done);
        await between();
      }
    }
    onBatch?.(done);
  } finally {
    stmt.free();
  }
}

const NOTE_WARNINGS = {
  'empty-question': 'warn.empty-question',
  'no-cloze': 'warn.no-cloze',
  'bad-cloze': 'warn.bad-cloze',
  'image-occlusion': 'warn.image-occlusion',
  'missing-template': 'warn.missing-template',
  'no-cards': 'warn.no-cards',
  'split-decks': 'warn.split-decks',
} as const satisfies Record<NoteWarning, Issue['code']>;

/** What the note reading left out or changed, as `warn.*` issues of `file` (counts as `n`). */
export function noteWarnings(file: string, c: NoteConverter, unknownDeck: number): Issue[] {
  const out: Issue[] = [];
  for (const [warning, code] of Object.entries(NOTE_WARNINGS) as Array<[NoteWarning, Issue['code']]>) {
    const n = c.counts.get(warning) ?? 0;
    if (n > 0) out.push({ file, code, params: { n } });
  }
  if (unknownDeck > 0) out.push({ file, code: 'warn.unknown-deck', params: { n: unknownDeck } });
  for (const [notetype, fields] of c.unknownFields)
    out.push({ file, code: 'warn.unknown-fields', params: { notetype, fields: [...fields] } });
  return out;
}

const HISTORY_WARNINGS = {
  'other-cards': 'warn.review-other-cards',
  'bad-ease': 'warn.review-bad-ease',
  'bad-time': 'warn.review-bad-time',
} as const satisfies Record<HistoryWarning, Issue['code']>;

/** Reviews the history reading left out, as `warn.review-*` issues of `file`. */
export function historyWarnings(file: string, counts: Map<HistoryWarning, number>): Issue[] {
  return (Object.entries(HISTORY_WARNINGS) as Array<[HistoryWarning, Issue['code']]>).flatMap(([warning, code]) => {
    const n = counts.get(warning) ?? 0;
    return n > 0 ? [{ file, code, params: { n } }] : [];
  });
}
