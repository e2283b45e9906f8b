// The import Web Worker: parses files off the main thread (see import-protocol.ts for the messages).
// Create it with `new Worker(new URL('../../workers/import-worker.ts', import.meta.url), { type: 'module' })`.
import type { AnkiReaderModule, ImportRequest } from './import-protocol';
import { loadSql } from '../lib/sql-loader';
import { createImportSession } from './import-session';

// The .apkg reader is another module that may not be in this build yet: a glob finds it if it is there
// (and bundles it lazily), without breaking the build when it is not.
const ankiReaders = import.meta.glob<AnkiReaderModule>('../domain/import/anki-package.ts');

async function loadAnkiReader(): Promise<AnkiReaderModule | null> {
  const load = Object.values(ankiReaders)[0];
  return load ? load() : null;
}

const session = createImportSession((message, transfer) => self.postMessage(message, { transfer: transfer ?? [] }), {
  loadAnkiReader,
  loadSql,
});

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  void session.handle(event.data);
};
