// The one door for deck files: the Zod shape first, then the rules a schema cannot say (deck-rules.ts). Every problem
// is an issue naming the file, the card (or table row) and the field.
import { deckSchema, type Deck } from '../../domain/deck-schema.ts';
import type { Issue, IssuePlace } from '../../domain/issue';
import { parseJsonText } from '../json-text.ts';
import { isRecord, parseValue, pathToField, valueAt, type Path, type ValueIssue } from '../zod-issues.ts';
import { checkDeckRules } from './deck-rules.ts';

/** The card for a Zod path like `cards.3.front.zh`, so the issue can name the card, and the field inside it. */
function locate(raw: unknown, path: Path): { place?: IssuePlace; field: string } {
  const [head, index, ...rest] = path;
  if ((head === 'cards' || head === 'tables') && typeof index === 'number' && isRecord(raw)) {
    const list = raw[head];
    const item: unknown = Array.isArray(list) ? list[index] : undefined;
    const id = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
    if (head === 'tables' && rest[0] === 'rows' && typeof rest[1] === 'number' && isRecord(item)) {
      const rows = item.rows;
      const row: unknown = Array.isArray(rows) ? rows[rest[1]] : undefined;
      const rowId = isRecord(row) && typeof row.id === 'string' ? row.id : `#${rest[1]}`;
      return { place: { card: `table:${id ?? `#${index}`}/${rowId}` }, field: pathToField(rest.slice(2)) };
    }
    const label = head === 'cards' ? id : id === undefined ? undefined : `table:${id}`;
    return { place: { card: label ?? `${head}[${index}]` }, field: pathToField(rest) };
  }
  return { field: pathToField(path) };
}

const CARD_TYPES = new Set(['basic', 'reverse', 'cloze', 'mcq', 'classify', 'type-in']);

/** Parents whose entries are objects of one kind, for "is not a field of a trait table". */
const NOUNS: Record<string, string> = {
  tables: 'table',
  rows: 'row',
  columns: 'column',
  categories: 'category',
  items: 'item',
  sources: 'source-doc',
  source: 'source',
  anki: 'anki',
  ankiNotetypes: 'notetype',
  templates: 'template',
};

/** What the object at `path` is (a `noun` term of issue-words): a deck, a text, an mcq card, a trait table… */
function objectNoun(raw: unknown, path: Path, allowed: readonly string[]): string {
  if (path.length === 0) return 'deck';
  if (allowed.length === 2 && allowed.includes('en') && allowed.includes('zh')) return 'text';
  const last = path.at(-1);
  const parent = typeof last === 'number' ? path.at(-2) : last;
  if (typeof last === 'number' && parent === 'cards') {
    const type = valueAt(raw, [...path, 'type']);
    return typeof type === 'string' && CARD_TYPES.has(type) ? `card-${type}` : 'card';
  }
  return (typeof parent === 'string' ? NOUNS[parent] : undefined) ?? 'object';
}

function deckIssue(file: string, raw: unknown, v: ValueIssue): Issue {
  const { path } = v;
  // A deck or a card that is not an object at all gets a sentence of its own.
  const code =
    v.code === 'value.wrong-type' && path.length === 0
      ? 'deck.not-object'
      : v.code === 'value.wrong-type' && path.length === 2 && path[0] === 'cards' && typeof path[1] === 'number'
        ? 'deck.card-not-object'
        : v.code;
  const { place, field } = locate(raw, path);
  return {
    file,
    ...(place === undefined ? {} : { place }),
    ...(field === '' ? {} : { field }),
    code,
    ...(v.params === undefined ? {} : { params: v.params }),
  };
}

export type DeckParseResult = { ok: true; deck: Deck } | { ok: false; issues: Issue[] };

/** The one door for deck values: shape, then rules. `file` names the file in every issue. */
export function parseDeck(file: string, raw: unknown): DeckParseResult {
  const parsed = parseValue(deckSchema, raw, { nounOf: (path, allowed) => objectNoun(raw, path, allowed) });
  if (!parsed.ok) return { ok: false, issues: parsed.issues.map((v) => deckIssue(file, raw, v)) };
  const issues = checkDeckRules(file, parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, deck: parsed.data };
}

/** Parses deck file text: text that is not JSON is reported like any other issue. */
export function parseDeckText(file: string, text: string): DeckParseResult {
  const json = parseJsonText(file, text);
  return json.ok ? parseDeck(file, json.value) : { ok: false, issues: [json.issue] };
}
