// Bad backups are refused with a clear message and leave the database as it was: foreign files, damaged or cut-off
// files, backups from a newer app, rows of the wrong shape, cards outside their deck's id range, and a restore that
// fails half-way.
import fc from 'fast-check';
import { gunzipSync, gzipSync, strToU8 } from 'fflate';
import { createBackup, readBackupFile, restoreBackup } from '../../src/db/backup-repo';
import type { DockdeckDB } from '../../src/db/database';
import { BackupError, encodeBackup, type BackupErrorCode } from '../../src/formats/backup/codec';
import { BACKUP_FORMAT } from '../../src/formats/backup/schema';
import { dbContent, dump, fill, freshDb } from './backup-fixtures';

const NOW = Date.UTC(2026, 2, 2, 10);
let db: DockdeckDB;
let before: Record<string, unknown[]>;
let good: Uint8Array;

beforeEach(async () => {
  db = freshDb('backup-bad');
  await fill(
    db,
    fc.sample(
      dbContent.filter((c) => c.cards.length > 0 && c.media.length > 0 && c.reviewLogs.length > 0),
      { numRuns: 1, seed: 42 },
    )[0]!,
  );
  good = (await createBackup(db, NOW)).bytes;
  before = await dump(db);
});
afterEach(async () => {
  expect(await dump(db)).toEqual(before); // whatever happened, the database is unchanged
  await db.delete();
});

function refused(bytes: Uint8Array): BackupError {
  try {
    readBackupFile(db, bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(BackupError);
    return e as BackupError;
  }
  throw new Error('the backup was accepted');
}

const jsonBytes = (v: unknown) => gzipSync(strToU8(JSON.stringify(v)));
const header = () => ({ format: BACKUP_FORMAT, schemaVersion: db.verno, createdAt: NOW });

function expectCode(bytes: Uint8Array, code: BackupErrorCode, message?: RegExp) {
  const e = refused(bytes);
  expect(e.code).toBe(code);
  if (message) expect(e.message).toMatch(message);
  return e;
}

test('not a backup: random bytes, an empty file, text, other JSON, a deck file', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      expect(['not-backup', 'damaged']).toContain(refused(bytes).code);
    }),
  );
  expectCode(new Uint8Array(), 'not-backup', /empty/);
  expectCode(strToU8('hello, world'), 'not-backup', /not a dockdeck backup/);
  expectCode(strToU8('{"format": "something/else@1"}'), 'not-backup', /not a dockdeck backup/);
  expectCode(strToU8('[1, 2, 3]'), 'not-backup');
  expectCode(jsonBytes({ hello: 'world' }), 'not-backup');
  expectCode(strToU8('{"format": "dockdeck/deck@1", "id": "x"}'), 'not-backup', /deck file, not a backup/);
});

