// Writes decks and their cards: one transaction per deck, review state kept across updates.
import { bulkDeleteChunked, bulkPutChunked } from './chunked';
import type { Deck } from '../domain/deck-schema';
import { cardFingerprint, diffDeck, type DeckDiff } from '../domain/deck-diff';
import { newMemory, type Memory } from '../domain/scheduler';
import type { StudyCard } from '../domain/study-card';
import type { CardRow, DeckOrigin, DeckRow, DockdeckDB } from './database';
import { cardsOfDeck } from './deck-cards';

export interface DeckWriteResult {
  added: number;
  changed: number;
  removed: number;
  /** True when the stored deck already had this content hash and nothing was written. */
  skipped: boolean;
}

function cardRow(
  card: StudyCard,
  base: Omit<CardRow, keyof StudyCard | 'createdAt' | 'updatedAt'>,
  createdAt: number,
  now: number,
): CardRow {
  return { ...base, ...card, createdAt, updatedAt: now };
}

function memoryOf(row: CardRow): Omit<CardRow, keyof StudyCard | 'createdAt' | 'updatedAt'> {
  const { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview } =
    row;
  return { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview };
}

export interface DeckWriteOptions {
  hash: string;
  builtin: boolean;
  now: number;
  origin?: DeckOrigin;
  /** The memory a card new to the database starts with (imported history); default: never studied. */
  initialMemory?: (card: StudyCard) => Memory | undefined;
}

/**
 * Inserts or updates a deck and its cards by stable id. Review state of kept cards is never touched;
 * cards gone from the deck are removed (their review logs stay).
 */
export async function upsertDeck(
  db: DockdeckDB,
  deck: Deck,
  cards: readonly StudyCard[],
  opts: DeckWriteOptions,
): Promise<DeckWriteResult> {
  return db.transaction('rw', db.decks, db.cards, async () => {
    const { addedIds: _, ...result } = await writeDeckRows(db, deck, cards, opts);
    return result;
  });
}

/**
 * The body of `upsertDeck` without a transaction of its own, for writes that span more tables (imports write
 * decks, cards, logs and media together). Call it inside a `rw` transaction over at least decks and cards.
 */
export async function writeDeckRows(
  db: DockdeckDB,
  deck: Deck,
  cards: readonly StudyCard[],
  opts: DeckWriteOptions,
): Promise<DeckWriteResult & { addedIds: string[] }> {
  const existing = await db.decks.get(deck.id);
  if (existing && existing.contentHash === opts.hash)
    return { added: 0, changed: 0, removed: 0, skipped: true, addedIds: [] };
  const stored = await cardsOfDeck(db, deck.id).toArray();
  const byId = new Map(stored.map((r) => [r.id, r]));
  const diff: DeckDiff = diffDeck(
    stored.map((r) => ({ id: r.id, fingerprint: cardFingerprint(r) })),
    cards,
  );
  const fresh = newMemory(new Date(opts.now));
  const puts: CardRow[] = [
    ...diff.added.map((c) => cardRow(c, opts.initialMemory?.(c) ?? fresh, opts.now, opts.now)),
    ...diff.changed.map((c) => {
      const old = byId.get(c.id)!;
      return cardRow(c, memoryOf(old), old.createdAt, opts.now);
    }),
  ];
  await bulkPutChunked(db.cards, puts);
  await bulkDeleteChunked(db.cards, diff.removed);
  const row: DeckRow = {
    id: deck.id,
    title: deck.title,
    ...(deck.description ? { description: deck.description } : {}),
    tags: deck.tags,
    sources: deck.sources,
    tables: deck.tables,
    ...(deck.textFormat ? { textFormat: deck.textFormat } : {}),
    builtin: opts.builtin,
    origin: opts.origin ?? (opts.builtin ? 'builtin' : 'json'),
    contentHash: opts.hash,
    createdAt: existing?.createdAt ?? opts.now,
    updatedAt: opts.now,
  };
  await db.decks.put(row);
  const addedIds = diff.added.map((c) => c.id);
  return {
    added: diff.added.length,
    changed: diff.changed.length,
    removed: diff.removed.length,
    skipped: false,
    addedIds,
  };
}

export async function deckHashes(db: DockdeckDB): Promise<Map<string, string>> {
  const rows = await db.decks.toArray();
  return new Map(rows.map((d) => [d.id, d.contentHash]));
}

export function getDeck(db: DockdeckDB, id: string): Promise<DeckRow | undefined> {
  return db.decks.get(id);
}

export function listDecks(db: DockdeckDB): Promise<DeckRow[]> {
  return db.decks.toArray();
}
