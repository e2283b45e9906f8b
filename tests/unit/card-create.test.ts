// Writing cards in the app (db/card-edit-repo): a card read back from its study cards is the card that was saved,
// a new deck gets an id of its own, a new card an id no card (nor any review) had, and a saved card keeps its type.
import { DockdeckDB } from '../../src/db/database';
import {
  checkCardEdit,
  createDeck,
  loadDeckCard,
  MADE_IN_APP,
  newCardSource,
  nextCardId,
  saveCardEdit,
} from '../../src/db/card-edit-repo';
import { upsertDeck } from '../../src/db/deck-repo';
import { answerCard } from '../../src/db/review-repo';
import type { Deck, DeckCard } from '../../src/domain/deck-schema';
import { IssueError } from '../../src/domain/errors';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { slugOf } from '../../src/domain/slug';
import { expandDeck } from '../../src/domain/study-card';
import { issueText } from '../../src/formats/issue-text';

const NOW = new Date('2026-03-02T10:00:00').getTime();
const t = (en: string, zh = `${en}（中）`) => ({ en, zh });
const source = { doc: 'x.md', section: 'S' };
const cards: DeckCard[] = [
  { id: 'b', type: 'basic', tags: ['k'], source, front: t('F'), back: t('B'), note: t('N') },
  { id: 'r', type: 'reverse', tags: [], source, front: t('KVM'), back: t('A hypervisor') },
  { id: 'c', type: 'cloze', tags: [], source, text: t('{{c2::a}} {{c1::b::hint}}'), extra: t('E') },
  { id: 'm', type: 'mcq', tags: [], source, question: t('Q'), choices: [t('x'), t('y'), t('z')], answer: 2 },
  {
    id: 'k',
    type: 'classify',
    tags: [],
    source,
    prompt: t('P'),
    categories: [
      { id: 'one', label: t('One') },
      { id: 'two', label: t('Two') },
    ],
    items: [
      { id: 'i2', text: t('I2'), category: 'two' },
      { id: 'i1', text: t('I1'), category: 'one' },
    ],
  },
  { id: 'ty', type: 'type-in', tags: [], source, prompt: t('Lang?'), answer: t('Go'), accept: ['Golang'] },
];
const deck: Deck = {
  format: 'dockdeck/deck@1',
  id: 'd',
  title: t('D'),
  tags: [],
  sources: [{ doc: 'x.md' }],
  tables: [],
  cards,
};

let db: DockdeckDB;
beforeEach(async () => {
  db = new DockdeckDB(`create-${Math.random().toString(36).slice(2)}`);
  await upsertDeck(db, deck, expandDeck(deck), { hash: 'h', builtin: false, now: NOW, origin: 'json' });
});
afterEach(async () => {
  await db.delete();
});

test('loadDeckCard gives back each type of card as its study cards were made from it', async () => {
  for (const card of cards) expect(await loadDeckCard(db, 'd', card.id), card.id).toEqual(card);
  expect(await loadDeckCard(db, 'd', 'nope')).toBeNull();
});

test("a saved card keeps its type: changing it is refused at the field 'type', and nothing is written", async () => {
  const before = await db.cards.toArray();
  const asMcq: DeckCard = { ...cards[3]!, id: 'b' } as DeckCard;
  const error = (await saveCardEdit(db, 'd', asMcq, NOW).catch((e: unknown) => e)) as IssueError;
  expect(error).toBeInstanceOf(IssueError);
  expect(error.issues.map((i) => issueText(i, 'en'))).toEqual([
    'd.json: card "b" field "type": is mcq, but the saved card is basic: a card keeps its type (its review history is kept under its id and type), so make a new card instead',
  ]);
  // basic → reverse is a change of type too (it would add a study card the other way).
  await expect(saveCardEdit(db, 'd', { ...cards[0]!, type: 'reverse' } as DeckCard, NOW)).rejects.toThrow(IssueError);
  expect(await db.cards.toArray()).toEqual(before);
});

test("in a deck of the user's, a new source is listed, and the deck's file hash no longer matches", async () => {
  const card = { ...cards[0]!, source: { url: 'https://docs.docker.com/', section: 'Docker' } } as DeckCard;
  const row = (await db.decks.get('d'))!;
  expect(checkCardEdit(row, card)).toMatchObject({ ok: true });
  // A built-in deck cites only what its file lists.
  const builtin = checkCardEdit({ ...row, builtin: true }, card);
  expect(builtin.ok ? [] : builtin.issues.map((i) => [i.field, i.code])).toEqual([
    ['source.url', 'deck.source-not-listed'],
  ]);
  await saveCardEdit(db, 'd', card, NOW + 1);
  const after = (await db.decks.get('d'))!;
  expect(after.sources).toEqual([{ doc: 'x.md' }, { url: 'https://docs.docker.com/' }]);
  expect([after.contentHash, after.updatedAt]).toEqual(['', NOW + 1]);
});

test('a badly written new source is said once, at the card', () => {
  const row = { id: 'd', title: t('D'), tags: [], sources: [], tables: [], builtin: false } as never;
  const check = checkCardEdit(row, { ...cards[0]!, source: { url: 'https://', section: 'S' } });
  expect(check.ok ? [] : check.issues.map((i) => i.field)).toEqual(['source.url']);
});

