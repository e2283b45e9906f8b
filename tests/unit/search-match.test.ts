// The search language against a fixture of cards: a table of queries and the ids they find, for every field,
// operator and combination, in both languages; and the fine points (day boundaries, retrievability, mapping a row).
import { describe, expect, test } from 'vitest';
import { CardState, newMemory, retrievability, type Memory } from '../../src/domain/scheduler';
import { compileQuery, matches, retrievabilityNow } from '../../src/domain/search/match';
import { parseQuery } from '../../src/domain/search/parse';
import { cardTexts, toSearchCard, type SearchCard } from '../../src/domain/search/search-card';
import { foldText } from '../../src/domain/search/glob';
import { expandDeck } from '../../src/domain/study-card';
import type { Deck } from '../../src/domain/deck-schema';
import { ALL_IDS, CARDS, CTX, DAY, NOW } from './search-fixtures';

/** The ids of the fixture cards a query finds, in fixture order. */
function found(query: string, ctx = CTX, cards: readonly SearchCard[] = CARDS): string[] {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(`${query}: ${JSON.stringify(parsed.error)}`);
  const test = compileQuery(parsed.query, ctx);
  return cards.filter(test).map((c) => c.id);
}

const except = (...ids: string[]) => ALL_IDS.filter((id) => !ids.includes(id));

const CONTAINER = [
  'vm/start',
  'vm/kernel:reverse',
  'docker/lifecycle:c1',
  'docker/which',
  'vm/classify:gvisor',
  'docker/run',
  'vm/table:vs/isolation',
  'docker/shim',
];
const VM_DECK = [
  'vm/start',
  'vm/kernel:reverse',
  'vm/classify:gvisor',
  'vm/table:vs/isolation',
  'vm/old',
  'vm/unburied',
  'vm/namespaces',
];
const DOCKER_DECK = [
  'docker/lifecycle:c1',
  'docker/lifecycle:c2',
  'docker/which',
  'docker/run',
  'docker/html',
  'docker/literal',
  'docker/interday',
  'docker/flag7',
  'docker/shim',
  'docker/relearn',
];
const NEW = ['vm/start', 'docker/lifecycle:c2', 'vm/table:vs/isolation', 'docker/html', 'docker/flag7'];
const FLAGGED = ['docker/which', 'vm/classify:gvisor', 'docker/flag7'];
const DUE = [
  'docker/lifecycle:c1',
  'docker/which',
  'fr/chien',
  'docker/interday',
  'vm/unburied',
  'docker/shim',
  'docker/relearn',
];

