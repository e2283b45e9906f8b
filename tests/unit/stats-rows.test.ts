// The statistics read the database's rows through their own minimal shapes; how each entry is classed, as Anki does.
import type { CardRow, ReviewLogRow } from '../../src/db/database';
import {
  buttonGroup,
  countsForHours,
  countsForRetention,
  isAnswer,
  reviewBand,
  type StatsCard,
  type StatsLog,
} from '../../src/domain/stats/stats-rows';
import { todayFigures } from '../../src/domain/stats/today';
import { calendar, entry, local, manual } from './helpers/stats-logs';

// Type-only: a database row is a domain row, so the page passes what it read without copying (tsc -b checks these:
// were a row not assignable, the type would be `never` and `true` would not compile).
const logRowFits: ReviewLogRow extends StatsLog ? true : never = true;
const cardRowFits: CardRow extends StatsCard ? true : never = true;

test('a ReviewLogRow as stored is read as is', () => {
  const memory = {
    due: 0,
    stability: 3,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 3,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state: 2 as const,
    lastReview: 0,
  };
  const row = {
    id: 'l1',
    cardId: 'd/c1',
    deckId: 'd',
    rating: 'good',
    review: local(2026, 12, 1, 9),
    state: 2,
    elapsedDays: 3,
    scheduledDays: 3,
    durationMs: 4000,
    kind: 'review',
    before: memory,
    after: memory,
  } satisfies ReviewLogRow;
  const logs: ReviewLogRow[] = [row];
  expect(todayFigures(logs, calendar, local(2026, 12, 1, 12)).timeMs).toBe(4000);
  expect([logRowFits, cardRowFits]).toEqual([true, true]);
});

test('bands, button groups and what counts where, per kind and state', () => {
  const at = local(2026, 12, 1, 9);
  const cases: [StatsLog, string | null, string | null, boolean, boolean][] = [
    // entry, band, button group, true retention, hours
    [entry(at, { state: 0 }), 'learning', 'learning', false, true],
    [entry(at, { state: 1 }), 'learning', 'learning', false, true],
    [entry(at, { state: 1, ivl: 1 }), 'learning', 'learning', true, true], // a one-day learning step
    [entry(at, { state: 3 }), 'relearning', 'learning', false, true],
    [entry(at, { ivl: 20 }), 'young', 'young', true, true],
    [entry(at, { ivl: 21 }), 'mature', 'mature', true, true],
    [entry(at, { ivl: 21, kind: 'quiz' }), 'mature', 'mature', true, true],
    [entry(at, { ivl: 21, kind: 'custom' }), 'custom', 'learning', true, false],
    [entry(at, { ivl: 21, kind: 'cram' }), 'custom', 'learning', false, false],
    [manual(at, 21), null, null, false, false],
  ];
  for (const [log, band, group, retention, hours] of cases) {
    expect([reviewBand(log), buttonGroup(log), countsForRetention(log), countsForHours(log)]).toEqual([
      band,
      group,
      retention,
      hours,
    ]);
  }
  expect(isAnswer(manual(at))).toBe(false);
  expect(isAnswer(entry(at))).toBe(true);
});
