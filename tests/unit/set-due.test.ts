// Anki's set due date syntax (a table of inputs and what each means, or why it cannot be used), the day picked per
// card from a seeded source, and what a set due date and a reset do to a card's FSRS memory.
import { parseSetDue, pickDays, resetMemory, setDueMemory, MAX_DUE_DAYS } from '../../src/domain/set-due';
import { CardState, DEFAULT_SCHEDULER_SETTINGS, grade, newMemory } from '../../src/domain/scheduler';
import { rng } from '../../src/domain/quiz/random';

const ok = (from: number, to: number, setInterval = false) => ({ ok: true, spec: { from, to, setInterval } });
const bad = (error: object) => ({ ok: false, error });

test.each([
  ['0', ok(0, 0)],
  ['1', ok(1, 1)],
  [' 7 ', ok(7, 7)],
  ['3-7', ok(3, 7)],
  ['3 - 7', ok(3, 7)],
  ['5-5', ok(5, 5)],
  ['7!', ok(7, 7, true)],
  ['3-7!', ok(3, 7, true)],
  ['0!', ok(0, 0, true)],
  [String(MAX_DUE_DAYS), ok(MAX_DUE_DAYS, MAX_DUE_DAYS)],
  ['', bad({ code: 'empty' })],
  ['   ', bad({ code: 'empty' })],
  ['!', bad({ code: 'not-days', text: '!' })],
  ['abc', bad({ code: 'not-days', text: 'abc' })],
  ['-3', bad({ code: 'not-days', text: '-3' })],
  ['1.5', bad({ code: 'not-days', text: '1.5' })],
  ['3-', bad({ code: 'not-days', text: '3-' })],
  ['3-x', bad({ code: 'not-days', text: 'x' })],
  ['1-2-3', bad({ code: 'not-days', text: '2-3' })],
  ['7-3', bad({ code: 'reversed', from: 7, to: 3 })],
  ['7!!', bad({ code: 'not-days', text: '7!' })],
  [String(MAX_DUE_DAYS + 1), bad({ code: 'too-far', max: MAX_DUE_DAYS })],
])('parseSetDue(%j)', (input, expected) => {
  expect(parseSetDue(input)).toEqual(expected);
});

test('pickDays: every day of the range, none outside, the same for the same seed', () => {
  const spec = { from: 3, to: 7, setInterval: false };
  const rand = rng(7);
  const seen = new Set(Array.from({ length: 500 }, () => pickDays(spec, rand)));
  expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  expect(pickDays(spec, rng(1))).toBe(pickDays(spec, rng(1)));
  expect(pickDays({ from: 2, to: 2, setInterval: false }, () => 0.999)).toBe(2);
});

const NOW = Date.UTC(2026, 2, 2, 10);
const TODAY = Date.UTC(2026, 2, 2, 4);
const DAY = 86_400_000;
const settings = DEFAULT_SCHEDULER_SETTINGS;

test('set due on a new card: a review card due that day, with a first memory and the days as its interval', () => {
  const m = setDueMemory('d/c', newMemory(new Date(NOW - DAY)), {
    days: 3,
    setInterval: false,
    todayStart: TODAY,
    now: NOW,
    settings,
  });
  expect(m).toMatchObject({
    state: CardState.Review,
    due: TODAY + 3 * DAY,
    scheduledDays: 3,
    reps: 0,
    learningSteps: 0,
  });
  expect(m.stability).toBeGreaterThan(0);
  expect(m.difficulty).toBeGreaterThan(0);
  expect(
    setDueMemory('d/c', newMemory(new Date(NOW)), {
      days: 0,
      setInterval: false,
      todayStart: TODAY,
      now: NOW,
      settings,
    }).scheduledDays,
  ).toBe(1);
});

test('set due on a review card: its memory kept, its interval too unless "!"', () => {
  let memory = grade('d/c', newMemory(new Date(NOW - 20 * DAY)), 'good', new Date(NOW - 20 * DAY), settings).memory;
  memory = grade('d/c', memory, 'good', new Date(NOW - 10 * DAY), settings).memory;
  expect(memory.state).toBe(CardState.Review);
  const kept = setDueMemory('d/c', memory, { days: 5, setInterval: false, todayStart: TODAY, now: NOW, settings });
  expect(kept).toEqual({ ...memory, due: TODAY + 5 * DAY });
  const set = setDueMemory('d/c', memory, { days: 5, setInterval: true, todayStart: TODAY, now: NOW, settings });
  expect(set).toEqual({ ...memory, due: TODAY + 5 * DAY, scheduledDays: 5 });
});

test('reset: new again, counts kept unless asked', () => {
  let memory = grade('d/c', newMemory(new Date(NOW - 9 * DAY)), 'again', new Date(NOW - 9 * DAY), settings).memory;
  memory = { ...memory, reps: 4, lapses: 2 };
  expect(resetMemory(memory, NOW, false)).toEqual({ ...newMemory(new Date(NOW)), reps: 4, lapses: 2 });
  expect(resetMemory(memory, NOW, true)).toEqual(newMemory(new Date(NOW)));
});
