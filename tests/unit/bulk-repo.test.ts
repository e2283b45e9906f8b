// The browser's bulk actions on fake IndexedDB: move, tags, reset, set due date and delete, each one transaction with
// an exact undo (refused when a card changed since), the manual log entries a reset and a set due date write (and
// their undo removes), and built-in cards that stay moved, tagged or deleted when the built-in deck is updated.
import { DockdeckDB, type CardRow } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { MarksConflictError } from '../../src/db/errors';
import { changeTags, deleteCards, resetCards, setDueCards } from '../../src/db/bulk-repo';
import { moveCards, MoveTargetError } from '../../src/db/bulk-move';
import { undoBulk } from '../../src/db/bulk-undo';
import { applyOverrides, overridesOf } from '../../src/db/bulk-overrides';
import { createDeck } from '../../src/db/card-edit-repo';
import { answerCard, deckCounts, doneInWindow } from '../../src/db/review-repo';
import { suspendCards } from '../../src/db/marks-repo';
import { readMarks } from '../../src/db/marks-table';
import { dayWindow } from '../../src/domain/day-window';
import type { Deck } from '../../src/domain/deck-schema';
import { DEFAULT_QUEUE_LIMITS } from '../../src/domain/queue';
import { CardState, DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { parseSetDue, type SetDueSpec } from '../../src/domain/set-due';
import { expandDeck } from '../../src/domain/study-card';
import { basicDeck } from './helpers/basic-deck';

const T = new Date('2026-03-02T10:00:00').getTime();
const DAY = dayWindow(T, 4);
const DAY_MS = 86_400_000;
const opts = { durationMs: 1000, settings: DEFAULT_SCHEDULER_SETTINGS };

/** The demo deck: c1…c4 basic, and r1 a reversed card (two study cards of one note). */
function demo(tags: string[] = []): Deck {
  const d = basicDeck(4);
  return {
    ...d,
    cards: [
      ...d.cards.map((c) => ({ ...c, tags })),
      {
        id: 'r1',
        type: 'reverse' as const,
        tags,
        source: { doc: 'doc.txt', section: 'Intro' },
        front: { en: 'F', zh: '前' },
        back: { en: 'B', zh: '后' },
      },
    ],
  };
}

/** The start-up sync of a built-in deck whose file changed: the file's cards with the user's overrides, written. */
async function sync(deck: Deck, hash: string) {
  const cards = applyOverrides(expandDeck(deck), await overridesOf(db, deck.id));
  return upsertDeck(db, deck, cards, { hash, builtin: true, now: T + 5 * DAY_MS });
}

const due = (text: string): SetDueSpec => {
  const p = parseSetDue(text);
  if (!p.ok) throw new Error(text);
  return p.spec;
};

let db: DockdeckDB;
const card = (id: string) => db.cards.get(id) as Promise<CardRow>;
/** A card's marks in the cardMarks table (database version 11); undefined for none. */
const marksOf = async (id: string) => (await readMarks(db, [id])).get(id);
const ids = async (prefix: string) => db.cards.where('id').startsWith(prefix).primaryKeys();

beforeEach(async () => {
  db = new DockdeckDB(`bulk-${Math.random().toString(36).slice(2)}`);
  const d = demo();
  await upsertDeck(db, d, expandDeck(d), { hash: 'h1', builtin: true, now: T });
  await createDeck(db, { id: 'mine', title: { en: 'Mine', zh: '我的' } }, T);
});
afterEach(async () => {
  await db.delete();
});

test('tags: added to the note (its other study cards too), taken off without regard to case, undone exactly', async () => {
  const u = await changeTags(db, ['demo/c1', 'demo/r1'], { add: ['k8s', 'Pods'] }, T);
  expect(u.patches.map((p) => p.id).sort()).toEqual(['demo/c1', 'demo/r1', 'demo/r1:reverse']);
  expect((await card('demo/r1:reverse')).tags).toEqual(['k8s', 'Pods']);
  // Adding again changes nothing.
  expect((await changeTags(db, ['demo/c1'], { add: ['K8S'] }, T)).patches).toEqual([]);
  const off = await changeTags(db, ['demo/c1'], { drop: ['pods'] }, T);
  expect((await card('demo/c1')).tags).toEqual(['k8s']);
  await undoBulk(db, off, T);
  expect((await card('demo/c1')).tags).toEqual(['k8s', 'Pods']);
  await undoBulk(db, u, T);
  expect((await card('demo/c1')).tags).toEqual([]);
  expect((await card('demo/r1:reverse')).tags).toEqual([]);
  expect(await db.builtinOverrides.count()).toBe(0);
});

test('reset: new again at the end of the deck’s new cards, one manual log entry each; the undo takes both back', async () => {
  await answerCard(db, 'demo/c1', 'good', new Date(T), opts);
  await answerCard(db, 'demo/c2', 'again', new Date(T), opts);
  const before = await card('demo/c1');
  expect(before.state).not.toBe(CardState.New);
  const u = await resetCards(db, ['demo/c1', 'demo/c2', 'demo/c3'], false, T + 1000);
  // c3 was new already: left alone.
  expect(u.patches.map((p) => p.id)).toEqual(['demo/c1', 'demo/c2']);
  const c1 = await card('demo/c1');
  expect(c1).toMatchObject({ state: CardState.New, stability: 0, reps: before.reps, position: 6 });
  expect((await card('demo/c2')).position).toBe(7);
  const logs = await db.reviewLogs.where('cardId').equals('demo/c1').sortBy('review');
  expect(logs.map((l) => [l.kind, l.rating])).toEqual([
    ['review', 'good'],
    ['manual', 'reset'],
  ]);
  expect(logs[1]!.before.state).toBe(before.state);
  expect(logs[1]!.after.state).toBe(CardState.New);
  // The card is the replay of its log: its memory is the last entry's `after`.
  expect(c1.due).toBe(logs[1]!.after.due);
  // Not an answer: today's counts still hold the two answers only.
  const done = await doneInWindow(db, 'demo', DAY);
  expect(done.newCards).toBe(2);
  await undoBulk(db, u, T + 2000);
  expect(await card('demo/c1')).toMatchObject({ state: before.state, due: before.due, position: 0 });
  expect(await db.reviewLogs.filter((l) => l.kind === 'manual').count()).toBe(0);
});

test('reset with the counts: reps and lapses back to 0', async () => {
  await answerCard(db, 'demo/c1', 'good', new Date(T), opts);
  await resetCards(db, ['demo/c1'], true, T + 1000);
  expect(await card('demo/c1')).toMatchObject({ reps: 0, lapses: 0, state: CardState.New });
});

test('set due 0: new cards become review cards due today, counted in the deck’s reviews; the log says so', async () => {
  const u = await setDueCards(db, ['demo/c1', 'demo/c2'], due('0'), {
    now: T,
    todayStart: DAY.start,
    seed: 1,
    settings: () => DEFAULT_SCHEDULER_SETTINGS,
  });
  expect(u.addedLogs).toHaveLength(2);
  const c1 = await card('demo/c1');
  expect(c1).toMatchObject({ state: CardState.Review, due: DAY.start, scheduledDays: 1 });
  expect(c1.stability).toBeGreaterThan(0);
  const counts = await deckCounts(db, 'demo', DAY, DEFAULT_QUEUE_LIMITS);
  expect(counts.review).toBe(2);
  expect((await doneInWindow(db, 'demo', DAY)).newCards).toBe(0);
  const [log] = await db.reviewLogs.where('cardId').equals('demo/c1').toArray();
  expect(log).toMatchObject({ kind: 'manual', rating: 'set-due', state: CardState.New });
  await undoBulk(db, u, T);
  expect(await card('demo/c1')).toMatchObject({ state: CardState.New });
  expect(await db.reviewLogs.count()).toBe(0);
});

test('set due 3-7: a day in the range per card, the same for the same seed; 7! sets the interval', async () => {
  const all = (await ids('demo/')) as string[];
  const run = { now: T, todayStart: DAY.start, seed: 42, settings: () => DEFAULT_SCHEDULER_SETTINGS };
  await setDueCards(db, all, due('3-7'), run);
  const days = (await db.cards.bulkGet(all)).map((c) => (c!.due - DAY.start) / DAY_MS);
  for (const d of days) expect(d === 3 || d === 4 || d === 5 || d === 6 || d === 7).toBe(true);
  // A review card keeps its interval without '!', takes the days with it.
  await answerCard(db, 'demo/c3', 'good', new Date(T), opts);
  const c3 = await card('demo/c3');
  await setDueCards(db, ['demo/c1'], due('7!'), run);
  expect(await card('demo/c1')).toMatchObject({ due: DAY.start + 7 * DAY_MS, scheduledDays: 7 });
  await setDueCards(db, ['demo/c3'], due('10'), run);
  const after = await card('demo/c3');
  expect(after).toMatchObject({ due: DAY.start + 10 * DAY_MS, stability: c3.stability, state: c3.state });
});

test('an undo is refused, and nothing changes, when a card changed since', async () => {
  const u = await setDueCards(db, ['demo/c1', 'demo/c2'], due('0'), {
    now: T,
    todayStart: DAY.start,
    seed: 1,
    settings: () => DEFAULT_SCHEDULER_SETTINGS,
  });
  await answerCard(db, 'demo/c2', 'good', new Date(T + 1000), opts);
  const c1 = await card('demo/c1');
  await expect(undoBulk(db, u, T + 2000)).rejects.toBeInstanceOf(MarksConflictError);
  expect(await card('demo/c1')).toEqual(c1);
  expect(await db.reviewLogs.filter((l) => l.kind === 'manual').count()).toBe(2);
});

test('move: the cards get the target’s ids at the end of its new cards, their history follows, the undo takes them back', async () => {
  await answerCard(db, 'demo/c1', 'good', new Date(T), opts);
  await suspendCards(db, ['demo/c1'], true, T);
  const u = await moveCards(db, ['demo/c1', 'demo/r1:reverse'], 'mine', T);
  expect(await ids('mine/')).toEqual(['mine/c1', 'mine/r1:reverse']);
  const moved = await card('mine/c1');
  expect(moved).toMatchObject({ deckId: 'mine', noteId: 'mine/c1', position: 0 });
  // Its marks moved with it: under the new id (in the target deck's range of the marks table), none left at the old.
  expect(await marksOf('mine/c1')).toEqual({ suspended: true });
  expect(await marksOf('demo/c1')).toBeUndefined();
  expect((await card('mine/r1:reverse')).position).toBe(1);
  expect(await card('demo/c1')).toBeUndefined();
  expect((await db.reviewLogs.where('cardId').equals('mine/c1').toArray()).map((l) => l.deckId)).toEqual(['mine']);
  // A second move of a card of the same name gets a name of its own.
  await upsertDeck(db, basicDeck(1, { id: 'other' }), expandDeck(basicDeck(1, { id: 'other' })), {
    hash: 'o',
    builtin: false,
    now: T,
  });
  await moveCards(db, ['other/c1'], 'mine', T);
  expect(await card('mine/c1-2')).toMatchObject({ noteId: 'mine/c1-2', position: 2 });
  await undoBulk(db, await moveCards(db, [], 'mine', T), T);
  await expect(undoBulk(db, u, T)).resolves.toBeUndefined();
  expect(await card('demo/c1')).toMatchObject({ deckId: 'demo', noteId: 'demo/c1', position: 0 });
  expect(await marksOf('demo/c1')).toEqual({ suspended: true });
  expect(await marksOf('mine/c1')).toBeUndefined();
  expect(await db.reviewLogs.where('cardId').equals('demo/c1').count()).toBe(1);
  expect(await ids('mine/')).toEqual(['mine/c1-2']);
  expect(await db.builtinOverrides.count()).toBe(0);
});

test('move: refused to a built-in deck or one that is not there, nothing written', async () => {
  await expect(moveCards(db, ['demo/c1'], 'nope', T)).rejects.toBeInstanceOf(MoveTargetError);
  await expect(moveCards(db, ['mine/x'], 'demo', T)).rejects.toMatchObject({ reason: 'builtin' });
  expect(await card('demo/c1')).toBeDefined();
});

test('delete: cards and their logs go; the undo puts both back', async () => {
  await answerCard(db, 'demo/c1', 'good', new Date(T), opts);
  const u = await deleteCards(db, ['demo/c1', 'demo/c2'], T);
  expect(u.deleted).toHaveLength(2);
  expect(await db.cards.count()).toBe(4);
  expect(await db.reviewLogs.count()).toBe(0);
  await undoBulk(db, u, T);
  expect(await db.cards.count()).toBe(6);
  expect(await db.reviewLogs.where('cardId').equals('demo/c1').count()).toBe(1);
  expect(await db.builtinOverrides.count()).toBe(0);
});

test('built-in deck updated after a move, a tag change and a delete: the user’s changes stay', async () => {
  await sync(demo(['file']), 'h2');
  await moveCards(db, ['demo/c1'], 'mine', T);
  await changeTags(db, ['demo/c2'], { add: ['mine'] }, T);
  await changeTags(db, ['demo/c3'], { drop: ['file'] }, T);
  expect((await card('demo/c3')).tags).toEqual([]);
  await deleteCards(db, ['demo/c4', 'demo/r1:reverse'], T);
  // The new version of the deck file: tags of its own, a changed text, a new card.
  const next = demo(['file']);
  next.cards[1] = { ...next.cards[1]!, front: { en: 'Q2 new', zh: '问2 新' } } as Deck['cards'][number];
  next.cards.push({ ...next.cards[0]!, id: 'c9' });
  const result = await sync(next, 'h3');
  expect(result.skipped).toBe(false);
  expect(await ids('demo/')).toEqual(['demo/c2', 'demo/c3', 'demo/c9', 'demo/r1']);
  expect(await card('mine/c1')).toMatchObject({ deckId: 'mine' });
  expect((await card('demo/c2')).tags).toEqual(['file', 'mine']);
  expect(((await card('demo/c2')).content as { front: { en: string } }).front.en).toBe('Q2 new');
  expect((await card('demo/c3')).tags).toEqual([]);
  expect((await card('demo/r1')).tags).toEqual(['file']);
});

test('a backup holds the manual log entries and the built-in overrides, and restores them', async () => {
  const { createBackup, readBackupFile, restoreBackup } = await import('../../src/db/backup-repo');
  await resetCards(db, ['demo/c1'], false, T);
  await answerCard(db, 'demo/c2', 'good', new Date(T), opts);
  await setDueCards(db, ['demo/c2'], due('3!'), {
    now: T,
    todayStart: DAY.start,
    seed: 1,
    settings: () => DEFAULT_SCHEDULER_SETTINGS,
  });
  await deleteCards(db, ['demo/c3'], T);
  const backup = await createBackup(db, T);
  const target = new DockdeckDB(`bulk-restore-${Math.random().toString(36).slice(2)}`);
  try {
    await restoreBackup(target, readBackupFile(target, backup.bytes));
    expect((await target.reviewLogs.toArray()).map((l) => [l.cardId, l.kind, l.rating]).sort()).toEqual([
      ['demo/c2', 'manual', 'set-due'],
      ['demo/c2', 'review', 'good'],
    ]);
    expect(await target.builtinOverrides.toArray()).toEqual(await db.builtinOverrides.toArray());
  } finally {
    await target.delete();
  }
});

test('rated: counts answers only: a reset and a set due date are no answer', async () => {
  const { readBrowseData } = await import('../../src/db/browse-repo');
  await answerCard(db, 'demo/c1', 'good', new Date(T), opts);
  await resetCards(db, ['demo/c1'], false, T + 1000);
  await setDueCards(db, ['demo/c2'], due('1'), {
    now: T,
    todayStart: DAY.start,
    seed: 1,
    settings: () => DEFAULT_SCHEDULER_SETTINGS,
  });
  const { ratings } = await readBrowseData(db, {}, DAY.start);
  expect([...ratings.entries()]).toEqual([['demo/c1', [{ review: T, rating: 'good' }]]]);
});
