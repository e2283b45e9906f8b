// The import screen's line to the import worker, behind a small interface so tests can drive the same session logic in process.
import { createContext } from 'react';
import type { CsvMapping } from '../../formats/csv/mapping';
import type { StoredDeck } from '../../formats/import/preview';
import type { SchedulerSettings } from '../../domain/scheduler';
import type { ImportRequest, ImportResponse } from '../../formats/import/protocol';

export interface OpenRequest {
  fileName: string;
  /** Handed over to the worker (transferred, not copied): do not use it afterwards. */
  bytes: ArrayBuffer;
  includeScheduling: boolean;
  now: number;
}

/** One import at a time; answers arrive through the `onMessage` the factory was given. */
export interface ImportClient {
  open(request: OpenRequest): void;
  separator(separator: string): void;
  map(mapping: CsvMapping): void;
  /** Content hashes of a stored deck's cards, a page at a time, before `preview`. */
  storedCards(deckId: string, cards: StoredDeck['cards']): void;
  /** Asks for "N new, M changed, K removed" against the stored decks (whose cards came through `storedCards`). */
  preview(decks: Array<Omit<StoredDeck, 'cards'>>, settings: SchedulerSettings): void;
  /** The user confirmed: the prepared decks come back in `deck` and `cards` messages, then `rows-done`. */
  rows(): void;
  /** Stops the running step; `cancelled` follows (at the latest after a short grace time, when the worker is stopped). */
  cancel(): void;
  /** Stops any work and the worker (the screen is gone); a later `open` starts afresh. */
  dispose(): void;
}

export type ImportClientFactory = (onMessage: (message: ImportResponse) => void) => ImportClient;

/** The client's requests, each one message to the worker's session (the file's bytes are transferred). */
export function requestsVia(
  post: (message: ImportRequest, transfer?: Transferable[]) => void,
): Omit<ImportClient, 'cancel' | 'dispose'> {
  return {
    open: (request) => post({ type: 'open', ...request }, [request.bytes]),
    separator: (separator) => post({ type: 'separator', separator }),
    map: (mapping) => post({ type: 'map', mapping }),
    storedCards: (deckId, cards) => post({ type: 'stored-cards', deckId, cards }),
    preview: (decks, settings) => post({ type: 'preview', decks, settings }),
    rows: () => post({ type: 'rows' }),
  };
}

/** How long a worker may take to answer a cancel before it is terminated. */
const CANCEL_GRACE_MS = 2000;

/**
 * The real client: one module Worker, started on the first `open` and kept for the next ones. A cancel that is
 * not answered in time (the worker is deep inside one long step) terminates the worker: a new one starts on the
 * next `open`. A worker that crashes or cannot load answers `failed`.
 */
export const createWorkerImportClient: ImportClientFactory = (onMessage) => {
  let worker: Worker | null = null;
  let fileName = 'import';
  let cancelTimer: ReturnType<typeof setTimeout> | null = null;

  const stopTimer = () => {
    if (cancelTimer !== null) clearTimeout(cancelTimer);
    cancelTimer = null;
  };
  const kill = () => {
    worker?.terminate();
    worker = null;
  };

  function start(): Worker {
    const w = new Worker(new URL('../../workers/import-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<ImportResponse>) => {
      // Answers of a worker that was stopped (cancelled late, or the screen left) are dropped.
      if (w !== worker) return;
      if (event.data.type === 'cancelled') stopTimer();
      onMessage(event.data);
    };
    const crashed = (detail: string) => {
      if (w !== worker) return;
      kill();
      stopTimer();
      onMessage({
        type: 'failed',
        issues: [{ file: fileName, code: 'import.stopped', params: { detail } }],
      });
    };
    w.onerror = (event) => {
      event.preventDefault();
      crashed(event.message || 'the import worker failed');
    };
    w.onmessageerror = () => crashed('a message could not be read');
    return w;
  }

  const post = (message: ImportRequest, transfer: Transferable[] = []) => {
    worker ??= start();
    worker.postMessage(message, transfer);
  };

  const requests = requestsVia(post);
  return {
    ...requests,
    open(request) {
      fileName = request.fileName;
      requests.open(request);
    },
    cancel() {
      if (!worker) {
        onMessage({ type: 'cancelled' });
        return;
      }
      worker.postMessage({ type: 'cancel' } satisfies ImportRequest);
      stopTimer();
      cancelTimer = setTimeout(() => {
        cancelTimer = null;
        kill();
        onMessage({ type: 'cancelled' });
      }, CANCEL_GRACE_MS);
    },
    dispose() {
      stopTimer();
      kill();
    },
  };
};

/** Which client the import screen uses: the worker in the app, an in-process session in tests. */
export const ImportClientContext = createContext<ImportClientFactory>(createWorkerImportClient);
