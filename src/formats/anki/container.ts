// Finds the collection and media inside what the user picked: an .apkg/.colpkg zip, or a bare collection file.
// Which collection file to read follows rslib/src/import_export/package/meta.rs: the `meta` entry (protobuf
// PackageMetadata, version = 1: LEGACY_1 → collection.anki2, LEGACY_2 → collection.anki21, LATEST →
// collection.anki21b, zstd-compressed, with a zstd protobuf media list); without `meta`, collection.anki21 if
// present, else collection.anki2. Current Anki also writes a dummy collection.anki2 ("please update to the latest
// Anki version") next to collection.anki21b for old clients; it is never read when a newer collection is there.
import { IMPORT_LIMITS } from '../import/draft';
import { decodeMessage, varintField } from './protobuf';
import { looksLikeSqlite } from './collection';
import { parseLegacyMediaList, parseMediaEntries, type MediaListEntry } from './media';
import { openZip, readEntry, type ZipArchive } from './zip';
import { looksLikeZstd, zstdDecode } from './zstd';

/** A problem with the container, located at one of its files (`where`) when it is about one. */
export class ContainerError extends Error {
  readonly where: string | undefined;
  constructor(message: string, where?: string) {
    super(message);
    this.name = 'ContainerError';
    this.where = where;
  }
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
    throw new ContainerError(e instanceof Error ? e.message : String(e), where);
  }
}

function entryBytes(zip: ZipArchive, name: string, budget: Budget): Uint8Array | undefined {
  const entry = zip.entries.get(name);
  if (!entry) return undefined;
  const data = readEntry(zip, entry);
  if (entry.method !== 0) budget.take(data.length);
  return data;
}

/** Reads the container; zip problems come out as ZipError, the rest as ContainerError. */
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
      throw new ContainerError('is damaged (the package description cannot be read)', 'meta');
    }
    if (!BY_VERSION[version]) {
      throw new ContainerError(
        `was made by a newer version of Anki (package version ${version}); export it again with "Support older Anki versions" ticked`,
        'meta',
      );
    }
  }
  const name: CollectionName | undefined =
    version === undefined ? COLLECTIONS.find((n) => zip.entries.has(n)) : BY_VERSION[version];
  if (version === undefined && name === 'collection.anki21b') version = 3;
  if (!name || !zip.entries.has(name)) {
    if (name && version !== undefined)
      throw new ContainerError(`says it holds ${name}, but that file is missing`, 'meta');
    throw new ContainerError(
      'is a zip file but not an Anki package: it holds no collection.anki2, collection.anki21 or collection.anki21b',
    );
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
      if (e instanceof ContainerError) throw e;
      throw new ContainerError(e instanceof Error ? e.message : String(e), 'media');
    }
  }
  const mediaFile = (zipName: string) => {
    const data = entryBytes(zip, zipName, budget);
    return data && zstd ? decodeZstd(data, zipName, budget) : data;
  };
  return { collectionName: name, collection, zstd, media, mediaFile };
}
