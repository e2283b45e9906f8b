// Media of an Anki package: the `media` list (legacy: JSON {"0": "name.jpg"}; current: zstd-compressed protobuf
// MediaEntries, proto/anki/import_export.proto), file names checked as Anki does before use
// (rslib/src/import_export/package/media.rs, `safe_normalized_file_name`), and MIME types. Which files a card uses
// is found with the app's own src/domain/media-refs.ts.
import { z } from 'zod';
import { errorDetail, PartError } from '../../domain/errors';
import { decodeMessage, repeatedBytes, stringField } from './protobuf';

/** One media file listed in the package: the zip entry that holds it and the name cards use. */
export interface MediaListEntry {
  zipName: string;
  name: string;
}

/** Legacy map: zip entry name → file name. A damaged list is a `PartError` (`anki.media-list-*`). */
export function parseLegacyMediaList(bytes: Uint8Array): MediaListEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new PartError({ code: 'anki.media-list-json' });
  }
  const parsed = z.record(z.string(), z.string()).safeParse(raw);
  if (!parsed.success) throw new PartError({ code: 'anki.media-list-shape' });
  return Object.entries(parsed.data).map(([zipName, name]) => ({ zipName, name }));
}

/**
 * Current list: MediaEntries { repeated MediaEntry entries = 1 } with MediaEntry { name = 1, size = 2, sha1 = 3 }.
 * The file of entry i is zip entry "i" (rslib SafeMediaEntry::from_entry uses the position, not a stored name).
 */
export function parseMediaEntries(bytes: Uint8Array): MediaListEntry[] {
  try {
    return repeatedBytes(decodeMessage(bytes), 1).map((entry, i) => ({
      zipName: String(i),
      name: stringField(decodeMessage(entry), 1),
    }));
  } catch (e) {
    throw new PartError({ code: 'anki.media-list-damaged', params: { detail: errorDetail(e) } });
  }
}

/**
 * Names that are not one plain file name (rslib/src/io.rs `filename_is_safe`: a single normal path component):
 * empty, `.`/`..`, path separators; also control characters and names over 255 bytes, which no file system takes.
 */
export function isSafeMediaName(name: string): boolean {
  if (name === '' || name === '.' || name === '..') return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[/\\\x00-\x1f\x7f]/.test(name)) return false;
  return new TextEncoder().encode(name).length <= 255;
}

const MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
  avif: 'image/avif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  spx: 'audio/ogg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  flac: 'audio/flac',
  '3gp': 'audio/3gpp',
  amr: 'audio/amr',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  ogv: 'video/ogg',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  mpg: 'video/mpeg',
  mpeg: 'video/mpeg',
  avi: 'video/x-msvideo',
  ttf: 'font/ttf',
  otf: 'font/otf',
  woff: 'font/woff',
  woff2: 'font/woff2',
  css: 'text/css',
  txt: 'text/plain',
  pdf: 'application/pdf',
};

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** MIME type from the extension; for names without a known one, from the first bytes of the common formats. */
export function mimeType(name: string, data: Uint8Array): string {
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  const known = MIME[ext];
  if (known) return known;
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x41, 0x56, 0x45], 8)) return 'audio/wav';
  if (startsWith(data, [0x49, 0x44, 0x33]) || startsWith(data, [0xff, 0xfb])) return 'audio/mpeg';
  if (startsWith(data, [0x4f, 0x67, 0x67, 0x53])) return 'audio/ogg';
  return 'application/octet-stream';
}
