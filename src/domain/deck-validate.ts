// Validates a deck file: Zod shape first, then the rules a schema cannot say (unique ids, cited sources…).
import type { z } from 'zod';
import { deckSchema, type Deck } from './deck-schema.ts';
import { clozeNumbers } from './cloze.ts';

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
  const where = issue.cardId === undefined ? '' : ` card "${issue.cardId}"`;
  return `${issue.file}:${where} field "${issue.field || '(root)'}": ${issue.message}`;
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

function zodIssues(file: string, raw: unknown, error: z.ZodError): DeckIssue[] {
  return error.issues.map((issue) => ({ file, ...locate(raw, issue.path), message: issue.message }));
}

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** Checks that a valid-shaped deck is also consistent. Returns the problems; an empty list means good. */
export function checkDeckRules(file: string, deck: Deck): DeckIssue[] {
  const issues: DeckIssue[] = [];
  const add = (cardId: string | undefined, field: string, message: string) =>
    issues.push(cardId === undefined ? { file, field, message } : { file, cardId, field, message });
  const docs = new Set(deck.sources.map((s) => s.doc));
  const checkSource = (cardId: string, doc: string) => {
    if (!docs.has(doc)) add(cardId, 'source.doc', `"${doc}" is not listed in the deck's sources`);
  };

  for (const id of duplicates(deck.cards.map((c) => c.id))) add(id, 'id', 'duplicate card id');
  for (const id of duplicates(deck.tables.map((t) => t.id))) add(`table:${id}`, 'id', 'duplicate table id');
  for (const doc of duplicates(deck.sources.map((s) => s.doc))) add(undefined, 'sources', `"${doc}" is listed twice`);

  for (const card of deck.cards) {
    checkSource(card.id, card.source.doc);
    if (card.type === 'mcq') {
      if (card.answer >= card.choices.length)
        add(card.id, 'answer', `is ${card.answer}, but there are only ${card.choices.length} choices (0-based index)`);
      for (const lang of ['en', 'zh'] as const) {
        const norm = card.choices.map((ch) => ch[lang].trim().toLowerCase());
        for (const c of duplicates(norm))
          add(card.id, `choices[${norm.lastIndexOf(c)}].${lang}`, `repeats the choice "${c}"`);
      }
    }
    if (card.type === 'classify') {
      const cats = new Set(card.categories.map((c) => c.id));
      for (const id of duplicates(card.categories.map((c) => c.id)))
        add(card.id, 'categories', `duplicate category "${id}"`);
      for (const id of duplicates(card.items.map((i) => i.id))) add(card.id, 'items', `duplicate item id "${id}"`);
      card.items.forEach((item, i) => {
        if (!cats.has(item.category))
          add(card.id, `items[${i}].category`, `"${item.category}" is not one of the categories`);
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
    for (const id of duplicates(cols)) add(`table:${table.id}`, 'columns', `duplicate column "${id}"`);
    for (const id of duplicates(table.rows.map((r) => r.id))) add(`table:${table.id}/${id}`, 'id', 'duplicate row id');
    for (const row of table.rows) {
      const cardId = `table:${table.id}/${row.id}`;
      checkSource(cardId, row.source.doc);
      for (const col of cols) if (!Object.hasOwn(row.cells, col)) add(cardId, `cells.${col}`, 'is missing');
      for (const key of Object.keys(row.cells))
        if (!cols.includes(key)) add(cardId, `cells.${key}`, `is not one of the columns (${cols.join(', ')})`);
      // Equal cells would make a "which column?" card with two right answers.
      for (const lang of ['en', 'zh'] as const) {
        const texts = cols.filter((c) => Object.hasOwn(row.cells, c)).map((c) => row.cells[c]![lang].trim());
        for (const d of duplicates(texts)) add(cardId, `cells`, `two columns have the same ${lang} text "${d}"`);
      }
    }
  }
  return issues;
}

export type DeckParseResult = { ok: true; deck: Deck } | { ok: false; issues: DeckIssue[] };

/** The one door for deck JSON: shape, then rules. `file` names the file in every message. */
export function parseDeck(file: string, raw: unknown): DeckParseResult {
  const parsed = deckSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: zodIssues(file, raw, parsed.error) };
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
