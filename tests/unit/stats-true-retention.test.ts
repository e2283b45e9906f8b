// The true retention table as Anki's (rslib/src/stats/graphs/retention.rs), on a hand-made log of 19 entries that
// cross young/mature, the period edges and the kinds. UTC+8, day at 4 a.m.
import { countsForRetention } from '../../src/domain/stats/stats-rows';
import { trueRetention } from '../../src/domain/stats/true-retention';
import { DAY, calendar, entry, local, manual } from './helpers/stats-logs';

// It is 03:59:30 on Dec 2: still the study day of Dec 1 (T).
const now = local(2026, 12, 2, 3, 59, 30);
const T = calendar.dayOf(now);
/** Noon on the day `n` study days before T. */
const daysAgo = (n: number) => local(2026, 12, 1, 12) - n * DAY;

const log = [
  /*  1 */ entry(local(2026, 12, 2, 3, 59), { ivl: 5, rating: 'good' }), // T (before 4 a.m.): young pass
  /*  2 */ entry(local(2026, 12, 1, 4, 0), { ivl: 30, rating: 'again' }), // T's first minute: mature fail
  /*  3 */ entry(daysAgo(0), { ivl: 21, rating: 'hard' }), // 21 days is mature; Hard passes
  /*  4 */ entry(daysAgo(0), { ivl: 20, rating: 'again' }), // 20 days is young: young fail
  /*  5 */ entry(daysAgo(0), { state: 1, ivl: 0, rating: 'good' }), // learning step: out
  /*  6 */ entry(daysAgo(0), { state: 0, ivl: 0, rating: 'good' }), // new card: out
  /*  7 */ entry(daysAgo(0), { state: 3, ivl: 0, rating: 'again' }), // relearning step: out
  /*  8 */ entry(daysAgo(0), { ivl: 40, rating: 'good', kind: 'cram' }), // cram: out
  /*  9 */ manual(daysAgo(0), 10), // reset: out
  /* 10 */ entry(daysAgo(0), { state: 1, ivl: 1, rating: 'good' }), // a learning step of a day: in (Anki), young pass
  /* 11 */ entry(local(2026, 12, 1, 3, 59), { ivl: 3, rating: 'again' }), // T−1's last minute: young fail
  /* 12 */ entry(daysAgo(1), { ivl: 50, rating: 'good', kind: 'quiz' }), // T−1: a quiz answer counts: mature pass
  /* 13 */ entry(daysAgo(6), { ivl: 8, rating: 'easy' }), // the week's first day: young pass
  /* 14 */ entry(daysAgo(7), { ivl: 60, rating: 'again' }), // just before the week: mature fail
  /* 15 */ entry(daysAgo(29), { ivl: 22, rating: 'good', kind: 'custom' }), // month's first day: mature pass
  /* 16 */ entry(daysAgo(30), { ivl: 2, rating: 'good' }), // just before the month: young pass
  /* 17 */ entry(daysAgo(364), { ivl: 100, rating: 'good' }), // the year's first day: mature pass
  /* 18 */ entry(daysAgo(365), { ivl: 1, rating: 'again' }), // just before the year: young fail
  /* 19 */ entry(local(2026, 12, 2, 4, 0), { ivl: 5, rating: 'good' }), // tomorrow (a clock ahead): out
];

const cell = (passed: number, failed: number, percent: number | null) => ({ passed, failed, percent });

test('the entries fall on the days the comments say', () => {
  expect(log.map((e) => T - calendar.dayOf(e.review))).toEqual([
    ...[0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ...[1, 1, 6, 7, 29, 30, 364, 365, -1],
  ]);
});

test('which entries count: reviews, and (re)learning steps of a day or more; not new, short steps, cram, manual', () => {
  expect(log.map((e) => countsForRetention(e))).toEqual([
    ...[true, true, true, true, false, false, false, false, false, true],
    ...[true, true, true, true, true, true, true, true, true], // 19 counts, but is after today
  ]);
});

test('the six periods, young, mature and total', () => {
  const table = trueRetention(log, calendar, now);
  // Today: young 1 10 pass, 4 fails; mature 3 passes, 2 fails.
  expect(table.today).toEqual({
    young: cell(2, 1, (2 / 3) * 100),
    mature: cell(1, 1, 50),
    total: cell(3, 2, 60),
  });
  // Yesterday: 11 (young fail) and 12 (mature pass).
  expect(table.yesterday).toEqual({ young: cell(0, 1, 0), mature: cell(1, 0, 100), total: cell(1, 1, 50) });
  // Week = T−6…T: today + yesterday + 13 (young pass); 14 is a day too early.
  expect(table.week).toEqual({
    young: cell(3, 2, 60),
    mature: cell(2, 1, (2 / 3) * 100),
    total: cell(5, 3, 62.5),
  });
  // Month = T−29…T: the week + 14 (mature fail) + 15 (mature pass); 16 is a day too early.
  expect(table.month).toEqual({ young: cell(3, 2, 60), mature: cell(3, 2, 60), total: cell(6, 4, 60) });
  // Year = T−364…T: the month + 16 (young pass) + 17 (mature pass); 18 is a day too early.
  expect(table.year).toEqual({
    young: cell(4, 2, (4 / 6) * 100),
    mature: cell(4, 2, (4 / 6) * 100),
    total: cell(8, 4, (8 / 12) * 100),
  });
  // All time: the year + 18 (young fail); never 19, which is after today.
  expect(table.all).toEqual({
    young: cell(4, 3, (4 / 7) * 100),
    mature: cell(4, 2, (4 / 6) * 100),
    total: cell(8, 5, (8 / 13) * 100),
  });
});

test('every answer counts, not only the first of a card per day (as Anki’s table)', () => {
  const twice = [
    entry(daysAgo(0), { ivl: 5, rating: 'again' }),
    entry(daysAgo(0) + 60_000, { ivl: 5, rating: 'good', kind: 'custom' }),
  ];
  expect(trueRetention(twice, calendar, now).today.young).toEqual(cell(1, 1, 50));
});

test('an empty period has no percentage', () => {
  const table = trueRetention([], calendar, now);
  expect(table.all).toEqual({ young: cell(0, 0, null), mature: cell(0, 0, null), total: cell(0, 0, null) });
});
