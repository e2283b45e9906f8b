// Pins the replay of imported review history against ts-fsrs itself (FSRS.reschedule), manual entries included.
import {
  FSRS,
  Rating,
  createEmptyCard,
  generatorParameters,
  type Card,
  type FSRSHistory,
  type Grade,
  type State,
} from 'ts-fsrs';
import type { ImportedReview } from '../../src/formats/import/draft';
import { groupHistory, replayHistory } from '../../src/formats/import/history';
import {
  CardState,
  DEFAULT_SCHEDULER_SETTINGS,
  grade,
  newMemory,
  type Memory,
  type RatingName,
  type SchedulerSettings,
} from '../../src/domain/scheduler';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 0, 6, 9, 0);
const NOW = T0 + 200 * DAY;
// No fuzz and UTC days, so ts-fsrs on its own must give exactly the same numbers.
const settings: SchedulerSettings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false, dayShiftMs: 0 };
const reference = new FSRS(
  generatorParameters({
    request_retention: settings.desiredRetention,
    learning_steps: settings.learningSteps,
    relearning_steps: settings.relearningSteps,
    maximum_interval: settings.maximumInterval,
    enable_fuzz: false,
    enable_short_term: true,
    w: settings.weights,
  }),
);
const GRADE: Record<RatingName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

function memory(c: Card): Memory {
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

const review = (
  day: number,
  rating: ImportedReview['rating'],
  extra: Partial<ImportedReview> = {},
): ImportedReview => ({
  cardId: 'anki/n1',
  review: T0 + day * DAY,
  rating,
  durationMs: 4000,
  ...extra,
});

function viaTsFsrs(reviews: readonly ImportedReview[]) {
  const history: FSRSHistory[] = reviews.map((r) =>
    r.rating === 'manual'
      ? {
          rating: Rating.Manual,
          review: new Date(r.review),
          state: r.manual!.state as State,
          due: new Date(r.manual!.due ?? r.review),
        }
      : { rating: GRADE[r.rating], review: new Date(r.review) },
  );
  const first = createEmptyCard(new Date(reviews[0]!.review));
  return reference.reschedule(first, history, { skipManual: false, first_card: first, now: new Date(NOW) }).collections;
}

test('a card answered for months in Anki ends with the memory ts-fsrs computes, and one record per answer', () => {
  const reviews = [
    review(0, 'good'),
    review(0.01, 'good'),
    review(3, 'good'),
    review(12, 'hard'),
    review(40, 'again'),
    review(40.01, 'good'),
    review(48, 'easy'),
  ];
  const ours = replayHistory('anki/n1', reviews, NOW, settings)!;
  const theirs = viaTsFsrs(reviews);
  expect(ours.memory).toEqual(memory(theirs.at(-1)!.card));
  expect(ours.memory.state).toBe(CardState.Review);
  expect(ours.memory.due).toBeGreaterThan(T0 + 48 * DAY);
  expect(ours.records).toHaveLength(7);
  ours.records.forEach((rec, i) => {
    expect(rec.after).toEqual(memory(theirs[i]!.card));
    expect(rec.state).toBe(theirs[i]!.log.state);
    expect(rec.elapsedDays).toBe(theirs[i]!.log.elapsed_days);
    expect(rec.scheduledDays).toBe(theirs[i]!.log.scheduled_days);
    expect(rec.durationMs).toBe(4000);
    expect(rec.rating).toBe(reviews[i]!.rating);
  });
  expect(ours.records[1]!.before).toEqual(ours.records[0]!.after);
});

test('manual entries are applied as ts-fsrs applies them: a reset starts over, a set due date moves the card', () => {
  const reset = [
    review(0, 'good'),
    review(5, 'good'),
    review(20, 'manual', { manual: { state: CardState.New } }),
    review(21, 'good'),
  ];
  const ours = replayHistory('anki/n1', reset, NOW, settings)!;
  expect(ours.memory).toEqual(memory(viaTsFsrs(reset).at(-1)!.card));
  expect(ours.memory.reps).toBe(1);
  expect(ours.records).toHaveLength(3);

  const due = T0 + 90 * DAY;
  const moved = [
    review(0, 'good'),
    review(5, 'good'),
    review(20, 'manual', { manual: { state: CardState.Review, due } }),
  ];
  const m = replayHistory('anki/n1', moved, NOW, settings)!;
  expect(m.memory).toEqual(memory(viaTsFsrs(moved).at(-1)!.card));
  expect(m.memory.due).toBe(due);
  expect(m.records).toHaveLength(2);
});

test('manual entries without what they did are skipped, as ts-fsrs skips manual entries by default', () => {
  const reviews = [review(0, 'good'), review(2, 'manual'), review(4, 'good')];
  const ours = replayHistory('anki/n1', reviews, NOW, settings)!;
  const theirs = reference.reschedule(
    createEmptyCard(new Date(T0)),
    [
      { rating: Rating.Good, review: new Date(T0) },
      { rating: Rating.Good, review: new Date(T0 + 4 * DAY) },
    ],
    { first_card: createEmptyCard(new Date(T0)), now: new Date(NOW) },
  );
  expect(ours.memory).toEqual(memory(theirs.collections.at(-1)!.card));
});

test('reviews are replayed oldest first; future or invalid times are left out; nothing left means the card stays new', () => {
  const shuffled = [review(12, 'good'), review(0, 'good'), review(3, 'good')];
  const sorted = [...shuffled].sort((a, b) => a.review - b.review);
  expect(replayHistory('anki/n1', shuffled, NOW, settings)).toEqual(replayHistory('anki/n1', sorted, NOW, settings));
  const withBad = [...sorted, review(400, 'again'), { ...review(1, 'good'), review: Number.NaN }];
  expect(replayHistory('anki/n1', withBad, NOW, settings)).toEqual(replayHistory('anki/n1', sorted, NOW, settings));
  expect(replayHistory('anki/n1', [review(400, 'good')], NOW, settings)).toBeNull();
  expect(replayHistory('anki/n1', [], NOW, settings)).toBeNull();
});

test('with the user settings (fuzz, study-day shift) the replay equals answering the card live in dockdeck', () => {
  const live: SchedulerSettings = { ...DEFAULT_SCHEDULER_SETTINGS, dayShiftMs: -4 * 60 * 60 * 1000 };
  const reviews = [review(0, 'good'), review(0.01, 'good'), review(3, 'good'), review(15, 'good')];
  let m = newMemory(new Date(reviews[0]!.review));
  for (const r of reviews) m = grade('anki/n1', m, r.rating as RatingName, new Date(r.review), live).memory;
  expect(replayHistory('anki/n1', reviews, NOW, live)!.memory).toEqual(m);
});

test('groupHistory keys reviews by study card, in order', () => {
  const g = groupHistory([review(0, 'good'), { ...review(1, 'good'), cardId: 'anki/n2' }, review(2, 'hard')]);
  expect([...g.keys()]).toEqual(['anki/n1', 'anki/n2']);
  expect(g.get('anki/n1')!.map((r) => r.rating)).toEqual(['good', 'hard']);
});
