// Automatic backups, as Anki's: one on the first start of each study day, and one just before a restore replaces
// everything (so that a restore can be undone by restoring that one). Each is the file the manual backup downloads
// (createBackup), kept in the browser (table `autoBackups`, the newest N: a setting) and, where the browser can write
// to a folder of the user's, copied there too (the newest N files of ours in it). A wipe of the site's data takes the
// ones in the browser, never the folder's.
import type { Table } from 'dexie';
import { dayKey } from '../domain/day';
import { wholeNumber, type SettingsProblem } from '../domain/setting-rules';
import { BACKUP_SETTING_KEY, recordBackup } from '../formats/backup/reminder';
import { folderPermission, pruneFolder, writeFolderFile, type FolderHandle } from '../lib/backup-folder';
import { newId } from '../lib/ids';
import { createBackup } from './backup-repo';
import { loadFolder, storeFolder } from './auto-backup-folder-store';
import type {
  AutoBackupBytesRow,
  AutoBackupConfigRow,
  AutoBackupError,
  AutoBackupKind,
  AutoBackupRow,
  DockdeckDB,
} from './database';
import { hasOwnData } from './own-data';
import type { WriteFailureKind } from './errors';

export const KEEP_DEFAULT = 7;
export const KEEP_MIN = 1;
export const KEEP_MAX = 30;

const CONFIG_ID = 'config';
const bytesId = (id: string) => `${id}/bytes`;

/** The names of the files dockdeck writes to the folder (and the only ones it ever removes there). */
export const AUTO_FILE_PATTERN = /^dockdeck-auto-\d{4}-\d{2}-\d{2}(-before-restore-\d{6})?\.json\.gz$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** `dockdeck-auto-2026-03-02.json.gz`, or `dockdeck-auto-2026-03-02-before-restore-143005.json.gz` (local time). */
export function autoBackupFileName(kind: AutoBackupKind, studyDay: string, createdAt: number): string {
  if (kind === 'daily') return `dockdeck-auto-${studyDay}.json.gz`;
  const t = new Date(createdAt);
  return `dockdeck-auto-${studyDay}-before-restore-${pad(t.getHours())}${pad(t.getMinutes())}${pad(t.getSeconds())}.json.gz`;
}

/** What is wrong with a number of backups to keep, or null when it is one (a whole number from 1 to 30). */
export function checkKeep(value: unknown): SettingsProblem | null {
  const rule = wholeNumber(KEEP_MIN, KEEP_MAX);
  return rule.schema.safeParse(value).success ? null : rule.problem;
}

const DEFAULT_CONFIG = (): AutoBackupConfigRow => ({ id: CONFIG_ID, keep: KEEP_DEFAULT, updatedAt: 0 });

/** The stored settings of the automatic backups; a missing or damaged `keep` is the default. */
export async function readAutoBackupConfig(db: DockdeckDB): Promise<AutoBackupConfigRow> {
  const row = (await db.autoBackups.get(CONFIG_ID)) as AutoBackupConfigRow | undefined;
  if (!row) return DEFAULT_CONFIG();
  return checkKeep(row.keep) === null ? row : { ...row, keep: KEEP_DEFAULT };
}

async function updateConfig(
  db: DockdeckDB,
  change: (c: AutoBackupConfigRow) => AutoBackupConfigRow,
  now: number,
): Promise<AutoBackupConfigRow> {
  return db.transaction('rw', db.autoBackups, async () => {
    const next = { ...change(await readAutoBackupConfig(db)), updatedAt: now };
    await db.autoBackups.put(next);
    return next;
  });
}

/** The table as its listed rows (the ones with `createdAt`). */
const metaRows = (db: DockdeckDB) => db.autoBackups as unknown as Table<AutoBackupRow, string>;

/** The automatic backups, newest first (what the list shows: none of their bytes are read). */
export function listAutoBackups(db: DockdeckDB): Promise<AutoBackupRow[]> {
  return metaRows(db).orderBy('createdAt').reverse().toArray();
}

