// Full backup and restore of the database: every table (enumerated from the schema, so tables added later come
// along), in one file; restore replaces everything in one transaction or changes nothing. The file keeps the user's
// marks in the card rows, as the database did before version 11: they are joined from `cardMarks` on the way out and
// split into it on the way in, so the file format is the same for every version.
import type { Table } from 'dexie';
import { BACKUP_FORMAT, BinaryData, type BackupFile, type BackupRow } from '../formats/backup/schema';
import { IssueError } from '../domain/errors';
import { backupFileName, decodeBackup, encodeBackup, type DecodedBackup } from '../formats/backup/codec';
import {
  BACKUP_SETTING_KEY,
  backupReminder,
  recordBackup,
  restoreBackupSetting,
  DEFAULT_REMINDER_POLICY,
  type BackupReminder,
  type ReminderPolicy,
} from '../formats/backup/reminder';
import { refillCounters } from './stats-repo';
import type { CardRow, DockdeckDB } from './database';
import { allMarks, bucketRows, splitMarks, withMarksInRow } from './marks-table';
import type { CardMarks } from '../domain/marks';

/** The table whose rows the file keeps inside the card rows. */
const MARKS_TABLE = 'cardMarks';
/** The automatic backups are never inside a backup (nor replaced by a restore: a restore can be undone with one). */
const AUTO_BACKUPS_TABLE = 'autoBackups';

/** The tables the file holds: every table but `cardMarks` and `autoBackups`. */
function fileTables(db: DockdeckDB): Table<BackupRow, unknown>[] {
  return (db.tables as Table<BackupRow, unknown>[]).filter(
    (t) => t.name !== MARKS_TABLE && t.name !== AUTO_BACKUPS_TABLE,
  );
}

/** Stored values → backup values: Blobs and byte arrays become `BinaryData` (their bytes are read here). */
async function toBackupValue(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return new BinaryData(new Uint8Array(await value.arrayBuffer()), value.type);
  if (value instanceof ArrayBuffer) return new BinaryData(new Uint8Array(value.slice(0)), null);
  if (ArrayBuffer.isView(value))
    return new BinaryData(
      new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength)),
      null,
    );
  if (Array.isArray(value)) return Promise.all(value.map(toBackupValue));
  if (typeof value === 'object' && value !== null) {
    // Rows hold plain data (dates are epoch ms): anything else would silently become `{}` in JSON.
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      throw new Error(`Cannot back up a ${value.constructor.name} value: rows must hold plain data.`);
    const entries = await Promise.all(
      Object.entries(value).map(async ([k, v]) => [k, await toBackupValue(v)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

/** Backup values → stored values: `BinaryData` becomes a Blob (with its type) or a Uint8Array again. */
function fromBackupValue(value: unknown): unknown {
  if (value instanceof BinaryData)
    return value.type === null ? value.bytes : new Blob([value.bytes as Uint8Array<ArrayBuffer>], { type: value.type });
  if (Array.isArray(value)) return value.map(fromBackupValue);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromBackupValue(v)]));
  return value;
}

export interface BackupResult {
  bytes: Uint8Array;
  fileName: string;
  createdAt: number;
  counts: Record<string, number>;
}

/**
 * Makes the backup file: notes the backup time in settings, then reads every table in one transaction (so the
 * file is one consistent moment, including that note), then encodes. Restoring the file gives back exactly the
 * database as it was after this call. `record: false` (an automatic backup kept in the browser, which a wipe of the
 * browser's data would take too) leaves the backup time as it is: the reminder to download one stays.
 */
export async function createBackup(
  db: DockdeckDB,
  now: number,
  { record = true }: { record?: boolean } = {},
): Promise<BackupResult> {
  const tables = fileTables(db);
  const raw = await db.transaction(record ? 'rw' : 'r', [...tables, db.cardMarks], async () => {
    if (record) {
      const current = await db.settings.get(BACKUP_SETTING_KEY);
      await db.settings.put({ key: BACKUP_SETTING_KEY, value: recordBackup(current?.value, now), updatedAt: now });
    }
    const out: Record<string, BackupRow[]> = {};
    for (const t of tables) out[t.name] = await t.toArray();
    const marks = await allMarks(db);
    out.cards = (out.cards ?? []).map(
      (r) => withMarksInRow(r as unknown as CardRow, marks.get(r.id as string)) as unknown as BackupRow,
    );
    return out;
  });
  const rows: Record<string, BackupRow[]> = {};
  for (const [name, list] of Object.entries(raw)) rows[name] = (await toBackupValue(list)) as BackupRow[];
  const file: BackupFile = { format: BACKUP_FORMAT, schemaVersion: db.verno, createdAt: now, tables: rows };
  return {
    bytes: encodeBackup(file),
    fileName: backupFileName(now),
    createdAt: now,
    counts: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length])),
  };
}

