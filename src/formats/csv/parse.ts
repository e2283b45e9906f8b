// Reads CSV/TSV text as Anki and spreadsheets write it into a table of cells: `#` headers, separator, quoting, ragged rows.
import Papa from 'papaparse';
import type { Issue } from '../../domain/issue';
import { capIssues, type ParseOutcome, type ProgressHook } from '../import/progress';

/** What Anki's "Notes in Plain Text" headers (`#key:value` lines at the top) said. Columns are 1-based, as written. */
export interface AnkiHeaders {
  separator?: string;
  html?: boolean;
  tagsColumn?: number;
  deckColumn?: number;
  notetypeColumn?: number;
  guidColumn?: number;
  /** `#columns:` labels. */
  columns?: string[];
  /** `#tags:` tags added to every note; `#deck:` and `#notetype:` names for every note. */
  tags?: string[];
  deck?: string;
  notetype?: string;
  /** `#dockdeck:` what a dockdeck text export carries for dockdeck alone (JSON; Anki ignores the line). */
  dockdeck?: string;
}

/** A record whose field count differs from the table's `columnCount`. */
export interface RaggedRow {
  /** 1-based file line the record starts on. */
  line: number;
  fields: number;
}

export interface CsvTable {
  file: string;
  separator: string;
  separatorSource: 'header' | 'detected' | 'chosen';
  headers: AnkiHeaders;
  /** Every record after the `#` header lines (a header row, if any, is rows[0]); blank records are left out. */
  rows: string[][];
  /** 1-based line of the file each record starts on: what messages call "row N". */
  lines: number[];
  /** The usual field count. Shorter rows are padded with empty cells; longer rows keep their extra cells, which no column reaches. */
  columnCount: number;
  /** Rows with fewer or more fields than `columnCount`, as read (Anki imports them too: missing fields empty, extra ones left out). */
  ragged: RaggedRow[];
  /** Quoting problems: the rows are shown, but no card is made until the file (or the separator) reads cleanly. */
  problems: Issue[];
}

export const SEPARATOR_NAMES: Readonly<Record<string, string>> = {
  ',': 'comma',
  '\t': 'tab',
  ';': 'semicolon',
  '|': 'pipe',
  ' ': 'space',
  ':': 'colon',
};

/** Anki's names for `#separator:`, or one literal character. */
function separatorFromHeader(value: string): string | undefined {
  const name = value.trim().toLowerCase();
  for (const [char, n] of Object.entries(SEPARATOR_NAMES)) if (n === name) return char;
  return [...value].length === 1 ? value : undefined;
}

function columnNumber(value: string): number | undefined {
  const n = Number(value.trim());
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * Reads the `#key:value` lines Anki writes at the top of a text export, as Anki's own importer does: keys are
 * case-insensitive, unknown keys are ignored, and the header ends at the first line that is not `#key:value`.
 */
export function readAnkiHeaders(text: string): { headers: AnkiHeaders; bodyStart: number; headerLines: number } {
  const headers: AnkiHeaders = {};
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let headerLines = 0;
  const columnsRaw: string[] = [];
  while (pos < text.length && text[pos] === '#') {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos + 1, end).replace(/\r$/, '');
    // Anki skips any leading `#` line; we take only `#key:value` lines, so a first row like `#1,first` is not
    // silently dropped (if it is a comment after all, the ragged-row check names it).
    const header = /^([a-z ]+):/i.exec(line);
    if (!header) break;
    pos = end + 1;
    headerLines++;
    const colon = header[1]!.length;
    const key = header[1]!.trim().toLowerCase();
    const value = line.slice(colon + 1);
    if (key === 'separator') {
      const sep = separatorFromHeader(value);
      if (sep !== undefined) headers.separator = sep;
    } else if (key === 'html') {
      const v = value.trim().toLowerCase();
      if (v === 'true' || v === 'false') headers.html = v === 'true';
    } else if (key === 'tags column' || key === 'deck column' || key === 'notetype column' || key === 'guid column') {
      const n = columnNumber(value);
      if (n !== undefined) headers[`${key.split(' ')[0] as 'tags' | 'deck' | 'notetype' | 'guid'}Column`] = n;
    } else if (key === 'columns') columnsRaw.push(value);
    else if (key === 'tags') headers.tags = value.split(/\s+/).filter((t) => t !== '');
    else if (key === 'deck' && value.trim() !== '') headers.deck = value.trim();
    else if (key === 'notetype' && value.trim() !== '') headers.notetype = value.trim();
    else if (key === 'dockdeck') headers.dockdeck = value;
  }
  // `#columns:` is split with the separator, which may be declared after it.
  const last = columnsRaw.at(-1);
  if (last !== undefined) {
    const parsed = Papa.parse<string[]>(last, { delimiter: headers.separator ?? guessSeparator(last, '') });
    headers.columns = parsed.data[0] ?? [];
  }
  return { headers, bodyStart: Math.min(pos, text.length), headerLines };
}

