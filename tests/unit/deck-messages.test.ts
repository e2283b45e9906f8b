// Every kind of deck-file problem reads as a plain sentence naming the card and field, never in Zod's own words.
import fc from 'fast-check';
import type { Issue } from '../../src/domain/issue';
import { parseDeck } from '../../src/formats/dockdeck/validate';
import { issueMessage, issueText } from '../../src/formats/issue-text';

const FILE = 'decks/demo.json';
const t = (en: unknown, zh: unknown = `${String(en)}（中）`) => ({ en, zh });
const source = { doc: 'doc.txt', section: 'Intro' };
const deck = (extra: Record<string, unknown>) => ({
  format: 'dockdeck/deck@1',
  id: 'demo',
  title: t('Demo', '演示'),
  sources: [{ doc: 'doc.txt' }],
  cards: [],
  ...extra,
});
const basic = { id: 'c1', type: 'basic', front: t('Q', '问'), back: t('A', '答'), source };
const card = (extra: Record<string, unknown>) => deck({ cards: [{ ...basic, ...extra }] });
const mcqCard = (extra: Record<string, unknown>) => ({
  id: 'm1',
  type: 'mcq',
  source,
  question: t('Which?'),
  choices: [t('One'), t('Two')],
  answer: 0,
  ...extra,
});
const mcq = (extra: Record<string, unknown>) => deck({ cards: [mcqCard(extra)] });
const traitTable = (rows: unknown[]) => ({
  id: 'vs',
  title: t('Container vs VM'),
  columns: [
    { id: 'container', label: t('Container') },
    { id: 'vm', label: t('VM') },
  ],
  rows,
});
const table = (rows: unknown[]) => deck({ tables: [traitTable(rows)] });
const row = { id: 'boot', trait: t('Boot time'), cells: { container: t('Seconds'), vm: t('Minutes') }, source };
const ankiNotetype = (extra: Record<string, unknown>) => ({
  id: '1',
  name: 'Basic',
  cloze: false,
  fields: ['Front'],
  templates: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{Front}}' }],
  ...extra,
});
const notetype = (extra: Record<string, unknown>) => deck({ ankiNotetypes: [ankiNotetype(extra)] });
const TYPES = 'basic, reverse, cloze, mcq, classify, type-in';

