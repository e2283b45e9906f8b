// The optimizer's training items, built from the review log as Anki builds them for fsrs-rs (one item per review that
// opens a study day, holding the card's history up to it), with every entry it cannot use counted by reason.
import { fsrsDayShift, DAY_MS } from '../day';

/** One review as fsrs-rs reads it: the rating (1 Again … 4 Easy) and the study days since the previous review. */
export interface TrainingReview {
  rating: number;
  deltaT: number;
}

/** A card's reviews up to one review: fsrs-rs predicts the last one from the ones before it. */
export type TrainingItem = TrainingReview[];

/** The fields of a review-log entry the items are made from (a ReviewLogRow has them all). */
export interface LogEntry {
  cardId: string;
  /** When the answer was given (epoch ms). */
  review: number;
  rating: string;
  kind: string;
  /** The card's state before the answer (0 New, 1 Learning, 2 Review, 3 Relearning). */
  state?: number;
}

export interface ItemOptions {
  /** Hour (local time) at which a study day starts. */
  dayStartHour: number;
  /** Now (epoch ms): entries after it are impossible. */
  now: number;
  includeQuiz: boolean;
  includeCustom: boolean;
  /** Epoch ms: a card whose history starts before it is left out, as Anki's "ignore reviews before". */
  ignoreBefore?: number | null;
}

/** Entries that cannot be right, and so were skipped. */
export const SKIP_REASONS = ['future', 'unknown-rating', 'unknown-kind', 'bad-time'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Entries and cards left out on purpose: by kind (the user's choice, cram always) or by the date. */
export const LEFT_OUT_REASONS = ['cram', 'quiz', 'custom', 'before-date', 'incomplete'] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

export interface TrainingSet {
  items: TrainingItem[];
  /** Answers in the histories the items were made from. */
  reviews: number;
  /** Cards with at least one item. */
  cards: number;
  skipped: Record<SkipReason, number>;
  /** Entries (cram, quiz, custom) and, for before-date and incomplete, the answers of the cards left out. */
  leftOut: Record<LeftOutReason, number>;
}

const RATING: Record<string, number> = { again: 1, hard: 2, good: 3, easy: 4 };
const ANSWER_KINDS = new Set(['review', 'quiz', 'custom', 'cram']);
const NEW = 0;
const LEARNING = 1;

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The study day an entry falls on, counted from the epoch, with the user's day boundary. */
export function studyDay(ms: number, dayStartHour: number): number {
  return Math.floor((ms + fsrsDayShift(new Date(ms), dayStartHour)) / DAY_MS);
}

interface Counted {
  review: number;
  /** 1–4, or 0 for a reset. */
  rating: number;
  state: number | undefined;
}
const RESET = 0;

/** Sorts the usable entries into cards: impossible ones are counted in `skipped`, unwanted kinds in `leftOut`. */
function byCard(logs: Iterable<LogEntry>, o: ItemOptions, set: TrainingSet): Map<string, Counted[]> {
  const cards = new Map<string, Counted[]>();
  for (const log of logs) {
    if (!Number.isFinite(log.review)) {
      set.skipped['bad-time']++;
      continue;
    }
    if (log.review > o.now) {
      set.skipped.future++;
      continue;
    }
    let entry: Counted;
    if (log.kind === 'manual') {
      // Reset starts the card's history over (as Anki's Forget); set due date is no answer and changes no memory.
      if (log.rating === 'reset') entry = { review: log.review, rating: RESET, state: undefined };
      else {
        if (log.rating !== 'set-due') set.skipped['unknown-rating']++;
        continue;
      }
    } else if (!ANSWER_KINDS.has(log.kind)) {
      set.skipped['unknown-kind']++;
      continue;
    } else if (RATING[log.rating] === undefined) {
      set.skipped['unknown-rating']++;
      continue;
    } else if (
      log.kind === 'cram' ||
      (log.kind === 'quiz' && !o.includeQuiz) ||
      (log.kind === 'custom' && !o.includeCustom)
    ) {
      set.leftOut[log.kind as 'cram' | 'quiz' | 'custom']++;
      continue;
    } else {
      entry = { review: log.review, rating: RATING[log.rating]!, state: log.state };
    }
    const list = cards.get(log.cardId);
    if (list) list.push(entry);
    else cards.set(log.cardId, [entry]);
  }
  return cards;
}

/**
 * Builds fsrs-rs's training items from a review log, as Anki does: per card, answers in time order from the last reset;
 * cram always left out, quiz and custom reviews as chosen; delta_t in study days between answers; items in the order of their last answers, one for each
 * answer that opens a study day after the card's first (later answers of the same day stay in the history with
 * delta_t 0, where the short-term parameters learn from them). A card whose history begins before `ignoreBefore`, or
 * does not begin with the card's introduction, is left out whole.
 */
export function buildTrainingItems(logs: Iterable<LogEntry>, o: ItemOptions): TrainingSet {
  const set: TrainingSet = {
    items: [],
    reviews: 0,
    cards: 0,
    skipped: zeros(SKIP_REASONS),
    leftOut: zeros(LEFT_OUT_REASONS),
  };
  const timed: { at: number; item: TrainingItem }[] = [];
  for (const list of byCard(logs, o, set).values()) {
    // Stable: entries of the same millisecond keep the log's order.
    const sorted = list.map((e, i) => ({ e, i })).sort((a, b) => a.e.review - b.e.review || a.i - b.i);
    let start = 0;
    sorted.forEach((x, i) => {
      if (x.e.rating === RESET) start = i + 1;
    });
    const history = sorted.slice(start).map((x) => x.e);
    if (history.length === 0) continue;
    const first = history[0]!;
    if (o.ignoreBefore != null && first.review < o.ignoreBefore) {
      set.leftOut['before-date'] += history.length;
      continue;
    }
    if (first.state !== undefined && first.state !== NEW && first.state !== LEARNING) {
      set.leftOut.incomplete += history.length;
      continue;
    }
    if (cardItems(history, o.dayStartHour, timed) > 0) {
      set.cards++;
      set.reviews += history.length;
    }
  }
  // In the order of their last reviews, as fsrs-rs expects: it weighs recent items more.
  timed.sort((a, b) => a.at - b.at);
  set.items = timed.map((x) => x.item);
  return set;
}

/** Appends a card's items to `out`; returns how many. */
function cardItems(history: Counted[], dayStartHour: number, out: { at: number; item: TrainingItem }[]): number {
  const reviews: TrainingReview[] = [];
  let prevDay = 0;
  let made = 0;
  history.forEach((h, i) => {
    const day = studyDay(h.review, dayStartHour);
    reviews.push({ rating: h.rating, deltaT: i === 0 ? 0 : day - prevDay });
    prevDay = day;
    if (i > 0 && reviews[i]!.deltaT > 0) {
      out.push({ at: h.review, item: reviews.slice() });
      made++;
    }
  });
  return made;
}

/** The items as fsrs-browser's computeParameters reads them: every review's rating and delta_t, and each item's length. */
export function flattenItems(items: readonly TrainingItem[]): {
  ratings: Uint32Array;
  deltaTs: Uint32Array;
  lengths: Uint32Array;
} {
  let total = 0;
  for (const item of items) total += item.length;
  const ratings = new Uint32Array(total);
  const deltaTs = new Uint32Array(total);
  const lengths = new Uint32Array(items.length);
  let k = 0;
  items.forEach((item, i) => {
    lengths[i] = item.length;
    for (const r of item) {
      ratings[k] = r.rating;
      deltaTs[k] = r.deltaT;
      k++;
    }
  });
  return { ratings, deltaTs, lengths };
}
