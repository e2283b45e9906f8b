// The Anki package reader: .apkg / .colpkg (legacy collection.anki2 / .anki21, and current collection.anki21b) and
// bare collection files, in; one DeckDraft per Anki deck that holds cards, out. Loaded only when an import starts
// (it pulls in sql.js, which the caller injects). Phases: unpack → notes → history → media, with progress and
// cancellation between batches. Mapping: note-types.ts (cards), read-decks.ts (decks and their ids), read-media.ts.
import type { Database, SqlJsStatic } from 'sql.js';
import { CancelledError, IssueError, PartError } from '../../domain/errors';
import type { Issue } from '../../domain/issue';
import { IMPORT_LIMITS, type DeckDraft, type ImportedMarks, type ImportedReview } from '../import/draft';
import { readEmbed, type ReadEmbed } from '../dockdeck/embed';
import { stripActiveContent } from '../import/active-content';
import { moreIssues } from '../import/progress';
import { allRows, openCollection, type AnkiSchema, type OpenCollection } from './collection';
import { Budget, openContainer, type Container } from './container';
import { readLegacySchema } from './read-legacy';
import { readModernSchema } from './read-21b';
import { readMedia } from './read-media';
import { NoteConverter, type CardRow } from './read-notes';
import { assignDeckIds, byName, deckOf } from './read-decks';
import { ankiMarks, type AnkiMarks } from './card-marks';
import { convertRevlog, type HistoryWarning, type ReviewTarget } from './history';
import { forEachBatch, historyWarnings, noteWarnings } from './report';

export interface ReadAnkiOptions {
  /** The picked file's name: named in every issue and kept as each card's `source.doc`. */
  fileName: string;
  /** Also read the review log into `history`. */
  includeScheduling: boolean;
  sql: SqlJsStatic;
  /** Reviews dated more than a day after this are left out. */
  now: Date;
  onProgress?: (done: number, total: number, phase: AnkiPhase) => void;
  /** Set `cancelled` to stop at the next batch; the reader then throws `CancelledError`. */
  signal?: { cancelled: boolean };
  /**
   * Awaited between batches so that the caller's event loop runs (in the worker, a cancel message sets
   * `signal.cancelled` there). The reader has no timers of its own; without it, it does not yield.
   */
  yieldToEvents?: () => Promise<void>;
}

export type AnkiPhase = 'unpack' | 'notes' | 'history' | 'media';

export interface AnkiReadResult {
  drafts: DeckDraft[];
  /** What was left out or changed (`warn.*` issues), for the preview. */
  warnings: Issue[];
}

/** What every step of one read shares. */
interface Read {
  file: string;
  opts: ReadAnkiOptions;
  progress: (done: number, total: number, phase: AnkiPhase) => void;
  /** Yields to the caller's event loop, then throws `CancelledError` if the user cancelled meanwhile. */
  between: () => Promise<void>;
}

/**
 * Reads the package. Anything wrong with it is an `IssueError` naming the file (and the part of the package, the
 * note or the media file); a cancel is a `CancelledError`.
 */
export async function readAnkiPackage(bytes: Uint8Array, opts: ReadAnkiOptions): Promise<AnkiReadResult> {
  // Every card cites the file (`source.doc`), which must not be blank.
  const file = opts.fileName.trim() || 'Anki package';
  const read: Read = {
    file,
    opts,
    progress: (done, total, phase) => opts.onProgress?.(done, total, phase),
    between: async () => {
      await opts.yieldToEvents?.();
      if (opts.signal?.cancelled) throw new CancelledError();
    },
  };
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    const params = { sizeBytes: bytes.length, limitBytes: IMPORT_LIMITS.maxFileBytes };
    throw new IssueError([{ file, code: 'file.too-big', params }]);
  }

  read.progress(0, 1, 'unpack');
  let container;
  try {
    container = openContainer(bytes, file, new Budget());
  } catch (e) {
    if (!(e instanceof PartError)) throw e;
    // Not a zip at all: say what the file should have been.
    throw new IssueError([e.issue.code === 'zip.not-zip' ? { file, code: 'anki.not-package' } : { file, ...e.issue }]);
  }
  // A problem of the collection is named by its file in the package (a bare collection is the file itself).
  const entry = container.collectionName === file ? undefined : container.collectionName;
  const located = (e: unknown) => {
    if (!(e instanceof PartError)) return e;
    const place = e.issue.place ?? (entry === undefined ? undefined : { entry });
    return new IssueError([{ file, ...e.issue, ...(place === undefined ? {} : { place }) }]);
  };
  let col: OpenCollection;
  try {
    col = openCollection(opts.sql, container.collection);
  } catch (e) {
    throw located(e);
  }
  // sql.js copied the database into its own memory: let the unpacked bytes go (they can be hundreds of MB).
  container.collection = new Uint8Array(0);
  read.progress(1, 1, 'unpack');

  try {
    await read.between();
    const schema = col.modern ? readModernSchema(col.db, col.hasConfig) : readLegacySchema(col.db);
    return await readCollection(read, col, schema, container);
  } catch (e) {
    throw located(e);
  } finally {
    col.db.close();
  }
}

