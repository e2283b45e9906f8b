// Finds active content (scripts, on* event handlers, javascript: links) in imported card text, so the import is refused.
//
// The renderer sanitises card text anyway, so nothing would run; but a deck that carries scripts was either made
// to attack or copied from somewhere that uses them, and we cannot know which. Refusing, with the card and field
// named, tells the user what is in the file instead of silently showing a different card than its author wrote.
import type { Deck } from '../deck-schema';
import type { ImportIssue } from './draft';

const PATTERNS: ReadonlyArray<{ re: RegExp; what: string }> = [
  { re: /<script\b/i, what: 'a <script> element' },
  // An on…= attribute inside a tag: `<img src=x onerror=…>`, `<a onclick="…">`.
  { re: /<[a-z][^>]*?[\s/"']on[a-z]+\s*=/i, what: 'an event handler attribute (on…=)' },
  // javascript: as a link or source target, in HTML attributes or Markdown links.
  {
    re: /(?:\b(?:href|src|action|formaction|xlink:href|data)\s*=\s*["']?|\]\(\s*<?)\s*(?:j|&#0*106;|&#x0*6a;)\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i,
    what: 'a javascript: link',
  },
];

/** Markdown code (`…` and ``` blocks) is shown as text, never run: a lesson about `<script>` is fine. */
function withoutCode(text: string): string {
  return text.replace(/(`+)[^]*?\1/g, ' ');
}

/** What active content the text holds, if any. */
export function findActiveContent(text: string): string | null {
  if (!/[<\]]/.test(text)) return null;
  const plain = withoutCode(text);
  for (const p of PATTERNS) if (p.re.test(plain)) return p.what;
  return null;
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
