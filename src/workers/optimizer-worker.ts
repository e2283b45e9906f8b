// The optimizer Web Worker: reads the review log, builds the training items, fits FSRS-6 with fsrs-browser (fsrs-rs
// in WebAssembly, on a rayon thread pool) and judges the fit. Cancel is terminating it.
// Create it with `new Worker(new URL('../../workers/optimizer-worker.ts', import.meta.url), { type: 'module' })`.
import type * as FsrsBrowserModule from 'fsrs-browser';
import { DockdeckDB, type ReviewLogRow } from '../db/database';
import { evaluateParameters } from '../domain/optimizer/evaluate';
import { fitScope, judgeFit } from '../domain/optimizer/fit-policy';
import type { OptimizeRequest, OptimizeResponse, OptimizeResult } from '../domain/optimizer/protocol';
import { buildTrainingItems, flattenItems, type LogEntry } from '../domain/optimizer/training-items';

const post = (message: OptimizeResponse) => self.postMessage(message);

/** Rows per getAll when the log is read by primary key: a few big requests, no per-row cursor. */
const SLICE = 20_000;

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

/** The fields the items are made from (the rest of a row, its memory before and after, is dropped at once). */
const entry = (l: ReviewLogRow): LogEntry => ({
  cardId: l.cardId,
  review: l.review,
  rating: l.rating,
  kind: l.kind,
  state: l.state,
});

/**
 * The review log of `deckIds` (null: all of it), read with plain getAll in one read-only transaction: by primary key
 * in slices when the decks hold most of the log (a store read in key order is several times faster than the same rows
 * through an index), else each deck's range of the `[deckId+review]` index.
 */
async function readLogs(deckIds: readonly string[] | null): Promise<LogEntry[]> {
  const db = new DockdeckDB();
  try {
    await db.open();
    const tx = db.backendDB().transaction('reviewLogs', 'readonly');
    const store = tx.objectStore('reviewLogs');
    const index = store.index('[deckId+review]');
    const range = (d: string) => IDBKeyRange.bound([d, -Infinity], [d, Infinity]);
    let scan = deckIds === null;
    if (deckIds !== null) {
      if (deckIds.length === 0) return [];
      const [total, ...counts] = await Promise.all([
        request(store.count()),
        ...deckIds.map((d) => request(index.count(range(d)))),
      ]);
      scan = counts.reduce((a, b) => a + b, 0) * 2 > total;
    }
    const out: LogEntry[] = [];
    if (!scan) {
      const lists = await Promise.all(deckIds!.map((d) => request(index.getAll(range(d))) as Promise<ReviewLogRow[]>));
      for (const rows of lists) for (const l of rows) out.push(entry(l));
      return out;
    }
    const wanted = deckIds === null ? null : new Set(deckIds);
    let after: IDBValidKey | null = null;
    for (;;) {
      const rows = (await request(
        store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), SLICE),
      )) as ReviewLogRow[];
      for (const l of rows) if (wanted === null || wanted.has(l.deckId)) out.push(entry(l));
      if (rows.length < SLICE) return out;
      after = rows[rows.length - 1]!.id;
    }
  } finally {
    db.close();
  }
}

/** fsrs-browser's module, started once per worker with a thread per core. */
type FsrsBrowser = typeof FsrsBrowserModule;
let wasm: Promise<{ memory: WebAssembly.Memory; lib: FsrsBrowser }> | null = null;
function loadWasm() {
  wasm ??= (async () => {
    const lib = await import('fsrs-browser');
    const out = await lib.default();
    await lib.initThreadPool(Math.max(1, navigator.hardwareConcurrency || 1));
    return { memory: out.memory, lib };
  })();
  return wasm;
}

async function optimize(req: OptimizeRequest): Promise<OptimizeResult> {
  const started = performance.now();
  post({ type: 'stage', stage: 'reading' });
  const logs = await readLogs(req.deckIds);
  post({ type: 'stage', stage: 'building' });
  const set = buildTrainingItems(logs, req.options);
  const scope = fitScope(set.items.length);
  const base = {
    items: set.items.length,
    reviews: set.reviews,
    cards: set.cards,
    skipped: set.skipped,
    leftOut: set.leftOut,
    scope,
  };
  if (scope === 'none') {
    return { ...base, before: null, fitted: null, after: null, verdict: null, ms: performance.now() - started };
  }
  post({ type: 'stage', stage: 'loading' });
  const { memory, lib } = await loadWasm();
  const progress = lib.Progress.new();
  post({ type: 'progress-memory', buffer: memory.buffer as unknown as SharedArrayBuffer, pointer: progress.pointer() });
  post({ type: 'stage', stage: 'fitting' });
  const flat = flattenItems(set.items);
  const fsrs = new lib.Fsrs();
  // computeParameters frees `fsrs` and `progress` itself (wasm-bindgen takes them by value).
  const fitted = Array.from(fsrs.computeParameters(flat.ratings, flat.deltaTs, flat.lengths, progress, true));
  post({ type: 'stage', stage: 'evaluating' });
  const before = evaluateParameters(req.weights, set.items);
  const after = evaluateParameters(fitted, set.items);
  return { ...base, before, fitted, after, verdict: judgeFit(fitted, before, after), ms: performance.now() - started };
}

self.onmessage = (event: MessageEvent<OptimizeRequest>) => {
  if (event.data.type !== 'optimize') return;
  // fsrs-browser's memory is shared between threads: without cross-origin isolation there is no SharedArrayBuffer.
  if (!self.crossOriginIsolated) {
    post({ type: 'failed', code: 'not-isolated', message: 'crossOriginIsolated is false' });
    return;
  }
  optimize(event.data).then(
    (result) => post({ type: 'done', result }),
    (error: unknown) =>
      post({ type: 'failed', code: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};
