// Scopes an Anki note type's stylesheet to one card on screen: every rule styles only the card, nothing loads.
//
// A small walker rather than the browser's CSS parser: it gives the same result in tests (jsdom) and in the app,
// and what it cannot read it drops. Anki's card is the page body with the class `card` (and `cardN`, N the
// template's ordinal + 1), so `html`, `body`, `:root`, `.card` and `.cardN` mean the scope root; every other
// selector is made a descendant of it. Anki's night-mode classes (`.nightMode`, `.night_mode`) sit on that root in the
// dark theme (card-scope.tsx), so rules for them apply there and nowhere else. Dropped: at-rules other than @media/@supports/@container (@import,
// @font-face, @keyframes, @layer… are global or load files), nested rules, `+`/`~` after the root (the root's
// siblings are outside the card), `position: fixed`, url() other than data: and #fragment, image-set(), CSS
// escapes outside strings, and anything unbalanced.

/** The class the root gets for Anki's `.cardN` (template ordinal + 1). */
export function cardOrdClass(ord: number): string {
  return `dd-card${ord + 1}`;
}

interface Block {
  prelude: string;
  /** null for a statement (`@import …;`). */
  body: string | null;
}

/** Index just past the string that starts at `i` (a quote), or -1 if it does not end on its line. */
function skipString(s: string, i: number): number {
  const q = s[i];
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === q) return j + 1;
    else if (c === '\n') return -1;
  }
  return -1;
}

function stripComments(css: string): string {
  let out = '';
  for (let i = 0; i < css.length;) {
    const c = css[i]!;
    if (c === '"' || c === "'") {
      const end = skipString(css, i);
      if (end < 0) return out; // an unterminated string: the rest is unreadable
      out += css.slice(i, end);
      i = end;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) return out;
      out += ' ';
      i = end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Top-level blocks and statements of a stylesheet (comments removed); stops at the first unbalanced one. */
function readBlocks(css: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  let i = 0;
  while (i < css.length) {
    const c = css[i]!;
    if (c === '"' || c === "'") {
      const end = skipString(css, i);
      if (end < 0) return blocks;
      i = end;
    } else if (c === ';') {
      blocks.push({ prelude: css.slice(start, i).trim(), body: null });
      start = ++i;
    } else if (c === '{') {
      const end = matchBrace(css, i);
      if (end < 0) return blocks;
      blocks.push({ prelude: css.slice(start, i).trim(), body: css.slice(i + 1, end) });
      start = i = end + 1;
    } else if (c === '}') {
      return blocks; // a stray closing brace: what follows is out of step
    } else i++;
  }
  return blocks;
}

/** Index of the `}` that closes the `{` at `open`, or -1. */
function matchBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      const end = skipString(s, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Splits at `sep` outside strings, parentheses and brackets. */
function splitTop(s: string, sep: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"' || c === "'") {
      const end = skipString(s, i);
      if (end < 0) return null;
      i = end - 1;
    } else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === sep && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (depth !== 0) return null;
  parts.push(s.slice(start));
  return parts;
}

/** Whether `s` has a backslash outside strings (CSS escapes could spell `url(` or a combinator unseen). */
function hasEscapeOutsideStrings(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      const end = skipString(s, i);
      if (end < 0) return true;
      i = end - 1;
    } else if (c === '\\') return true;
  }
  return false;
}

const ROOT_TYPE = /^(?:html|body)(?![\w-])/i;
const ROOT_PSEUDO = /:root(?![\w-])/i;
const CARD_CLASS = /\.card(\d*)(?![\w-])/g;
/** Anki's night-mode classes: on the card's root in the dark theme, so a part of the root wherever they are written. */
const NIGHT = /\.(?:nightMode|night_mode)(?![\w-])/;
/** What a root compound may add to the root and still be merged with the next one (`.nightMode .card`). */
const ONLY_NIGHT = new RegExp(`^(?:${NIGHT.source})*$`);

