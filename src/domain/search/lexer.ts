// Cuts a query into tokens: parentheses, `-`, `or`/`and`, and terms, with each term's characters mapped to the
// offsets they came from, so that an error in a term's value can point at it.
import type { SearchError } from './query';

export type Token =
  { type: 'lparen' | 'rparen' | 'not'; at: number } | { type: 'or' | 'and'; at: number; length: number } | TermToken;

export interface TermToken {
  type: 'term';
  at: number;
  /** Offset just after the term. */
  end: number;
  /** The term with the query syntax taken out (quotes, `\"` `\(` `\)` `\-` `\:`), glob escapes kept. */
  text: string;
  /** For each character of `text`, its offset in the query. */
  offsets: number[];
  /** Index in `text` of the first colon that was not escaped (the field separator), or -1. */
  colon: number;
}

export interface Lexed {
  tokens: Token[];
  /** The problem that stopped the lexer after the last token, if any. */
  error?: SearchError;
}

const isSpace = (c: string) => /\s/.test(c);
/** Escapes the glob keeps as pairs (a literal backslash, star, underscore). */
const GLOB_ESCAPES = new Set(['\\', '*', '_']);
/** Escapes of the query syntax: the character itself, with no special meaning. */
const SYNTAX_ESCAPES = new Set(['"', '(', ')', '-', ':']);

export function lex(input: string): Lexed {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (isSpace(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'lparen' : 'rparen', at: i });
      i++;
    } else if (c === '-') {
      const next = input[i + 1];
      if (next === undefined || isSpace(next) || next === ')') {
        return { tokens, error: { at: i, length: 1, code: 'nothing-to-negate', params: {} } };
      }
      tokens.push({ type: 'not', at: i });
      i++;
    } else {
      const term = readTerm(input, i);
      if ('code' in term) return { tokens, error: term };
      const raw = input.slice(i, term.end);
      const keyword = raw.toLowerCase();
      const afterNot = tokens.at(-1)?.type === 'not';
      if ((keyword === 'or' || keyword === 'and') && !afterNot) {
        tokens.push({ type: keyword, at: i, length: raw.length });
      } else {
        tokens.push(term);
      }
      i = term.end;
    }
  }
  return { tokens };
}

/** Reads one term from `start`: bare characters and quoted parts, up to a space or parenthesis outside quotes. */
function readTerm(input: string, start: number): TermToken | SearchError {
  let text = '';
  const offsets: number[] = [];
  let colon = -1;
  let quote = -1;
  let i = start;
  const push = (s: string, at: number) => {
    text += s;
    for (let k = 0; k < s.length; k++) offsets.push(at);
  };
  while (i < input.length) {
    const c = input[i]!;
    if (quote < 0 && (isSpace(c) || c === '(' || c === ')')) break;
    if (c === '\\') {
      const next = input[i + 1];
      if (next !== undefined && GLOB_ESCAPES.has(next)) {
        push('\\' + next, i);
        i += 2;
      } else if (next !== undefined && SYNTAX_ESCAPES.has(next)) {
        push(next, i);
        i += 2;
      } else {
        // A backslash that escapes nothing is a backslash.
        push('\\\\', i);
        i += 1;
      }
    } else if (c === '"') {
      quote = quote < 0 ? i : -1;
      i++;
    } else {
      if (c === ':' && colon < 0) colon = text.length;
      push(c, i);
      i++;
    }
  }
  if (quote >= 0) return { at: quote, length: 1, code: 'unclosed-quote', params: {} };
  return { type: 'term', at: start, end: i, text, offsets, colon };
}
