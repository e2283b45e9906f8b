// Every citation the decks make: a card's or a table row's source document and section.
import type { Deck, Source } from '../../src/domain/deck-schema';
import { sourceName } from '../../src/domain/source';

function citation(source: Source, by: string): Citation {
  return {
    doc: sourceName(source),
    ...(source.url === undefined ? {} : { url: source.url }),
    section: source.section,
    by,
  };
}

export interface Citation {
  /** The cited document's file name, or the page's address for a URL citation. */
  doc: string;
  /** Set for a URL citation. */
  url?: string;
  section: string;
  /** `deckId/cardId`, or `deckId/table:tableId/rowId` for a table row. */
  by: string;
}

export function deckCitations(decks: readonly Deck[]): Citation[] {
  return decks.flatMap((deck) => [
    ...deck.cards.map((c) => citation(c.source, `${deck.id}/${c.id}`)),
    ...deck.tables.flatMap((t) => t.rows.map((r) => citation(r.source, `${deck.id}/table:${t.id}/${r.id}`))),
  ]);
}
