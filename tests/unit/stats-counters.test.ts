// Day counters: kept with each answer and taken back on undo, they give the same figures as a scan of the log.
import fc from 'fast-check';
import type { RatingName } from '../../src/domain/scheduler';
import {
  addToDayCounter,
  addToDayCounters,
  countersFromLogs,
  removeFromDayCounter,
  removeFromDayCounters,
  type DayCounters,
} from '../../src/domain/stats/day-counters';
import { figuresFromCounters, figuresFromLogs } from '../../src/domain/stats/day-figures';
import type { AnswerKind, StatsLog } from '../../src/domain/stats/stats-rows';
import { studyCalendar } from '../../src/domain/stats/study-days';
import { calendar, entry, local, manual } from './helpers/stats-logs';

const now = local(2026, 12, 2, 3, 0);
const T = calendar.dayOf(now);
const empty: DayCounters = new Map();

describe('one counter', () => {
  const a = entry(local(2026, 12, 1, 9), { ivl: 30, rating: 'again', seconds: 12 });

  test('holds what the entry adds: day, deck, totals, band, retention, hour and button', () => {
    const c = addToDayCounter(undefined, a, calendar);
    expect(c).toMatchObject({
      deckId: 'd',
      day: T,
      answers: 1,
      introduced: 0,
      again: 1,
      timeMs: 12_000,
      matureAnswers: 1,
      matureCorrect: 0,
      retention: { youngPassed: 0, youngFailed: 0, maturePassed: 0, matureFailed: 1 },
    });
    expect(c?.bands.mature).toEqual({ count: 1, timeMs: 12_000 });
    expect(c?.hours.total[9]).toBe(1);
    expect(c?.hours.correct[9]).toBe(0);
    expect(c?.buttons.mature.again).toBe(1);
  });

  test('adding leaves the counter given as it was; removing the last answer leaves no counter', () => {
    const one = addToDayCounter(undefined, a, calendar);
    const before = structuredClone(one);
    const two = addToDayCounter(one, entry(local(2026, 12, 1, 10), { ivl: 2 }), calendar);
    expect(one).toEqual(before);
    expect(two?.answers).toBe(2);
    expect(removeFromDayCounter(one, a, calendar)).toBeUndefined();
  });

  test('a manual entry changes nothing and starts no counter', () => {
    expect(addToDayCounter(undefined, manual(local(2026, 12, 1, 9)), calendar)).toBeUndefined();
    expect(addToDayCounters(empty, manual(local(2026, 12, 1, 9)), calendar)).toBe(empty);
  });

  test('an entry of another day or deck is refused', () => {
    const c = addToDayCounter(undefined, a, calendar);
    expect(() => addToDayCounter(c, entry(local(2026, 12, 1, 3, 59)), calendar)).toThrow(RangeError);
    expect(() => addToDayCounter(c, entry(local(2026, 12, 1, 9), { deckId: 'other' }), calendar)).toThrow(RangeError);
    expect(() => removeFromDayCounter(c, entry(local(2026, 12, 2, 4)), calendar)).toThrow(RangeError);
  });

  test('the figures of the counters of a hand-made day: two decks, one day, and one day before', () => {
    const log = [
      entry(local(2026, 12, 1, 9), { state: 0, rating: 'good', seconds: 10, deckId: 'a' }),
      entry(local(2026, 12, 1, 10), { ivl: 30, rating: 'again', seconds: 12, deckId: 'b' }),
      entry(local(2026, 12, 1, 3, 59), { ivl: 3, rating: 'good', seconds: 9, deckId: 'a' }),
    ];
    const counters = countersFromLogs(log, calendar);
    expect(counters.size).toBe(3); // a on T, b on T, a on T − 1
    const f = figuresFromCounters(counters.values(), { today: T, range: { from: T - 1, to: T } });
    expect(f.today).toMatchObject({ answers: 2, introduced: 1, again: 1, againRate: 0.5, timeMs: 22_000 });
    expect(f.heatmap.get(T)?.count).toBe(2);
    expect(f.heatmap.get(T - 1)).toEqual({ date: '2026-11-30', count: 1 });
    // Today: b's mature lapse; yesterday: a's young pass; the week has both.
    expect(f.trueRetention.today.total).toEqual({ passed: 0, failed: 1, percent: 0 });
    expect(f.trueRetention.yesterday.total).toEqual({ passed: 1, failed: 0, percent: 100 });
    expect(f.trueRetention.week.total).toEqual({ passed: 1, failed: 1, percent: 50 });
    expect(f.hours[3]).toEqual({ hour: 3, total: 1, correct: 1, rate: 1 });
    expect(f.buttons.learning.good).toBe(1);
  });
});