/** A selector split into compounds and the combinators between them (`lead`: one before the first); null if unreadable. */
function compounds(sel: string): { parts: string[]; combinators: string[]; lead: string } | null {
  const parts: string[] = [];
  const combinators: string[] = [];
  let lead = '';
  let cur = '';
  let space = false;
  let comb: string | null = null;
  let depth = 0;
  for (let i = 0; i < sel.length; i++) {
    const c = sel[i]!;
    const top = depth === 0;
    if (top && /\s/.test(c)) {
      space = true;
      continue;
    }
    if (top && (c === '>' || c === '+' || c === '~')) {
      if (comb !== null) return null; // `a > > b`
      comb = c;
      continue;
    }
    if (space || comb !== null) {
      if (cur !== '') {
        parts.push(cur);
        combinators.push(comb ?? ' ');
        cur = '';
      } else if (parts.length === 0) lead = comb ?? '';
      space = false;
      comb = null;
    }
    if (c === '"' || c === "'") {
      const end = skipString(sel, i);
      if (end < 0) return null;
      cur += sel.slice(i, end);
      i = end - 1;
      continue;
    }
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth--;
    if (depth < 0) return null;
    cur += c;
  }
  if (cur === '' || comb !== null || depth !== 0) return null;
  parts.push(cur);
  return { parts, combinators, lead };
}

/** Whether a compound is (part of) the card root, and what is left of it once the root's own names are taken. */
function rootPart(compound: string, scope: string): { root: boolean; rest: string } {
  let root = false;
  let rest = compound;
  if (ROOT_TYPE.test(rest)) {
    rest = rest.replace(ROOT_TYPE, '');
    root = true;
  }
  rest = rest.replace(new RegExp(ROOT_PSEUDO.source, 'gi'), () => ((root = true), ''));
  rest = rest.replace(CARD_CLASS, (_m, n: string) => ((root = true), n ? `.dd-card${n}` : ''));
  if (NIGHT.test(rest)) root = true;
  // `div.card` is an element inside Anki's body, never the body itself: an ordinary descendant.
  if (root && /^[a-z*|]/i.test(rest)) return { root: false, rest: compound };
  return { root, rest: root ? `${scope}${rest}` : compound };
}

/** One selector made to match inside the scope only, or null if it cannot be. */
function scopeSelector(sel: string, scope: string): string | null {
  const s = sel.trim();
  if (s === '' || /[\\{}<;@&]/.test(s) || /:host|::slotted|::part/i.test(s)) return null;
  const c = compounds(s);
  if (!c) return null;
  const { parts, combinators } = c;
  if (c.lead === '+' || c.lead === '~') return null;
  if (c.lead === '>') {
    parts[0] = `${scope} > ${parts[0]}`;
    return join(parts, combinators);
  }
  // `html body .x`, `body .card`, `.nightMode .card`: leading compounds that are all root collapse into one.
  let head = rootPart(parts[0]!, scope);
  while (parts.length > 1 && head.root && (combinators[0] === ' ' || combinators[0] === '>')) {
    const next = rootPart(parts[1]!, scope);
    if (!next.root || !ONLY_NIGHT.test(head.rest.slice(scope.length))) break;
    head = { root: true, rest: head.rest + next.rest.slice(scope.length) };
    parts.shift();
    combinators.shift();
  }
  if (head.root) {
    // The root's siblings are the app's own elements.
    if (combinators[0] === '+' || combinators[0] === '~') return null;
    parts[0] = head.rest;
  } else parts[0] = `${scope} ${parts[0]}`;
  // The root and the night-mode classes are nowhere further in.
  const inner = head.root ? parts.slice(1) : parts;
  if (parts.slice(1).some((p) => ROOT_PSEUDO.test(p)) || inner.some((p) => NIGHT.test(p))) return null;
  return join(parts, combinators);
}

