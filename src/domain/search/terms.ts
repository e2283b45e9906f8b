// One term of a query as a node of the tree: free text, or a field (`deck:`, `is:`, `prop:ivl>10`…) with its value
// checked, each problem pointing at the part of the term that is wrong.
import type { TermToken } from './lexer';
import {
  ANKI_ONLY_FIELDS,
  FIELDS,
  IS_VALUES,
  MAX_DAYS,
  MAX_FLAG,
  OPERATORS,
  PROP_NAMES,
  TYPE_VALUES,
  type FieldName,
  type Operator,
  type PropName,
  type SearchError,
  type SearchErrorCode,
  type SearchErrorParams,
  type SearchNode,
} from './query';
import { closest } from './suggest';

/** Thrown inside the parser and caught by `parseQuery`, which returns it: the parser stops at the first problem. */
export class SyntaxFailure extends Error {
  constructor(readonly error: SearchError) {
    super(`${error.code} at ${error.at}`);
    this.name = 'SyntaxFailure';
  }
}

export function fail(at: number, length: number, code: SearchErrorCode, params: SearchErrorParams = {}): never {
  throw new SyntaxFailure({ at, length, code, params });
}

/** Where characters `from`…`to` of a term's text came from in the query (a place at its end when there are none). */
function span(t: TermToken, from: number, to = t.text.length): [number, number] {
  if (from >= t.text.length) return [t.end, 0];
  const at = t.offsets[from]!;
  const end = to >= t.text.length ? t.end : t.offsets[to]!;
  return [at, Math.max(1, end - at)];
}

const FIELD_SET: ReadonlySet<string> = new Set(FIELDS);
const ANKI_ONLY: ReadonlySet<string> = new Set(ANKI_ONLY_FIELDS);
/** Names people write for a field, an `is:` or `type:` value, or a property, that mean one of ours. */
const FIELD_ALIASES: Record<string, string> = { tags: 'tag', decks: 'deck', flags: 'flag', state: 'is', kind: 'type' };
const IS_ALIASES: Record<string, string> = {
  learning: 'learn',
  relearning: 'learn',
  reviews: 'review',
  suspend: 'suspended',
  bury: 'buried',
  flag: 'flagged',
};
const TYPE_ALIASES: Record<string, string> = {
  typein: 'type-in',
  type_in: 'type-in',
  choice: 'mcq',
  table: 'compare',
  trait: 'compare',
};
const PROP_ALIASES: Record<string, string> = {
  interval: 'ivl',
  stability: 's',
  difficulty: 'd',
  retrievability: 'r',
  retention: 'r',
  rep: 'reps',
  lapse: 'lapses',
};

const DIGITS = /^\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const WHOLE_PROPS: ReadonlySet<PropName> = new Set(['ivl', 'due', 'reps', 'lapses']);
const UNIT_PROPS: ReadonlySet<PropName> = new Set(['d', 'r']);

const suggestion = (word: string, known: readonly string[], aliases: Record<string, string>) => {
  const s = closest(word, known, aliases);
  return s === undefined ? {} : { suggestion: s };
};

export function termNode(t: TermToken): SearchNode {
  if (t.colon < 0) return { kind: 'text', pattern: t.text };
  if (t.colon === 0) fail(...span(t, 0, 1), 'stray-colon', { valid: FIELDS });
  const name = t.text.slice(0, t.colon);
  const field = name.toLowerCase();
  if (!FIELD_SET.has(field)) {
    if (ANKI_ONLY.has(field)) fail(...span(t, 0, t.colon), 'anki-only-field', { field: name, valid: FIELDS });
    const guess = suggestion(field, FIELDS, FIELD_ALIASES);
    fail(...span(t, 0, t.colon), 'unknown-field', { field: name, valid: FIELDS, ...guess });
  }
  const start = t.colon + 1;
  const value = t.text.slice(start);
  if (value === '') fail(...span(t, t.colon, start), 'empty-value', { field });
  return fieldNode(t, field as FieldName, value, start);
}

