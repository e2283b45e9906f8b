// The daily workload a desired retention would bring, as Anki's "Help me decide": the preset's cards simulated day by
// day with ts-fsrs (recall drawn from each card's retrievability, seeded), new cards introduced at the daily limit.
// Pure and seeded; a simulation runs in steps (`step` a few days at a time) so a screen can keep each task short.
import { FSRS, Rating, generatorParameters } from 'ts-fsrs';
import { DAY_MS } from './day';
import { rng } from './quiz/random';
import { CardState, type Memory } from './scheduler';

export interface WorkloadCard {
  memory: Pick<Memory, 'state' | 'due' | 'stability' | 'difficulty' | 'lastReview'>;
}

export interface WorkloadInput {
  cards: readonly WorkloadCard[];
  desiredRetention: number;
  weights: readonly number[];
  maximumInterval: number;
  newPerDay: number;
  /** Extra same-day reviews a new card's learning steps and a lapse's relearning steps bring. */
  learningSteps: number;
  relearningSteps: number;
  /** The start of today's study day (epoch ms): day 0 of the simulation. */
  todayStart: number;
  days: number;
  seed: number;
}

export interface Workload {
  /** Reviews on each day, day 0 = today. */
  perDay: number[];
  total: number;
}

/** A simulation that can be run a few days at a time. */
export interface WorkloadRun {
  /**
   * Simulates up to `days` more days, and at most `maxCards` due cards (a day with more is taken up again by the next
   * step: the overdue cards all come on day 0); true when the whole horizon is done.
   */
  step(days: number, maxCards?: number): boolean;
  result(): Workload;
}

export function startWorkload(input: WorkloadInput): WorkloadRun {
  const f = new FSRS(
    generatorParameters({
      request_retention: input.desiredRetention,
      maximum_interval: input.maximumInterval,
      enable_fuzz: false,
      enable_short_term: false,
      w: [...input.weights],
    }),
  );
  const rand = rng(input.seed);
  const n = input.cards.length;
  const s = new Float64Array(n);
  const d = new Float64Array(n);
  const last = new Float64Array(n);
  const due: number[][] = Array.from({ length: input.days }, () => []);
  const fresh: number[] = [];
  input.cards.forEach(({ memory: m }, i) => {
    if (m.state === CardState.New || m.stability <= 0 || m.lastReview === null) {
      fresh.push(i);
      return;
    }
    s[i] = m.stability;
    d[i] = m.difficulty;
    last[i] = Math.floor((m.lastReview - input.todayStart) / DAY_MS);
    // Overdue and learning cards come today; those due after the horizon are never seen.
    const day = Math.max(0, Math.floor((m.due - input.todayStart) / DAY_MS));
    if (day < input.days) due[day]!.push(i);
  });
  const perDay = new Array<number>(input.days).fill(0);
  let day = 0;
  let nextFresh = 0;
  /** Where the day being simulated stopped: its next due card, and its reviews so far. */
  let pos = 0;
  let count = 0;
  /** Due cards simulated so far (what a step's budget counts). */
  let simulated = 0;

  const schedule = (i: number, today: number) => {
    const ivl = f.next_interval(s[i]!, 0);
    last[i] = today;
    if (today + ivl < input.days) due[today + ivl]!.push(i);
  };

  /** Simulates at most `budget` due cards of the day, from where it stopped; true once the day is done. */
  const simulateDay = (budget: number): boolean => {
    const list = due[day]!;
    for (const end = Math.min(list.length, pos + budget); pos < end; pos++) {
      const i = list[pos]!;
      const t = Math.max(0, day - last[i]!);
      const r = f.forgetting_curve(t, s[i]!);
      const recalled = rand() < r;
      const next = f.next_state({ difficulty: d[i]!, stability: s[i]! }, t, recalled ? Rating.Good : Rating.Again, r);
      s[i] = next.stability;
      d[i] = next.difficulty;
      count += 1 + (recalled ? 0 : input.relearningSteps);
      schedule(i, day);
      simulated++;
    }
    if (pos < list.length) return false;
    due[day] = [];
    for (let k = 0; k < input.newPerDay && nextFresh < fresh.length; k++) {
      const i = fresh[nextFresh++]!;
      const first = f.next_state(null, 0, Rating.Good);
      s[i] = first.stability;
      d[i] = first.difficulty;
      count += 1 + input.learningSteps;
      schedule(i, day);
    }
    perDay[day] = count;
    day++;
    pos = 0;
    count = 0;
    return true;
  };

  return {
    step(days, maxCards = Infinity) {
      // A day's due cards are simulated in the order they came due, so stopping within a day changes no result.
      const stop = simulated + maxCards;
      for (let k = 0; k < days && day < input.days && simulated < stop;) if (simulateDay(stop - simulated)) k++;
      return day >= input.days;
    },
    result() {
      return { perDay: perDay.slice(), total: perDay.reduce((a, b) => a + b, 0) };
    },
  };
}

/** The whole simulation at once. */
export function simulateWorkload(input: WorkloadInput): Workload {
  const run = startWorkload(input);
  run.step(input.days);
  return run.result();
}

/** The retentions the comparison table shows, so the user sees where the workload starts to climb. */
export const WORKLOAD_RETENTIONS = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99] as const;

/** The figures the summary says: reviews a day on average over the horizon and over its first 30 days. */
export function workloadSummary(w: Workload): { meanPerDay: number; firstMonth: number } {
  const month = w.perDay.slice(0, 30);
  return {
    meanPerDay: w.perDay.length === 0 ? 0 : w.total / w.perDay.length,
    firstMonth: month.reduce((a, b) => a + b, 0),
  };
}
