// Properties of the search language over generated input: parsing never throws and places every error inside the
// text; a printed query parses back to the same tree; and every card a query matches satisfies its index hint.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatQuery } from '../../src/domain/search/format';
import { indexHint, ratingsSince, type IndexHint } from '../../src/domain/search/index-hint';
import { compileQuery } from '../../src/domain/search/match';
import { parseQuery } from '../../src/domain/search/parse';
import {
  IS_VALUES,
  MAX_DAYS,
  OPERATORS,
  PROP_NAMES,
  TYPE_VALUES,
  type PropName,
  type SearchNode,
} from '../../src/domain/search/query';
import type { SearchCard, SearchContext } from '../../src/domain/search/search-card';
import { CARDS, CTX } from './search-fixtures';

/** Characters that mean something to the syntax, and some that do not, in both scripts. */
const SYNTAX = [...'()"-:\\*_ \t　<>=!.0123456789abcdeflnoprstvwyz', 'or', 'OR', 'and', ...'容器（）：＞'];
const syntaxy = fc.string({
  unit: fc.constantFrom(...SYNTAX, 'deck:', 'tag:', 'is:', 'prop:', 'rated:', 'flag:'),
  maxLength: 30,
});
const anything = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\uD800', '\uDC00', 'a', '"', '\\', '('), maxLength: 10 }),
  syntaxy,
);

describe('parseQuery', () => {
  test('never throws, and every error lies inside the text; a query it returns runs on any card', () => {
    fc.assert(
      fc.property(anything, (s) => {
        const r = parseQuery(s);
        if (r.ok) {
          const test = compileQuery(r.query, CTX);
          for (const card of CARDS) test(card);
          indexHint(r.query, CTX);
          return;
        }
        expect(r.error.at).toBeGreaterThanOrEqual(0);
        expect(r.error.length).toBeGreaterThanOrEqual(0);
        expect(r.error.at + r.error.length).toBeLessThanOrEqual(s.length);
        // Only a place at the very end of the text is empty.
        if (r.error.length === 0) expect(r.error.at).toBe(s.length);
      }),
      { numRuns: 3000 },
    );
  });

  test('a query that parses prints as text that parses to the same tree, and printing is stable', () => {
    fc.assert(
      fc.property(anything, (s) => {
        const r = parseQuery(s);
        if (!r.ok) return;
        const printed = formatQuery(r.query);
        const again = parseQuery(printed);
        expect(again).toEqual({ ok: true, query: r.query });
        if (again.ok) expect(formatQuery(again.query)).toBe(printed);
      }),
      { numRuns: 3000 },
    );
  });
});

/** A pattern in the tree's form: any characters, and a backslash only in `\\` `\*` `\_`. */
const patternOf = (pieces: fc.Arbitrary<string>) =>
  fc.array(fc.oneof(pieces, fc.constantFrom('\\\\', '\\*', '\\_')), { maxLength: 5 }).map((ps) => ps.join(''));
const freeChars = fc.string({ unit: 'grapheme', maxLength: 3 }).map((s) => s.replace(/\\/g, ''));
const fixtureWords = fc.constantFrom(
  ...['container', '容器', 'dog', 'runc', 'shim', 'doc*rd', 'sn_ke', 'a b', 'or', '-x', 'x:y', '"q"', '(p)', '*'],
);
const deckNames = fc.constantFrom(
  ...['containers-vs-vms', 'docker*', '容器与虚拟机', 'french', '*', 'Docker components and history'],
);
const tagNames = fc.constantFrom(...['trait', 'kernel', 'docker', 'docker::*', 'fr*', 'none', '*', 'leech', 'x y']);

/** Values near the fixture's, mostly, and any value. */
const propValue = (name: PropName) =>
  name === 'd' || name === 'r'
    ? fc.double({ min: 0, max: 1, noNaN: true })
    : name === 's'
      ? fc.oneof(fc.double({ min: 0, max: 150, noNaN: true }), fc.double({ noNaN: true, noDefaultInfinity: true }))
      : fc.oneof(fc.integer({ min: -5, max: 45 }), fc.integer());
const dayCount = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: MAX_DAYS }));

/** Mostly names and words the fixture has (so that queries match some cards and not others), and any pattern. */
const mostly = (known: fc.Arbitrary<string>, nonEmpty: boolean) =>
  fc.oneof(
    { arbitrary: known, weight: 3 },
    { arbitrary: patternOf(freeChars).filter((p) => !nonEmpty || p !== ''), weight: 1 },
  );

