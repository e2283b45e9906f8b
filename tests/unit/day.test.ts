// Pins the study day: it starts at a configurable local hour (default 4), whatever the machine's time zone.
import { DAY_MS, dayKey, dayStart, nextDayStart } from '../../src/domain/day';
import { dayWindow } from '../../src/domain/day-window';

// Local-time dates, so these hold in any time zone; early March avoids DST changes almost everywhere.
const local = (month: number, date: number, h: number, m = 0, s = 0, ms = 0) =>
  new Date(2026, month - 1, date, h, m, s, ms);

describe('day boundary at 4 a.m.', () => {
  test('3:59 belongs to the previous day, 4:00 to the new one', () => {
    expect(dayKey(local(3, 2, 3, 59), 4)).toBe('2026-03-01');
    expect(dayKey(local(3, 2, 3, 59, 59, 999), 4)).toBe('2026-03-01');
    expect(dayKey(local(3, 2, 4, 0), 4)).toBe('2026-03-02');
    expect(dayKey(local(3, 2, 23, 59), 4)).toBe('2026-03-02');
    expect(dayKey(local(3, 3, 0, 30), 4)).toBe('2026-03-02');
  });

  test('dayStart and nextDayStart', () => {
    expect(dayStart(local(3, 2, 3, 59), 4)).toEqual(local(3, 1, 4));
    expect(dayStart(local(3, 2, 4, 0), 4)).toEqual(local(3, 2, 4));
    expect(dayStart(local(3, 2, 15, 30), 4)).toEqual(local(3, 2, 4));
    expect(nextDayStart(local(3, 2, 3, 59), 4)).toEqual(local(3, 2, 4));
    expect(nextDayStart(local(3, 2, 4, 0), 4)).toEqual(local(3, 3, 4));
  });

  test('does not change the date it is given', () => {
    const d = local(3, 2, 3, 59);
    dayStart(d, 4);
    nextDayStart(d, 4);
    dayKey(d, 4);
    expect(d).toEqual(local(3, 2, 3, 59));
  });

  test('across month and year ends', () => {
    expect(dayKey(local(1, 1, 3, 0), 4)).toBe('2025-12-31');
    expect(dayStart(local(1, 1, 3, 0), 4)).toEqual(new Date(2025, 11, 31, 4));
    expect(dayKey(local(3, 1, 2, 0), 4)).toBe('2026-02-28');
    expect(nextDayStart(local(2, 28, 12, 0), 4)).toEqual(local(3, 1, 4));
    expect(dayKey(local(12, 31, 23, 0), 4)).toBe('2026-12-31');
  });
});

describe('other start hours', () => {
  test('0: the study day is the calendar day', () => {
    expect(dayKey(local(3, 1, 23, 59, 59, 999), 0)).toBe('2026-03-01');
    expect(dayKey(local(3, 2, 0, 0), 0)).toBe('2026-03-02');
    expect(dayStart(local(3, 2, 13, 0), 0)).toEqual(local(3, 2, 0));
    expect(nextDayStart(local(3, 2, 13, 0), 0)).toEqual(local(3, 3, 0));
  });

  test('23: 22:59 is still the day that started yesterday at 23:00', () => {
    expect(dayKey(local(3, 2, 22, 59), 23)).toBe('2026-03-01');
    expect(dayStart(local(3, 2, 22, 59), 23)).toEqual(local(3, 1, 23));
    expect(dayKey(local(3, 2, 23, 0), 23)).toBe('2026-03-02');
    expect(dayStart(local(3, 2, 23, 0), 23)).toEqual(local(3, 2, 23));
    expect(nextDayStart(local(3, 2, 23, 0), 23)).toEqual(local(3, 3, 23));
    expect(dayKey(local(3, 3, 0, 10), 23)).toBe('2026-03-02');
  });

  test('the same moment falls in different study days for different start hours', () => {
    const t = local(3, 2, 2, 30);
    expect(dayKey(t, 0)).toBe('2026-03-02');
    expect(dayKey(t, 2)).toBe('2026-03-02');
    expect(dayKey(t, 3)).toBe('2026-03-01');
    expect(dayKey(t, 4)).toBe('2026-03-01');
  });
});

test('dayKey pads month and day', () => {
  expect(dayKey(local(1, 5, 12), 4)).toBe('2026-01-05');
  expect(dayKey(local(11, 23, 12), 4)).toBe('2026-11-23');
});

describe('dayWindow', () => {
  test('is [start of the study day, start of the next) in epoch ms', () => {
    const w = dayWindow(local(3, 2, 10).getTime(), 4);
    expect(w).toEqual({ start: local(3, 2, 4).getTime(), end: local(3, 3, 4).getTime() });
    expect(w.end - w.start).toBe(DAY_MS);
    expect(DAY_MS).toBe(24 * 60 * 60 * 1000);
  });

  test('holds its own edges: start is inside, end belongs to the next window', () => {
    const w = dayWindow(local(3, 2, 10).getTime(), 4);
    expect(dayWindow(w.start, 4)).toEqual(w);
    expect(dayWindow(w.end - 1, 4)).toEqual(w);
    expect(dayWindow(w.end, 4).start).toBe(w.end);
  });

  test.each([0, 4, 12, 23])('is 24 hours long for start hour %i', (hour) => {
    for (const t of [local(3, 2, 0), local(3, 2, 3, 59), local(3, 2, 12), local(3, 2, 23, 59)]) {
      const w = dayWindow(t.getTime(), hour);
      expect(w.end - w.start).toBe(DAY_MS);
      expect(w.start).toBeLessThanOrEqual(t.getTime());
      expect(t.getTime()).toBeLessThan(w.end);
      expect(new Date(w.start).getHours()).toBe(hour);
    }
  });
});
