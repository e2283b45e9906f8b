// Files that are not good Anki packages: each is refused with one specific message, before anything is written.
import { deflateSync, zipSync } from 'fflate';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { CancelledError, IssueError } from '../../src/domain/errors';
import { readAnkiPackage, type ReadAnkiOptions } from '../../src/formats/anki/read-package';
import { lines } from './helpers/issue-lines';
import {
  STOCK,
  buildApkg,
  buildLegacyApkg,
  buildLegacyCollection,
  patched,
  pbVarint,
  zipDirectory,
  zstd,
  zstdFrame,
  type BuildCollection,
} from './helpers/anki-build';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const NOW = new Date('2026-03-01T00:00:00Z');
const small: BuildCollection = {
  notetypes: [STOCK.basic(1)],
  decks: [{ id: 1, name: 'Default' }],
  notes: [{ id: 1, guid: 'g1', mid: 1, fields: ['q', 'a'], cards: [{ id: 1, ord: 0, deck: 1 }] }],
};

/** The issues the reader refuses the bytes with, one English line each: `file: where: message` (or `file: message`). */
async function refusal(
  bytes: Uint8Array,
  fileName = 'deck.apkg',
  extra: Partial<ReadAnkiOptions> = {},
): Promise<string> {
  try {
    await readAnkiPackage(bytes, { fileName, includeScheduling: true, sql: SQL, now: NOW, ...extra });
  } catch (e) {
    if (e instanceof IssueError) return lines(e.issues).join('\n');
    throw e;
  }
  throw new Error('was read without complaint');
}

const text = (s: string) => new TextEncoder().encode(s);

