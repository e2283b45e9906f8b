// Pins the database layer on fake IndexedDB: deck upserts keep review state, answers and undos are atomic, queue limits, counts, settings.
import type { CardRow } from '../../src/db/database';
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import {
  answerCard,
  deckCounts,
  dueNextDay,
  loadQueue,
  memoryOf,
  newCardCount,
  undoAnswer,
} from '../../src/db/review-repo';
import { readSettings, writePresetBook, writeSettings } from '../../src/db/settings-repo';
import { DEFAULT_PRESET, presetScheduler } from '../../src/domain/presets';
import { dayWindow } from '../../src/domain/day-window';
import type { Deck } from '../../src/domain/deck-schema';
import { DEFAULT_QUEUE_LIMITS, type QueueLimits } from '../../src/domain/queue';
import { CardState, DEFAULT_SCHEDULER_SETTINGS, newMemory, type RatingName } from '../../src/domain/scheduler';
import {
  DEFAULT_SETTINGS,
  checkSettings,
  makeSettings,
  restoreSettings,
  type Settings,
} from '../../src/domain/settings';
import { expandDeck } from '../../src/domain/study-card';
import { basicDeck } from './helpers/basic-deck';
import { CardNotFoundError, UndoConflictError } from '../../src/db/errors';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = new Date('2026-03-02T10:00:00');
const T = NOW.getTime();
const WINDOW = dayWindow(T, 4);
const settings = DEFAULT_SCHEDULER_SETTINGS;
const t = (en: string, zh: string) => ({ en, zh });
const source = { doc: 'doc.txt', section: 'Intro' };

function deck(n: number, edit: (d: Deck) => void = () => {}): Deck {
  const d = basicDeck(n);
  edit(d);
  return d;
}

