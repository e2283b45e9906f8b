// Pins the presets in the database: version 9 moves the old settings into the default preset, each deck's queue and
// counts follow its preset (limits, orders), burying siblings on answer and its undo, and a save that reschedules
// review cards in one transaction, undone as one.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DockdeckDB, type CardRow } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { PresetsConflictError } from '../../src/db/errors';
import { readPresetBook, savePresetBook, undoPresetSave, workloadCards } from '../../src/db/preset-repo';
import { answerCard, deckCounts, deckList, loadQueue, memoryOf, undoAnswer } from '../../src/db/review-repo';
import { readMarks } from '../../src/db/marks-table';
import { readSettings, writePresetBook } from '../../src/db/settings-repo';
import { dayWindow } from '../../src/domain/day-window';
import type { Deck } from '../../src/domain/deck-schema';
import {
  DEFAULT_PRESET,
  addPreset,
  assignDeck,
  defaultBook,
  presetLimits,
  presetScheduler,
  updatePreset,
  type PresetBook,
} from '../../src/domain/presets';
import { CardState, retrievability } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import { basicDeck } from './helpers/basic-deck';
import { openOldDatabase } from './helpers/old-db';

const DAY = 86_400_000;
const NOW = new Date('2026-03-02T10:00:00');
const T = NOW.getTime();
const WINDOW = dayWindow(T, 4);

