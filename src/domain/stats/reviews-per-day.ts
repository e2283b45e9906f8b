// "Reviews per day" stacked by band with the time spent, and the calendar heatmap of answers per study day.
import { reviewBand, type ReviewBand, type StatsLog } from './stats-rows';
import { dayDate, inRange, type DayRange, type StudyCalendar } from './study-days';

export interface BandTotals {
  count: number;
  timeMs: number;
}

export type DayBands = Record<ReviewBand, BandTotals>;

export function emptyDayBands(): DayBands {
  const zero = () => ({ count: 0, timeMs: 0 });
  return { learning: zero(), young: zero(), mature: zero(), relearning: zero(), custom: zero() };
}

/** Per study day in `range` with at least one answer: count and time per band. Days without answers are absent. */
export function reviewsPerDay(
  logs: Iterable<StatsLog>,
  calendar: StudyCalendar,
  range: DayRange,
): Map<number, DayBands> {
  const days = new Map<number, DayBands>();
  for (const log of logs) {
    const band = reviewBand(log);
    if (band === null) continue;
    const day = calendar.dayOf(log.review);
    if (!inRange(day, range)) continue;
    let bands = days.get(day);
    if (!bands) days.set(day, (bands = emptyDayBands()));
    bands[band].count += 1;
    bands[band].timeMs += log.durationMs;
  }
  return days;
}

/** One square of the heatmap: the local date the study day starts on, and its answers. */
export interface HeatmapDay {
  date: string;
  count: number;
}

/** The year that ends today: 365 study days. */
export function yearEndingOn(today: number): DayRange {
  return { from: today - 364, to: today };
}

/**
 * Answers per study day (every band, cram included, manual entries not), for the days in `range` that have any:
 * the heatmap shows the rest as empty.
 */
export function reviewHeatmap(
  logs: Iterable<StatsLog>,
  calendar: StudyCalendar,
  range: DayRange,
): Map<number, HeatmapDay> {
  return heatmapFromDays(reviewsPerDay(logs, calendar, range));
}

/** The heatmap from per-day bands (from the log or from the day counters). */
export function heatmapFromDays(days: ReadonlyMap<number, DayBands>): Map<number, HeatmapDay> {
  const out = new Map<number, HeatmapDay>();
  for (const [day, bands] of days) {
    let count = 0;
    for (const b of Object.values(bands)) count += b.count;
    out.set(day, { date: dayDate(day), count });
  }
  return out;
}
