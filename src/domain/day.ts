// The study day: it starts at a configurable hour (default 4 a.m. local, as in Anki), not at midnight.
const DAY_MS = 24 * 60 * 60 * 1000;

/** Start of the study day that contains `now`, as a Date. */
export function dayStart(now: Date, startHour: number): Date {
  const d = new Date(now);
  d.setHours(startHour, 0, 0, 0);
  if (d.getTime() > now.getTime()) d.setDate(d.getDate() - 1);
  return d;
}

/** Start of the next study day: reviews due before it belong to today. */
export function nextDayStart(now: Date, startHour: number): Date {
  const d = dayStart(now, startHour);
  d.setDate(d.getDate() + 1);
  return d;
}

/** A key for the study day (`2026-11-23`), named after the calendar date it starts on. */
export function dayKey(now: Date, startHour: number): string {
  const d = dayStart(now, startHour);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}

/**
 * How far to shift times so that the study day (starting at `startHour` local time) begins at UTC midnight:
 * ts-fsrs counts elapsed days by UTC date. Taken at `now`, so a DST change moves it by an hour at most.
 */
export function fsrsDayShift(now: Date, startHour: number): number {
  return -now.getTimezoneOffset() * 60_000 - startHour * 3_600_000;
}

export { DAY_MS };
