// The ts-fsrs wrapper: grade a card and preview the four answers, with time as an argument.
import type { State } from 'ts-fsrs';
import {
  FSRS,
  GenSeedStrategyWithCardId,
  Rating,
  StrategyMode,
  createEmptyCard,
  default_w,
  generatorParameters,
  type Card,
  type Grade,
  type StepUnit,
} from 'ts-fsrs';

export type RatingName = 'again' | 'hard' | 'good' | 'easy';
export const RATINGS: readonly RatingName[] = ['again', 'hard', 'good', 'easy'];
const RATING_VALUE: Record<RatingName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/** Card states, as stored: the numbers ts-fsrs uses. */
export const CardState = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type CardStateValue = (typeof CardState)[keyof typeof CardState];

/** A card's FSRS memory, with dates as epoch milliseconds so they can be stored and indexed as is. */
export interface Memory {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateValue;
  lastReview: number | null;
}

/** Every field of a card's FSRS memory: what its review log's replay must give back exactly. */
export const MEMORY_FIELDS = [
  'due',
  'stability',
  'difficulty',
  'elapsedDays',
  'scheduledDays',
  'learningSteps',
  'reps',
  'lapses',
  'state',
  'lastReview',
] as const satisfies readonly (keyof Memory)[];

/** One answer, as the review log keeps it: the rating, and the memory before and after. */
export interface ReviewRecord {
  cardId: string;
  rating: RatingName;
  /** When the answer was given (epoch ms). */
  review: number;
  /** The state before this answer, as FSRS logs it (New means the card was introduced). */
  state: CardStateValue;
  /** Days since the previous review, as ts-fsrs computed it. */
  elapsedDays: number;
  scheduledDays: number;
  before: Memory;
  after: Memory;
}

export interface SchedulerSettings {
  desiredRetention: number;
  learningSteps: StepUnit[];
  relearningSteps: StepUnit[];
  maximumInterval: number;
  enableFuzz: boolean;
  /** ts-fsrs `enable_short_term` (learning steps, same-day reviews); true when absent. */
  enableShortTerm?: boolean;
  /** FSRS-6 weights (21 numbers); the defaults until fitted to the user's history. */
  weights: number[];
  /**
   * ts-fsrs counts days by UTC date. Times are shifted by this much before they reach it, so that its day
   * boundary is the user's (local time, configurable hour): see `fsrsDayShift` in day.ts. 0 = UTC days.
   */
  dayShiftMs?: number;
}

export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = {
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumInterval: 36500,
  enableFuzz: true,
  weights: [...default_w],
};

/**
 * What an engine is for: `answer` grades and previews cards (the settings' steps, short-term and fuzz, the fuzz seeded
 * by card id); `interval` only computes next_interval from a stability (ts-fsrs's default steps, no fuzz, so the same
 * stability and settings give the same interval: reschedule.ts).
 */
export type EngineMode = 'answer' | 'interval';

const engines = new WeakMap<SchedulerSettings, Partial<Record<EngineMode, FSRS>>>();

function newEngine(settings: SchedulerSettings, mode: EngineMode): FSRS {
  if (mode === 'interval')
    return new FSRS(
      generatorParameters({
        request_retention: settings.desiredRetention,
        maximum_interval: settings.maximumInterval,
        enable_fuzz: false,
        w: settings.weights,
      }),
    );
  const f = new FSRS(
    generatorParameters({
      request_retention: settings.desiredRetention,
      learning_steps: settings.learningSteps,
      relearning_steps: settings.relearningSteps,
      maximum_interval: settings.maximumInterval,
      enable_fuzz: settings.enableFuzz,
      enable_short_term: settings.enableShortTerm ?? true,
      w: settings.weights,
    }),
  );
  // Fuzz seeded by card id and rep count, not by the clock: the interval a button shows is the one the card gets.
  f.useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('cid'));
  return f;
}