async function readCollection(
  read: Read,
  col: OpenCollection,
  schema: AnkiSchema,
  container: Container,
): Promise<AnkiReadResult> {
  const { file, opts } = read;
  // Shared decks often carry scripts in their templates: they are taken out here (and counted), not refused.
  const disarmed = disarmTemplates(schema);
  const { cardsByNote, unknownDeck, marks } = await readCards(read, col, schema);

  // Decks a dockdeck export wrote carry the deck and its cards for dockdeck (embed.ts).
  const embeds = new Map<string, ReadEmbed>();
  for (const [id, info] of schema.decks) {
    const embed = info.dockdeck === undefined ? null : readEmbed(info.dockdeck, file);
    if (embed) embeds.set(id, embed);
  }
  const converter = await readNotes(read, col.db, schema, cardsByNote, embeds);
  if (converter.issueCount > 0) {
    const issues: Issue[] = [...converter.issues];
    const more = converter.issueCount - issues.length;
    if (more > 0) issues.push(moreIssues(file, more));
    throw new IssueError(issues);
  }
  const warnings = noteWarnings(file, converter, unknownDeck);
  const removed = disarmed + converter.activeRemoved;
  if (removed > 0) warnings.push({ file, code: 'warn.active-removed', params: { n: removed } });
  await read.between();

  const ankiDecks = [...converter.decks.keys()].sort(byName(schema));
  const deckIds = assignDeckIds(schema, ankiDecks, converter, embeds);
  const history = new Map<string, ImportedReview[]>();
  if (opts.includeScheduling && col.hasRevlog) {
    warnings.push(...(await readHistory(read, col.db, schema, converter, deckIds, history)));
    await read.between();
  }
  // Suspended, buried and flagged cards stay so with the scheduling; without it every card comes in new and unmarked,
  // as Anki's import without scheduling resets them.
  const marked = opts.includeScheduling ? marksByDeck(marks, converter, deckIds) : new Map<string, ImportedMarks[]>();
  const media = await readMedia(container, converter.decks, file, read.between, (done, total) =>
    read.progress(done, total, 'media'),
  );
  warnings.push(...media.warnings);

  const drafts = ankiDecks.map((d) => {
    const id = deckIds.get(d)!;
    const deck = deckOf(file, schema, d, id, converter, embeds.get(d)?.deck);
    const draft: DeckDraft = { deck, format: 'anki', media: media.byDeck.get(d) ?? [], history: history.get(id) ?? [] };
    const deckMarks = marked.get(id);
    return deckMarks ? { ...draft, marks: deckMarks } : draft;
  });
  return { drafts, warnings };
}

/** The marked Anki cards (`marks`, by Anki card id) as the study cards they became, by dockdeck deck id. */
function marksByDeck(
  marks: ReadonlyMap<string, AnkiMarks>,
  converter: NoteConverter,
  deckIds: ReadonlyMap<string, string>,
): Map<string, ImportedMarks[]> {
  const out = new Map<string, ImportedMarks[]>();
  for (const [cid, m] of marks) {
    const target = converter.targets.get(cid);
    const deckId = target && deckIds.get(target.deck);
    if (!target || deckId === undefined) continue;
    const entry: ImportedMarks = { cardId: `${deckId}/${target.studyCard}`, ...m };
    const list = out.get(deckId);
    if (list) list.push(entry);
    else out.set(deckId, [entry]);
  }
  return out;
}

/**
 * Cards, grouped by note: a card in a filtered deck belongs to its original (home) deck. Also the marks of the few
 * marked ones (suspended or buried queue, a flag), by card id.
 */
