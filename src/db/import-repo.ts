// Writes confirmed imports: every deck, card, media file and imported review in one transaction, or nothing.
//
// The import worker does the heavy part (parse, expand, hash, replay history: `prepareDraft`); this side reads what
// is stored and writes, each step a short task, so a 50,000-card import never freezes the page.
//
// Re-importing a deck updates its cards by stable id and keeps every review: a card already stored keeps its own
// FSRS state and logs, and imported history is applied only to cards that are new to the database.
import { bulkPutChunked } from './chunked';
import { IssueError } from '../domain/errors';
import type { Issue } from '../domain/issue';
import type { DeckDraft } from '../formats/import/draft';
import type { ReplayedCard } from '../formats/import/history';
import { contentHash } from '../formats/import/deck-diff';
import { prepareDraft, type DeckMeta, type PreparedDeck } from '../formats/import/prepare';
import {
  builtinIssue,
  canRemoveMissing,
  checkDeckIds,
  previewImport,
  type ImportPreview,
  type StoredDeck,
} from '../formats/import/preview';
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from '../domain/scheduler';
import { dayWindow } from '../domain/day-window';
import { readSettings } from './settings-repo';
import type { PreparedCard } from '../formats/import/prepare';
import type { DockdeckDB, MediaRow, ReviewLogRow } from './database';
import { manualLogEntry } from './manual-log';
import { forEachCardPage } from './deck-cards';
import { writeDeckRows } from './deck-repo';
import { existingCards, putMarks } from './marks-table';
import type { CardMarks } from '../domain/marks';

export interface DeckImportResult {
  deckId: string;
  added: number;
  changed: number;
  removed: number;
  /** True when the stored deck already had exactly this content: nothing was written for it. */
  skipped: boolean;
  /** Cards that start with the imported history's FSRS state, and the review-log rows written for them. */
  scheduled: number;
  reviews: number;
}

export type StoredDeckInfo = Omit<StoredDeck, 'cards'>;

/**
 * The stored state of the decks an import would write, for the preview diff: each stored deck's row, and its
 * cards' content hashes handed to `onCards` a page at a time (the import screen passes them on to the worker).
 */
export async function readStoredDecks(
  db: DockdeckDB,
  deckIds: readonly string[],
  onCards: (deckId: string, cards: StoredDeck['cards']) => void,
): Promise<StoredDeckInfo[]> {
  const rows = await db.decks.bulkGet([...deckIds]);
  const out: StoredDeckInfo[] = [];
  for (const row of rows) {
    if (!row) continue;
    out.push({ id: row.id, title: row.title, builtin: row.builtin, origin: row.origin });
    await forEachCardPage(db, row.id, (page) =>
      onCards(
        row.id,
        page.map((c) => ({ id: c.id, fingerprint: contentHash(c) })),
      ),
    );
  }
  return out;
}

/** The stored decks with all their cards' hashes at once (for callers without a worker). */
export async function storedDecks(db: DockdeckDB, deckIds: readonly string[]): Promise<Map<string, StoredDeck>> {
  const cards = new Map<string, Array<StoredDeck['cards'][number]>>();
  const infos = await readStoredDecks(db, deckIds, (deckId, page) => {
    const list = cards.get(deckId);
    if (list) list.push(...page);
    else cards.set(deckId, [...page]);
  });
  return new Map(infos.map((info) => [info.id, { ...info, cards: cards.get(info.id) ?? [] }]));
}

export interface PrepareInProcess {
  includeScheduling: boolean;
  settings?: SchedulerSettings;
  /** Epoch ms: imported answers dated after it are left out (default: none is). */
  now?: number;
  file?: string;
}

const prepareAll = (drafts: readonly DeckDraft[], opts: PrepareInProcess) =>
  drafts.map((d) =>
    prepareDraft(d, {
      now: opts.now ?? Number.MAX_SAFE_INTEGER,
      includeScheduling: opts.includeScheduling,
      settings: opts.settings ?? DEFAULT_SCHEDULER_SETTINGS,
    }),
  );