const cases: Array<{ kind: string; raw: unknown; messages: string[] }> = [
  // The example of issue 9, item 8.
  { kind: 'a card without front', raw: card({ front: undefined }), messages: ['card "c1" field "front": is missing'] },
  { kind: 'a text without zh', raw: card({ back: { en: 'A' } }), messages: ['card "c1" field "back.zh": is missing'] },
  { kind: 'a card without id', raw: card({ id: undefined }), messages: ['card "cards[0]" field "id": is missing'] },
  {
    kind: 'a deck without format',
    raw: deck({ format: undefined }),
    messages: ['field "format": is missing (it must be "dockdeck/deck@1")'],
  },
  {
    kind: 'text that is a number',
    raw: card({ front: t(42) }),
    messages: ['card "c1" field "front.en": must be text, not 42'],
  },
  {
    kind: 'a text that is a plain string',
    raw: deck({ title: 'Demo' }),
    messages: ['field "title": must be an object with en and zh, not the text "Demo"'],
  },
  {
    kind: 'a text that is null',
    raw: card({ front: null }),
    messages: ['card "c1" field "front": must be an object with en and zh, not null'],
  },
  {
    kind: 'a source that is a list',
    raw: card({ source: ['doc.txt'] }),
    messages: ['card "c1" field "source": must be an object with doc, url and section, not a list'],
  },
  {
    kind: 'a list that is text',
    raw: card({ tags: 'docker' }),
    messages: ['card "c1" field "tags": must be a list, not the text "docker"'],
  },
  {
    kind: 'cards that are an object',
    raw: deck({ cards: {} }),
    messages: ['field "cards": must be a list, not an object'],
  },
  {
    kind: 'a whole number written as text',
    raw: mcq({ answer: '1' }),
    messages: ['card "m1" field "answer": must be a whole number, not the text "1"'],
  },
  {
    kind: 'a whole number with a fraction',
    raw: mcq({ answer: 1.5 }),
    messages: ['card "m1" field "answer": must be a whole number, not 1.5'],
  },
  {
    kind: 'a negative index',
    raw: mcq({ answer: -1 }),
    messages: ['card "m1" field "answer": must be 0 or more, not -1'],
  },
  {
    kind: 'true or false written as text',
    raw: notetype({ cloze: 'no' }),
    messages: ['field "ankiNotetypes[0].cloze": must be true or false, not the text "no"'],
  },
  {
    kind: 'a field a card does not have, close to a real one',
    raw: card({ fornt: t('Q') }),
    messages: ['card "c1" field "fornt": is not a field of a basic card: remove it (did you mean "front"?)'],
  },
  {
    kind: 'two fields a card does not have',
    raw: deck({ cards: [mcqCard({ colour: 'red', hint: 'x' })] }),
    messages: [
      'card "m1" field "colour": is not a field of an mcq card: remove it',
      'card "m1" field "hint": is not a field of an mcq card: remove it',
    ],
  },
  {
    kind: 'a field a deck does not have',
    raw: deck({ author: 'me' }),
    messages: ['field "author": is not a field of a deck: remove it'],
  },
  {
    kind: 'a language a text does not have',
    raw: card({ front: { en: 'Q', zh: '问', fr: 'Q' } }),
    messages: ['card "c1" field "front.fr": is not a field of a text (only en and zh are): remove it'],
  },
  {
    kind: 'a field a source does not have',
    raw: card({ source: { ...source, page: 3 } }),
    messages: ['card "c1" field "source.page": is not a field of a source: remove it'],
  },
  {
    kind: 'a card without type',
    raw: card({ type: undefined }),
    messages: [`card "c1" field "type": is missing (it must be one of ${TYPES})`],
  },
  {
    kind: 'an unknown card type',
    raw: card({ type: 'essay' }),
    messages: [`card "c1" field "type": is "essay", but must be one of ${TYPES}`],
  },
  {
    kind: 'a card type that is a number',
    raw: card({ type: 3 }),
    messages: [`card "c1" field "type": is 3, but must be one of ${TYPES}`],
  },
  {
    kind: 'a deck that is not an object',
    raw: ['cards'],
    messages: ['must be an object (a dockdeck deck), not a list'],
  },
  {
    kind: 'a card that is not an object',
    raw: deck({ cards: ['hello'] }),
    messages: ['card "cards[0]": must be an object (a card), not the text "hello"'],
  },
  {
    kind: 'an id that is not a slug',
    raw: card({ id: 'Card One' }),
    messages: ['card "Card One" field "id": must be a lower-case slug (a-z, 0-9, "-")'],
  },
  {
    kind: 'an id that is too long',
    raw: card({ id: 'c'.repeat(81) }),
    messages: [`card "${'c'.repeat(81)}" field "id": must be at most 80 characters`],
  },
  {
    kind: 'empty text',
    raw: card({ back: t('A', ' ') }),
    messages: ['card "c1" field "back.zh": must not be empty'],
  },
  {
    kind: 'too few choices',
    raw: mcq({ choices: [t('One')] }),
    messages: ['card "m1" field "choices": needs at least 2 choices'],
  },
  {
    kind: 'too many choices',
    raw: mcq({ choices: Array.from({ length: 9 }, (_, i) => t(`Choice ${i}`, `选项 ${i}`)) }),
    messages: ['card "m1" field "choices": allows at most 8 choices'],
  },
  {
    kind: 'a choice with a number for text',
    raw: mcq({ choices: [t('One'), t('Two'), t(3)] }),
    messages: ['card "m1" field "choices[2].en": must be text, not 3'],
  },
  {
    kind: 'an mcq answer index out of range',
    raw: mcq({ answer: 2 }),
    messages: ['card "m1" field "answer": is 2, but there are only 2 choices: they count from 0, so it must be 0 or 1'],
  },
  {
    kind: 'an mcq answer index out of range (more choices)',
    raw: mcq({ choices: [t('One'), t('Two'), t('Three')], answer: 5 }),
    messages: [
      'card "m1" field "answer": is 5, but there are only 3 choices: they count from 0, so it must be from 0 to 2',
    ],
  },
  {
    kind: 'a value outside an enum',
    raw: deck({ textFormat: 'rtf' }),
    messages: ['field "textFormat": must be one of markdown, html, not the text "rtf"'],
  },
  {
    kind: 'another format version',
    raw: deck({ format: 'dockdeck/deck@2' }),
    messages: ['field "format": must be "dockdeck/deck@1", not the text "dockdeck/deck@2"'],
  },
  {
    kind: 'a table cell that is not a text',
    raw: table([{ ...row, cells: { container: 'Seconds', vm: t('Minutes') } }]),
    messages: [
      'card "table:vs/boot" field "cells.container": must be an object with en and zh, not the text "Seconds"',
    ],
  },
  {
    kind: 'a table row without id',
    raw: table([{ ...row, id: undefined }]),
    messages: ['card "table:vs/#0" field "id": is missing'],
  },
  {
    kind: 'an empty table',
    raw: table([]),
    messages: ['card "table:vs" field "rows": needs at least 1 row'],
  },
  {
    kind: 'an Anki card ordinal below 0',
    raw: card({ anki: { guid: 'abc', ords: [0, -1] } }),
    messages: ['card "c1" field "anki.ords[1]": must be 0 or more, not -1'],
  },
  {
    kind: 'a field an Anki template does not have',
    raw: notetype({ templates: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{Front}}', css: '' }] }),
    messages: ['field "ankiNotetypes[0].templates[0].css": is not a field of an Anki card template: remove it'],
  },
  {
    kind: 'a cited page that is not https',
    raw: deck({
      sources: [{ url: 'http://example.org/a' }],
      cards: [{ ...basic, source: { url: 'http://example.org/a', section: 'A' } }],
    }),
    messages: [
      'field "sources[0].url": must be the https:// address of a public page',
      'card "c1" field "source.url": must be the https:// address of a public page',
    ],
  },
  {
    kind: 'a cited page not listed in sources',
    raw: card({ source: { url: 'https://example.org/a', section: 'A' } }),
    messages: ['card "c1" field "source.url": is "https://example.org/a", which is not listed in the deck\'s sources'],
  },
  {
    kind: 'a source with both a document and a page',
    raw: card({ source: { doc: 'doc.txt', url: 'https://example.org/a', section: 'A' } }),
    messages: ['card "c1" field "source": names both a document ("doc") and a page ("url"): give only one of them'],
  },
  {
    kind: 'a source with neither a document nor a page',
    raw: deck({ sources: [{ doc: 'doc.txt' }, {}], cards: [{ ...basic, source: { section: 'A' } }] }),
    messages: [
      'field "sources[1]": names neither a document ("doc") nor a page ("url"): give one of them',
      'card "c1" field "source": names neither a document ("doc") nor a page ("url"): give one of them',
    ],
  },
  {
    kind: 'an interview question with one key point',
    raw: deck({
      cards: [basic, mcqCard({})],
      interviews: [
        { id: 'q', question: t('Why?'), points: ['c1', 'm1', 'nope', 'c1'] },
        { id: 'q', question: t('How?'), points: ['c1'] },
      ],
    }),
    messages: ['field "interviews[1].points": needs at least 2 entries'],
  },
  {
    kind: 'interview points that are not basic cards of the deck',
    raw: deck({
      cards: [basic, mcqCard({})],
      interviews: [
        { id: 'q', question: t('Why?'), points: ['c1', 'm1', 'nope', 'c1'] },
        { id: 'q', question: t('How?'), points: ['c1', 'm1'] },
      ],
    }),
    messages: [
      'card "interview:q" field "id": is used by more than one interview question: each needs its own id',
      'card "interview:q" field "points": lists the card "c1" twice',
      'card "interview:q" field "points[1]": lists "m1", a mcq card: a key point is the back of a basic card',
      'card "interview:q" field "points[2]": lists "nope", but the deck has no card with that id',
      'card "interview:q" field "points[1]": lists "m1", a mcq card: a key point is the back of a basic card',
    ],
  },
];

const formatted = (issues: Issue[]) => issues.map((i) => issueText(i, 'en').slice(`${FILE}: `.length));

test.each(cases)('$kind', ({ raw, messages }) => {
  const r = parseDeck(FILE, raw);
  expect(r.ok ? [] : formatted(r.issues)).toEqual(messages);
});

/** Zod's own wording, which must never reach a person. */
const ZOD_WORDS = /invalid input|invalid option|expected|received|unrecognized|too (small|big)/i;
/** Latin words in a Chinese message that are not the deck file's own ids, keys, values or format names. */
const ENGLISH_WORDS =
  /\b(?!(?:en|zh|null|true|false|dockdeck|Anki|https|doc|url|sources|basic|reverse|cloze|mcq|classify|type-in|markdown|html|a-z)\b)[a-z]{3,}\b/;
const words = (issue: Issue, lang: 'en' | 'zh') => issueMessage(issue, lang);

test('no message in the table is in Zod words, and none in Chinese has an English word or an unfilled slot', () => {
  for (const { raw } of cases) {
    const r = parseDeck(FILE, raw);
    if (r.ok) continue;
    for (const issue of r.issues) {
      expect(words(issue, 'en')).not.toMatch(ZOD_WORDS);
      // What the file itself holds (a field name, a value) is shown as written; the sentence around it is Chinese.
      const own = [issue.field, ...Object.values(issue.params ?? {}).flat()].filter((v) => typeof v === 'string');
      let zh = words(issue, 'zh');
      for (const v of own) zh = zh.replaceAll(v, '');
      expect(zh).not.toMatch(ENGLISH_WORDS);
      expect(zh).not.toMatch(/\{\w+\}/);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
  }
});

/** Every path to a value inside a good deck with one card of each kind, to break one of them at random. */
const good = deck({
  tags: ['t'],
  cards: [
    { ...basic, note: t('N'), anki: { guid: 'g', noteId: '1', notetype: '1', fields: ['a'], ords: [0] } },
    { ...basic, id: 'r1', type: 'reverse' },
    { id: 'z1', type: 'cloze', source, text: t('{{c1::x}}', '{{c1::叉}}'), extra: t('E') },
    mcqCard({ explanation: t('Because') }),
    {
      id: 'k1',
      type: 'classify',
      source,
      prompt: t('P'),
      categories: [
        { id: 'a', label: t('A') },
        { id: 'b', label: t('B') },
      ],
      items: [{ id: 'i', text: t('I'), category: 'a' }],
    },
    { id: 'y1', type: 'type-in', source, prompt: t('P'), answer: t('A'), accept: ['x'] },
  ],
  tables: [traitTable([row])],
  ankiNotetypes: [ankiNotetype({})],
});

function paths(v: unknown, at: PropertyKey[] = []): PropertyKey[][] {
  const here = at.length === 0 ? [] : [at];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (typeof v === 'object' && v !== null)
    return [...here, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return here;
}

function setAt(root: unknown, path: PropertyKey[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<PropertyKey, unknown>;
  let node = copy;
  for (const p of path.slice(0, -1)) node = node[p] as Record<PropertyKey, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

test('a good deck with any one value replaced or removed: plain messages, each naming a field or card', () => {
  const g = parseDeck(FILE, good);
  expect(g.ok ? [] : g.issues.map((i) => issueText(i, 'en'))).toEqual([]);
  const all = paths(good);
  fc.assert(
    fc.property(
      fc.constantFrom(...all),
      fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })),
      (path, value) => {
        const r = parseDeck(FILE, setAt(good, path, value));
        if (r.ok) return;
        for (const issue of r.issues) {
          for (const lang of ['en', 'zh'] as const) {
            expect(words(issue, lang)).not.toMatch(ZOD_WORDS);
            expect(words(issue, lang)).not.toMatch(/undefined|\[object|\{\w+\}/);
          }
          expect(issue.field !== undefined || issue.place?.card !== undefined || path.length === 1).toBe(true);
        }
      },
    ),
    { numRuns: 500 },
  );
});

test('a text replaced by an object with a length (Zod also reports "too small" there) says only that the type is wrong', () => {
  const path = ['cards', 3, 'choices', 1, 'zh'];
  expect(valueAtPath(good, path)).toEqual(expect.any(String));
  const r = parseDeck(FILE, setAt(good, path, { length: '' }));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.issues.map((i) => issueText(i, 'en'))).toEqual([
    expect.stringMatching(/card "m1" field "choices\[1\]\.zh": must be .+, not .*object/),
  ]);
  for (const issue of r.issues) expect(words(issue, 'en')).not.toMatch(ZOD_WORDS);
});

function valueAtPath(root: unknown, path: PropertyKey[]): unknown {
  let node = root as Record<PropertyKey, unknown> | undefined;
  for (const p of path) node = node?.[p] as Record<PropertyKey, unknown> | undefined;
  return node;
}