/** The separators Anki's importer looks for, in its order (the order of its `Delimiter` enum). */
export const ANKI_SEPARATORS: readonly string[] = ['\t', '|', ';', ':', ',', ' '];

/** How many bytes of the body Anki looks at (`delimiter_from_reader` reads one 8 KiB buffer). */
const ANKI_SNIFF_BYTES = 8192;

/**
 * Anki's own rule (rslib `delimiter_from_reader`): the first of tab, pipe, semicolon, colon, comma, space that
 * occurs anywhere in the first 8 KiB after the `#` header lines; space when none does.
 */
export function ankiSeparator(body: string): string {
  return separatorsPresent(body)[0] ?? ' ';
}

function separatorsPresent(body: string): string[] {
  // The candidates are ASCII, so looking at bytes gives Anki's answer exactly, whatever the text holds.
  const head = new TextEncoder().encode(body.slice(0, ANKI_SNIFF_BYTES)).subarray(0, ANKI_SNIFF_BYTES);
  return ANKI_SEPARATORS.filter((s) => head.includes(s.charCodeAt(0)));
}

/**
 * Anki's candidates in Anki's order, but one that splits the first records unevenly gives way to one that splits
 * them all into the same number (> 1) of fields. So a file Anki reads well is read the same way (tab-separated
 * with commas in the text: tab), and a comma file with a colon in a cell is still a comma file (Anki: colon).
 * When none splits the rows evenly, the one that puts most rows (more than half) at its usual count wins, else
 * nothing splits the text and it is one column (comma, or tab for .tsv, names that). Space is the exception: a
 * line of words is not a row of columns, so space is only taken where Anki would take it too.
 */
export function guessSeparator(body: string, file: string): string {
  const fallback = /\.(tsv|tab)$/i.test(file) ? '\t' : ',';
  const present = separatorsPresent(body);
  // The first 50 records of the first 64 KB, cut at a line break so the last record is whole.
  let sample = body.slice(0, 65536);
  const cut = sample.lastIndexOf('\n');
  if (body.length > sample.length && cut > 0) sample = sample.slice(0, cut);
  let best = fallback;
  let bestScore = 0;
  for (const sep of present) {
    const counts = fieldCounts(sep === ':' ? sample.replace(NOT_A_COLON_SEPARATOR, '') : sample, sep);
    const usual = mostCommon(counts);
    if (usual < 2) continue;
    const score = counts.filter((n) => n === usual).length;
    // Words in a line of text are not columns: space is taken only where Anki takes it (nothing else occurs),
    // and only when two rows or more agree.
    if (sep === ' ' && (sep !== present[0] || score < 2)) continue;
    if (score === counts.length) return sep;
    if (score * 2 > counts.length && score > bestScore) [best, bestScore] = [sep, score];
  }
  return best;
}

/** Colons that separate nothing: cloze markers (`{{c1::…}}`) and URLs (`https://`). */
const NOT_A_COLON_SEPARATOR = /::|:\/\//g;

