// Opens a database as version 1 of the app left it, then upgrades it: nothing a user had is lost.
import Dexie from 'dexie';
import { DockdeckDB } from '../../src/db/database';

/** The schema exactly as version 1 of the app declared it. */
function openV1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    decks: 'id',
    cards: 'id, deckId, noteId, [deckId+state+due], [deckId+state+position]',
    reviewLogs: 'id, cardId, review, [deckId+review]',
    settings: 'key',
  });
  return v1;
}

test('version 1 → 2: decks get their origin, cards, logs and settings are kept, new tables are there', async () => {
  const name = `upgrade-${Date.now()}`;
  const v1 = openV1(name);
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
  expect(db.verno).toBe(4);
  expect((await db.decks.get('built'))?.origin).toBe('builtin');
  expect((await db.decks.get('mine'))?.origin).toBe('json');
  expect(await db.cards.get('mine/c1')).toEqual(card);
  expect(await db.reviewLogs.count()).toBe(1);
  expect((await db.settings.get('study'))?.value).toEqual({ newPerDay: 7 });
  expect(await db.quizAttempts.count()).toBe(0);
  expect(await db.media.count()).toBe(0);
  // The queue index still answers after the upgrade.
  expect(await db.cards.where('[deckId+state+due]').between(['mine', 2, 0], ['mine', 2, 10]).count()).toBe(1);
  db.close();
  await Dexie.delete(name);
});
