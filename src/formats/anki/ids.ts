// Ids between Anki and dockdeck, both ways. Reading: stable dockdeck ids for Anki things (deck ids from deck names,
// card ids from note GUIDs, tag slugs). Writing: Anki's integer ids and checksums from ours.
// Ids must match the deck schema's id rule (`^[a-z0-9][a-z0-9-]*$`, at most 80 characters) and must not change
// when the same package is imported again, so that re-imports update cards and keep their review history.
import { stripHtml } from './html';

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

// Anki's own identifiers and checksums for export: stable integer ids from our ids, the sort-field checksum,
// unique integer ids. `csum` as in Anki's pylib/anki/utils.py (`field_checksum`), ankitects/anki.
/** 64-bit FNV-1a of the UTF-8 bytes: a fixed, well-spread hash, so the same key always gives the same id. */
function fnv1a64(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h;
}

/** A positive id below 2^53 from a string (note-type and deck ids that stay the same across exports). */
export function stableId(key: string): number {
  // 1e12..~1.9e12 looks like the epoch-millisecond ids Anki itself makes.
  return 1_000_000_000_000 + Number(fnv1a64(key) % 900_000_000_000n);
}

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

/** SHA-1 of UTF-8 text, as hex. Small and synchronous; only used for Anki's duplicate-check checksum. */
export function sha1Hex(text: string): string {
  const msg = new TextEncoder().encode(text);
  const len = ((msg.length + 8) >> 6) * 64 + 64;
  const buf = new Uint8Array(len);
  buf.set(msg);
  buf[msg.length] = 0x80;
  const view = new DataView(buf.buffer);
  view.setUint32(len - 8, Math.floor((msg.length * 8) / 2 ** 32));
  view.setUint32(len - 4, (msg.length * 8) >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Array<number>(80);
  for (let off = 0; off < len; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20
          ? [(b & c) | (~b & d), 0x5a827999]
          : i < 40
            ? [b ^ c ^ d, 0x6ed9eba1]
            : i < 60
              ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
              : [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
  }
  return h.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
}

/** `notes.csum`: the first 8 hex digits of the SHA-1 of the stripped first field, as a number. */
export function fieldChecksum(firstField: string): number {
  return parseInt(sha1Hex(stripHtml(firstField)).slice(0, 8), 16);
}

/** Makes ids unique by bumping collisions upward, keeping the order they are asked in (Anki's `timestampID` idea). */
export class IdAllocator {
  private readonly used = new Set<number>();
  // Where to look next for each wanted id, so thousands of rows wanting the same id stay linear.
  private readonly hint = new Map<number, number>();
  next(wanted: number): number {
    const w = Math.max(1, Math.floor(wanted));
    let id = this.hint.get(w) ?? w;
    while (this.used.has(id)) id++;
    this.used.add(id);
    this.hint.set(w, id + 1);
    return id;
  }
}