/**
 * Per deck "N new, M changed, K removed" against what is stored, and issues that refuse the import: the import
 * worker's preview, run in this thread (for small imports and tests).
 */
export async function previewDrafts(
  db: DockdeckDB,
  drafts: readonly DeckDraft[],
  opts: PrepareInProcess,
): Promise<ImportPreview> {
  const stored = await storedDecks(
    db,
    drafts.map((d) => d.deck.id),
  );
  return previewImport(opts.file ?? fileOf(drafts.map((d) => d.deck)), prepareAll(drafts, opts), stored);
}

/** The imported file's name when the caller gave none: the first deck's source document. */
function fileOf(decks: ReadonlyArray<Pick<DeckMeta, 'sources'>>): string {
  return decks[0]?.sources[0]?.doc ?? 'import';
}

function logRows(deckId: string, replayed: ReplayedCard): ReviewLogRow[] {
  const used = new Set<string>();
  // Ids from card and time, so importing the same history twice cannot log an answer twice.
  const idOf = (base: string) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}#${n}`;
    used.add(id);
    return id;
  };
  const answers: ReviewLogRow[] = replayed.records.map((r) => ({
    ...r,
    id: idOf(`import:${r.cardId}@${r.review}`),
    deckId,
    kind: 'review',
  }));
  // The history's manual entries too, so that the card's memory is the replay of its log (domain/replay.ts).
  const card = { id: replayed.cardId, deckId };
  const manual = (replayed.manual ?? []).map((m) => ({
    ...manualLogEntry(card, m.rating, m.before, m.after, m.review),
    id: idOf(`import:${replayed.cardId}@${m.review}:manual`),
  }));
  return [...answers, ...manual];
}

export interface WriteOptions {
  /** Epoch ms: created/updated times of the rows. */
  now: number;
  /**
   * Decks whose stored cards that the file no longer holds are deleted, as the user ticked on the confirm screen.
   * Honoured only for a dockdeck deck file updating the same dockdeck deck (`canRemoveMissing`); otherwise ignored.
   */
  removeMissing?: ReadonlySet<string>;
  /** The imported file's name, for messages. */
  file?: string;
  /** Cards written so far of all the decks' cards. */
  onProgress?: (done: number, total: number) => void;
  /** The hour the study day starts (default: the stored settings'): a card the file buried stays so until then. */
  dayStartHour?: number;
}

/**
 * The file's marks on the cards new to the database (a stored card keeps its own, as it keeps its memory): written
 * over the rows just put, in the same transaction. A buried card is buried until the next study day starts.
 */
async function writeMarks(db: DockdeckDB, added: readonly PreparedCard[], buriedUntil: number): Promise<void> {
  const marked = new Map(added.flatMap((c) => (c.marks ? [[c.card.id, c.marks] as const] : [])));
  if (marked.size === 0) return;
  const stored = await existingCards(db, marked.keys());
  const marks = new Map<string, CardMarks>();
  for (const [id, m] of marked)
    if (stored.has(id))
      marks.set(id, {
        ...(m.suspended ? { suspended: true } : {}),
        ...(m.buried ? { buriedUntil } : {}),
        ...(m.flag ? { flag: m.flag } : {}),
      });
  await putMarks(db, marks);
}

/**
 * Writes prepared decks in ONE `rw` transaction over decks, cards (and their marks), reviewLogs and media: if anything
 * fails (a deck that would replace a built-in one, the same deck twice, a full disk), nothing is written.
 */