const TABLE: Array<[string, string[]]> = [
  // Free text: anywhere in either language, ignoring case; Chinese inside words.
  ['', ALL_IDS],
  ['container', CONTAINER],
  ['CONTAINER', CONTAINER],
  ['容器', CONTAINER],
  ['虚拟机', ['vm/classify:gvisor', 'vm/table:vs/isolation', 'vm/old']],
  ['容器 -虚拟机', CONTAINER.filter((id) => id !== 'vm/classify:gvisor' && id !== 'vm/table:vs/isolation')],
  ['容器 and 启动', ['vm/start', 'docker/which', 'docker/run']],
  ['dog', ['fr/chien']],
  ['dog cat', []],
  ['chien or 紫色', ['fr/chien', 'docker/flag7']],
  ['dog OR 紫色', ['fr/chien', 'docker/flag7']],
  ['-container', except(...CONTAINER)],
  ['shim', ['docker/shim']],
  // Cloze markers and hints, HTML tags and entities are not text.
  ['containerd', ['docker/lifecycle:c1']],
  ['"containerd manages"', ['docker/lifecycle:c1']],
  ['runc', ['docker/lifecycle:c2', 'docker/which']],
  ['"low-level runtime"', []],
  ['example', ['docker/html']],
  ['"one line two"', ['docker/html']],
  ['"& more"', ['docker/html']],
  ['bmple', []],
  // Wildcards and escapes.
  ['doc*rd', ['docker/lifecycle:c2', 'docker/which', 'docker/shim']],
  ['sn_ke', ['docker/literal']],
  ['a\\*b', ['docker/literal']],
  ['snake\\_case', ['docker/literal']],
  ['"\\"hello\\""', ['docker/literal']],
  ['\\"hello\\"', ['docker/literal']],
  ['\\(everyone\\)', ['docker/literal']],
  ['"(everyone)"', ['docker/literal']],
  ['c\\:\\\\path', ['docker/literal']],
  // Decks: id or either title, ignoring case, quoted, wildcard, a parent of a `::` name.
  ['deck:containers-vs-vms', VM_DECK],
  ['deck:容器与虚拟机', VM_DECK],
  ['deck:"containers vs virtual machines"', VM_DECK],
  ['"deck:Containers vs virtual machines"', VM_DECK],
  ['deck:docker*', DOCKER_DECK],
  ['deck:*组件*', DOCKER_DECK],
  ['deck:french', ['fr/chien']],
  ['deck:french::vocab', ['fr/chien']],
  ['deck:vocab', []],
  ['deck:containers', []],
  ['-deck:docker-architecture', [...VM_DECK, 'fr/chien'].sort((a, b) => ALL_IDS.indexOf(a) - ALL_IDS.indexOf(b))],
  // Tags: whole tag or a parent, ignoring case, wildcard, none.
  ['tag:trait', ['vm/start', 'vm/kernel:reverse', 'vm/table:vs/isolation']],
  ['tag:kernel', ['vm/kernel:reverse', 'vm/namespaces']],
  ['tag:docker', ['docker/lifecycle:c1', 'docker/lifecycle:c2', 'docker/which']],
  ['tag:docker::*', ['docker/lifecycle:c1', 'docker/lifecycle:c2']],
  ['tag:fr*', ['fr/chien']],
  ['tag:kern', []],
  [
    'tag:none',
    [
      'vm/classify:gvisor',
      'docker/literal',
      'docker/interday',
      'vm/unburied',
      'docker/flag7',
      'docker/shim',
      'docker/relearn',
    ],
  ],
  // States, as Anki's: relearning is both learning and review; due leaves out suspended and buried cards.
  ['is:new', NEW],
  ['is:learn', ['docker/lifecycle:c1', 'vm/classify:gvisor', 'docker/interday', 'docker/relearn']],
  ['is:review', except(...NEW, 'docker/lifecycle:c1', 'docker/interday')],
  ['is:learn is:review', ['vm/classify:gvisor', 'docker/relearn']],
  ['is:due', DUE],
  ['is:suspended', ['docker/run']],
  ['is:buried', ['vm/table:vs/isolation']],
  ['is:flagged', FLAGGED],
  ['-is:suspended -is:buried is:new', ['vm/start', 'docker/lifecycle:c2', 'docker/html', 'docker/flag7']],
  ['flag:0', except(...FLAGGED)],
  ['flag:1', ['docker/which']],
  ['flag:3', ['vm/classify:gvisor']],
  ['flag:7', ['docker/flag7']],
  // Card types.
  ['type:cloze', ['docker/lifecycle:c1', 'docker/lifecycle:c2']],
  ['type:mcq', ['docker/which']],
  ['type:reverse', ['vm/kernel:reverse']],
  ['type:classify', ['vm/classify:gvisor']],
  ['type:type-in', ['docker/run']],
  ['type:compare', ['vm/table:vs/isolation']],
  ['TYPE:MCQ', ['docker/which']],
  // Properties and their operators.
  ['prop:ivl>=10', ['vm/kernel:reverse', 'docker/which', 'docker/literal', 'vm/old']],
  ['prop:ivl>10', ['vm/kernel:reverse', 'docker/which', 'vm/old']],
  [
    'prop:ivl=0',
    [...NEW, 'docker/lifecycle:c1', 'vm/classify:gvisor', 'docker/relearn'].sort(
      (a, b) => ALL_IDS.indexOf(a) - ALL_IDS.indexOf(b),
    ),
  ],
  ['prop:due=1', ['vm/namespaces']],
  ['prop:due<0', ['docker/which', 'docker/shim']],
  ['prop:due=-1', ['docker/which']],
  ['prop:due=-3', ['docker/shim']],
  [
    'prop:due<=0',
    [
      'docker/lifecycle:c1',
      'docker/which',
      'vm/classify:gvisor',
      'fr/chien',
      'docker/interday',
      'vm/unburied',
      'docker/shim',
      'docker/relearn',
    ],
  ],
  ['prop:due>5', ['docker/literal', 'vm/old']],
  ['prop:due>=5', ['vm/kernel:reverse', 'docker/literal', 'vm/old']],
  ['prop:due!=0', ['vm/kernel:reverse', 'docker/which', 'docker/literal', 'vm/old', 'vm/namespaces', 'docker/shim']],
  ['prop:s>30', ['vm/kernel:reverse', 'vm/old']],
  ['prop:s<1', ['docker/lifecycle:c1', 'docker/relearn']],
  ['prop:d>0.8', ['docker/which', 'vm/namespaces', 'docker/relearn']],
  ['prop:d=0', ['vm/old']],
  [
    'prop:d<=0.5',
    ['vm/kernel:reverse', 'docker/run', 'docker/literal', 'docker/interday', 'vm/old', 'vm/unburied', 'docker/shim'],
  ],
  ['prop:r<0.7', ['docker/shim']],
  ['prop:r<0.9', ['docker/which', 'docker/shim']],
  ['prop:r>=0', except(...NEW)],
  ['prop:reps>10', ['docker/which', 'vm/old']],
  ['prop:lapses>=3', ['docker/which', 'fr/chien']],
  // Answered and added, in study days (1 is today).
  ['rated:1', ['fr/chien']],
  ['rated:2', ['docker/which', 'fr/chien']],
  ['rated:7', ['docker/which', 'fr/chien', 'vm/namespaces']],
  ['rated:8', ['vm/kernel:reverse', 'docker/which', 'fr/chien', 'vm/namespaces']],
  ['rated:7:1', ['fr/chien']],
  ['rated:7:3', ['docker/which', 'vm/namespaces']],
  ['rated:2:2', ['docker/which']],
  ['rated:2:3', []],
  ['-rated:7', except('docker/which', 'fr/chien', 'vm/namespaces')],
  ['added:1', ['vm/start']],
  ['added:3', ['vm/start', 'docker/lifecycle:c1']],
  ['added:7', ['vm/start', 'docker/lifecycle:c1', 'docker/flag7']],
  ['added:10', ['vm/start', 'docker/lifecycle:c1', 'docker/flag7']],
  ['added:11', ['vm/start', 'docker/lifecycle:c1', 'docker/html', 'docker/flag7']],
  // Combinations: precedence (and before or), nesting, negated groups, fields in any case.
  ['deck:containers-vs-vms is:due', ['vm/unburied']],
  ['deck:docker-architecture is:due', DUE.filter((id) => id.startsWith('docker/'))],
  ['(tag:trait or tag:kernel) -is:new', ['vm/kernel:reverse', 'vm/namespaces']],
  ['容器 or dog is:review', [...CONTAINER.slice(0, 7), 'fr/chien', 'docker/shim']],
  [
    '(容器 or dog) is:review',
    ['vm/kernel:reverse', 'docker/which', 'vm/classify:gvisor', 'docker/run', 'fr/chien', 'docker/shim'],
  ],
  ['-(is:new or is:learn) prop:ivl<5', ['docker/run', 'fr/chien', 'vm/unburied', 'docker/shim']],
  ['deck:docker* (type:cloze or (is:flagged -flag:1))', ['docker/lifecycle:c1', 'docker/lifecycle:c2', 'docker/flag7']],
  ['"deck:containers vs virtual machines" tag:trait', ['vm/start', 'vm/kernel:reverse', 'vm/table:vs/isolation']],
  ['DECK:Containers* IS:NEW', ['vm/start', 'vm/table:vs/isolation']],
  ['-(-dog)', ['fr/chien']],
];

