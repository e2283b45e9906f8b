// Pins today's queue order and limits: learning due now, then reviews due today, then new cards; learn-ahead; counts.
import { DEFAULT_QUEUE_LIMITS, buildQueue, type QueueCandidate, type QueueInput } from '../../src/domain/queue';
import { CardState, type CardStateValue } from '../../src/domain/scheduler';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = new Date('2026-03-02T10:00:00').getTime();
const DAY_END = new Date('2026-03-03T04:00:00').getTime();

const card = (id: string, state: CardStateValue, due: number, position = 0): QueueCandidate => ({
  id,
  state,
  due,
  position,
});
const fresh = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => card(`new${from + i}`, CardState.New, NOW, from + i));
const review = (n: number) =>
  Array.from({ length: n }, (_, i) => card(`rev${i}`, CardState.Review, NOW - (n - i) * HOUR, 1000 + i));

function input(over: Partial<QueueInput>): QueueInput {
  return {
    now: NOW,
    dayEnd: DAY_END,
    limits: DEFAULT_QUEUE_LIMITS,
    doneToday: { newCards: 0, reviews: 0 },
    learning: [],
    reviews: [],
    fresh: [],
    ...over,
  };
}
const ids = (q: { cards: QueueCandidate[] }) => q.cards.map((c) => c.id);

test('default limits: 20 new, 200 reviews, 20 minutes learn-ahead', () => {
  expect(DEFAULT_QUEUE_LIMITS).toEqual({ newPerDay: 20, reviewsPerDay: 200, learnAheadMs: 20 * MIN });
});

describe('daily new limit', () => {
  test('at most 20 new cards by default', () => {
    const q = buildQueue(input({ fresh: fresh(30) }));
    expect(q.cards).toHaveLength(20);
    expect(q.counts.new).toBe(20);
    expect(ids(q)).toEqual(fresh(20).map((c) => c.id));
  });

  test('with 5 introduced today, only 15 more', () => {
    const q = buildQueue(input({ fresh: fresh(30), doneToday: { newCards: 5, reviews: 0 } }));
    expect(q.cards).toHaveLength(15);
    expect(q.counts.new).toBe(15);
  });

  test('none once the limit is reached or passed (never negative)', () => {
    for (const newCards of [20, 25]) {
      const q = buildQueue(input({ fresh: fresh(30), doneToday: { newCards, reviews: 0 } }));
      expect(q.cards).toEqual([]);
      expect(q.counts.new).toBe(0);
    }
  });

  test('a custom limit, and fewer cards than the limit', () => {
    expect(
      buildQueue(input({ fresh: fresh(10), limits: { ...DEFAULT_QUEUE_LIMITS, newPerDay: 3 } })).cards,
    ).toHaveLength(3);
    expect(buildQueue(input({ fresh: fresh(4) })).cards).toHaveLength(4);
    expect(buildQueue(input({ fresh: fresh(10), limits: { ...DEFAULT_QUEUE_LIMITS, newPerDay: 0 } })).cards).toEqual(
      [],
    );
  });
});

describe('daily review limit', () => {
  test('at most reviewsPerDay minus those done today, oldest due first', () => {
    const limits = { ...DEFAULT_QUEUE_LIMITS, reviewsPerDay: 10 };
    const q = buildQueue(input({ reviews: review(15), limits, doneToday: { newCards: 0, reviews: 4 } }));
    expect(ids(q)).toEqual(['rev0', 'rev1', 'rev2', 'rev3', 'rev4', 'rev5']);
    expect(q.counts.review).toBe(6);
  });

  test('the review limit does not limit new cards', () => {
    const limits = { ...DEFAULT_QUEUE_LIMITS, reviewsPerDay: 0 };
    const q = buildQueue(input({ reviews: review(3), fresh: fresh(2), limits }));
    expect(ids(q)).toEqual(['new0', 'new1']);
    expect(q.counts).toEqual({ new: 2, learning: 0, review: 0 });
  });
});

test('reviews come before new cards, whatever the input order', () => {
  const q = buildQueue(input({ fresh: fresh(2), reviews: review(2) }));
  expect(ids(q)).toEqual(['rev0', 'rev1', 'new0', 'new1']);
});

test('learning cards due now come first, oldest due first', () => {
  const learning = [
    card('learn-b', CardState.Learning, NOW - MIN, 5),
    card('relearn', CardState.Relearning, NOW - 5 * MIN, 9),
    card('learn-a', CardState.Learning, NOW, 1),
  ];
  const q = buildQueue(input({ learning, reviews: review(1), fresh: fresh(1) }));
  expect(ids(q)).toEqual(['relearn', 'learn-b', 'learn-a', 'rev0', 'new0']);
  expect(q.counts).toEqual({ new: 1, learning: 3, review: 1 });
  expect(q.nextDue).toBeNull();
});

