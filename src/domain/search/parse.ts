// Parses a query as Anki's search: terms side by side are ANDed, `or` binds looser than that, `-` negates, parentheses
// group. Never throws: a problem comes back with its place and code.
import { lex, type Token } from './lexer';
import { MATCH_ALL, type ParseResult, type SearchError, type SearchNode } from './query';
import { SyntaxFailure, fail, termNode } from './terms';

/** Parentheses and `-` nested deeper than this are refused (a tree that deep is a mistake, and recursion has a limit). */
export const MAX_DEPTH = 64;

export function parseQuery(input: string): ParseResult {
  try {
    return { ok: true, query: new Parser(input).parseAll() };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: e.error };
    throw e;
  }
}

class Parser {
  private readonly tokens: Token[];
  private readonly lexError: SearchError | undefined;
  private pos = 0;
  private depth = 0;

  constructor(private readonly input: string) {
    const lexed = lex(input);
    this.tokens = lexed.tokens;
    this.lexError = lexed.error;
  }

  /** The next token; at the end of the tokens, the lexer's problem (if it stopped at one) is the next thing. */
  private peek(): Token | undefined {
    const t = this.tokens[this.pos];
    if (t === undefined && this.lexError) throw new SyntaxFailure(this.lexError);
    return t;
  }

  parseAll(): SearchNode {
    if (this.peek() === undefined) return MATCH_ALL;
    const node = this.parseOr();
    const extra = this.peek();
    if (extra?.type === 'rparen') fail(extra.at, 1, 'unmatched-paren');
    return node;
  }

  private parseOr(): SearchNode {
    const children = [this.parseAnd()];
    for (let t = this.peek(); t?.type === 'or'; t = this.peek()) {
      this.pos++;
      const next = this.peek();
      if (next === undefined || next.type === 'rparen' || next.type === 'or' || next.type === 'and') {
        fail(t.at, t.length, 'dangling-operator', { op: 'or' });
      }
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  private parseAnd(): SearchNode {
    const children: SearchNode[] = [];
    for (let t = this.peek(); t !== undefined && t.type !== 'rparen' && t.type !== 'or'; t = this.peek()) {
      if (t.type === 'and') {
        this.pos++;
        const next = this.peek();
        if (
          children.length === 0 ||
          next === undefined ||
          next.type === 'rparen' ||
          next.type === 'or' ||
          next.type === 'and'
        ) {
          fail(t.at, t.length, 'dangling-operator', { op: 'and' });
        }
        continue;
      }
      children.push(this.parseUnary());
    }
    if (children.length === 0) {
      // Nothing before an `or` (at the start, or just inside a parenthesis), or a `)` that opens nothing.
      const t = this.peek();
      if (t?.type === 'or') fail(t.at, t.length, 'dangling-operator', { op: 'or' });
      fail(t?.at ?? this.input.length, 1, 'unmatched-paren');
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  private parseUnary(): SearchNode {
    const t = this.peek()!;
    if (t.type === 'not') {
      this.pos++;
      const next = this.peek();
      if (next === undefined || next.type === 'rparen' || next.type === 'or' || next.type === 'and') {
        fail(t.at, 1, 'nothing-to-negate');
      }
      return { kind: 'not', child: this.nested(t.at, () => this.parseUnary()) };
    }
    if (t.type === 'lparen') {
      this.pos++;
      const next = this.peek();
      if (next === undefined) fail(t.at, 1, 'unclosed-paren');
      if (next.type === 'rparen') fail(t.at, next.at + 1 - t.at, 'empty-parens');
      const node = this.nested(t.at, () => this.parseOr());
      if (this.peek()?.type !== 'rparen') fail(t.at, 1, 'unclosed-paren');
      this.pos++;
      return node;
    }
    if (t.type === 'term') {
      this.pos++;
      return termNode(t);
    }
    // `rparen`, `or` and `and` are handled by the callers before they ask for a term.
    return fail(t.at, 1, 'unmatched-paren');
  }

  private nested(at: number, parse: () => SearchNode): SearchNode {
    if (++this.depth > MAX_DEPTH) fail(at, 1, 'too-deep', { max: MAX_DEPTH });
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }
}
