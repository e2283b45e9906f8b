// Finds active content (scripts, on* event handlers, javascript: links) in imported card text, and strips it.
//
// The renderer sanitises card text anyway, so nothing would run; but a deck that carries scripts was either made
// to attack or copied from somewhere that uses them, and we cannot know which. dockdeck JSON and CSV imports are
// refused, with the card and field named; Anki packages, whose shared templates often carry scripts, have them
// stripped (`stripActiveContent`) and counted instead.
//
// Both read the text with one linear scanner rather than regular expressions: the patterns below, written as
// regexes, backtrack quadratically (a 1 MB field of `<a<a<a…` would hang the import worker for minutes).
import type { Deck } from '../../domain/deck-schema';
import type { ImportIssue } from './draft';

const SCRIPT = 'a <script> element';
const HANDLER = 'an event handler attribute (on…=)';
const JS_LINK = 'a javascript: link';

/*
 * What the scanner finds, as regexes over the text with Markdown code spans (`/(`+)[^]*?\1/g`) replaced by a space,
 * and only in text holding a `<` or `]`:
 *   script:  /<script\b/i
 *   handler: /<[a-z][^>]*?[\s/"']on[a-z]+\s*=/i   (an on…= attribute inside a tag: `<img src=x onerror=…>`)
 *   link:    /(?:\b(?:href|src|action|formaction|xlink:href|data)\s*=\s*["']?|\]\(\s*<?)\s*
 *             (?:j|&#0*106;|&#x0*6a;)\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i
 *            (javascript: as a link or source target, in HTML attributes or Markdown links)
 * tests/unit/active-content.test.ts checks the scanner against these regexes.
 */

/** The characters JavaScript's `\s` matches. */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 95;
}

