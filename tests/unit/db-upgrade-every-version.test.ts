// Issue 14: a database written by every earlier schema version (1 … the one before now, each table as that version
// declared it: tests/unit/helpers/old-db.ts) is opened by today's app, which upgrades it; every card, review-log
// entry, quiz attempt, medium, note edit, built-in override and setting survives, with only the changes its upgrades
// say (a deck's origin, the presets, the marks' own table, the day counters filled from the log, the automatic backups'
// table, empty).
import Dexie from 'dexie';
import { DockdeckDB } from '../../src/db/database';
import { bucketRows, readMarks } from '../../src/db/marks-table';
import { openOldDatabase } from './helpers/old-db';

const T = Date.UTC(2026, 2, 2, 10);
const DAY = 86_400_000;
const OLDEST = 1;
const NEWEST_OLD = 11;

const deck = (version: number) => ({
  id: 'mine',
  title: { en: 'Mine', zh: '我的' },
  builtin: false,
  ...(version >= 2 ? { origin: 'csv' } : {}),
  tags: ['t'],
  sources: [{ doc: 'n.txt' }],
  tables: [],
  contentHash: 'h',
  createdAt: T,
  updatedAt: T,
});

const memory = {
  due: T + 3 * DAY,
  stability: 4.2,
  difficulty: 5.1,
  elapsedDays: 1,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 2,
  lapses: 0,
  state: 2,
  lastReview: T,
};

const card = (version: number) => ({
  id: 'mine/c1',
  deckId: 'mine',
  noteId: 'c1',
  position: 0,
  tags: ['kernel'],
  source: { doc: 'n.txt', section: 'S' },
  content: { kind: 'basic', front: { en: 'Q', zh: '问' }, back: { en: 'A', zh: '答' } },
  ...memory,
  createdAt: T,
  updatedAt: T,
  // Marks came with version 6, in the card row (and its parkedDeck index while suspended or buried), until version 11
  // moved them to their own table (cardMarks).
  ...(version >= 6 && version < 11 ? { suspended: true, flag: 3, parkedDeck: 'mine' } : {}),
});

const log = {
  id: 'l1',
  cardId: 'mine/c1',
  deckId: 'mine',
  review: T,
  rating: 'good',
  kind: 'review',
  state: 1,
  elapsedDays: 1,
  scheduledDays: 3,
  durationMs: 4000,
  before: { ...memory, reps: 1, state: 1, stability: 1.1 },
  after: memory,
};
const attempt = {
  id: 'q1',
  startedAt: T,
  finishedAt: T + 60_000,
  scope: { config: { scope: { kind: 'all' } } },
  questions: [],
  score: 3,
  total: 4,
};
const medium = {
  deckId: 'mine',
  name: 'a.png',
  type: 'image/png',
  data: new Blob([new Uint8Array([1, 2, 3])]),
  size: 3,
};
const noteEdit = {
  deckId: 'mine',
  cardId: 'c1',
  card: { id: 'c1', type: 'basic', front: { en: 'Q2', zh: '问2' } },
  editedAt: T,
};
const override = { id: 'mine/c9', deckId: 'mine', removed: true, updatedAt: T };
const remoteImages = { key: 'deck-remote-images:mine', value: true, updatedAt: T };

/** The day counters today's app fills in from the log (upgrading a version 9 database): what version 10 kept. */
async function countersOfTheLog(): Promise<unknown[]> {
  const name = `every-version-counters-${Date.now()}`;
  const v9 = openOldDatabase(name, 9);
  await v9.table('reviewLogs').add(log);
  v9.close();
  const db = new DockdeckDB(name);
  try {
    return await db.dayCounters.toArray();
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

test.each(Array.from({ length: NEWEST_OLD - OLDEST + 1 }, (_, i) => OLDEST + i))(
  'version %i → now: every row of every table is kept',
  async (version) => {
    const name = `every-version-${version}-${Date.now()}`;
    const old = openOldDatabase(name, version);
    await old.table('decks').add(deck(version));
    await old.table('cards').add(card(version));
    await old.table('reviewLogs').add(log);
    await old.table('settings').add(remoteImages);
    if (version >= 2) {
      await old.table('quizAttempts').add(attempt);
      await old.table('media').add(medium);
    }
    if (version >= 7) await old.table('noteEdits').add(noteEdit);
    if (version >= 8) await old.table('builtinOverrides').add(override);
    const counted = await countersOfTheLog();
    if (version >= 10) await old.table('dayCounters').bulkAdd(counted);
    if (version >= 11) await old.table('cardMarks').bulkAdd(bucketRows([['mine/c1', { suspended: true, flag: 3 }]]));
    old.close();

    const db = new DockdeckDB(name);
    try {
      await db.open();
      expect(db.verno).toBeGreaterThan(version);
      const d = await db.decks.get('mine');
      // Version 1 had no origin: a deck of the user's came from a deck file.
      expect(d).toEqual({ ...deck(version), origin: version >= 2 ? 'csv' : 'json' });
      const c = await db.cards.get('mine/c1');
      const {
        suspended: _s,
        flag: _f,
        parkedDeck: _p,
        ...rest
      } = card(version) as ReturnType<typeof card> & {
        suspended?: boolean;
        flag?: number;
        parkedDeck?: string;
      };
      // The noteId index went in version 5, not the field; the marks left the card row for their own table.
      expect(c).toEqual(rest);
      const marks = await readMarks(db, ['mine/c1']);
      expect(marks.get('mine/c1')).toEqual(version >= 6 ? { suspended: true, flag: 3 } : undefined);
      expect(await db.reviewLogs.toArray()).toEqual([log]);
      expect(await db.settings.get(remoteImages.key)).toEqual(remoteImages);
      if (version >= 2) {
        expect(await db.quizAttempts.toArray()).toEqual([attempt]);
        const m = await db.media.get(['mine', 'a.png']);
        expect({ ...m, data: undefined }).toEqual({ ...medium, data: undefined });
        expect(m?.data).toBeInstanceOf(Blob);
      }
      if (version >= 7) expect(await db.noteEdits.toArray()).toEqual([noteEdit]);
      if (version >= 8) expect(await db.builtinOverrides.toArray()).toEqual([override]);
      // The statistics' counters (version 10) are filled from the log, or kept: the one answer of that day counted.
      const counters = await db.dayCounters.toArray();
      expect(counters).toEqual(counted);
      expect(counters.map((r) => [r.deckId, r.answers])).toEqual([['mine', 1]]);
      // Version 12: the automatic backups' table, empty until the app makes one.
      expect(await db.autoBackups.count()).toBe(0);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  },
  60_000,
);
