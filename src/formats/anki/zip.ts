// A guarded zip reader for Anki packages: reads the central directory, refuses encrypted, truncated or bomb-like
// archives before inflating anything, and inflates one entry at a time with a hard cap on its size.
// Format: PKWARE APPNOTE.TXT (end of central directory, central directory headers, local file headers).
import { Inflate } from 'fflate';
import { PartError } from '../../domain/errors';
import type { IssueCode, IssueParams } from '../../domain/issue';
import { IMPORT_LIMITS } from '../import/draft';
import { crc32 } from '../bytes';

/** Why a zip cannot be read (a `zip.*` issue), at the zip entry it is about when there is one. */
function zipError(code: IssueCode, entry?: string, params?: IssueParams): PartError {
  return new PartError({
    code,
    ...(entry === undefined ? {} : { place: { entry } }),
    ...(params === undefined ? {} : { params }),
  });
}

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localOffset: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
}

/**
 * Entries smaller than this are not held to `maxCompressionRatio`: a nearly empty SQLite page or a small repetitive
 * file can compress 500:1 and is harmless. A bomb needs to be big to hurt.
 */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const names = new TextDecoder('utf-8');

const u16 = (b: Uint8Array, p: number) => b[p]! | (b[p + 1]! << 8);
const u32 = (b: Uint8Array, p: number) => (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;

/** True when the bytes start like a zip (a local file header or an empty archive). */
export function looksLikeZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
}

function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let p = b.length - 22; p >= min; p--) {
    if (u32(b, p) === EOCD_SIG && p + 22 + u16(b, p + 20) <= b.length) return p;
  }
  return -1;
}

/** Checks an entry's declared sizes against the limits: the whole point is to refuse before inflating. */
export function checkRatio(name: string, compressed: number, size: number): void {
  if (size > RATIO_FLOOR_BYTES && size / Math.max(compressed, 1) > IMPORT_LIMITS.maxCompressionRatio) {
    const ratio = Math.round(size / Math.max(compressed, 1));
    throw zipError('zip.ratio', name, { ratio, max: IMPORT_LIMITS.maxCompressionRatio });
  }
}

/** Reads the central directory. Throws a `PartError` (a `zip.*` issue) for anything that is not a plain, complete, unencrypted zip. */
export function openZip(bytes: Uint8Array): ZipArchive {
  const eocd = findEocd(bytes);
  if (eocd < 0) {
    throw zipError(looksLikeZip(bytes) ? 'zip.truncated' : 'zip.not-zip');
  }
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw zipError('zip.zip64-archive');
  }
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0) {
    throw zipError('zip.multi-part');
  }
  if (cdOffset + cdSize > eocd) throw zipError('zip.directory-outside');

  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || u32(bytes, p) !== CEN_SIG) throw zipError('zip.directory-cut');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (p > cdOffset + cdSize) throw zipError('zip.directory-cut');
    if (name.endsWith('/')) continue;
    if ((flags & 1) !== 0 || method === 99) throw zipError('zip.encrypted', name);
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw zipError('zip.zip64-entry', name);
    if (method !== 0 && method !== 8) throw zipError('zip.method', name, { method });
    if (method === 0 && compressedSize !== size) throw zipError('zip.sizes-differ', name);
    if (entries.has(name)) throw zipError('zip.duplicate', name);
    if (localOffset + 30 + compressedSize > cdOffset) throw zipError('zip.entry-outside', name);
    checkRatio(name, compressedSize, size);
    total += size;
    entries.set(name, { name, method, compressedSize, size, crc, localOffset });
  }
  if (total > IMPORT_LIMITS.maxUnzippedBytes) {
    throw zipError('zip.too-big', undefined, { sizeBytes: total, limitBytes: IMPORT_LIMITS.maxUnzippedBytes });
  }
  return { bytes, entries };
}

/** Compressed bytes given to the inflater at a time: one push can then produce at most ~16 MB. */
const INFLATE_CHUNK = 16 * 1024;

/**
 * Inflates into a buffer of exactly the declared size and stops at the first byte past it, so an entry that lies
 * about its size can neither grow past it nor keep the CPU busy inflating what would be thrown away.
 */
function inflateCapped(raw: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let n = 0;
  const inflater = new Inflate((chunk) => {
    if (n + chunk.length > entry.size) throw zipError('zip.entry-too-big', entry.name, { limitBytes: entry.size });
    out.set(chunk, n);
    n += chunk.length;
  });
  try {
    if (raw.length === 0) inflater.push(raw, true);
    for (let i = 0; i < raw.length; i += INFLATE_CHUNK) {
      inflater.push(raw.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= raw.length);
    }
  } catch (e) {
    if (e instanceof PartError) throw e;
    throw zipError('zip.inflate-damaged', entry.name);
  }
  return n === entry.size ? out : out.subarray(0, n);
}

/** The bytes of one entry, CRC checked. Stored entries are a view of the archive (no copy). */
export function readEntry(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  const b = zip.bytes;
  const p = entry.localOffset;
  if (u32(b, p) !== LOC_SIG) throw zipError('zip.no-local-header', entry.name);
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw zipError('zip.entry-cut', entry.name);
  const raw = b.subarray(start, end);
  const data = entry.method === 0 ? raw : inflateCapped(raw, entry);
  if (data.length !== entry.size || crc32(data) !== entry.crc) throw zipError('zip.checksum', entry.name);
  return data;
}
