// The words of every issue code, in English (issue-words-en.ts) and Chinese (issue-words-zh.ts): plain data with
// {param} slots that src/formats/issue-text.ts fills. `code#N` is the text for when the count `n` is exactly N
// (English singulars). A message is what follows the place: "decks/a.json: card "c1" field "back": is missing".
import type { IssueCode } from '../domain/issue';
import type { Lang } from '../domain/text';
import { en } from './issue-words-en.ts';
import { zh } from './issue-words-zh.ts';

/** Parameters that name a term: `got: 'list'` is shown as `terms.got.list`, itself filled with the parameters. */
export const TERM_PARAMS = [
  'got',
  'given',
  'expected',
  'noun',
  'items',
  'kind',
  'active',
  'what',
  'role',
  'cardType',
] as const;
export type TermParam = (typeof TERM_PARAMS)[number];

/** How the parts of a place are written; `roleField` is a CSV column's role (`front`), `field` any other field. */
export type PlaceWord =
  | 'deck'
  | 'card'
  | 'note'
  | 'table'
  | 'row'
  | 'tableRow'
  | 'id'
  | 'key'
  | 'line'
  | 'lineColumn'
  | 'byte'
  | 'entry'
  | 'media'
  | 'field'
  | 'roleField';

export interface IssueWords {
  codes: Record<IssueCode, string> & Partial<Record<`${IssueCode}#${number}`, string>>;
  terms: Record<TermParam, Record<string, string>>;
  place: Record<PlaceWord, string>;
  /** Between the parts of a place; between the file and the place; before the message; in lists; before a list's last. */
  glue: { part: string; file: string; message: string; list: string; and: string };
}

export const ISSUE_WORDS: Record<Lang, IssueWords> = { en, zh };