describe('queries and the cards they find', () => {
  test.each(TABLE)('%s', (query, ids) => {
    expect(found(query)).toEqual(ids);
  });

  test('the table names every card at least once and leaves each out at least once', () => {
    const named = new Set(TABLE.flatMap(([, ids]) => ids));
    expect([...named].sort()).toEqual([...ALL_IDS].sort());
    for (const id of ALL_IDS)
      expect(
        TABLE.some(([, ids]) => !ids.includes(id)),
        id,
      ).toBe(true);
  });

  test('matches() agrees with the compiled query, card by card', () => {
    const parsed = parseQuery('deck:docker* (is:due or prop:d>0.8)');
    if (!parsed.ok) throw new Error('parse');
    const compiled = compileQuery(parsed.query, CTX);
    for (const card of CARDS) expect(matches(card, parsed.query, CTX)).toBe(compiled(card));
  });
});

describe('time and the study day', () => {
  test('is:due counts learning cards due within the learn-ahead limit, which the context can set', () => {
    expect(found('"Container or VM" is:due')).toEqual([]);
    expect(found('"Container or VM" is:due', { ...CTX, learnAheadMs: 30 * 60_000 })).toEqual(['vm/classify:gvisor']);
  });

  test('a burial ends at its time: a card buried until the next study day is not buried once that day starts', () => {
    const later = { ...CTX, now: CTX.day.end, day: { start: CTX.day.end, end: CTX.day.end + DAY } };
    expect(found('is:buried')).toEqual(['vm/table:vs/isolation']);
    expect(found('is:buried', later)).toEqual([]);
    // A burial that ran out (at today's start) is no burial: that card is due.
    expect(found('"burial that ran out" is:due')).toEqual(['vm/unburied']);
    expect(found('is:new -is:buried', later)).toContain('vm/table:vs/isolation');
    // Tomorrow's reviews are due once tomorrow's study day has started.
    expect(found('is:due')).not.toContain('vm/namespaces');
    expect(found('is:due', later)).toContain('vm/namespaces');
  });

  test('prop:due counts study days from the context’s day bounds (4:00 to 4:00), not from midnight', () => {
    const card: SearchCard = { ...CARDS[1]!, id: 'x', due: CTX.day.start - 1 };
    // One ms before today's start is yesterday: overdue by one day.
    expect(found('prop:due=-1', CTX, [card])).toEqual(['x']);
    expect(found('prop:due=0', CTX, [{ ...card, due: CTX.day.start }])).toEqual(['x']);
    expect(found('prop:due=1', CTX, [{ ...card, due: CTX.day.end }])).toEqual(['x']);
    expect(found('prop:due=0', CTX, [{ ...card, due: CTX.day.end - 1 }])).toEqual(['x']);
  });

  test('prop:due on a new card never matches (it has no due day, as in Anki), nor on a suspended one', () => {
    expect(found('prop:due>-100000 is:new')).toEqual([]);
    expect(found('prop:due>-100000 is:suspended')).toEqual([]);
  });

  test('prop:r is ts-fsrs’s retrievability, the one scheduler.ts computes for the card info and the quiz', () => {
    for (const card of CARDS.filter((c) => c.state !== CardState.New)) {
      const memory: Memory = {
        ...newMemory(new Date(NOW)),
        state: card.state,
        stability: card.stability,
        difficulty: card.difficulty,
        lastReview: card.lastReview,
        due: card.due,
        scheduledDays: card.scheduledDays,
        reps: card.reps,
        lapses: card.lapses,
      };
      expect(retrievabilityNow(card, NOW), card.id).toBeCloseTo(retrievability(card.id, memory, new Date(NOW)), 8);
    }
    expect(retrievabilityNow(CARDS[0]!, NOW)).toBeUndefined();
  });
});

