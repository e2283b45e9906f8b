// The invariant "a card's scheduling state is the replay of its review log", tried with fast-check: random histories
// written through the real paths (answers of every kind, undos, resets, set due dates, preset changes with and
// without rescheduling) into fake IndexedDB; then every card's stored memory is its log's replay, Check database
// finds nothing to repair, a corrupted card is found and put back exactly, and backup → restore changes nothing.
import fc from 'fast-check';
import { DockdeckDB, type CardRow, type ReviewLogRow } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { answerCard, memoryOf, undoAnswer } from '../../src/db/review-repo';
import { resetCards, setDueCards } from '../../src/db/bulk-repo';
import { savePresetBook } from '../../src/db/preset-repo';
import { checkDatabase } from '../../src/db/check-repo';
import { createBackup, readBackupFile, restoreBackup } from '../../src/db/backup-repo';
import { writePresetBook, writeSettings } from '../../src/db/settings-repo';
import { replayLog, type ReplayEntry } from '../../src/domain/replay';
import { defaultBook, updatePreset, DEFAULT_PRESET_ID, type PresetBook } from '../../src/domain/presets';
import { RATINGS, type Memory } from '../../src/domain/scheduler';
import { DEFAULT_STUDY_SETTINGS, makeSettings, schedulerAt, type Settings } from '../../src/domain/settings';
import { dayWindow } from '../../src/domain/day-window';
import { expandDeck } from '../../src/domain/study-card';
import { basicDeck } from './helpers/basic-deck';
import { dump } from './backup-fixtures';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const START = new Date('2026-03-02T10:00:00').getTime();
const CARDS = 4;

type Step =
  | { do: 'answer'; card: number; rating: (typeof RATINGS)[number]; kind: 'review' | 'quiz' | 'custom' | 'cram' }
  | { do: 'undo' }
  | { do: 'reset'; card: number; counts: boolean }
  | { do: 'set-due'; card: number; from: number; span: number; setInterval: boolean }
  | { do: 'preset'; retention: number; reschedule: boolean; steps: boolean };

const card = fc.nat(CARDS - 1);
const step: fc.Arbitrary<{ gap: number; step: Step }> = fc.record({
  gap: fc.oneof(fc.integer({ min: 0, max: 20 * MIN }), fc.integer({ min: 0, max: 30 * DAY })),
  step: fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        do: fc.constant('answer' as const),
        card,
        rating: fc.constantFrom(...RATINGS),
        kind: fc.constantFrom(
          'review' as const,
          'review' as const,
          'quiz' as const,
          'custom' as const,
          'cram' as const,
        ),
      }),
    },
    { weight: 2, arbitrary: fc.constant({ do: 'undo' as const }) },
    { weight: 1, arbitrary: fc.record({ do: fc.constant('reset' as const), card, counts: fc.boolean() }) },
    {
      weight: 1,
      arbitrary: fc.record({
        do: fc.constant('set-due' as const),
        card,
        from: fc.nat(30),
        span: fc.nat(5),
        setInterval: fc.boolean(),
      }),
    },
  ),
});
const presetStep = fc.record({
  gap: fc.integer({ min: 0, max: 5 * DAY }),
  step: fc.record({
    do: fc.constant('preset' as const),
    retention: fc.integer({ min: 75, max: 97 }).map((n) => n / 100),
    reschedule: fc.boolean(),
    steps: fc.boolean(),
  }),
});

interface World {
  db: DockdeckDB;
  settings: Settings;
  answers: number;
}

async function world(name: string): Promise<World> {
  const db = new DockdeckDB(`${name}-${Math.random().toString(36).slice(2)}`);
  const deck = basicDeck(CARDS);
  await upsertDeck(db, deck, expandDeck(deck), { hash: 'h', builtin: false, now: START });
  await writeSettings(db, { study: DEFAULT_STUDY_SETTINGS }, START);
  await writePresetBook(db, defaultBook(), START);
  return { db, settings: makeSettings(DEFAULT_STUDY_SETTINGS, defaultBook()), answers: 0 };
}

/** Plays the steps through the app's own writes, the clock moving forward by each step's gap. */
async function play(w: World, steps: ReadonlyArray<{ gap: number; step: Step }>): Promise<void> {
  let now = START;
  const answered: string[] = [];
  for (const { gap, step: s } of steps) {
    now += gap;
    const id = (n: number) => `demo/c${n + 1}`;
    if (s.do === 'answer') {
      const log = await answerCard(w.db, id(s.card), s.rating, new Date(now), {
        durationMs: 1000,
        settings: w.settings,
        kind: s.kind,
      });
      answered.push(log.id);
    } else if (s.do === 'undo') {
      const last = answered.pop();
      // Refused when the card moved since (a reset, say): that is the undo's own rule, and fine here.
      if (last) await undoAnswer(w.db, last, now).catch(() => undefined);
    } else if (s.do === 'reset') {
      await resetCards(w.db, [id(s.card)], s.counts, now);
    } else if (s.do === 'set-due') {
      await setDueCards(
        w.db,
        [id(s.card)],
        { from: s.from, to: s.from + s.span, setInterval: s.setInterval },
        {
          now,
          todayStart: dayWindow(now, w.settings.study.dayStartHour).start,
          seed: now,
          settings: (deckId) => schedulerAt(w.settings, new Date(now), deckId),
        },
      );
    } else {
      const base = w.settings.presets;
      const next: PresetBook = updatePreset(base, DEFAULT_PRESET_ID, {
        desiredRetention: s.retention,
        ...(s.steps ? { learningSteps: ['5m' as const] } : {}),
      });
      await savePresetBook(w.db, base, next, { now, reschedule: s.reschedule ? [DEFAULT_PRESET_ID] : [] });
      w.settings = makeSettings(w.settings.study, next);
    }
  }
}

