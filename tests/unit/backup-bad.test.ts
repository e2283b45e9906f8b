// Bad backups are refused with a clear message and leave the database as it was: foreign files, damaged or cut-off
// files, backups from a newer app, rows of the wrong shape, cards outside their deck's id range, and a restore that
// fails half-way.
import fc from 'fast-check';
import { gunzipSync, gzipSync, strToU8 } from 'fflate';
import { createBackup, readBackupFile, restoreBackup } from '../../src/db/backup-repo';
import type { DockdeckDB } from '../../src/db/database';
import { IssueError } from '../../src/domain/errors';
import type { IssueCode } from '../../src/domain/issue';
import { encodeBackup } from '../../src/formats/backup/codec';
import { issueText } from '../../src/formats/issue-text';
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

/** Files that are not backups at all, and backups that are damaged (cut off, altered). */
const NOT_BACKUP: IssueCode[] = ['backup.empty', 'backup.not-backup', 'backup.not-json', 'backup.deck-file'];
const DAMAGED: IssueCode[] = [
  'backup.not-gzip',
  'backup.incomplete',
  'backup.checksum',
  'backup.not-utf8',
  'backup.broken-json',
  'backup.bad-base64',
];

/** The issues a backup file is refused with: the first says what is wrong with the file, the rest which rows. */
function refused(bytes: Uint8Array): IssueError {
  try {
    readBackupFile(db, bytes, 'mine.json.gz');
  } catch (e) {
    expect(e).toBeInstanceOf(IssueError);
    return e as IssueError;
  }
  throw new Error('the backup was accepted');
}
const codeOf = (e: IssueError) => e.issues[0]?.code;
/** The words the restore screen shows (under "mine.json.gz cannot be restored:"). */
const words = (e: IssueError, lang: 'en' | 'zh' = 'en') => e.issues.map((i) => issueText(i, lang, { file: false }));

const jsonBytes = (v: unknown) => gzipSync(strToU8(JSON.stringify(v)));
const header = () => ({ format: BACKUP_FORMAT, schemaVersion: db.verno, createdAt: NOW });

function expectCode(bytes: Uint8Array, codes: IssueCode | IssueCode[], message?: RegExp) {
  const e = refused(bytes);
  expect(e.issues.every((i) => i.file === 'mine.json.gz')).toBe(true);
  expect([codes].flat()).toContain(codeOf(e));
  if (message) expect(words(e)[0]).toMatch(message);
  return e;
}

test('not a backup: random bytes, an empty file, text, other JSON, a deck file', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      expect([...NOT_BACKUP, ...DAMAGED]).toContain(codeOf(refused(bytes)));
    }),
  );
  expectCode(new Uint8Array(), 'backup.empty', /empty/);
  expectCode(strToU8('hello, world'), 'backup.not-backup', /not a dockdeck backup/);
  expectCode(strToU8('{"format": "something/else@1"}'), 'backup.not-backup', /not a dockdeck backup/);
  expectCode(strToU8('[1, 2, 3]'), 'backup.not-backup');
  expectCode(jsonBytes({ hello: 'world' }), 'backup.not-backup');
  const deckFile = expectCode(strToU8('{"format": "dockdeck/deck@1", "id": "x"}'), 'backup.deck-file', /deck file/);
  expect(words(deckFile, 'zh')).toEqual(['这是卡组文件，不是备份：请在“导入”页面导入它。']);
});

test('damaged: the file cut off anywhere, or a byte changed', () => {
  for (const cut of [1, 10, 20, Math.floor(good.length / 2), good.length - 9, good.length - 4, good.length - 1])
    expect([...DAMAGED, ...NOT_BACKUP]).toContain(codeOf(refused(good.subarray(0, cut))));
  for (const cut of [20, Math.floor(good.length / 2), good.length - 1])
    expectCode(good.subarray(0, cut), DAMAGED, /damaged or incomplete/);
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
      else expect(DAMAGED).toContain(codeOf(refused(bad)));
    }),
    { numRuns: 50 },
  );
  // Uncompressed JSON cut off half-way is damaged too, not "some other file".
  const text = JSON.stringify({ ...header(), tables: { decks: [] } });
  expectCode(strToU8(text.slice(0, text.length - 5)), 'backup.broken-json');
});

test('a backup from a newer app is refused with a message that says so', () => {
  const e = expectCode(
    jsonBytes({ ...header(), schemaVersion: db.verno + 1, tables: { decks: [], brandNewTable: [{}] } }),
    'backup.newer-version',
  );
  expect(words(e)).toEqual([
    `This backup comes from a newer version of dockdeck (database version ${db.verno + 1}; this app has ${db.verno}). Update the app to restore it.`,
  ]);
  expect(words(e, 'zh')).toEqual([
    `这个备份来自更新版本的 dockdeck（数据库版本 ${db.verno + 1}，本应用是 ${db.verno}）。请先更新应用，再恢复它。`,
  ]);
  expectCode(jsonBytes({ format: 'dockdeck/backup@2', tables: {} }), 'backup.newer-format', /newer format/);
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
  const e = expectCode(jsonBytes(broken), 'backup.bad-rows', /some rows are not valid/);
  const details = words(e).slice(1);
  expect(
    details.some((d) => d.startsWith(`table "cards", row 1 (id "${String(cards[0]!.id)}") field "content.kind": `)),
  ).toBe(true);
  expect(details).toContain(
    'table "reviewLogs", row 1 (id "' +
      String(decoded.tables.reviewLogs![0]!.id) +
      '") field "rating": must be one of again, hard, good, easy, reset, set-due, not the text "great"',
  );
  expect(words(e, 'zh').slice(1)).toContain(
    '“reviewLogs”表第 1 行（id “' +
      String(decoded.tables.reviewLogs![0]!.id) +
      '”），字段“rating”：应为以下之一：again、hard、good、easy、reset、set-due，而不是文本“great”',
  );
  expectCode(jsonBytes({ ...header(), tables: { decks: [{ id: 7 }] } }), 'backup.bad-rows', /not valid/);
  const unknown = expectCode(jsonBytes({ ...header(), tables: { nonsense: [] } }), 'backup.bad-rows');
  expect(words(unknown).slice(1)).toEqual(['table "nonsense": is not a table of this app']);
  const head = expectCode(
    jsonBytes({ ...header(), createdAt: 'yesterday', tables: {} }),
    'backup.bad-header',
    /header/,
  );
  expect(words(head).slice(1)).toEqual(['field "createdAt": must be a whole number, not the text "yesterday"']);
  expectCode(
    jsonBytes({
      ...header(),
      tables: { media: [{ deckId: 'd', name: 'n', type: 't', size: 1, data: { $binary: '!!!', type: 'x' } }] },
    }),
    'backup.bad-base64',
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
    const e = expectCode(encodeBackup(moved), 'backup.bad-rows', /some rows are not valid/);
    expect(words(e).slice(1)).toEqual([
      `table "cards", row ${cards.length} (id "${id}") field "id": must start with the card's deck id and a slash ("${deckId}/")`,
    ]);
  }
});

test('two rows with the same key are refused before anything is written', async () => {
  const decoded = readBackupFile(db, good);
  const cards = decoded.tables.cards!;
  const twice = restoreBackup(db, { ...decoded, tables: { ...decoded.tables, cards: [...cards, cards[0]!] } });
  await expect(twice).rejects.toBeInstanceOf(IssueError);
  await expect(twice).rejects.toMatchObject({ issues: [{ code: 'backup.duplicate-key', params: { table: 'cards' } }] });
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
