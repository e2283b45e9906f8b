// The user's versions of built-in cards, as the start-up sync applies them: kept apart from card-edit-repo.ts so
// that the first screen loads no deck validator (and no Zod schema is made before main.tsx configures Zod).
import type { DockdeckDB, NoteEditRow } from './database';
import type { Deck } from '../domain/deck-schema';

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