/** The backup file of an automatic backup, or undefined when it is no longer kept. */
export async function autoBackupBytes(db: DockdeckDB, id: string): Promise<Uint8Array | undefined> {
  const row = (await db.autoBackups.get(bytesId(id))) as AutoBackupBytesRow | undefined;
  return row?.bytes;
}

/** Removes all but the newest `keep` backups (call inside a transaction over autoBackups). */
async function prune(db: DockdeckDB, keep: number): Promise<void> {
  const old = (await db.autoBackups.orderBy('createdAt').reverse().offset(keep).primaryKeys()) as string[];
  if (old.length > 0) await db.autoBackups.bulkDelete(old.flatMap((id) => [id, bytesId(id)]));
}

/**
 * Saves how many automatic backups to keep, and removes the ones over it at once (same transaction). A value that
 * is not a whole number from 1 to 30 changes nothing: its problem is returned.
 */
export async function saveKeep(db: DockdeckDB, keep: unknown, now: number): Promise<SettingsProblem | null> {
  const problem = checkKeep(keep);
  if (problem) return problem;
  await db.transaction('rw', db.autoBackups, async () => {
    await updateConfig(db, (c) => ({ ...c, keep: keep as number }), now);
    await prune(db, keep as number);
  });
  return null;
}

export type MakeOutcome =
  | { made: AutoBackupRow }
  /** `exists`: this study day has its backup already; `nothing`: the database holds nothing of the user's. */
  | { made: null; why: 'exists' | 'nothing' };

async function exists(db: DockdeckDB, id: string): Promise<boolean> {
  return (await db.autoBackups.where('id').equals(id).count()) > 0;
}

/**
 * Makes an automatic backup at `now`: `daily`, unless this study day (with its start hour) has one already, or
 * `before-restore`. Nothing is made while the database holds nothing of the user's (only the built-in decks, never
 * studied). Adding it and removing the ones over the number to keep is one transaction, which checks again that the
 * day has none: two tabs starting at once make one.
 */
export async function makeAutoBackup(
  db: DockdeckDB,
  { now, dayStartHour, kind }: { now: number; dayStartHour: number; kind: AutoBackupKind },
): Promise<MakeOutcome> {
  const studyDay = dayKey(new Date(now), dayStartHour);
  const id = kind === 'daily' ? `daily:${studyDay}` : `before-restore:${now}`;
  if (await exists(db, id)) return { made: null, why: 'exists' };
  if (!(await hasOwnData(db))) return { made: null, why: 'nothing' };
  const backup = await createBackup(db, now, { record: false });
  const row: AutoBackupRow = {
    id,
    kind,
    createdAt: now,
    studyDay,
    fileName: autoBackupFileName(kind, studyDay, now),
    size: backup.bytes.length,
    counts: {
      decks: backup.counts.decks ?? 0,
      cards: backup.counts.cards ?? 0,
      reviewLogs: backup.counts.reviewLogs ?? 0,
    },
    schemaVersion: db.verno,
  };
  return db.transaction('rw', db.autoBackups, async (): Promise<MakeOutcome> => {
    if (await exists(db, id)) return { made: null, why: 'exists' };
    const { keep } = await readAutoBackupConfig(db);
    await db.autoBackups.bulkAdd([row, { id: bytesId(id), bytes: backup.bytes } satisfies AutoBackupBytesRow]);
    await prune(db, keep);
    return { made: row };
  });
}

/** Runs `work` holding the browser's lock `name` (Web Locks) where there is one: one tab at a time. */
export async function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return work();
  return locks.request(name, work) as Promise<T>;
}

export const AUTO_BACKUP_LOCK = 'dockdeck-auto-backup';

/** What the page asks the backup worker (src/workers/backup-worker.ts), and its answer. */
export interface BackupWorkerRequest {
  now: number;
  dayStartHour: number;
}

export type BackupWorkerResponse =
  { type: 'done'; outcome: MakeOutcome } | { type: 'failed'; kind: WriteFailureKind; name: string; message: string };

