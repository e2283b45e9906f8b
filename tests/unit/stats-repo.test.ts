// The statistics' day counters in the database: kept in the same transaction as every write of the log (answer,
// undo, bulk put, delete, clear), filled by the version 10 upgrade, rebuilt when the calendar changes, counted in the
// calendar each connection caches (dropped on a change of the day start, here or in another tab); and the cards the
// page reads.
import Dexie from 'dexie';
import { DockdeckDB, type ReviewLogRow } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { answerCard, undoAnswer } from '../../src/db/review-repo';
import { ensureCounters, readStatsCards, rebuildCounters } from '../../src/db/stats-repo';
import { browserCalendar, calendarChannelName, onCalendarDropped } from '../../src/db/stats-counters';
import { markedCards, putMarks } from '../../src/db/marks-table';
import { writeSettings } from '../../src/db/settings-repo';
import { DEFAULT_SETTINGS, DEFAULT_STUDY_SETTINGS } from '../../src/domain/settings';
import { cardCounts } from '../../src/domain/stats/card-counts';
import { memorySummary } from '../../src/domain/stats/memory';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { countersFromLogs, type DayCounter } from '../../src/domain/stats/day-counters';
import type { StatsLog } from '../../src/domain/stats/stats-rows';
import { expandDeck } from '../../src/domain/study-card';
import { basicDeck } from './helpers/basic-deck';
import { openOldDatabase } from './helpers/old-db';

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
  const v9 = openOldDatabase(name, 9);
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

describe('the counters’ calendar, kept by each connection', () => {
  // 02:30 local: before a 04:00 day start (the day before), after a 00:00 one (the same day).
  const late = new Date('2026-03-02T02:30:00').getTime();
  const opts = { durationMs: 3000, settings: DEFAULT_SCHEDULER_SETTINGS };

  async function threeCards() {
    const d = basicDeck(3);
    await upsertDeck(db, d, expandDeck(d), { hash: 'h', builtin: false, now: late - DAY });
    return (await db.cards.toArray()).map((c) => c.id);
  }
  const dayOfCounter = async () => (await db.dayCounters.toArray()).map((c) => [c.day, c.answers]);

  test('a day start changed in the settings is picked up by the next answer (no counters calendar noted yet)', async () => {
    const [a, b] = await threeCards();
    await answerCard(db, a!, 'good', new Date(late), opts);
    expect(await dayOfCounter()).toEqual([[browserCalendar(4).dayOf(late), 1]]);
    await writeSettings(db, { study: { ...DEFAULT_STUDY_SETTINGS, dayStartHour: 0 } }, late);
    await answerCard(db, b!, 'good', new Date(late + 60_000), opts);
    // The second answer is counted in the new calendar: on the day of 02:31 with a 00:00 day start.
    expect(await db.dayCounters.get(['demo', browserCalendar(0).dayOf(late)])).toMatchObject({ answers: 1 });
    expect(browserCalendar(0).dayOf(late)).toBe(browserCalendar(4).dayOf(late) + 1);
  });

  test('a rebuild in another connection of this page is picked up by this one’s next answer, and back', async () => {
    const [a, b, c] = await threeCards();
    await answerCard(db, a!, 'good', new Date(late), opts);
    const other = new DockdeckDB(db.name);
    try {
      await rebuildCounters(other, 0);
      await answerCard(db, b!, 'good', new Date(late + 60_000), opts);
      await expectCountersMatchLog(0);
      await answerCard(other, c!, 'again', new Date(late + 120_000), opts);
      await expectCountersMatchLog(0);
    } finally {
      other.close();
    }
  });

  test('another tab’s change reaches this connection by its message; until then the cached calendar is used', async () => {
    const [a, b, c] = await threeCards();
    await answerCard(db, a!, 'good', new Date(late), opts);
    // Another tab: a connection without this page's middleware writes the calendar, then sends what its page would.
    const tab = new Dexie(db.name);
    await tab.open();
    await tab.table('settings').put({ key: 'stats-counters', value: { dayStartHour: 0, timeZone: 'x' }, updatedAt: 0 });
    tab.close();
    // Not told yet: the calendar is not read again for each answer.
    await answerCard(db, b!, 'good', new Date(late + 60_000), opts);
    expect(await dayOfCounter()).toEqual([[browserCalendar(4).dayOf(late), 2]]);
    const dropped = new Promise<void>((resolve) => {
      const off = onCalendarDropped((e) => {
        if (e.name === db.name && e.remote) {
          off();
          resolve();
        }
      });
    });
    const channel = new BroadcastChannel(calendarChannelName(db.name));
    channel.postMessage('dropped');
    await dropped;
    channel.close();
    await answerCard(db, c!, 'good', new Date(late + 120_000), opts);
    expect(await db.dayCounters.get(['demo', browserCalendar(0).dayOf(late)])).toMatchObject({ answers: 1 });
  });

  test('a rebuild reports its progress, slice by slice, up to every entry', async () => {
    await db.reviewLogs.bulkPut(Array.from({ length: 30 }, (_, i) => log(`p${i}`, 'd1', T - i * DAY)));
    const seen: [number, number][] = [];
    await rebuildCounters(db, 4, (done, total) => seen.push([done, total]));
    expect(seen.at(-1)).toEqual([30, 30]);
    await expectCountersMatchLog(4);
  });
});

describe('the cards the page reads', () => {
  test('studied and parked rows, the other new cards by id: the same counts and memory as every row read', async () => {
    const d = basicDeck(6);
    await upsertDeck(db, d, expandDeck(d), { hash: 'h', builtin: false, now: T - DAY });
    const ids = (await db.cards.toArray()).map((c) => c.id).sort();
    const opts = { durationMs: 3000, settings: DEFAULT_SCHEDULER_SETTINGS };
    await answerCard(db, ids[0]!, 'good', new Date(T - DAY), opts);
    await answerCard(db, ids[1]!, 'again', new Date(T - DAY), opts);
    // A new card suspended, a new one buried until tomorrow, a new one only flagged (not parked).
    await db.transaction('rw', db.cardMarks, db.cards, () =>
      putMarks(
        db,
        new Map([
          [ids[2]!, { suspended: true }],
          [ids[3]!, { buriedUntil: T + DAY }],
          [ids[4]!, { flag: 2 }],
        ]),
      ),
    );
    const settings = DEFAULT_SETTINGS;
    const read = await readStatsCards(db, { kind: 'deck', deckId: 'demo' }, T, settings);
    expect(read.cards.map((c) => c.id).sort()).toEqual([ids[0], ids[1], ids[2], ids[3]]);
    expect(read.unread.count).toBe(2);
    const every = (await markedCards(db, ids)).filter((c) => c !== undefined);
    expect(cardCounts(read.cards, T, read.unread)).toEqual(cardCounts(every, T));
    expect(cardCounts(read.cards, T, read.unread)).toMatchObject({ new: 2, suspended: 1, buried: 1, total: 6 });
    const decay = () => 0.5;
    const sortedR = (m: ReturnType<typeof memorySummary>) => ({
      ...m,
      retrievabilities: [...m.retrievabilities].sort(),
    });
    expect(sortedR(memorySummary(read.cards, T, decay, read.unread))).toEqual(sortedR(memorySummary(every, T, decay)));
    const all = await readStatsCards(db, { kind: 'all' }, T, settings);
    expect(cardCounts(all.cards, T, all.unread)).toEqual(cardCounts(every, T));
  });
});
