// Loads the built-in decks into the database when the app starts and a deck file changed (by content hash).
// Loaded lazily: it brings the Zod deck schema, which the review screen does not need.
import builtinDecks from 'virtual:builtin-decks';
import { formatDeckIssue, parseDeckText } from '../../domain/deck-validate';
import { expandDeck } from '../../domain/study-card';
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
  for (const entry of builtinDecks) {
    if (stored.get(entry.id) === entry.hash) continue;
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
