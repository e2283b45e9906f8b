// Pins the exact message each kind of broken deck produces, so deck writers get file, card and field every time.
import { parseDeckFiles } from '../../scripts/lib/deck-files';
import { parseDeck, parseDeckText } from '../../src/formats/dockdeck/validate';
import { lines } from './helpers/issue-lines';

const FILE = 'decks/demo.json';
const t = (en: string, zh: string) => ({ en, zh });
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
const mcq = (extra: Record<string, unknown>) => ({
  id: 'm1',
  type: 'mcq',
  source,
  question: t('Which?', '哪个？'),
  choices: [t('One', '一'), t('Two', '二')],
  answer: 0,
  ...extra,
});
const columns = [
  { id: 'container', label: t('Container', '容器') },
  { id: 'vm', label: t('VM', '虚拟机') },
];

const invalid: Array<{ name: string; raw: unknown; messages: string[] }> = [
  {
    name: 'wrong field type',
    raw: deck({ cards: [{ ...basic, front: { en: 42, zh: '问' } }] }),
    messages: [`${FILE}: card "c1" field "front.en": must be text, not 42`],
  },
  {
    name: 'wrong type of a deck field',
    raw: deck({ title: 'Demo' }),
    messages: [`${FILE}: field "title": must be an object with en and zh, not the text "Demo"`],
  },
  {
    name: 'missing zh',
    raw: deck({ cards: [{ ...basic, back: { en: 'A' } }] }),
    messages: [`${FILE}: card "c1" field "back.zh": is missing`],
  },
  {
    name: 'blank text',
    raw: deck({ cards: [{ ...basic, front: t('  ', '问') }] }),
    messages: [`${FILE}: card "c1" field "front.en": must not be empty`],
  },
  {
    name: 'missing source',
    raw: deck({ cards: [{ id: 'c1', type: 'basic', front: t('Q', '问'), back: t('A', '答') }] }),
    messages: [`${FILE}: card "c1" field "source": is missing`],
  },
  {
    name: 'source doc not listed in the deck sources',
    raw: deck({ cards: [{ ...basic, source: { doc: 'other.txt', section: 'Intro' } }] }),
    messages: [`${FILE}: card "c1" field "source.doc": is "other.txt", which is not listed in the deck's sources`],
  },
  {
    name: 'unknown card type',
    raw: deck({ cards: [{ ...basic, type: 'essay' }] }),
    messages: [
      `${FILE}: card "c1" field "type": is "essay", but must be one of basic, reverse, cloze, mcq, classify, type-in`,
    ],
  },
  {
    name: 'duplicate card ids',
    raw: deck({ cards: [basic, { ...basic, front: t('Q2', '问二') }] }),
    messages: [`${FILE}: card "c1" field "id": is used by more than one card: each card needs its own id`],
  },
  {
    name: 'mcq answer out of range',
    raw: deck({ cards: [mcq({ answer: 2 })] }),
    messages: [
      `${FILE}: card "m1" field "answer": is 2, but there are only 2 choices: they count from 0, so it must be 0 or 1`,
    ],
  },
  {
    name: 'mcq repeated choices',
    raw: deck({ cards: [mcq({ choices: [t('Yes', '是'), t('yes', '对')] })] }),
    messages: [`${FILE}: card "m1" field "choices[1].en": repeats the choice "yes"`],
  },
  {
    name: 'classify item with unknown category',
    raw: deck({
      cards: [
        {
          id: 'k1',
          type: 'classify',
          source,
          prompt: t('Container or VM?', '容器还是虚拟机？'),
          categories: columns.map(({ id, label }) => ({ id, label })),
          items: [{ id: 'own-kernel', text: t('Own kernel', '自己的内核'), category: 'vms' }],
        },
      ],
    }),
    messages: [
      `${FILE}: card "k1" field "items[0].category": is "vms", which is not one of the categories (container, vm)`,
    ],
  },
  {
    name: 'cloze without a cloze marker',
    raw: deck({ cards: [{ id: 'z1', type: 'cloze', source, text: t('No marker here', '{{c1::容器}}共享内核') }] }),
    messages: [`${FILE}: card "z1" field "text.en": has no {{c1::…}} cloze deletion`],
  },
  {
    name: 'trait-table row missing a cell',
    raw: deck({
      tables: [
        {
          id: 'vs',
          title: t('Container vs VM', '容器与虚拟机'),
          columns,
          rows: [{ id: 'boot', trait: t('Boot time', '启动时间'), cells: { container: t('Seconds', '秒级') }, source }],
        },
      ],
    }),
    messages: [`${FILE}: card "table:vs/boot" field "cells.vm": is missing`],
  },
  {
    name: 'regression: a column named like an Object property ("constructor") is still checked',
    raw: deck({
      tables: [
        {
          id: 'vs',
          title: t('Container vs VM', '容器与虚拟机'),
          columns: [columns[0], { id: 'constructor', label: t('Builder', '构造') }],
          rows: [{ id: 'boot', trait: t('Boot time', '启动时间'), cells: { container: t('Seconds', '秒级') }, source }],
        },
      ],
    }),
    messages: [`${FILE}: card "table:vs/boot" field "cells.constructor": is missing`],
  },
  {
    name: 'trait-table row whose cells are equal (a "which column?" card with two answers)',
    raw: deck({
      tables: [
        {
          id: 'vs',
          title: t('Container vs VM', '容器与虚拟机'),
          columns,
          rows: [
            {
              id: 'os',
              trait: t('Runs an OS', '运行操作系统'),
              cells: { container: t('Yes', '是'), vm: t('Yes', '对') },
              source,
            },
          ],
        },
      ],
    }),
    messages: [
      `${FILE}: card "table:vs/os" field "cells": have the same en text "Yes" in two columns: a "which column?" card would have two right answers`,
    ],
  },
  {
    name: 'cloze numbers differ between the languages',
    raw: deck({
      cards: [
        { id: 'z1', type: 'cloze', source, text: t('{{c1::Docker}} uses {{c2::Go}}', '{{c1::Docker}} 用 Go 写成') },
      ],
    }),
    messages: [
      `${FILE}: card "z1" field "text.zh": uses cloze numbers [1], but text.en uses [1,2]: both languages need the same`,
    ],
  },
  {
    name: 'cloze marker never closed',
    raw: deck({
      cards: [{ id: 'z1', type: 'cloze', source, text: t('{{c1::Docker uses Go', '{{c1::Docker}} 用 Go') }],
    }),
    messages: [`${FILE}: card "z1" field "text.en": has a cloze deletion that is not closed with }}`],
  },
];