function fieldNode(t: TermToken, field: FieldName, value: string, start: number): SearchNode {
  const lower = value.toLowerCase();
  const whole = () => span(t, start);
  switch (field) {
    case 'deck':
    case 'tag':
      return { kind: field, pattern: value };
    case 'is':
      if (!(IS_VALUES as readonly string[]).includes(lower)) {
        fail(...whole(), 'unknown-is', { field, value, valid: IS_VALUES, ...suggestion(lower, IS_VALUES, IS_ALIASES) });
      }
      return { kind: 'is', value: lower as (typeof IS_VALUES)[number] };
    case 'type':
      if (!(TYPE_VALUES as readonly string[]).includes(lower)) {
        fail(...whole(), 'unknown-type', {
          field,
          value,
          valid: TYPE_VALUES,
          ...suggestion(lower, TYPE_VALUES, TYPE_ALIASES),
        });
      }
      return { kind: 'type', value: lower as (typeof TYPE_VALUES)[number] };
    case 'flag':
      if (!DIGITS.test(value) || Number(value) > MAX_FLAG)
        fail(...whole(), 'bad-flag', { field, value, max: MAX_FLAG });
      return { kind: 'flag', value: Number(value) };
    case 'added':
      return { kind: 'added', days: days(t, field, value, start) };
    case 'rated':
      return ratedNode(t, value, start);
    case 'prop':
      return propNode(t, value, start);
  }
}

function days(t: TermToken, field: 'rated' | 'added', value: string, start: number): number {
  const n = Number(value);
  if (!DIGITS.test(value) || n < 1 || n > MAX_DAYS)
    fail(...span(t, start, start + value.length), 'bad-days', { field, value, max: MAX_DAYS });
  return n;
}

/** `rated:N` or `rated:N:ease`: answered in the last N study days (today is 1), with that rating (1–4) if given. */
function ratedNode(t: TermToken, value: string, start: number): SearchNode {
  const colon = value.indexOf(':');
  const dayText = colon < 0 ? value : value.slice(0, colon);
  const n = days(t, 'rated', dayText, start);
  if (colon < 0) return { kind: 'rated', days: n };
  const ease = value.slice(colon + 1);
  if (!/^[1-4]$/.test(ease)) fail(...span(t, start + colon + 1), 'bad-ease', { field: 'rated', value: ease });
  return { kind: 'rated', days: n, ease: Number(ease) as 1 | 2 | 3 | 4 };
}

/** `prop:NAME OP NUMBER`, as `prop:ivl>=10`. */
function propNode(t: TermToken, value: string, start: number): SearchNode {
  const nameText = /^[a-z]*/i.exec(value)![0];
  const name = nameText.toLowerCase();
  if (!(PROP_NAMES as readonly string[]).includes(name)) {
    const [at, length] = nameText === '' ? span(t, start, start + 1) : span(t, start, start + nameText.length);
    fail(at, length, 'unknown-prop', {
      field: 'prop',
      name: nameText,
      valid: PROP_NAMES,
      ...suggestion(name, PROP_NAMES, PROP_ALIASES),
    });
  }
  const prop = name as PropName;
  const term = `prop:${prop}`;
  const opStart = nameText.length;
  const rest = value.slice(opStart);
  const opText = /^[<>=!＜＞＝！]*/.exec(rest)![0];
  const op = opText.replace(/[＜＞＝！]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!(OPERATORS as readonly string[]).includes(op)) {
    // What stands where the operator should: the operator-like characters, or the one character that is not a number.
    const got = opText || (/^[\d.+-]/.test(rest) ? '' : rest.slice(0, 1));
    let [at, length] = span(t, start + opStart, start + opStart + Math.max(1, got.length));
    // Nothing of the term is left for the operator ("prop:d(", the term ends at the parenthesis): the place is the
    // property's name, never an empty place in the middle of the text.
    if (length === 0) [at, length] = span(t, start, start + nameText.length);
    fail(at, length, 'bad-operator', { term, got, valid: OPERATORS });
  }
  const numStart = opStart + opText.length;
  const numText = value.slice(numStart);
  const where = span(t, start + numStart);
  const n = Number(numText);
  if (!NUMBER.test(numText) || !Number.isFinite(n)) fail(...where, 'bad-number', { term, value: numText });
  if (WHOLE_PROPS.has(prop) && !Number.isInteger(n)) fail(...where, 'not-whole', { term, value: numText });
  if (UNIT_PROPS.has(prop) && (n < 0 || n > 1)) {
    fail(...where, 'out-of-range', { term, value: numText, min: 0, max: 1 });
  }
  // -0 and 0 are the same number; the tree holds one of them.
  return { kind: 'prop', name: prop, op: op as Operator, value: n + 0 };
}
