// The outline of a source document: its citable sections (Markdown headings), found by name or suggested on a typo.

/** A heading of a source document, or the text before the first heading (level 0). */
export interface DocSection {
  /** 1–6 for `#`…`######`; 0 for the text before the first heading. */
  level: number;
  /** The heading text with links unwrapped, footnote markers removed and whitespace collapsed. */
  name: string;
  /** What a card's `source.section` should say: `name`, or `Parent > name` where the document repeats `name`. */
  citation: string;
  /** Names of the enclosing headings, outermost first. */
  ancestors: string[];
  /** 1-based line of the heading (of the first line of the document for the preamble). */
  line: number;
  /** Whether the section's own text (up to the next heading of any level) holds something to learn. */
  hasFacts: boolean;
}

export interface DocOutline {
  /** `title:` of the YAML front matter, when there is one. */
  title?: string;
  sections: DocSection[];
}

export const PREAMBLE = '(preamble)';

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

// One level of nested parentheses keeps URLs like `wiki/Foo_(bar)` inside their link.
const URL_IN_PARENS = String.raw`\((?:[^()]|\([^()]*\))*\)`;
const FOOTNOTE = new RegExp(String.raw`\[\[[^\]]*\]\]${URL_IN_PARENS}|\[\^[^\]]*\]`, 'g');
const IMAGE = new RegExp(String.raw`!\[([^\]]*)\]${URL_IN_PARENS}`, 'g');
const LINK = new RegExp(String.raw`\[([^\]]*)\]${URL_IN_PARENS}`, 'g');

/** The citation name of a heading's text: `[text](url)` → `text`, `[[1]](url)` and `[^1]` dropped. */
export function headingName(text: string): string {
  return collapse(text.replace(FOOTNOTE, '').replace(IMAGE, '$1').replace(LINK, '$1'));
}

const HEADING = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;

