// Validates a deck file: Zod shape first, then the rules a schema cannot say (unique ids, cited sources…).
import type { z } from 'zod';
import { deckSchema, type Deck } from '../../domain/deck-schema.ts';
import { clozeNumbers } from '../../domain/cloze.ts';

export interface DeckIssue {
  file: string;
  /** The card (or table row) the problem is in, when there is one. */
  cardId?: string;
  /** Dotted path inside the card (or inside the deck when no card), e.g. `front.zh`. */
  field: string;
  message: string;
}

export class DeckValidationError extends Error {
  readonly issues: DeckIssue[];
  constructor(issues: DeckIssue[]) {
    super(issues.map(formatDeckIssue).join('\n'));
    this.name = 'DeckValidationError';
    this.issues = issues;
  }
}

export function formatDeckIssue(issue: DeckIssue): string {
  if (issue.cardId === undefined) return `${issue.file}: field "${issue.field || '(root)'}": ${issue.message}`;
  // A problem with the card as a whole (not an object, say) names the card alone.
  const field = issue.field === '' ? '' : ` field "${issue.field}"`;
  return `${issue.file}: card "${issue.cardId}"${field}: ${issue.message}`;
}

type Path = readonly PropertyKey[];

function pathToField(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Finds the card id for a Zod path like `cards.3.front.zh`, so the message can name the card. */
function locate(raw: unknown, path: Path): { cardId?: string; field: string } {
  const [head, index, ...rest] = path;
  if ((head === 'cards' || head === 'tables') && typeof index === 'number' && isRecord(raw)) {
    const list = raw[head];
    const item: unknown = Array.isArray(list) ? list[index] : undefined;
    const id = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
    const label = head === 'cards' ? id : id === undefined ? undefined : `table:${id}`;
    if (head === 'tables' && rest[0] === 'rows' && typeof rest[1] === 'number' && isRecord(item)) {
      const rows = item.rows;
      const row: unknown = Array.isArray(rows) ? rows[rest[1]] : undefined;
      const rowId = isRecord(row) && typeof row.id === 'string' ? row.id : `#${rest[1]}`;
      return { cardId: `table:${id ?? `#${index}`}/${rowId}`, field: pathToField(rest.slice(2)) };
    }
    return { cardId: label ?? `${head}[${index}]`, field: pathToField(rest) };
  }
  return { field: pathToField(path) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Zod issues in words a deck writer uses, each naming one card and one field. Messages the schema writes itself
 * ("must not be empty", "needs at least 2 choices") are kept; every other issue gets a sentence from `plainMessages`.
 */
function zodIssues(file: string, raw: unknown, error: z.ZodError, allowedKeys: Map<string, string[]>): DeckIssue[] {
  return error.issues.flatMap((issue): DeckIssue[] => {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys.get(pathKey(path)) ?? [];
      const noun = objectNoun(raw, path, allowed);
      return issue.keys.map((key) => ({
        file,
        ...locate(raw, [...path, key]),
        message: `is not a field of ${noun}: remove it${suggestion(key, allowed)}`,
      }));
    }
    // The card union's own message is for a bad `type`; it also covers a card that is not an object at all.
    if (issue.code === 'invalid_union' && issue.discriminator !== undefined) {
      const at = path.at(-1) === issue.discriminator ? path : [...path, issue.discriminator];
      const value = valueAt(raw, at);
      const options = ('options' in issue ? (issue.options ?? []) : []).map(String).join(', ');
      const message =
        value === undefined
          ? `is missing (it must be one of ${options})`
          : `is ${typeof value === 'string' ? JSON.stringify(value) : show(value)}, but must be one of ${options}`;
      return [{ file, ...locate(raw, at), message }];
    }
    if (issue.code === 'invalid_type' && path.length === 0)
      return [{ file, field: '', message: `must be an object (a dockdeck deck), not ${show(raw)}` }];
    if (issue.code === 'invalid_type' && isCardPath(path))
      return [{ file, ...locate(raw, path), message: `must be an object (a card), not ${show(valueAt(raw, path))}` }];
    return [{ file, ...locate(raw, path), message: issue.message }];
  });
}

function pathKey(path: Path): string {
  return JSON.stringify(path.map(String));
}

function isCardPath(path: Path): boolean {
  return path.length === 2 && path[0] === 'cards' && typeof path[1] === 'number';
}

function valueAt(raw: unknown, path: Path): unknown {
  let v = raw;
  for (const p of path) {
    if (Array.isArray(v) && typeof p === 'number') v = v[p];
    else if (isRecord(v) && typeof p === 'string' && Object.hasOwn(v, p)) v = v[p];
    else return undefined;
  }
  return v;
}

/** A value as the message shows it: `42`, `the text "Demo"`, `a list`. */
function show(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
    case 'number':
    case 'boolean':
      return String(v);
    case 'object':
      return 'an object';
    case 'undefined':
      return 'nothing';
    default:
      return `a ${typeof v}`;
  }
}

function listAnd(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** What the object at `path` is, for "is not a field of …". */
function objectNoun(raw: unknown, path: Path, allowed: readonly string[]): string {
  if (path.length === 0) return 'a deck';
  if (allowed.length === 2 && allowed.includes('en') && allowed.includes('zh')) return 'a text (only en and zh are)';
  const last = path.at(-1);
  const parent = typeof last === 'number' ? path.at(-2) : last;
  if (typeof last === 'number' && parent === 'cards') {
    const type = valueAt(raw, [...path, 'type']);
    if (typeof type !== 'string' || !/^[a-z-]+$/.test(type)) return 'a card';
    return `${/^[aeiou]|^mcq/.test(type) ? 'an' : 'a'} ${type} card`;
  }
  const nouns: Record<string, string> = {
    tables: 'a trait table',
    rows: 'a table row',
    columns: 'a table column',
    categories: 'a category',
    items: 'an item',
    sources: 'a source document',
    source: 'a source',
    anki: 'an Anki note reference',
    ankiNotetypes: 'an Anki note type',
    templates: 'an Anki card template',
  };
  return (typeof parent === 'string' ? nouns[parent] : undefined) ?? 'this object';
}

/** ` (did you mean "front"?)` for a key one or two typos away from a real field. */
function suggestion(key: string, allowed: readonly string[]): string {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(k.length / 2));
  for (const a of allowed) {
    const d = editDistance(k, a.toLowerCase());
    if (d <= bestDistance && a !== key) [best, bestDistance] = [a, d];
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

/** Levenshtein distance, with a transposition counted as one edit ("fornt" is one away from "front"). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    [prev2, prev] = [prev, row];
  }
  return prev[b.length]!;
}

type ZodDef = {
  type?: string;
  shape?: Record<string, unknown>;
  checks?: Array<{ _zod?: { def?: { format?: unknown } } }>;
};

function defOf(inst: unknown): ZodDef {
  const zod = isRecord(inst) ? inst._zod : undefined;
  return isRecord(zod) && isRecord(zod.def) ? (zod.def as ZodDef) : {};
}

/** What a value must be, in words: `text`, `a list`, `an object with en and zh`. */
function expectedWords(expected: string, inst: unknown): string {
  const def = defOf(inst);
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return def.checks?.some((c) => String(c._zod?.def?.format ?? '').includes('int')) ? 'a whole number' : 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object': {
      const keys = Object.keys(def.shape ?? {});
      return keys.length > 0 && keys.length <= 3 ? `an object with ${listAnd(keys)}` : 'an object';
    }
    case 'record':
      return 'an object';
    case 'null':
      return 'null';
    default:
      return `a ${expected}`;
  }
}

function entries(n: number | bigint): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

/**
 * The per-parse Zod error map: used for every issue the schema gives no message of its own. It never falls back to
 * Zod's wording ("Invalid input: expected …"); `allowedKeys` collects the fields of each object with unknown keys, for
 * the "did you mean" hint.
 */
function plainMessages(allowedKeys: Map<string, string[]>): z.core.$ZodErrorMap {
  return (iss) => {
    const input = iss.input;
    switch (iss.code) {
      case 'invalid_type':
        if (input === undefined) return 'is missing';
        return `must be ${expectedWords(iss.expected, iss.inst)}, not ${show(input)}`;
      case 'too_small': {
        const n = iss.minimum;
        if (iss.origin === 'string')
          return n === 1 && !iss.exact
            ? 'must not be empty'
            : `must be ${iss.exact ? 'exactly' : 'at least'} ${n} characters long`;
        if (iss.origin === 'array' || iss.origin === 'set')
          return iss.exact ? `must have exactly ${entries(n)}` : `needs at least ${entries(n)}`;
        if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint')
          return `must be ${iss.inclusive === false ? `more than ${n}` : `${n} or more`}, not ${show(input)}`;
        return 'is too small';
      }
      case 'too_big': {
        const n = iss.maximum;
        if (iss.origin === 'string') return `must be ${iss.exact ? 'exactly' : 'at most'} ${n} characters long`;
        if (iss.origin === 'array' || iss.origin === 'set')
          return iss.exact ? `must have exactly ${entries(n)}` : `allows at most ${entries(n)}`;
        if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint')
          return `must be ${iss.inclusive === false ? `less than ${n}` : `${n} or less`}, not ${show(input)}`;
        return 'is too large';
      }
      case 'invalid_format':
        if (iss.format === 'starts_with' && typeof iss.prefix === 'string') return `must start with "${iss.prefix}"`;
        if (iss.format === 'ends_with' && typeof iss.suffix === 'string') return `must end with "${iss.suffix}"`;
        if (iss.format === 'includes' && typeof iss.includes === 'string') return `must contain "${iss.includes}"`;
        return iss.format === 'regex' ? 'is not written in the form this field needs' : `must be a valid ${iss.format}`;
      case 'not_multiple_of':
        return `must be a multiple of ${iss.divisor}`;
      case 'unrecognized_keys':
        allowedKeys.set(pathKey(iss.path ?? []), Object.keys(defOf(iss.inst).shape ?? {}));
        return `has fields that do not belong here (${iss.keys.join(', ')}): remove them`;
      case 'invalid_value': {
        const one = iss.values.length === 1;
        const want = one ? JSON.stringify(iss.values[0]) : `one of ${iss.values.map(String).join(', ')}`;
        return input === undefined ? `is missing (it must be ${want})` : `must be ${want}, not ${show(input)}`;
      }
      case 'invalid_union':
        return 'is not in any of the forms this field accepts';
      case 'invalid_key':
        return 'has a key that is not allowed';
      case 'invalid_element':
        return 'has an entry that is not allowed';
      default:
        return 'is not valid';
    }
  };
}

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** Why an mcq answer index is out of range: "there are only 2 choices: they count from 0, so it must be 0 or 1". */
function answerRange(choices: number): string {
  const range = choices <= 1 ? '0' : choices === 2 ? '0 or 1' : `from 0 to ${choices - 1}`;
  return `there are only ${choices} choices: they count from 0, so it must be ${range}`;
}

/** Checks that a valid-shaped deck is also consistent. Returns the problems; an empty list means good. */
export function checkDeckRules(file: string, deck: Deck): DeckIssue[] {
  const issues: DeckIssue[] = [];
  const add = (cardId: string | undefined, field: string, message: string) =>
    issues.push(cardId === undefined ? { file, field, message } : { file, cardId, field, message });
  const docs = new Set(deck.sources.map((s) => s.doc));
  const checkSource = (cardId: string, doc: string) => {
    if (!docs.has(doc)) add(cardId, 'source.doc', `is "${doc}", which is not listed in the deck's sources`);
  };

  for (const id of duplicates(deck.cards.map((c) => c.id)))
    add(id, 'id', 'is used by more than one card: each card needs its own id');
  for (const id of duplicates(deck.tables.map((t) => t.id)))
    add(`table:${id}`, 'id', 'is used by more than one table: each table needs its own id');
  for (const doc of duplicates(deck.sources.map((s) => s.doc)))
    add(undefined, 'sources', `has "${doc}" twice: list each document once`);

  for (const card of deck.cards) {
    checkSource(card.id, card.source.doc);
    if (card.type === 'mcq') {
      if (card.answer >= card.choices.length)
        add(card.id, 'answer', `is ${card.answer}, but ${answerRange(card.choices.length)}`);
      for (const lang of ['en', 'zh'] as const) {
        const norm = card.choices.map((ch) => ch[lang].trim().toLowerCase());
        for (const c of duplicates(norm))
          add(card.id, `choices[${norm.lastIndexOf(c)}].${lang}`, `repeats the choice "${c}"`);
      }
    }
    if (card.type === 'classify') {
      const cats = new Set(card.categories.map((c) => c.id));
      for (const id of duplicates(card.categories.map((c) => c.id)))
        add(card.id, 'categories', `has "${id}" twice: each category needs its own id`);
      for (const id of duplicates(card.items.map((i) => i.id)))
        add(card.id, 'items', `has the item id "${id}" twice: each item needs its own id`);
      card.items.forEach((item, i) => {
        if (!cats.has(item.category))
          add(
            card.id,
            `items[${i}].category`,
            `is "${item.category}", which is not one of the categories (${[...cats].join(', ')})`,
          );
      });
    }
    if (card.type === 'cloze') {
      for (const lang of ['en', 'zh'] as const) {
        const text = card.text[lang];
        if (!/\{\{c\d+::/.test(text)) add(card.id, `text.${lang}`, 'has no {{c1::…}} cloze deletion');
        else if ((text.match(/\{\{c\d+::/g) ?? []).length !== (text.match(/\{\{c\d+::[^]*?\}\}/g) ?? []).length)
          add(card.id, `text.${lang}`, 'has a cloze deletion that is not closed with }}');
      }
      const en = clozeNumbers(card.text.en).join(',');
      const zh = clozeNumbers(card.text.zh).join(',');
      if (en !== zh && en !== '' && zh !== '')
        add(card.id, 'text.zh', `uses cloze numbers [${zh}], but text.en uses [${en}]: both languages need the same`);
    }
  }

  for (const table of deck.tables) {
    const cols = table.columns.map((c) => c.id);
    for (const id of duplicates(cols))
      add(`table:${table.id}`, 'columns', `has "${id}" twice: each column needs its own id`);
    for (const id of duplicates(table.rows.map((r) => r.id)))
      add(`table:${table.id}/${id}`, 'id', 'is used by more than one row: each row needs its own id');
    for (const row of table.rows) {
      const cardId = `table:${table.id}/${row.id}`;
      checkSource(cardId, row.source.doc);
      for (const col of cols) if (!Object.hasOwn(row.cells, col)) add(cardId, `cells.${col}`, 'is missing');
      for (const key of Object.keys(row.cells))
        if (!cols.includes(key)) add(cardId, `cells.${key}`, `is not one of the table's columns (${cols.join(', ')})`);
      // Equal cells would make a "which column?" card with two right answers.
      for (const lang of ['en', 'zh'] as const) {
        const texts = cols.filter((c) => Object.hasOwn(row.cells, c)).map((c) => row.cells[c]![lang].trim());
        for (const d of duplicates(texts))
          add(
            cardId,
            `cells`,
            `have the same ${lang} text "${d}" in two columns: a "which column?" card would have two right answers`,
          );
      }
    }
  }
  return issues;
}

export type DeckParseResult = { ok: true; deck: Deck } | { ok: false; issues: DeckIssue[] };

/** The one door for deck JSON: shape, then rules. `file` names the file in every message. */
export function parseDeck(file: string, raw: unknown): DeckParseResult {
  const allowedKeys = new Map<string, string[]>();
  const parsed = deckSchema.safeParse(raw, { error: plainMessages(allowedKeys) });
  if (!parsed.success) return { ok: false, issues: zodIssues(file, raw, parsed.error, allowedKeys) };
  const issues = checkDeckRules(file, parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, deck: parsed.data };
}

/** Parses deck file text: not-JSON is reported like any other issue. */
export function parseDeckText(file: string, text: string): DeckParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ file, field: '', message: `is not valid JSON (${(e as Error).message})` }] };
  }
  return parseDeck(file, raw);
}
