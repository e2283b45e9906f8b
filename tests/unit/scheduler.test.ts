// Pins the ts-fsrs wrapper to ts-fsrs itself: intervals, learning steps, lapses, preview = grade, labels, retention, retrievability.
import {
  FSRS,
  GenSeedStrategyWithCardId,
  Rating,
  State,
  StrategyMode,
  createEmptyCard,
  default_w,
  generatorParameters,
  type Card,
  type Grade,
} from 'ts-fsrs';
import {
  CardState,
  DEFAULT_SCHEDULER_SETTINGS,
  RATINGS,
  formatInterval,
  grade,
  newMemory,
  preview,
  retrievability,
  type Memory,
  type RatingName,
  type SchedulerSettings,
} from '../../src/domain/scheduler';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = new Date('2026-03-02T10:00:00');
const at = (ms: number) => new Date(T0.getTime() + ms);

const RATING: Record<RatingName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};
const NO_FUZZ: SchedulerSettings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };
const IDS = ['net/c1', 'net/c2', 'storage/overlay:c1', 'arch/table:vm/kernel:vm', 'a', 'b', 'c', 'd', 'e', 'f'];

/** ts-fsrs configured by hand with the values the app documents as its defaults. */
function referenceFsrs(fuzz: boolean): FSRS {
  const f = new FSRS(
    generatorParameters({
      request_retention: 0.9,
      learning_steps: ['1m', '10m'],
      relearning_steps: ['10m'],
      maximum_interval: 36500,
      enable_fuzz: fuzz,
      enable_short_term: true,
      w: [...default_w],
    }),
  );
  return f.useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('cid'));
}

/** An empty ts-fsrs card carrying the id the seed strategy reads. */
function emptyCard(id: string): Card & { cid: string } {
  return { ...createEmptyCard(T0), cid: id };
}

function asMemory(c: Card): Memory {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as Memory['state'],
    lastReview: c.last_review ? c.last_review.getTime() : null,
  };
}

/** Grades a new card through a list of answers, each given when the card falls due (or `offset` after the last). */
function history(
  id: string,
  answers: Array<RatingName | [RatingName, number]>,
  settings = NO_FUZZ,
  start = T0,
): { memory: Memory; now: Date } {
  let memory = newMemory(start);
  let now = start;
  for (const a of answers) {
    const [rating, offset] = typeof a === 'string' ? [a, null] : a;
    now = offset === null ? new Date(Math.max(memory.due, now.getTime())) : new Date(now.getTime() + offset);
    memory = grade(id, memory, rating, now, settings).memory;
  }
  return { memory, now };
}

test('the default scheduler settings are the ones the reference ts-fsrs is built with', () => {
  expect(DEFAULT_SCHEDULER_SETTINGS).toEqual({
    desiredRetention: 0.9,
    learningSteps: ['1m', '10m'],
    relearningSteps: ['10m'],
    maximumInterval: 36500,
    enableFuzz: true,
    weights: [...default_w],
  });
  expect(DEFAULT_SCHEDULER_SETTINGS.weights).toHaveLength(21);
});

test('a new card has the memory of an empty ts-fsrs card', () => {
  expect(newMemory(T0)).toEqual(asMemory(createEmptyCard(T0)));
  expect(newMemory(T0)).toMatchObject({
    state: CardState.New,
    reps: 0,
    lapses: 0,
    due: T0.getTime(),
    lastReview: null,
  });
});

