// Which CSV column is the front, back, tags, deck, note type and id: the preview the UI shows, its suggestion and checks.
import type { Issue } from '../../domain/issue';
import { SEPARATOR_NAMES, type CsvTable, type RaggedRow } from './parse';

export type CsvCardType = 'basic' | 'reverse' | 'cloze';

/** The user's choices for a CSV import. Columns are 0-based indexes into the rows; null means "not in the file". */
export interface CsvMapping {
  /** The first row holds column names, not a card. */
  hasHeader: boolean;
  front: number;
  /** For cloze cards, the "Extra" shown with the answer (optional there); required for the other types. */
  back: number | null;
  tags: number | null;
  /** One deck per distinct value; null: one deck named `deckName`. */
  deck: number | null;
  /** Anki note type name per row: "Cloze…" makes cloze cards, "…reversed card" reverse ones. */
  notetype: number | null;
  /** Stable card ids (Anki's guid column, or any id column); null: ids are a hash of the front text. */
  id: number | null;
  /** true: cells are HTML/Markdown, kept (active content refused); false: plain text, shown exactly as written. */
  html: boolean;
  /** Card type when there is no note type column. */
  cardType: CsvCardType;
  /** Title of the one deck when there is no deck column (default: the file name without extension). */
  deckName: string;
}

export interface CsvPreview {
  file: string;
  separator: string;
  /** `comma`, `tab`, `semicolon`, `pipe`, … or the character itself. */
  separatorName: string;
  separatorSource: CsvTable['separatorSource'];
  columnCount: number;
  /** Rows that will become cards with the suggested mapping (the header row not counted). */
  rowCount: number;
  /** Column names: Anki's `#columns:`, else the header row when there seems to be one, else null. */
  columnNames: string[] | null;
  /** The first rows (the header row included when there is one, so the UI can toggle it), cells cut to 200 characters. */
  rows: string[][];
  /** 1-based file line of each preview row. */
  lines: number[];
  /** Whether `#html:` said so (true) or it was guessed from the cells. */
  htmlFromHeader: boolean;
  mapping: CsvMapping;
  /** Rows with more fields than `columnCount` (the extra ones are not imported): the first few, and how many in all. */
  longRows: RaggedRow[];
  longCount: number;
  /** Rows with fewer fields (the missing ones are empty): the first few, and how many in all. */
  shortRows: RaggedRow[];
  shortCount: number;
  /** Quoting problems: no card is made until they are gone (another separator, or a fixed file). */
  problems: Issue[];
}

/** How many ragged rows of each kind the preview names. */
export const RAGGED_LISTED = 20;

const NAMES: Record<'front' | 'back' | 'tags' | 'deck' | 'id' | 'notetype', RegExp> = {
  front: /^(front|question|q|term|word|prompt|text|expression|正面|问题|題目|题目|词语|單詞|单词)$/i,
  back: /^(back|answer|a|definition|meaning|extra|reading|背面|答案|释义|意思|解释)$/i,
  tags: /^(tags?|标签|標籤)$/i,
  deck: /^(deck|decks|牌组|卡组)$/i,
  id: /^(id|guid|key|uuid|note ?id|card ?id)$/i,
  notetype: /^(note ?type|notetype|model|card ?type|type)$/i,
};

const HTML_HINT =
  /<(br|b|i|u|div|p|span|img|ul|ol|li|sub|sup|font|a|strong|em|hr|table)\b[^>]*>|&(nbsp|amp|lt|gt|quot);/i;
