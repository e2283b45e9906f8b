// Loads the built-in decks into the database when the app starts and a deck file changed (by content hash).
// The deck parser (with the Zod schema) loads only when a deck did change: on most starts nothing has.
import builtinDecks from 'virtual:builtin-decks';
import { db } from '../../db/connection';
import { applyNoteEdits, noteEditsOf } from '../../db/note-edits';
import { applyOverrides, overridesOf } from '../../db/bulk-overrides';
import { deckHashes, upsertDeck, type DeckWriteResult } from '../../db/deck-repo';
import type { Issue } from '../../domain/issue';
import type { Lang } from '../../domain/text';

export interface SyncReport {
  file: string;
  result?: DeckWriteResult;
  /** Why the deck file could not be loaded. */
  issues?: Issue[];
  /** The issues in words, in both languages (the alert shows the interface's). */
  error?: Record<Lang, string>;
}

export async function syncBuiltinDecks(now: number): Promise<SyncReport[]> {
  const stored = await deckHashes(db());
  const reports: SyncReport[] = [];
  const changed = builtinDecks.filter((entry) => stored.get(entry.id) !== entry.hash);
  if (changed.length === 0) return reports;
  const [{ parseDeckText }, { issueText }, { expandDeck }] = await Promise.all([
    import('../../formats/dockdeck/validate'),
    import('../../formats/issue-text'),
    import('../../domain/study-card'),
  ]);
  for (const entry of changed) {
    const parsed = parseDeckText(entry.file, await entry.load());
    if (!parsed.ok) {
      const words = (lang: Lang) => parsed.issues.map((i) => issueText(i, lang)).join('\n');
      reports.push({ file: entry.file, issues: parsed.issues, error: { en: words('en'), zh: words('zh') } });
      continue;
    }
    // The user's edits of built-in cards win over the file's version of those cards.
    const { deck } = applyNoteEdits(parsed.deck, await noteEditsOf(db(), parsed.deck.id));
    // The hash is checked again inside the write's transaction, so two tabs starting at once write once.
    // So do the browser's changes: a card deleted or moved out stays out, and added or removed tags stay so.
    const cards = applyOverrides(expandDeck(deck), await overridesOf(db(), deck.id));
    const result = await upsertDeck(db(), deck, cards, {
      hash: entry.hash,
      builtin: true,
      now,
    });
    reports.push({ file: entry.file, result });
  }
  return reports;
}
