// Pins Check database (db/check-repo.ts) on fake IndexedDB: what it checks besides the replay (log entries of cards
// gone, cards of decks gone, the day counters), that a damaged log entry is recomputed from its rating, and that an
// imported history's manual entries are logged so that an imported card is the replay of its log too.
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { answerCard, memoryOf } from '../../src/db/review-repo';
import { checkDatabase } from '../../src/db/check-repo';
import { importDrafts } from '../../src/db/import-repo';
import { rebuildCounters } from '../../src/db/stats-repo';
import { parseDockdeckJson } from '../../src/formats/dockdeck/read';
import type { ImportedReview } from '../../src/formats/import/draft';
import { CardState, DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { expandDeck } from '../../src/domain/study-card';
import { basicDeck } from './helpers/basic-deck';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T = new Date('2026-03-02T10:00:00').getTime();
const quick = { now: T, pause: async () => {} };

let db: DockdeckDB;
beforeEach(async () => {
  db = new DockdeckDB(`check-${Math.random().toString(36).slice(2)}`);
  const deck = basicDeck(5);
  await upsertDeck(db, deck, expandDeck(deck), { hash: 'h', builtin: false, now: T });
});
afterEach(async () => {
  await db.delete();
});

const answer = (id: string, rating: 'again' | 'good', at: number) =>
  answerCard(db, id, rating, new Date(at), { durationMs: 1000, settings: DEFAULT_SETTINGS });

test('a healthy database: everything counted, nothing repaired', async () => {
  await answer('demo/c1', 'good', T);
  await answer('demo/c1', 'good', T + 10 * MIN);
  await answer('demo/c2', 'again', T + MIN);
  await answerCard(db, 'demo/c3', 'good', new Date(T + 2 * MIN), {
    durationMs: 1,
    settings: DEFAULT_SETTINGS,
    kind: 'cram',
  });
  await rebuildCounters(db, DEFAULT_SETTINGS.study.dayStartHour);
  const seen: Array<[number, number]> = [];
  const report = await checkDatabase(db, { ...quick, slice: 2, onProgress: (d, t) => seen.push([d, t]) });
  expect(report).toMatchObject({
    cards: 5,
    logs: 4,
    recomputed: 3,
    asLogged: 0,
    cram: 1,
    manual: 0,
    repaired: 0,
    repairedIds: [],
    orphanLogs: 0,
    orphanCards: 0,
    countersRebuilt: false,
    counterDays: 1,
  });
  expect(seen).toEqual([
    [0, 5],
    [2, 5],
    [4, 5],
    [5, 5],
  ]);
});

test('a card studied without a log entry is put back to never studied; one without its last answer, to the log', async () => {
  await answer('demo/c1', 'good', T);
  const first = memoryOf((await db.cards.get('demo/c1'))!);
  await answer('demo/c1', 'good', T + 10 * MIN);
  // The last answer's log row lost (as if a crash had written the card alone).
  const last = await db.reviewLogs.where('cardId').equals('demo/c1').sortBy('review');
  await db.reviewLogs.delete(last.at(-1)!.id);
  await db.cards.update('demo/c2', { state: CardState.Review, stability: 12, reps: 3 });
  const report = await checkDatabase(db, quick);
  expect(report.repaired).toBe(2);
  expect(report.repairedIds).toEqual(['demo/c1', 'demo/c2']);
  expect(memoryOf((await db.cards.get('demo/c1'))!)).toEqual(first);
  const c2 = (await db.cards.get('demo/c2'))!;
  expect(c2).toMatchObject({ state: CardState.New, stability: 0, reps: 0, lastReview: null, updatedAt: T });
});

test('a log entry whose result is no memory is recomputed from its rating and time', async () => {
  const log = await answer('demo/c1', 'good', T);
  const good = memoryOf((await db.cards.get('demo/c1'))!);
  await db.reviewLogs.update(log.id, { after: { ...log.after, stability: Number.NaN } });
  await db.cards.update('demo/c1', { stability: Number.NaN });
  const report = await checkDatabase(db, quick);
  expect(report.logProblems).toEqual({ 'broken-chain': 0, 'bad-after': 1, 'cram-moved': 0 });
  expect(report.repairedIds).toEqual(['demo/c1']);
  expect(memoryOf((await db.cards.get('demo/c1'))!)).toEqual(good);
});

test('log entries of cards gone and cards of decks gone are reported and kept; wrong day counters are rebuilt', async () => {
  await answer('demo/c1', 'good', T);
  await answer('demo/c4', 'good', T);
  await rebuildCounters(db, DEFAULT_SETTINGS.study.dayStartHour);
  // A card gone with its log left behind (between other cards' ids, and after the last), a card whose deck is gone.
  await db.cards.delete('demo/c1');
  const orphan = (await db.reviewLogs.where('cardId').equals('demo/c4').first())!;
  await db.reviewLogs.put({ ...orphan, id: 'zz-log', cardId: 'zz/gone' });
  const c5 = (await db.cards.get('demo/c5'))!;
  await db.cards.put({ ...c5, id: 'gone/c5', deckId: 'gone' });
  const counter = (await db.dayCounters.toArray())[0]!;
  await db.dayCounters.put({ ...counter, answers: counter.answers + 7 });
  const report = await checkDatabase(db, { ...quick, slice: 2 });
  expect(report).toMatchObject({ orphanLogs: 2, orphanCards: 1, countersRebuilt: true, repaired: 0 });
  expect(await db.reviewLogs.count()).toBe(3);
  expect(await db.cards.get('gone/c5')).toBeDefined();
  const again = await checkDatabase(db, quick);
  expect(again.countersRebuilt).toBe(false);
});

test('an imported history with manual entries (Anki reset, set due date) is logged whole: the card is its replay', async () => {
  const text = JSON.stringify(basicDeck(1, { id: 'mine' }));
  const r = parseDockdeckJson('mine.json', text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const at = (day: number) => T - 60 * DAY + day * DAY;
  const history: ImportedReview[] = [
    { cardId: 'mine/c1', review: at(0), rating: 'good', durationMs: 1000 },
    { cardId: 'mine/c1', review: at(3), rating: 'good', durationMs: 1000 },
    {
      cardId: 'mine/c1',
      review: at(5),
      rating: 'manual',
      durationMs: 0,
      manual: { state: CardState.Review, due: at(40) },
    },
    { cardId: 'mine/c1', review: at(6), rating: 'manual', durationMs: 0, manual: { state: CardState.New } },
    { cardId: 'mine/c1', review: at(7), rating: 'easy', durationMs: 1000 },
    {
      cardId: 'mine/c1',
      review: at(9),
      rating: 'manual',
      durationMs: 0,
      manual: { state: CardState.Review, due: at(70) },
    },
  ];
  const [result] = await importDrafts(
    db,
    r.value.map((d) => ({ ...d, history })),
    { now: T, includeScheduling: true, settings: DEFAULT_SCHEDULER_SETTINGS },
  );
  expect(result).toMatchObject({ scheduled: 1, reviews: 3 });
  const logs = await db.reviewLogs.where('cardId').equals('mine/c1').sortBy('review');
  expect(logs.map((l) => [l.kind, l.rating])).toEqual([
    ['review', 'good'],
    ['review', 'good'],
    ['manual', 'set-due'],
    ['manual', 'reset'],
    ['review', 'easy'],
    ['manual', 'set-due'],
  ]);
  expect((await db.cards.get('mine/c1'))!.due).toBe(at(70));
  const report = await checkDatabase(db, quick);
  expect(report).toMatchObject({ repaired: 0, manual: 3 });
  // Graded at import with the default preset in UTC days: recomputed exactly where the user's day boundary agrees.
  expect(report.recomputed + report.asLogged).toBe(3);
  expect(report.logProblems).toEqual({ 'broken-chain': 0, 'bad-after': 0, 'cram-moved': 0 });
});
