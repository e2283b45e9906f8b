// Issues in words, in the user's language (English for scripts and logs): the one place that turns an `Issue` into
// text. The words themselves are in issue-words.ts; a caught error becomes issues first (src/db/error-text.ts).
import type { Issue, IssueParams, PartIssue } from '../domain/issue';
import type { Lang } from '../domain/text';
import { formatBytes } from './bytes.ts';
import { ISSUE_WORDS, TERM_PARAMS, type IssueWords, type TermParam } from './issue-words.ts';

const TERMS: ReadonlySet<string> = new Set(TERM_PARAMS);
/** Lists read as "en and zh"; every other list as "basic, reverse, cloze". */
const AND_LISTS: ReadonlySet<string> = new Set(['keys']);
/** The roles of a CSV column, shown as the column ("the "front" column") in a CSV's issues. */
const CSV_ROLES: ReadonlySet<string> = new Set(['front', 'back', 'tags', 'deck', 'notetype', 'id', 'deckName']);

/** The text for `key`, or its variant for the count `n` (`key#1`: the English singular). */
function variant(table: Readonly<Record<string, string | undefined>>, key: string, params: IssueParams) {
  const n = params.n;
  return (typeof n === 'number' ? table[`${key}#${n}`] : undefined) ?? table[key];
}

function joinList(words: IssueWords, values: readonly string[], and: boolean): string {
  const { list } = words.glue;
  if (!and || values.length < 2) return values.join(list);
  return `${values.slice(0, -1).join(list)}${words.glue.and}${values.at(-1)}`;
}

function shown(words: IssueWords, name: string, value: string | number | readonly string[]): string {
  if (typeof value === 'number') return name.endsWith('Bytes') ? formatBytes(value) : String(value);
  if (typeof value === 'string') return value;
  return joinList(words, value, AND_LISTS.has(name));
}

function fill(words: IssueWords, template: string, params: IssueParams, depth = 0): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = params[name];
    if (value === undefined) return slot;
    // Terms are filled with the same parameters; they name no terms themselves, `depth` only guards against a loop.
    if (TERMS.has(name) && typeof value === 'string' && depth === 0) {
      const term = variant(words.terms[name as TermParam], value, params);
      return term === undefined ? value : fill(words, term, params, depth + 1);
    }
    return shown(words, name, value);
  });
}

/** What is wrong, without where: "is missing", "缺少这一项，必须填写". */
export function issueMessage(issue: PartIssue, lang: Lang): string {
  const words = ISSUE_WORDS[lang];
  const params = issue.params ?? {};
  return fill(words, variant(words.codes, issue.code, params) ?? issue.code, params);
}

/** Where the problem is: the place's parts and the field, e.g. `card "c1" field "front.zh"`, `第 3 行，“正面”列`. */
export function issuePlace(issue: PartIssue, lang: Lang): string {
  const words = ISSUE_WORDS[lang];
  const p = issue.place ?? {};
  const parts: string[] = [];
  const put = (word: keyof IssueWords['place'], params: IssueParams) =>
    parts.push(fill(words, words.place[word], params));
  if (p.deck !== undefined) put('deck', { deck: p.deck });
  if (p.card !== undefined) put('card', { card: p.card });
  if (p.note !== undefined) put('note', { note: p.note });
  if (p.table !== undefined) put(p.row === undefined ? 'table' : 'tableRow', { table: p.table, row: p.row ?? 0 });
  else if (p.row !== undefined) put('row', { row: p.row });
  // A row's id or key belongs to it: "row 3 (id "x")".
  const ref =
    p.id !== undefined
      ? fill(words, words.place.id, { id: p.id })
      : p.key !== undefined
        ? fill(words, words.place.key, { key: p.key })
        : '';
  if (ref !== '' && parts.length > 0) parts[parts.length - 1] += ref;
  if (p.line !== undefined)
    put(p.column === undefined ? 'line' : 'lineColumn', {
      line: p.line,
      ...(p.column === undefined ? {} : { column: p.column }),
    });
  if (p.byte !== undefined) put('byte', { byte: p.byte });
  if (p.entry !== undefined) put('entry', { entry: p.entry });
  if (p.media !== undefined) put('media', { media: p.media });
  const field = issue.field ?? '';
  if (field !== '') {
    const csv = issue.code.startsWith('csv.') || (p.row !== undefined && p.table === undefined);
    if (csv && CSV_ROLES.has(field)) put('roleField', { field, role: field });
    else put('field', { field });
  }
  return parts.join(words.glue.part);
}

export interface IssueTextOptions {
  /** Leave the file's name out (the heading above the list names it already). */
  file?: boolean;
}

/** One issue as one line: `decks/a.json: card "c1" field "back.zh": is missing`. */
export function issueText(issue: Issue, lang: Lang, opts: IssueTextOptions = {}): string {
  const { glue } = ISSUE_WORDS[lang];
  const where = issuePlace(issue, lang);
  const file = opts.file === false ? '' : issue.file;
  const head = file === '' ? where : where === '' ? file : `${file}${glue.file}${where}`;
  const message = issueMessage(issue, lang);
  return head === '' ? message : `${head}${glue.message}${message}`;
}
