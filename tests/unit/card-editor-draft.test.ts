// The card editor's pure parts: a saved card goes into the form and comes out the same, an edited Anki note stops
// carrying its old raw fields, new gaps get the number both languages need, and each issue's field finds its input.
import type { DeckCard } from '../../src/domain/deck-schema';
import {
  cardOf,
  draftOf,
  draftProblems,
  emptyDraft,
  nextClozeNumber,
  sourceOf,
  wrapCloze,
} from '../../src/features/browse/card-editor-draft';
import { slotOf, slotsOf } from '../../src/features/browse/card-editor-problems';

const t = (en: string, zh = `${en}（中）`) => ({ en, zh });
const source = { doc: 'x.md', section: 'S' };
const cards: DeckCard[] = [
  { id: 'b', type: 'basic', tags: ['k'], source, front: t('F'), back: t('B'), note: t('N') },
  { id: 'r', type: 'reverse', tags: [], source, front: t('KVM'), back: t('A hypervisor') },
  { id: 'c', type: 'cloze', tags: [], source, text: t('{{c2::a}} {{c1::b::hint}}'), extra: t('E') },
  {
    id: 'm',
    type: 'mcq',
    tags: [],
    source,
    question: t('Q'),
    choices: [t('x'), t('y')],
    answer: 1,
    explanation: t('X'),
  },
  {
    id: 'k',
    type: 'classify',
    tags: [],
    source: { url: 'https://example.com/', section: 'S' },
    prompt: t('P'),
    categories: [
      { id: 'one', label: t('One') },
      { id: 'two', label: t('Two') },
    ],
    items: [{ id: 'i2', text: t('I2'), category: 'two' }],
  },
  { id: 'ty', type: 'type-in', tags: [], source, prompt: t('Lang?'), answer: t('Go'), accept: ['Golang', 'go lang'] },
];

test.each(cards.map((c) => [c.type, c] as const))('a %s card comes out of the form as it went in', (_, card) => {
  expect(cardOf(draftOf(card), card.id)).toEqual(card);
});

test("an Anki note's raw fields go with it until its text is edited; then only its GUID and note id", () => {
  const anki = { guid: 'g1', noteId: '17', notetype: '99', fields: ['F', 'B'], ords: [0] };
  const card: DeckCard = { ...cards[0]!, anki } as DeckCard;
  const draft = draftOf(card);
  expect(cardOf(draft, 'b')).toEqual(card);
  const edited = cardOf({ ...draft, back: t('B, better') }, 'b');
  expect(edited.anki).toEqual({ guid: 'g1', noteId: '17' });
  // Tags are part of the note too.
  expect(cardOf({ ...draft, tags: 'k more' }, 'b').anki).toEqual({ guid: 'g1', noteId: '17' });
});

test('new entries get ids from their text, unique within the card; saved ones keep theirs', () => {
  const d = draftOf(cards[4]!);
  const more = {
    ...d,
    categories: [...d.categories, { key: 'n', label: t('One') }],
    items: [...d.items, { key: 'i', text: t('容器', '容器'), category: 'n' }],
  };
  const card = cardOf(more, 'k');
  expect(card.type === 'classify' && card.categories.map((c) => c.id)).toEqual(['one', 'two', 'one-2']);
  expect(card.type === 'classify' && card.items).toEqual([
    { id: 'i2', text: t('I2'), category: 'two' },
    { id: 'item-2', text: t('容器', '容器'), category: 'one-2' },
  ]);
});

test("the draft's own problems: no source, no right answer, an item with no category", () => {
  expect(draftProblems(emptyDraft('basic'))).toEqual([{ field: 'source.ref', key: 'no-source' }]);
  expect(draftProblems(emptyDraft('mcq', source))).toEqual([{ field: 'answer', key: 'pick-answer' }]);
  expect(draftProblems(emptyDraft('classify', source))).toEqual([{ field: 'items[0].category', key: 'pick-category' }]);
  expect(draftProblems(draftOf(cards[3]!))).toEqual([]);
});

test('a source is a page when it has a scheme, else a document', () => {
  expect(sourceOf(' https://docs.docker.com/ ', 'S')).toEqual({ url: 'https://docs.docker.com/', section: 'S' });
  expect(sourceOf('http://x.org', 'S')).toEqual({ url: 'http://x.org', section: 'S' });
  expect(sourceOf('notes.md', 'S')).toEqual({ doc: 'notes.md', section: 'S' });
  expect(sourceOf('  ', 'S')).toEqual({ section: 'S' });
});

test.each([
  ['', '', 1],
  ['{{c1::a}}', '', 2],
  ['{{c1::a}}', '{{c1::a}} {{c2::b}}', 2],
  ['{{c1::a}} {{c3::b}}', '{{c1::a}} {{c2::b}} {{c3::c}}', 2],
  ['{{c1::a}} {{c2::b}}', '{{c1::a}}', 3],
])('the next gap in %j beside %j is number %i', (text, other, n) => {
  expect(nextClozeNumber(text, other)).toBe(n);
});

test('a gap wraps the selection, or a placeholder to type over, and selects its answer', () => {
  expect(wrapCloze('runc runs it', 0, 4, 2)).toEqual({ text: '{{c2::runc}} runs it', start: 6, end: 10 });
  expect(wrapCloze('ab', 1, 1, 1)).toEqual({ text: 'a{{c1::…}}b', start: 7, end: 8 });
});

test.each([
  ['front.en', 'front.en'],
  ['choices[1].zh', 'choices[1].zh'],
  ['choices[9].en', 'choices'],
  ['choices', 'choices'],
  ['answer', 'answer'],
  ['source', 'source.ref'],
  ['source.doc', 'source.ref'],
  ['source.url', 'source.ref'],
  ['source.section', 'source.section'],
  ['tags[2]', 'tags'],
  ['categories[1].id', 'categories[1].label.en'],
  ['items[0].id', 'items[0].text.en'],
  ['items[0].category', 'items[0].category'],
  ['id', 'card'],
  [undefined, 'card'],
])('an issue at %j shows at %j', (field, slot) => {
  const draft = {
    ...emptyDraft('mcq'),
    type: field?.startsWith('categories') || field?.startsWith('items') ? 'classify' : 'mcq',
  } as const;
  const slots = new Set([...slotsOf(draft), ...slotsOf({ ...draft, type: 'basic' })]);
  expect(slotOf(field, slots)).toBe(slot);
});