let db: DockdeckDB;
beforeEach(() => {
  db = new DockdeckDB(`test-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  await db.delete();
});

async function load(d: Deck, hash = 'h1', now = T) {
  return upsertDeck(db, d, expandDeck(d), { hash, builtin: true, now });
}
async function card(id: string): Promise<CardRow> {
  const row = await db.cards.get(id);
  if (!row) throw new Error(`no card ${id}`);
  return row;
}
const answer = (id: string, rating: RatingName, at: number) =>
  answerCard(db, id, rating, new Date(at), { durationMs: 1234.6, settings });
const limits = (over: Partial<QueueLimits> = {}): QueueLimits => ({ ...DEFAULT_QUEUE_LIMITS, ...over });
/** Makes a card a review card due at `due`, as if learned some days ago. */
async function makeReview(id: string, due: number) {
  await db.cards.update(id, {
    state: CardState.Review,
    due,
    stability: 5,
    difficulty: 5,
    scheduledDays: 5,
    reps: 3,
    lastReview: due - 5 * DAY,
  });
}
async function makeState(id: string, state: typeof CardState.Learning | typeof CardState.Relearning, due: number) {
  await db.cards.update(id, { state, due, stability: 1, difficulty: 5, reps: 1, lastReview: due - 10 * MIN });
}

describe('upsertDeck', () => {
  test('inserts the deck and its cards as new cards', async () => {
    expect(await load(deck(3))).toEqual({ added: 3, changed: 0, removed: 0, skipped: false });
    const rows = await db.cards.orderBy('id').toArray();
    expect(rows.map((r) => r.id)).toEqual(['demo/c1', 'demo/c2', 'demo/c3']);
    for (const r of rows) {
      expect(memoryOf(r)).toEqual(newMemory(NOW));
      expect(r).toMatchObject({ deckId: 'demo', createdAt: T, updatedAt: T });
    }
    expect((await card('demo/c2')).content).toEqual({ kind: 'basic', front: t('Q2', '问2'), back: t('A2', '答2') });
    expect(await db.decks.get('demo')).toMatchObject({
      id: 'demo',
      contentHash: 'h1',
      builtin: true,
      createdAt: T,
      updatedAt: T,
    });
  });

  test('a second upsert with the same hash is skipped and writes nothing', async () => {
    await load(deck(3));
    const before = await db.cards.toArray();
    expect(
      await load(
        deck(5, (d) => (d.cards[0]!.tags = ['x'])),
        'h1',
        T + HOUR,
      ),
    ).toEqual({
      added: 0,
      changed: 0,
      removed: 0,
      skipped: true,
    });
    expect(await db.cards.toArray()).toEqual(before);
    expect((await db.decks.get('demo'))!.updatedAt).toBe(T);
  });

  test('edited text updates the content but keeps FSRS fields, reps and createdAt', async () => {
    await load(deck(3));
    await answer('demo/c1', 'good', T);
    await answer('demo/c1', 'good', T + 10 * MIN);
    const learned = await card('demo/c1');
    expect(learned.state).toBe(CardState.Review);
    const untouched = await card('demo/c2');

    const later = T + DAY;
    const edited = deck(3, (d) => {
      const c = d.cards[0]!;
      if (c.type === 'basic') c.front = t('Q1 (edited)', '问1（改）');
    });
    expect(await load(edited, 'h2', later)).toEqual({ added: 0, changed: 1, removed: 0, skipped: false });
    const after = await card('demo/c1');
    expect(after.content).toEqual({ kind: 'basic', front: t('Q1 (edited)', '问1（改）'), back: t('A1', '答1') });
    expect(memoryOf(after)).toEqual(memoryOf(learned));
    expect(after.reps).toBe(2);
    expect(after.createdAt).toBe(T);
    expect(after.updatedAt).toBe(later);
    expect(await card('demo/c2')).toEqual(untouched);
    expect(await db.decks.get('demo')).toMatchObject({ contentHash: 'h2', createdAt: T, updatedAt: later });
  });

  test('cards gone from the deck are deleted, their review logs stay; new ones are added fresh', async () => {
    await load(deck(3));
    await answer('demo/c2', 'again', T);
    const d = deck(3, (x) => {
      x.cards.splice(1, 1);
      x.cards.push({ id: 'c9', type: 'basic', tags: [], source, front: t('Q9', '问9'), back: t('A9', '答9') });
    });
    // c3 only moved: not "changed" for the user (as the import preview counts), but its row is rewritten.
    expect(await load(d, 'h2', T + HOUR)).toEqual({ added: 1, changed: 0, removed: 1, skipped: false });
    expect(await db.cards.get('demo/c2')).toBeUndefined();
    expect(await db.reviewLogs.where('cardId').equals('demo/c2').count()).toBe(1);
    expect(memoryOf(await card('demo/c9'))).toEqual(newMemory(new Date(T + HOUR)));
    // c3 moved up one position: its row is updated, its memory is not.
    expect((await card('demo/c3')).position).toBe(1);
    expect(await db.cards.count()).toBe(3);
  });
});

describe('answerCard', () => {
  test('writes the new card state and one log row with the memory before and after', async () => {
    await load(deck(2));
    const before = await card('demo/c1');
    const log = await answer('demo/c1', 'good', T);
    const after = await card('demo/c1');

    expect(after.state).toBe(CardState.Learning);
    expect(after.due).toBe(T + 10 * MIN);
    expect(after.reps).toBe(1);
    expect(after.updatedAt).toBe(T);
    expect(after.content).toEqual(before.content);
    expect(log).toMatchObject({
      cardId: 'demo/c1',
      deckId: 'demo',
      rating: 'good',
      review: T,
      state: CardState.New,
      durationMs: 1235,
      kind: 'review',
    });
    expect(log.before).toEqual(memoryOf(before));
    expect(log.after).toEqual(memoryOf(after));
    expect(await db.reviewLogs.count()).toBe(1);
    expect(await db.reviewLogs.get(log.id)).toEqual(log);
    // The other card is untouched.
    expect(memoryOf(await card('demo/c2'))).toEqual(newMemory(NOW));
  });

  test('keeps the kind it is given and clamps a negative duration', async () => {
    await load(deck(1));
    const log = await answerCard(db, 'demo/c1', 'easy', NOW, { durationMs: -5, settings, kind: 'quiz' });
    expect(log.kind).toBe('quiz');
    expect(log.durationMs).toBe(0);
  });

  test('grades the card as stored, so a second answer builds on the first', async () => {
    await load(deck(1));
    const first = await answer('demo/c1', 'good', T);
    const second = await answer('demo/c1', 'good', T + 10 * MIN);
    expect(second.before).toEqual(first.after);
    expect(second.state).toBe(CardState.Learning);
    expect((await card('demo/c1')).state).toBe(CardState.Review);
  });

  test('if the log write fails, the card is unchanged (one transaction)', async () => {
    await load(deck(1));
    const before = await card('demo/c1');
    db.reviewLogs.hook('creating', () => {
      throw new Error('boom');
    });
    await expect(answer('demo/c1', 'good', T)).rejects.toThrow('boom');
    expect(await card('demo/c1')).toEqual(before);
    expect(await db.reviewLogs.count()).toBe(0);
  });

  test('a card that no longer exists throws CardNotFoundError and writes nothing', async () => {
    await load(deck(1));
    await expect(answer('demo/gone', 'good', T)).rejects.toBeInstanceOf(CardNotFoundError);
    expect(await db.reviewLogs.count()).toBe(0);
  });
});

describe('undoAnswer', () => {
  test('restores every FSRS field of the card and deletes the log', async () => {
    await load(deck(1));
    await answer('demo/c1', 'good', T);
    await answer('demo/c1', 'good', T + 10 * MIN);
    const before = await card('demo/c1');
    const log = await answer('demo/c1', 'again', T + 3 * DAY);
    expect((await card('demo/c1')).lapses).toBe(1);

    expect(await undoAnswer(db, log.id, T + 3 * DAY + MIN)).toEqual(log);
    const restored = await card('demo/c1');
    expect(memoryOf(restored)).toEqual(memoryOf(before));
    expect({ ...restored, updatedAt: 0 }).toEqual({ ...before, updatedAt: 0 });
    expect(restored.updatedAt).toBe(T + 3 * DAY + MIN);
    expect(await db.reviewLogs.get(log.id)).toBeUndefined();
    expect(await db.reviewLogs.count()).toBe(2);
  });

  test('undoing a new card’s first answer makes it new again and gives back the new-card slot', async () => {
    await load(deck(3));
    const log = await answer('demo/c1', 'good', T);
    expect((await loadQueue(db, 'demo', T + MIN, WINDOW, limits({ newPerDay: 1 }))).doneToday.newCards).toBe(1);
    await undoAnswer(db, log.id, T + MIN);
    expect(memoryOf(await card('demo/c1'))).toEqual(newMemory(NOW));
    const snap = await loadQueue(db, 'demo', T + MIN, WINDOW, limits({ newPerDay: 1 }));
    expect(snap.doneToday.newCards).toBe(0);
    expect(snap.queue.cards.map((c) => c.id)).toEqual(['demo/c1']);
  });

  test('after the card was answered again it throws UndoConflictError and changes nothing', async () => {
    await load(deck(1));
    const first = await answer('demo/c1', 'good', T);
    const second = await answer('demo/c1', 'good', T + 10 * MIN);
    const current = await card('demo/c1');

    await expect(undoAnswer(db, first.id, T + 11 * MIN)).rejects.toBeInstanceOf(UndoConflictError);
    expect(await card('demo/c1')).toEqual(current);
    expect((await db.reviewLogs.toArray()).map((l) => l.id).sort()).toEqual([first.id, second.id].sort());

    // Undoing the newer answer first, then the older, works.
    await undoAnswer(db, second.id, T + 12 * MIN);
    await undoAnswer(db, first.id, T + 12 * MIN);
    expect(memoryOf(await card('demo/c1'))).toEqual(newMemory(NOW));
    expect(await db.reviewLogs.count()).toBe(0);
  });

  test('an unknown log id is a no-op', async () => {
    await load(deck(1));
    const before = await card('demo/c1');
    expect(await undoAnswer(db, 'nope', T)).toBeUndefined();
    expect(await card('demo/c1')).toEqual(before);
  });

  test('the log of a card removed from its deck is still deleted', async () => {
    await load(deck(2));
    const log = await answer('demo/c2', 'good', T);
    await load(deck(1), 'h2', T + MIN);
    expect(await undoAnswer(db, log.id, T + 2 * MIN)).toEqual(log);
    expect(await db.reviewLogs.count()).toBe(0);
    expect(await db.cards.get('demo/c2')).toBeUndefined();
  });
});

describe('loadQueue', () => {
  test('the new-card limit holds across answers: 3 introduced today, newPerDay 5 leaves 2', async () => {
    await load(deck(8));
    for (const id of ['demo/c1', 'demo/c2', 'demo/c3']) await answer(id, 'good', T);
    // Answering one of them again does not count twice.
    await answer('demo/c1', 'good', T + 10 * MIN);
    const snap = await loadQueue(db, 'demo', T + 11 * MIN, WINDOW, limits({ newPerDay: 5 }));
    expect(snap.doneToday).toEqual({ newCards: 3, reviews: 0 });
    expect(snap.queue.counts.new).toBe(2);
    expect(snap.queue.cards.filter((c) => c.state === CardState.New).map((c) => c.id)).toEqual(['demo/c4', 'demo/c5']);
    expect(snap.queue.counts.learning).toBe(2);
    for (const c of snap.queue.cards) expect(snap.cards.get(c.id)?.id).toBe(c.id);
  });

  test('new cards introduced on an earlier study day do not count today', async () => {
    await load(deck(4), 'h1', T - DAY);
    await answer('demo/c1', 'good', WINDOW.start - 1);
    await answer('demo/c2', 'good', WINDOW.start);
    const snap = await loadQueue(db, 'demo', T, WINDOW, limits({ newPerDay: 2 }));
    expect(snap.doneToday.newCards).toBe(1);
    expect(snap.queue.counts.new).toBe(1);
    expect(snap.queue.cards.filter((c) => c.state === CardState.New).map((c) => c.id)).toEqual(['demo/c3']);
  });

  test('reviews due today are included (oldest first, before new cards), reviews due tomorrow are not', async () => {
    await load(deck(5));
    await makeReview('demo/c1', WINDOW.end - 1);
    await makeReview('demo/c2', T - 2 * DAY);
    await makeReview('demo/c3', WINDOW.end);
    await makeReview('demo/c4', WINDOW.end + 5 * HOUR);
    const snap = await loadQueue(db, 'demo', T, WINDOW, limits());
    expect(snap.queue.cards.map((c) => c.id)).toEqual(['demo/c2', 'demo/c1', 'demo/c5']);
    expect(snap.queue.counts).toEqual({ new: 1, learning: 0, review: 2 });
  });

  test('the review limit counts reviews answered today', async () => {
    await load(deck(4));
    for (const [i, id] of ['demo/c1', 'demo/c2', 'demo/c3'].entries()) await makeReview(id, T - (3 - i) * HOUR);
    await answer('demo/c1', 'good', T);
    const snap = await loadQueue(db, 'demo', T + MIN, WINDOW, limits({ reviewsPerDay: 2, newPerDay: 0 }));
    expect(snap.doneToday).toEqual({ newCards: 0, reviews: 1 });
    expect(snap.queue.cards.map((c) => c.id)).toEqual(['demo/c2']);
  });

  test('a learning card answered Again comes back after its 1-minute step', async () => {
    await load(deck(3));
    await answer('demo/c1', 'again', T);
    const soon = await loadQueue(db, 'demo', T + 30_000, WINDOW, limits());
    expect(soon.queue.cards.map((c) => c.id)).toEqual(['demo/c2', 'demo/c3']);
    expect(soon.queue.nextDue).toBe(T + MIN);
    expect(soon.queue.counts.learning).toBe(1);

    const later = await loadQueue(db, 'demo', T + MIN + 1000, WINDOW, limits());
    expect(later.queue.cards.map((c) => c.id)).toEqual(['demo/c1', 'demo/c2', 'demo/c3']);
    expect(later.cards.get('demo/c1')?.state).toBe(CardState.Learning);
  });

  test('when nothing else is left the learning card is shown early (learn-ahead)', async () => {
    await load(deck(1));
    await answer('demo/c1', 'again', T);
    const snap = await loadQueue(db, 'demo', T + 1000, WINDOW, limits());
    expect(snap.queue.cards.map((c) => c.id)).toEqual(['demo/c1']);
    expect(snap.queue.nextDue).toBeNull();
  });

  test('a pinned card’s row is read even where the queue would not show it now; the queue itself is unchanged', async () => {
    await load(deck(3));
    // Over today's new-card limit: the queue does not read it.
    const snap = await loadQueue(db, 'demo', T, WINDOW, limits({ newPerDay: 2 }), 'demo/c3');
    expect(snap.queue.cards.map((c) => c.id)).toEqual(['demo/c1', 'demo/c2']);
    expect(snap.cards.get('demo/c3')).toMatchObject({ id: 'demo/c3', state: CardState.New });
    expect((await loadQueue(db, 'demo', T, WINDOW, limits({ newPerDay: 2 }))).cards.has('demo/c3')).toBe(false);
  });

  test('a pinned card of another deck, or one deleted, is not read', async () => {
    await load(deck(1));
    const other = deck(1, (d) => (d.id = 'other'));
    await upsertDeck(db, other, expandDeck(other), { hash: 'o', builtin: false, now: T });
    const snap = await loadQueue(db, 'demo', T, WINDOW, limits(), 'other/c1');
    expect([...snap.cards.keys()]).toEqual(['demo/c1']);
    const gone = await loadQueue(db, 'demo', T, WINDOW, limits(), 'demo/gone');
    expect([...gone.cards.keys()]).toEqual(['demo/c1']);
  });

  test('only reads its own deck', async () => {
    await load(deck(2));
    const other = deck(2, (d) => (d.id = 'other'));
    await upsertDeck(db, other, expandDeck(other), { hash: 'o', builtin: false, now: T });
    await answer('other/c1', 'good', T);
    const snap = await loadQueue(db, 'demo', T, WINDOW, limits({ newPerDay: 5 }));
    expect(snap.queue.cards.map((c) => c.id)).toEqual(['demo/c1', 'demo/c2']);
    expect(snap.doneToday.newCards).toBe(0);
  });
});

test('deckCounts: total, and due counts with today’s limits applied', async () => {
  await load(deck(10));
  await makeReview('demo/c1', T - DAY);
  await makeReview('demo/c2', WINDOW.end - 1);
  await makeReview('demo/c3', WINDOW.end + HOUR);
  await makeState('demo/c4', CardState.Learning, T + 5 * MIN);
  await makeState('demo/c5', CardState.Relearning, T - MIN);
  await makeState('demo/c6', CardState.Learning, WINDOW.end + MIN);
  await answer('demo/c7', 'good', T);
  // c7 went into learning (due in 10 min); 3 new cards c8–c10 left, 1 new slot left of 2.
  expect(await deckCounts(db, 'demo', WINDOW, limits({ newPerDay: 2 }))).toEqual({
    deckId: 'demo',
    total: 10,
    new: 1,
    learning: 3,
    review: 2,
  });
  expect(await deckCounts(db, 'demo', WINDOW, limits({ reviewsPerDay: 1 }))).toMatchObject({ new: 3, review: 1 });
  expect(await newCardCount(db, 'demo')).toBe(3);
  expect(await deckCounts(db, 'none', WINDOW, limits())).toEqual({
    deckId: 'none',
    total: 0,
    new: 0,
    learning: 0,
    review: 0,
  });
});

test('dueNextDay counts reviews and learning cards due by the end of the next study day, not new cards', async () => {
  await load(deck(6));
  const tomorrowEnd = WINDOW.end + DAY;
  await makeReview('demo/c1', WINDOW.end + HOUR);
  await makeReview('demo/c2', tomorrowEnd - 1);
  await makeReview('demo/c3', tomorrowEnd);
  await makeState('demo/c4', CardState.Relearning, WINDOW.end + 2 * HOUR);
  await makeReview('demo/c5', tomorrowEnd + 3 * DAY);
  expect(await dueNextDay(db, 'demo', WINDOW)).toBe(3);
});

describe('settings', () => {
  const study = { dayStartHour: 0, studyLang: 'zh', uiLang: 'zh', theme: 'light' } as const;
  const steps5m = { ...DEFAULT_PRESET, learningSteps: ['5m', '1h'], relearningSteps: [], enableFuzz: false };
  const custom: Settings = makeSettings({ ...study }, { presets: [steps5m as typeof DEFAULT_PRESET], decks: {} });

  test('an empty database reads the defaults', async () => {
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  test('round trip through writeSettings / writePresetBook / readSettings', async () => {
    await writeSettings(db, custom, T);
    await writePresetBook(db, custom.presets, T);
    expect(await readSettings(db)).toEqual(custom);
    expect(await db.settings.get('study')).toMatchObject({ updatedAt: T });
  });

  test('damaged stored values fall back to the default field by field', async () => {
    await db.settings.bulkPut([
      { key: 'study', value: { dayStartHour: 24, studyLang: 'zh', uiLang: 'fr', extra: 1 }, updatedAt: T },
      {
        key: 'presets',
        value: {
          presets: [{ id: 'default', name: '', desiredRetention: 2, learningSteps: ['5m', '30m'], weights: [1, 2, 3] }],
          decks: {},
        },
        updatedAt: T,
      },
    ]);
    const read = await readSettings(db);
    expect(read.study).toEqual({ dayStartHour: 4, studyLang: 'zh', uiLang: 'en', theme: 'system' });
    expect(read.scheduler).toEqual({ ...presetScheduler(DEFAULT_PRESET), learningSteps: ['5m', '30m'] });
  });

  test('restoreSettings: whole parts missing or not objects give the defaults', () => {
    expect(restoreSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(restoreSettings({ study: null, presets: 'x' })).toEqual(DEFAULT_SETTINGS);
    expect(restoreSettings({ study: { dayStartHour: 23 } }).study).toEqual({
      ...DEFAULT_SETTINGS.study,
      dayStartHour: 23,
    });
  });

  test('checkSettings names each bad global field and passes good settings', () => {
    expect(checkSettings(DEFAULT_SETTINGS)).toEqual({});
    expect(checkSettings(custom)).toEqual({});
    const problems = checkSettings({ study: { ...custom.study, dayStartHour: -1, uiLang: 'fr' as 'en' } });
    expect(Object.keys(problems).sort()).toEqual(['study.dayStartHour', 'study.uiLang']);
  });

  test("stored presets drive the scheduler: the deck's preset's learning steps are used by answerCard", async () => {
    await load(deck(1));
    await writePresetBook(db, custom.presets, T);
    const s = await readSettings(db);
    await answerCard(db, 'demo/c1', 'good', NOW, { durationMs: 0, settings: s });
    expect((await card('demo/c1')).due).toBe(T + HOUR);
  });
});
