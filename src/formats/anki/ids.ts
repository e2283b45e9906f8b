// Stable dockdeck ids for Anki things: deck ids from deck names, card ids from note GUIDs, tag slugs.
// Ids must match the deck schema's id rule (`^[a-z0-9][a-z0-9-]*$`, at most 80 characters) and must not change
// when the same package is imported again, so that re-imports update cards and keep their review history.

const MAX_ID = 80;
const encoder = new TextEncoder();

/**
 * A 64-bit hash of a string as 16 hex digits (two 32-bit lanes in the style of cyrb53). Not cryptographic: it only
 * has to make long or non-Latin names distinct and stable.
 */
export function hashHex(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const byte of encoder.encode(s)) {
    h1 = Math.imul(h1 ^ byte, 2654435761);
    h2 = Math.imul(h2 ^ byte, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * The card id of an Anki note: the hex of its GUID's UTF-8 bytes. Anki GUIDs are case-sensitive base-91 strings
 * (`MGCsE3z^Er`), so lower-casing or slugging them would merge different notes; hex keeps every GUID distinct and
 * gives the same id on every import. GUIDs longer than 30 bytes (other tools write UUIDs and URLs) would pass the
 * 80-character limit once a suffix is added, so they become `g` + a 64-bit hash (never pure hex, so the two forms
 * cannot meet).
 */
export function noteIdFromGuid(guid: string): string {
  const bytes = encoder.encode(guid);
  if (bytes.length > 30) return `g${hashHex(guid)}`;
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Lower-case ASCII slug: accents folded (`é` → `e`), `::` → `--`, other runs of non-alphanumerics → `-`. */
function asciiSlug(name: string): { slug: string; lossy: boolean } {
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  // Letters or digits that are not ASCII (Chinese, Cyrillic…) cannot appear in an id: the slug loses them.
  const lossy = /[^ -~]/.test(folded.replace(/[^\p{L}\p{N}]/gu, ''));
  const slug = folded
    .split('::')
    .map((part) => part.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter((part) => part !== '')
    .join('--');
  return { slug, lossy };
}

/**
 * A slug of `name` with `prefix`, at most 80 characters. When the slug alone would not tell names apart (the name
 * had non-ASCII letters, was cut short, or had no letters at all), a hash of the exact name is appended, so
 * `日本語` and `中文` get different, stable ids; a name with nothing left to slug becomes `bare` + the hash.
 */
export function slugId(prefix: string, name: string, bare = prefix): string {
  const { slug, lossy } = asciiSlug(name);
  const room = MAX_ID - prefix.length;
  if (!lossy && slug !== '' && slug.length <= room) return prefix + slug;
  const hash = hashHex(name).slice(0, 8);
  const head = slug.slice(0, room - hash.length - 1).replace(/-+$/, '');
  return head === '' ? bare + hash : `${prefix}${head}-${hash}`;
}

/** The dockdeck deck id of an Anki deck, from its full name (`Parent::Child` → `anki-parent--child`). */
export function deckIdFromName(name: string): string {
  return slugId('anki-', name);
}

/** A note tag as a dockdeck tag id: `Verb::Irregular` → `verb--irregular`, `日本語` → `tag-1a2b3c4d`. */
export function tagId(tag: string): string {
  return slugId('', tag, 'tag-');
}

/** Anki's tags column: space-separated, with spaces around; as dockdeck tag ids, in order, without repeats. */
export function tagIds(tags: string): string[] {
  const out = new Set<string>();
  for (const t of tags.split(/\s+/)) if (t !== '') out.add(tagId(t));
  return [...out];
}