function parseHeading(line: string): { level: number; text: string } | undefined {
  const m = HEADING.exec(line);
  if (!m) return undefined;
  // A closing run of #s (`## Title ##`) is decoration, not part of the name.
  const text = (m[2] ?? '').replace(/(^|[ \t]+)#+$/, '');
  return { level: m[1]!.length, text };
}

const YAML_KEY = /^[A-Za-z_][\w-]*:(\s|$)/;
const YAML_MORE = /^(\s+\S|-\s|\s*$)/;

/**
 * Finds front matter: the usual `---` … `---` block, and also the Hexo style that omits the opening
 * `---` (`title: …` lines up to a `---`), which some of the source documents use.
 */
function frontMatter(lines: readonly string[]): { end: number; title?: string } | undefined {
  let body: readonly string[];
  let end: number;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (close < 0) return undefined;
    body = lines.slice(1, close);
    end = close + 1;
  } else {
    if (!YAML_KEY.test(lines[0] ?? '')) return undefined;
    const close = lines.findIndex((l) => /^---\s*$/.test(l));
    if (close < 0) return undefined;
    body = lines.slice(0, close);
    if (!body.every((l) => YAML_KEY.test(l) || YAML_MORE.test(l))) return undefined;
    end = close + 1;
  }
  const titleLine = body.find((l) => /^title:/.test(l));
  const title =
    titleLine === undefined ? '' : collapse(titleLine.slice('title:'.length)).replace(/^(['"])(.*)\1$/, '$2');
  return title === '' ? { end } : { end, title };
}

const MARKUP_ONLY = [
  /<\/?[A-Za-z][^>]*>/g, // HTML tags such as <img …> or <span …>; the text between them still counts
  /<https?:[^>]*>/g,
  /\bhttps?:\/\/\S+/g,
];

/** Whether one Markdown line (outside code fences) says something beyond links, images and rules. */
function lineHasFacts(line: string): boolean {
  let s = line.replace(/^\s*(?:>\s?)*/, '').replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
  if (/^\s*([-*_])(?:\s*\1){2,}\s*$/.test(s)) return false; // horizontal rule
  if (/^\s*\[[^\]]+\]:\s*\S+/.test(s)) return false; // link reference definition
  // Images nested in links go first so the surrounding link is then empty and goes too.
  s = s.replace(IMAGE, ' ').replace(LINK, ' ');
  for (const re of MARKUP_ONLY) s = s.replace(re, ' ');
  s = s.trim();
  // "Ref:" or "参考：" before a list of links introduces the links; it is not a fact of its own.
  if (/^[^:：]{0,16}[:：]$/.test(s)) return false;
  return /[\p{L}\p{N}]/u.test(s);
}

type BodyLine = { code: boolean; text: string };

function bodyHasFacts(body: readonly BodyLine[]): boolean {
  if (body.some((l) => l.code && l.text.trim() !== '')) return true;
  const prose = body
    .filter((l) => !l.code)
    .map((l) => l.text)
    .join('\n')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  return prose.split('\n').some(lineHasFacts);
}

/** Parses a document's ATX headings (outside code fences) into sections in document order. */
export function parseDocHeadings(text: string): DocOutline {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fm = frontMatter(lines);
  type Draft = Omit<DocSection, 'citation' | 'hasFacts'> & { body: BodyLine[] };
  const preamble: Draft = { level: 0, name: fm?.title ?? PREAMBLE, ancestors: [], line: 1, body: [] };
  const drafts: Draft[] = [preamble];
  const open: Draft[] = []; // the chain of enclosing headings, outermost first
  let current = preamble;
  let fence: { char: string; length: number } | undefined;

  for (let i = fm?.end ?? 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      const closes =
        marker !== undefined && marker[0] === fence.char && marker.length >= fence.length && line.trim() === marker;
      current.body.push({ code: !closes, text: closes ? '' : line });
      if (closes) fence = undefined;
      continue;
    }
    if (marker !== undefined) {
      fence = { char: marker[0]!, length: marker.length };
      current.body.push({ code: false, text: '' });
      continue;
    }
    const heading = parseHeading(line);
    if (!heading) {
      current.body.push({ code: false, text: line });
      continue;
    }
    while (open.length > 0 && open[open.length - 1]!.level >= heading.level) open.pop();
    current = {
      level: heading.level,
      name: headingName(heading.text),
      ancestors: open.map((h) => h.name),
      line: i + 1,
      body: [],
    };
    open.push(current);
    drafts.push(current);
  }

  const sections = drafts
    // An empty preamble is not a section anyone could cite; a titled one is listed even when empty.
    .filter((d) => d !== preamble || fm?.title !== undefined || d.body.some((l) => l.text.trim() !== ''))
    .map(({ body, ...d }) => ({ ...d, citation: d.name, hasFacts: bodyHasFacts(body) }));
  const counts = new Map<string, number>();
  for (const s of sections) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  for (const s of sections) {
    const parent = s.ancestors[s.ancestors.length - 1];
    if ((counts.get(s.name) ?? 0) > 1 && parent !== undefined) s.citation = `${parent} > ${s.name}`;
  }
  return fm?.title === undefined ? { sections } : { title: fm.title, sections };
}

/**
 * The sections a `source.section` names. `Child` matches a heading whose name is unique in the document,
 * or a top-level one (it has no parent to name); `Parent > Child` (or a longer chain of ancestors) always
 * matches. More than one result means the citation is ambiguous.
 */
export function findSections(outline: DocOutline, section: string): DocSection[] {
  const wanted = collapse(section);
  const parts = section.split(/\s+>\s+/).map(collapse);
  const counts = new Map<string, number>();
  for (const s of outline.sections) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  const bare = (s: DocSection, name: string) =>
    s.name === name && ((counts.get(name) ?? 0) === 1 || s.ancestors.length === 0);
  const chained = (s: DocSection) => {
    const name = parts[parts.length - 1];
    const chain = parts.slice(0, -1);
    return (
      parts.length > 1 &&
      s.name === name &&
      chain.every((p, i) => s.ancestors[s.ancestors.length - chain.length + i] === p)
    );
  };
  // A heading may itself contain " > ", so the whole text is tried as a plain name too.
  return outline.sections.filter((s) => bare(s, wanted) || chained(s));
}

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length]!;
}

/** Citations of the document's sections that look like what a mistyped `section` meant, closest first. */
export function suggestSections(outline: DocOutline, section: string, limit = 3): string[] {
  const wanted = collapse(section).toLowerCase();
  return outline.sections
    .map((s) => {
      const c = s.citation.toLowerCase();
      const n = s.name.toLowerCase();
      const contains = wanted.length > 1 && (c.includes(wanted) || wanted.includes(n));
      return { citation: s.citation, d: contains ? 0 : Math.min(editDistance(wanted, c), editDistance(wanted, n)) };
    })
    .filter(({ citation, d }) => d <= Math.max(2, Math.floor([...citation].length / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map((s) => s.citation);
}

/** One card (or trait-table row) pointing at a section of a document. */