/** The daily backup at the start of the app: made once per study day, one tab at a time. */
export function runDailyAutoBackup(db: DockdeckDB, now: number, dayStartHour: number): Promise<MakeOutcome> {
  return withLock(AUTO_BACKUP_LOCK, () => makeAutoBackup(db, { now, dayStartHour, kind: 'daily' }));
}

/** Notes what went wrong (shown on the Backup screen), or that it went right again (null). */
export async function setAutoBackupError(db: DockdeckDB, error: AutoBackupError | null, now: number): Promise<void> {
  await updateConfig(
    db,
    (c) => {
      const { lastError: _, ...rest } = c;
      return error === null ? rest : { ...rest, lastError: error };
    },
    now,
  );
}

/** An error's text for the Backup screen: its name and message, as the browser gave them. */
export function errorDetail(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}

/** Takes the folder the user chose for copies (a new folder: every kept backup is written to it next). */
export async function setBackupFolder(db: DockdeckDB, handle: FolderHandle | null, now: number): Promise<void> {
  await storeFolder(db, handle);
  await updateConfig(
    db,
    (c) => {
      const { folderName: _n, folderId: _i, lastError: _e, ...rest } = c;
      return handle === null ? rest : { ...rest, folderName: handle.name, folderId: newId() };
    },
    now,
  );
}

export type FolderOutcome =
  | { state: 'no-folder' }
  /** The kept backups are all in the folder (`written`: how many were written now). */
  | { state: 'done'; written: number }
  | { state: 'needs-permission'; folder: string }
  | { state: 'failed'; folder: string };

/**
 * Copies the kept backups not yet in the chosen folder into it and keeps the newest N of our files there (`prune`:
 * even when there was nothing to write, after the number to keep changed). Without
 * the permission to write (the browser asks again after a reload), or when writing fails, notes it as the last
 * error instead: the Backup screen and the library show it, with a button that asks for the permission.
 */
export async function syncBackupFolder(
  db: DockdeckDB,
  now: number,
  { prune: pruneAnyway = false }: { prune?: boolean } = {},
): Promise<FolderOutcome> {
  const config = await readAutoBackupConfig(db);
  if (config.folderId === undefined || config.folderName === undefined) return { state: 'no-folder' };
  const folder = config.folderName;
  const handle = await loadFolder(db);
  if (!handle) return { state: 'no-folder' };
  const pending = (await listAutoBackups(db)).filter((r) => r.writtenTo !== config.folderId).reverse();
  try {
    if ((await folderPermission(handle)) !== 'granted') {
      // Nothing to write: no need to ask (the folder is pruned the next time it is written to).
      if (pending.length === 0) return { state: 'done', written: 0 };
      await setAutoBackupError(db, { at: now, code: 'permission', detail: '' }, now);
      return { state: 'needs-permission', folder };
    }
    for (const row of pending) {
      const bytes = await autoBackupBytes(db, row.id);
      if (!bytes) continue;
      await writeFolderFile(handle, row.fileName, bytes);
      await metaRows(db).update(row.id, { writtenTo: config.folderId });
    }
    // After a write, or a new number to keep; not each time the app comes back into view with nothing new.
    if (pending.length > 0 || pruneAnyway) await pruneFolder(handle, AUTO_FILE_PATTERN, config.keep);
  } catch (error) {
    console.error(error);
    await setAutoBackupError(db, { at: now, code: 'folder', detail: errorDetail(error) }, now);
    return { state: 'failed', folder };
  }
  if (config.lastError) await setAutoBackupError(db, null, now);
  // A copy outside the browser is what the backup reminder asks for.
  const newest = pending.at(-1);
  if (newest)
    await db.transaction('rw', db.settings, async () => {
      const current = await db.settings.get(BACKUP_SETTING_KEY);
      const value = recordBackup(current?.value, newest.createdAt);
      await db.settings.put({ key: BACKUP_SETTING_KEY, value, updatedAt: now });
    });
  return { state: 'done', written: pending.length };
}
