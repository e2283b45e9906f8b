// Takes active content (scripts, on* event handlers, javascript: links; found by active-content-scan.ts) out of
// imported card text, or names where it is.
//
// The renderer sanitises card text anyway, so nothing would run; but a deck that carries scripts was either made
// to attack or copied from somewhere that uses them, and we cannot know which. dockdeck JSON and CSV imports are
// refused, with the card and field named; Anki packages, whose shared templates often carry scripts, have them
// stripped (`stripActiveContent`) and counted instead.
import type { Deck } from '../../domain/deck-schema';
import type { Issue, IssuePlace } from '../../domain/issue';
import { findActiveContent, hasWordAt, isSpace, scan, skipSpaces, type Found } from './active-content-scan';

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

/** Every card and table row field with active content, named by card and field path (e.g. `back.en`). */
export function activeContentIssues(
  file: string,
  deck: Deck,
  placeOf: (cardId: string) => IssuePlace = (card) => ({ card }),
): Issue[] {
  const issues: Issue[] = [];
  const found = (place: IssuePlace | undefined) => (text: string, field: string) => {
    const active = findActiveContent(text);
    if (active)
      issues.push({
        file,
        ...(place === undefined ? {} : { place }),
        field,
        code: 'import.active-content',
        params: { active },
      });
  };
  const check = (cardId: string, record: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(record)) if (!NOT_TEXT.has(key)) walk(value, key, found(placeOf(cardId)));
  };
  for (const card of deck.cards) check(card.id, card);
  for (const table of deck.tables) {
    check(`table:${table.id}`, { title: table.title, columns: table.columns });
    for (const row of table.rows) check(`table:${table.id}/${row.id}`, row);
  }
  walk({ title: deck.title, description: deck.description }, '', found(undefined));
  return issues;
}
