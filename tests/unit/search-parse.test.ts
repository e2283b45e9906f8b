// The search language's parser: the trees it builds (precedence, grouping, quoting, escapes), and a table of syntax
// errors with the place and code each one reports.
import { describe, expect, test } from 'vitest';
import { MAX_DEPTH, parseQuery } from '../../src/domain/search/parse';
import type { SearchErrorCode, SearchNode } from '../../src/domain/search/query';

const tree = (query: string): SearchNode => {
  const r = parseQuery(query);
  if (!r.ok) throw new Error(`${query}: ${JSON.stringify(r.error)}`);
  return r.query;
};
const text = (pattern: string): SearchNode => ({ kind: 'text', pattern });
const and = (...children: SearchNode[]): SearchNode => ({ kind: 'and', children });
const or = (...children: SearchNode[]): SearchNode => ({ kind: 'or', children });
const not = (child: SearchNode): SearchNode => ({ kind: 'not', child });

describe('the trees queries make', () => {
  test.each<[string, SearchNode]>([
    ['', and()],
    ['   ', and()],
    ['dog', text('dog')],
    ['dog cat', and(text('dog'), text('cat'))],
    ['dog and cat', and(text('dog'), text('cat'))],
    // `and` binds tighter than `or`, as in Anki: "dog and cat, or mouse".
    ['dog cat or mouse', or(and(text('dog'), text('cat')), text('mouse'))],
    ['dog (cat or mouse)', and(text('dog'), or(text('cat'), text('mouse')))],
    ['dog OR cat Or mouse', or(text('dog'), text('cat'), text('mouse'))],
    ['-cat -mouse', and(not(text('cat')), not(text('mouse')))],
    ['-(cat or mouse)', not(or(text('cat'), text('mouse')))],
    ['--cat', not(not(text('cat')))],
    ['(dog)', text('dog')],
    ['((dog cat))', and(text('dog'), text('cat'))],
    ['a (b c)', and(text('a'), and(text('b'), text('c')))],
    ['"a dog"', text('a dog')],
    ['-"a dog"', not(text('a dog'))],
    ['"or"', text('or')],
    ['-or', not(text('or'))],
    ['a"b c"d', text('ab cd')],
    ['"(x)"', text('(x)')],
    ['\\(x\\)', text('(x)')],
    ['\\-x', text('-x')],
    ['a-b', text('a-b')],
    ['"a \\"b\\""', text('a "b"')],
    ['a\\:b', text('a:b')],
    // Glob escapes stay in the pattern; a backslash that escapes nothing is a backslash.
    ['a\\*b', text('a\\*b')],
    ['a\\_b', text('a\\_b')],
    ['a\\\\b', text('a\\\\b')],
    ['a\\b', text('a\\\\b')],
    ['x\\', text('x\\\\')],
    ['容器　虚拟机', and(text('容器'), text('虚拟机'))],
    ['deck:"french vocab"', { kind: 'deck', pattern: 'french vocab' }],
    ['"deck:french vocab"', { kind: 'deck', pattern: 'french vocab' }],
    ['deck:a:b', { kind: 'deck', pattern: 'a:b' }],
    ['deck:-x', { kind: 'deck', pattern: '-x' }],
    ['deck:or', { kind: 'deck', pattern: 'or' }],
    ['TAG:Docker::*', { kind: 'tag', pattern: 'Docker::*' }],
    ['is:DUE', { kind: 'is', value: 'due' }],
    ['flag:0', { kind: 'flag', value: 0 }],
    ['flag:07', { kind: 'flag', value: 7 }],
    ['rated:7', { kind: 'rated', days: 7 }],
    ['rated:31:4', { kind: 'rated', days: 31, ease: 4 }],
    ['added:1', { kind: 'added', days: 1 }],
    ['type:type-in', { kind: 'type', value: 'type-in' }],
    ['prop:ivl>=10', { kind: 'prop', name: 'ivl', op: '>=', value: 10 }],
    ['prop:due=-1', { kind: 'prop', name: 'due', op: '=', value: -1 }],
    ['prop:due!=-0', { kind: 'prop', name: 'due', op: '!=', value: 0 }],
    ['prop:d>0.8', { kind: 'prop', name: 'd', op: '>', value: 0.8 }],
    ['prop:r<.7', { kind: 'prop', name: 'r', op: '<', value: 0.7 }],
    ['prop:s<=1e2', { kind: 'prop', name: 's', op: '<=', value: 100 }],
    ['PROP:Reps<3', { kind: 'prop', name: 'reps', op: '<', value: 3 }],
    ['prop:lapses>3', { kind: 'prop', name: 'lapses', op: '>', value: 3 }],
    // Operators typed with a Chinese input method (full-width) are the same operators.
    ['prop:ivl＞＝10', { kind: 'prop', name: 'ivl', op: '>=', value: 10 }],
    ['prop:due！＝0', { kind: 'prop', name: 'due', op: '!=', value: 0 }],
  ])('%s', (query, expected) => {
    expect(tree(query)).toEqual(expected);
  });
});

