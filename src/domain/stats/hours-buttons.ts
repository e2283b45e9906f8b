// The hourly breakdown (answers and success rate per local hour) and the answer buttons (ratings per group), as
// Anki's hours.rs and buttons.rs: both over the study days of a range.
import type { RatingName } from '../scheduler';
import { buttonGroup, countsForHours, isAnswer, passed, type ButtonGroup, type StatsLog } from './stats-rows';
import { inRange, type DayRange, type StudyCalendar } from './study-days';

export interface HourRow {
  /** Local clock hour, 0–23. */
  hour: number;
  total: number;
  correct: number;
  /** correct ÷ total (0–1); null when nothing was answered in that hour. */
  rate: number | null;
}

/** 24 totals and 24 passes, hour 0 first: what is counted before rates are worked out. */
export interface HourCounts {
  total: number[];
  correct: number[];
}

export function emptyHourCounts(): HourCounts {
  return { total: Array<number>(24).fill(0), correct: Array<number>(24).fill(0) };
}

export function hourRows(c: HourCounts): HourRow[] {
  return c.total.map((total, hour) => {
    const correct = c.correct[hour] ?? 0;
    return { hour, total, correct, rate: total === 0 ? null : correct / total };
  });
}

/** Answers per local hour in `range`; custom study, cram and manual entries are left out as Anki leaves Filtered. */
export function hourlyBreakdown(logs: Iterable<StatsLog>, calendar: StudyCalendar, range: DayRange): HourRow[] {
  const c = emptyHourCounts();
  for (const log of logs) {
    if (!countsForHours(log) || !inRange(calendar.dayOf(log.review), range)) continue;
    const h = calendar.hourOf(log.review);
    c.total[h] = (c.total[h] ?? 0) + 1;
    if (passed(log)) c.correct[h] = (c.correct[h] ?? 0) + 1;
  }
  return hourRows(c);
}

export type ButtonCounts = Record<ButtonGroup, Record<RatingName, number>>;

export function emptyButtonCounts(): ButtonCounts {
  const zero = () => ({ again: 0, hard: 0, good: 0, easy: 0 });
  return { learning: zero(), young: zero(), mature: zero() };
}

/**
 * How often each button was pressed in `range`: learning (new, learning, relearning, custom study and cram, as
 * Anki counts its Learning, Relearning and Filtered kinds), young and mature (reviews, by the interval before).
 */
export function answerButtons(logs: Iterable<StatsLog>, calendar: StudyCalendar, range: DayRange): ButtonCounts {
  const c = emptyButtonCounts();
  for (const log of logs) {
    if (!isAnswer(log) || !inRange(calendar.dayOf(log.review), range)) continue;
    const group = buttonGroup(log);
    if (group === null) continue;
    c[group][log.rating] += 1;
  }
  return c;
}
