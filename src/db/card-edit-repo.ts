// Saving an edited card (a deck card: one note, which may make several study cards): checked as the deck file's
// card would be, then its study cards rewritten in one transaction. A study card that stays keeps its memory, marks
// and history; one the edit removes (a cloze number taken out) is deleted, its log kept; one it adds starts new.
// An edit of a built-in deck's card is also kept in `noteEdits`, so that an update of the built-in deck keeps the
// user's version (see `applyNoteEdits`), until the user restores the original.
import type { DockdeckDB, CardRow, NoteEditRow } from './database';
import { deckFields } from '../domain/deck-fields';
import type { Deck, DeckCard } from '../domain/deck-schema';
import { IssueError } from '../domain/errors';
import { newMemory } from '../domain/scheduler';
import { expandDeck } from '../domain/study-card';
import { parseDeck } from '../formats/dockdeck/validate';

export interface CardEditResult {
  kept: string[];
  added: string[];
  removed: string[];
}

/** The study cards stored for one deck card: ids `deckId/cardId` and `deckId/cardId:…` of that note. */
async function noteRows(db: DockdeckDB, deckId: string, cardId: string): Promise<CardRow[]> {
  const noteId = `${deckId}/${cardId}`;
  return db.cards
    .where('id')
    .startsWith(noteId)
    .filter((r) => r.noteId === noteId)
    .toArray();
}

/**
 * Saves `edited` as the new version of its card in deck `deckId`. Refused with an IssueError naming each field when
 * the card would not be valid in the deck file (an empty front, an mcq answer out of range, a cloze with no gap…);
 * then nothing is written.
 */
export async function saveCardEdit(
  db: DockdeckDB,
  deckId: string,
  edited: DeckCard,
  now: number,
): Promise<CardEditResult> {
  return db.transaction('rw', db.decks, db.cards, db.noteEdits, async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) throw new IssueError([{ file: deckId, code: 'deck.not-object' }]);
    const parsed = parseDeck(`${deckId}.json`, {
      format: 'dockdeck/deck@1',
      ...deckFields(deck),
      tables: [],
      cards: [edited],
    });
    if (!parsed.ok) throw new IssueError(parsed.issues);
    const card = parsed.deck.cards[0]!;
    const stored = await noteRows(db, deckId, card.id);
    const byId = new Map(stored.map((r) => [r.id, r]));
    // New study cards of the note go where the note's cards stood (or after the deck's last card).
    const base = stored.length > 0 ? Math.min(...stored.map((r) => r.position)) : await nextPosition(db, deckId);
    const fresh = newMemory(new Date(now));
    const result: CardEditResult = { kept: [], added: [], removed: [] };
    const puts: CardRow[] = expandDeck({ ...parsed.deck, cards: [card] }).map((sc, i) => {
      const row = byId.get(sc.id);
      byId.delete(sc.id);
      (row ? result.kept : result.added).push(sc.id);
      const position = row?.position ?? base + i;
      return row
        ? { ...row, ...sc, position, updatedAt: now }
        : { ...fresh, ...sc, position, createdAt: now, updatedAt: now };
    });
    result.removed = [...byId.keys()];
    await db.cards.bulkPut(puts);
    if (result.removed.length > 0) await db.cards.bulkDelete(result.removed);
    if (deck.builtin) await db.noteEdits.put({ deckId, cardId: card.id, card, editedAt: now });
    return result;
  });
}

async function nextPosition(db: DockdeckDB, deckId: string): Promise<number> {
  const last = await db.cards.where('[deckId+position]').between([deckId, -Infinity], [deckId, Infinity]).last();
  return last ? last.position + 1 : 0;
}

/** The built-in deck file with the user's edits in place of its cards (edits of cards the file dropped are left out). */
export function applyNoteEdits(deck: Deck, edits: readonly NoteEditRow[]): { deck: Deck; edited: number } {
  const byId = new Map(edits.filter((e) => e.deckId === deck.id).map((e) => [e.cardId, e.card]));
  let edited = 0;
  const cards = deck.cards.map((c) => {
    const mine = byId.get(c.id);
    if (!mine || mine.type !== c.type) return c;
    edited++;
    return mine;
  });
  return { deck: { ...deck, cards }, edited };
}

export function noteEditsOf(db: DockdeckDB, deckId: string): Promise<NoteEditRow[]> {
  return db.noteEdits.where('deckId').equals(deckId).toArray();
}

/** Drops the user's version of a built-in card and writes the file's `original` back (history kept as for any edit). */
export async function restoreOriginal(
  db: DockdeckDB,
  deckId: string,
  original: DeckCard,
  now: number,
): Promise<CardEditResult> {
  return db.transaction('rw', db.decks, db.cards, db.noteEdits, async () => {
    const result = await saveCardEdit(db, deckId, original, now);
    await db.noteEdits.delete([deckId, original.id]);
    return result;
  });
}