/**
 * Reads and checks a backup file (throws `IssueError` naming `file`); the UI shows `createdAt` and `counts` and asks
 * before restoring.
 */
export function readBackupFile(db: DockdeckDB, bytes: Uint8Array, file = 'backup'): DecodedBackup {
  return decodeBackup(bytes, { file, version: db.verno, tables: fileTables(db).map((t) => t.name) });
}

/** The primary key of a row, as a string to compare (compound keys joined). */
function keyOf(table: Table, row: BackupRow): string {
  const path = table.schema.primKey.keyPath;
  const paths = Array.isArray(path) ? path : [path ?? ''];
  return JSON.stringify(paths.map((p) => row[p]));
}

/**
 * Replaces the whole database with the backup's rows, in ONE read-write transaction over every table: each table
 * is cleared and refilled; if anything fails (a bad row, a full disk) the transaction aborts and the database is
 * exactly as before. The backup time is recorded as at least the backup's own time (that data is backed up).
 * Call only after the user confirmed: everything not in the backup is gone afterwards.
 */
export async function restoreBackup(
  db: DockdeckDB,
  backup: BackupFile,
  file = 'backup',
): Promise<Record<string, number>> {
  // A programming error, not a user's: decoded backups are always migrated to the app's version.
  if (backup.schemaVersion !== db.verno)
    throw new Error(`The backup is in database version ${backup.schemaVersion}; read it with readBackupFile first.`);
  const tables = fileTables(db);
  // Everything is prepared before the transaction: inside it, only Dexie calls may be awaited.
  const prepared = tables.map((t) => ({
    table: t,
    rows: (backup.tables[t.name] ?? []).map((r) => fromBackupValue(r) as BackupRow),
  }));
  // The card rows' marks go to the marks table.
  const marks: Array<[string, CardMarks]> = [];
  for (const p of prepared) {
    if (p.table.name !== 'cards') continue;
    p.rows = p.rows.map((row) => {
      const { card, marks: m } = splitMarks(row as BackupRow & CardMarks & { parkedDeck?: string });
      marks.push([row.id as string, m]);
      return card;
    });
  }
  const markRows = bucketRows(marks);
  for (const { table, rows } of prepared) {
    const seen = new Set<string>();
    for (const row of rows) {
      const key = keyOf(table, row);
      if (seen.has(key))
        throw new IssueError([{ file, code: 'backup.duplicate-key', params: { table: table.name, key } }]);
      seen.add(key);
    }
  }
  await db.transaction('rw', [...tables, db.cardMarks], async () => {
    for (const { table, rows } of prepared) {
      await table.clear();
      if (rows.length > 0) await table.bulkAdd(rows);
    }
    await db.cardMarks.clear();
    if (markRows.length > 0) await db.cardMarks.bulkAdd(markRows);
    // A backup from before the statistics' day counters: fill them from the restored log, as the upgrade does.
    if (backup.tables.dayCounters === undefined) await refillCounters(db, undefined, false);
    const current = await db.settings.get(BACKUP_SETTING_KEY);
    const setting = recordBackup(current?.value, backup.createdAt);
    if (JSON.stringify(setting) !== JSON.stringify(current?.value))
      await db.settings.put({ key: BACKUP_SETTING_KEY, value: setting, updatedAt: backup.createdAt });
  });
  return Object.fromEntries(prepared.map(({ table, rows }) => [table.name, rows.length]));
}

/** Whether to remind the user to back up now, from the stored backup time and the reviews since (an index count). */
export async function backupReminderStatus(
  db: DockdeckDB,
  now: number,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): Promise<BackupReminder> {
  const setting = restoreBackupSetting((await db.settings.get(BACKUP_SETTING_KEY))?.value);
  const reviews =
    setting.lastBackupAt === null
      ? await db.reviewLogs.count()
      : await db.reviewLogs.where('review').above(setting.lastBackupAt).count();
  return backupReminder({ now, setting, reviewsSinceBackup: reviews }, policy);
}

/** "Remind me later": no reminder until `until`. */
export async function snoozeBackupReminder(db: DockdeckDB, until: number, now: number): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const setting = restoreBackupSetting((await db.settings.get(BACKUP_SETTING_KEY))?.value);
    await db.settings.put({ key: BACKUP_SETTING_KEY, value: { ...setting, snoozedUntil: until }, updatedAt: now });
  });
}
