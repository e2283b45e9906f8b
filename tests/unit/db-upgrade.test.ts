// Opens databases as versions 1 and 4 of the app left them, then upgrades them: nothing a user had is lost.
import Dexie from 'dexie';
import { DockdeckDB, type CardRow } from '../../src/db/database';
import { cardsOfDeck } from '../../src/db/deck-cards';
import { deckCounts, loadQueue } from '../../src/db/review-repo';
import { dayWindow } from '../../src/domain/day-window';
import { DEFAULT_QUEUE_LIMITS } from '../../src/domain/queue';
import { CardState, type CardStateValue } from '../../src/domain/scheduler';
import { openOldDatabase } from './helpers/old-db';
import { readMarks } from '../../src/db/marks-table';

test('version 1 → 2: decks get their origin, cards, logs and settings are kept, new tables are there', async () => {
  const name = `upgrade-${Date.now()}`;
  const v1 = openOldDatabase(name, 1);
  await v1.table('decks').bulkAdd([
    {
      id: 'built',
      title: { en: 'B', zh: '乙' },
      builtin: true,
      tags: [],
      sources: [],
      tables: [],
      contentHash: 'h1',
      createdAt: 1,
      updatedAt: 1,
    },
    {
      id: 'mine',
      title: { en: 'M', zh: '我' },
      builtin: false,
      tags: [],
      sources: [],
      tables: [],
      contentHash: 'h2',
      createdAt: 1,
      updatedAt: 1,
    },
  ]);
  const card = {
    id: 'mine/c1',
    deckId: 'mine',
    noteId: 'mine/c1',
    state: 2,
    due: 5,
    position: 0,
    reps: 3,
    stability: 4.2,
  };
  await v1.table('cards').add(card);
  await v1.table('reviewLogs').add({ id: 'l1', cardId: 'mine/c1', deckId: 'mine', review: 4, rating: 'good' });
  await v1.table('settings').add({ key: 'study', value: { newPerDay: 7 }, updatedAt: 1 });
  v1.close();

  const db = new DockdeckDB(name);
  await db.open();
  // Opened by the current app, so upgraded to its latest version; version 2's upgrade ran on the way.
  // The app's latest version (each new schema version adds one).
  expect(db.verno).toBe(new DockdeckDB('verno-probe').verno);
  expect((await db.decks.get('built'))?.origin).toBe('builtin');
  expect((await db.decks.get('mine'))?.origin).toBe('json');
  expect(await db.cards.get('mine/c1')).toEqual(card);
  expect(await db.reviewLogs.count()).toBe(1);
  // Version 9 moved the daily limit into the default preset.
  expect((await db.settings.get('study'))?.value).toEqual({});
  expect((await db.settings.get('presets'))?.value).toMatchObject({ presets: [{ id: 'default', newPerDay: 7 }] });
  expect(await db.quizAttempts.count()).toBe(0);
  expect(await db.media.count()).toBe(0);
  // The queue index still answers after the upgrade.
  expect(await db.cards.where('[deckId+state+due]').between(['mine', 2, 0], ['mine', 2, 10]).count()).toBe(1);
  db.close();
  await Dexie.delete(name);
});

const DAY = 24 * 60 * 60 * 1000;
const T = new Date('2026-03-02T10:00:00').getTime();

function cardRow(id: string, state: CardStateValue, due: number, position: number): CardRow {
  const deckId = id.slice(0, id.indexOf('/'));
  return {
    id,
    deckId,
    noteId: id.replace(/:.*$/, ''),
    tags: ['t'],
    source: { doc: 'doc.txt', section: 'Intro' },
    content: { kind: 'basic', front: { en: id, zh: id }, back: { en: 'A', zh: '答' } },
    position,
    createdAt: 1,
    updatedAt: 1,
    due,
    stability: state === CardState.New ? 0 : 10,
    difficulty: state === CardState.New ? 0 : 5,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: state === CardState.New ? 0 : 3,
    lapses: 0,
    state,
    lastReview: state === CardState.New ? null : T - 10 * DAY,
  };
}

