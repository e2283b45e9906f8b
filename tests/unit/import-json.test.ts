// Pins the dockdeck JSON import: every refused input with its exact message (file, card, field, why), and a good deck.
import type { DeckInput } from '../../src/domain/deck-schema';
import { parseDockdeckJson } from '../../src/formats/dockdeck/read';
import { findActiveContent } from '../../src/formats/import/active-content';

const t = (en: string, zh = en) => ({ en, zh });
const source = { doc: 'notes.txt', section: 'Intro' };

function deck(cards: unknown[], extra: Partial<DeckInput> = {}): string {
  return JSON.stringify({
    format: 'dockdeck/deck@1',
    id: 'mine',
    title: t('Mine', '我的'),
    sources: [{ doc: 'notes.txt' }],
    cards,
    ...extra,
  });
}
const basic = (id: string, front = `Q ${id}`, back = `A ${id}`) => ({
  id,
  type: 'basic',
  front: t(front),
  back: t(back),
  source,
});

test('a good deck becomes one draft, with defaults filled in', () => {
  const r = parseDockdeckJson('mine.json', deck([basic('c1')]));
  expect(r).toEqual({
    ok: true,
    value: [
      {
        format: 'json',
        media: [],
        history: [],
        deck: {
          format: 'dockdeck/deck@1',
          id: 'mine',
          title: t('Mine', '我的'),
          tags: [],
          sources: [{ doc: 'notes.txt' }],
          tables: [],
          cards: [{ ...basic('c1'), tags: [] }],
        },
      },
    ],
  });
});

test('not JSON: the parser error with line and column', () => {
  expect(parseDockdeckJson('mine.json', '{\n  "format": "dockdeck/deck@1",\n  "id": "x",,\n}')).toEqual({
    ok: false,
    issues: [
      {
        file: 'mine.json',
        where: 'line 3, column 13',
        message: 'is not valid JSON: Expected double-quoted property name',
      },
    ],
  });
  expect(parseDockdeckJson('mine.json', 'hello')).toEqual({
    ok: false,
    issues: [{ file: 'mine.json', message: 'is not valid JSON: Unexpected token \'h\', "hello" is not valid JSON' }],
  });
});

test('JSON that is not a deck at all is named as such', () => {
  expect(parseDockdeckJson('package.json', '{"name":"x","version":"1.0.0"}')).toEqual({
    ok: false,
    issues: [
      {
        file: 'package.json',
        field: 'format',
        message: 'is JSON, but not a dockdeck deck (no "format": "dockdeck/deck@1" and no "cards")',
      },
    ],
  });
  expect(parseDockdeckJson('list.json', '[1,2]')).toEqual({
    ok: false,
    issues: [
      {
        file: 'list.json',
        message: 'is JSON, but not a dockdeck deck: it must be one object with "format": "dockdeck/deck@1"',
      },
    ],
  });
});

test('wrong shape: every Zod path, naming the card and field', () => {
  const r = parseDockdeckJson(
    'mine.json',
    deck(
      [
        { ...basic('c1'), fornt: t('typo') },
        { id: 'c2', type: 'basic', front: t(''), back: { en: 'only en' }, source },
      ],
      { id: 'Not A Slug' },
    ),
  );
  expect(r).toEqual({
    ok: false,
    issues: [
      { file: 'mine.json', field: 'id', message: 'must be a lower-case slug (a-z, 0-9, "-")' },
      {
        file: 'mine.json',
        where: 'card "c1"',
        field: 'fornt',
        message: 'is not a field of a basic card: remove it (did you mean "front"?)',
      },
      { file: 'mine.json', where: 'card "c2"', field: 'front.en', message: 'must not be empty' },
      { file: 'mine.json', where: 'card "c2"', field: 'front.zh', message: 'must not be empty' },
      { file: 'mine.json', where: 'card "c2"', field: 'back.zh', message: 'is missing' },
    ],
  });
});

