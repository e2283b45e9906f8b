// Study days of the statistics: a day starts at the day start hour local time, in a time zone given as an argument.
import { dayKey } from '../../src/domain/day';
import { dayDate, studyCalendar } from '../../src/domain/stats/study-days';
import { calendar, local } from './helpers/stats-logs';

describe('studyCalendar, day start 4 a.m., UTC+8', () => {
  test('3:59 local belongs to the day before, 4:00 to the new day', () => {
    expect(dayDate(calendar.dayOf(local(2026, 12, 1, 3, 59, 59)))).toBe('2026-11-30');
    expect(dayDate(calendar.dayOf(local(2026, 12, 1, 4, 0)))).toBe('2026-12-01');
    // 23:30 and 02:00 the next morning are still the study day that started at 4:00 on Dec 1.
    expect(dayDate(calendar.dayOf(local(2026, 12, 1, 23, 30)))).toBe('2026-12-01');
    expect(dayDate(calendar.dayOf(local(2026, 12, 2, 2, 0)))).toBe('2026-12-01');
  });

  test('the day is the local one, not UTC: 4:00 local on Dec 1 is 20:00 UTC on Nov 30', () => {
    expect(local(2026, 12, 1, 4)).toBe(Date.UTC(2026, 10, 30, 20));
    const utcCalendar = studyCalendar(4, 0);
    // The same instant is Nov 30's study day in UTC (20:00 ≥ 4:00 on Nov 30), and Dec 1's in UTC+8.
    expect(dayDate(utcCalendar.dayOf(Date.UTC(2026, 10, 30, 20)))).toBe('2026-11-30');
    expect(dayDate(calendar.dayOf(Date.UTC(2026, 10, 30, 20)))).toBe('2026-12-01');
  });

  test('consecutive days are consecutive numbers, across a month and a year end', () => {
    const d = calendar.dayOf(local(2026, 12, 31, 12));
    expect(calendar.dayOf(local(2027, 1, 1, 12))).toBe(d + 1);
    expect(dayDate(d + 1)).toBe('2027-01-01');
    expect(calendar.dayOf(local(2026, 3, 1, 12)) - calendar.dayOf(local(2026, 2, 28, 12))).toBe(1);
    // 1970-01-01 is day 0 (noon UTC+8 on that date).
    expect(calendar.dayOf(local(1970, 1, 1, 12))).toBe(0);
  });

  test('hourOf is the wall-clock hour, not shifted by the day start', () => {
    expect(calendar.hourOf(local(2026, 12, 2, 2, 30))).toBe(2);
    expect(calendar.hourOf(local(2026, 12, 1, 23, 59))).toBe(23);
    expect(calendar.hourOf(local(2026, 12, 1, 0, 0))).toBe(0);
    // Before 1970 the remainder is negative; the hour must still be 0–23 (21:00 local on 1969-12-31).
    expect(calendar.hourOf(local(1969, 12, 31, 21))).toBe(21);
  });

  test('a half-hour zone (India, UTC+5:30)', () => {
    const india = studyCalendar(4, 330);
    // 22:29 UTC on Nov 30 is 03:59 on Dec 1 in India; 22:30 UTC is 04:00.
    expect(dayDate(india.dayOf(Date.UTC(2026, 10, 30, 22, 29)))).toBe('2026-11-30');
    expect(dayDate(india.dayOf(Date.UTC(2026, 10, 30, 22, 30)))).toBe('2026-12-01');
    expect(india.hourOf(Date.UTC(2026, 10, 30, 22, 30))).toBe(4);
  });

  test('an offset that changes with daylight saving (New York, DST from 2026-03-08 2:00 local)', () => {
    // EST is UTC−5; from 07:00 UTC on March 8 it is EDT, UTC−4.
    const ny = studyCalendar(4, (ms) => (ms >= Date.UTC(2026, 2, 8, 7) ? -240 : -300));
    // 4:00 EDT on March 8 is 08:00 UTC; 07:59 UTC is 3:59 EDT, still March 7's study day.
    expect(dayDate(ny.dayOf(Date.UTC(2026, 2, 8, 7, 59)))).toBe('2026-03-07');
    expect(dayDate(ny.dayOf(Date.UTC(2026, 2, 8, 8, 0)))).toBe('2026-03-08');
    // The day before, 4:00 EST was 09:00 UTC.
    expect(dayDate(ny.dayOf(Date.UTC(2026, 2, 7, 8, 59)))).toBe('2026-03-06');
    expect(dayDate(ny.dayOf(Date.UTC(2026, 2, 7, 9, 0)))).toBe('2026-03-07');
    expect(ny.hourOf(Date.UTC(2026, 2, 8, 8, 0))).toBe(4);
  });

  test("with the machine's own offset it names the same day as dayKey in day.ts", () => {
    const mine = studyCalendar(4, (ms) => -new Date(ms).getTimezoneOffset());
    for (const at of [new Date(2026, 2, 2, 3, 59), new Date(2026, 2, 2, 4, 0), new Date(2026, 11, 31, 23, 0)]) {
      expect(dayDate(mine.dayOf(at.getTime()))).toBe(dayKey(at, 4));
    }
  });
});
