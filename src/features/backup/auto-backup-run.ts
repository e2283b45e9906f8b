// The automatic backup at the start of the app (loaded when the start page is idle, so that the backup code is not
// in the app's first script): the study day's backup if it has none yet, then the copies to the chosen folder.
import {
  AUTO_BACKUP_LOCK,
  errorDetail,
  makeAutoBackup,
  readAutoBackupConfig,
  setAutoBackupError,
  syncBackupFolder,
  withLock,
  type MakeOutcome,
} from '../../db/auto-backup-repo';
import { db, reportStorageError } from '../../db/connection';
import type { DockdeckDB } from '../../db/database';
import { readSettings } from '../../db/settings-repo';
import { clock } from '../../lib/clock';

/** Makes the study day's backup (one tab at a time) and writes what the folder lacks; nothing fails silently. */
export async function runAutoBackupAtStart(database: DockdeckDB = db()): Promise<MakeOutcome | null> {
  const now = clock.ms();
  try {
    const { study } = await readSettings(database);
    return await withLock(AUTO_BACKUP_LOCK, async () => {
      const outcome = await makeAutoBackup(database, { now, dayStartHour: study.dayStartHour, kind: 'daily' });
      // An earlier failure is over once a backup could be made again.
      if ((await readAutoBackupConfig(database)).lastError?.code === 'backup')
        await setAutoBackupError(database, null, now);
      await syncBackupFolder(database, now);
      return outcome;
    });
  } catch (error) {
    // The alert says what kind of trouble it was (storage full…); the Backup screen keeps it as the last error.
    reportStorageError(error);
    await setAutoBackupError(database, { at: now, code: 'backup', detail: errorDetail(error) }, now).catch(() => {});
    return null;
  }
}