/** The FSRS engine of `settings` for `mode`, made once per settings object and mode. */
export function engine(settings: SchedulerSettings, mode: EngineMode = 'answer'): FSRS {
  let byMode = engines.get(settings);
  if (!byMode) engines.set(settings, (byMode = {}));
  return (byMode[mode] ??= newEngine(settings, mode));
}

function toFsrs(m: Memory, cardId: string, shift: number): Card & { cid: string } {
  return {
    cid: cardId,
    due: new Date(m.due + shift),
    stability: m.stability,
    difficulty: m.difficulty,
    elapsed_days: m.elapsedDays,
    scheduled_days: m.scheduledDays,
    learning_steps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state as State,
    ...(m.lastReview === null ? {} : { last_review: new Date(m.lastReview + shift) }),
  };
}

function fromFsrs(c: Card, shift = 0): Memory {
  return {
    due: c.due.getTime() - shift,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as CardStateValue,
    lastReview: c.last_review ? c.last_review.getTime() - shift : null,
  };
}

/** The memory of a card never studied; `now` is when it was added. */
export function newMemory(now: Date): Memory {
  return fromFsrs(createEmptyCard(now));
}

/** Answers a card: returns its new memory and the log record. Changes nothing. */
export function grade(
  cardId: string,
  memory: Memory,
  rating: RatingName,
  now: Date,
  settings: SchedulerSettings = DEFAULT_SCHEDULER_SETTINGS,
): { memory: Memory; record: ReviewRecord } {
  const shift = settings.dayShiftMs ?? 0;
  const item = engine(settings).next(toFsrs(memory, cardId, shift), now.getTime() + shift, RATING_VALUE[rating]);
  const after = fromFsrs(item.card, shift);
  return {
    memory: after,
    record: {
      cardId,
      rating,
      review: now.getTime(),
      state: item.log.state as CardStateValue,
      elapsedDays: item.log.elapsed_days,
      scheduledDays: item.log.scheduled_days,
      before: memory,
      after,
    },
  };
}

/** What each of the four answers would do, for the interval shown on each button. */
export function preview(
  cardId: string,
  memory: Memory,
  now: Date,
  settings: SchedulerSettings = DEFAULT_SCHEDULER_SETTINGS,
): Record<RatingName, { memory: Memory; intervalMs: number }> {
  const shift = settings.dayShiftMs ?? 0;
  const p = engine(settings).repeat(toFsrs(memory, cardId, shift), now.getTime() + shift);
  const at = (g: Grade) => {
    const m = fromFsrs(p[g].card, shift);
    return { memory: m, intervalMs: m.due - now.getTime() };
  };
  return { again: at(Rating.Again), hard: at(Rating.Hard), good: at(Rating.Good), easy: at(Rating.Easy) };
}

/** Probability of recall at `at`, from FSRS retrievability; 0 for a card never studied. */
export function retrievability(
  cardId: string,
  memory: Memory,
  at: Date,
  settings: SchedulerSettings = DEFAULT_SCHEDULER_SETTINGS,
): number {
  if (memory.state === CardState.New) return 0;
  const shift = settings.dayShiftMs ?? 0;
  return engine(settings).get_retrievability(toFsrs(memory, cardId, shift), at.getTime() + shift, false);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Short interval label as Anki shows it on the buttons: `<1m`, `10m`, `3h`, `4d`, `1.5mo`, `2.1y`. */
export function formatInterval(ms: number): string {
  if (ms < MINUTE) return '<1m';
  // Rounding decides the unit, so that 59.6 minutes reads "1h", not "60m".
  if (Math.round(ms / MINUTE) < 60) return `${Math.round(ms / MINUTE)}m`;
  if (Math.round(ms / HOUR) < 24) return `${Math.round(ms / HOUR)}h`;
  const days = ms / DAY;
  if (Math.round(days) < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trim(days / 30)}mo`;
  return `${trim(days / 365)}y`;
}

function trim(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}
