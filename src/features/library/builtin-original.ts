// The original of a built-in card: the card as the app's own deck file has it (what "restore the original" writes back).
// The file is read only when asked, as the start-up sync reads it.
import builtinDecks from 'virtual:builtin-decks';
import type { DeckCard } from '../../domain/deck-schema';

/** The card `cardId` of the built-in deck `deckId` as its file has it; null when the file has no such card. */
export async function builtinOriginal(deckId: string, cardId: string): Promise<DeckCard | null> {
  const entry = builtinDecks.find((e) => e.id === deckId);
  if (!entry) return null;
  const { parseDeckText } = await import('../../formats/dockdeck/validate');
  const parsed = parseDeckText(entry.file, await entry.load());
  return parsed.ok ? (parsed.deck.cards.find((c) => c.id === cardId) ?? null) : null;
}