describe('readAnkiPackage refuses bad input', () => {
  it('a file that is not a zip at all', async () => {
    expect(await refusal(text('name,answer\nfoo,bar\n'), 'notes.apkg')).toBe(
      'notes.apkg: is not an Anki package (.apkg, .colpkg) or collection (.anki2): it is not a zip file',
    );
  });

  it('a zip that holds no collection file', async () => {
    expect(await refusal(zipSync({ 'readme.txt': text('hello') }))).toBe(
      'deck.apkg: is a zip file but not an Anki package: it holds no collection.anki2, collection.anki21 or collection.anki21b',
    );
  });

  it('a truncated zip (download cut short)', async () => {
    const zip = buildLegacyApkg(SQL, small);
    expect(await refusal(zip.subarray(0, Math.floor(zip.length / 2)))).toBe(
      'deck.apkg: the zip file is incomplete (its end record is missing): was the download cut short?',
    );
  });

  it('a zip whose entry lies past the end of the file', async () => {
    const zip = buildLegacyApkg(SQL, small);
    const col = zipDirectory(zip).find((e) => e.name === 'collection.anki2')!;
    // Point the entry at a place after the central directory.
    expect(await refusal(patched(zip, [{ at: col.cen + 42, value: zip.length, size: 4 }]))).toBe(
      'deck.apkg: collection.anki2: lies past the end of the zip: the file is incomplete or damaged',
    );
  });

  it('an encrypted (password-protected) zip', async () => {
    const zip = buildLegacyApkg(SQL, small);
    const edits = zipDirectory(zip).flatMap((e) => [
      { at: e.loc + 6, value: 1, size: 2 as const },
      { at: e.cen + 8, value: 1, size: 2 as const },
    ]);
    expect(await refusal(patched(zip, edits))).toBe(
      'deck.apkg: collection.anki2: is encrypted (the zip is password-protected); Anki never encrypts its packages',
    );
  });

  it('a zip bomb: one entry that would expand more than 200 times, refused before inflating', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const zip = zipSync({ 'collection.anki2': zeros }, { level: 6 });
    const ratio = Math.round(zeros.length / deflateSync(zeros, { level: 6 }).length);
    expect(ratio).toBeGreaterThan(200);
    expect(await refusal(zip)).toBe(
      `deck.apkg: collection.anki2: would expand ${ratio} times (more than 200): refused as a possible zip bomb`,
    );
  });

  it('a zip bomb: entries that together declare more than the 1 GB limit, refused before inflating', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 1025; i++) files[`m${i}`] = text('x');
    const zip = zipSync(files, { level: 6 });
    // Each entry claims 1 MB (under the size at which the ratio is checked): 1025 MB in all.
    const edits = zipDirectory(zip).map((e) => ({ at: e.cen + 24, value: 1024 * 1024, size: 4 as const }));
    expect(await refusal(patched(zip, edits))).toBe(
      'deck.apkg: would unpack to 1025 MB, more than the 1024 MB allowed',
    );
  });

  it('a zip bomb: an entry that inflates past the size it declares is stopped while inflating', async () => {
    const zip = buildLegacyApkg(SQL, small);
    const col = zipDirectory(zip).find((e) => e.name === 'collection.anki2')!;
    expect(await refusal(patched(zip, [{ at: col.cen + 24, value: 1000, size: 4 }]))).toBe(
      'deck.apkg: collection.anki2: unpacks to more than the 1000 B it declares: refused as a possible zip bomb',
    );
  });

  it('a damaged entry (checksum mismatch)', async () => {
    const zip = buildLegacyApkg(SQL, small);
    const col = zipDirectory(zip).find((e) => e.name === 'collection.anki2')!;
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect(
      await refusal(patched(zip, [{ at: col.cen + 16, value: view.getUint32(col.cen + 16, true) ^ 1, size: 4 }])),
    ).toBe('deck.apkg: collection.anki2: is damaged (its checksum does not match)');
  });

  it('an entry compressed with a method other than stored or deflate', async () => {
    const zip = buildLegacyApkg(SQL, small);
    const col = zipDirectory(zip).find((e) => e.name === 'collection.anki2')!;
    expect(await refusal(patched(zip, [{ at: col.cen + 10, value: 12, size: 2 }]))).toBe(
      'deck.apkg: collection.anki2: uses compression method 12; only stored and deflate are supported',
    );
  });

  it('a corrupt zstd stream in collection.anki21b', async () => {
    const bad = zipSync({
      meta: [pbVarint(1, 3), { level: 0 }],
      'collection.anki21b': [text('definitely not zstd'), { level: 0 }],
    });
    expect(await refusal(bad)).toBe('deck.apkg: collection.anki21b: is not valid zstd data (no zstd frame header)');
    const good = await zstd(buildLegacyCollection(SQL, small));
    const cut = zipSync({
      meta: [pbVarint(1, 3), { level: 0 }],
      'collection.anki21b': [good.subarray(0, good.length - 10), { level: 0 }],
    });
    expect(await refusal(cut)).toBe('deck.apkg: collection.anki21b: is not valid zstd data (block cut short)');
  });

  it('a zstd bomb in collection.anki21b: RLE blocks that would expand past the limit', async () => {
    const frame = zstdFrame(Array.from({ length: 1000 }, () => ({ rle: 0, size: 128 * 1024 })));
    const bomb = zipSync({ meta: [pbVarint(1, 3), { level: 0 }], 'collection.anki21b': [frame, { level: 0 }] });
    expect(await refusal(bomb)).toBe(
      'deck.apkg: collection.anki21b: would expand more than 200 times (3.9 KB to 125 MB): refused as a possible zip bomb',
    );
  });

  it('a package from a newer Anki than the reader knows', async () => {
    const zip = zipSync({
      meta: [pbVarint(1, 4), { level: 0 }],
      'collection.anki2': buildLegacyCollection(SQL, small),
    });
    expect(await refusal(zip)).toBe(
      'deck.apkg: meta: was made by a newer version of Anki (package version 4); export it again with "Support older Anki versions" ticked',
    );
  });

  it('a current package without its collection.anki21b (only the dummy collection.anki2)', async () => {
    const zip = zipSync({
      meta: [pbVarint(1, 3), { level: 0 }],
      'collection.anki2': buildLegacyCollection(SQL, small),
    });
    expect(await refusal(zip)).toBe('deck.apkg: meta: says it holds collection.anki21b, but that file is missing');
  });

  it('an SQLite file that is not an Anki collection', async () => {
    const db = new SQL.Database();
    db.run('create table words (word text, meaning text)');
    const other = db.export();
    db.close();
    expect(await refusal(zipSync({ 'collection.anki2': other }))).toBe(
      'deck.apkg: collection.anki2: is an SQLite database, but not an Anki collection (it has no notes table)',
    );
    expect(await refusal(other, 'words.anki2')).toBe(
      'words.anki2: is an SQLite database, but not an Anki collection (it has no notes table)',
    );
  });

  it('a collection file that is not SQLite', async () => {
    expect(await refusal(zipSync({ 'collection.anki21': text('garbage') }))).toBe(
      'deck.apkg: collection.anki21: the collection is not an SQLite database',
    );
  });

  it('a collection whose notes "table" is a view (which could run forever)', async () => {
    const db = new SQL.Database(buildLegacyCollection(SQL, small));
    db.run('alter table notes rename to notes_real; create view notes as select * from notes_real');
    const bytes = db.export();
    db.close();
    expect(await refusal(zipSync({ 'collection.anki2': bytes }))).toBe(
      'deck.apkg: collection.anki2: is not a usable Anki collection ("notes" is not a table)',
    );
  });

  it('duplicate note GUIDs', async () => {
    const dup: BuildCollection = {
      ...small,
      notes: [...small.notes, { id: 2, guid: 'g1', mid: 1, fields: ['q2', 'a2'], cards: [{ id: 2, ord: 0, deck: 1 }] }],
    };
    expect(await refusal(buildLegacyApkg(SQL, dup))).toBe(
      'deck.apkg: note g1: two notes have this GUID ("q" and "q2"): the package is damaged',
    );
  });

  it('notes whose note type is missing, listed up to 20 and then counted', async () => {
    const notes = Array.from({ length: 23 }, (_, i) => ({
      id: i + 1,
      guid: `n${i + 1}`,
      mid: 999,
      fields: ['q', 'a'],
      cards: [{ id: i + 1, ord: 0, deck: 1 }],
    }));
    const e = await refusal(buildLegacyApkg(SQL, { ...small, notes }));
    const lines = e.split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('deck.apkg: note n1: uses note type 999, which is not in the package');
    expect(lines[20]).toBe('deck.apkg: and 3 more problems');
  });

  it('works the same for .colpkg files', async () => {
    expect(await refusal(text('nope'), 'backup.colpkg')).toBe(
      'backup.colpkg: is not an Anki package (.apkg, .colpkg) or collection (.anki2): it is not a zip file',
    );
    const { drafts } = await readAnkiPackage(await buildApkg(SQL, small), {
      fileName: 'backup.colpkg',
      includeScheduling: false,
      sql: SQL,
      now: NOW,
    });
    expect(drafts).toHaveLength(1);
  });
});

describe('readAnkiPackage cancellation', () => {
  it('stops with the CancelledError at the next batch once signal.cancelled is set', async () => {
    const signal = { cancelled: false };
    const bytes = await buildApkg(SQL, small);
    const run = readAnkiPackage(bytes, {
      fileName: 'deck.apkg',
      includeScheduling: true,
      sql: SQL,
      now: NOW,
      signal,
      onProgress: (_d, _t, phase) => {
        if (phase === 'notes') signal.cancelled = true;
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });
});
