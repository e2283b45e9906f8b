// Guarded zstd decoding for collection.anki21b, its media list and media files (Anki compresses each with zstd,
// rslib/src/import_export/package/colpkg/export.rs). Before decoding, the frames are walked (RFC 8878: frame header,
// block headers) to refuse corrupt streams, dictionaries and huge windows, and to bound the output size without
// decoding; decoding then stops at the first byte past that bound.
import { Decompress, decompress } from 'fzstd';
import { PartError } from '../../domain/errors';
import { IMPORT_LIMITS } from '../import/draft';
import { RATIO_FLOOR_BYTES } from './zip';
import { formatBytes } from '../bytes';

const MAGIC = 0xfd2fb528;
/** Largest block a frame may produce (RFC 8878 Block_Maximum_Size). */
const MAX_BLOCK = 128 * 1024;
/** Largest window accepted for frames without a content size: the reference decoder's default limit (2^27). */
const MAX_WINDOW = 1 << 27;

const u32 = (b: Uint8Array, p: number) => (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;

export function looksLikeZstd(b: Uint8Array): boolean {
  return b.length >= 4 && u32(b, 0) === MAGIC;
}

/** A stream that cannot be decoded; `detail` (for developers and English readers) says what is wrong with it. */
function corrupt(detail: string): PartError {
  return new PartError({ code: 'zstd.corrupt', params: { detail } });
}

/**
 * Walks every frame without decoding and returns the most the stream can decode to: the frame content size when the
 * header gives it, else the sum of block sizes (raw and RLE blocks say theirs, a compressed block makes at most one
 * block maximum). `exact` is false when compressed blocks made the bound a guess from above.
 */
export interface ZstdShape {
  /** The most the stream can decode to. */
  bound: number;
  /** `bound` is the size, not a guess from above. */
  exact: boolean;
  /** One frame that says its content size, and nothing else in the stream. */
  singleSized: boolean;
}

export function zstdBound(b: Uint8Array): ZstdShape {
  let p = 0;
  let bound = 0;
  let exact = true;
  let frames = 0;
  let sized = true;
  if (b.length === 0) throw corrupt('empty');
  while (p < b.length) {
    if (p + 8 <= b.length && (u32(b, p) & 0xfffffff0) === 0x184d2a50) {
      // Skippable frame: magic, 4-byte length, user data.
      p += 8 + u32(b, p + 4);
      if (p > b.length) throw corrupt('skippable frame cut short');
      frames++;
      sized = false;
      continue;
    }
    if (p + 6 > b.length || u32(b, p) !== MAGIC)
      throw corrupt(p === 0 ? 'no zstd frame header' : 'unexpected bytes after a frame');
    const fhd = b[p + 4]!;
    const fcsFlag = fhd >> 6;
    const single = (fhd >> 5) & 1;
    const checksum = (fhd >> 2) & 1;
    const didFlag = fhd & 3;
    if (fhd & 8) throw corrupt('reserved header bit set');
    p += 5;
    let window = 0;
    if (!single) {
      const wd = b[p++]!;
      const base = 2 ** (10 + (wd >> 3));
      window = base + (base / 8) * (wd & 7);
    }
    const didSize = [0, 1, 2, 4][didFlag]!;
    let did = 0;
    for (let i = 0; i < didSize; i++) did += (b[p + i] ?? 0) * 256 ** i;
    p += didSize;
    if (did !== 0) throw corrupt('needs a zstd dictionary');
    const fcsSize = [single, 2, 4, 8][fcsFlag]!;
    let fcs: number | undefined;
    if (fcsSize > 0) {
      fcs = 0;
      for (let i = 0; i < fcsSize; i++) fcs += (b[p + i] ?? 0) * 256 ** i;
      if (fcsSize === 2) fcs += 256;
    }
    p += fcsSize;
    if (p > b.length) throw corrupt('frame header cut short');
    if (single) window = fcs ?? 0;
    else if (window > MAX_WINDOW) throw corrupt(`window of ${formatBytes(window)} is larger than allowed`);
    const blockMax = Math.min(MAX_BLOCK, Math.max(window, 1));
    let frameBound = 0;
    let frameExact = true;
    for (let last = 0; !last;) {
      if (p + 3 > b.length) throw corrupt('block header cut short');
      const h = b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16);
      last = h & 1;
      const type = (h >> 1) & 3;
      const size = h >>> 3;
      p += 3;
      if (type === 3) throw corrupt('reserved block type');
      if (type !== 2 && size > blockMax) throw corrupt('block larger than the window');
      p += type === 1 ? 1 : size;
      if (p > b.length) throw corrupt('block cut short');
      frameBound += type === 2 ? blockMax : size;
      if (type === 2) frameExact = false;
    }
    if (checksum) p += 4;
    if (p > b.length) throw corrupt('checksum cut short');
    bound += fcs ?? frameBound;
    exact &&= fcs !== undefined || frameExact;
    frames++;
    sized &&= fcs !== undefined;
  }
  return { bound, exact, singleSized: frames === 1 && sized };
}

/**
 * Decodes a zstd stream that may hold at most `cap` bytes. Refuses before decoding when the stream is known to be
 * bigger than `cap` or to expand more than `maxCompressionRatio` (past 1 MB); while decoding, stops at the first block
 * past either limit. Output is gathered block by block, so memory follows what was really decoded, not the bound.
 */
export function zstdDecode(b: Uint8Array, cap: number): Uint8Array {
  const { bound, exact, singleSized } = zstdBound(b);
  const ratioLimit = Math.max(RATIO_FLOOR_BYTES, b.length * IMPORT_LIMITS.maxCompressionRatio);
  const tooBig = () => new PartError({ code: 'zstd.too-big', params: { limitBytes: cap } });
  if (exact && bound > ratioLimit) throw ratioError(bound, b.length, true);
  if (exact && bound > cap) throw tooBig();
  if (singleSized) {
    // The usual case for files from other encoders: decode straight into a buffer of the stated size, which is
    // also the window (fzstd's streaming decoder would shift a window as big as the file for every block).
    try {
      return decompress(b, new Uint8Array(bound));
    } catch (e) {
      throw corrupt(e instanceof Error ? e.message : String(e));
    }
  }
  // Anki's streaming encoder writes no content size: decode block by block, stopping at the first one too many.
  const limit = Math.min(bound, cap, ratioLimit);
  const chunks: Uint8Array[] = [];
  let n = 0;
  const stream = new Decompress((chunk) => {
    const next = n + chunk.length;
    if (next > limit) {
      if (next > bound) throw corrupt('a frame is larger than its header says');
      throw next > ratioLimit ? ratioError(next, b.length) : tooBig();
    }
    chunks.push(chunk);
    n = next;
  });
  try {
    stream.push(b, true);
  } catch (e) {
    if (e instanceof PartError) throw e;
    throw corrupt(e instanceof Error ? e.message : String(e));
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function ratioError(size: number, compressed: number, exact = false): PartError {
  return new PartError({
    code: exact ? 'zstd.ratio' : 'zstd.ratio-at-least',
    params: { max: IMPORT_LIMITS.maxCompressionRatio, fromBytes: compressed, toBytes: size },
  });
}
