// Reads CSV/TSV text as Anki and spreadsheets write it into a table of cells: `#` headers, separator, quoting, ragged rows.
import Papa from 'papaparse';
import type { ImportIssue } from './draft';
import { capIssues, type ParseOutcome, type ProgressHook } from './progress';

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
  columnCount: number;
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
  }
  // `#columns:` is split with the separator, which may be declared after it.
  const last = columnsRaw.at(-1);
  if (last !== undefined) {
    const parsed = Papa.parse<string[]>(last, { delimiter: headers.separator ?? guessSeparator(last, '') ?? ',' });
    headers.columns = parsed.data[0] ?? [];
  }
  return { headers, bodyStart: Math.min(pos, text.length), headerLines };
}

const CANDIDATES = [',', '\t', ';', '|'];

/** The separator that splits the first lines into the same number (> 1) of fields; null when none does. */
export function guessSeparator(body: string, file: string): string | null {
  // Look at the first 64 KB, cut at a line break so the last record is whole.
  let sample = body.slice(0, 65536);
  const cut = sample.lastIndexOf('\n');
  if (body.length > sample.length && cut > 0) sample = sample.slice(0, cut);
  const result = Papa.parse<string[]>(sample, { preview: 50, delimitersToGuess: CANDIDATES, skipEmptyLines: 'greedy' });
  if (!result.errors.some((e) => e.code === 'UndetectableDelimiter')) return result.meta.delimiter;
  return /\.(tsv|tab)$/i.test(file) ? '\t' : null;
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
 * chunk and may await (the worker yields there so a cancel can arrive) or throw to stop. Refuses ragged rows
 * (naming each with its line number), unclosed quotes and text after a closing quote.
 */
export async function parseCsvText(
  file: string,
  text: string,
  opts: { separator?: string; onProgress?: ProgressHook } = {},
): Promise<ParseOutcome<CsvTable>> {
  const { headers, bodyStart, headerLines } = readAnkiHeaders(text);
  const body = bodyStart === 0 ? text : text.slice(bodyStart);
  const separator = opts.separator ?? headers.separator ?? guessSeparator(body, file) ?? ',';
  const separatorSource =
    opts.separator !== undefined ? 'chosen' : headers.separator !== undefined ? 'header' : 'detected';
  const rows: string[][] = [];
  const lines: number[] = [];
  const issues: ImportIssue[] = [];
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
          const where = at === undefined ? {} : { where: `row ${at}` };
          issues.push({
            file,
            ...where,
            message:
              e.code === 'MissingQuotes'
                ? 'has a quote (") that is never closed, so the rest of the file would be one field'
                : 'has text right after a closing quote: a quote inside a quoted field must be doubled ("")',
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

  if (issues.length > 0) return { ok: false, issues: capIssues(issues, file) };
  if (rows.length === 0) return { ok: false, issues: [{ file, message: 'has no rows to import' }] };

  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  // The usual field count is the most common one (ties: the first row's), so one odd row is the one named.
  let columnCount = rows[0]!.length;
  for (const [n, c] of counts) if (c > (counts.get(columnCount) ?? 0)) columnCount = n;
  if (counts.size > 1) {
    const sepName = SEPARATOR_NAMES[separator] ?? `"${separator}"`;
    const ragged: ImportIssue[] = [];
    rows.forEach((r, i) => {
      if (r.length !== columnCount)
        ragged.push({
          file,
          where: `row ${lines[i]!}`,
          message: `has ${r.length} ${r.length === 1 ? 'field' : 'fields'}, but the other rows have ${columnCount} (is there a ${sepName} inside a field that is not in quotes?)`,
        });
    });
    return { ok: false, issues: capIssues(ragged, file) };
  }
  return { ok: true, value: { file, separator, separatorSource, headers, rows, lines, columnCount } };
}
