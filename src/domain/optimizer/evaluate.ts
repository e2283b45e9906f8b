// How well a parameter set predicts the training items: log loss and RMSE (bins), as fsrs-rs's `evaluate` computes them.
import { FSRSAlgorithm, forgetting_curve, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { TrainingItem, TrainingReview } from './training-items';

export interface Evaluation {
  /** Binary cross-entropy of the predicted recall against the answer (Again is the only fail), recency-weighted. */
  logLoss: number;
  /** Root mean square of predicted minus actual recall, over fsrs-rs's bins, weighted by their sizes. */
  rmseBins: number;
}

// Predictions this close to 0 or 1 are held there, so one surprising answer costs a large but finite loss.
const EPS = 1e-4;

/** fsrs-rs's bin of an item: (delta_t, number of long-term reviews, number of long-term lapses), each log-scaled. */
export function binOf(item: TrainingItem): string {
  const deltaT = item[item.length - 1]!.deltaT;
  const deltaBin = Math.round(2.48 * Math.pow(3.62, Math.floor(Math.log(deltaT) / Math.log(3.62))) * 100);
  let longTerm = 0;
  let lapses = 0;
  item.forEach((r, i) => {
    if (r.deltaT > 0) longTerm++;
    if (i < item.length - 1 && r.rating === 1 && r.deltaT > 0) lapses++;
  });
  const length = longTerm + 1;
  const lengthBin = Math.round(1.99 * Math.pow(1.89, Math.floor(Math.log(length) / Math.log(1.89))));
  const lapseBin = lapses === 0 ? 0 : Math.round(1.65 * Math.pow(1.73, Math.floor(Math.log(lapses) / Math.log(1.73))));
  return `${deltaBin}/${lengthBin}/${lapseBin}`;
}

/**
 * The predicted recall of each item's last review: the memory after the reviews before it, then the forgetting curve
 * at its delta_t. A card's items share their history (buildTrainingItems makes them as prefixes of one list), so the
 * states are computed once per card and reused.
 */
export function predictions(w: readonly number[], items: readonly TrainingItem[]): Float64Array {
  const algorithm = new FSRSAlgorithm(generatorParameters({ w: [...w], enable_short_term: true }));
  const out = new Float64Array(items.length);
  const cache = new Map<TrainingReview, { reviews: TrainingItem; states: FSRSState[] }>();
  items.forEach((item, n) => {
    const history = item.length - 1;
    const card = cache.get(item[0]!) ?? { reviews: item, states: [] };
    let k = 0;
    while (k < history && k < card.states.length && sameReview(item[k]!, card.reviews[k]!)) k++;
    const states = card.states.slice(0, k);
    for (let i = k; i < history; i++) {
      const r = item[i]!;
      states.push(algorithm.next_state(i === 0 ? null : states[i - 1]!, i === 0 ? 0 : r.deltaT, r.rating));
    }
    if (states.length >= card.states.length) cache.set(item[0]!, { reviews: item, states });
    out[n] = forgetting_curve(w as number[], item[history]!.deltaT, states[history - 1]!.stability);
  });
  return out;
}

const sameReview = (a: TrainingReview, b: TrainingReview) =>
  a === b || (a.rating === b.rating && a.deltaT === b.deltaT);

/** Log loss and RMSE (bins) of parameters `w` (21 numbers) on `items` (each with at least two reviews). */
export function evaluateParameters(w: readonly number[], items: readonly TrainingItem[]): Evaluation {
  if (items.length === 0) return { logLoss: Number.NaN, rmseBins: Number.NaN };
  const p = predictions(w, items);
  const last = Math.max(items.length - 1, 1);
  let loss = 0;
  let weights = 0;
  const bins = new Map<string, { pred: number; real: number; count: number; weight: number }>();
  items.forEach((item, i) => {
    // fsrs-rs weighs the items by recency (they come in time order): 0.25 for the oldest to 1 for the newest.
    const weight = 0.25 + 0.75 * Math.pow(i / last, 3);
    const y = item[item.length - 1]!.rating > 1 ? 1 : 0;
    const q = Math.min(Math.max(p[i]!, EPS), 1 - EPS);
    loss -= (y * Math.log(q) + (1 - y) * Math.log(1 - q)) * weight;
    weights += weight;
    const key = binOf(item);
    const bin = bins.get(key) ?? { pred: 0, real: 0, count: 0, weight: 0 };
    bin.pred += p[i]!;
    bin.real += y;
    bin.count++;
    bin.weight += weight;
    bins.set(key, bin);
  });
  let sq = 0;
  for (const b of bins.values()) sq += Math.pow(b.pred / b.count - b.real / b.count, 2) * b.weight;
  return { logLoss: loss / weights, rmseBins: Math.sqrt(sq / weights) };
}