test.each(invalid)('$name', ({ raw, messages }) => {
  const r = parseDeck(FILE, raw);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(lines(r.issues)).toEqual(messages);
});

test('text that is not JSON', () => {
  const text = '{ "format": ';
  // The parser's own wording differs between Node versions, so it is taken from the engine at hand.
  let reason = '';
  try {
    JSON.parse(text);
  } catch (e) {
    reason = (e as Error).message.replace(/\s*in JSON at position \d+.*$/s, '');
  }
  const r = parseDeckText(FILE, text);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.issues).toMatchObject([{ file: FILE, code: 'json.invalid' }]);
    expect(lines(r.issues)[0]).toMatch(new RegExp(`^${FILE}: (line \\d+, column \\d+: )?is not valid JSON: `));
    expect(lines(r.issues)[0]).toContain(reason);
  }
});

test('duplicate deck ids across files', () => {
  const text = JSON.stringify(deck({}));
  const { issues, decks } = parseDeckFiles([
    { name: 'decks/a.json', text },
    { name: 'decks/b.json', text },
  ]);
  expect(lines(issues)).toEqual(['decks/b.json: field "id": deck id "demo" is already used by decks/a.json']);
  // The second deck is left out: nothing downstream can get two decks with one id.
  expect(decks).toHaveLength(1);
});

test('a deck with every card type and a trait table parses', () => {
  const r = parseDeck(
    FILE,
    deck({
      description: t('All card types', '所有卡片类型'),
      tags: ['demo'],
      sources: [{ doc: 'doc.txt', title: t('Doc', '文档') }],
      cards: [
        { ...basic, tags: ['basics'], note: t('Still true today.', '至今仍然成立。') },
        { ...basic, id: 'r1', type: 'reverse' },
        {
          id: 'z1',
          type: 'cloze',
          source,
          text: t('{{c1::Containers}} share the kernel', '{{c1::容器}}共享内核'),
          extra: t('x', '叉'),
        },
        mcq({ explanation: t('Because.', '因为。') }),
        {
          id: 'k1',
          type: 'classify',
          source,
          prompt: t('Container or VM?', '容器还是虚拟机？'),
          categories: columns,
          items: [{ id: 'own-kernel', text: t('Own kernel', '自己的内核'), category: 'vm' }],
        },
        {
          id: 't1',
          type: 'type-in',
          source,
          prompt: t('Limits resources?', '限制资源？'),
          answer: t('cgroups', 'cgroups'),
          accept: ['cgroup'],
        },
      ],
      tables: [
        {
          id: 'vs',
          title: t('Container vs VM', '容器与虚拟机'),
          columns,
          rows: [
            {
              id: 'boot',
              trait: t('Boot time', '启动时间'),
              cells: { container: t('Seconds', '秒级'), vm: t('Minutes', '分钟级') },
              source,
              note: t('Both are faster today.', '如今两者都更快。'),
              tags: ['speed'],
            },
          ],
        },
      ],
    }),
  );
  expect(r.ok ? [] : lines(r.issues)).toEqual([]);
  if (r.ok)
    expect(new Set(r.deck.cards.map((c) => c.type))).toEqual(
      new Set(['basic', 'reverse', 'cloze', 'mcq', 'classify', 'type-in']),
    );
});
