// Writes decks and their cards: one transaction per deck, review state kept across updates.
import { bulkDeleteChunked, WRITE_SLICE } from './chunked';
import { deckFields } from '../domain/deck-fields';
import type { Deck } from '../domain/deck-schema';
import { contentHash, sameSource } from '../formats/import/deck-diff';
import { sourceName } from '../domain/source';
import { deckMeta, type DeckMeta, type PreparedCard } from '../formats/import/prepare';
import { newMemory } from '../domain/scheduler';
import type { StudyCard } from '../domain/study-card';
import type { CardRow, DeckOrigin, DeckRow, DockdeckDB } from './database';
import { forEachCardPage } from './deck-cards';
import { citesSources } from './deck-prefs';
import { dropMarks } from './marks-table';

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

/** What a stored card keeps when its deck file is loaded again: its memory (its marks are not in the row). */
function memoryOf(row: CardRow): Omit<CardRow, keyof StudyCard | 'createdAt' | 'updatedAt'> {
  const { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview } =
    row;
  return {
    due,
    stability,
    difficulty,
    elapsedDays,
    scheduledDays,
    learningSteps,
    reps,
    lapses,
    state,
    lastReview,
  };
}

export interface DeckWriteOptions {
  hash: string;
  builtin: boolean;
  now: number;
  origin?: DeckOrigin;
  /**
   * Delete the stored cards the deck no longer has (their review logs stay). Only for a deck file that replaces its
   * own earlier version: a built-in deck, or a dockdeck deck file when the user ticked it. An Anki or CSV import
   * only adds and updates, as Anki's does: cards of the same deck that the file does not hold are kept.
   */
  removeMissing: boolean;
}

/**
 * Inserts or updates a deck and its cards by stable id. Review state of kept cards is never touched;
 * cards gone from the deck are removed when `removeMissing` (their review logs stay).
 */
export async function upsertDeck(
  db: DockdeckDB,
  deck: Deck,
  cards: readonly StudyCard[],
  opts: Omit<DeckWriteOptions, 'removeMissing'> & { removeMissing?: boolean },
): Promise<DeckWriteResult> {
  const incoming = cards.map((card) => ({ card, content: contentHash(card) }));
  return db.transaction('rw', db.decks, db.cards, db.cardMarks, async () => {
    const { addedCards: _, ...result } = await writeDeckRows(db, deckMeta(deck), incoming, {
      ...opts,
      removeMissing: opts.removeMissing ?? true,
    });
    return result;
  });
}

/**
 * The body of `upsertDeck` without a transaction of its own, for writes that span more tables (imports write
 * decks, cards, logs and media together). Call it inside a `rw` transaction over at least decks, cards and cardMarks
 * (a card removed loses its marks).
 *
 * A card new to the database starts with its `replayed` memory (imported history) or as never studied; a stored
 * card keeps its memory and is rewritten only when its content or place changed. Stored cards are read a page at
 * a time and written a slice at a time (each a short task), one slice in flight while the next is built.
 */
export async function writeDeckRows(
  db: DockdeckDB,
  deck: DeckMeta,
  cards: readonly PreparedCard[],
  opts: DeckWriteOptions & { onSlice?: (cards: number) => void },
): Promise<DeckWriteResult & { addedCards: PreparedCard[] }> {
  const existing = await db.decks.get(deck.id);
  if (existing && existing.contentHash === opts.hash)
    return { added: 0, changed: 0, removed: 0, skipped: true, addedCards: [] };
  const stored = new Map<string, CardRow>();
  await forEachCardPage(db, deck.id, (page) => {
    for (const row of page) stored.set(row.id, row);
  });
  const fresh = newMemory(new Date(opts.now));
  // A deck file's own citations are part of it; an imported card's source is only the file it last came from.
  const cites = citesSources(opts.origin);
  // A deck file says where each card stands. An Anki or CSV import adds to the deck as Anki does: the cards already
  // there keep their places in the new-card order, and new ones come after them.
  let next = 0;
  if (!cites) for (const row of stored.values()) next = Math.max(next, row.position + 1);
  const addedCards: PreparedCard[] = [];
  let changed = 0;
  let writing: Promise<unknown> | null = null;
  for (let at = 0; at < cards.length; at += WRITE_SLICE) {
    const slice = cards.slice(at, at + WRITE_SLICE);
    const puts: CardRow[] = [];
    for (const prepared of slice) {
      const { content, replayed } = prepared;
      const row = stored.get(prepared.card.id);
      const place = cites ? prepared.card.position : row ? row.position : next++;
      // A new object only where the place differs (most imports are into a new deck, where it never does).
      const card = place === prepared.card.position ? prepared.card : { ...prepared.card, position: place };
      if (!row) {
        addedCards.push(prepared);
        puts.push(cardRow(card, replayed?.memory ?? fresh, opts.now, opts.now));
        continue;
      }
      stored.delete(card.id);
      const edited = contentHash(row) !== content;
      if (edited) changed++;
      // A card that only moved is not "changed" for the user, but takes its new place in the new-card order; a
      // corrected citation is written too.
      const recited = cites && !sameSource(row.source, card.source);
      if (edited || recited || row.position !== card.position)
        puts.push(cardRow(card, memoryOf(row), row.createdAt, opts.now));
    }
    const put = puts.length > 0 ? db.cards.bulkPut(puts) : null;
    // Awaited below; a failure aborts the transaction and surfaces there.
    put?.catch(() => {});
    if (writing) await writing;
    writing = put;
    opts.onSlice?.(slice.length);
  }
  if (writing) await writing;
  const removed = opts.removeMissing ? stored.size : 0;
  if (opts.removeMissing) {
    await bulkDeleteChunked(db.cards, [...stored.keys()]);
    await dropMarks(db, stored.keys());
  }
  const meta = opts.removeMissing || !existing ? deck : mergedMeta(existing, deck);
  await db.decks.put(deckRow(meta, opts, existing));
  return { added: addedCards.length, changed, removed, skipped: false, addedCards };
}

/**
 * The deck's fields after an import that adds to it: the file's title and text format, with the sources and Anki
 * note types of both (cards kept from an earlier file still cite it and still use its note types).
 */
function mergedMeta(existing: DeckRow, incoming: DeckMeta): DeckMeta {
  const sources = [...incoming.sources];
  for (const s of existing.sources) if (!sources.some((x) => sourceName(x) === sourceName(s))) sources.push(s);
  const types = new Map((existing.ankiNotetypes ?? []).map((t) => [t.id, t]));
  for (const t of incoming.ankiNotetypes ?? []) types.set(t.id, t);
  const { ankiNotetypes: _, ...rest } = incoming;
  return { ...rest, sources, ...(types.size > 0 ? { ankiNotetypes: [...types.values()] } : {}) };
}

/** The deck row for a deck file (its cards are rows of their own); `existing` keeps its creation time. */
export function deckRow(
  deck: DeckMeta,
  opts: Pick<DeckWriteOptions, 'hash' | 'builtin' | 'now' | 'origin'>,
  existing: DeckRow | undefined,
): DeckRow {
  return {
    ...deckFields(deck),
    builtin: opts.builtin,
    // A deck stays what it first was (a dockdeck deck file's own export coming back through Anki is still that deck).
    origin: existing?.origin ?? opts.origin ?? (opts.builtin ? 'builtin' : 'json'),
    contentHash: opts.hash,
    createdAt: existing?.createdAt ?? opts.now,
    updatedAt: opts.now,
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
