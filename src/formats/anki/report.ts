// Batching with progress and cancellation for the reader's long loops, and the warnings it reports in words.
import type { Database, SqlValue } from 'sql.js';
import { CollectionError } from './collection';
import type { NoteConverter } from './read-notes';
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
    throw new CollectionError(`the collection database is damaged (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    let done = 0;
    for (;;) {
      let row: SqlValue[] | undefined;
      try {
        row = stmt.step() ? stmt.get() : undefined;
      } catch (e) {
        throw new CollectionError(`the collection database is damaged (${e instanceof Error ? e.message : String(e)})`);
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function noteWarnings(c: NoteConverter, unknownDeck: number): string[] {
  const n = (k: Parameters<NoteConverter['counts']['get']>[0]) => c.counts.get(k) ?? 0;
  const out: string[] = [];
  if (n('empty-question'))
    out.push(
      `${plural(n('empty-question'), 'card has', 'cards have')} an empty question and ${n('empty-question') === 1 ? 'was' : 'were'} left out`,
    );
  if (n('no-cloze'))
    out.push(
      `${plural(n('no-cloze'), 'cloze note has', 'cloze notes have')} no {{c1::…}} deletion and ${n('no-cloze') === 1 ? 'was' : 'were'} left out`,
    );
  if (n('bad-cloze'))
    out.push(
      `${plural(n('bad-cloze'), 'cloze note has', 'cloze notes have')} nested or unclosed deletions, which dockdeck cannot show, and ${n('bad-cloze') === 1 ? 'was' : 'were'} left out`,
    );
  if (n('image-occlusion'))
    out.push(
      `${plural(n('image-occlusion'), 'image occlusion note was', 'image occlusion notes were')} left out (dockdeck cannot show them)`,
    );
  if (n('missing-template'))
    out.push(
      `${plural(n('missing-template'), 'card belongs', 'cards belong')} to a card template the note type no longer has and ${n('missing-template') === 1 ? 'was' : 'were'} left out`,
    );
  if (n('no-cards'))
    out.push(
      `${plural(n('no-cards'), 'note has', 'notes have')} no cards and ${n('no-cards') === 1 ? 'was' : 'were'} left out`,
    );
  if (n('split-decks'))
    out.push(
      `${plural(n('split-decks'), 'note has', 'notes have')} cards in more than one deck; each was imported into the deck of its first card`,
    );
  if (unknownDeck)
    out.push(
      `${plural(unknownDeck, 'card is', 'cards are')} in a deck the package does not describe; ${unknownDeck === 1 ? 'it was' : 'they were'} put in "Default"`,
    );
  for (const [notetype, fields] of c.unknownFields) {
    out.push(`note type "${notetype}" shows fields it does not have (${[...fields].join(', ')}); they were left empty`);
  }
  return out;
}

export function historyWarnings(counts: Map<HistoryWarning, number>): string[] {
  const out: string[] = [];
  const other = counts.get('other-cards') ?? 0;
  const ease = counts.get('bad-ease') ?? 0;
  const time = counts.get('bad-time') ?? 0;
  if (other)
    out.push(
      `${plural(other, 'review is', 'reviews are')} of cards that were not imported and ${other === 1 ? 'was' : 'were'} left out`,
    );
  if (ease)
    out.push(
      `${plural(ease, 'review has', 'reviews have')} an unknown answer button and ${ease === 1 ? 'was' : 'were'} left out`,
    );
  if (time)
    out.push(
      `${plural(time, 'review has', 'reviews have')} an impossible date and ${time === 1 ? 'was' : 'were'} left out`,
    );
  return out;
}
