// Per-day counters of the answers, so the statistics page need not read the whole log on each visit: one counter per
// deck and study day, updated in the same transaction as each answer (and taken back on undo).
//
// A counter holds exactly what the day-based figures sum (day-figures.ts): today's totals, the bands of "Reviews per
// day" with their time, the true-retention passes and fails, the 24 hours and the answer buttons. It is plain data
// (numbers, arrays, records), so it can be stored as a row keyed by [deckId, day]. The day and hour of an answer are
// the calendar's when it is counted: after a change of the day start hour or of time zone the counters are rebuilt
// from the log (`countersFromLogs`).
import { emptyButtonCounts, emptyHourCounts, type ButtonCounts, type HourCounts } from './hours-buttons';
import { emptyDayBands, type DayBands } from './reviews-per-day';
import {
  countsForHours,
  groupOfBand,
  countsForRetention,
  isAnswer,
  isMatureBefore,
  passed,
  reviewBand,
  type StatsAnswer,
  type StatsLog,
} from './stats-rows';
import type { StudyCalendar } from './study-days';
import { countRetention, emptyRetentionCounts, type RetentionCounts } from './true-retention';
import { CardState } from '../scheduler';

export interface DayCounter {
  deckId: string;
  day: number;
  answers: number;
  /** Answers that introduced a new card (cram left out, as in todayFigures). */
  introduced: number;
  again: number;
  timeMs: number;
  matureAnswers: number;
  matureCorrect: number;
  bands: DayBands;
  retention: RetentionCounts;
  hours: HourCounts;
  buttons: ButtonCounts;
}

/** Counters by `counterKey(deckId, day)`. */
export type DayCounters = ReadonlyMap<string, DayCounter>;

export function counterKey(deckId: string, day: number): string {
  return `${day}|${deckId}`;
}

/** Which counter an entry belongs to. */
export function counterPlace(log: StatsLog, calendar: StudyCalendar): { deckId: string; day: number } {
  return { deckId: log.deckId, day: calendar.dayOf(log.review) };
}

export function emptyDayCounter(deckId: string, day: number): DayCounter {
  return {
    deckId,
    day,
    answers: 0,
    introduced: 0,
    again: 0,
    timeMs: 0,
    matureAnswers: 0,
    matureCorrect: 0,
    bands: emptyDayBands(),
    retention: emptyRetentionCounts(),
    hours: emptyHourCounts(),
    buttons: emptyButtonCounts(),
  };
}

function copyCounter(c: DayCounter): DayCounter {
  const bands = Object.fromEntries(Object.entries(c.bands).map(([k, v]) => [k, { ...v }])) as DayBands;
  const buttons = Object.fromEntries(Object.entries(c.buttons).map(([k, v]) => [k, { ...v }])) as ButtonCounts;
  return {
    ...c,
    bands,
    retention: { ...c.retention },
    hours: { total: [...c.hours.total], correct: [...c.hours.correct] },
    buttons,
  };
}

/** Adds (`by` 1) or takes back (`by` −1) one answer, in place; the caller has checked that it is an answer. */
function count(c: DayCounter, log: StatsAnswer, hour: number, by: 1 | -1): void {
  const pass = passed(log);
  c.answers += by;
  c.timeMs += by * log.durationMs;
  if (!pass) c.again += by;
  if (log.state === CardState.New && log.kind !== 'cram') c.introduced += by;
  if (isMatureBefore(log)) {
    c.matureAnswers += by;
    if (pass) c.matureCorrect += by;
  }
  const band = reviewBand(log);
  if (band) {
    c.bands[band].count += by;
    c.bands[band].timeMs += by * log.durationMs;
    c.buttons[groupOfBand(band)][log.rating] += by;
  }
  if (countsForRetention(log)) countRetention(c.retention, log, by);
  if (countsForHours(log)) {
    c.hours.total[hour] = (c.hours.total[hour] ?? 0) + by;
    if (pass) c.hours.correct[hour] = (c.hours.correct[hour] ?? 0) + by;
  }
}

