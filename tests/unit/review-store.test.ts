// The review session store driven without rendering: the draft of one showing, grading with its time, a failed
// write pinning the card, undo, the pending count and the summary.
import type { RatingName } from '../../src/domain/scheduler';
import {
  MAX_ANSWER_MS,
  createReviewStore,
  draftOf,
  summarize,
  type ReviewDeps,
  type Showing,
} from '../../src/features/review/review-store';

interface Call {
  cardId: string;
  rating: RatingName;
  durationMs: number;
  settle(result: { logId: string; repsAfter: number } | Error): Promise<void>;
}

function setup(undo: ReviewDeps['undo'] = async () => undefined) {
  let now = 10_000;
  const calls: Call[] = [];
  const errors: unknown[] = [];
  const undone: string[] = [];
  const marks: Array<[string, string]> = [];
  const unmarked: string[] = [];
  let refuseMarks = false;
  const store = createReviewStore('d', {
    now: () => now,
    answer: (cardId, rating, durationMs) =>
      new Promise((resolve, reject) => {
        calls.push({
          cardId,
          rating,
          durationMs,
          // Resolves once the store has handled the result.
          settle: async (r) => {
            if (r instanceof Error) reject(r);
            else resolve(r);
            await Promise.resolve();
          },
        });
      }),
    undo: async (logId) => {
      undone.push(logId);
      return undo(logId);
    },
    mark: async (cardId, what) => {
      marks.push([cardId, what.kind === 'flag' ? `flag ${what.flag}` : what.kind]);
      if (refuseMarks) throw new Error('quota');
      const after =
        what.kind === 'flag'
          ? what.flag
            ? { flag: what.flag }
            : {}
          : what.kind === 'suspend'
            ? { suspended: true }
            : { buriedUntil: 99 };
      return [{ id: cardId, before: {}, after }];
    },
    unmark: async (changes) => {
      unmarked.push(...changes.map((c) => c.id));
    },
    report: (e) => errors.push(e),
  });
  const s = () => store.getState();
  /** The screen's showing of a card, in the store's current turn. */
  const show = (cardId: string, shownAt = now): Showing => ({ cardId, shownAt, turn: s().turn });
  return {
    store,
    s,
    show,
    calls,
    errors,
    undone,
    marks,
    unmarked,
    refuseMarks: () => (refuseMarks = true),
    advance: (ms: number) => (now += ms),
  };
}

/** Reveals the card and grades it; the write stays open until settled. */
function answer(t: ReturnType<typeof setup>, cardId: string, rating: RatingName, reps = 0) {
  const showing = t.show(cardId);
  t.s().reveal(showing);
  void t.s().grade(showing, rating, reps);
  return t.calls[t.calls.length - 1]!;
}

test('a showing starts hidden; reveal, choose and type belong to that showing only', () => {
  const { s, show } = setup();
  const a = show('d/1');
  expect(draftOf(s(), a)).toEqual({ revealed: false, choice: null, typed: '' });
  s().choose(a, 2);
  s().type(a, 'cgroups');
  expect(draftOf(s(), a)).toEqual({ revealed: false, choice: 2, typed: 'cgroups' });
  // Another card, or the same card shown anew, starts with nothing picked.
  expect(draftOf(s(), show('d/2'))).toEqual({ revealed: false, choice: null, typed: '' });
  expect(draftOf(s(), { ...a, shownAt: a.shownAt + 1 }).choice).toBeNull();
  s().reveal(a);
  expect(draftOf(s(), a)).toEqual({ revealed: true, choice: 2, typed: 'cgroups' });
});

test('once the answer is shown, the choice and the typed text stay as they were', () => {
  const { s, show } = setup();
  const a = show('d/1');
  s().choose(a, 1);
  s().reveal(a);
  s().choose(a, 3);
  s().type(a, 'late');
  expect(draftOf(s(), a)).toMatchObject({ choice: 1, typed: '' });
});

