// The true retention table, as Anki's (`calculate_true_retention` in rslib/src/stats/graphs/retention.rs, added by
// ankitects/anki#3425 from the fsrs4anki-helper add-on's): the pass rate of answers on cards with an interval of a day
// or more, young and mature apart, over six periods.
//
// Which answers count is `countsForRetention` (stats-rows.ts): Again is the only fail, every counted answer counts
// (Anki does not keep only a card's first answer of the day here), young and mature split at 21 days of interval
// before the answer. Anki's periods are 86,400-second spans back from the next day start; ours are whole study days
// (today; yesterday; the 7, 30 and 365 days ending today; all), which differ from Anki's only across a DST change.
import { countsForRetention, isMatureBefore, passed, type StatsLog } from './stats-rows';
import type { StudyCalendar } from './study-days';

export type RetentionPeriod = 'today' | 'yesterday' | 'week' | 'month' | 'year' | 'all';
export const RETENTION_PERIODS: readonly RetentionPeriod[] = ['today', 'yesterday', 'week', 'month', 'year', 'all'];

/** The passes and fails of one period, as counted. */
export interface RetentionCounts {
  youngPassed: number;
  youngFailed: number;
  maturePassed: number;
  matureFailed: number;
}

export interface RetentionCell {
  passed: number;
  failed: number;
  /** passed ÷ (passed + failed) × 100; null when there is nothing to count (Anki prints 0 %, the page may print —). */
  percent: number | null;
}

export interface RetentionRow {
  young: RetentionCell;
  mature: RetentionCell;
  total: RetentionCell;
}

export type TrueRetentionTable = Record<RetentionPeriod, RetentionRow>;

export function emptyRetentionCounts(): RetentionCounts {
  return { youngPassed: 0, youngFailed: 0, maturePassed: 0, matureFailed: 0 };
}

/** The first and last study day of each period ending `today`; `all` has no first day. */
export function periodDays(period: RetentionPeriod, today: number): { from: number | null; to: number } {
  switch (period) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: today - 1, to: today - 1 };
    case 'week':
      return { from: today - 6, to: today };
    case 'month':
      return { from: today - 29, to: today };
    case 'year':
      return { from: today - 364, to: today };
    case 'all':
      return { from: null, to: today };
  }
}

/** Adds one counted answer to a period's counts (the caller checked `countsForRetention`). */
export function countRetention(c: RetentionCounts, log: StatsLog, by = 1): void {
  const pass = passed(log);
  if (isMatureBefore(log)) {
    if (pass) c.maturePassed += by;
    else c.matureFailed += by;
  } else if (pass) c.youngPassed += by;
  else c.youngFailed += by;
}

function cell(passedN: number, failed: number): RetentionCell {
  const n = passedN + failed;
  return { passed: passedN, failed, percent: n === 0 ? null : (passedN / n) * 100 };
}

export function retentionRow(c: RetentionCounts): RetentionRow {
  return {
    young: cell(c.youngPassed, c.youngFailed),
    mature: cell(c.maturePassed, c.matureFailed),
    total: cell(c.youngPassed + c.maturePassed, c.youngFailed + c.matureFailed),
  };
}

/** The table from per-period counts (from the log or from the day counters). */
export function retentionTable(counts: Record<RetentionPeriod, RetentionCounts>): TrueRetentionTable {
  const rows = RETENTION_PERIODS.map((p) => [p, retentionRow(counts[p])] as const);
  return Object.fromEntries(rows) as TrueRetentionTable;
}

/** The true retention table for the study day of `now`, from the log. Answers after today are left out. */
export function trueRetention(logs: Iterable<StatsLog>, calendar: StudyCalendar, now: number): TrueRetentionTable {
  const today = calendar.dayOf(now);
  const counts = Object.fromEntries(RETENTION_PERIODS.map((p) => [p, emptyRetentionCounts()])) as Record<
    RetentionPeriod,
    RetentionCounts
  >;
  const spans = RETENTION_PERIODS.map((p) => [p, periodDays(p, today)] as const);
  for (const log of logs) {
    if (!countsForRetention(log)) continue;
    const day = calendar.dayOf(log.review);
    for (const [p, { from, to }] of spans) {
      if (day <= to && (from === null || day >= from)) countRetention(counts[p], log);
    }
  }
  return retentionTable(counts);
}