describe('a stored card as the search sees it', () => {
  const deck: Deck = {
    format: 'dockdeck/deck@1',
    id: 'd',
    title: { en: 'D', zh: 'D' },
    cards: [
      {
        id: 'two',
        type: 'reverse',
        front: { en: 'Front', zh: '正面' },
        back: { en: 'Back', zh: '背面' },
        tags: ['t'],
        note: { en: 'A note', zh: '注释' },
      },
      { id: 'cz', type: 'cloze', text: { en: '{{c1::one}} {{c2::two}}', zh: '{{c1::一}} {{c2::二}}' }, tags: [] },
    ],
    tables: [],
  } as unknown as Deck;

  test('toSearchCard keeps the row’s fields and marks, and types a two-way card’s back-to-front card as reverse', () => {
    const cards = expandDeck(deck).map((c) =>
      toSearchCard({ ...c, ...newMemory(new Date(NOW)), createdAt: NOW, flag: 2 }),
    );
    expect(cards.map((c) => [c.id, c.type])).toEqual([
      ['d/two', 'basic'],
      ['d/two:reverse', 'reverse'],
      ['d/cz:c1', 'cloze'],
      ['d/cz:c2', 'cloze'],
    ]);
    expect(cards[0]).toMatchObject({ deckId: 'd', tags: ['t'], flag: 2, createdAt: NOW, state: CardState.New });
    expect(cards[0]!.texts).toEqual(['Front', '正面', 'Back', '背面', 'A note', '注释']);
    expect(cards[0]).not.toHaveProperty('suspended');
  });

  test('a caller may keep the folded text; the search then uses it as it is', () => {
    const card: SearchCard = { ...CARDS[0]!, folded: 'only this' };
    expect(found('only', CTX, [card])).toEqual(['vm/start']);
    expect(found('container', CTX, [card])).toEqual([]);
    expect(
      foldText(cardTexts({ kind: 'basic', front: { en: 'A<i>b</i>', zh: '甲' }, back: { en: 'C', zh: '丙' } })),
    ).toBe('ab\n甲\nc\n丙');
  });
});