/** Whether `word` (lower-case ASCII) is at `i`, ignoring ASCII case. */
function hasWordAt(text: string, i: number, word: string): boolean {
  if (i + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(i + k);
    if ((isLetter(c) ? c | 0x20 : c) !== word.charCodeAt(k)) return false;
  }
  return true;
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Markdown code (`…` and ``` blocks) is shown as text, never run: a lesson about `<script>` is fine. These are the
 * spans `/(`+)[^]*?\1/g` matches, found in one pass over the backtick runs: from a run of k backticks the regex takes
 * the longest m ≤ k that occurs again (inside the run itself when 2m ≤ k, else in the first later run of ≥ m).
 */
function codeSpans(text: string): Span[] {
  const runs: Span[] = [];
  for (let i = text.indexOf('`'); i !== -1;) {
    let j = i;
    while (text.charCodeAt(j) === 96) j++;
    runs.push({ start: i, end: j });
    i = text.indexOf('`', j);
  }
  const longestFrom = new Array<number>(runs.length + 1).fill(0);
  for (let r = runs.length - 1; r >= 0; r--)
    longestFrom[r] = Math.max(runs[r]!.end - runs[r]!.start, longestFrom[r + 1]!);
  const spans: Span[] = [];
  let r = 0;
  let pos = 0;
  while (r < runs.length) {
    const run = runs[r]!;
    const i = Math.max(pos, run.start);
    if (i >= run.end) {
      r++;
      continue;
    }
    const k = run.end - i;
    const m = Math.max(Math.floor(k / 2), Math.min(k, longestFrom[r + 1]!));
    if (m === 0) break; // one backtick with none after it
    if (2 * m <= k) pos = i + 2 * m;
    else {
      do r++;
      while (runs[r]!.end - runs[r]!.start < m);
      pos = runs[r]!.start + m;
    }
    spans.push({ start: i, end: pos });
  }
  return spans;
}

/** The text the patterns read (code spans as one space), with each character's place in the original. */
interface Plain {
  text: string;
  /** Original index where plain character p starts, and just after where it ends. */
  from: Int32Array;
  to: Int32Array;
}

function plainText(text: string): Plain {
  const spans = codeSpans(text);
  let length = text.length;
  for (const s of spans) length -= s.end - s.start - 1;
  const from = new Int32Array(length);
  const to = new Int32Array(length);
  const parts: string[] = [];
  let p = 0;
  let at = 0;
  const copy = (end: number) => {
    parts.push(text.slice(at, end));
    for (; at < end; at++, p++) {
      from[p] = at;
      to[p] = at + 1;
    }
  };
  for (const s of spans) {
    copy(s.start);
    parts.push(' ');
    from[p] = s.start;
    to[p] = s.end;
    p++;
    at = s.end;
  }
  copy(text.length);
  return { text: parts.join(''), from, to };
}

/** Plain indexes of each match: `<script`; the `o` and the `=` of `on…=`; the javascript: token and its `:`. */
interface Found {
  plain: Plain;
  scripts: number[];
  handlers: Array<{ at: number; eq: number }>;
  links: Array<{ at: number; colon: number; close: 'quote' | 'space' | 'paren' | 'angle'; quote?: string }>;
}

/** Index of the `=` when `on[a-z]+\s*=` starts at i, else -1. */
function handlerAt(t: string, i: number): number {
  if (!hasWordAt(t, i, 'on') || !isLetter(t.charCodeAt(i + 2))) return -1;
  let j = i + 3;
  while (isLetter(t.charCodeAt(j))) j++;
  j = skipSpaces(t, j);
  return t.charCodeAt(j) === 61 ? j : -1;
}

/** Index of the `:` when `\s*(?:j|&#0*106;|&#x0*6a;)\s*a\s*v…t\s*:` starts at i (the token's start in `at`), else -1. */
function javascriptAt(t: string, i: number): number {
  let j = i;
  if (hasWordAt(t, j, 'j')) j++;
  else if (hasWordAt(t, j, '&#x')) {
    j += 3;
    while (t.charCodeAt(j) === 48) j++;
    if (!hasWordAt(t, j, '6a;')) return -1;
    j += 3;
  } else if (hasWordAt(t, j, '&#')) {
    j += 2;
    while (t.charCodeAt(j) === 48) j++;
    if (!hasWordAt(t, j, '106;')) return -1;
    j += 4;
  } else return -1;
  for (const ch of 'avascript:') {
    j = skipSpaces(t, j);
    if (!hasWordAt(t, j, ch)) return -1;
    j++;
  }
  return j - 1;
}

const LINK_ATTRIBUTES = ['formaction', 'xlink:href', 'action', 'href', 'data', 'src'];

/** Whether the run before `end` (spaces skipped back over) is `word` spelled with spaces between its letters. */
function spacedBefore(text: string, end: number, word: string): boolean {
  let j = end;
  for (let k = word.length - 1; k >= 0; k--) {
    while (j > 0 && isSpace(text.charCodeAt(j - 1))) j--;
    if (j === 0 || (text.charCodeAt(j - 1) | 0x20) !== word.charCodeAt(k)) return false;
    j--;
  }
  return true;
}

/**
 * A quick, linear look for what every match needs, so that most card text (HTML without scripts) skips the full
 * scan. Without backticks the text is exactly what the patterns read; with them (code spans) the full scan decides.
 * A script needs `<script`; a handler `on` + letters + spaces before an `=`; a javascript: link `p`, `t` and spaces
 * before a `:`.
 */
function mayHoldActiveContent(text: string): boolean {
  if (text.includes('`') || /<script/i.test(text)) return true;
  for (let i = text.indexOf('='); i !== -1; i = text.indexOf('=', i + 1)) {
    let j = i;
    while (j > 0 && isSpace(text.charCodeAt(j - 1))) j--;
    const end = j;
    while (j > 0 && isLetter(text.charCodeAt(j - 1))) j--;
    if (end - j >= 3 && hasWordAt(text, j, 'on')) return true;
  }
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) if (spacedBefore(text, i, 'pt')) return true;
  return false;
}

function scan(text: string): Found | null {
  if (!/[<\]]/.test(text) || !mayHoldActiveContent(text)) return null;
  const plain = plainText(text);
  const t = plain.text;
  const found: Found = { plain, scripts: [], handlers: [], links: [] };
  let inTag = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 62) inTag = false;
    else if (c === 60 && isLetter(t.charCodeAt(i + 1))) {
      inTag = true;
      if (hasWordAt(t, i + 1, 'script') && !isWordChar(t.charCodeAt(i + 7))) found.scripts.push(i);
    } else if (inTag && (isSpace(c) || c === 47 || c === 34 || c === 39)) {
      const eq = handlerAt(t, i + 1);
      if (eq !== -1) found.handlers.push({ at: i + 1, eq });
    }
    if (c === 93 && t.charCodeAt(i + 1) === 40) {
      let j = skipSpaces(t, i + 2);
      const angle = t.charCodeAt(j) === 60;
      if (angle) j = skipSpaces(t, j + 1);
      const colon = javascriptAt(t, j);
      if (colon !== -1) found.links.push({ at: j, colon, close: angle ? 'angle' : 'paren' });
    } else if (isLetter(c) && !isWordChar(t.charCodeAt(i - 1))) {
      const name = LINK_ATTRIBUTES.find((a) => hasWordAt(t, i, a));
      if (name === undefined) continue;
      let j = skipSpaces(t, i + name.length);
      if (t.charCodeAt(j) !== 61) continue;
      j = skipSpaces(t, j + 1);
      const quote = t[j] === '"' || t[j] === "'" ? t[j] : undefined;
      if (quote !== undefined) j = skipSpaces(t, j + 1);
      const colon = javascriptAt(t, j);
      if (colon !== -1)
        found.links.push(
          quote === undefined ? { at: j, colon, close: 'space' } : { at: j, colon, close: 'quote', quote },
        );
    }
  }
  return found.scripts.length + found.handlers.length + found.links.length > 0 ? found : null;
}

