// Issue #13: the optimizer on a learner simulated from FSRS with known, non-default parameters. The items built from
// the simulated log are fitted by the native fsrs-rs (@open-spaced-repetition/binding); our evaluation (log loss,
// RMSE bins) equals the binding's, and the fitted parameters predict held-out reviews better than the defaults and
// about as well as the true parameters.
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding';
import { default_w } from 'ts-fsrs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateParameters } from '../../src/domain/optimizer/evaluate';
import { judgeFit } from '../../src/domain/optimizer/fit-policy';
import { checkParameterSet } from '../../src/domain/optimizer/parameters';
import { simulateLearner } from '../../src/domain/optimizer/simulate-learner';
import { buildTrainingItems, type TrainingItem } from '../../src/domain/optimizer/training-items';

export const TRUE_WEIGHTS = [
  0.5, 2.0, 4.5, 12, 6.0, 0.6, 2.0, 0.01, 1.5, 0.12, 1.2, 1.8, 0.08, 0.35, 1.9, 0.4, 2.4, 0.6, 0.1, 0.08, 0.25,
];
const DEFAULTS = [...default_w];

const toBinding = (items: readonly TrainingItem[]) =>
  items.map((it) => new FSRSBindingItem(it.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));

function simulated(seed: number, cards: number) {
  const log = simulateLearner({
    seed,
    trueWeights: TRUE_WEIGHTS,
    schedulerWeights: DEFAULTS,
    cards,
    newPerDay: 25,
    days: 365,
    start: Date.UTC(2025, 0, 1),
  });
  return {
    log,
    set: buildTrainingItems(log, {
      dayStartHour: 4,
      now: Date.UTC(2027, 0, 1),
      includeQuiz: true,
      includeCustom: true,
    }),
  };
}

describe('evaluation', () => {
  it('equals the binding’s log loss within 1e-4 and its RMSE (bins) within 1e-3', () => {
    const { set } = simulated(1, 300);
    const items = toBinding(set.items);
    for (const w of [DEFAULTS, TRUE_WEIGHTS]) {
      const theirs = new FSRSBinding(w).evaluate(items);
      const ours = evaluateParameters(w, set.items);
      expect(Math.abs(ours.logLoss - theirs.logLoss)).toBeLessThan(1e-4);
      expect(Math.abs(ours.rmseBins - theirs.rmseBins)).toBeLessThan(1e-3);
    }
  });
});

describe('fit on a simulated learner', () => {
  let train: TrainingItem[];
  let test: TrainingItem[];
  let fitted: number[];
  beforeAll(async () => {
    // Held out by card: the cards of one simulation are fitted, those of another (same learner) are the test.
    const a = simulated(11, 5000);
    const b = simulated(12, 1500);
    train = a.set.items;
    test = b.set.items;
    expect(a.log.length).toBeGreaterThan(2000);
    fitted = await computeParameters(toBinding(train), { enableShortTerm: true });
  }, 120_000);

  it('fits 21 valid parameters, kept because they beat the defaults on the same items', () => {
    expect(fitted).toHaveLength(21);
    expect(checkParameterSet(fitted)).toBeNull();
    expect(judgeFit(fitted, evaluateParameters(DEFAULTS, train), evaluateParameters(fitted, train))).toEqual({
      keep: true,
    });
  });

  it('predicts held-out reviews better than the defaults, and within 1e-3 of the true parameters', () => {
    const fit = evaluateParameters(fitted, test).logLoss;
    const defaults = evaluateParameters(DEFAULTS, test).logLoss;
    const truth = evaluateParameters(TRUE_WEIGHTS, test).logLoss;
    expect(fit).toBeLessThan(defaults);
    expect(Math.abs(fit - truth)).toBeLessThan(1e-3);
  });
});
