// A simulated learner whose memory follows FSRS with given parameters: a seeded review log to test and measure the
// optimizer on (the fitted parameters should predict it about as well as the true ones).
import { FSRSAlgorithm, forgetting_curve, generatorParameters, type FSRSState } from 'ts-fsrs';
import { rng } from '../quiz/random';
import { DAY_MS } from '../day';
import type { LogEntry } from './training-items';

export interface SimulationOptions {
  seed: number;
  /** The learner's true FSRS-6 parameters (21). */
  trueWeights: readonly number[];
  /** The parameters the scheduler uses to choose the intervals (the defaults, before any fit). */
  schedulerWeights: readonly number[];
  cards: number;
  newPerDay: number;
  days: number;
  /** Epoch ms of the first study day's midnight (UTC); answers fall between 10:00 and 14:00 UTC. */
  start: number;
}

export type SimulatedEntry = Required<LogEntry>;

const NAMES = ['', 'again', 'hard', 'good', 'easy'] as const;

interface SimCard {
  truth: FSRSState | null;
  sched: FSRSState | null;
  due: number;
  last: number;
  state: number;
}

/** Rating of a card seen for the first time: no memory yet, so a fixed spread of answers. */
function firstRating(r: number): number {
  if (r < 0.25) return 1;
  if (r < 0.35) return 2;
  if (r < 0.9) return 3;
  return 4;
}

/** Rating of a review: Again with probability 1 − R; otherwise Hard, Good or Easy. */
function reviewRating(recall: number, r: () => number): number {
  if (r() >= recall) return 1;
  const x = r();
  return x < 0.15 ? 2 : x < 0.9 ? 3 : 4;
}

/**
 * Simulates `days` study days: `newPerDay` new cards a day until `cards`, each due card reviewed on its due day with an
 * answer drawn from its true retrievability, a lapse (or a first Again) relearned the same day with Good, and the next
 * interval the scheduler's stability (desired retention 0.9) in whole days.
 */
export function simulateLearner(o: SimulationOptions): SimulatedEntry[] {
  const rand = rng(o.seed);
  const truth = new FSRSAlgorithm(generatorParameters({ w: [...o.trueWeights], enable_short_term: true }));
  const sched = new FSRSAlgorithm(generatorParameters({ w: [...o.schedulerWeights], enable_short_term: true }));
  const cards: SimCard[] = [];
  const log: SimulatedEntry[] = [];
  for (let day = 0; day < o.days; day++) {
    for (let n = 0; n < o.newPerDay && cards.length < o.cards; n++) {
      cards.push({ truth: null, sched: null, due: day, last: day, state: 0 });
    }
    cards.forEach((card, id) => {
      if (card.due !== day) return;
      const t = card.truth ? day - card.last : 0;
      const rating = card.truth
        ? reviewRating(forgetting_curve([...o.trueWeights], t, card.truth.stability), rand)
        : firstRating(rand());
      let at = o.start + day * DAY_MS + 10 * 3_600_000 + Math.floor(rand() * 4 * 3_600_000);
      const answer = (g: number, dt: number) => {
        log.push({ cardId: `sim/${id}`, review: at, rating: NAMES[g]!, kind: 'review', state: card.state });
        card.truth = truth.next_state(card.truth, dt, g);
        card.sched = sched.next_state(card.sched, dt, g);
      };
      answer(rating, t);
      if (rating === 1) {
        card.state = card.state === 0 ? 1 : 3;
        at += 10 * 60_000;
        answer(3, 0);
      }
      card.state = 2;
      card.last = day;
      card.due = day + Math.min(36500, Math.max(1, Math.round(card.sched!.stability)));
    });
  }
  return log;
}