function join(parts: string[], combinators: string[]): string {
  return parts.map((p, i) => (i ? `${combinators[i - 1] === ' ' ? ' ' : ` ${combinators[i - 1]} `}${p}` : p)).join('');
}

const URL_FN = /\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)"']*?))\s*\)/gi;
/** Functions that fetch by URL or a string; url() is checked argument by argument instead. */
const LOADS = /(?:image-set|src|cross-fade|element|expression)\(|-moz-binding|behavior/i;

function safeUrl(u: string): boolean {
  const v = u.trim();
  return /^data:/i.test(v) || v.startsWith('#');
}

/** One declaration kept as `name: value`, or null when it could load something or leave the card. */
function scopeDeclaration(decl: string): string | null {
  const colon = decl.indexOf(':');
  if (colon < 0) return null;
  const name = decl.slice(0, colon).trim().toLowerCase();
  const value = decl.slice(colon + 1).trim();
  if (!/^-{0,2}[a-z][a-z0-9-]*$/.test(name) || value === '') return null;
  if (hasEscapeOutsideStrings(value) || LOADS.test(value)) return null;
  if (name === 'position' && /fixed/i.test(value)) return null;
  const urls = [...value.matchAll(URL_FN)];
  if ((value.match(/url\(/gi)?.length ?? 0) !== urls.length) return null;
  if (!urls.every((m) => safeUrl(m[1] ?? m[2] ?? m[3] ?? ''))) return null;
  return `${name}: ${value}`;
}

const GROUPING = new Set(['media', 'supports', 'container']);

function scopeBlocks(blocks: Block[], scope: string): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.body === null) continue; // @import, @charset, @namespace, @layer a, b; — or a stray declaration
    if (b.prelude.startsWith('@')) {
      const name = /^@([\w-]+)/.exec(b.prelude)?.[1]?.toLowerCase() ?? '';
      const condition = b.prelude.slice(name.length + 1);
      if (!GROUPING.has(name) || !/^[\w\s():,.%<>=/-]*$/.test(condition)) continue;
      const inner = scopeBlocks(readBlocks(b.body), scope);
      if (inner.length > 0) out.push(`@${name} ${condition.trim()} {\n${inner.map((r) => `  ${r}`).join('\n')}\n}`);
      continue;
    }
    if (b.body.includes('{')) continue; // nested rules: not read
    const selectors = splitTop(b.prelude, ',')?.map((s) => scopeSelector(s, scope));
    const kept = selectors?.filter((s): s is string => s !== null) ?? [];
    const decls = (splitTop(b.body, ';') ?? [])
      .filter((d) => d.trim() !== '')
      .map(scopeDeclaration)
      .filter((d): d is string => d !== null);
    if (kept.length > 0 && decls.length > 0) out.push(`${kept.join(', ')} { ${decls.join('; ')}; }`);
  }
  return out;
}

/**
 * `css` with every rule made to match only within the element with class `scopeClass` (the card's root), and
 * everything that could load a file or reach outside the card dropped. Pure: the same text in, the same text out.
 */
export function scopeCss(css: string, scopeClass: string): string {
  if (!/^[a-z][\w-]*$/i.test(scopeClass)) throw new Error(`not a class name: ${scopeClass}`);
  return scopeBlocks(readBlocks(stripComments(css)), `.${scopeClass}`).join('\n');
}

/**
 * How a note type's CSS meets the dark theme: `own` when it styles Anki's night mode itself; `paper` when it sets
 * colours for a light page only (black text, say), so the card keeps a light page of its own to stay readable;
 * `theme` when it sets no colours and the card takes the app's.
 */
export function nightStyle(css: string): 'own' | 'paper' | 'theme' {
  const text = stripComments(css);
  if (NIGHT.test(text)) return 'own';
  return /(?:^|[{;\s])(?:color|background(?:-color)?)\s*:/i.test(text) ? 'paper' : 'theme';
}
