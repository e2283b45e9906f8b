// The statistics page's day-based figures, from the day counters or (for a search, or to check them) from the log.
import type { DayCounter } from './day-counters';
import {
  answerButtons,
  emptyButtonCounts,
  emptyHourCounts,
  hourRows,
  hourlyBreakdown,
  type ButtonCounts,
  type HourRow,
} from './hours-buttons';
import {
  emptyDayBands,
  heatmapFromDays,
  reviewHeatmap,
  reviewsPerDay,
  yearEndingOn,
  type DayBands,
  type HeatmapDay,
} from './reviews-per-day';
import { BUTTON_GROUPS, REVIEW_BANDS, type StatsLog } from './stats-rows';
import { inRange, type DayRange, type StudyCalendar } from './study-days';
import { emptyTodayTotals, todayFigures, withAgainRate, type TodayFigures, type TodayTotals } from './today';
import {
  RETENTION_PERIODS,
  emptyRetentionCounts,
  periodDays,
  retentionTable,
  trueRetention,
  type RetentionCounts,
  type RetentionPeriod,
  type TrueRetentionTable,
} from './true-retention';
import { RATINGS } from '../scheduler';

export interface DayFigures {
  today: TodayFigures;
  /** Days of `range` with answers. */
  reviewsPerDay: Map<number, DayBands>;
  /** Days of the heatmap's range with answers. */
  heatmap: Map<number, HeatmapDay>;
  trueRetention: TrueRetentionTable;
  /** Over `range`. */
  hours: HourRow[];
  /** Over `range`. */
  buttons: ButtonCounts;
}

export interface FigureDays {
  /** The study day of `now`. */
  today: number;
  /** The days of the charts (the page's 1 month / 1 year / all). */
  range: DayRange;
  /** The days of the heatmap; the year ending today unless given. */
  heatmap?: DayRange;
}

/** The figures from the log: one pass per figure. */
export function figuresFromLogs(
  logs: readonly StatsLog[],
  calendar: StudyCalendar,
  now: number,
  days: Omit<FigureDays, 'today'>,
): DayFigures {
  const today = calendar.dayOf(now);
  return {
    today: todayFigures(logs, calendar, now),
    reviewsPerDay: reviewsPerDay(logs, calendar, days.range),
    heatmap: reviewHeatmap(logs, calendar, days.heatmap ?? yearEndingOn(today)),
    trueRetention: trueRetention(logs, calendar, now),
    hours: hourlyBreakdown(logs, calendar, days.range),
    buttons: answerButtons(logs, calendar, days.range),
  };
}

function addBands(into: DayBands, from: DayBands): void {
  for (const b of REVIEW_BANDS) {
    into[b].count += from[b].count;
    into[b].timeMs += from[b].timeMs;
  }
}

function addRetention(into: RetentionCounts, from: RetentionCounts): void {
  into.youngPassed += from.youngPassed;
  into.youngFailed += from.youngFailed;
  into.maturePassed += from.maturePassed;
  into.matureFailed += from.matureFailed;
}

function addCounterToToday(t: TodayTotals, c: DayCounter): void {
  t.answers += c.answers;
  t.introduced += c.introduced;
  t.again += c.again;
  t.timeMs += c.timeMs;
  t.matureAnswers += c.matureAnswers;
  t.matureCorrect += c.matureCorrect;
  for (const b of REVIEW_BANDS) t.bands[b] += c.bands[b].count;
}

/** The same figures from the counters of the decks in scope (any number of decks, any days): one pass. */
export function figuresFromCounters(counters: Iterable<DayCounter>, days: FigureDays): DayFigures {
  const { today, range } = days;
  const heatmapRange = days.heatmap ?? yearEndingOn(today);
  const t = emptyTodayTotals();
  const perDay = new Map<number, DayBands>();
  const heatDays = new Map<number, DayBands>();
  const retention = Object.fromEntries(RETENTION_PERIODS.map((p) => [p, emptyRetentionCounts()])) as Record<
    RetentionPeriod,
    RetentionCounts
  >;
  const spans = RETENTION_PERIODS.map((p) => [p, periodDays(p, today)] as const);
  const hours = emptyHourCounts();
  const buttons = emptyButtonCounts();
  const addDay = (map: Map<number, DayBands>, c: DayCounter) => {
    let bands = map.get(c.day);
    if (!bands) map.set(c.day, (bands = emptyDayBands()));
    addBands(bands, c.bands);
  };
  for (const c of counters) {
    if (c.day === today) addCounterToToday(t, c);
    if (inRange(c.day, heatmapRange)) addDay(heatDays, c);
    for (const [p, span] of spans) if (inRange(c.day, span)) addRetention(retention[p], c.retention);
    if (!inRange(c.day, range)) continue;
    addDay(perDay, c);
    for (let h = 0; h < 24; h += 1) {
      hours.total[h] = (hours.total[h] ?? 0) + (c.hours.total[h] ?? 0);
      hours.correct[h] = (hours.correct[h] ?? 0) + (c.hours.correct[h] ?? 0);
    }
    for (const g of BUTTON_GROUPS) for (const r of RATINGS) buttons[g][r] += c.buttons[g][r];
  }
  return {
    today: withAgainRate(t),
    reviewsPerDay: perDay,
    heatmap: heatmapFromDays(heatDays),
    trueRetention: retentionTable(retention),
    hours: hourRows(hours),
    buttons,
  };
}