let db: DockdeckDB;
beforeEach(() => {
  db = new DockdeckDB(`preset-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  await db.delete();
});

const load = (d: Deck) => upsertDeck(db, d, expandDeck(d), { hash: 'h', builtin: false, now: T });
const fivePreset = (): PresetBook =>
  assignDeck(updatePreset(addPreset(defaultBook(), 'five', 'Five'), 'five', { newPerDay: 5 }), 'small', 'five');

async function makeReview(id: string, due: number, stability = 5) {
  await db.cards.update(id, {
    state: CardState.Review,
    due,
    stability,
    difficulty: 5,
    scheduledDays: 5,
    reps: 3,
    lastReview: due - 5 * DAY,
  });
}

describe('version 9 upgrade', () => {
  test('a database written at version 8: the old study and scheduler settings become the default preset', async () => {
    const name = `v8-${Math.random().toString(36).slice(2)}`;
    const v8 = openOldDatabase(name, 8);
    const weights = Array.from({ length: 21 }, (_, i) => 0.2 + i / 20);
    await v8.table('settings').bulkAdd([
      {
        key: 'study',
        value: { newPerDay: 7, reviewsPerDay: 70, dayStartHour: 2, studyLang: 'zh', uiLang: 'zh', theme: 'dark' },
        updatedAt: 1,
      },
      {
        key: 'scheduler',
        value: {
          desiredRetention: 0.85,
          learningSteps: ['5m'],
          relearningSteps: [],
          maximumInterval: 365,
          enableFuzz: false,
          weights,
        },
        updatedAt: 2,
      },
      { key: 'backup', value: { lastBackupAt: 5 }, updatedAt: 3 },
    ]);
    v8.close();

    const upgraded = new DockdeckDB(name);
    try {
      const s = await readSettings(upgraded);
      expect(s.study).toEqual({ dayStartHour: 2, studyLang: 'zh', uiLang: 'zh', theme: 'dark' });
      expect(s.presets).toEqual({
        presets: [
          {
            ...DEFAULT_PRESET,
            desiredRetention: 0.85,
            learningSteps: ['5m'],
            relearningSteps: [],
            maximumInterval: 365,
            enableFuzz: false,
            weights,
            newPerDay: 7,
            reviewsPerDay: 70,
          },
        ],
        decks: {},
      });
      expect(await upgraded.settings.get('scheduler')).toBeUndefined();
      expect(await upgraded.settings.get('backup')).toMatchObject({ value: { lastBackupAt: 5 } });
    } finally {
      await upgraded.delete();
    }
  });
});

describe("each deck's preset", () => {
  test('per-preset new-card limits in the queue, the counts and the library', async () => {
    await load(basicDeck(12, { id: 'small' }));
    await load(basicDeck(12, { id: 'big' }));
    const book = fivePreset();
    const limitsOf = (deckId: string) =>
      presetLimits(book.presets.find((p) => p.id === (book.decks[deckId] ?? 'default'))!);
    expect((await loadQueue(db, 'small', T, WINDOW, limitsOf('small'))).queue.counts.new).toBe(5);
    expect((await loadQueue(db, 'big', T, WINDOW, limitsOf('big'))).queue.counts.new).toBe(12);
    expect((await deckCounts(db, 'small', WINDOW, limitsOf('small'))).new).toBe(5);
    const list = await deckList(db, WINDOW, limitsOf);
    expect(Object.fromEntries(list.map((d) => [d.deck.id, d.counts.new]))).toEqual({ small: 5, big: 12 });
  });

  test('random new-card order: stable within the day, the limit taken from the shuffled order', async () => {
    await load(basicDeck(30, { id: 'small' }));
    const order = { newOrder: 'random', reviewOrder: 'due', scheduler: presetScheduler(DEFAULT_PRESET) } as const;
    const ids = async (at: number, day = WINDOW) =>
      (
        await loadQueue(db, 'small', at, day, presetLimits({ ...DEFAULT_PRESET, newPerDay: 5 }), null, order)
      ).queue.cards.map((c) => c.id);
    const first = await ids(T);
    expect(first).toHaveLength(5);
    expect(first).not.toEqual(['small/c1', 'small/c2', 'small/c3', 'small/c4', 'small/c5']);
    expect(await ids(T + 3_600_000)).toEqual(first);
    const tomorrow = dayWindow(T + DAY, 4);
    expect(await ids(T + DAY, tomorrow)).not.toEqual(first);
  });

  test('review order "lowest retrievability first" sorts the due reviews by R now, ascending', async () => {
    await load(basicDeck(4, { id: 'small' }));
    // Same due date, different stability: the least stable is the most forgotten.
    await makeReview('small/c1', T - DAY, 50);
    await makeReview('small/c2', T - DAY, 2);
    await makeReview('small/c3', T - DAY, 10);
    const scheduler = presetScheduler(DEFAULT_PRESET);
    const order = { newOrder: 'deck', reviewOrder: 'retrievability', scheduler } as const;
    const limits = presetLimits({ ...DEFAULT_PRESET, newPerDay: 0, reviewsPerDay: 2 });
    const snap = await loadQueue(db, 'small', T, WINDOW, limits, null, order);
    expect(snap.queue.cards.map((c) => c.id)).toEqual(['small/c2', 'small/c3']);
    const r = (id: string) => retrievability(id, memoryOf(snap.cards.get(id)!), NOW, scheduler);
    expect(r('small/c2')).toBeLessThan(r('small/c3'));
    const byDue = await loadQueue(db, 'small', T, WINDOW, limits, null, { ...order, reviewOrder: 'due' });
    expect(byDue.queue.cards.map((c) => c.id)).toEqual(['small/c1', 'small/c2']);
  });
});

describe('bury siblings', () => {
  /** A card's marks, from the cardMarks table (database version 11): {} for none. */
  const marksOf = async (id: string) => (await readMarks(db, [id])).get(id) ?? {};
  const reverseDeck = (): Deck => {
    const d = basicDeck(2, { id: 'rev' });
    d.cards = d.cards.map((c) => ({ ...c, type: 'reverse' })) as Deck['cards'];
    return d;
  };
  const settingsWith = async (bury: boolean) => {
    await writePresetBook(db, updatePreset(defaultBook(), 'default', { burySiblings: bury }), T);
    return readSettings(db);
  };

  test("answering a card buries its note's other cards until the next day; undo unburies them", async () => {
    await load(reverseDeck());
    const s = await settingsWith(true);
    const log = await answerCard(db, 'rev/c1', 'good', NOW, { durationMs: 1000, settings: s });
    const sibling = await marksOf('rev/c1:reverse');
    expect(sibling.buriedUntil).toBe(WINDOW.end);
    expect((await marksOf('rev/c2')).buriedUntil).toBeUndefined();
    expect((await marksOf('rev/c2:reverse')).buriedUntil).toBeUndefined();
    const snap = await loadQueue(db, 'rev', T, WINDOW, presetLimits(DEFAULT_PRESET));
    expect(snap.queue.cards.map((c) => c.id)).not.toContain('rev/c1:reverse');
    await undoAnswer(db, log.id, T + 1000);
    expect((await marksOf('rev/c1:reverse')).buriedUntil).toBeUndefined();
    expect((await db.cards.get('rev/c1'))!.reps).toBe(0);
  });

  test('with the option off, no sibling is buried', async () => {
    await load(reverseDeck());
    const s = await settingsWith(false);
    await answerCard(db, 'rev/c1', 'good', NOW, { durationMs: 1000, settings: s });
    expect((await marksOf('rev/c1:reverse')).buriedUntil).toBeUndefined();
  });
});

describe('save and reschedule', () => {
  async function reviews(): Promise<CardRow[]> {
    await load(basicDeck(3, { id: 'small' }));
    await load(basicDeck(2, { id: 'big' }));
    for (const id of ['small/c1', 'small/c2', 'big/c1']) await makeReview(id, T + 2 * DAY, 20);
    await db.reviewLogs.add({
      id: 'answer1',
      cardId: 'small/c1',
      deckId: 'small',
      rating: 'good',
      kind: 'review',
      review: T - 3 * DAY,
      state: 2,
      elapsedDays: 5,
      scheduledDays: 5,
      durationMs: 4000,
      before: memoryOf((await db.cards.get('small/c1'))!),
      after: memoryOf((await db.cards.get('small/c1'))!),
    });
    return db.cards.toArray();
  }

  test("a higher retention moves the preset's decks' review cards sooner, logs each as manual; undo restores all", async () => {
    const before = await reviews();
    const base = fivePreset();
    await writePresetBook(db, base, T);
    const next = updatePreset(base, 'five', { desiredRetention: 0.97 });
    const save = await savePresetBook(db, base, next, { now: T, reschedule: ['five'] });
    expect(save.rescheduled.map((c) => c.id).sort()).toEqual(['small/c1', 'small/c2']);
    const moved = (await db.cards.get('small/c1'))!;
    const old = before.find((c) => c.id === 'small/c1')!;
    expect(moved.due).toBeLessThan(old.due);
    expect(moved.stability).toBe(old.stability);
    expect((await db.cards.get('big/c1'))!.due).toBe(before.find((c) => c.id === 'big/c1')!.due);
    const manual = await db.reviewLogs.where('cardId').equals('small/c1').toArray();
    expect(manual.map((l) => l.kind).sort()).toEqual(['manual', 'review']);
    expect(await readPresetBook(db)).toEqual(next);

    await undoPresetSave(db, save, T + 1);
    expect(await readPresetBook(db)).toEqual(base);
    const after = await db.cards.toArray();
    expect(after.map((c) => [c.id, c.due, c.scheduledDays])).toEqual(before.map((c) => [c.id, c.due, c.scheduledDays]));
    expect((await db.reviewLogs.toArray()).map((l) => l.id)).toEqual(['answer1']);
  });

  test('one transaction: a failing write leaves the presets and every card as they were', async () => {
    const before = await reviews();
    const base = fivePreset();
    await writePresetBook(db, base, T);
    const next = updatePreset(base, 'five', { desiredRetention: 0.97 });
    // The manual entries are added (new ids): the write of the log fails.
    const add = db.reviewLogs.bulkAdd.bind(db.reviewLogs);
    db.reviewLogs.bulkAdd = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.reviewLogs.bulkAdd;
    try {
      await expect(savePresetBook(db, base, next, { now: T, reschedule: ['five'] })).rejects.toThrow('disk full');
    } finally {
      db.reviewLogs.bulkAdd = add;
    }
    expect(await readPresetBook(db)).toEqual(base);
    expect((await db.cards.toArray()).map((c) => c.due)).toEqual(before.map((c) => c.due));
  });

  test('a save over presets changed since they were read is refused and writes nothing', async () => {
    await writePresetBook(db, fivePreset(), T);
    await expect(savePresetBook(db, defaultBook(), defaultBook(), { now: T })).rejects.toBeInstanceOf(
      PresetsConflictError,
    );
    expect(await readPresetBook(db)).toEqual(fivePreset());
  });

  test('the workload reads every card of the decks and the mean answer time', async () => {
    await reviews();
    const w = await workloadCards(db, ['small']);
    expect(w.cards).toHaveLength(3);
    expect(w.secondsPerReview).toBe(4);
  });
});