function checkPlace(counter: DayCounter, log: StatsLog, calendar: StudyCalendar): void {
  const { deckId, day } = counterPlace(log, calendar);
  if (counter.deckId !== deckId || counter.day !== day) {
    throw new RangeError(
      `the entry belongs to ${counterKey(deckId, day)}, not ${counterKey(counter.deckId, counter.day)}`,
    );
  }
}

/**
 * The counter with one more entry: a new object (the one given is left as it was). Without a counter, one is
 * started. A manual entry is not an answer and changes nothing (undefined stays undefined: nothing to store).
 */
export function addToDayCounter(
  counter: DayCounter | undefined,
  log: StatsLog,
  calendar: StudyCalendar,
): DayCounter | undefined {
  if (!isAnswer(log)) return counter;
  const { deckId, day } = counterPlace(log, calendar);
  const next = counter ? copyCounter(counter) : emptyDayCounter(deckId, day);
  checkPlace(next, log, calendar);
  count(next, log, calendar.hourOf(log.review), 1);
  return next;
}

/** The counter without one entry it holds (for undo); undefined once it holds no answer, so the row is deleted. */
export function removeFromDayCounter(
  counter: DayCounter | undefined,
  log: StatsLog,
  calendar: StudyCalendar,
): DayCounter | undefined {
  if (!counter || !isAnswer(log)) return counter;
  checkPlace(counter, log, calendar);
  const next = copyCounter(counter);
  count(next, log, calendar.hourOf(log.review), -1);
  return next.answers <= 0 ? undefined : next;
}

function withCounter(counters: DayCounters, key: string, counter: DayCounter | undefined): DayCounters {
  const next = new Map(counters);
  if (counter) next.set(key, counter);
  else next.delete(key);
  return next;
}

/** The set of counters with one more entry (a new map; copying it costs its size, so bulk work uses countersFromLogs). */
export function addToDayCounters(counters: DayCounters, log: StatsLog, calendar: StudyCalendar): DayCounters {
  if (!isAnswer(log)) return counters;
  const { deckId, day } = counterPlace(log, calendar);
  const key = counterKey(deckId, day);
  return withCounter(counters, key, addToDayCounter(counters.get(key), log, calendar));
}

/** The set of counters without one entry (undo): adding an entry then removing it gives the counters back. */
export function removeFromDayCounters(counters: DayCounters, log: StatsLog, calendar: StudyCalendar): DayCounters {
  if (!isAnswer(log)) return counters;
  const { deckId, day } = counterPlace(log, calendar);
  const key = counterKey(deckId, day);
  if (!counters.has(key)) return counters;
  return withCounter(counters, key, removeFromDayCounter(counters.get(key), log, calendar));
}

/** Counters being built from a log read in slices: by deck, then by day number (no key string per entry). */
export type CounterTally = Map<string, Map<number, DayCounter>>;

/** Adds every answer of `logs` to `tally` (in place): a rebuild reads a million entries a slice at a time. */
export function tallyLogs(tally: CounterTally, logs: Iterable<StatsLog>, calendar: StudyCalendar): void {
  for (const log of logs) {
    if (!isAnswer(log)) continue;
    const day = calendar.dayOf(log.review);
    let days = tally.get(log.deckId);
    if (!days) tally.set(log.deckId, (days = new Map()));
    let c = days.get(day);
    if (!c) days.set(day, (c = emptyDayCounter(log.deckId, day)));
    count(c, log, calendar.hourOf(log.review), 1);
  }
}

/** The counters of a tally, by `counterKey`. */
export function tallyCounters(tally: CounterTally): Map<string, DayCounter> {
  const out = new Map<string, DayCounter>();
  for (const days of tally.values()) for (const c of days.values()) out.set(counterKey(c.deckId, c.day), c);
  return out;
}

/** Every counter of a log at once (to fill the counters the first time, or after the calendar changed). */
export function countersFromLogs(logs: Iterable<StatsLog>, calendar: StudyCalendar): Map<string, DayCounter> {
  const t: CounterTally = new Map();
  tallyLogs(t, logs, calendar);
  return tallyCounters(t);
}
