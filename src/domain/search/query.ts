// The search language's parsed form (the query tree), its vocabulary, and the shape of a syntax error.

/** `is:` values, as Anki's (and `flagged`, any flag). */
export const IS_VALUES = ['new', 'learn', 'review', 'due', 'suspended', 'buried', 'flagged'] as const;
export type IsValue = (typeof IS_VALUES)[number];

/** `type:` values: the deck file's card types, and `compare` for the cards of a trait table. */
export const TYPE_VALUES = ['basic', 'reverse', 'cloze', 'mcq', 'classify', 'type-in', 'compare'] as const;
export type CardTypeName = (typeof TYPE_VALUES)[number];

/**
 * `prop:` names: interval and due (days), stability (days), difficulty and retrievability (0–1), reviews, lapses.
 * Difficulty is FSRS's 1–10 shown as Anki shows it, 0–1: (D − 1) / 9.
 */
export const PROP_NAMES = ['ivl', 'due', 's', 'd', 'r', 'reps', 'lapses'] as const;
export type PropName = (typeof PROP_NAMES)[number];

export const OPERATORS = ['<', '<=', '>', '>=', '=', '!='] as const;
export type Operator = (typeof OPERATORS)[number];

/** Field names a term may start with (`deck:`…). */
export const FIELDS = ['deck', 'tag', 'is', 'flag', 'rated', 'prop', 'added', 'type'] as const;
export type FieldName = (typeof FIELDS)[number];

/** Anki searches dockdeck does not have; named as such, not as typos. */
export const ANKI_ONLY_FIELDS = [
  'note',
  'card',
  'w',
  're',
  'nc',
  'edited',
  'introduced',
  'nid',
  'cid',
  'dupe',
  'preset',
  'resched',
] as const;

/** The highest flag number (Anki's seven colours); 0 is no flag. */
export const MAX_FLAG = 7;
/** Day counts of `rated:` and `added:` go up to 100 years, as Anki's. */
export const MAX_DAYS = 36500;

/**
 * A query. Patterns (text, deck, tag) keep glob escapes: `\\` `\*` `\_` are a literal backslash, star and underscore;
 * an unescaped `*` is any run of characters, and in text an unescaped `_` is any one character. A backslash is always
 * one of these pairs.
 */
export type SearchNode =
  | { kind: 'and'; children: SearchNode[] }
  | { kind: 'or'; children: SearchNode[] }
  | { kind: 'not'; child: SearchNode }
  | { kind: 'text'; pattern: string }
  | { kind: 'deck'; pattern: string }
  | { kind: 'tag'; pattern: string }
  | { kind: 'is'; value: IsValue }
  | { kind: 'flag'; value: number }
  | { kind: 'rated'; days: number; ease?: 1 | 2 | 3 | 4 }
  | { kind: 'added'; days: number }
  | { kind: 'prop'; name: PropName; op: Operator; value: number }
  | { kind: 'type'; value: CardTypeName };

export type SearchQuery = SearchNode;

/** The empty query: every card. */
export const MATCH_ALL: SearchQuery = { kind: 'and', children: [] };

/** Every syntax error a query can have; search-messages.ts words each one in both languages. */
export const SEARCH_ERROR_CODES = [
  'unclosed-quote',
  'unclosed-paren',
  'unmatched-paren',
  'empty-parens',
  'dangling-operator',
  'nothing-to-negate',
  'too-deep',
  'stray-colon',
  'unknown-field',
  'anki-only-field',
  'empty-value',
  'unknown-is',
  'unknown-type',
  'unknown-prop',
  'bad-operator',
  'bad-number',
  'not-whole',
  'out-of-range',
  'bad-flag',
  'bad-days',
  'bad-ease',
] as const;
export type SearchErrorCode = (typeof SEARCH_ERROR_CODES)[number];

/** Parameters of an error's words: the text found, what was expected; lists are joined in the user's language. */
export type SearchErrorParams = Record<string, string | number | readonly string[]>;

export interface SearchError {
  /** Where the problem is: 0-based offset in the query text (UTF-16 units, as JavaScript strings count). */
  at: number;
  /** How many characters of the query it covers (at least 1, except at the end of the text). */
  length: number;
  code: SearchErrorCode;
  params: SearchErrorParams;
}

export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; error: SearchError };
