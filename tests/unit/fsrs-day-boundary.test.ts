// Regression: ts-fsrs counts elapsed days by UTC date; with the day shift, FSRS days follow the user's study day.
import { fsrsDayShift } from '../../src/domain/day';
import {
  DEFAULT_SCHEDULER_SETTINGS,
  grade,
  newMemory,
  preview,
  type SchedulerSettings,
} from '../../src/domain/scheduler';
import { formatInterval } from '../../src/domain/scheduler';
import { editDistance, matchTypedAnswer } from '../../src/domain/answer-match';

const HOUR = 3_600_000;
const base: SchedulerSettings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };

/** A card graduated to review at `first`, then answered again at `second`: how many days FSRS saw between them. */
function elapsedBetween(first: number, second: number, shift: number) {
  const s = { ...base, dayShiftMs: shift };
  let m = newMemory(new Date(first));
  m = grade('c', m, 'easy', new Date(first), s).memory;
  return grade('c', m, 'good', new Date(second), s).record.elapsedDays;
}

test('fsrsDayShift puts the study-day start at UTC midnight', () => {
  const now = new Date(2026, 2, 2, 12);
  const shift = fsrsDayShift(now, 4);
  const start = new Date(2026, 2, 2, 4).getTime() + shift;
  expect(new Date(start).getUTCHours()).toBe(0);
  expect(new Date(start).getUTCMinutes()).toBe(0);
});

test('two answers in one study day are same-day for FSRS, across the UTC date line of the user', () => {
  // As a user at UTC+8 with a 4 a.m. day start sees it: 05:00 and 23:00 local are one study day.
  const shift = 8 * HOUR - 4 * HOUR;
  const first = Date.UTC(2026, 2, 1, 21); // 05:00 local, 2 March
  const second = Date.UTC(2026, 2, 2, 15); // 23:00 local, 2 March
  expect(elapsedBetween(first, second, 0)).toBe(1); // UTC days: 1 March vs 2 March
  expect(elapsedBetween(first, second, shift)).toBe(0);
  // 03:00 the next morning is still the same study day; 04:30 is the next one.
  expect(elapsedBetween(first, Date.UTC(2026, 2, 2, 19), shift)).toBe(0);
  expect(elapsedBetween(first, Date.UTC(2026, 2, 2, 20, 30), shift)).toBe(1);
});

test('the shift does not change minute-based learning steps or what the buttons show', () => {
  const now = new Date(Date.UTC(2026, 2, 2, 10));
  const a = preview('c', newMemory(now), now, base);
  const b = preview('c', newMemory(now), now, { ...base, dayShiftMs: 5 * HOUR });
  for (const r of ['again', 'hard', 'good'] as const) expect(b[r].intervalMs).toBe(a[r].intervalMs);
  expect(b.easy.memory.due).toBe(a.easy.memory.due);
});

test('regression: interval labels promote at unit edges (59.6 min reads 1h, 23.6 h reads 1d)', () => {
  expect(formatInterval(59.6 * 60_000)).toBe('1h');
  expect(formatInterval(23.6 * HOUR)).toBe('1d');
  expect(formatInterval(29.6 * 24 * HOUR)).toBe('1mo');
  expect(formatInterval(59.4 * 60_000)).toBe('59m');
});

test('regression: two swapped letters are one typo, not two', () => {
  expect(editDistance('regsitry', 'registry')).toBe(1);
  expect(matchTypedAnswer('regsitry', { en: 'registry', zh: '仓库' }).correct).toBe(true);
  expect(matchTypedAnswer('「控制组」', { en: 'cgroups', zh: '控制组' }).correct).toBe(true);
});
