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
  type BackupWorkerRequest,
  type BackupWorkerResponse,
  type MakeOutcome,
} from '../../db/auto-backup-repo';
import { db, reportStorageError } from '../../db/connection';
import type { DockdeckDB } from '../../db/database';
import { readSettings } from '../../db/settings-repo';
import { clock } from '../../lib/clock';
import { workerAnswer } from '../../lib/worker-answer';

/**
 * The day's backup made by the backup worker (src/workers/backup-worker.ts); null where there are no workers or it
 * could not start (the page then makes it: the day's backup is made once, whoever makes it). A failure is thrown as
 * the worker saw it (a full storage is a QuotaExceededError here too).
 */
async function makeInWorker(request: BackupWorkerRequest): Promise<MakeOutcome | null> {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('../../workers/backup-worker.ts', import.meta.url), { type: 'module' });
  const answer = await workerAnswer<BackupWorkerRequest, BackupWorkerResponse>(worker, request);
  if (answer === null) return null;
  if (answer.type === 'done') return answer.outcome;
  if (answer.kind === 'closed') return { made: null, why: 'exists' };
  throw new DOMException(answer.message, answer.kind === 'quota' ? 'QuotaExceededError' : answer.name);
}

/** Makes the study day's backup (one tab at a time) and writes what the folder lacks; nothing fails silently. */
export async function runAutoBackupAtStart(database: DockdeckDB = db()): Promise<MakeOutcome | null> {
  const now = clock.ms();
  try {
    const { study } = await readSettings(database);
    // Made in a worker where there is one (the page stays responsive while a big collection is encoded), else here.
    const made = database === db() ? await makeInWorker({ now, dayStartHour: study.dayStartHour }) : null;
    return await withLock(AUTO_BACKUP_LOCK, async () => {
      const outcome =
        made ?? (await makeAutoBackup(database, { now, dayStartHour: study.dayStartHour, kind: 'daily' }));
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
