// The least of a review-log entry and of a card that the statistics read, and how an entry is classed, as Anki does.
//
// The database's ReviewLogRow and CardRow satisfy these shapes (tests/unit/stats-rows.test.ts checks it), so the
// domain needs nothing from src/db. What each class means follows Anki's statistics (rslib/src/stats/graphs/*.rs):
// its revlog kinds are Learning, Review, Relearning, Filtered and Manual; ours are the card's state before the answer
// plus where the answer came from (`kind`): custom study and cram are Anki's Filtered, reset and set due date its
// Manual.
import { CardState, type CardStateValue, type RatingName } from '../scheduler';

/** Where an answer came from: the daily review, a quiz that reschedules, custom study, cram. */
export type AnswerKind = 'review' | 'quiz' | 'custom' | 'cram';

interface LogFields {
  deckId: string;
  /** When the answer was given (epoch ms). */
  review: number;
  /** The card's state before the answer (New: the answer introduced it). */
  state: CardStateValue;
  /** The card's interval in days before the answer (ts-fsrs logs the interval it had). */
  scheduledDays: number;
  durationMs: number;
}

/** A log entry: an answer, or a manual change (reset, set due date), which changes a card but is no answer. */
export type StatsLog =
  (LogFields & { kind: AnswerKind; rating: RatingName }) | (LogFields & { kind: 'manual'; rating: string });

export type StatsAnswer = Extract<StatsLog, { kind: AnswerKind }>;

export interface StatsCard {
  id: string;
  deckId: string;
  noteId: string;
  state: CardStateValue;
  due: number;
  scheduledDays: number;
  stability: number;
  difficulty: number;
  lastReview: number | null;
  suspended?: boolean;
  buriedUntil?: number;
}

/** Anki's line between young and mature: an interval of 21 days or more is mature. */
export const MATURE_DAYS = 21;

/** An answer the user gave, not a manual entry. */
export function isAnswer(log: StatsLog): log is StatsAnswer {
  return log.kind !== 'manual';
}

/** The bands of "Reviews per day"; custom study and cram have their own, as Anki's Filtered. */
export type ReviewBand = 'learning' | 'young' | 'mature' | 'relearning' | 'custom';
export const REVIEW_BANDS: readonly ReviewBand[] = ['learning', 'young', 'mature', 'relearning', 'custom'];

/** The band of an answer (null for a manual entry), as Anki's reviews graph: young/mature by the interval before. */
export function reviewBand(log: StatsLog): ReviewBand | null {
  if (!isAnswer(log)) return null;
  if (log.kind === 'custom' || log.kind === 'cram') return 'custom';
  switch (log.state) {
    case CardState.New:
    case CardState.Learning:
      return 'learning';
    case CardState.Relearning:
      return 'relearning';
    default:
      return log.scheduledDays < MATURE_DAYS ? 'young' : 'mature';
  }
}

/** The answer-buttons groups: Anki counts (re)learning and filtered answers as learning. */
export type ButtonGroup = 'learning' | 'young' | 'mature';
export const BUTTON_GROUPS: readonly ButtonGroup[] = ['learning', 'young', 'mature'];

export function buttonGroup(log: StatsLog): ButtonGroup | null {
  const band = reviewBand(log);
  return band === null ? null : groupOfBand(band);
}

export function groupOfBand(band: ReviewBand): ButtonGroup {
  return band === 'young' || band === 'mature' ? band : 'learning';
}

/**
 * Whether an answer counts in the true retention table, as Anki's `calculate_true_retention`
 * (rslib/src/stats/graphs/retention.rs): an answer with a rating that affects scheduling (not manual, not cram) of a
 * card in review, or of any card whose interval before the answer was a day or more (a (re)learning step of a day).
 * Learning and relearning steps shorter than a day and first answers of new cards (interval 0) are left out. Every
 * such answer counts, not only a card's first of the day: Anki's table has no such rule (keeping the first review of
 * a day belongs to building the optimizer's training items).
 */
export function countsForRetention(log: StatsLog): boolean {
  return isAnswer(log) && log.kind !== 'cram' && (log.state === CardState.Review || log.scheduledDays >= 1);
}

/** The hourly breakdown leaves out filtered answers (custom study, cram) as Anki's hours graph does. */
export function countsForHours(log: StatsLog): boolean {
  return isAnswer(log) && log.kind !== 'custom' && log.kind !== 'cram';
}

/** Again is the only fail; Hard, Good and Easy pass. */
export function passed(log: StatsLog): boolean {
  return log.rating !== 'again';
}

/** Young or mature, by the interval before the answer. */
export function isMatureBefore(log: StatsLog): boolean {
  return log.scheduledDays >= MATURE_DAYS;
}