test('nextCardId: from the text, never an id a stored card or a review-log entry has', async () => {
  expect(await nextCardId(db, 'd', 'What is a cgroup?')).toBe('what-is-a-cgroup');
  expect(await nextCardId(db, 'd', '  ')).toBe('card');
  expect(await nextCardId(db, 'd', 'B')).toBe('b-2');
  // The cloze card `c` has study cards c:c1, c:c2: its note id is taken.
  expect(await nextCardId(db, 'd', 'C')).toBe('c-2');
  // A removed card's history stays in the log under its id.
  await answerCard(db, 'd/m', 'good', new Date(NOW), { durationMs: 1, settings: DEFAULT_SCHEDULER_SETTINGS });
  await db.cards.delete('d/m');
  expect(await nextCardId(db, 'd', 'm')).toBe('m-2');
  expect(await nextCardId(db, 'd', '容器是什么？')).toBe('card');
});

test('newCardSource: the last card’s source, else the deck’s first listed source with no section', async () => {
  expect(await newCardSource(db, 'd')).toEqual(source);
  const row = await createDeck(db, { title: t('Empty') }, NOW);
  expect(await newCardSource(db, row.id)).toBeNull();
  await db.decks.update(row.id, { sources: [{ url: 'https://example.com/' }] });
  expect(await newCardSource(db, row.id)).toEqual({ url: 'https://example.com/', section: '' });
});

describe('createDeck', () => {
  test('an empty dockdeck deck of the user’s with an id from its title, -2 when that is taken', async () => {
    const a = await createDeck(db, { title: t('Kubernetes basics', 'Kubernetes 基础') }, NOW);
    expect(a).toMatchObject({ id: 'kubernetes-basics', builtin: false, origin: 'json', sources: [], tables: [] });
    expect(a.contentHash).toBe(MADE_IN_APP);
    const b = await createDeck(db, { title: t('Kubernetes  Basics!'), description: t('More') }, NOW);
    expect([b.id, b.description]).toEqual(['kubernetes-basics-2', t('More')]);
    // A title with no Latin letters: the Chinese one, then a plain word.
    expect((await createDeck(db, { title: { en: '网络', zh: '网络' } }, NOW)).id).toBe('deck');
    expect((await db.decks.get('kubernetes-basics'))!.createdAt).toBe(NOW);
  });

  test('a blank title in a language, a bad or a taken id are refused at their field; nothing is written', async () => {
    const count = await db.decks.count();
    const words = async (input: Parameters<typeof createDeck>[1]) => {
      const e = (await createDeck(db, input, NOW).catch((x: unknown) => x)) as IssueError;
      expect(e).toBeInstanceOf(IssueError);
      return e.issues.map((i) => issueText(i, 'en', { file: false }));
    };
    expect(await words({ title: { en: 'Networks', zh: ' ' } })).toEqual(['field "title.zh": must not be empty']);
    expect(await words({ id: 'Bad Id', title: t('X') })).toEqual([
      'field "id": must be a lower-case slug (a-z, 0-9, "-")',
    ]);
    expect(await words({ id: 'd', title: t('X') })).toEqual(['field "id": deck id "d" is already used by "D"']);
    expect(await db.decks.count()).toBe(count);
  });

  test('a card saved into the new deck makes it a deck with cards to study', async () => {
    const row = await createDeck(db, { title: t('Mine') }, NOW);
    const card: DeckCard = { id: 'first', type: 'basic', tags: [], source, front: t('Q'), back: t('A') };
    expect(await saveCardEdit(db, row.id, card, NOW)).toEqual({ kept: [], added: ['mine/first'], removed: [] });
    expect(await db.cards.get('mine/first')).toMatchObject({ deckId: 'mine', position: 0, reps: 0 });
    expect((await db.decks.get('mine'))!).toMatchObject({ sources: [{ doc: 'x.md' }], contentHash: MADE_IN_APP });
  });
});

test('slugOf: lower-case Latin letters and digits, cut at a word near the limit', () => {
  expect(slugOf("Docker's  Engine (2026)")).toBe('docker-s-engine-2026');
  expect(slugOf('Café — crème')).toBe('cafe-creme');
  expect(slugOf('a'.repeat(10) + ' ' + 'b'.repeat(10), 15)).toBe('aaaaaaaaaa');
  expect(slugOf('容器')).toBe('');
});

test("a card of a deck with interview questions is checked alone: the questions' other key points are not missing", async () => {
  const points: DeckCard[] = ['p1', 'p2'].map((id) => ({
    id,
    type: 'basic',
    tags: [],
    source,
    front: t(id),
    back: t(id),
  }));
  const withInterviews: Deck = {
    ...deck,
    id: 'iv',
    cards: points,
    interviews: [{ id: 'q', question: t('Walk me through it'), points: ['p1', 'p2'] }],
  };
  await upsertDeck(db, withInterviews, expandDeck(withInterviews), { hash: 'i', builtin: true, now: NOW });
  const edited = { ...points[0]!, back: t('p1, said better') } as DeckCard;
  expect(await saveCardEdit(db, 'iv', edited, NOW)).toEqual({ kept: ['iv/p1'], added: [], removed: [] });
  expect((await db.decks.get('iv'))!.interviews).toHaveLength(1);
});
