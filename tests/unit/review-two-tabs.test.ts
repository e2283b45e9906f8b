// Two tabs on one database, and a disk that refuses writes: an answer is graded only on the state the user saw, an
// undo takes back only its own answer, and an answer the disk refused is kept and written on retry.
import Dexie from 'dexie';
import type { CardRow } from '../../src/db/database';
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { CardNotFoundError, StaleCardError, UndoConflictError, writeOutcome } from '../../src/db/errors';
import { answerCard, memoryOf, undoAnswer } from '../../src/db/review-repo';
import { DEFAULT_SCHEDULER_SETTINGS, type RatingName } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import {
  canUndo,
  createReviewStore,
  unsavedAnswers,
  type ReviewDeps,
  type ShownMemory,
} from '../../src/features/review/review-store';
import { basicDeck } from './helpers/basic-deck';

const MIN = 60_000;
const T = new Date('2026-03-02T10:00:00').getTime();
const settings = DEFAULT_SCHEDULER_SETTINGS;

let db: DockdeckDB;
beforeEach(async () => {
  db = new DockdeckDB(`tabs-${Math.random().toString(36).slice(2)}`);
  const d = basicDeck(2);
  await upsertDeck(db, d, expandDeck(d), { hash: 'h', builtin: true, now: T });
});
afterEach(async () => {
  await db.delete();
});

async function card(id: string): Promise<CardRow> {
  const row = await db.cards.get(id);
  if (!row) throw new Error(`no card ${id}`);
  return row;
}
const answer = (id: string, rating: RatingName, at: number, expected?: ShownMemory) =>
  answerCard(db, id, rating, new Date(at), { durationMs: 1000, settings, ...(expected ? { expected } : {}) });

describe('answerCard with the memory the screen showed', () => {
  test('a card answered in another tab since it was shown is refused, nothing written', async () => {
    const shown = memoryOf(await card('demo/c1'));
    // Tab B answers the card first.
    const other = await answer('demo/c1', 'good', T);
    const afterB = await card('demo/c1');
    // Tab A still shows the card as it was.
    await expect(answer('demo/c1', 'again', T + MIN, shown)).rejects.toBeInstanceOf(StaleCardError);
    expect(await card('demo/c1')).toEqual(afterB);
    expect((await db.reviewLogs.toArray()).map((l) => l.id)).toEqual([other.id]);
    // Shown anew, as it is now, the answer goes in and builds on B's.
    const again = await answer('demo/c1', 'again', T + MIN, memoryOf(afterB));
    expect(again.before).toEqual(other.after);
    expect(await db.reviewLogs.count()).toBe(2);
  });

  test('any changed field counts (a due date set elsewhere), and a deleted card is CardNotFoundError', async () => {
    const shown = memoryOf(await card('demo/c1'));
    await db.cards.update('demo/c1', { due: shown.due + 3 * MIN });
    await expect(answer('demo/c1', 'good', T, shown)).rejects.toBeInstanceOf(StaleCardError);
    await db.cards.delete('demo/c2');
    await expect(answer('demo/c2', 'good', T, { reps: 0 })).rejects.toBeInstanceOf(CardNotFoundError);
    expect(await db.reviewLogs.count()).toBe(0);
  });
});

describe('undoAnswer across tabs', () => {
  test("an undo in one tab never takes back the other tab's later answer to the same card", async () => {
    const a = await answer('demo/c1', 'good', T);
    const b = await answer('demo/c1', 'good', T + 10 * MIN, memoryOf(await card('demo/c1')));
    const now = await card('demo/c1');
    await expect(undoAnswer(db, a.id, T + 11 * MIN)).rejects.toBeInstanceOf(UndoConflictError);
    expect(await card('demo/c1')).toEqual(now);
    expect(await db.reviewLogs.count()).toBe(2);
    // The other tab's own undo is fine, and then the first one's too.
    await undoAnswer(db, b.id, T + 12 * MIN);
    await undoAnswer(db, a.id, T + 13 * MIN);
    expect(await db.reviewLogs.count()).toBe(0);
    expect(memoryOf(await card('demo/c1'))).toEqual(a.before);
  });

  test('the undo compares every field, not only reps and due', async () => {
    const a = await answer('demo/c1', 'good', T);
    await db.cards.update('demo/c1', { stability: a.after.stability + 1 });
    await expect(undoAnswer(db, a.id, T + MIN)).rejects.toBeInstanceOf(UndoConflictError);
  });
});

