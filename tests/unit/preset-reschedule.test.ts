// A preset's reschedule of more cards than one write slice, one delete range and one deck: every moved card is the
// replay of its log (its new manual entry says where it went), the day counters stay what a recount of the log gives,
// progress reaches the total, and the undo puts back every card and removes exactly the entries the save wrote.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DockdeckDB, type CardRow, type ReviewLogRow } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { UndoConflictError } from '../../src/db/errors';
import { savePresetBook, undoPresetSave } from '../../src/db/preset-repo';
import { answerCard, memoryOf } from '../../src/db/review-repo';
import { readSettings, writePresetBook } from '../../src/db/settings-repo';
import { browserCalendar, countersOfWholeLog } from '../../src/db/stats-counters';
import { defaultBook, updatePreset, DEFAULT_PRESET_ID } from '../../src/domain/presets';
import { inLogOrder, sameMemory } from '../../src/domain/replay';
import { CardState } from '../../src/domain/scheduler';
import { DEFAULT_STUDY_SETTINGS } from '../../src/domain/settings';
import { counterKey } from '../../src/domain/stats/day-counters';
import { expandDeck } from '../../src/domain/study-card';
import { basicDeck } from './helpers/basic-deck';

const DAY = 86_400_000;
const T = new Date('2026-03-02T10:00:00').getTime();
/** Two decks, 2,700 review cards: more than a write slice per deck and more than one delete range of log entries. */
const DECKS = { a: 1400, b: 1300 } as const;

let db: DockdeckDB;
beforeEach(() => {
  db = new DockdeckDB(`resched-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  await db.delete();
});

async function seed(): Promise<void> {
  for (const [id, n] of Object.entries(DECKS)) {
    const d = basicDeck(n, { id });
    await upsertDeck(db, d, expandDeck(d), { hash: 'h', builtin: false, now: T - 400 * DAY });
  }
  let i = 0;
  await db.cards.toCollection().modify((c) => {
    const scheduledDays = 3 + (i % 40);
    const due = T - DAY + (i % 17) * DAY;
    Object.assign(c, {
      state: CardState.Review,
      due,
      stability: 2 + (i % 50),
      difficulty: 3 + (i % 6),
      scheduledDays,
      reps: 3,
      lastReview: due - scheduledDays * DAY,
    });
    i++;
  });
  await writePresetBook(db, defaultBook(), T - DAY);
  // Real answers, so that there are counters to keep: a few cards of each deck, yesterday and today.
  const settings = await readSettings(db);
  for (const [k, at] of [
    [1, T - DAY],
    [2, T - DAY + 60_000],
    [3, T],
  ] as const)
    for (const deck of Object.keys(DECKS))
      await answerCard(db, `${deck}/c${k}`, k === 2 ? 'again' : 'good', new Date(at), { durationMs: 5000, settings });
}

/** The stored counters, and the counters a scan of the whole log gives, both by key. */
async function countersAndRecount() {
  const stored = new Map((await db.dayCounters.toArray()).map((c) => [counterKey(c.deckId, c.day), c]));
  const recount = await countersOfWholeLog(db.reviewLogs, browserCalendar(DEFAULT_STUDY_SETTINGS.dayStartHour));
  return { stored, recount };
}

const logsOf = (cardId: string) => db.reviewLogs.where('cardId').equals(cardId).toArray();
const schedule = (cards: CardRow[]) => cards.map((c) => [c.id, c.due, c.scheduledDays]);

test('2,700 review cards of two decks: each moved card is the replay of its log, the counters a recount of the log; undo as one', async () => {
  await seed();
  const cardsBefore = await db.cards.orderBy('id').toArray();
  const logsBefore = (await db.reviewLogs.toArray()).map((l) => l.id).sort();
  const countersBefore = (await countersAndRecount()).stored;
  expect(countersBefore.size).toBeGreaterThan(0);

  const base = defaultBook();
  const next = updatePreset(base, DEFAULT_PRESET_ID, { desiredRetention: 0.97 });
  const progress: [number, number][] = [];
  const save = await savePresetBook(db, base, next, {
    now: T + 1000,
    reschedule: [DEFAULT_PRESET_ID],
    onProgress: (done, total) => progress.push([done, total]),
  });

  // Every card but the two answered Again (relearning now).
  const total = DECKS.a + DECKS.b - 2;
  expect(cardsBefore.filter((c) => c.state === CardState.Review)).toHaveLength(total);
  expect(save.rescheduled.length).toBeGreaterThan(total * 0.9);
  expect(progress.at(-1)).toEqual([total, total]);
  expect(progress.every(([d], i) => i === 0 || d > progress[i - 1]![0])).toBe(true);

  // Each moved card: one new manual entry, from the card's old memory to its memory now.
  const logIds = new Set(save.rescheduled.map((c) => c.logId));
  expect(logIds.size).toBe(save.rescheduled.length);
  const byId = new Map(cardsBefore.map((c) => [c.id, c]));
  for (const c of save.rescheduled.filter((_, i) => i % 97 === 0 || i === save.rescheduled.length - 1)) {
    const card = (await db.cards.get(c.id))!;
    const log = inLogOrder(await logsOf(c.id)).at(-1) as ReviewLogRow;
    expect(log).toMatchObject({ id: c.logId, kind: 'manual', rating: 'set-due', review: T + 1000 });
    expect(sameMemory(log.after, memoryOf(card))).toBe(true);
    expect(sameMemory(log.before, memoryOf(byId.get(c.id)!))).toBe(true);
    expect(card.due).toBe(card.lastReview! + card.scheduledDays * DAY);
    expect([card.stability, card.reps]).toEqual([byId.get(c.id)!.stability, byId.get(c.id)!.reps]);
  }
  expect(await db.reviewLogs.count()).toBe(logsBefore.length + save.rescheduled.length);

  // Manual entries count nothing: the counters are as they were, and what a recount of the log gives.
  const afterSave = await countersAndRecount();
  expect(afterSave.stored).toEqual(afterSave.recount);
  expect(afterSave.stored).toEqual(countersBefore);

  await undoPresetSave(db, save, T + 2000);
  expect(schedule(await db.cards.orderBy('id').toArray())).toEqual(schedule(cardsBefore));
  expect((await db.reviewLogs.toArray()).map((l) => l.id).sort()).toEqual(logsBefore);
  const afterUndo = await countersAndRecount();
  expect(afterUndo.stored).toEqual(afterUndo.recount);
  expect(afterUndo.stored).toEqual(countersBefore);
});

test('a moved card answered since: the undo is refused and changes nothing', async () => {
  await seed();
  const base = defaultBook();
  const next = updatePreset(base, DEFAULT_PRESET_ID, { desiredRetention: 0.8 });
  const save = await savePresetBook(db, base, next, { now: T + 1000, reschedule: [DEFAULT_PRESET_ID] });
  const answered = save.rescheduled.at(-1)!.id;
  await answerCard(db, answered, 'again', new Date(T + 5000), {
    durationMs: 3000,
    settings: await readSettings(db),
  });
  const cards = schedule(await db.cards.orderBy('id').toArray());
  const logs = await db.reviewLogs.count();
  await expect(undoPresetSave(db, save, T + 6000)).rejects.toBeInstanceOf(UndoConflictError);
  expect(schedule(await db.cards.orderBy('id').toArray())).toEqual(cards);
  expect(await db.reviewLogs.count()).toBe(logs);
});
