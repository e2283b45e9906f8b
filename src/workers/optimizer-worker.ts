// The optimizer Web Worker: reads the review log, builds the training items, fits FSRS-6 with fsrs-browser (fsrs-rs
// in WebAssembly, on a rayon thread pool) and judges the fit. Cancel is terminating it.
// Create it with `new Worker(new URL('../../workers/optimizer-worker.ts', import.meta.url), { type: 'module' })`.
import type * as FsrsBrowserModule from 'fsrs-browser';
import { DockdeckDB, type ReviewLogRow } from '../db/database';
import { evaluateParameters } from '../domain/optimizer/evaluate';
import { fitScope, judgeFit } from '../domain/optimizer/fit-policy';
import type { OptimizeRequest, OptimizeResponse, OptimizeResult } from '../domain/optimizer/protocol';
import { buildTrainingItems, flattenItems } from '../domain/optimizer/training-items';

const post = (message: OptimizeResponse) => self.postMessage(message);

async function readLogs(deckIds: string[] | null): Promise<ReviewLogRow[]> {
  const db = new DockdeckDB();
  try {
    if (deckIds === null) return await db.reviewLogs.toArray();
    const lists = await Promise.all(
      deckIds.map((d) => db.reviewLogs.where('[deckId+review]').between([d, -Infinity], [d, Infinity]).toArray()),
    );
    return lists.flat();
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
