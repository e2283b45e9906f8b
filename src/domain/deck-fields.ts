// A deck's own fields (no format tag, no cards): what a stored deck row keeps of its file, and what an export puts
// back. Kept apart from deck-schema.ts so that using it does not load Zod.
import type { Deck } from './deck-schema';

export type DeckFields = Pick<
  Deck,
  'id' | 'title' | 'description' | 'tags' | 'sources' | 'tables' | 'interviews' | 'textFormat' | 'ankiNotetypes'
>;

/** Just those fields of a deck file or a stored row, optional ones left out when absent. */
export function deckFields(d: DeckFields): DeckFields {
  return {
    id: d.id,
    title: d.title,
    ...(d.description ? { description: d.description } : {}),
    tags: d.tags,
    sources: d.sources,
    tables: d.tables,
    ...(d.interviews && d.interviews.length > 0 ? { interviews: d.interviews } : {}),
    ...(d.textFormat ? { textFormat: d.textFormat } : {}),
    ...(d.ankiNotetypes && d.ankiNotetypes.length > 0 ? { ankiNotetypes: d.ankiNotetypes } : {}),
  };
}