/** What active content the text holds, if any. */
export function findActiveContent(text: string): string | null {
  const found = scan(text);
  if (found === null) return null;
  return found.scripts.length > 0 ? SCRIPT : found.handlers.length > 0 ? HANDLER : JS_LINK;
}

/** A stretch of the original text to replace. */
interface Edit {
  start: number;
  end: number;
  with: string;
}

/** Where a script element ends, as a browser ends it: after `</script` + space, `/` or `>` and its `>`, else at the end. */
function scriptEnd(text: string, from: number): number {
  for (let i = text.indexOf('<', from); i !== -1; i = text.indexOf('<', i + 1)) {
    if (!hasWordAt(text, i + 1, '/script')) continue;
    const c = text.charCodeAt(i + 8);
    if (Number.isNaN(c) || isSpace(c) || c === 47 || c === 62) {
      const close = text.indexOf('>', i + 8);
      return close === -1 ? text.length : close + 1;
    }
  }
  return text.length;
}

/** Where an attribute value starting at `from` (after `=`) ends: its closing quote, else a space or `>`. */
function attributeValueEnd(text: string, from: number): number {
  let i = skipSpaces(text, from);
  const q = text[i];
  if (q === '"' || q === "'") {
    const close = text.indexOf(q, i + 1);
    return close === -1 ? text.length : close + 1;
  }
  while (i < text.length && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 62) i++;
  return i;
}

/** Where a javascript: URL ends after its `:` (at `from`), by how it was opened. */
function linkEnd(text: string, from: number, close: Found['links'][number]['close'], quote?: string): number {
  if (close === 'quote') {
    const end = text.indexOf(quote!, from);
    return end === -1 ? text.length : end;
  }
  let depth = 0;
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || (c === 62 && close !== 'paren')) break;
    if (close === 'space') continue;
    if (c === 40) depth++;
    else if (c === 41 && depth-- === 0) break;
  }
  return i;
}

/** The edits that take out every match: a script element, a handler attribute, a javascript: URL (then `#`). */
function editsFor(text: string, found: Found): Edit[] {
  const { from, to } = found.plain;
  const scripts = found.scripts.map((p) => {
    const start = from[p]!;
    return { start, end: scriptEnd(text, to[p + 6]!), with: '' };
  });
  const handlers = found.handlers.map(({ at, eq }) => ({
    start: from[at]!,
    end: attributeValueEnd(text, to[eq]!),
    with: '',
  }));
  const links = found.links.map((l) => ({
    start: from[l.at]!,
    end: linkEnd(text, to[l.colon]!, l.close, l.quote),
    with: '#',
  }));
  return mergeSorted(mergeSorted(scripts, handlers), links);
}

