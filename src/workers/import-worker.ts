// The import Web Worker: parses files off the main thread (see src/formats/import/protocol.ts for the messages).
// Create it with `new Worker(new URL('../../workers/import-worker.ts', import.meta.url), { type: 'module' })`.
import type { AnkiReaderModule, ImportRequest } from '../formats/import/protocol';
import { loadSql } from '../lib/sql-loader';
import { createImportSession } from './import-session';

// The .apkg reader (and with it the SQLite and zstd code) loads only when an Anki file is opened.
const loadAnkiReader = (): Promise<AnkiReaderModule> => import('../formats/anki/read-package');

const session = createImportSession((message, transfer) => self.postMessage(message, { transfer: transfer ?? [] }), {
  loadAnkiReader,
  loadSql,
});

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  void session.handle(event.data);
};
