// What the optimizer may do with so many items, and whether the fitted parameters are kept: fsrs-rs's thresholds and
// Anki's rule (keep the new parameters only when they predict the same items better).
import type { Evaluation } from './evaluate';
import { checkParameterSet, type ParameterProblem } from './parameters';

/** Under this many items fsrs-rs returns the defaults. */
export const MIN_ITEMS = 8;
/** Under this many items fsrs-rs fits only the first four parameters (the initial stabilities). */
export const FULL_FIT_ITEMS = 64;

export type FitScope = 'none' | 'initial-stability' | 'all';

/** How much of the model so many items can fit. */
export function fitScope(items: number): FitScope {
  if (items < MIN_ITEMS) return 'none';
  if (items < FULL_FIT_ITEMS) return 'initial-stability';
  return 'all';
}

export type Verdict =
  | { keep: true }
  | { keep: false; reason: 'not-better' }
  | { keep: false; reason: 'invalid'; problem: ParameterProblem };

/** Keep the fitted parameters only if they are valid and their log loss on the same items is lower. */
export function judgeFit(fitted: readonly number[], before: Evaluation, after: Evaluation): Verdict {
  const problem = checkParameterSet(fitted);
  if (problem) return { keep: false, reason: 'invalid', problem };
  if (!(after.logLoss < before.logLoss)) return { keep: false, reason: 'not-better' };
  return { keep: true };
}