describe.each([
  { fuzz: false, settings: NO_FUZZ },
  { fuzz: true, settings: DEFAULT_SCHEDULER_SETTINGS },
])('same due dates as ts-fsrs itself (fuzz $fuzz)', ({ fuzz, settings }) => {
  test.each(RATINGS)('first review answered %s', (rating) => {
    for (const id of IDS) {
      const ours = grade(id, newMemory(T0), rating, T0, settings).memory;
      const theirs = referenceFsrs(fuzz).next(emptyCard(id), T0, RATING[rating]).card;
      expect(ours.due).toBe(theirs.due.getTime());
      expect(ours).toEqual(asMemory(theirs));
    }
  });

  test('a whole history of answers, each at its due time', () => {
    const answers: RatingName[] = ['good', 'good', 'good', 'again', 'good', 'hard', 'easy', 'good'];
    for (const id of IDS) {
      const ref = referenceFsrs(fuzz);
      let ours = newMemory(T0);
      let theirs = emptyCard(id);
      for (const rating of answers) {
        const now = new Date(ours.due);
        ours = grade(id, ours, rating, now, settings).memory;
        theirs = { ...ref.next(theirs, now, RATING[rating]).card, cid: id };
        expect(ours).toEqual(asMemory(theirs));
      }
      expect(ours.reps).toBe(answers.length);
      expect(ours.lapses).toBe(1);
    }
  });
});

test('fuzz is on by default and seeded by card id: ids differ, the same id always gets the same interval', () => {
  const easy = (id: string) => grade(id, newMemory(T0), 'easy', T0).memory.due;
  const noFuzz = grade('x', newMemory(T0), 'easy', T0, NO_FUZZ).memory.due;
  const dues = IDS.map(easy);
  expect(new Set(dues).size).toBeGreaterThan(1);
  expect(dues.some((d) => d !== noFuzz)).toBe(true);
  expect(IDS.map(easy)).toEqual(dues);
  // Fuzz stays within a few days of the unfuzzed interval.
  for (const d of dues) expect(Math.abs(d - noFuzz)).toBeLessThanOrEqual(3 * DAY);
});

