// Opens databases as versions 2 and 3 of the app left them, then upgrades them (3: cards by tag, 4: by deck position).
import Dexie from 'dexie';
import { DockdeckDB } from '../../src/db/database';
import { openOldDatabase } from './helpers/old-db';

test('version 2 → 4: stored cards are found by tag and by deck position, and every row is kept', async () => {
  const name = `quiz-upgrade-${Date.now()}`;
  const v2 = openOldDatabase(name, 2);
  const cards = [
    {
      id: 'd/c1',
      deckId: 'd',
      noteId: 'd/c1',
      tags: ['net', 'io'],
      state: 2,
      due: 5,
      position: 0,
      reps: 3,
      stability: 4.2,
    },
    { id: 'd/c2', deckId: 'd', noteId: 'd/c2', tags: ['io'], state: 0, due: 0, position: 1, reps: 0, stability: 0 },
    { id: 'd/c3', deckId: 'd', noteId: 'd/c3', tags: [], state: 0, due: 0, position: 2, reps: 0, stability: 0 },
  ];
  await v2.table('cards').bulkAdd(cards);
  await v2.table('decks').add({
    id: 'd',
    title: { en: 'D', zh: '丁' },
    builtin: false,
    origin: 'json',
    tags: [],
    sources: [],
    tables: [],
    contentHash: 'h',
    createdAt: 1,
    updatedAt: 1,
  });
  await v2.table('reviewLogs').add({ id: 'l1', cardId: 'd/c1', deckId: 'd', review: 4, rating: 'good' });
  await v2
    .table('quizAttempts')
    .add({ id: 'a1', startedAt: 1, finishedAt: 2, scope: {}, questions: [], score: 0, total: 0 });
  v2.close();

  const db = new DockdeckDB(name);
  await db.open();
  // The app's latest version (each new schema version adds one).
  expect(db.verno).toBe(new DockdeckDB('verno-probe').verno);
  expect(await db.cards.where('tags').equals('io').primaryKeys()).toEqual(['d/c1', 'd/c2']);
  expect(await db.cards.where('tags').equals('net').primaryKeys()).toEqual(['d/c1']);
  expect(await db.cards.orderBy('tags').uniqueKeys()).toEqual(['io', 'net']);
  expect(await db.cards.where('[deckId+position]').equals(['d', 2]).primaryKeys()).toEqual(['d/c3']);
  expect(await db.cards.toArray()).toEqual(cards);
  expect(await db.reviewLogs.count()).toBe(1);
  expect(await db.quizAttempts.count()).toBe(1);
  expect((await db.decks.get('d'))?.origin).toBe('json');
  expect(await db.cards.where('[deckId+state+due]').between(['d', 2, 0], ['d', 2, 10]).count()).toBe(1);
  db.close();
  await Dexie.delete(name);
});

test('version 3 → 4: cards are found by deck position', async () => {
  const name = `quiz-upgrade-v3-${Date.now()}`;
  const v3 = openOldDatabase(name, 3);
  await v3.table('cards').bulkAdd(
    [0, 1, 2].map((i) => ({
      id: `d/c${i}`,
      deckId: 'd',
      noteId: `d/c${i}`,
      tags: [],
      state: 0,
      due: 0,
      position: i,
    })),
  );
  v3.close();
  const db = new DockdeckDB(name);
  await db.open();
  // The app's latest version (each new schema version adds one).
  expect(db.verno).toBe(new DockdeckDB('verno-probe').verno);
  expect(await db.cards.where('[deckId+position]').between(['d', 1], ['d', 2], true, true).primaryKeys()).toEqual([
    'd/c1',
    'd/c2',
  ]);
  expect(await db.cards.count()).toBe(3);
  db.close();
  await Dexie.delete(name);
});