test('writeOutcome: stale for a card changed elsewhere, retry for a full disk, refused for a closed database', () => {
  expect(writeOutcome(new StaleCardError('d/1'))).toBe('stale');
  expect(writeOutcome(new UndoConflictError('d/1'))).toBe('stale');
  expect(writeOutcome(new DOMException('full', 'QuotaExceededError'))).toBe('retry');
  expect(writeOutcome(new Dexie.QuotaExceededError('full'))).toBe('retry');
  expect(writeOutcome(new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')))).toBe('retry');
  expect(writeOutcome(new Dexie.DatabaseClosedError())).toBe('refused');
  expect(writeOutcome(new CardNotFoundError('d/1'))).toBe('refused');
});

/** A store over real writes to the test database, whose disk can be made to refuse. */
function session() {
  let now = T;
  let full = false;
  const reported: unknown[] = [];
  const deps: ReviewDeps = {
    now: () => now,
    async answer(cardId, rating, durationMs, { at, expected }) {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      const log = await answerCard(db, cardId, rating, new Date(at), { durationMs, settings, expected });
      return { logId: log.id, repsAfter: log.after.reps };
    },
    async undo(logId) {
      return (await undoAnswer(db, logId, now))?.cardId;
    },
    mark: async () => [],
    unmark: async () => {},
    report: (e) => reported.push(e),
    outcome: writeOutcome,
  };
  const store = createReviewStore('demo', deps);
  const s = () => store.getState();
  const grade = async (id: string, rating: RatingName) => {
    const showing = { cardId: id, shownAt: now, turn: s().turn };
    const shown = memoryOf(await card(id));
    s().reveal(showing);
    return s().grade(showing, rating, shown);
  };
  return {
    s,
    grade,
    reported,
    setFull: (v: boolean) => (full = v),
    advance: (ms: number) => (now += ms),
  };
}

describe('the session store over the database', () => {
  test('an answer the disk refused is kept (card hidden), said, and written on retry with its own time', async () => {
    const t = session();
    t.setFull(true);
    await t.grade('demo/c1', 'good');
    expect(unsavedAnswers(t.s())).toBe(1);
    expect(t.s().answers[0]).toMatchObject({ cardId: 'demo/c1', logId: null, unsaved: true, repsAfter: 1 });
    expect(t.s().pinnedId).toBeNull();
    expect(t.reported).toHaveLength(1);
    expect(await db.reviewLogs.count()).toBe(0);

    // Still full: the retry fails again, the answer is still kept.
    t.advance(5 * MIN);
    await t.s().retry();
    expect(unsavedAnswers(t.s())).toBe(1);
    t.setFull(false);
    await t.s().retry();
    expect(unsavedAnswers(t.s())).toBe(0);
    const logs = await db.reviewLogs.toArray();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ cardId: 'demo/c1', rating: 'good', review: T });
    expect(t.s().answers[0]!.logId).toBe(logs[0]!.id);
    expect(t.s().pending).toBe(0);
  });

  test('an unsaved answer can be undone: it is dropped and its card shown again', async () => {
    const t = session();
    t.setFull(true);
    await t.grade('demo/c1', 'easy');
    expect(canUndo(t.s())).toBe(true);
    await t.s().undo();
    expect(t.s().answers).toEqual([]);
    expect(t.s()).toMatchObject({ pinnedId: 'demo/c1', pinnedReps: 0 });
  });

  test('a retry after another tab answered the card drops the answer and says so', async () => {
    const t = session();
    t.setFull(true);
    await t.grade('demo/c1', 'good');
    await answer('demo/c1', 'hard', T + MIN);
    t.setFull(false);
    await t.s().retry();
    expect(t.s().answers).toEqual([]);
    expect(t.s().conflict).toEqual({ cardId: 'demo/c1', kind: 'stale' });
    expect(await db.reviewLogs.count()).toBe(1);
  });

  test('an undo refused because the other tab answered since keeps the answer, locks it, and undoes the older one', async () => {
    const t = session();
    await t.grade('demo/c1', 'good');
    t.advance(MIN);
    await t.grade('demo/c2', 'good');
    // The other tab answers c2 on its own, fresh state.
    await answer('demo/c2', 'good', T + 20 * MIN, memoryOf(await card('demo/c2')));
    await t.s().undo();
    expect(t.s().conflict).toEqual({ cardId: 'demo/c2', kind: 'undo' });
    expect(t.reported[0]).toBeInstanceOf(UndoConflictError);
    expect(t.s().answers.map((a) => [a.cardId, a.locked ?? false])).toEqual([
      ['demo/c1', false],
      ['demo/c2', true],
    ]);
    expect(await db.reviewLogs.count()).toBe(3);
    // The next undo takes back c1's answer, which nothing followed.
    await t.s().undo();
    expect(t.s().answers.map((a) => a.cardId)).toEqual(['demo/c2']);
    expect(await db.reviewLogs.count()).toBe(2);
    expect(canUndo(t.s())).toBe(false);
  });
});
