// Loads the built-in decks into the database when the app starts and a deck file changed (by content hash).
// The deck parser (with the Zod schema) loads only when a deck did change: on most starts nothing has.
import builtinDecks from 'virtual:builtin-decks';
import { db } from '../../db/connection';
import { deckHashes, upsertDeck, type DeckWriteResult } from '../../db/deck-repo';

export interface SyncReport {
  file: string;
  result?: DeckWriteResult;
  error?: string;
}

export async function syncBuiltinDecks(now: number): Promise<SyncReport[]> {
  const stored = await deckHashes(db());
  const reports: SyncReport[] = [];
  const changed = builtinDecks.filter((entry) => stored.get(entry.id) !== entry.hash);
  if (changed.length === 0) return reports;
  const [{ formatDeckIssue, parseDeckText }, { expandDeck }] = await Promise.all([
    import('../../formats/dockdeck/validate'),
    import('../../domain/study-card'),
  ]);
  for (const entry of changed) {
    const parsed = parseDeckText(entry.file, await entry.load());
    if (!parsed.ok) {
      reports.push({ file: entry.file, error: parsed.issues.map(formatDeckIssue).join('\n') });
      continue;
    }
    // The hash is checked again inside the write's transaction, so two tabs starting at once write once.
    const result = await upsertDeck(db(), parsed.deck, expandDeck(parsed.deck), {
      hash: entry.hash,
      builtin: true,
      now,
    });
    reports.push({ file: entry.file, result });
  }
  return reports;
}
