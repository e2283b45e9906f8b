// Hand-made review-log entries and a UTC+8 calendar for the statistics tests: times are written as local wall times.
import type { RatingName } from '../../../src/domain/scheduler';
import type { AnswerKind, StatsLog } from '../../../src/domain/stats/stats-rows';
import { studyCalendar } from '../../../src/domain/stats/study-days';

/** Beijing time (UTC+8, no daylight saving), with the study day starting at 4 a.m. */
export const OFFSET_MIN = 8 * 60;
export const calendar = studyCalendar(4, OFFSET_MIN);

/** Epoch ms of a wall time in UTC+8. */
export function local(y: number, mo: number, d: number, h: number, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MIN * 60_000;
}

export const DAY = 86_400_000;

export interface EntryOptions {
  rating?: RatingName;
  state?: 0 | 1 | 2 | 3;
  /** Interval before the answer, in days. */
  ivl?: number;
  kind?: AnswerKind;
  seconds?: number;
  deckId?: string;
}

/** An answer at `at`: a review of a card in review (state 2) answered Good in 1 s, unless told. */
export function entry(at: number, o: EntryOptions = {}): StatsLog {
  return {
    deckId: o.deckId ?? 'd',
    review: at,
    rating: o.rating ?? 'good',
    state: o.state ?? 2,
    scheduledDays: o.ivl ?? 0,
    durationMs: (o.seconds ?? 1) * 1000,
    kind: o.kind ?? 'review',
  };
}

/** A manual entry (reset or set due date): never an answer. */
export function manual(at: number, ivl = 10): StatsLog {
  return { deckId: 'd', review: at, rating: 'reset', state: 2, scheduledDays: ivl, durationMs: 0, kind: 'manual' };
}