async function readCards(read: Read, col: OpenCollection, schema: AnkiSchema) {
  const cardsByNote = new Map<string, CardRow[]>();
  const marks = new Map<string, AnkiMarks>();
  let unknownDeck = 0;
  const home = col.hasOdid
    ? 'case when odid != 0 then cast(odid as text) else cast(did as text) end'
    : 'cast(did as text)';
  await forEachBatch(
    col.db,
    `select cast(id as text), cast(nid as text), ${home}, ord, queue, flags from cards`,
    20_000,
    read.between,
    (row) => {
      let deck = String(row[2]);
      if (!schema.decks.has(deck)) {
        unknownDeck++;
        deck = schema.decks.has('1') ? '1' : deck;
      }
      const card: CardRow = { id: String(row[0]), deck, ord: Number(row[3]) };
      const m = ankiMarks(Number(row[4]), Number(row[5]));
      if (m) marks.set(card.id, m);
      const list = cardsByNote.get(String(row[1]));
      if (list) list.push(card);
      else cardsByNote.set(String(row[1]), [card]);
    },
  );
  return { cardsByNote, unknownDeck, marks };
}

async function readNotes(
  read: Read,
  db: Database,
  schema: AnkiSchema,
  cardsByNote: Map<string, CardRow[]>,
  embeds: Map<string, ReadEmbed>,
): Promise<NoteConverter> {
  const converter = new NoteConverter(schema, read.file, IMPORT_LIMITS.maxListedIssues, embeds);
  const totalNotes = Number(allRows(db, 'select count(*) from notes')[0]?.[0] ?? 0);
  read.progress(0, totalNotes, 'notes');
  await forEachBatch(
    db,
    'select cast(id as text), guid, cast(mid as text), tags, flds from notes order by id',
    2_000,
    read.between,
    (row) => {
      const id = String(row[0]);
      converter.addNote(
        { id, guid: String(row[1] ?? ''), mid: String(row[2]), tags: String(row[3] ?? ''), flds: String(row[4] ?? '') },
        cardsByNote.get(id) ?? [],
      );
    },
    (done) => read.progress(done, totalNotes, 'notes'),
  );
  return converter;
}

/** The review log into `history` (by dockdeck deck id); what was left out, as warnings. */
async function readHistory(
  read: Read,
  db: Database,
  schema: AnkiSchema,
  converter: NoteConverter,
  deckIds: Map<string, string>,
  history: Map<string, ImportedReview[]>,
): Promise<Issue[]> {
  const counts = new Map<HistoryWarning, number>();
  const lastAnswer = new Map<string, number>();
  const targets = new Map<string, ReviewTarget>();
  for (const [cid, t] of converter.targets) {
    const deckId = deckIds.get(t.deck)!;
    targets.set(cid, { deckId, cardId: `${deckId}/${t.studyCard}` });
  }
  const total = Number(allRows(db, 'select count(*) from revlog')[0]?.[0] ?? 0);
  read.progress(0, total, 'history');
  await forEachBatch(
    db,
    'select id, cast(cid as text), ease, ivl, time, type from revlog order by id',
    20_000,
    read.between,
    (row) => {
      const [id, cid, ease, ivl, time, type] = row;
      const c = String(cid);
      const r = convertRevlog(
        { id: Number(id), cid: c, ease: Number(ease), ivl: Number(ivl), time: Number(time), type: Number(type) },
        targets,
        schema.schedV1,
        read.opts.now,
        lastAnswer,
      );
      if (typeof r === 'string') return void counts.set(r, (counts.get(r) ?? 0) + 1);
      const deckId = targets.get(c)!.deckId;
      const list = history.get(deckId);
      if (list) list.push(r);
      else history.set(deckId, [r]);
    },
    (done) => read.progress(done, total, 'history'),
  );
  return historyWarnings(read.file, counts);
}

/** Takes scripts, event handlers and javascript: links out of every template and stylesheet; how many there were. */
function disarmTemplates(schema: AnkiSchema): number {
  let removed = 0;
  const strip = (text: string) => {
    const r = stripActiveContent(text);
    removed += r.removed;
    return r.html;
  };
  for (const nt of schema.notetypes.values()) {
    for (const t of nt.templates) {
      t.qfmt = strip(t.qfmt);
      t.afmt = strip(t.afmt);
    }
  }
  return removed;
}
