// The review screen's choice of card, as a table: pinned card first (after undo or a failed write), the card on screen
// kept until answered, stale rows skipped, and when "nothing to show" is final.
import { chooseCard, isStale, type OnScreen, type SessionAnswer } from '../../src/domain/review-session';

interface Row {
  id: string;
  reps: number;
}

const row = (id: string, reps = 0): Row => ({ id, reps });

interface Case {
  name: string;
  /** The queue in order, as rows (their reps as read). */
  queue: Row[];
  /** Rows read beside the queue (a pinned card the queue does not hold). */
  extra?: Row[];
  answers?: SessionAnswer[];
  pinnedId?: string | null;
  pinnedReps?: number | null;
  turn?: number;
  onScreen?: OnScreen | null;
  card: string | null;
  catchingUp: boolean;
}

const CASES: Case[] = [
  { name: 'empty queue: nothing to show, and that is final', queue: [], card: null, catchingUp: false },
  { name: 'fresh session: the first card of the queue', queue: [row('a'), row('b')], card: 'a', catchingUp: false },
  {
    name: 'the card on screen stays when a learning card falls due before it',
    queue: [row('learning', 1), row('a'), row('b')],
    onScreen: { cardId: 'b', turn: 0 },
    card: 'b',
    catchingUp: false,
  },
  {
    name: 'a card shown in an earlier turn is not kept: the queue order decides again',
    queue: [row('learning', 1), row('b')],
    turn: 2,
    onScreen: { cardId: 'b', turn: 1 },
    card: 'learning',
    catchingUp: false,
  },
  {
    name: 'the card on screen that left the queue (deleted, answered in another tab) gives way to the first',
    queue: [row('a'), row('b')],
    onScreen: { cardId: 'gone', turn: 0 },
    card: 'a',
    catchingUp: false,
  },
  {
    name: 'an answered card whose write is not in the queue yet is skipped',
    queue: [row('a', 0), row('b')],
    answers: [{ cardId: 'a', repsAfter: 1 }],
    turn: 1,
    card: 'b',
    catchingUp: true,
  },
  {
    name: 'once the queue holds the write, the answered card can be shown again (learning step)',
    queue: [row('a', 1)],
    answers: [{ cardId: 'a', repsAfter: 1 }],
    turn: 1,
    card: 'a',
    catchingUp: false,
  },
  {
    name: 'only stale rows: nothing to show yet, but the queue is catching up (no session end)',
    queue: [row('a', 0)],
    answers: [{ cardId: 'a', repsAfter: 1 }],
    turn: 1,
    card: null,
    catchingUp: true,
  },
  {
    name: 'a kept card means not catching up even beside a stale one',
    queue: [row('a', 0), row('b')],
    answers: [{ cardId: 'a', repsAfter: 1 }],
    turn: 1,
    onScreen: { cardId: 'b', turn: 1 },
    card: 'b',
    catchingUp: false,
  },
  {
    name: 'pinned after undo: shown first, before the card on screen',
    queue: [row('a'), row('b'), row('c')],
    pinnedId: 'c',
    turn: 3,
    onScreen: { cardId: 'a', turn: 3 },
    card: 'c',
    catchingUp: false,
  },
  {
    name: 'pinned after a failed write: the same card back, though the next one is already on screen',
    queue: [row('a'), row('b')],
    // The failed answer was taken off the session's answers: the row is not stale.
    answers: [],
    pinnedId: 'a',
    turn: 2,
    onScreen: { cardId: 'b', turn: 1 },
    card: 'a',
    catchingUp: false,
  },
  {
    name: 'pinned card the queue would not show now (read beside it): still shown first',
    queue: [row('a')],
    extra: [row('later', 2)],
    pinnedId: 'later',
    turn: 1,
    card: 'later',
    catchingUp: false,
  },
  {
    name: 'pinned card no longer in the queue nor read (deleted): the queue order',
    queue: [row('a'), row('b')],
    pinnedId: 'gone',
    turn: 1,
    card: 'a',
    catchingUp: false,
  },
  {
    name: 'pinned card no longer there and the queue empty: nothing to show',
    queue: [],
    pinnedId: 'gone',
    turn: 1,
    card: null,
    catchingUp: false,
  },
  {
    name: 'a pinned card whose row is older than an earlier answer to it waits like any stale card',
    queue: [row('a', 0), row('b')],
    answers: [{ cardId: 'a', repsAfter: 1 }],
    pinnedId: 'a',
    turn: 2,
    card: 'b',
    catchingUp: true,
  },
  {
    name: 'pinned after undo, its row still as answered (read before the undo): not shown yet, the undone one waits',
    queue: [row('a', 1), row('b')],
    pinnedId: 'a',
    pinnedReps: 0,
    turn: 2,
    onScreen: { cardId: 'b', turn: 1 },
    card: 'b',
    catchingUp: true,
  },
  {
    name: 'pinned after undo, its row as before the answer: shown',
    queue: [row('b'), row('a', 0)],
    pinnedId: 'a',
    pinnedReps: 0,
    turn: 2,
    onScreen: { cardId: 'b', turn: 1 },
    card: 'a',
    catchingUp: false,
  },
];

test.each(CASES)('$name', (c) => {
  const rows = new Map([...c.queue, ...(c.extra ?? [])].map((r) => [r.id, r]));
  const choice = chooseCard({
    queue: c.queue,
    rows,
    session: {
      answers: c.answers ?? [],
      pinnedId: c.pinnedId ?? null,
      pinnedReps: c.pinnedReps ?? null,
      turn: c.turn ?? 0,
    },
    onScreen: c.onScreen ?? null,
  });
  expect({ card: choice.card?.id ?? null, catchingUp: choice.catchingUp }).toEqual({
    card: c.card,
    catchingUp: c.catchingUp,
  });
  // The chosen card is the row itself, not a copy: the screen draws what was read.
  if (choice.card) expect(choice.card).toBe(rows.get(c.card!));
});

test('a queued id without a row is passed over', () => {
  const choice = chooseCard({
    queue: [{ id: 'missing' }, row('a')],
    rows: new Map([['a', row('a')]]),
    session: { answers: [], pinnedId: null, turn: 0 },
    onScreen: null,
  });
  expect(choice.card?.id).toBe('a');
});

test('isStale: the latest answer to the card decides', () => {
  const answers = [
    { cardId: 'a', repsAfter: 1 },
    { cardId: 'b', repsAfter: 4 },
    { cardId: 'a', repsAfter: 2 },
  ];
  expect(isStale(answers, 'a', 1)).toBe(true);
  expect(isStale(answers, 'a', 2)).toBe(false);
  expect(isStale(answers, 'a', 3)).toBe(false);
  expect(isStale(answers, 'b', 3)).toBe(true);
  expect(isStale(answers, 'c', 0)).toBe(false);
});
