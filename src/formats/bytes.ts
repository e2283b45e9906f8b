// Byte helpers shared by the formats (and the platform lacks): base64 of large arrays, CRC-32 (zip and gzip both
// store it), and sizes written for people.

const CHUNK = 0x8000;

/** Base64 of any size (btoa takes a string, so the bytes go through it in chunks). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Bytes of a base64 string; throws on characters outside the alphabet (atob does). */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

let table: Uint32Array | null = null;

/** CRC-32 (IEEE), as gzip stores it in its trailer. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Sizes for messages in any language: `512 B`, `4.5 KB`, `1.5 MB`, `1025 MB` (binary units; whole numbers from 10 up).
 * `gb`: sizes from 1 GB up in GB (`1.5 GB`), for storage quotas; file-size limits stay in MB.
 */
export function formatBytes(n: number, options: { gb?: boolean } = {}): string {
  const unit = (v: number, name: string) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ${name}`;
  if (options.gb && n >= 1024 ** 3) return unit(n / 1024 ** 3, 'GB');
  if (n >= 1024 * 1024) return unit(n / 1024 / 1024, 'MB');
  if (n >= 1024) return unit(n / 1024, 'KB');
  return `${n} B`;
}