test('damaged: the file cut off anywhere, or a byte changed', () => {
  for (const cut of [1, 10, 20, Math.floor(good.length / 2), good.length - 9, good.length - 4, good.length - 1])
    expect(['damaged', 'not-backup']).toContain(refused(good.subarray(0, cut)).code);
  for (const cut of [20, Math.floor(good.length / 2), good.length - 1])
    expectCode(good.subarray(0, cut), 'damaged', /damaged or incomplete/);
  // Any changed byte of the compressed data is refused as damaged, unless the change decodes to the very same data
  // (bits no decoder reads: the padding after the final block, or the code length of a symbol the block never uses),
  // which the checksum cannot tell and which changes nothing that is restored.
  const original = gunzipSync(good);
  const decodesAlike = (bad: Uint8Array) => {
    try {
      const out = gunzipSync(bad);
      return out.length === original.length && out.every((b, i) => b === original[i]);
    } catch {
      return false;
    }
  };
  fc.assert(
    fc.property(fc.integer({ min: 10, max: good.length - 9 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
      const bad = good.slice();
      bad[at]! ^= xor;
      if (decodesAlike(bad)) expect(() => readBackupFile(db, bad)).not.toThrow();
      else expect(refused(bad).code).toBe('damaged');
    }),
    { numRuns: 50 },
  );
  // Uncompressed JSON cut off half-way is damaged too, not "some other file".
  const text = JSON.stringify({ ...header(), tables: { decks: [] } });
  expectCode(strToU8(text.slice(0, text.length - 5)), 'damaged');
});

test('a backup from a newer app is refused with a message that says so', () => {
  const e = expectCode(
    jsonBytes({ ...header(), schemaVersion: db.verno + 1, tables: { decks: [], brandNewTable: [{}] } }),
    'newer-version',
  );
  expect(e.message).toBe(
    `This backup comes from a newer version of dockdeck (database version ${db.verno + 1}; this app has ${db.verno}). Update the app to restore it.`,
  );
  expectCode(jsonBytes({ format: 'dockdeck/backup@2', tables: {} }), 'newer-version', /newer format/);
});

test('rows of the wrong shape are named by table, row, id and field; nothing is restored', () => {
  const decoded = readBackupFile(db, good);
  const cards = decoded.tables.cards!;
  const broken = {
    ...header(),
    tables: {
      ...decoded.tables,
      media: [],
      cards: [{ ...cards[0], content: { kind: 'bogus' } }, ...cards.slice(1)],
      reviewLogs: [{ ...decoded.tables.reviewLogs![0], rating: 'great' }],
    },
  };
  const e = expectCode(jsonBytes(broken), 'invalid-row', /some rows are not valid/);
  expect(
    e.details.some((d) => d.startsWith(`table "cards", row 1 (id "${String(cards[0]!.id)}"), field "content.kind"`)),
  ).toBe(true);
  expect(e.details.some((d) => d.startsWith('table "reviewLogs", row 1') && d.includes('field "rating"'))).toBe(true);
  expectCode(jsonBytes({ ...header(), tables: { decks: [{ id: 7 }] } }), 'invalid-row', /not valid/);
  expectCode(jsonBytes({ ...header(), tables: { nonsense: [] } }), 'invalid-row');
  expectCode(jsonBytes({ ...header(), createdAt: 'yesterday', tables: {} }), 'invalid-row', /header/);
  expectCode(
    jsonBytes({
      ...header(),
      tables: { media: [{ deckId: 'd', name: 'n', type: 't', size: 1, data: { $binary: '!!!', type: 'x' } }] },
    }),
    'damaged',
  );
});

test('a card whose id does not start with its deck id is refused: deck pages, export and re-import would never see it', () => {
  const decoded = readBackupFile(db, good);
  const cards = decoded.tables.cards!;
  const last = cards[cards.length - 1]!;
  const deckId = String(last.deckId);
  for (const id of ['loose-card', `${deckId}-copy/1`, deckId, `x/${deckId}/1`]) {
    // encodeBackup keeps the media files' bytes: the moved card is the only thing wrong with this file.
    const moved = { ...decoded, tables: { ...decoded.tables, cards: [...cards.slice(0, -1), { ...last, id }] } };
    const e = expectCode(encodeBackup(moved), 'invalid-row', /some rows are not valid/);
    expect(e.details).toEqual([
      `table "cards", row ${cards.length} (id "${id}"), field "id": must start with the card's deck id and a slash ("${deckId}/")`,
    ]);
  }
});

test('two rows with the same key are refused before anything is written', async () => {
  const decoded = readBackupFile(db, good);
  const cards = decoded.tables.cards!;
  await expect(
    restoreBackup(db, { ...decoded, tables: { ...decoded.tables, cards: [...cards, cards[0]!] } }),
  ).rejects.toThrow(/same key|have the key/);
});

test('a restore that fails half-way (after some tables were replaced) leaves the old database untouched', async () => {
  const other = freshDb('backup-other');
  await fill(
    other,
    fc.sample(
      dbContent.filter((c) => c.reviewLogs.length > 0 && c.cards.length > 0),
      { numRuns: 1, seed: 7 },
    )[0]!,
  );
  const decoded = readBackupFile(db, (await createBackup(other, NOW)).bytes);
  await other.delete();
  // decks and cards come first in the table order: they are already cleared and refilled when this throws.
  expect(db.tables.map((t) => t.name).indexOf('reviewLogs')).toBeGreaterThan(1);
  // Inside a transaction Dexie hands out its own Table objects, so the failure is planted on the prototype.
  const proto = Object.getPrototypeOf(db.reviewLogs) as { bulkAdd: (...args: unknown[]) => Promise<unknown> };
  const real = proto.bulkAdd;
  const spy = vi.spyOn(proto, 'bulkAdd').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
    if (this.name === 'reviewLogs') return Promise.reject(new Error('QuotaExceededError: disk full'));
    return real.apply(this, args);
  });
  await expect(restoreBackup(db, decoded)).rejects.toThrow(/disk full/);
  expect(spy.mock.contexts.map((t) => (t as { name: string }).name)).toEqual(['decks', 'cards', 'reviewLogs']);
});
