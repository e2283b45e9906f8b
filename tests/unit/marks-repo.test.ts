// Suspend, bury and flag on fake IndexedDB: one transaction each, exact undo, parked cards left out of queues and
// counts, a burial over at the next study day, and marks kept when the deck file is loaded again.
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
  expect((await db.cards.get('demo/c1'))!.parkedDeck).toBeUndefined();
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
  await suspendCards(db, ['demo/c1'], true, T);
  const after = (await db.cards.get('demo/c1'))!;
  const { suspended: _s, parkedDeck: _p, updatedAt: _u, ...memoryAfter } = after;
  const { updatedAt: _u2, ...memoryBefore } = row;
  expect(memoryAfter).toEqual(memoryBefore);
  const later = row.due + 60_000;
  expect(await queueIds(later, dayWindow(later, 4))).not.toContain('demo/c1');
});

test('flags 1–7 are set and cleared; a flag alone does not park a card', async () => {
  await flagCards(db, ['demo/c3', 'demo/c4'], 2, T);
  expect((await db.cards.get('demo/c3'))!.flag).toBe(2);
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
  expect((await db.cards.get('demo/c1'))!.suspended).toBe(true);
  await undoMarks(db, second, T);
  await undoMarks(db, first, T);
  for (const id of ['demo/c1', 'demo/c2']) {
    const row = (await db.cards.get(id))!;
    expect([row.suspended, row.flag, row.parkedDeck]).toEqual([undefined, undefined, undefined]);
  }
});

test('a suspended, flagged card keeps its marks when the deck file is loaded again with new content', async () => {
  await suspendCards(db, ['demo/c1'], true, T);
  await flagCards(db, ['demo/c1'], 4, T);
  const edited = deck(5, 'Demo, edited');
  edited.cards[0] = { ...edited.cards[0]!, back: t('A1, corrected') } as Deck['cards'][number];
  await upsertDeck(db, edited, expandDeck(edited), { hash: 'h2', builtin: true, now: T + 1000 });
  const row = (await db.cards.get('demo/c1'))!;
  expect(row.content).toMatchObject({ back: t('A1, corrected') });
  expect([row.suspended, row.flag, row.parkedDeck]).toEqual([true, 4, 'demo']);
  expect(await queueIds()).not.toContain('demo/c1');
});
