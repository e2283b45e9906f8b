// indexHint: what the database can narrow by before it tests cards (decks, states, due range, tags, parked cards,
// answers since), for each kind of term and their combinations; and that no matching card is ever outside it.
import { describe, expect, test } from 'vitest';
import { CardState } from '../../src/domain/scheduler';
import { indexHint, ratingsSince, type IndexHint } from '../../src/domain/search/index-hint';
import { compileQuery } from '../../src/domain/search/match';
import { parseQuery } from '../../src/domain/search/parse';
import type { SearchQuery } from '../../src/domain/search/query';
import type { SearchCard } from '../../src/domain/search/search-card';
import { CARDS, CTX, DAY } from './search-fixtures';

const q = (text: string): SearchQuery => {
  const r = parseQuery(text);
  if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.error)}`);
  return r.query;
};
const { start, end } = CTX.day;
const STUDIED = [CardState.Learning, CardState.Review, CardState.Relearning];

const HINTS: Array<[string, IndexHint]> = [
  ['', {}],
  ['dog', {}],
  ['prop:ivl>3 added:1 type:mcq flag:1 is:flagged', {}],
  ['deck:containers-vs-vms', { deckIds: ['containers-vs-vms'] }],
  ['deck:docker*', { deckIds: ['docker-architecture'] }],
  ['deck:容器与虚拟机 or deck:french', { deckIds: ['anki-french', 'containers-vs-vms'] }],
  ['deck:nothing', { deckIds: [] }],
  ['-deck:docker-architecture', { deckIds: ['anki-french', 'containers-vs-vms'] }],
  ['deck:docker* deck:*', { deckIds: ['docker-architecture'] }],
  ['is:new', { states: [CardState.New] }],
  ['-is:new', { states: STUDIED }],
  ['is:learn', { states: [CardState.Learning, CardState.Relearning] }],
  ['is:learn is:review', { states: [CardState.Relearning] }],
  ['is:new or is:learn', { states: [CardState.New, CardState.Learning, CardState.Relearning] }],
  ['is:new or dog', {}],
  // Review cards due before the day ends; learning cards before the learn-ahead limit (20 minutes), earlier here.
  ['is:due', { states: STUDIED, due: { below: end } }],
  ['deck:containers-vs-vms is:due', { deckIds: ['containers-vs-vms'], states: STUDIED, due: { below: end } }],
  ['is:new prop:due<3', { states: [], due: { below: end + 2 * DAY } }],
  ['prop:due<3', { states: STUDIED, due: { below: end + 2 * DAY } }],
  ['prop:due<=0', { states: STUDIED, due: { below: end } }],
  ['prop:due=0', { states: STUDIED, due: { from: start, below: end } }],
  ['prop:due>=-1', { states: STUDIED, due: { from: start - DAY } }],
  ['prop:due>1', { states: STUDIED, due: { from: end + DAY } }],
  ['prop:due!=0', { states: STUDIED }],
  ['prop:due>=0 prop:due<2', { states: STUDIED, due: { from: start, below: end + DAY } }],
  ['prop:due<0 or prop:due=5', { states: STUDIED, due: { below: end + 5 * DAY } }],
  ['prop:due<0 or is:review', { states: STUDIED }],
  ['prop:s>3 or prop:d<0.5 or prop:r<0.9', { states: STUDIED }],
  ['tag:Docker', { tags: { equals: ['docker'], startsWith: ['docker::'] } }],
  ['tag:doc*', { tags: { equals: [], startsWith: ['doc'] } }],
  ['tag:*x', {}],
  ['tag:a*b', {}],
  ['tag:none', {}],
  ['tag:a or tag:b*', { tags: { equals: ['a'], startsWith: ['a::', 'b'] } }],
  ['tag:a tag:b', { tags: { equals: ['a'], startsWith: ['a::'] } }],
  ['tag:a\\*', { tags: { equals: ['a*'], startsWith: ['a*::'] } }],
  ['is:suspended', { parked: true }],
  ['is:suspended or is:buried', { parked: true }],
  ['is:suspended or dog', {}],
  ['rated:1', { answeredSince: start }],
  ['rated:2:1 or rated:7', { answeredSince: start - 6 * DAY }],
  ['rated:2 rated:7', { answeredSince: start - DAY }],
  ['rated:2 or dog', {}],
  ['-rated:1', {}],
  [
    'deck:docker* tag:cli is:review prop:due=1',
    {
      deckIds: ['docker-architecture'],
      states: [CardState.Review, CardState.Relearning],
      due: { from: end, below: end + DAY },
      tags: { equals: ['cli'], startsWith: ['cli::'] },
    },
  ],
];

describe('indexHint', () => {
  test.each(HINTS)('%s', (text, hint) => {
    expect(indexHint(q(text), CTX)).toEqual(hint);
  });

  test('is:due reaches past the day’s end when the learn-ahead limit does (late in the study day)', () => {
    const late = { ...CTX, now: end - 5 * 60_000 };
    expect(indexHint(q('is:due'), late).due).toEqual({ below: end - 5 * 60_000 + 20 * 60_000 + 1 });
  });

  test('ratingsSince: the earliest answer any rated: term looks at, negated ones too; null without one', () => {
    expect(ratingsSince(q('dog'), CTX)).toBeNull();
    expect(ratingsSince(q('rated:1 or -(rated:3:1 dog)'), CTX)).toBe(start - 2 * DAY);
  });
});

function satisfies(card: SearchCard, hint: IndexHint): boolean {
  const tag = (t: string) =>
    hint.tags!.equals.includes(t.toLowerCase()) || hint.tags!.startsWith.some((p) => t.toLowerCase().startsWith(p));
  return (
    (hint.deckIds?.includes(card.deckId) ?? true) &&
    (hint.states?.includes(card.state) ?? true) &&
    card.due >= (hint.due?.from ?? -Infinity) &&
    card.due < (hint.due?.below ?? Infinity) &&
    (hint.tags === undefined || card.tags.some(tag)) &&
    (!hint.parked || card.suspended === true || card.buriedUntil !== undefined) &&
    (hint.answeredSince === undefined || CTX.ratings(card.id).some((r) => r.review >= hint.answeredSince!))
  );
}

const REALISTIC = [
  ...HINTS.map(([text]) => text),
  'deck:docker-architecture is:due',
  'deck:containers-vs-vms (is:due or is:new)',
  'tag:trait -is:new',
  'tag:docker or tag:kernel',
  'is:suspended or is:buried',
  'prop:due<=0 -deck:anki-french',
  'rated:7 tag:docker',
  '-is:learn is:review prop:due<3',
];

describe('no card a query matches is left out by its hint', () => {
  test.each(REALISTIC)('%s', (text) => {
    const query = q(text);
    const hint = indexHint(query, CTX);
    const matching = CARDS.filter(compileQuery(query, CTX));
    for (const card of matching) expect(satisfies(card, hint), card.id).toBe(true);
  });

  test('the hint of deck:X is:due leaves most cards out before any is tested', () => {
    const hint = indexHint(q('deck:docker-architecture is:due'), CTX);
    const read = CARDS.filter((c) => satisfies(c, hint)).map((c) => c.id);
    expect(read.length).toBeLessThan(CARDS.length / 2);
    expect(read).toEqual(expect.arrayContaining(['docker/which', 'docker/shim', 'docker/relearn']));
  });
});