test('learning cards due later are not shown while other cards are, but give nextDue', () => {
  const learning = [
    card('later2', CardState.Learning, NOW + 2 * HOUR),
    card('later1', CardState.Relearning, NOW + 10 * MIN),
  ];
  const q = buildQueue(input({ learning, fresh: fresh(1) }));
  expect(ids(q)).toEqual(['new0']);
  expect(q.nextDue).toBe(NOW + 10 * MIN);
  // They still count as learning cards to do today.
  expect(q.counts.learning).toBe(2);
});

describe('learn-ahead', () => {
  test('when nothing else is left, a learning card due within 20 minutes is shown', () => {
    const learning = [
      card('soon', CardState.Learning, NOW + 10 * MIN),
      card('late', CardState.Learning, NOW + 30 * MIN),
    ];
    const q = buildQueue(input({ learning }));
    expect(ids(q)).toEqual(['soon']);
    expect(q.nextDue).toBe(NOW + 30 * MIN);
  });

  test('exactly at the 20-minute edge it is shown, one ms later it is not', () => {
    expect(ids(buildQueue(input({ learning: [card('edge', CardState.Learning, NOW + 20 * MIN)] })))).toEqual(['edge']);
    const q = buildQueue(input({ learning: [card('past', CardState.Learning, NOW + 20 * MIN + 1)] }));
    expect(q.cards).toEqual([]);
    expect(q.nextDue).toBe(NOW + 20 * MIN + 1);
  });

  test('not while new cards or reviews are left', () => {
    const learning = [card('soon', CardState.Learning, NOW + MIN)];
    expect(ids(buildQueue(input({ learning, reviews: review(1) })))).toEqual(['rev0']);
  });

  test('nothing at all: empty queue and no nextDue', () => {
    expect(buildQueue(input({}))).toEqual({ cards: [], counts: { new: 0, learning: 0, review: 0 }, nextDue: null });
  });
});

test('reviews due at or after dayEnd are not shown', () => {
  const reviews = [
    card('today', CardState.Review, DAY_END - 1),
    card('at-end', CardState.Review, DAY_END),
    card('tomorrow', CardState.Review, DAY_END + HOUR),
  ];
  const q = buildQueue(input({ reviews }));
  expect(ids(q)).toEqual(['today']);
  expect(q.counts.review).toBe(1);
});

test('new cards come in position order, not input order', () => {
  const f = [card('c', CardState.New, NOW, 7), card('a', CardState.New, NOW, 2), card('b', CardState.New, NOW, 3)];
  expect(ids(buildQueue(input({ fresh: f })))).toEqual(['a', 'b', 'c']);
  // The limit takes the first by position.
  expect(ids(buildQueue(input({ fresh: f, limits: { ...DEFAULT_QUEUE_LIMITS, newPerDay: 2 } })))).toEqual(['a', 'b']);
});

test('cards in the wrong list for their state are ignored', () => {
  const q = buildQueue(
    input({
      learning: [
        card('new-in-learning', CardState.New, NOW - MIN),
        card('review-in-learning', CardState.Review, NOW - MIN),
      ],
      reviews: [card('learning-in-reviews', CardState.Learning, NOW - MIN)],
      fresh: [card('review-in-fresh', CardState.Review, NOW)],
    }),
  );
  expect(q.cards).toEqual([]);
  expect(q.counts).toEqual({ new: 0, learning: 0, review: 0 });
});

test('counts: new and reviews after limits, learning due before the day ends', () => {
  const learning = [
    card('l-now', CardState.Learning, NOW - MIN),
    card('l-later', CardState.Relearning, NOW + 3 * HOUR),
    card('l-tomorrow', CardState.Learning, DAY_END + HOUR),
  ];
  const q = buildQueue(
    input({
      learning,
      reviews: review(8),
      fresh: fresh(9),
      limits: { newPerDay: 6, reviewsPerDay: 7, learnAheadMs: 20 * MIN },
      doneToday: { newCards: 2, reviews: 1 },
    }),
  );
  expect(q.counts).toEqual({ new: 4, learning: 2, review: 6 });
  expect(q.cards).toHaveLength(1 + 6 + 4);
  expect(q.nextDue).toBe(NOW + 3 * HOUR);
});

test('does not reorder or change its input arrays', () => {
  const f = [card('b', CardState.New, NOW, 2), card('a', CardState.New, NOW, 1)];
  const r = [card('r2', CardState.Review, NOW - MIN), card('r1', CardState.Review, NOW - HOUR)];
  const before = structuredClone({ f, r });
  buildQueue(input({ fresh: f, reviews: r }));
  expect({ f, r }).toEqual(before);
});