const CLOZE = /\{\{c\d+::/;

const isColumnName = (cell: string) => Object.values(NAMES).some((re) => re.test(cell));

/**
 * A first row of distinct labels, one of them a known column name or all short next to the cells under them. A
 * file of one row is a header when it has two cells or more and every one is a known name (`Front,Back`): then
 * there is nothing to import.
 */
function looksLikeHeader(table: CsvTable): boolean {
  // Anki exports never write a header row: their column names go in `#columns:`.
  if (Object.keys(table.headers).length > 0) return false;
  const first = table.rows[0];
  const second = table.rows[1];
  if (!first) return false;
  const cells = first.slice(0, table.columnCount).map((c) => c.trim());
  if (!second) return cells.length > 1 && cells.every(isColumnName);
  if (cells.some(isColumnName)) return true;
  if (cells.length < 2 || new Set(cells).size !== cells.length) return false;
  const labelLike = cells.every((c) => c !== '' && c.length <= 30 && !/[\n<{?？。.!]/.test(c) && !/^\d+$/.test(c));
  return labelLike && second.some((c, i) => c.trim().length > (cells[i]?.length ?? Infinity) * 2);
}

function fileTitle(file: string): string {
  const base = file
    .replace(/^.*[\\/]/, '')
    .replace(/\.(csv|tsv|tab|txt)$/i, '')
    .trim();
  return base === '' ? 'Imported deck' : base;
}

/** The mapping the preview starts with: Anki's headers first, then column names, then position. */
export function suggestMapping(table: CsvTable): CsvMapping {
  const h = table.headers;
  const hasHeader = looksLikeHeader(table);
  const names = h.columns ?? (hasHeader ? table.rows[0]!.map((c) => c.trim()) : null);
  const fromAnki = (n: number | undefined) => (n !== undefined && n <= table.columnCount ? n - 1 : null);
  const byName = (key: keyof typeof NAMES, taken: ReadonlySet<number>) => {
    const i = names?.findIndex((n, idx) => !taken.has(idx) && NAMES[key].test(n.trim())) ?? -1;
    return i === -1 ? null : i;
  };
  const taken = new Set<number>();
  const claim = (i: number | null) => {
    if (i !== null) taken.add(i);
    return i;
  };
  const id = claim(fromAnki(h.guidColumn) ?? byName('id', taken));
  const notetype = claim(fromAnki(h.notetypeColumn) ?? byName('notetype', taken));
  const deck = claim(fromAnki(h.deckColumn) ?? byName('deck', taken));
  const tags = claim(fromAnki(h.tagsColumn) ?? byName('tags', taken));
  const free = () => {
    for (let i = 0; i < table.columnCount; i++) if (!taken.has(i)) return i;
    return null;
  };
  const front = claim(byName('front', taken) ?? free()) ?? 0;
  const back = claim(byName('back', taken) ?? free());
  const sample = table.rows.slice(hasHeader ? 1 : 0, 51);
  const html = h.html ?? sample.some((r) => r.some((c) => HTML_HINT.test(c)));
  const fronts = sample.map((r) => r[front] ?? '').filter((c) => c.trim() !== '');
  const cardType: CsvCardType = fronts.length > 0 && fronts.every((c) => CLOZE.test(c)) ? 'cloze' : 'basic';
  return {
    hasHeader,
    front,
    back,
    tags,
    deck,
    notetype,
    id,
    html,
    cardType,
    deckName: h.deck ?? fileTitle(table.file),
  };
}

export function csvPreview(table: CsvTable, mapping: CsvMapping = suggestMapping(table), size = 10): CsvPreview {
  const names = table.headers.columns ?? (mapping.hasHeader ? table.rows[0]!.map((c) => c.trim()) : null);
  const cut = (c: string) => (c.length > 200 ? `${c.slice(0, 199)}…` : c);
  const n = Math.min(table.rows.length, size + (mapping.hasHeader ? 1 : 0));
  return {
    file: table.file,
    separator: table.separator,
    separatorName: SEPARATOR_NAMES[table.separator] ?? table.separator,
    separatorSource: table.separatorSource,
    columnCount: table.columnCount,
    rowCount: table.rows.length - (mapping.hasHeader ? 1 : 0),
    columnNames: names,
    rows: table.rows.slice(0, n).map((r) => r.map(cut)),
    lines: table.lines.slice(0, n),
    htmlFromHeader: table.headers.html !== undefined,
    mapping,
    ...raggedSummary(table.ragged, table.columnCount),
    problems: table.problems,
  };
}

function raggedSummary(ragged: readonly RaggedRow[], columnCount: number) {
  const long = ragged.filter((r) => r.fields > columnCount);
  const short = ragged.filter((r) => r.fields < columnCount);
  return {
    longRows: long.slice(0, RAGGED_LISTED),
    longCount: long.length,
    shortRows: short.slice(0, RAGGED_LISTED),
    shortCount: short.length,
  };
}

/** Problems with the mapping itself (the UI's choices) and the file's quoting, before any row is made a card. */
export function checkMapping(table: CsvTable, m: CsvMapping): Issue[] {
  const file = table.file;
  const issues: Issue[] = [...table.problems];
  const used = new Map<number, string>();
  const roles = ['front', 'back', 'tags', 'deck', 'notetype', 'id'] as const;
  for (const role of roles) {
    const col = m[role];
    if (col === null) continue;
    if (!Number.isInteger(col) || col < 0 || col >= table.columnCount) {
      issues.push({
        file,
        field: role,
        code: 'csv.column-out-of-range',
        params: { column: col + 1, columns: table.columnCount },
      });
      continue;
    }
    const other = used.get(col);
    if (other !== undefined)
      issues.push({ file, field: role, code: 'csv.column-taken', params: { column: col + 1, role: other } });
    used.set(col, role);
  }
  if (m.back === null && m.cardType !== 'cloze' && m.notetype === null)
    issues.push({ file, field: 'back', code: 'csv.needs-back', params: { cardType: m.cardType } });
  if (m.deck === null && m.deckName.trim() === '')
    issues.push({ file, field: 'deckName', code: 'csv.deck-needs-name' });
  if (table.rows.length - (m.hasHeader ? 1 : 0) === 0) issues.push({ file, code: 'csv.only-header' });
  return issues;
}
