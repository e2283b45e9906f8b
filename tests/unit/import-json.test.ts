// Pins the dockdeck JSON import: every refused input with its exact message (file, card, field, why), and a good deck.
import type { DeckInput } from '../../src/domain/deck-schema';
import { parseDockdeckJson } from '../../src/formats/dockdeck/read';
import { findActiveContent } from '../../src/formats/import/active-content-scan';
import { refusal } from './helpers/issue-lines';

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
  const r = parseDockdeckJson('mine.json', '{\n  "format": "dockdeck/deck@1",\n  "id": "x",,\n}');
  expect(r).toEqual({
    ok: false,
    issues: [
      {
        file: 'mine.json',
        place: { line: 3, column: 13 },
        code: 'json.invalid',
        params: { reason: 'Expected double-quoted property name' },
      },
    ],
  });
  expect(refusal(r)).toEqual(['mine.json: line 3, column 13: is not valid JSON: Expected double-quoted property name']);
  expect(refusal(r, 'zh')).toEqual(['mine.json，第 3 行第 13 列：不是有效的 JSON：请检查这里附近的括号、引号和逗号']);
  expect(refusal(parseDockdeckJson('mine.json', 'hello'))).toEqual([
    'mine.json: is not valid JSON: Unexpected token \'h\', "hello" is not valid JSON',
  ]);
});

test('JSON that is not a deck at all is named as such', () => {
  expect(refusal(parseDockdeckJson('package.json', '{"name":"x","version":"1.0.0"}'))).toEqual([
    'package.json: field "format": is JSON, but not a dockdeck deck (no "format": "dockdeck/deck@1" and no "cards")',
  ]);
  expect(refusal(parseDockdeckJson('list.json', '[1,2]'))).toEqual([
    'list.json: is JSON, but not a dockdeck deck: it must be one object with "format": "dockdeck/deck@1"',
  ]);
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
  expect(refusal(r)).toEqual([
    'mine.json: field "id": must be a lower-case slug (a-z, 0-9, "-")',
    'mine.json: card "c1" field "fornt": is not a field of a basic card: remove it (did you mean "front"?)',
    'mine.json: card "c2" field "front.en": must not be empty',
    'mine.json: card "c2" field "front.zh": must not be empty',
    'mine.json: card "c2" field "back.zh": is missing',
  ]);
  expect(refusal(r, 'zh')).toEqual([
    'mine.json，字段“id”：必须是小写的标识符（只能使用 a-z、0-9 和 "-"）',
    'mine.json，卡片“c1”，字段“fornt”：基础卡片（basic）没有这个字段：请删除它（你是不是想写 "front"？）',
    'mine.json，卡片“c2”，字段“front.en”：不能为空',
    'mine.json，卡片“c2”，字段“front.zh”：不能为空',
    'mine.json，卡片“c2”，字段“back.zh”：缺少这一项，必须填写',
  ]);
});

test('wrong shape with many errors: the first 20 are listed, then "and N more"', () => {
  const cards = Array.from({ length: 25 }, (_, i) => ({ ...basic(`c${i}`), front: t('') }));
  const r = parseDockdeckJson('mine.json', deck(cards));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const shown = refusal(r);
  expect(shown).toHaveLength(21);
  expect(shown[0]).toBe('mine.json: card "c0" field "front.en": must not be empty');
  expect(shown[19]).toBe('mine.json: card "c9" field "front.zh": must not be empty');
  expect(r.issues[20]).toEqual({ file: 'mine.json', code: 'import.more', params: { n: 30 } });
  expect(shown[20]).toBe('mine.json: and 30 more problems');
  expect(refusal(r, 'zh')[20]).toBe('mine.json：还有 30 个问题');
});

test('a deck of 0 cards is refused', () => {
  expect(refusal(parseDockdeckJson('empty.json', deck([])))).toEqual([
    'empty.json: field "cards": the deck has no cards: there is nothing to import',
  ]);
});

test('duplicate card ids inside one file are refused, naming the id', () => {
  expect(refusal(parseDockdeckJson('mine.json', deck([basic('same'), basic('other'), basic('same', 'Q2')])))).toEqual([
    'mine.json: card "same" field "id": is used by more than one card: each card needs its own id',
  ]);
});

test('an mcq with no correct answer (answer out of range) is refused', () => {
  const mcq = { id: 'm1', type: 'mcq', question: t('Which?'), choices: [t('a'), t('b')], answer: 2, source };
  expect(refusal(parseDockdeckJson('mine.json', deck([mcq])))).toEqual([
    'mine.json: card "m1" field "answer": is 2, but there are only 2 choices: they count from 0, so it must be 0 or 1',
  ]);
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
  expect(refusal(r)).toEqual([
    `evil.json: card "s1" field "front.en": contains active content (a <script> element); ${why}`,
    `evil.json: card "s1" field "front.zh": contains active content (a <script> element); ${why}`,
    `evil.json: card "s2" field "back.en": contains active content (an event handler attribute (on…=)); ${why}`,
    `evil.json: card "s2" field "back.zh": contains active content (an event handler attribute (on…=)); ${why}`,
    `evil.json: card "s3" field "note.zh": contains active content (a javascript: link); ${why}`,
  ]);
  expect(refusal(r, 'zh')[0]).toBe(
    'evil.json，卡片“s1”，字段“front.en”：含有可执行的内容（<script> 元素）；dockdeck 不导入带有脚本、事件处理属性或 javascript: 链接的卡组',
  );
});

test('text that only talks about scripts is not active content', () => {
  expect(findActiveContent('Use `<script>` tags sparingly')).toBeNull();
  expect(findActiveContent('```html\n<a onclick="x()">\n```')).toBeNull();
  expect(findActiveContent('Browsers run javascript: URLs when clicked')).toBeNull();
  expect(findActiveContent('&lt;script&gt; is escaped')).toBeNull();
  expect(findActiveContent('<p>online = yes</p>')).toBeNull();
  expect(findActiveContent('<a HREF = " JavaScript:alert(1)">x</a>')).toBe('link');
  expect(findActiveContent('<svg/onload=alert(1)>')).toBe('handler');
  expect(findActiveContent('<SCRIPT src=x>')).toBe('script');
});