test('grading before the answer is shown does nothing', async () => {
  const { s, show, calls } = setup();
  await s().grade(show('d/1'), 'good', 0);
  expect(calls).toHaveLength(0);
  expect(s().answers).toEqual([]);
});

test('a grade is written with the time since the card was shown, capped at a minute', async () => {
  const t = setup();
  const a = t.show('d/1');
  t.advance(4_000);
  t.s().reveal(a);
  void t.s().grade(a, 'hard', 0);
  expect(t.calls[0]).toMatchObject({ cardId: 'd/1', rating: 'hard', durationMs: 4_000 });

  const b = t.show('d/2');
  t.advance(45 * 60_000);
  t.s().reveal(b);
  void t.s().grade(b, 'good', 0);
  expect(t.calls[1]?.durationMs).toBe(MAX_ANSWER_MS);
});

test('grading moves to the next turn at once: answer hidden, the write pending, the card stale until stored', async () => {
  const t = setup();
  const call = answer(t, 'd/1', 'good', 3);
  expect(t.s()).toMatchObject({ turn: 1, pending: 1, draft: null });
  expect(t.s().answers).toEqual([
    { seq: 1, logId: null, cardId: 'd/1', rating: 'good', durationMs: 0, at: 10_000, shown: { reps: 3 }, repsAfter: 4 },
  ]);
  // Nothing to undo while the write is under way.
  await t.s().undo();
  expect(t.undone).toEqual([]);

  await call.settle({ logId: 'log-1', repsAfter: 4 });
  expect(t.s().pending).toBe(0);
  expect(t.s().answers[0]).toMatchObject({ logId: 'log-1', repsAfter: 4 });
  expect(t.s().turn).toBe(1);
  expect(t.errors).toEqual([]);
});

test('a key meant for the card of an earlier turn is ignored (its screen not yet redrawn)', () => {
  const t = setup();
  const old = t.show('d/1');
  t.s().reveal(old);
  void t.s().grade(old, 'good', 0);
  t.s().reveal(old);
  t.s().choose(old, 1);
  expect(t.s().draft).toBeNull();
  void t.s().grade(old, 'easy', 0);
  expect(t.calls).toHaveLength(1);
});

test('a failed write takes the answer off, pins the card for the next turn and reports the error', async () => {
  const t = setup();
  const first = answer(t, 'd/1', 'good');
  await first.settle({ logId: 'log-1', repsAfter: 1 });
  const second = answer(t, 'd/2', 'again', 4);
  // The user is already on the next card, answer shown, when the failure comes back.
  const next = t.show('d/3');
  t.s().reveal(next);
  const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  await second.settle(error);
  expect(t.errors).toEqual([error]);
  // Nothing was written: the card's row keeps the reps it was shown with.
  expect(t.s()).toMatchObject({ pinnedId: 'd/2', pinnedReps: 4, turn: 3, pending: 0, draft: null });
  expect(t.s().answers.map((a) => a.cardId)).toEqual(['d/1']);
  expect(draftOf(t.s(), next).revealed).toBe(false);
});

test('the next grade releases the pin', async () => {
  const t = setup();
  await answer(t, 'd/1', 'good').settle(new Error('closed'));
  expect(t.s().pinnedId).toBe('d/1');
  answer(t, 'd/1', 'good');
  expect(t.s().pinnedId).toBeNull();
});

test('undo takes back the latest stored answer and pins its card', async () => {
  const t = setup(async () => 'd/2');
  await answer(t, 'd/1', 'good').settle({ logId: 'log-1', repsAfter: 1 });
  await answer(t, 'd/2', 'easy').settle({ logId: 'log-2', repsAfter: 1 });
  await t.s().undo();
  expect(t.undone).toEqual(['log-2']);
  // The card is shown once its row is back to the reps before the answer (one less than the answer gave it).
  expect(t.s()).toMatchObject({ pinnedId: 'd/2', pinnedReps: 0, turn: 3, draft: null });
  expect(t.s().answers.map((a) => a.logId)).toEqual(['log-1']);
});