describe('learning steps 1m / 10m', () => {
  test('new card: Again → 1m, Good → 10m, both still learning', () => {
    const again = grade('c', newMemory(T0), 'again', T0).memory;
    expect(again.due - T0.getTime()).toBe(1 * MIN);
    expect(again.state).toBe(CardState.Learning);
    expect(again.reps).toBe(1);
    const good = grade('c', newMemory(T0), 'good', T0).memory;
    expect(good.due - T0.getTime()).toBe(10 * MIN);
    expect(good.state).toBe(CardState.Learning);
    expect(good.lastReview).toBe(T0.getTime());
  });

  test('Good on the last step graduates the card to days', () => {
    const first = grade('c', newMemory(T0), 'good', T0).memory;
    const now = new Date(first.due);
    const second = grade('c', first, 'good', now).memory;
    expect(second.state).toBe(CardState.Review);
    expect(second.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(second.due - now.getTime()).toBe(second.scheduledDays * DAY);
    expect(second.reps).toBe(2);
    expect(second.lapses).toBe(0);
  });

  test('Again during learning goes back to the first step', () => {
    const first = grade('c', newMemory(T0), 'good', T0).memory;
    const now = new Date(first.due);
    const again = grade('c', first, 'again', now).memory;
    expect(again.state).toBe(CardState.Learning);
    expect(again.due - now.getTime()).toBe(1 * MIN);
  });
});

test('a lapse: Review card answered Again goes to relearning for 10m and counts a lapse', () => {
  const { memory: review } = history('c', ['good', 'good', 'good']);
  expect(review.state).toBe(CardState.Review);
  const now = new Date(review.due);
  for (const settings of [NO_FUZZ, DEFAULT_SCHEDULER_SETTINGS]) {
    const lapsed = grade('c', review, 'again', now, settings).memory;
    expect(lapsed.state).toBe(CardState.Relearning);
    expect(lapsed.due - now.getTime()).toBe(10 * MIN);
    expect(lapsed.lapses).toBe(review.lapses + 1);
    expect(lapsed.reps).toBe(review.reps + 1);
    expect(lapsed.stability).toBeLessThan(review.stability);
    // Good after the relearning step: back to review, in days.
    const back = grade('c', lapsed, 'good', new Date(lapsed.due), settings).memory;
    expect(back.state).toBe(CardState.Review);
    expect(back.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(back.lapses).toBe(review.lapses + 1);
  }
});

describe('preview agrees with grade', () => {
  const cases: Array<{ name: string; id: string; answers: Array<RatingName | [RatingName, number]> }> = [
    { name: 'new card', id: 'deck/new', answers: [] },
    { name: 'learning card', id: 'deck/learning', answers: ['good'] },
    { name: 'young review card', id: 'deck/young', answers: ['good', 'good'] },
    { name: 'mature review card', id: 'deck/mature', answers: ['good', 'good', 'good', 'good', 'easy'] },
    { name: 'relearning card', id: 'deck/relearn', answers: ['good', 'good', 'good', 'again'] },
    { name: 'overdue review card', id: 'deck/overdue', answers: ['good', 'good', 'good', ['good', 40 * DAY]] },
  ];
  describe.each([
    { fuzz: false, settings: NO_FUZZ },
    { fuzz: true, settings: DEFAULT_SCHEDULER_SETTINGS },
  ])('fuzz $fuzz', ({ settings }) => {
    test.each(cases)('$name: preview memory = grade memory for all four ratings', ({ id, answers }) => {
      const { memory, now: last } = history(id, answers, settings);
      const now = new Date(Math.max(memory.due, last.getTime()) + 3 * HOUR);
      const p = preview(id, memory, now, settings);
      for (const r of RATINGS) {
        const g = grade(id, memory, r, now, settings).memory;
        expect(p[r].memory).toEqual(g);
        expect(p[r].intervalMs).toBe(g.due - now.getTime());
        // The label on the button is the interval the card gets.
        expect(formatInterval(p[r].intervalMs)).toBe(formatInterval(g.due - now.getTime()));
      }
      // The four buttons are ordered: a better answer never gives a shorter interval.
      expect(p.again.intervalMs).toBeLessThanOrEqual(p.hard.intervalMs);
      expect(p.hard.intervalMs).toBeLessThanOrEqual(p.good.intervalMs);
      expect(p.good.intervalMs).toBeLessThanOrEqual(p.easy.intervalMs);
      expect(p.easy.intervalMs).toBeGreaterThan(0);
    });
  });

  test('labels of a new card are the learning steps and days', () => {
    const p = preview('deck/new', newMemory(T0), T0);
    expect(formatInterval(p.again.intervalMs)).toBe('1m');
    expect(formatInterval(p.good.intervalMs)).toBe('10m');
    expect(formatInterval(p.easy.intervalMs)).toMatch(/^\d+d$/);
  });
});

test('grade and preview do not change their input', () => {
  const { memory, now } = history('c', ['good', 'good', 'again']);
  const frozen = Object.freeze({ ...memory });
  const copy = structuredClone(memory);
  for (const r of RATINGS) grade('c', frozen, r, new Date(now.getTime() + DAY), DEFAULT_SCHEDULER_SETTINGS);
  preview('c', frozen, new Date(now.getTime() + DAY));
  expect(frozen).toEqual(copy);
  const { record } = grade('c', frozen, 'good', new Date(now.getTime() + DAY));
  expect(record.before).toEqual(copy);
  expect(record.after).not.toEqual(copy);
});

test('the log record carries the rating, time, state before, and the memory before and after', () => {
  const m = newMemory(T0);
  const { memory, record } = grade('deck/c1', m, 'hard', T0);
  expect(record).toEqual({
    cardId: 'deck/c1',
    rating: 'hard',
    review: T0.getTime(),
    state: CardState.New,
    elapsedDays: 0,
    scheduledDays: 0,
    before: m,
    after: memory,
  });
});

test.each([
  [0, '<1m'],
  [59_999, '<1m'],
  [MIN, '1m'],
  [10 * MIN, '10m'],
  [59 * MIN, '59m'],
  [HOUR, '1h'],
  [3 * HOUR, '3h'],
  [23 * HOUR, '23h'],
  [DAY, '1d'],
  [4 * DAY, '4d'],
  [29 * DAY, '29d'],
  [30 * DAY, '1mo'],
  [45 * DAY, '1.5mo'],
  [364 * DAY, '12.1mo'],
  [365 * DAY, '1y'],
  [2 * 365 * DAY, '2y'],
  [766.5 * DAY, '2.1y'],
])('formatInterval(%d) = %s', (ms, label) => {
  expect(formatInterval(ms)).toBe(label);
});

describe('a card answered twice the same day (short-term)', () => {
  // ts-fsrs counts elapsed days by UTC date, so these answers are placed within one UTC day whatever the machine's zone.
  const NOON_UTC = new Date('2026-03-02T12:00:00Z');
  const utc = (ms: number) => new Date(NOON_UTC.getTime() + ms);
  test('a graduated card reviewed again an hour later stays consistent with ts-fsrs', () => {
    const ref = referenceFsrs(false);
    const id = 'deck/same-day';
    let ours = newMemory(NOON_UTC);
    let theirs: Card & { cid: string } = { ...createEmptyCard(NOON_UTC), cid: id };
    const steps: Array<[RatingName, Date]> = [
      ['good', NOON_UTC],
      ['good', utc(10 * MIN)],
      ['good', utc(70 * MIN)],
      ['again', utc(2 * HOUR)],
      ['good', utc(2 * HOUR + 10 * MIN)],
    ];
    for (const [rating, now] of steps) {
      const { memory, record } = grade(id, ours, rating, now, NO_FUZZ);
      theirs = { ...ref.next(theirs, now, RATING[rating]).card, cid: id };
      expect(memory).toEqual(asMemory(theirs));
      expect(record.elapsedDays).toBe(0);
      expect(Number.isFinite(memory.stability) && memory.stability > 0).toBe(true);
      expect(Number.isFinite(memory.difficulty) && memory.difficulty >= 1 && memory.difficulty <= 10).toBe(true);
      expect(memory.due).toBeGreaterThan(now.getTime());
      expect(memory.lastReview).toBe(now.getTime());
      ours = memory;
    }
    expect(ours.state).toBe(CardState.Review);
    expect(ours.reps).toBe(5);
    expect(ours.lapses).toBe(1);
    expect(theirs.state).toBe(State.Review);
  });

  test('a same-day Good review moves stability less than a Good review days later', () => {
    const { memory: graduated, now } = history('c', ['good', 'good'], NO_FUZZ, NOON_UTC);
    const sameDay = grade('c', graduated, 'good', new Date(now.getTime() + HOUR), NO_FUZZ).memory;
    const onTime = grade('c', graduated, 'good', new Date(graduated.due), NO_FUZZ).memory;
    expect(sameDay.state).toBe(CardState.Review);
    expect(sameDay.stability - graduated.stability).toBeLessThan(onTime.stability - graduated.stability);
    expect(sameDay.due).toBeGreaterThan(now.getTime() + HOUR);
  });
});

test('desired retention 0.95 gives shorter Good intervals than 0.8 for the same review card', () => {
  const { memory } = history('c', ['good', 'good', 'good']);
  const now = new Date(memory.due);
  const good = (desiredRetention: number) =>
    grade('c', memory, 'good', now, { ...NO_FUZZ, desiredRetention }).memory.scheduledDays;
  expect(good(0.95)).toBeLessThan(good(0.9));
  expect(good(0.9)).toBeLessThan(good(0.8));
  expect(good(0.95)).toBeGreaterThanOrEqual(1);
});

test('retrievability: 0 for a new card, then decreasing over time', () => {
  expect(retrievability('c', newMemory(T0), T0)).toBe(0);
  expect(retrievability('c', newMemory(T0), at(30 * DAY))).toBe(0);
  const { memory } = history('c', ['good', 'good', 'good']);
  const last = memory.lastReview!;
  const values = [0, 1, 3, 7, 30, 365].map((d) => retrievability('c', memory, new Date(last + d * DAY)));
  expect(values[0]).toBeCloseTo(1, 5);
  for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThan(values[i - 1]!);
  expect(values.at(-1)!).toBeGreaterThan(0);
  // At the due date it is about the desired retention.
  const atDue = retrievability('c', memory, new Date(memory.due));
  expect(atDue).toBeGreaterThan(0.85);
  expect(atDue).toBeLessThan(0.95);
});