test('wrong shape with many errors: the first 20 are listed, then "and N more"', () => {
  const cards = Array.from({ length: 25 }, (_, i) => ({ ...basic(`c${i}`), front: t('') }));
  const r = parseDockdeckJson('mine.json', deck(cards));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.issues).toHaveLength(21);
  expect(r.issues[0]).toEqual({
    file: 'mine.json',
    where: 'card "c0"',
    field: 'front.en',
    message: 'must not be empty',
  });
  expect(r.issues[19]).toEqual({
    file: 'mine.json',
    where: 'card "c9"',
    field: 'front.zh',
    message: 'must not be empty',
  });
  expect(r.issues[20]).toEqual({ file: 'mine.json', message: 'and 30 more problems' });
});

test('a deck of 0 cards is refused', () => {
  expect(parseDockdeckJson('empty.json', deck([]))).toEqual({
    ok: false,
    issues: [{ file: 'empty.json', field: 'cards', message: 'the deck has no cards: there is nothing to import' }],
  });
});

test('duplicate card ids inside one file are refused, naming the id', () => {
  expect(parseDockdeckJson('mine.json', deck([basic('same'), basic('other'), basic('same', 'Q2')]))).toEqual({
    ok: false,
    issues: [
      {
        file: 'mine.json',
        where: 'card "same"',
        field: 'id',
        message: 'is used by more than one card: each card needs its own id',
      },
    ],
  });
});

test('an mcq with no correct answer (answer out of range) is refused', () => {
  const mcq = { id: 'm1', type: 'mcq', question: t('Which?'), choices: [t('a'), t('b')], answer: 2, source };
  expect(parseDockdeckJson('mine.json', deck([mcq]))).toEqual({
    ok: false,
    issues: [
      {
        file: 'mine.json',
        where: 'card "m1"',
        field: 'answer',
        message: 'is 2, but there are only 2 choices: they count from 0, so it must be 0 or 1',
      },
    ],
  });
});

test('card HTML with scripts is refused, naming card and field', () => {
  const r = parseDockdeckJson(
    'evil.json',
    deck([
      basic('ok'),
      basic('s1', 'Hi <script>steal()</script>'),
      basic('s2', 'Q', '<img src=x onerror="steal()">'),
      { ...basic('s3'), note: t('fine', '[click](javascript:steal())') },
    ]),
  );
  const why = 'dockdeck does not import decks with scripts, event handlers or javascript: links';
  expect(r).toEqual({
    ok: false,
    issues: [
      {
        file: 'evil.json',
        where: 'card "s1"',
        field: 'front.en',
        message: `contains active content (a <script> element); ${why}`,
      },
      {
        file: 'evil.json',
        where: 'card "s1"',
        field: 'front.zh',
        message: `contains active content (a <script> element); ${why}`,
      },
      {
        file: 'evil.json',
        where: 'card "s2"',
        field: 'back.en',
        message: `contains active content (an event handler attribute (on…=)); ${why}`,
      },
      {
        file: 'evil.json',
        where: 'card "s2"',
        field: 'back.zh',
        message: `contains active content (an event handler attribute (on…=)); ${why}`,
      },
      {
        file: 'evil.json',
        where: 'card "s3"',
        field: 'note.zh',
        message: `contains active content (a javascript: link); ${why}`,
      },
    ],
  });
});

test('text that only talks about scripts is not active content', () => {
  expect(findActiveContent('Use `<script>` tags sparingly')).toBeNull();
  expect(findActiveContent('```html\n<a onclick="x()">\n```')).toBeNull();
  expect(findActiveContent('Browsers run javascript: URLs when clicked')).toBeNull();
  expect(findActiveContent('&lt;script&gt; is escaped')).toBeNull();
  expect(findActiveContent('<p>online = yes</p>')).toBeNull();
  expect(findActiveContent('<a HREF = " JavaScript:alert(1)">x</a>')).toBe('a javascript: link');
  expect(findActiveContent('<svg/onload=alert(1)>')).toBe('an event handler attribute (on…=)');
  expect(findActiveContent('<SCRIPT src=x>')).toBe('a <script> element');
});