function fieldCounts(sample: string, sep: string): number[] {
  return Papa.parse<string[]>(sample, { delimiter: sep, preview: 50, skipEmptyLines: 'greedy' }).data.map(
    (r) => r.length,
  );
}

/** The most common of the numbers (ties: the first one's), or 0 for none. */
function mostCommon(ns: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const n of ns) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = ns[0] ?? 0;
  for (const [n, c] of counts) if (c > (counts.get(best) ?? 0)) best = n;
  return best;
}

/** Counts the line breaks inside a record's fields, so each record's starting line is known. */
function newlinesIn(row: readonly string[], br: string): number {
  let n = 0;
  for (const cell of row) for (let i = cell.indexOf(br); i !== -1; i = cell.indexOf(br, i + 1)) n++;
  return n;
}

const isBlank = (row: readonly string[]) => row.every((c) => c.trim() === '');

/**
 * Parses CSV/TSV text in one pass (papaparse, 1 MB chunks). `onProgress` gets characters done / total after each
 * chunk and may await (the worker yields there so a cancel can arrive) or throw to stop. Only a file with no rows is
 * refused: ragged rows are kept as Anki keeps them and listed, and quoting problems (an unclosed quote, text after a
 * closing quote) are listed in `problems`, so the column screen can show the rows and offer another separator.
 */
export async function parseCsvText(
  file: string,
  text: string,
  opts: { separator?: string; onProgress?: ProgressHook } = {},
): Promise<ParseOutcome<CsvTable>> {
  const { headers, bodyStart, headerLines } = readAnkiHeaders(text);
  const body = bodyStart === 0 ? text : text.slice(bodyStart);
  const separator = opts.separator ?? headers.separator ?? guessSeparator(body, file);
  const separatorSource =
    opts.separator !== undefined ? 'chosen' : headers.separator !== undefined ? 'header' : 'detected';
  const rows: string[][] = [];
  const lines: number[] = [];
  const issues: Issue[] = [];
  let line = headerLines + 1;
  let br = '\n';

  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(body, {
      delimiter: separator,
      chunkSize: 1 << 20,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        br = results.meta.linebreak === '\r' ? '\r' : '\n';
        const chunkLines: number[] = [];
        for (const row of results.data) {
          chunkLines.push(line);
          const start = line;
          line += 1 + newlinesIn(row, br);
          if (isBlank(row)) continue;
          rows.push(row);
          lines.push(start);
        }
        for (const e of results.errors) {
          if (e.code !== 'MissingQuotes' && e.code !== 'InvalidQuotes') continue;
          const at = chunkLines[Math.min(e.row ?? 0, chunkLines.length - 1)];
          issues.push({
            file,
            ...(at === undefined ? {} : { place: { row: at } }),
            code: e.code === 'MissingQuotes' ? 'csv.unclosed-quote' : 'csv.text-after-quote',
          });
        }
        if (!opts.onProgress) return;
        parser.pause();
        Promise.resolve(opts.onProgress(results.meta.cursor, body.length)).then(
          () => parser.resume(),
          (err: unknown) => {
            // Reject first: abort() calls `complete`, which would resolve.
            reject(err instanceof Error ? err : new Error(String(err)));
            parser.abort();
          },
        );
      },
      complete: () => resolve(),
    });
  });

  if (rows.length === 0) return { ok: false, issues: [{ file, code: 'csv.no-rows' }] };

  // The usual field count is the most common one (ties: the first row's), so one odd row is the one named.
  const columnCount = mostCommon(rows.map((r) => r.length));
  const ragged: RaggedRow[] = [];
  rows.forEach((r, i) => {
    if (r.length === columnCount) return;
    ragged.push({ line: lines[i]!, fields: r.length });
    // Missing fields are empty, as in Anki.
    while (r.length < columnCount) r.push('');
  });
  const problems = issues.length > 0 ? capIssues(issues, file) : [];
  return { ok: true, value: { file, separator, separatorSource, headers, rows, lines, columnCount, ragged, problems } };
}
