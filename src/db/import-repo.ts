// Writes confirmed import drafts: every deck, card, media file and imported review in one transaction, or nothing.
//
// Re-importing a deck updates its cards by stable id and keeps every review: a card already stored keeps its own
// FSRS state and logs, and imported history is applied only to cards that are new to the database.
import { bulkPutChunked } from './chunked';
import { ImportError, type DeckDraft, type ImportIssue } from '../domain/import/draft';
import { groupHistory, replayHistory, type ReplayedCard } from '../domain/import/history';
import {
  builtinIssue,
  checkDrafts,
  contentFingerprint,
  previewImport,
  type ImportPreview,
  type StoredDeck,
} from '../domain/import/preview';
import { hashText } from '../domain/import/progress';
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from '../domain/scheduler';
import { expandDeck } from '../domain/study-card';
import type { DockdeckDB, MediaRow, ReviewLogRow } from './database';
import { writeDeckRows } from './deck-repo';

export interface ImportOptions {
  /** Epoch ms: created/updated times of the rows, and the latest imported review that is believed. */
  now: number;
  /** Apply the drafts' review history to cards new to the database. */
  includeScheduling: boolean;
  settings?: SchedulerSettings;
  /** The imported file's name, for messages. */
  file?: string;
}

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

/** The stored state of the decks the drafts would write, for the preview diff. */
export async function storedDecks(db: DockdeckDB, deckIds: readonly string[]): Promise<Map<string, StoredDeck>> {
  const rows = await db.decks.bulkGet([...deckIds]);
  const out = new Map<string, StoredDeck>();
  for (const row of rows) {
    if (!row) continue;
    const cards = await db.cards.where('deckId').equals(row.id).toArray();
    out.set(row.id, {
      id: row.id,
      title: row.title,
      builtin: row.builtin,
      origin: row.origin,
      cards: cards.map((c) => ({ id: c.id, fingerprint: contentFingerprint(c) })),
    });
  }
  return out;
}

/** Per deck "N new, M changed, K removed" against what is stored, and issues that refuse the import. */
export async function previewDrafts(
  db: DockdeckDB,
  drafts: readonly DeckDraft[],
  opts: { includeScheduling: boolean; file?: string },
): Promise<ImportPreview> {
  const stored = await storedDecks(
    db,
    drafts.map((d) => d.deck.id),
  );
  return previewImport(opts.file ?? fileOf(drafts), drafts, stored, opts);
}

function fileOf(drafts: readonly DeckDraft[]): string {
  return drafts[0]?.deck.sources[0]?.doc ?? 'import';
}

/** Same deck content, same hash: re-importing an unchanged file rewrites no card. */
function draftHash(draft: DeckDraft): string {
  return `import-${hashText(JSON.stringify([draft.format, draft.deck]))}`;
}

function logRows(deckId: string, replayed: ReplayedCard): ReviewLogRow[] {
  const used = new Set<string>();
  return replayed.records.map((r) => {
    // Ids from card and time, so importing the same history twice cannot log an answer twice.
    let id = `import:${r.cardId}@${r.review}`;
    for (let n = 2; used.has(id); n++) id = `import:${r.cardId}@${r.review}#${n}`;
    used.add(id);
    return { ...r, id, deckId, kind: 'review' };
  });
}

/**
 * Writes all drafts in ONE `rw` transaction over decks, cards, reviewLogs and media: if anything fails (a
 * refused draft, a full disk), nothing is written. Throws `ImportError` when a draft would replace a built-in
 * deck or two drafts have the same deck id.
 */
export async function importDrafts(
  db: DockdeckDB,
  drafts: readonly DeckDraft[],
  opts: ImportOptions,
): Promise<DeckImportResult[]> {
  const file = opts.file ?? fileOf(drafts);
  const early = checkDrafts(file, drafts);
  if (early.length > 0) throw new ImportError(early);
  const settings = opts.settings ?? DEFAULT_SCHEDULER_SETTINGS;

  // The replay is pure and needs nothing stored; doing it first keeps the transaction short.
  const prepared = drafts.map((draft) => {
    const cards = expandDeck(draft.deck);
    const replayed = new Map<string, ReplayedCard>();
    if (opts.includeScheduling && draft.history.length > 0) {
      const ids = new Set(cards.map((c) => c.id));
      for (const [cardId, reviews] of groupHistory(draft.history)) {
        if (!ids.has(cardId)) continue;
        const r = replayHistory(cardId, reviews, opts.now, settings);
        if (r) replayed.set(cardId, r);
      }
    }
    const media: MediaRow[] = draft.media.map((m) => ({
      deckId: draft.deck.id,
      name: m.name,
      type: m.type,
      data: new Blob([m.data as Uint8Array<ArrayBuffer>], { type: m.type }),
      size: m.data.byteLength,
    }));
    return { draft, cards, replayed, media, hash: draftHash(draft) };
  });

  return db.transaction('rw', [db.decks, db.cards, db.reviewLogs, db.media], async () => {
    const existing = await db.decks.bulkGet(drafts.map((d) => d.deck.id));
    const refused: ImportIssue[] = existing.flatMap((row) => (row?.builtin ? [builtinIssue(file, row.id)] : []));
    if (refused.length > 0) throw new ImportError(refused);

    const results: DeckImportResult[] = [];
    for (const { draft, cards, replayed, media, hash } of prepared) {
      const deckId = draft.deck.id;
      const written = await writeDeckRows(db, draft.deck, cards, {
        hash,
        builtin: false,
        now: opts.now,
        origin: draft.format,
        initialMemory: (card) => replayed.get(card.id)?.memory,
      });
      // Only cards new to the database take the imported history; stored cards keep their own.
      const logs = written.addedIds.flatMap((id) => {
        const r = replayed.get(id);
        return r ? logRows(deckId, r) : [];
      });
      await bulkPutChunked(db.reviewLogs, logs);
      // Media rows are keyed by deck and name, so writing them again is harmless (and catches changed files).
      await bulkPutChunked(db.media, media, 50);
      results.push({
        deckId,
        added: written.added,
        changed: written.changed,
        removed: written.removed,
        skipped: written.skipped,
        scheduled: written.addedIds.filter((id) => replayed.has(id)).length,
        reviews: logs.length,
      });
    }
    return results;
  });
}
