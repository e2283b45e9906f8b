// Imports a dockdeck JSON deck: the same schema and rules as the built-in decks, plus the checks imports need.
import { parseDeck, type DeckIssue } from './validate';
import { expandDeck } from '../../domain/study-card';
import { activeContentIssues } from '../import/active-content';
import type { DeckDraft, ImportIssue } from '../import/draft';
import { capIssues, type ParseOutcome } from '../import/progress';

function toImportIssue(i: DeckIssue): ImportIssue {
  return {
    file: i.file,
    ...(i.cardId === undefined ? {} : { where: `card "${i.cardId}"` }),
    ...(i.field === '' ? {} : { field: i.field }),
    message: i.message,
  };
}

/** `line 3, column 14` for the character offset V8 reports, so the user can find the spot in an editor. */
function jsonErrorIssue(file: string, text: string, error: Error): ImportIssue {
  const position = /at position (\d+)/.exec(error.message);
  const reason = error.message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  if (!position) return { file, message: `is not valid JSON: ${reason}` };
  const at = Number(position[1]);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return { file, where: `line ${line}, column ${column}`, message: `is not valid JSON: ${reason}` };
}

/**
 * One dockdeck deck (`dockdeck/deck@1`) from JSON text. Refused, with every problem named (the first 20, then
 * "and N more"): text that is not JSON, a wrong shape (Zod paths), broken rules (duplicate ids, an mcq answer
 * out of range…), a deck without cards, and cards with active content (see active-content.ts).
 */
export function parseDockdeckJson(file: string, text: string): ParseOutcome<DeckDraft[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [jsonErrorIssue(file, text, e as Error)] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return {
      ok: false,
      issues: [
        { file, message: 'is JSON, but not a dockdeck deck: it must be one object with "format": "dockdeck/deck@1"' },
      ],
    };
  if ((raw as { format?: unknown }).format !== 'dockdeck/deck@1' && !('cards' in raw))
    return {
      ok: false,
      issues: [
        {
          file,
          field: 'format',
          message: 'is JSON, but not a dockdeck deck (no "format": "dockdeck/deck@1" and no "cards")',
        },
      ],
    };

  const parsed = parseDeck(file, raw);
  if (!parsed.ok) return { ok: false, issues: capIssues(parsed.issues.map(toImportIssue), file) };
  const deck = parsed.deck;
  if (expandDeck(deck).length === 0)
    return {
      ok: false,
      issues: [{ file, field: 'cards', message: 'the deck has no cards: there is nothing to import' }],
    };
  const active = activeContentIssues(file, deck);
  if (active.length > 0) return { ok: false, issues: capIssues(active, file) };
  return { ok: true, value: [{ deck, format: 'json', media: [], history: [] }] };
}