// A log over about 40 days around now, every kind and state, two decks, and a half-hour time zone.
const india = studyCalendar(4, 330);
const ratings: RatingName[] = ['again', 'hard', 'good', 'easy'];
const kinds: (AnswerKind | 'manual')[] = ['review', 'review', 'quiz', 'custom', 'cram', 'manual'];
const arbEntry: fc.Arbitrary<StatsLog> = fc
  .record({
    at: fc.integer({ min: -40 * 24 * 60, max: 2 * 24 * 60 }),
    rating: fc.constantFrom(...ratings),
    state: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    ivl: fc.constantFrom(0, 1, 5, 20, 21, 40),
    kind: fc.constantFrom(...kinds),
    seconds: fc.integer({ min: 0, max: 60 }),
    deckId: fc.constantFrom('a', 'b'),
  })
  .map(({ at, kind, ...o }) => {
    const t = now + at * 60_000;
    return kind === 'manual' ? manual(t, o.ivl) : entry(t, { ...o, kind });
  });
const arbRange = fc.constantFrom<[number | null, string]>([null, 'all'], [T - 29, 'month'], [T, 'today']);

describe('counters and the scan agree', () => {
  test('figures from the counters equal the figures from the log', () => {
    fc.assert(
      fc.property(fc.array(arbEntry, { maxLength: 120 }), arbRange, (log, [from]) => {
        const days = { range: { from, to: india.dayOf(now) }, heatmap: { from: null, to: india.dayOf(now) } };
        const counters = countersFromLogs(log, india);
        const fromCounters = figuresFromCounters(counters.values(), { today: india.dayOf(now), ...days });
        expect(fromCounters).toEqual(figuresFromLogs(log, india, now, days));
      }),
    );
  });

  test('one entry at a time gives the counters of the whole log', () => {
    fc.assert(
      fc.property(fc.array(arbEntry, { maxLength: 60 }), (log) => {
        const stepwise = log.reduce((c, e) => addToDayCounters(c, e, india), empty);
        expect(stepwise).toEqual(countersFromLogs(log, india));
      }),
    );
  });

  test('adding an entry then removing it gives the counters back; removing all, in any order, gives none', () => {
    fc.assert(
      fc.property(fc.array(arbEntry, { maxLength: 60 }), arbEntry, fc.integer(), (log, extra, seed) => {
        const counters = countersFromLogs(log, india);
        expect(removeFromDayCounters(addToDayCounters(counters, extra, india), extra, india)).toEqual(counters);
        // Undo in an order other than the answers' (a shuffle by the seed).
        const order = log.map((e, i) => [((i + 1) * (seed | 1)) % 9973, e] as const).sort((x, y) => x[0] - y[0]);
        const emptied = order.reduce<DayCounters>((c, [, e]) => removeFromDayCounters(c, e, india), counters);
        expect(emptied).toEqual(empty);
      }),
    );
  });

  test('removing an entry that was never counted changes nothing', () => {
    const counters = countersFromLogs([entry(local(2026, 12, 1, 9))], calendar);
    expect(removeFromDayCounters(counters, entry(local(2026, 11, 1, 9)), calendar)).toBe(counters);
    expect(removeFromDayCounters(counters, manual(local(2026, 12, 1, 9)), calendar)).toBe(counters);
  });
});
