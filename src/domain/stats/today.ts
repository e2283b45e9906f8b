// "Today" of the statistics page: answers, new cards, Again, and time, for the study day that contains `now`.
import { CardState } from '../scheduler';
import { isAnswer, isMatureBefore, passed, reviewBand, type ReviewBand, type StatsLog } from './stats-rows';
import type { StudyCalendar } from './study-days';

export interface TodayFigures {
  /** Every answer of the day, cram included (Anki's "Studied N cards" counts answers, not distinct cards). */
  answers: number;
  /** Cards introduced by an answer (state New before it); a cram answer leaves the card new, so it is not one. */
  introduced: number;
  again: number;
  /** Again ÷ answers (0–1); null with no answers. */
  againRate: number | null;
  /** Time spent answering: the sum of `durationMs`. */
  timeMs: number;
  /** Answers per band: Anki's Learn, Review (young + mature), Relearn and Filtered (custom) counts. */
  bands: Record<ReviewBand, number>;
  /** Answers on cards with an interval of 21 days or more, and how many passed (Anki's "correct on mature"). */
  matureAnswers: number;
  matureCorrect: number;
}

export function emptyBandCounts(): Record<ReviewBand, number> {
  return { learning: 0, young: 0, mature: 0, relearning: 0, custom: 0 };
}

/** Sums of the day's answers, before the rate is worked out: the shape the day counters keep. */
export type TodayTotals = Omit<TodayFigures, 'againRate'>;

export function emptyTodayTotals(): TodayTotals {
  return {
    answers: 0,
    introduced: 0,
    again: 0,
    timeMs: 0,
    bands: emptyBandCounts(),
    matureAnswers: 0,
    matureCorrect: 0,
  };
}

export function withAgainRate(t: TodayTotals): TodayFigures {
  return { ...t, bands: { ...t.bands }, againRate: t.answers === 0 ? null : t.again / t.answers };
}

/** Today's figures from the log (manual entries are not answers and are left out). */
export function todayFigures(logs: Iterable<StatsLog>, calendar: StudyCalendar, now: number): TodayFigures {
  const today = calendar.dayOf(now);
  const t = emptyTodayTotals();
  for (const log of logs) {
    if (!isAnswer(log) || calendar.dayOf(log.review) !== today) continue;
    t.answers += 1;
    t.timeMs += log.durationMs;
    if (!passed(log)) t.again += 1;
    if (log.state === CardState.New && log.kind !== 'cram') t.introduced += 1;
    const band = reviewBand(log);
    if (band) t.bands[band] += 1;
    if (isMatureBefore(log)) {
      t.matureAnswers += 1;
      if (passed(log)) t.matureCorrect += 1;
    }
  }
  return withAgainRate(t);
}
