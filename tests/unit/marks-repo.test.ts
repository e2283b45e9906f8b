// Suspend, bury and flag on fake IndexedDB: one transaction each, exact undo, parked cards left out of queues and
// counts, a burial over at the next study day, and marks kept when the deck file is loaded again. The marks are in
// the `cardMarks` table (database version 11): a card row is never written by a mark.
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { MarksConflictError } from '../../src/db/errors';
import { buryCards, flagCards, parkedCards, suspendCards, undoMarks } from '../../src/db/marks-repo';
import { answerCard, deckCounts, loadQueue } from '../../src/db/review-repo';
import { dayWindow } from '../../src/domain/day-window';
import type { Deck } from '../../src/domain/deck-schema';
import { flagNumber, isParked } from '../../src/domain/marks';
import { DEFAULT_QUEUE_LIMITS } from '../../src/domain/queue';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import { MARK_BUCKETS, bucketOf, existingCards, readMarks } from '../../src/db/marks-table';
import { basicDeck } from './helpers/basic-deck';

const T = new Date('2026-03-02T10:00:00').getTime();
const DAY = dayWindow(T, 4);
const t = (en: string) => ({ en, zh: `${en}（中）` });

const deck = (n: number, title = 'Demo'): Deck => basicDeck(n, { title });

let db: DockdeckDB;
beforeEach(async () => {
  db = new DockdeckDB(`marks-${Math.random().toString(36).slice(2)}`);
  const d = deck(5);
  await upsertDeck(db, d, expandDeck(d), { hash: 'h1', builtin: true, now: T });
});
afterEach(async () => {
  await db.delete();
});

const marksOf = async (id: string) => (await readMarks(db, [id])).get(id) ?? {};

const queueIds = async (now = T, day = DAY) =>
  (await loadQueue(db, 'demo', now, day, DEFAULT_QUEUE_LIMITS)).queue.cards.map((c) => c.id);

test('a suspended card leaves the queue and the counts, and the next new card takes its place', async () => {
  const limits = { ...DEFAULT_QUEUE_LIMITS, newPerDay: 3 };
  const before = (await loadQueue(db, 'demo', T, DAY, limits)).queue.cards.map((c) => c.id);
  expect(before).toEqual(['demo/c1', 'demo/c2', 'demo/c3']);
  const changes = await suspendCards(db, ['demo/c1'], true, T);
  expect(changes).toEqual([{ id: 'demo/c1', before: {}, after: { suspended: true } }]);
  expect((await loadQueue(db, 'demo', T, DAY, limits)).queue.cards.map((c) => c.id)).toEqual([
    'demo/c2',
    'demo/c3',
    'demo/c4',
  ]);
  expect((await deckCounts(db, 'demo', DAY, { ...DEFAULT_QUEUE_LIMITS, newPerDay: 20 })).new).toBe(4);
  expect([...(await parkedCards(db, 'demo', T)).keys()]).toEqual(['demo/c1']);
  // Unsuspended, it is back.
  await suspendCards(db, ['demo/c1'], false, T);
  expect(await queueIds()).toContain('demo/c1');
  expect(await marksOf('demo/c1')).toEqual({});
  // No mark left: no marks row left either.
  expect(await db.cardMarks.count()).toBe(0);
});

test('a buried card is away for the rest of the study day and back the next day', async () => {
  await buryCards(db, ['demo/c2'], DAY.end, T);
  expect(await queueIds()).not.toContain('demo/c2');
  const counts = await deckCounts(db, 'demo', DAY, DEFAULT_QUEUE_LIMITS);
  expect(counts.new).toBe(4);
  // One minute before the day ends it is still buried; at the next day's start it is back.
  expect(await queueIds(DAY.end - 60_000)).not.toContain('demo/c2');
  const next = dayWindow(DAY.end + 60_000, 4);
  expect(await queueIds(DAY.end + 60_000, next)).toContain('demo/c2');
  expect((await deckCounts(db, 'demo', next, DEFAULT_QUEUE_LIMITS)).new).toBe(5);
});

test('a suspended review card is not due; its memory is never touched', async () => {
  await answerCard(db, 'demo/c1', 'easy', new Date(T), { durationMs: 1000, settings: DEFAULT_SCHEDULER_SETTINGS });
  const row = (await db.cards.get('demo/c1'))!;
  await suspendCards(db, ['demo/c1'], true, T + 5000);
  // The card row is not written at all: the mark is in the marks table.
  expect(await db.cards.get('demo/c1')).toEqual(row);
  expect(await marksOf('demo/c1')).toEqual({ suspended: true });
  expect(await db.cardMarks.toArray()).toEqual([
    { deckId: 'demo', bucket: bucketOf('demo/c1'), cards: { 'demo/c1': { suspended: true } } },
  ]);
  const later = row.due + 60_000;
  expect(await queueIds(later, dayWindow(later, 4))).not.toContain('demo/c1');
});

