// Decides what an imported file is (Anki package, dockdeck JSON, CSV/TSV text or neither) and decodes its text.
import type { Issue, IssueCode, IssueParams, IssuePlace } from '../../domain/issue';
import { IMPORT_LIMITS } from './draft';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DetectedFile =
  | { kind: 'anki'; file: string; bytes: Uint8Array }
  | { kind: 'json' | 'csv'; file: string; text: string; encoding: TextEncoding };

export type DetectResult = { ok: true; detected: DetectedFile } | { ok: false; issues: Issue[] };

/** Files this many times over the limit cannot even be held by a browser tab; they get their own message. */
const FAR_OVER_FACTOR = 4;

/** Checked with the size the browser reports, before a byte of the file is read. */
export function checkFileSize(file: string, size: number): Issue | null {
  const max = IMPORT_LIMITS.maxFileBytes;
  if (size <= max) return null;
  const params = { sizeBytes: size, limitBytes: max };
  return { file, code: size > max * FAR_OVER_FACTOR ? 'file.far-too-big' : 'file.too-big', params };
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Binary formats people drop by mistake, named (a `kind` term of issue-words) so the message can say what it is. */
const OTHER_BINARIES: ReadonlyArray<{ magic: number[]; at?: number; kind: string }> = [
  { magic: ascii('%PDF-'), kind: 'pdf' },
  { magic: [0x89, 0x50, 0x4e, 0x47], kind: 'png' },
  { magic: [0xff, 0xd8, 0xff], kind: 'jpeg' },
  { magic: ascii('GIF8'), kind: 'gif' },
  { magic: ascii('WEBP'), at: 8, kind: 'webp' },
  { magic: [0x1f, 0x8b], kind: 'gzip' },
  { magic: ascii('7z'), kind: '7z' },
  { magic: ascii('Rar!'), kind: 'rar' },
  { magic: ascii('ID3'), kind: 'mp3' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], kind: 'zstd' },
];
/** An old Office file (.xls/.doc): the message says how to save it as text. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

const SPREADSHEET_ZIP = /\.(xlsx|xlsm|ods|numbers|docx|odt|pptx)$/i;

/**
 * Classifies the bytes. A zip (or a bare SQLite collection) is handed to the Anki reader, which checks its
 * contents; text is decoded and called JSON or CSV; anything else is refused with what it looks like.
 */
export function detectImport(file: string, bytes: Uint8Array): DetectResult {
  const fail = (code: IssueCode, params?: IssueParams, place?: IssuePlace): DetectResult => ({
    ok: false,
    issues: [{ file, ...(place === undefined ? {} : { place }), code, ...(params === undefined ? {} : { params }) }],
  });
  const size = checkFileSize(file, bytes.byteLength);
  if (size) return { ok: false, issues: [size] };
  if (bytes.byteLength === 0) return fail('file.empty');

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (SPREADSHEET_ZIP.test(file)) return fail('file.office-document');
    return { ok: true, detected: { kind: 'anki', file, bytes } };
  }
  if (startsWith(bytes, ascii('SQLite format 3\0'))) return { ok: true, detected: { kind: 'anki', file, bytes } };
  if (startsWith(bytes, OLE2)) return fail('file.old-office');
  for (const b of OTHER_BINARIES)
    if (startsWith(bytes, b.magic, b.at)) return fail('file.other-format', { kind: b.kind });

  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    if (decoded.reason === 'invalid') {
      const encoding = decoded.encoding === 'utf-8' ? 'UTF-8' : decoded.encoding.toUpperCase();
      const byte = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
      return fail('file.bad-text', { encoding, byte }, decoded.where);
    }
    if (decoded.reason === 'binary') return fail('file.binary');
    if (decoded.reason === 'too-long') return fail('file.text-too-long');
    return fail('file.utf32');
  }
  const { text, encoding } = decoded;
  if (text.trim() === '') return fail('file.empty');
  return { ok: true, detected: { kind: looksLikeJson(file, text) ? 'json' : 'csv', file, text, encoding } };
}

function looksLikeJson(file: string, text: string): boolean {
  if (/\.json$/i.test(file)) return true;
  if (/\.(csv|tsv|tab|txt)$/i.test(file)) return false;
  // `{{c1::…}}` starts many cloze CSV rows; a JSON object starts with `{` then a key or `}`.
  return /^\s*(\{\s*["}]|\[)/.test(text);
}

type Decoded =
  | { ok: true; text: string; encoding: TextEncoding }
  | { ok: false; reason: 'binary' | 'too-long' | 'utf-32' }
  | { ok: false; reason: 'invalid'; encoding: TextEncoding; byte: number; where: IssuePlace };

/** UTF-8 with or without BOM, UTF-16 LE/BE with BOM (as Excel's "Unicode Text" writes), or UTF-16 that starts with ASCII. */
export function decodeText(bytes: Uint8Array): Decoded {
  let encoding: TextEncoding = 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff]))
    return { ok: false, reason: 'utf-32' };
  if (startsWith(bytes, [0xff, 0xfe])) encoding = 'utf-16le';
  else if (startsWith(bytes, [0xfe, 0xff])) encoding = 'utf-16be';
  else if (!startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const guess = guessUtf16(bytes);
    if (guess) encoding = guess;
    else if (hasNul(bytes)) return { ok: false, reason: 'binary' };
  }
  let text: string;
  try {
    // The decoder drops the BOM.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, reason: 'too-long' };
    const at = encoding === 'utf-8' ? firstInvalidUtf8(bytes) : Math.max(0, bytes.byteLength - 1);
    return { ok: false, reason: 'invalid', encoding, byte: bytes[at] ?? 0, where: locateByte(bytes, at, encoding) };
  }
  // NUL characters do not occur in text files; they do in binaries whose first bytes happened to be text.
  if (text.includes('\0')) return { ok: false, reason: 'binary' };
  return { ok: true, text, encoding };
}

function hasNul(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** UTF-16 without BOM: ASCII text then has a NUL in every other byte. */
function guessUtf16(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.byteLength, 1024) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.6 && even === 0) return 'utf-16le';
  if (even > pairs * 0.6 && odd === 0) return 'utf-16be';
  return null;
}

/** Offset of the first byte that breaks UTF-8 (only called when decoding failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.byteLength) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong 3-byte forms, UTF-16 surrogates and code points over U+10FFFF.
    const c1 = bytes[i + 1] ?? 0;
    if (
      (b === 0xe0 && c1 < 0xa0) ||
      (b === 0xed && c1 >= 0xa0) ||
      (b === 0xf0 && c1 < 0x90) ||
      (b === 0xf4 && c1 >= 0x90)
    )
      return i;
    i += len;
  }
  return bytes.byteLength;
}

/** Line and column of a byte offset, counting characters the way an editor does (a UTF-16 file: the byte). */
function locateByte(bytes: Uint8Array, at: number, encoding: TextEncoding): IssuePlace {
  if (encoding !== 'utf-8') return { byte: at + 1 };
  let line = 1;
  let column = 1;
  for (let i = 0; i < at; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if ((b & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}
