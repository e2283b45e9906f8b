// Imports a dockdeck JSON deck: the same schema and rules as the built-in decks, plus the checks imports need.
import { parseDeck } from './validate';
import { expandDeck } from '../../domain/study-card';
import { activeContentIssues } from '../import/active-content';
import type { DeckDraft } from '../import/draft';
import { parseJsonText } from '../json-text';
import { capIssues, type ParseOutcome } from '../import/progress';

/**
 * One dockdeck deck (`dockdeck/deck@1`) from JSON text. Refused, with every problem named (the first 20, then
 * "and N more"): text that is not JSON, a wrong shape (Zod paths), broken rules (duplicate ids, an mcq answer
 * out of range…), a deck without cards, and cards with active content (see active-content.ts).
 */
export function parseDockdeckJson(file: string, text: string): ParseOutcome<DeckDraft[]> {
  const json = parseJsonText(file, text);
  if (!json.ok) return { ok: false, issues: [json.issue] };
  const raw = json.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, issues: [{ file, code: 'json.not-deck-object' }] };
  if ((raw as { format?: unknown }).format !== 'dockdeck/deck@1' && !('cards' in raw))
    return { ok: false, issues: [{ file, field: 'format', code: 'json.not-deck' }] };

  const parsed = parseDeck(file, raw);
  if (!parsed.ok) return { ok: false, issues: capIssues(parsed.issues, file) };
  const deck = parsed.deck;
  if (expandDeck(deck).length === 0) return { ok: false, issues: [{ file, field: 'cards', code: 'deck.no-cards' }] };
  const active = activeContentIssues(file, deck);
  if (active.length > 0) return { ok: false, issues: capIssues(active, file) };
  return { ok: true, value: [{ deck, format: 'json', media: [], history: [] }] };
}
