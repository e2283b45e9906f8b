// The optimizer's run, as the settings screen sees it: one worker per run (Cancel terminates it), its stages, the
// fit's progress read from the worker's shared memory, and the result.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OptimizeRequest, OptimizeResponse, OptimizeResult } from '../../domain/optimizer/protocol';

export type OptimizerStage = Extract<OptimizeResponse, { type: 'stage' }>['stage'];

export type OptimizerRun =
  | { phase: 'idle' }
  | { phase: 'running'; stage: OptimizerStage; done: number; total: number }
  | { phase: 'done'; result: OptimizeResult }
  | { phase: 'cancelled' }
  | { phase: 'failed'; code: 'not-isolated' | 'error'; message: string };

/** How often the fit's progress is read while it runs. */
const POLL_MS = 200;

export function useOptimizer(): { run: OptimizerRun; start: (request: OptimizeRequest) => void; cancel: () => void } {
  const [run, setRun] = useState<OptimizerRun>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stopPolling = () => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
  };
  const stop = useCallback(() => {
    stopPolling();
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const onMessage = (w: Worker, message: OptimizeResponse) => {
    if (w !== worker.current) return;
    switch (message.type) {
      case 'stage':
        // fsrs-browser's progress memory means nothing once the fit is over: stop reading it.
        if (message.stage === 'evaluating') stopPolling();
        setRun((r) => (r.phase === 'running' ? { ...r, stage: message.stage } : r));
        break;
      case 'progress-memory': {
        const cells = new Uint32Array(message.buffer, message.pointer, 2);
        stopPolling();
        timer.current = setInterval(() => {
          const [done = 0, total = 0] = cells;
          setRun((r) => (r.phase === 'running' && r.stage === 'fitting' ? { ...r, done, total } : r));
        }, POLL_MS);
        break;
      }
      case 'done':
        stop();
        setRun({ phase: 'done', result: message.result });
        break;
      case 'failed':
        stop();
        setRun({ phase: 'failed', code: message.code, message: message.message });
        break;
    }
  };

  const start = (request: OptimizeRequest) => {
    stop();
    const w = new Worker(new URL('../../workers/optimizer-worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<OptimizeResponse>) => onMessage(w, e.data);
    w.onerror = (e) => {
      if (w !== worker.current) return;
      stop();
      setRun({ phase: 'failed', code: 'error', message: e.message || 'worker error' });
    };
    setRun({ phase: 'running', stage: 'reading', done: 0, total: 0 });
    w.postMessage(request);
  };

  const cancel = () => {
    stop();
    setRun({ phase: 'cancelled' });
  };

  return { run, start, cancel };
}