test('flags 1–7 are set and cleared; a flag alone does not park a card', async () => {
  await flagCards(db, ['demo/c3', 'demo/c4'], 2, T);
  expect(await marksOf('demo/c3')).toEqual({ flag: 2 });
  expect(await queueIds()).toContain('demo/c3');
  const cleared = await flagCards(db, ['demo/c3'], 0, T);
  expect(cleared).toEqual([{ id: 'demo/c3', before: { flag: 2 }, after: {} }]);
  expect(flagNumber(7)).toBe(7);
  expect(flagNumber(8)).toBeNull();
  expect(flagNumber(1.5)).toBeNull();
  expect(isParked({ flag: 3 }, T)).toBe(false);
});

test('undo restores exactly what changed, and refuses (changing nothing) when a card changed again since', async () => {
  const first = await suspendCards(db, ['demo/c1', 'demo/c2'], true, T);
  const second = await flagCards(db, ['demo/c2'], 5, T);
  // The first change cannot be undone while c2 carries the later flag: nothing is undone.
  await expect(undoMarks(db, first, T)).rejects.toBeInstanceOf(MarksConflictError);
  expect(await marksOf('demo/c1')).toEqual({ suspended: true });
  expect(await marksOf('demo/c2')).toEqual({ suspended: true, flag: 5 });
  await undoMarks(db, second, T);
  await undoMarks(db, first, T);
  for (const id of ['demo/c1', 'demo/c2']) expect(await marksOf(id)).toEqual({});
  expect(await db.cardMarks.count()).toBe(0);
});

test('cards that do not exist are left alone; an undo leaves out a card deleted since', async () => {
  const changes = await suspendCards(db, ['demo/c1', 'demo/nope', 'other/c1'], true, T);
  expect(changes.map((c) => c.id)).toEqual(['demo/c1']);
  expect([...(await existingCards(db, ['demo/c5', 'demo/c1', 'demo/c9', 'demo/c10']))].sort()).toEqual([
    'demo/c1',
    'demo/c5',
  ]);
  const both = await flagCards(db, ['demo/c2', 'demo/c3'], 1, T);
  await db.cards.delete('demo/c3');
  await undoMarks(db, both, T);
  expect(await marksOf('demo/c2')).toEqual({});
});

test('the marks of many cards are written a bucket at a time, and every card keeps its own', async () => {
  const big = deck(300);
  await upsertDeck(db, big, expandDeck(big), { hash: 'big', builtin: true, now: T });
  const ids = expandDeck(big).map((c) => c.id);
  expect(ids).toHaveLength(300);
  await suspendCards(db, ids.slice(0, 200), true, T);
  await flagCards(db, ids.slice(100, 300), 3, T);
  const rows = await db.cardMarks.toArray();
  expect(rows.length).toBeLessThanOrEqual(MARK_BUCKETS);
  expect(rows.every((r) => Object.keys(r.cards).every((id) => bucketOf(id) === r.bucket))).toBe(true);
  const marks = await readMarks(db, ids);
  expect(marks.size).toBe(300);
  expect(marks.get(ids[0]!)).toEqual({ suspended: true });
  expect(marks.get(ids[150]!)).toEqual({ suspended: true, flag: 3 });
  expect(marks.get(ids[299]!)).toEqual({ flag: 3 });
  expect((await loadQueue(db, 'demo', T, DAY, { ...DEFAULT_QUEUE_LIMITS, newPerDay: 500 })).queue.cards).toHaveLength(
    100,
  );
});

test('a suspended, flagged card keeps its marks when the deck file is loaded again with new content', async () => {
  await suspendCards(db, ['demo/c1'], true, T);
  await flagCards(db, ['demo/c1'], 4, T);
  const edited = deck(5, 'Demo, edited');
  edited.cards[0] = { ...edited.cards[0]!, back: t('A1, corrected') } as Deck['cards'][number];
  await upsertDeck(db, edited, expandDeck(edited), { hash: 'h2', builtin: true, now: T + 1000 });
  const row = (await db.cards.get('demo/c1'))!;
  expect(row.content).toMatchObject({ back: t('A1, corrected') });
  expect(await marksOf('demo/c1')).toEqual({ suspended: true, flag: 4 });
  expect(await queueIds()).not.toContain('demo/c1');
});

test('a card the deck file no longer has goes with its marks', async () => {
  await suspendCards(db, ['demo/c1', 'demo/c5'], true, T);
  const shorter = deck(4);
  await upsertDeck(db, shorter, expandDeck(shorter), { hash: 'h3', builtin: true, now: T + 1000 });
  expect(await db.cards.get('demo/c5')).toBeUndefined();
  expect(await marksOf('demo/c5')).toEqual({});
  expect(await marksOf('demo/c1')).toEqual({ suspended: true });
});
