// The built-in decks' Web Worker: parses, checks and stores the deck files that changed (src/db/builtin-store.ts),
// off the page's main thread, in its own connection to the database; the page's live queries see the decks arrive
// (Dexie tells every context of the origin about a write). One request, one answer; the page then ends the worker.
// Create it with `new Worker(new URL('../../workers/builtin-worker.ts', import.meta.url), { type: 'module' })`.
import { storeBuiltinDecks, type BuiltinRequest, type BuiltinResponse } from '../db/builtin-store';
import { db } from '../db/connection';
import { writeFailureKind } from '../db/errors';

self.onmessage = (event: MessageEvent<BuiltinRequest>) => {
  const { files, now } = event.data;
  storeBuiltinDecks(db(), files, now).then(
    (reports) => self.postMessage({ type: 'done', reports } satisfies BuiltinResponse),
    (e: unknown) =>
      self.postMessage({
        type: 'failed',
        kind: writeFailureKind(e),
        message: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      } satisfies BuiltinResponse),
  );
};