const leaf: fc.Arbitrary<SearchNode> = fc.oneof(
  mostly(fixtureWords, false).map((pattern) => ({ kind: 'text' as const, pattern })),
  mostly(deckNames, true).map((pattern) => ({ kind: 'deck' as const, pattern })),
  mostly(tagNames, true).map((pattern) => ({ kind: 'tag' as const, pattern })),
  fc.constantFrom(...IS_VALUES).map((value) => ({ kind: 'is' as const, value })),
  fc.constantFrom(...TYPE_VALUES).map((value) => ({ kind: 'type' as const, value })),
  fc.integer({ min: 0, max: 7 }).map((value) => ({ kind: 'flag' as const, value })),
  fc
    .record({
      days: dayCount,
      ease: fc.option(fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>),
    })
    .map(({ days, ease }) =>
      ease === null ? { kind: 'rated' as const, days } : { kind: 'rated' as const, days, ease },
    ),
  dayCount.map((days) => ({ kind: 'added' as const, days })),
  fc
    .constantFrom(...PROP_NAMES)
    .chain((name) => fc.record({ name: fc.constant(name), op: fc.constantFrom(...OPERATORS), value: propValue(name) }))
    // The tree holds 0, never -0 (they read the same).
    .map(({ name, op, value }) => ({ kind: 'prop' as const, name, op, value: value + 0 })),
);

/** Trees as the parser makes them: an and/or has two children or more, and nests only where parentheses were. */
const { node: tree } = fc.letrec<{ node: SearchNode; and: SearchNode; or: SearchNode; not: SearchNode }>((tie) => ({
  node: fc.oneof({ maxDepth: 4, depthIdentifier: 'tree' }, leaf, tie('and'), tie('or'), tie('not')),
  and: fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((children) => ({ kind: 'and' as const, children })),
  or: fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((children) => ({ kind: 'or' as const, children })),
  not: tie('node').map((child) => ({ kind: 'not' as const, child })),
}));

describe('formatQuery', () => {
  test('any tree prints as a query that parses back to it', () => {
    fc.assert(
      fc.property(tree, (q) => {
        expect(parseQuery(formatQuery(q))).toEqual({ ok: true, query: q });
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    [{ kind: 'text', pattern: 'a b' }, '"a b"'],
    [{ kind: 'text', pattern: 'or' }, '"or"'],
    [{ kind: 'text', pattern: '-x' }, '\\-x'],
    [{ kind: 'text', pattern: 'x:y' }, 'x\\:y'],
    [{ kind: 'text', pattern: '' }, '""'],
    [{ kind: 'deck', pattern: 'french vocab' }, 'deck:"french vocab"'],
    [{ kind: 'prop', name: 'due', op: '<=', value: -1 }, 'prop:due<=-1'],
    [{ kind: 'rated', days: 7, ease: 1 }, 'rated:7:1'],
    [
      {
        kind: 'or',
        children: [
          {
            kind: 'and',
            children: [
              { kind: 'text', pattern: 'a' },
              { kind: 'text', pattern: 'b' },
            ],
          },
          { kind: 'text', pattern: 'c' },
        ],
      },
      'a b or c',
    ],
    [
      {
        kind: 'not',
        child: {
          kind: 'or',
          children: [
            { kind: 'is', value: 'new' },
            { kind: 'flag', value: 1 },
          ],
        },
      },
      '-(is:new or flag:1)',
    ],
  ] satisfies Array<[SearchNode, string]>)('%j prints as %s', (q, text) => {
    expect(formatQuery(q)).toBe(text);
  });
});

/** Whether a card satisfies every condition of a hint, as the indexes would find it. */
function satisfies(card: SearchCard, hint: IndexHint, ctx: SearchContext): boolean {
  if (hint.deckIds && !hint.deckIds.includes(card.deckId)) return false;
  if (hint.states && !hint.states.includes(card.state)) return false;
  if (hint.due?.from !== undefined && card.due < hint.due.from) return false;
  if (hint.due?.below !== undefined && card.due >= hint.due.below) return false;
  if (hint.tags) {
    const { equals, startsWith } = hint.tags;
    const found = card.tags.some(
      (t) => equals.includes(t.toLowerCase()) || startsWith.some((p) => t.toLowerCase().startsWith(p)),
    );
    if (!found) return false;
  }
  if (hint.parked && card.suspended !== true && card.buriedUntil === undefined) return false;
  if (hint.answeredSince !== undefined && !ctx.ratings(card.id).some((r) => r.review >= hint.answeredSince!)) {
    return false;
  }
  return true;
}

describe('indexHint is sound: no card a query matches is outside its hint', () => {
  test('over generated queries and the fixture cards', () => {
    fc.assert(
      fc.property(tree, (q) => {
        const hint = indexHint(q, CTX);
        const test = compileQuery(q, CTX);
        for (const card of CARDS) if (test(card)) expect(satisfies(card, hint, CTX), card.id).toBe(true);
        // And rated: never needs a log entry older than ratingsSince says.
        const since = ratingsSince(q, CTX);
        const onlyRecent: SearchContext = {
          ...CTX,
          ratings: (id) => CTX.ratings(id).filter((r) => since !== null && r.review >= since),
        };
        const recent = compileQuery(q, onlyRecent);
        for (const card of CARDS) expect(recent(card), card.id).toBe(test(card));
      }),
      { numRuns: 2000 },
    );
  });
});
