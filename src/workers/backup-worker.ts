// The automatic backup's Web Worker: reads every table, encodes and gzips the backup and stores it (makeAutoBackup,
// one study day's backup, one tab at a time), off the page's main thread, in its own connection to the database: a
// collection of 100,000 cards takes seconds to encode, which the page would spend frozen. One request, one answer.
// Create it with `new Worker(new URL('../../workers/backup-worker.ts', import.meta.url), { type: 'module' })`.
import { runDailyAutoBackup, type BackupWorkerRequest, type BackupWorkerResponse } from '../db/auto-backup-repo';
import { db } from '../db/connection';
import { writeFailureKind } from '../db/errors';

self.onmessage = (event: MessageEvent<BackupWorkerRequest>) => {
  const { now, dayStartHour } = event.data;
  runDailyAutoBackup(db(), now, dayStartHour).then(
    (outcome) => self.postMessage({ type: 'done', outcome } satisfies BackupWorkerResponse),
    (e: unknown) =>
      self.postMessage({
        type: 'failed',
        kind: writeFailureKind(e),
        name: e instanceof Error ? e.name : 'Error',
        message: e instanceof Error ? e.message : String(e),
      } satisfies BackupWorkerResponse),
  );
};
