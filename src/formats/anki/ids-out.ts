// Anki identifiers and checksums: stable ids from our ids, the sort-field checksum, unique integer ids.
// `csum` as in Anki's pylib/anki/utils.py (`field_checksum`), ankitects/anki.

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

/** Field text without HTML tags and media references, as Anki's `strip_html_media` leaves it (roughly). */
export function stripHtml(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<img[^>]*src=["']?([^"'>]+)["']?[^>]*>/gi, ' $1 ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
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
