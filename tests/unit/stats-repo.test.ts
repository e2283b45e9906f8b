// The statistics' day counters in the database: kept in the same transaction as every write of the log (answer,
// undo, bulk put, delete, clear), filled by the version 10 upgrade, rebuilt when the calendar changes.
import Dexie from 'dexie';
import { DockdeckDB, type ReviewLogRow } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { answerCard, undoAnswer } from '../../src/db/review-repo';
import { ensureCounters, rebuildCounters } from '../../src/db/stats-repo';
import { browserCalendar } from '../../src/db/stats-counters';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { countersFromLogs, type DayCounter } from '../../src/domain/stats/day-counters';
import type { StatsLog } from '../../src/domain/stats/stats-rows';
import { expandDeck } from '../../src/domain/study-card';
import { basicDeck } from './helpers/basic-deck';

const DAY = 86_400_000;
const T = new Date('2026-03-02T10:00:00').getTime();
let db: DockdeckDB;

beforeEach(() => {
  db = new DockdeckDB(`stats-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const sorted = (cs: Iterable<DayCounter>) => [...cs].sort((a, b) => a.deckId.localeCompare(b.deckId) || a.day - b.day);

async function expectCountersMatchLog(hour = 4) {
  const logs = (await db.reviewLogs.toArray()) as StatsLog[];
  const want = sorted(countersFromLogs(logs, browserCalendar(hour)).values());
  expect(sorted(await db.dayCounters.toArray())).toEqual(want);
}

function log(id: string, deckId: string, review: number, over: Partial<ReviewLogRow> = {}): ReviewLogRow {
  const memory = { due: review, stability: 5, difficulty: 5, elapsedDays: 3, scheduledDays: 30, learningSteps: 0 };
  return {
    id,
    cardId: `${deckId}/c${id}`,
    deckId,
    review,
    state: 2,
    elapsedDays: 30,
    scheduledDays: 30,
    durationMs: 4000,
    rating: 'good',
    kind: 'review',
    before: { ...memory, reps: 1, lapses: 0, state: 2, lastReview: review - 30 * DAY },
    after: { ...memory, reps: 2, lapses: 0, state: 2, lastReview: review },
    ...over,
  } as ReviewLogRow;
}

test('an answer adds to its day counter in its transaction, and its undo takes it back', async () => {
  const d = basicDeck(3);
  await upsertDeck(db, d, expandDeck(d), { hash: 'h', builtin: false, now: T });
  const cards = await db.cards.toArray();
  const opts = { durationMs: 3000, settings: DEFAULT_SCHEDULER_SETTINGS };
  const a = await answerCard(db, cards[0]!.id, 'good', new Date(T), opts);
  await expectCountersMatchLog();
  const b = await answerCard(db, cards[1]!.id, 'again', new Date(T + 60_000), opts);
  const [counter] = await db.dayCounters.toArray();
  expect(counter).toMatchObject({ answers: 2, again: 1, introduced: 2, timeMs: 6000 });
  await undoAnswer(db, b.id, T + 120_000);
  await expectCountersMatchLog();
  expect((await db.dayCounters.toArray())[0]).toMatchObject({ answers: 1, again: 0 });
  await undoAnswer(db, a.id, T + 180_000);
  expect(await db.dayCounters.count()).toBe(0);
});

test('a failed answer transaction leaves the counters as they were', async () => {
  await expect(
    db.transaction('rw', db.reviewLogs, async () => {
      await db.reviewLogs.add(log('x', 'd1', T));
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  expect(await db.dayCounters.count()).toBe(0);
});

test('bulk puts, replacing puts (a move to another deck), deletes and a clear keep the counters equal to the log', async () => {
  await db.reviewLogs.bulkPut([
    log('1', 'd1', T),
    log('2', 'd1', T - DAY),
    log('3', 'd2', T - 40 * DAY, { rating: 'again', scheduledDays: 2 }),
    log('4', 'd2', T, { kind: 'manual', rating: 'reset' } as Partial<ReviewLogRow>),
  ]);
  await expectCountersMatchLog();
  await db.reviewLogs.put(log('1', 'd2', T));
  await expectCountersMatchLog();
  await db.reviewLogs
    .where('review')
    .below(T - DAY / 2)
    .delete();
  await expectCountersMatchLog();
  await db.reviewLogs.bulkDelete(['1']);
  await expectCountersMatchLog();
  await db.reviewLogs.bulkPut([log('5', 'd1', T), log('6', 'd1', T + 1)]);
  await db.reviewLogs.clear();
  expect(await db.dayCounters.count()).toBe(0);
});

test('a rebuild for another day start hour recounts the days and notes the calendar', async () => {
  const late = new Date('2026-03-02T02:30:00').getTime();
  await db.reviewLogs.bulkPut([log('1', 'd1', late), log('2', 'd1', T)]);
  expect(await db.dayCounters.count()).toBe(2);
  expect(await ensureCounters(db, 4)).toBe(true);
  expect(await ensureCounters(db, 4)).toBe(false);
  await rebuildCounters(db, 0);
  expect(await db.dayCounters.count()).toBe(1);
  await expectCountersMatchLog(0);
  await db.reviewLogs.add(log('3', 'd1', T + 1000));
  await expectCountersMatchLog(0);
  expect(await ensureCounters(db, 4)).toBe(true);
  await expectCountersMatchLog(4);
});

test('version 9 → 10: the upgrade fills the counters from the log', async () => {
  const name = db.name;
  db.close();
  await Dexie.delete(name);
  const v9 = new Dexie(name);
  v9.version(9).stores({
    decks: 'id',
    cards: 'id, [deckId+state+due], [deckId+state+position], *tags, [deckId+position], parkedDeck',
    reviewLogs: 'id, cardId, review, [deckId+review]',
    settings: 'key',
    quizAttempts: 'id, startedAt',
    media: '[deckId+name], deckId',
    noteEdits: '[deckId+cardId], deckId',
    builtinOverrides: 'id, deckId',
  });
  const logs = Array.from({ length: 300 }, (_, i) =>
    log(`l${i}`, `d${i % 3}`, T - (i % 50) * DAY - i * 1000, { rating: i % 7 === 0 ? 'again' : 'good' }),
  );
  await v9.table('reviewLogs').bulkAdd(logs);
  await v9.table('settings').put({ key: 'study', value: { dayStartHour: 4 }, updatedAt: 1 });
  v9.close();
  db = new DockdeckDB(name);
  await db.open();
  expect(await db.dayCounters.count()).toBeGreaterThan(100);
  await expectCountersMatchLog();
  // The upgrade notes no calendar (a restore of an old backup gives the same rows): the page rebuilds once.
  expect(await ensureCounters(db, 4)).toBe(true);
  await expectCountersMatchLog();
  expect(await ensureCounters(db, 4)).toBe(false);
});