export async function writePrepared(
  db: DockdeckDB,
  decks: readonly PreparedDeck[],
  opts: WriteOptions,
): Promise<DeckImportResult[]> {
  const file = opts.file ?? fileOf(decks.map((d) => d.meta));
  const early = checkDeckIds(
    file,
    decks.map((d) => d.meta.id),
  );
  if (early.length > 0) throw new IssueError(early);
  const { now } = opts;
  const marked = decks.some((d) => d.cards.some((c) => c.marks?.buried));
  const hour = opts.dayStartHour ?? (marked ? (await readSettings(db)).study.dayStartHour : 0);
  const buriedUntil = dayWindow(now, hour).end;
  const total = decks.reduce((n, d) => n + d.cards.length, 0);
  let done = 0;

  return db.transaction('rw', [db.decks, db.cards, db.cardMarks, db.reviewLogs, db.media], async () => {
    const existing = new Map(
      (await db.decks.bulkGet(decks.map((d) => d.meta.id))).flatMap((row) => (row ? [[row.id, row] as const] : [])),
    );
    const refused: Issue[] = [];
    for (const deck of decks)
      if (existing.get(deck.meta.id)?.builtin && !(await holdsUnchanged(db, deck)))
        refused.push(builtinIssue(file, deck.meta.id));
    if (refused.length > 0) throw new IssueError(refused);

    const results: DeckImportResult[] = [];
    for (const deck of decks) {
      const deckId = deck.meta.id;
      const stored = existing.get(deckId);
      if (stored?.builtin) {
        // Its own export coming back, card for card: nothing to write.
        done += deck.cards.length;
        opts.onProgress?.(done, total);
        results.push({ deckId, added: 0, changed: 0, removed: 0, skipped: true, scheduled: 0, reviews: 0 });
        continue;
      }
      const written = await writeDeckRows(db, deck.meta, deck.cards, {
        hash: deck.hash,
        builtin: false,
        now,
        origin: deck.format,
        removeMissing: (opts.removeMissing?.has(deckId) ?? false) && canRemoveMissing(deck.format, stored),
        onSlice: (n) => {
          done += n;
          opts.onProgress?.(done, total);
        },
      });
      if (written.skipped) {
        done += deck.cards.length;
        opts.onProgress?.(done, total);
      }
      // Only cards new to the database take the imported history and marks; stored cards keep their own.
      await writeMarks(db, written.addedCards, buriedUntil);
      const scheduled = written.addedCards.flatMap((c) => (c.replayed ? [c.replayed] : []));
      const logs = scheduled.flatMap((r) => logRows(deckId, r));
      await bulkPutChunked(db.reviewLogs, logs);
      const result: DeckImportResult = {
        deckId,
        added: written.added,
        changed: written.changed,
        removed: written.removed,
        skipped: written.skipped,
        scheduled: scheduled.length,
        reviews: scheduled.reduce((n, r) => n + r.records.length, 0),
      };
      // Media rows are keyed by deck and name, so writing them again is harmless (and catches changed files).
      const media: MediaRow[] = deck.media.map((m) => ({
        deckId,
        name: m.name,
        type: m.type,
        data: new Blob([m.data as Uint8Array<ArrayBuffer>], { type: m.type }),
        size: m.data.byteLength,
      }));
      await bulkPutChunked(db.media, media, 50);
      results.push(result);
    }
    return results;
  });
}

/** Every card of the prepared deck is stored with the same content (for a built-in deck's id: nothing would change). */
async function holdsUnchanged(db: DockdeckDB, deck: PreparedDeck): Promise<boolean> {
  const stored = new Map<string, string>();
  await forEachCardPage(db, deck.meta.id, (page) => {
    for (const row of page) stored.set(row.id, contentHash(row));
  });
  return deck.cards.every((c) => stored.get(c.card.id) === c.content);
}

/** Prepares drafts in this thread and writes them (for small imports and tests; the import screen uses the worker). */
export function importDrafts(
  db: DockdeckDB,
  drafts: readonly DeckDraft[],
  opts: PrepareInProcess & WriteOptions,
): Promise<DeckImportResult[]> {
  return writePrepared(db, prepareAll(drafts, opts), opts);
}
