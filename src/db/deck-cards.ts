// The cards of one deck, read through the primary key: a card id is always `deckId/…` (expandDeck makes it so), and a
// deck id is a slug without '/', so the ids starting with `deckId/` are exactly that deck's cards, in id order.
import type { Collection, InsertType } from 'dexie';
import type { CardRow, DockdeckDB } from './database';

/** The deck's cards as a Dexie collection (count, primaryKeys, toArray…), without a `deckId` index. */
export function cardsOfDeck(db: DockdeckDB, deckId: string): Collection<CardRow, string, InsertType<CardRow, 'id'>> {
  return db.cards.where('id').startsWith(`${deckId}/`);
}