async function everyCard(db: DockdeckDB): Promise<Array<{ card: CardRow; logs: ReviewLogRow[] }>> {
  const cards = await db.cards.toArray();
  return Promise.all(
    cards.map(async (c) => ({ card: c, logs: await db.reviewLogs.where('cardId').equals(c.id).toArray() })),
  );
}

function replayOf(w: World, c: CardRow, logs: readonly ReplayEntry[]) {
  const initial = memoryOf(c);
  return replayLog(c.id, logs, initial, (e) => schedulerAt(w.settings, new Date(e.review), e.deckId));
}

const clean = { 'broken-chain': 0, 'bad-after': 0, 'cram-moved': 0 };

test('any history of answers, undos, resets and set due dates: every card is the replay of its log, every answer recomputed exactly', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
      const w = await world('replay');
      try {
        await play(w, steps);
        for (const { card: c, logs } of await everyCard(w.db)) {
          const r = replayOf(w, c, logs);
          expect(r.memory).toEqual(memoryOf(c));
          expect(r.problems).toEqual([]);
          // The parameters never changed: every answer (cram aside) is recomputed from its rating and time.
          expect(r.asLogged).toBe(0);
          expect(r.recomputed).toBe(logs.filter((l) => l.kind !== 'cram' && l.kind !== 'manual').length);
        }
        const report = await checkDatabase(w.db, { now: START, pause: async () => {}, slice: 3 });
        expect(report).toMatchObject({ repaired: 0, orphanLogs: 0, orphanCards: 0, countersRebuilt: false });
        expect(report.logProblems).toEqual(clean);
        expect(report.cards).toBe(CARDS);
      } finally {
        await w.db.delete();
      }
    }),
    { numRuns: 25 },
  );
}, 120_000);

test('presets changed (retention, steps; rescheduled or not) between answers: the replay still gives every card exactly', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.oneof({ weight: 6, arbitrary: step }, { weight: 1, arbitrary: presetStep }), {
        minLength: 1,
        maxLength: 30,
      }),
      async (steps) => {
        const w = await world('replay-presets');
        try {
          await play(w, steps);
          for (const { card: c, logs } of await everyCard(w.db)) {
            const r = replayOf(w, c, logs);
            expect(r.memory).toEqual(memoryOf(c));
            expect(r.problems).toEqual([]);
            expect(r.recomputed + r.asLogged).toBe(logs.filter((l) => l.kind !== 'cram' && l.kind !== 'manual').length);
          }
          const report = await checkDatabase(w.db, { now: START, pause: async () => {} });
          expect(report.repaired).toBe(0);
          expect(report.logProblems).toEqual(clean);
        } finally {
          await w.db.delete();
        }
      },
    ),
    { numRuns: 20 },
  );
}, 120_000);

const corruptions: Array<(m: Memory) => Partial<Memory>> = [
  (m) => ({ stability: m.stability * 2 + 1 }),
  (m) => ({ due: m.due + 1 }),
  (m) => ({ state: ((m.state + 1) % 4) as Memory['state'] }),
  (m) => ({ reps: m.reps + 3, lapses: m.lapses + 1 }),
  () => ({ difficulty: Number.NaN }),
  () => ({ lastReview: null, stability: 0 }),
];

test('a corrupted card is found and put back exactly as its log says; a second check finds nothing', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(step, { minLength: 1, maxLength: 20 }),
      card,
      fc.nat(corruptions.length - 1),
      async (steps, which, how) => {
        const w = await world('replay-corrupt');
        try {
          await play(w, steps);
          const id = `demo/c${which + 1}`;
          const good = (await w.db.cards.get(id))!;
          // A card never studied has no log to say its due date (the time it was added): that alone is not checked.
          const logged = (await w.db.reviewLogs.where('cardId').equals(id).count()) > 0;
          const { due, ...rest } = corruptions[how]!(memoryOf(good));
          const bad = logged && due !== undefined ? { ...rest, due } : rest;
          await w.db.cards.update(id, bad);
          const changed = Object.entries(bad).some(([k, v]) => !Object.is(good[k as keyof Memory], v));
          const progress: number[] = [];
          const report = await checkDatabase(w.db, {
            now: START + 1,
            pause: async () => {},
            slice: 2,
            onProgress: (done) => progress.push(done),
          });
          expect(report.repaired).toBe(changed ? 1 : 0);
          expect(report.repairedIds).toEqual(changed ? [id] : []);
          expect(memoryOf((await w.db.cards.get(id))!)).toEqual(memoryOf(good));
          expect(progress.at(-1)).toBe(CARDS);
          const again = await checkDatabase(w.db, { now: START + 2, pause: async () => {} });
          expect(again.repaired).toBe(0);
        } finally {
          await w.db.delete();
        }
      },
    ),
    { numRuns: 25 },
  );
}, 120_000);

test('backup → restore of a studied database gives back every table, and every card still the replay of its log', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
      const w = await world('replay-backup');
      const target = new DockdeckDB(`replay-restore-${Math.random().toString(36).slice(2)}`);
      try {
        await play(w, steps);
        const backup = await createBackup(w.db, START + 30 * DAY);
        const expected = await dump(w.db);
        await restoreBackup(target, readBackupFile(target, backup.bytes));
        expect(await dump(target)).toEqual(expected);
        const report = await checkDatabase(target, { now: START, pause: async () => {} });
        expect(report.repaired).toBe(0);
        expect(report.logProblems).toEqual(clean);
      } finally {
        await w.db.delete();
        await target.delete();
      }
    }),
    { numRuns: 15 },
  );
}, 120_000);
