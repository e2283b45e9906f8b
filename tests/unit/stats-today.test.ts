// Today, reviews per day, the heatmap, the hours and the answer buttons, on one small hand-made log (UTC+8, day at 4).
import { answerButtons, hourlyBreakdown } from '../../src/domain/stats/hours-buttons';
import { reviewHeatmap, reviewsPerDay, yearEndingOn } from '../../src/domain/stats/reviews-per-day';
import { todayFigures } from '../../src/domain/stats/today';
import { calendar, entry, local, manual } from './helpers/stats-logs';

// The study day of Dec 1 runs from 04:00 on Dec 1 to 03:59 on Dec 2; it is 03:00 on Dec 2.
const now = local(2026, 12, 2, 3, 0);
const T = calendar.dayOf(now);

const log = [
  /* a */ entry(local(2026, 12, 1, 9, 0), { state: 0, rating: 'good', seconds: 10 }), // new card introduced
  /* b */ entry(local(2026, 12, 1, 9, 5), { state: 1, rating: 'again', seconds: 5 }), // learning step
  /* c */ entry(local(2026, 12, 1, 10, 0), { ivl: 5, rating: 'good', seconds: 8 }), // young review
  /* d */ entry(local(2026, 12, 1, 10, 30), { ivl: 30, rating: 'again', seconds: 12 }), // mature lapse
  /* e */ entry(local(2026, 12, 1, 11, 0), { ivl: 25, rating: 'hard', seconds: 6, kind: 'quiz' }), // mature, quiz
  /* f */ entry(local(2026, 12, 1, 12, 0), { ivl: 10, rating: 'easy', seconds: 4, kind: 'custom' }),
  /* g */ entry(local(2026, 12, 1, 12, 10), { state: 0, rating: 'again', seconds: 3, kind: 'cram' }), // stays new
  /* h */ manual(local(2026, 12, 1, 13, 0)), // a reset: no answer
  /* i */ entry(local(2026, 12, 2, 2, 30), { state: 3, rating: 'good', seconds: 7 }), // relearning, before 4 a.m.
  /* j */ entry(local(2026, 12, 1, 3, 59), { ivl: 3, rating: 'good', seconds: 9 }), // yesterday's last minute
  /* k */ entry(local(2026, 12, 2, 4, 0), { ivl: 3, rating: 'good', seconds: 2 }), // tomorrow (a clock ahead)
];

test('today: answers a–g and i; the manual entry h, yesterday’s j and tomorrow’s k are left out', () => {
  expect(todayFigures(log, calendar, now)).toEqual({
    answers: 8, // a b c d e f g i
    introduced: 1, // a (the cram answer g leaves its card new)
    again: 3, // b d g
    againRate: 3 / 8,
    timeMs: 55_000, // 10 + 5 + 8 + 12 + 6 + 4 + 3 + 7 s
    bands: { learning: 2, young: 1, mature: 2, relearning: 1, custom: 2 }, // ab, c, de, i, fg
    matureAnswers: 2, // d (30 d) and e (25 d)
    matureCorrect: 1, // e
  });
});

test('today with no answers has no again rate', () => {
  const t = todayFigures([manual(local(2026, 12, 1, 13, 0))], calendar, now);
  expect(t.answers).toBe(0);
  expect(t.againRate).toBeNull();
});

test('reviews per day: count and time per band; days without answers are absent', () => {
  const days = reviewsPerDay(log, calendar, { from: T - 1, to: T });
  expect([...days.keys()].sort()).toEqual([T - 1, T]);
  expect(days.get(T - 1)).toEqual({
    learning: { count: 0, timeMs: 0 },
    young: { count: 1, timeMs: 9000 }, // j
    mature: { count: 0, timeMs: 0 },
    relearning: { count: 0, timeMs: 0 },
    custom: { count: 0, timeMs: 0 },
  });
  expect(days.get(T)).toEqual({
    learning: { count: 2, timeMs: 15_000 }, // a 10 s + b 5 s
    young: { count: 1, timeMs: 8000 }, // c
    mature: { count: 2, timeMs: 18_000 }, // d 12 s + e 6 s
    relearning: { count: 1, timeMs: 7000 }, // i
    custom: { count: 2, timeMs: 7000 }, // f 4 s + g 3 s
  });
  // Only today: yesterday's j is outside the range.
  expect([...reviewsPerDay(log, calendar, { from: T, to: T }).keys()]).toEqual([T]);
});

test('heatmap: answers per study day with its local date, over the year ending today', () => {
  const heat = reviewHeatmap(log, calendar, yearEndingOn(T));
  expect(heat).toEqual(
    new Map([
      [T - 1, { date: '2026-11-30', count: 1 }], // j
      [T, { date: '2026-12-01', count: 8 }], // a–g and i, not the manual h; k is tomorrow
    ]),
  );
  expect(yearEndingOn(T)).toEqual({ from: T - 364, to: T });
});

test('hours: local wall-clock hours; custom study, cram and manual entries left out', () => {
  const rows = hourlyBreakdown(log, calendar, { from: T - 1, to: T });
  expect(rows).toHaveLength(24);
  const used = rows.filter((r) => r.total > 0);
  expect(used).toEqual([
    { hour: 2, total: 1, correct: 1, rate: 1 }, // i at 02:30
    { hour: 3, total: 1, correct: 1, rate: 1 }, // j at 03:59 (yesterday, in range)
    { hour: 9, total: 2, correct: 1, rate: 0.5 }, // a good, b again
    { hour: 10, total: 2, correct: 1, rate: 0.5 }, // c good, d again
    { hour: 11, total: 1, correct: 1, rate: 1 }, // e hard (a pass)
  ]);
  expect(rows[0]).toEqual({ hour: 0, total: 0, correct: 0, rate: null });
});

test('answer buttons: learning takes new, learning, relearning, custom and cram answers', () => {
  expect(answerButtons(log, calendar, { from: T, to: T })).toEqual({
    learning: { again: 2, hard: 0, good: 2, easy: 1 }, // b g again; a i good; f easy
    young: { again: 0, hard: 0, good: 1, easy: 0 }, // c
    mature: { again: 1, hard: 1, good: 0, easy: 0 }, // d, e
  });
  // All time up to today adds yesterday's j (young, good); tomorrow's k stays out.
  expect(answerButtons(log, calendar, { from: null, to: T }).young).toEqual({ again: 0, hard: 0, good: 2, easy: 0 });
});
