// What counts as the user's own data (what a browser clearing its storage would lose beyond the built-in decks):
// an answer given, or a deck of their own.
import { DockdeckDB, type ReviewLogRow } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { hasOwnData } from '../../src/db/own-data';
import { expandDeck } from '../../src/domain/study-card';
import { parseDeck } from '../../src/formats/dockdeck/validate';

const NOW = Date.UTC(2026, 2, 20, 10);

async function withDeck(db: DockdeckDB, id: string, builtin: boolean): Promise<void> {
  const parsed = parseDeck(`${id}.json`, {
    format: 'dockdeck/deck@1',
    id,
    title: { en: id, zh: id },
    sources: [{ doc: 'doc.txt' }],
    cards: [
      {
        id: 'c',
        type: 'basic',
        source: { doc: 'doc.txt', section: 'Intro' },
        front: { en: 'Q', zh: '问' },
        back: { en: 'A', zh: '答' },
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  await upsertDeck(db, parsed.deck, expandDeck(parsed.deck), { hash: id, builtin, now: NOW });
}

const fresh = () => new DockdeckDB(`own-data-${Math.random().toString(36).slice(2)}`);

test('an empty database, or only built-in decks: nothing of the user’s', async () => {
  const db = fresh();
  expect(await hasOwnData(db)).toBe(false);
  await withDeck(db, 'builtin', true);
  expect(await hasOwnData(db)).toBe(false);
});

test('one answer given on a built-in deck is the user’s', async () => {
  const db = fresh();
  await withDeck(db, 'builtin', true);
  await db.reviewLogs.add({ id: 'l1', cardId: 'builtin/c', deckId: 'builtin', review: NOW } as ReviewLogRow);
  expect(await hasOwnData(db)).toBe(true);
});

test('a deck of their own (imported or made) is the user’s', async () => {
  const db = fresh();
  await withDeck(db, 'builtin', true);
  await withDeck(db, 'mine', false);
  expect(await hasOwnData(db)).toBe(true);
});
