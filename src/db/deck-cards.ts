// The cards of one deck, read through the primary key: a card id is always `deckId/…` (expandDeck makes it so), and a
// deck id is a slug without '/', so the ids starting with `deckId/` are exactly that deck's cards, in id order.
import type { Collection, InsertType } from 'dexie';
import type { CardRow, DockdeckDB } from './database';

/** The deck's cards as a Dexie collection (count, primaryKeys, toArray…), without a `deckId` index. */
export function cardsOfDeck(db: DockdeckDB, deckId: string): Collection<CardRow, string, InsertType<CardRow, 'id'>> {
  return db.cards.where('id').startsWith(`${deckId}/`);
}

/** Stored cards are read this many at a time: each page is a short task, even for a deck of 100,000 cards. */
export const READ_PAGE = 2000;

/** Calls `onPage` with the deck's stored cards a page at a time, in id order. */
export async function forEachCardPage(
  db: DockdeckDB,
  deckId: string,
  onPage: (rows: CardRow[]) => void,
  size = READ_PAGE,
): Promise<void> {
  const high = `${deckId}/\uffff`;
  let after = `${deckId}/`;
  let first = true;
  for (;;) {
    const page = await db.cards.where('id').between(after, high, first, true).limit(size).toArray();
    if (page.length > 0) onPage(page);
    if (page.length < size) return;
    after = page[page.length - 1]!.id;
    first = false;
  }
}
