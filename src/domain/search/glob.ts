// Patterns as matchers: free text anywhere in a card's text (`*` any run, `_` any one character), and deck and tag
// names whole (`*` only), all ignoring case; and the card text made searchable (markup and cloze markers out).

/** A pattern's pieces: literal text, or a wildcard. */
type Piece = { lit: string } | { any: 'run' | 'one' };

function pieces(pattern: string, underscore: boolean): Piece[] {
  const out: Piece[] = [];
  let lit = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      lit += pattern[++i];
    } else if (c === '*' || (c === '_' && underscore)) {
      if (lit) out.push({ lit });
      lit = '';
      out.push({ any: c === '*' ? 'run' : 'one' });
    } else {
      lit += c;
    }
  }
  if (lit) out.push({ lit });
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function regexSource(ps: Piece[]): string {
  return ps.map((p) => ('lit' in p ? escapeRe(p.lit) : p.any === 'run' ? '[\\s\\S]*' : '[\\s\\S]')).join('');
}

/** A matcher of folded card text (see `foldText`): true when the pattern occurs anywhere in it. */
export function textMatcher(pattern: string): (folded: string) => boolean {
  const ps = pieces(pattern.toLowerCase(), true);
  if (ps.every((p) => 'lit' in p)) {
    const needle = ps.map((p) => (p as { lit: string }).lit).join('');
    return (folded) => folded.includes(needle);
  }
  const re = new RegExp(regexSource(ps), 'u');
  return (folded) => re.test(folded);
}

/**
 * A matcher of names (deck ids and titles, tags), ignoring case: the whole name, or, as Anki's, a parent of it in a
 * `::` hierarchy (`tag:docker` is also `docker::engine`).
 */
export function nameMatcher(pattern: string): (name: string) => boolean {
  const ps = pieces(pattern.toLowerCase(), false);
  const re = new RegExp(`^(?:${regexSource(ps)})(?:::[\\s\\S]*)?$`, 'u');
  return (name) => re.test(name.toLowerCase());
}

/** The literal text of a name pattern with no wildcard, or undefined if it has one. */
export function literalName(pattern: string): string | undefined {
  const ps = pieces(pattern, false);
  if (ps.some((p) => !('lit' in p))) return undefined;
  return ps.map((p) => (p as { lit: string }).lit).join('');
}

/** The literal start of a name pattern that is that start and one trailing `*` (`dock*`), or undefined. */
export function literalPrefix(pattern: string): string | undefined {
  const ps = pieces(pattern, false);
  const last = ps.at(-1);
  if (last === undefined || 'lit' in last || ps.slice(0, -1).some((p) => !('lit' in p))) return undefined;
  return ps
    .slice(0, -1)
    .map((p) => (p as { lit: string }).lit)
    .join('');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
/** Tags after which the text goes on as a new line or cell: they part words. */
const BREAK_TAGS = /<\/?(?:br|p|div|li|tr|td|th|h[1-6]|hr|ul|ol|table|blockquote|pre)\b[^>]*>/gi;

/**
 * A card's texts as searched: cloze markers out (`{{c1::answer::hint}}` is "answer"), HTML tags out (words split
 * across formatting are found), common entities decoded, lower case, the texts one per line.
 */
export function foldText(texts: readonly string[]): string {
  let s = texts.join('\n');
  if (s.includes('{{')) s = s.replace(/\{\{c\d+::([\s\S]*?)(?:::[\s\S]*?)?\}\}/g, '$1');
  if (s.includes('<')) s = s.replace(BREAK_TAGS, ' ').replace(/<[^>]*>/g, '');
  if (s.includes('&')) s = s.replace(/&(#39|[a-z]+);/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m);
  return s.toLowerCase();
}
