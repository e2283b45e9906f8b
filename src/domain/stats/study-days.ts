// Study days as whole numbers, for the statistics: which day (and which local hour) an epoch time falls in.
//
// A study day is numbered by the local calendar date it starts on, counted in days from 1970-01-01, and starts at
// `dayStartHour` local time (as `dayStart` in ../day.ts has it). The time zone is an argument, never read from the
// machine, so the maths is the same in a test and in the browser.
import { DAY_MS } from '../day';

const HOUR_MS = 3_600_000;

/** Turns epoch times into study days and local hours. */
export interface StudyCalendar {
  /** The study day that contains `ms`. */
  dayOf(ms: number): number;
  /** The local clock hour (0–23) at `ms`: the hour on the wall, not shifted by the day start. */
  hourOf(ms: number): number;
}

/**
 * A calendar for a day start hour and a time zone. `utcOffsetMinutes` is minutes east of UTC (Beijing +480,
 * New York −300 or −240): a number for a fixed offset, or a function of the time for one that changes with daylight
 * saving; the browser's is `(ms) => -new Date(ms).getTimezoneOffset()`.
 */
export function studyCalendar(
  dayStartHour: number,
  utcOffsetMinutes: number | ((ms: number) => number),
): StudyCalendar {
  const offset = typeof utcOffsetMinutes === 'number' ? () => utcOffsetMinutes : utcOffsetMinutes;
  const local = (ms: number) => ms + offset(ms) * 60_000;
  return {
    dayOf: (ms) => Math.floor((local(ms) - dayStartHour * HOUR_MS) / DAY_MS),
    hourOf: (ms) => Math.floor((((local(ms) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS),
  };
}

/** The local date a study day starts on, as `2026-12-01` (the same key as `dayKey` in ../day.ts). */
export function dayDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included; `from` null means "since the first day there is". */
export interface DayRange {
  from: number | null;
  to: number;
}

export function inRange(day: number, range: DayRange): boolean {
  return day <= range.to && (range.from === null || day >= range.from);
}