test('undo of an answer whose log is gone unpins; a refused undo changes nothing and is reported', async () => {
  const gone = setup(async () => undefined);
  await answer(gone, 'd/1', 'good').settle({ logId: 'log-1', repsAfter: 1 });
  await gone.s().undo();
  expect(gone.s()).toMatchObject({ pinnedId: null, answers: [] });

  const conflict = new Error('answered again in another tab');
  const refused = setup(async () => {
    throw conflict;
  });
  await answer(refused, 'd/1', 'good').settle({ logId: 'log-1', repsAfter: 1 });
  const before = refused.s();
  await refused.s().undo();
  expect(refused.errors).toEqual([conflict]);
  expect(refused.s().answers).toBe(before.answers);
  expect(refused.s().turn).toBe(before.turn);
});

test('undo with nothing answered does nothing', async () => {
  const t = setup();
  await t.s().undo();
  expect(t.undone).toEqual([]);
  expect(t.s().turn).toBe(0);
});

test('the other language toggles for the whole session', () => {
  const { s } = setup();
  s().toggleOtherLang();
  expect(s().showOtherLang).toBe(true);
  s().toggleOtherLang();
  expect(s().showOtherLang).toBe(false);
});

test('summary: cards answered, share of Again, time spent', async () => {
  const t = setup();
  expect(summarize(t.s())).toEqual({ answered: 0, againRate: 0, timeMs: 0 });
  t.advance(3_000);
  const a = t.show('d/1', 10_000);
  t.s().reveal(a);
  void t.s().grade(a, 'again', 0);
  const b = t.show('d/2');
  t.advance(5_000);
  t.s().reveal(b);
  void t.s().grade(b, 'good', 0);
  expect(summarize(t.s())).toEqual({ answered: 2, againRate: 0.5, timeMs: 8_000 });
});

test('bury and suspend take the card off the screen; a flag keeps it; undo takes back the latest of answers and marks', async () => {
  const t = setup(async () => 'd/a');
  const a = answer(t, 'd/a', 'good');
  await a.settle({ logId: 'L1', repsAfter: 1 });
  const turn = t.s().turn;
  await t.s().mark(t.show('d/b'), { kind: 'flag', flag: 3 }, 0);
  expect(t.s().turn).toBe(turn);
  expect(t.s().lastMark).toEqual({ kind: 'flag', flag: 3 });
  await t.s().mark(t.show('d/b'), { kind: 'bury' }, 0);
  expect(t.s().turn).toBe(turn + 1);
  expect(t.marks).toEqual([
    ['d/b', 'flag 3'],
    ['d/b', 'bury'],
  ]);
  // Undo: the burial first (it was last), and the card is pinned back as it was; then the flag; then the answer.
  await t.s().undo();
  expect(t.unmarked).toEqual(['d/b']);
  expect([t.s().pinnedId, t.s().pinnedReps]).toEqual(['d/b', 0]);
  await t.s().undo();
  expect(t.unmarked).toEqual(['d/b', 'd/b']);
  expect(t.undone).toEqual([]);
  await t.s().undo();
  expect(t.undone).toEqual(['L1']);
  // A mark of a card from an earlier turn (its screen not redrawn yet) is ignored.
  await t.s().mark({ cardId: 'd/c', shownAt: 0, turn: -1 }, { kind: 'suspend' }, 0);
  expect(t.marks).toHaveLength(2);
});

test('a mark that cannot be stored is reported and changes nothing in the session', async () => {
  const t = setup();
  t.refuseMarks();
  const turn = t.s().turn;
  await t.s().mark(t.show('d/a'), { kind: 'suspend' }, 0);
  expect(t.errors).toHaveLength(1);
  expect([t.s().turn, t.s().marked, t.s().lastMark]).toEqual([turn, [], null]);
});