function mergeSorted(a: Edit[], b: Edit[]): Edit[] {
  const out: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length)
    out.push(j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start) ? a[i++]! : b[j++]!);
  return out;
}

/** Applies edits sorted by start; one that starts inside an earlier one is part of it (a handler inside a script). */
function applyEdits(text: string, edits: readonly Edit[]): { html: string; count: number } {
  const parts: string[] = [];
  let at = 0;
  let count = 0;
  for (const e of edits) {
    if (e.start < at) {
      if (e.end > at) at = e.end;
      continue;
    }
    parts.push(text.slice(at, e.start), e.with);
    at = e.end;
    count++;
  }
  parts.push(text.slice(at));
  return { html: parts.join(''), count };
}

/**
 * Rounds of stripping before the last resort. One round takes out everything in ordinary text; another is needed only
 * when taking something out joins its neighbours into new active content (`<scr<script></script>ipt>`).
 */
const MAX_ROUNDS = 8;

/**
 * Takes active content out of HTML (Anki templates and fields): `<script>` elements (an unclosed one to the end, as
 * a browser does), `on…=` handler attributes in tags with their values, and javascript: URLs (entity-encoded or
 * spaced too) in href, src, action, formaction, xlink:href and data attributes and Markdown links, which become `#`.
 * `removed` counts the things taken out. Text the detector does not flag is returned unchanged, and the result never
 * has active content: `findActiveContent(stripActiveContent(s).html) === null` for every string, and stripping is
 * idempotent. Linear in the length of the text.
 *
 * After MAX_ROUNDS rounds that each uncovered new active content (only a text built to nest it does that), the rest
 * is disarmed as a whole: every `<` becomes `&lt;` and every backtick `&#96;`, so the text shows as written but holds
 * no tags or code, and the javascript: URLs left become `#`.
 */
export function stripActiveContent(html: string): { html: string; removed: number } {
  let text = html;
  let removed = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const found = scan(text);
    if (found === null) return { html: text, removed };
    const edited = applyEdits(text, editsFor(text, found));
    text = edited.html;
    removed += edited.count;
  }
  const left = scan(text);
  if (left === null) return { html: text, removed };
  const disarmed = text.replace(/</g, '&lt;').replace(/`/g, '&#96;');
  const links = scan(disarmed);
  const out = links === null ? disarmed : applyEdits(disarmed, editsFor(disarmed, links)).html;
  return { html: out, removed: removed + left.scripts.length + left.handlers.length + left.links.length };
}

function walk(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, visit));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`, visit);
}

/** Ids and tags are slugs, checked by the schema; everything else may be shown to the learner. */
const NOT_TEXT = new Set(['id', 'type', 'tags']);

/** Every card and table row field with active content, named by card id and field path (e.g. `back.en`). */
export function activeContentIssues(
  file: string,
  deck: Deck,
  where: (cardId: string) => string = (id) => `card "${id}"`,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const check = (cardId: string, record: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(record)) {
      if (NOT_TEXT.has(key)) continue;
      walk(value, key, (text, field) => {
        const what = findActiveContent(text);
        if (what)
          issues.push({
            file,
            where: where(cardId),
            field,
            message: `contains active content (${what}); dockdeck does not import decks with scripts, event handlers or javascript: links`,
          });
      });
    }
  };
  for (const card of deck.cards) check(card.id, card);
  for (const table of deck.tables) {
    check(`table:${table.id}`, { title: table.title, columns: table.columns });
    for (const row of table.rows) check(`table:${table.id}/${row.id}`, row);
  }
  const meta: Record<string, unknown> = { title: deck.title, description: deck.description };
  walk(meta, '', (text, field) => {
    const what = findActiveContent(text);
    if (what)
      issues.push({
        file,
        field,
        message: `contains active content (${what}); dockdeck does not import decks with scripts, event handlers or javascript: links`,
      });
  });
  return issues;
}
