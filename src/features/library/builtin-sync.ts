// Loads the built-in decks into the database when the app starts and a deck file changed (by content hash).
// On most starts nothing has, and this is one read. When a deck did change (a first visit stores them all), its file
// is parsed, checked (Zod) and written in a Web Worker (src/workers/builtin-worker.ts), so that the page stays
// responsive while it draws its first screen; the deck list's live query sees the decks arrive.
import builtinDecks from 'virtual:builtin-decks';
import type { BuiltinDeckText, BuiltinRequest, BuiltinResponse, SyncReport } from '../../db/builtin-store';
import { db } from '../../db/connection';
import { deckHashes } from '../../db/deck-repo';
import { workerAnswer } from '../../lib/worker-answer';

export type { SyncReport } from '../../db/builtin-store';

export async function syncBuiltinDecks(now: number): Promise<SyncReport[]> {
  const stored = await deckHashes(db());
  const changed = builtinDecks.filter((entry) => stored.get(entry.id) !== entry.hash);
  if (changed.length === 0) return [];
  const files: BuiltinDeckText[] = await Promise.all(
    changed.map(async (entry) => ({ file: entry.file, hash: entry.hash, text: await entry.load() })),
  );
  // Where there are no workers (or the worker cannot start), the page does it, a deck per task.
  if (typeof Worker === 'undefined') return storeInPage(files, now);
  return storeInWorker({ files, now }).then((reports) => reports ?? storeInPage(files, now));
}

async function storeInPage(files: BuiltinDeckText[], now: number): Promise<SyncReport[]> {
  const { storeBuiltinDecks } = await import('../../db/builtin-store');
  return storeBuiltinDecks(db(), files, now);
}

/**
 * The worker's reports; null when it could not run or stopped (the page then does it: a deck the worker wrote is
 * skipped, by its hash, and each deck is written in one transaction, so none is half written).
 */
async function storeInWorker(request: BuiltinRequest): Promise<SyncReport[] | null> {
  const worker = new Worker(new URL('../../workers/builtin-worker.ts', import.meta.url), { type: 'module' });
  const answer = await workerAnswer<BuiltinRequest, BuiltinResponse>(worker, request);
  if (answer === null) return null;
  if (answer.type === 'done') return answer.reports;
  // The page's own connection is closed too, and says so (reload into the new version).
  if (answer.kind === 'closed') return [];
  // As the page's own write would fail: the user is told the storage is full (see reportStorageError).
  if (answer.kind === 'quota') throw new DOMException(answer.message, 'QuotaExceededError');
  throw new Error(answer.message);
}