/** [query, offset, length, code, some of the params] */
const ERRORS: Array<[string, number, number, SearchErrorCode, Record<string, unknown>?]> = [
  ['"a dog', 0, 1, 'unclosed-quote'],
  ['cat deck:"french', 9, 1, 'unclosed-quote'],
  ['(dog cat', 0, 1, 'unclosed-paren'],
  ['a (b (c) d', 2, 1, 'unclosed-paren'],
  ['dog)', 3, 1, 'unmatched-paren'],
  [')', 0, 1, 'unmatched-paren'],
  ['a () b', 2, 2, 'empty-parens'],
  ['a ( ) b', 2, 3, 'empty-parens'],
  ['or dog', 0, 2, 'dangling-operator', { op: 'or' }],
  ['dog or', 4, 2, 'dangling-operator', { op: 'or' }],
  ['dog OR or cat', 4, 2, 'dangling-operator', { op: 'or' }],
  ['(dog or) cat', 5, 2, 'dangling-operator', { op: 'or' }],
  ['(or dog)', 1, 2, 'dangling-operator', { op: 'or' }],
  ['and dog', 0, 3, 'dangling-operator', { op: 'and' }],
  ['dog and', 4, 3, 'dangling-operator', { op: 'and' }],
  ['dog - cat', 4, 1, 'nothing-to-negate'],
  ['dog -', 4, 1, 'nothing-to-negate'],
  ['(dog -)', 5, 1, 'nothing-to-negate'],
  [':dog', 0, 1, 'stray-colon'],
  ['decks:x', 0, 5, 'unknown-field', { field: 'decks', suggestion: 'deck' }],
  ['tga:x', 0, 3, 'unknown-field', { field: 'tga', suggestion: 'tag' }],
  ['http://example.com', 0, 4, 'unknown-field', { field: 'http' }],
  ['a "front:x y"', 3, 5, 'unknown-field', { field: 'front' }],
  ['note:Basic', 0, 4, 'anki-only-field', { field: 'note' }],
  ['deck:', 4, 1, 'empty-value', { field: 'deck' }],
  ['tag:"" x', 3, 3, 'empty-value', { field: 'tag' }],
  [
    'is:old',
    3,
    3,
    'unknown-is',
    { value: 'old', valid: ['new', 'learn', 'review', 'due', 'suspended', 'buried', 'flagged'] },
  ],
  ['is:learning', 3, 8, 'unknown-is', { suggestion: 'learn' }],
  ['is:suspend', 3, 7, 'unknown-is', { suggestion: 'suspended' }],
  ['type:qcm', 5, 3, 'unknown-type', { value: 'qcm' }],
  ['type:typein', 5, 6, 'unknown-type', { suggestion: 'type-in' }],
  ['prop:ivvl>3', 5, 4, 'unknown-prop', { name: 'ivvl', suggestion: 'ivl' }],
  ['prop:interval>3', 5, 8, 'unknown-prop', { suggestion: 'ivl' }],
  ['prop:ease>2.5', 5, 4, 'unknown-prop', { name: 'ease' }],
  ['prop:>3', 5, 1, 'unknown-prop', { name: '' }],
  ['prop:ivl', 5, 3, 'bad-operator', { term: 'prop:ivl', got: '' }],
  // fast-check found it: the term ends at the parenthesis, so the place is the property's name.
  ['prop:d(', 5, 1, 'bad-operator', { term: 'prop:d', got: '' }],
  ['prop:ivl=>3', 8, 2, 'bad-operator', { got: '=>' }],
  ['prop:ivl~3', 8, 1, 'bad-operator', { got: '~' }],
  ['prop:ivl3', 8, 1, 'bad-operator', { got: '' }],
  ['prop:ivl==3', 8, 2, 'bad-operator', { got: '==' }],
  ['prop:ivl>', 9, 0, 'bad-number', { value: '' }],
  ['prop:ivl>ten', 9, 3, 'bad-number', { value: 'ten' }],
  ['prop:s>1e999', 7, 5, 'bad-number'],
  ['prop:ivl>1.5', 9, 3, 'not-whole', { term: 'prop:ivl' }],
  ['prop:d>8', 7, 1, 'out-of-range', { min: 0, max: 1 }],
  ['prop:r<-0.1', 7, 4, 'out-of-range'],
  ['flag:8', 5, 1, 'bad-flag', { max: 7 }],
  ['flag:red', 5, 3, 'bad-flag'],
  ['rated:0', 6, 1, 'bad-days', { field: 'rated' }],
  ['rated:x:1', 6, 1, 'bad-days'],
  ['added:36501', 6, 5, 'bad-days', { field: 'added', max: 36500 }],
  ['rated:7:5', 8, 1, 'bad-ease', { value: '5' }],
  ['rated:7:', 8, 0, 'bad-ease'],
  // The first problem from the left is the one reported.
  ['is:old "open', 3, 3, 'unknown-is'],
  ['(a', 0, 1, 'unclosed-paren'],
  ['容器 is:旧', 6, 1, 'unknown-is', { value: '旧' }],
  ['"容器 虚拟机', 0, 1, 'unclosed-quote'],
];

describe('syntax errors say where and what', () => {
  test.each(ERRORS)('%s → at %i, %i long: %s', (query, at, length, code, params) => {
    const r = parseQuery(query);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect({ at: r.error.at, length: r.error.length, code: r.error.code }).toEqual({ at, length, code });
    if (params) expect(r.error.params).toMatchObject(params);
  });

  test('nesting deeper than the limit is an error, not a stack overflow', () => {
    const deep = '('.repeat(MAX_DEPTH + 1) + 'a' + ')'.repeat(MAX_DEPTH + 1);
    const r = parseQuery(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'too-deep', at: MAX_DEPTH, params: { max: MAX_DEPTH } });
    expect(parseQuery('('.repeat(MAX_DEPTH) + 'a' + ')'.repeat(MAX_DEPTH)).ok).toBe(true);
    expect(parseQuery('-'.repeat(100_000) + 'a')).toMatchObject({ ok: false, error: { code: 'too-deep' } });
  });

  test('a long flat query parses', () => {
    const r = parseQuery(Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' or '));
    expect(r.ok && r.query.kind === 'or' && r.query.children.length).toBe(5000);
  });
});
