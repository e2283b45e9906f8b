// Finds the collection and media inside what the user picked: an .apkg/.colpkg zip, or a bare collection file.
// Which collection file to read follows rslib/src/import_export/package/meta.rs: the `meta` entry (protobuf
// PackageMetadata, version = 1: LEGACY_1 → collection.anki2, LEGACY_2 → collection.anki21, LATEST →
// collection.anki21b, zstd-compressed, with a zstd protobuf media list); without `meta`, collection.anki21 if
// present, else collection.anki2. Current Anki also writes a dummy collection.anki2 ("please update to the latest
// Anki version") next to collection.anki21b for old clients; it is never read when a newer collection is there.
import { PartError } from '../../domain/errors';
import type { IssueCode, IssueParams } from '../../domain/issue';
import { IMPORT_LIMITS } from '../import/draft';
import { decodeMessage, varintField } from './protobuf';
import { looksLikeSqlite } from './collection';
import { parseLegacyMediaList, parseMediaEntries, type MediaListEntry } from './media';
import { openZip, readEntry, type ZipArchive } from './zip';
import { looksLikeZstd, zstdDecode } from './zstd';

/** A problem with the container, at the file of it (`entry`) it is about, if one. */
function containerError(code: IssueCode, entry?: string, params?: IssueParams): PartError {
  return new PartError({
    code,
    ...(entry === undefined ? {} : { place: { entry } }),
    ...(params === undefined ? {} : { params }),
  });
}

/** A part's problem located at the container's file `entry` (unless it names its own place). */
function at(e: unknown, entry: string): unknown {
  return e instanceof PartError && e.issue.place === undefined ? new PartError({ ...e.issue, place: { entry } }) : e;
}

const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;
type CollectionName = (typeof COLLECTIONS)[number];
const BY_VERSION: Record<number, CollectionName> = {
  1: 'collection.anki2',
  2: 'collection.anki21',
  3: 'collection.anki21b',
};

/** Decoded bytes still allowed (IMPORT_LIMITS.maxUnzippedBytes across everything unpacked). */
export class Budget {
  remaining: number = IMPORT_LIMITS.maxUnzippedBytes;
  take(n: number): void {
    this.remaining -= n;
  }
}

export interface Container {
  /** The collection file read, for messages (`collection.anki21b`, or the picked file's own name). */
  collectionName: string;
  /** The collection's bytes; the reader drops them once SQLite has its own copy. */
  collection: Uint8Array;
  /** zstd-compressed media (package version LATEST). */
  zstd: boolean;
  media: MediaListEntry[];
  /** The bytes of one media file, by its zip entry name; undefined when the entry is missing. */
  mediaFile(zipName: string): Uint8Array | undefined;
}

function decodeZstd(bytes: Uint8Array, where: string, budget: Budget): Uint8Array {
  try {
    const out = zstdDecode(bytes, budget.remaining);
    budget.take(out.length);
    return out;
  } catch (e) {
    throw at(e, where);
  }
}

function entryBytes(zip: ZipArchive, name: string, budget: Budget): Uint8Array | undefined {
  const entry = zip.entries.get(name);
  if (!entry) return undefined;
  const data = readEntry(zip, entry);
  if (entry.method !== 0) budget.take(data.length);
  return data;
}

/** Reads the container; every problem comes out as a `PartError` (a `zip.*`, `zstd.*` or `anki.*` issue). */
export function openContainer(bytes: Uint8Array, fileName: string, budget: Budget): Container {
  const none = () => undefined;
  // A bare collection: Anki's own collection file, or an .anki21b one (zstd).
  if (looksLikeSqlite(bytes))
    return { collectionName: fileName, collection: bytes, zstd: false, media: [], mediaFile: none };
  if (looksLikeZstd(bytes)) {
    return {
      collectionName: fileName,
      collection: decodeZstd(bytes, fileName, budget),
      zstd: true,
      media: [],
      mediaFile: none,
    };
  }

  const zip = openZip(bytes);
  let version: number | undefined;
  const meta = entryBytes(zip, 'meta', budget);
  if (meta) {
    try {
      version = varintField(decodeMessage(meta), 1);
    } catch {
      throw containerError('anki.meta-damaged', 'meta');
    }
    if (!BY_VERSION[version]) throw containerError('anki.newer-package', 'meta', { version });
  }
  const name: CollectionName | undefined =
    version === undefined ? COLLECTIONS.find((n) => zip.entries.has(n)) : BY_VERSION[version];
  if (version === undefined && name === 'collection.anki21b') version = 3;
  if (!name || !zip.entries.has(name)) {
    if (name && version !== undefined) throw containerError('anki.collection-missing', 'meta', { name });
    throw containerError('anki.no-collection');
  }
  const zstd = version === 3;
  let collection = entryBytes(zip, name, budget)!;
  if (zstd) collection = decodeZstd(collection, name, budget);

  let media: MediaListEntry[] = [];
  const list = entryBytes(zip, 'media', budget);
  if (list && list.length > 0) {
    try {
      media = zstd ? parseMediaEntries(decodeZstd(list, 'media', budget)) : parseLegacyMediaList(list);
    } catch (e) {
      throw at(e, 'media');
    }
  }
  const mediaFile = (zipName: string) => {
    const data = entryBytes(zip, zipName, budget);
    return data && zstd ? decodeZstd(data, zipName, budget) : data;
  };
  return { collectionName: name, collection, zstd, media, mediaFile };
}
