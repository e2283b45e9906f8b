// What counts as active content in card text (a <script> element, an on…= event handler, a javascript: link), found
// with one linear scanner rather than regular expressions: the patterns below, written as regexes, backtrack
// quadratically (a 1 MB field of `<a<a<a…` would hang the import worker for minutes). Stripping: active-content.ts.

/** What was found (an `active` term of issue-words): the first kind in this order. */
export type ActiveContent = 'script' | 'handler' | 'link';

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
export function isSpace(c: number): boolean {
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
export function hasWordAt(text: string, i: number, word: string): boolean {
  if (i + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(i + k);
    if ((isLetter(c) ? c | 0x20 : c) !== word.charCodeAt(k)) return false;
  }
  return true;
}

export function skipSpaces(text: string, i: number): number {
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
export interface Found {
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

export function scan(text: string): Found | null {
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
export function findActiveContent(text: string): ActiveContent | null {
  const found = scan(text);
  if (found === null) return null;
  return found.scripts.length > 0 ? 'script' : found.handlers.length > 0 ? 'handler' : 'link';
}