test('version 4 → 6: the deckId and noteId card indexes are dropped, the parked-card index added; every card is kept and still found by deck', async () => {
  const name = `upgrade-v4-${Date.now()}`;
  const v4 = openOldDatabase(name, 4);
  // `web-api` sorts between `web` and `web/…` ('-' < '/'): its cards must not leak into `web`'s id range.
  const cards = [
    cardRow('web/a', CardState.Review, T - DAY, 0),
    cardRow('web/b', CardState.New, T, 1),
    cardRow('web/c', CardState.Review, T + 30 * DAY, 2),
    cardRow('web/table:t/r1:x', CardState.New, T, 3),
    cardRow('web-api/a', CardState.Review, T - DAY, 0),
    cardRow('web-api/b', CardState.New, T, 1),
  ];
  await v4.table('cards').bulkAdd(cards);
  await v4.table('reviewLogs').add({ id: 'l1', cardId: 'web/a', deckId: 'web', review: T - 11 * DAY, rating: 'good' });
  v4.close();

  const db = new DockdeckDB(name);
  await db.open();
  // The app's latest version (each new schema version adds one).
  expect(db.verno).toBe(new DockdeckDB('verno-probe').verno);
  expect(await db.cards.toArray()).toEqual([...cards].sort((a, b) => (a.id < b.id ? -1 : 1)));
  expect(await db.reviewLogs.count()).toBe(1);
  const indexes = db.cards.schema.indexes.map((i) => i.name);
  // Version 6's sparse index of parked cards went again in version 11 (the marks have a table of their own).
  expect(indexes).toEqual(['[deckId+state+due]', '[deckId+state+position]', 'tags', '[deckId+position]']);
  expect(await db.cardMarks.count()).toBe(0);
  // Gone from IndexedDB itself, not only from Dexie's view of it: no more writes to them.
  const store = db.backendDB().transaction('cards', 'readonly').objectStore('cards');
  expect([...store.indexNames].sort()).toEqual([
    '[deckId+position]',
    '[deckId+state+due]',
    '[deckId+state+position]',
    'tags',
  ]);

  expect(await cardsOfDeck(db, 'web').primaryKeys()).toEqual(['web/a', 'web/b', 'web/c', 'web/table:t/r1:x']);
  expect(await cardsOfDeck(db, 'web-api').primaryKeys()).toEqual(['web-api/a', 'web-api/b']);
  expect(await cardsOfDeck(db, 'we').count()).toBe(0);
  const day = dayWindow(T, 4);
  const { queue } = await loadQueue(db, 'web', T, day, DEFAULT_QUEUE_LIMITS);
  expect(queue.cards.map((c) => c.id).sort()).toEqual(['web/a', 'web/b', 'web/table:t/r1:x']);
  expect(queue.counts).toEqual({ new: 2, learning: 0, review: 1 });
  expect(await deckCounts(db, 'web', day, DEFAULT_QUEUE_LIMITS)).toEqual({
    deckId: 'web',
    total: 4,
    new: 2,
    learning: 0,
    review: 1,
  });
  db.close();
  await Dexie.delete(name);
});

test('version 10 → 11: every mark moves from the card rows to the marks table; the card rows are otherwise unchanged', async () => {
  const name = `upgrade-11-${Date.now()}`;
  const v10 = openOldDatabase(name, 10);
  const base = { deckId: 'mine', state: CardState.New, due: 5, reps: 0, tags: ['t'], createdAt: 1, updatedAt: 2 };
  const plain = { ...base, id: 'mine/plain', noteId: 'mine/plain', position: 0 };
  const marked = [
    { ...base, id: 'mine/s', noteId: 'mine/s', position: 1, suspended: true, parkedDeck: 'mine' },
    { ...base, id: 'mine/b', noteId: 'mine/b', position: 2, buriedUntil: T, parkedDeck: 'mine' },
    { ...base, id: 'mine/f', noteId: 'mine/f', position: 3, flag: 6 },
    {
      ...base,
      id: 'mine/all',
      noteId: 'mine/all',
      position: 4,
      suspended: true,
      buriedUntil: T,
      flag: 1,
      parkedDeck: 'mine',
    },
    // A mark already cleared (suspended false, flag 0) leaves no marks entry.
    { ...base, id: 'mine/none', noteId: 'mine/none', position: 5, suspended: false, flag: 0 },
  ];
  await v10.table('cards').bulkAdd([plain, ...marked]);
  v10.close();

  const db = new DockdeckDB(name);
  await db.open();
  // Version 11 or a later one (12 adds the automatic backups' table, with no data change).
  expect(db.verno).toBeGreaterThanOrEqual(11);
  // Card rows: exactly as before, less the marks and the parked index key.
  for (const row of [plain, ...marked]) {
    const {
      suspended: _s,
      buriedUntil: _b,
      flag: _f,
      parkedDeck: _p,
      ...card
    } = row as typeof row & Record<string, unknown>;
    expect(await db.cards.get(row.id)).toEqual(card);
  }
  const marks = await readMarks(
    db,
    [plain, ...marked].map((r) => r.id),
  );
  expect(Object.fromEntries(marks)).toEqual({
    'mine/s': { suspended: true },
    'mine/b': { buriedUntil: T },
    'mine/f': { flag: 6 },
    'mine/all': { suspended: true, buriedUntil: T, flag: 1 },
  });
  expect(db.cards.schema.indexes.map((i) => i.name)).not.toContain('parkedDeck');
  // The queue leaves out the parked cards, through the marks table.
  const queue = await loadQueue(db, 'mine', T - 1000, dayWindow(T - 1000, 4), DEFAULT_QUEUE_LIMITS);
  expect(queue.queue.cards.map((c) => c.id).sort()).toEqual(['mine/f', 'mine/none', 'mine/plain']);
  expect(queue.cards.get('mine/f')?.flag).toBe(6);
  db.close();
  await Dexie.delete(name);
});
