// Every citation the decks make: a card's or a table row's source document and section.
import type { Deck } from '../../src/domain/deck-schema';

export interface Citation {
  doc: string;
  section: string;
  /** `deckId/cardId`, or `deckId/table:tableId/rowId` for a table row. */
  by: string;
}

export function deckCitations(decks: readonly Deck[]): Citation[] {
  return decks.flatMap((deck) => [
    ...deck.cards.map((c) => ({ ...c.source, by: `${deck.id}/${c.id}` })),
    ...deck.tables.flatMap((t) => t.rows.map((r) => ({ ...r.source, by: `${deck.id}/table:${t.id}/${r.id}` }))),
  ]);
}
