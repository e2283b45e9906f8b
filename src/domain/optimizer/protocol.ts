// The messages between the settings screen and the optimizer worker (src/workers/optimizer-worker.ts).
import type { Evaluation } from './evaluate';
import type { FitScope, Verdict } from './fit-policy';
import type { ItemOptions, LeftOutReason, SkipReason } from './training-items';

export interface OptimizeRequest {
  type: 'optimize';
  /** The parameters in use: the fit is judged against them on the same items. */
  weights: number[];
  /** The decks whose review logs are used (a preset's), or null for every review. */
  deckIds: string[] | null;
  options: ItemOptions;
}

export interface OptimizeResult {
  items: number;
  reviews: number;
  cards: number;
  skipped: Record<SkipReason, number>;
  leftOut: Record<LeftOutReason, number>;
  scope: FitScope;
  before: Evaluation | null;
  /** Null when nothing was fitted (too few items). */
  fitted: number[] | null;
  after: Evaluation | null;
  verdict: Verdict | null;
  ms: number;
}

export type OptimizeResponse =
  /** The fit started: progress is [items processed, items total] at `pointer` in the shared wasm memory. */
  | { type: 'progress-memory'; buffer: SharedArrayBuffer; pointer: number }
  | { type: 'stage'; stage: 'reading' | 'building' | 'evaluating' | 'loading' | 'fitting' }
  | { type: 'done'; result: OptimizeResult }
  | { type: 'failed'; code: 'not-isolated' | 'error'; message: string };
