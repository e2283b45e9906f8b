// The library's backup reminder: shown when backupReminderStatus says so, with "Back up now" and "Remind me later".
// The library loads it lazily, so the backup code (gzip, the backup schemas) is not part of the app's first script.
import { useState } from 'react';
import { backupReminderStatus, createBackup, snoozeBackupReminder } from '../../db/backup-repo';
import { db, reportStorageError } from '../../db/connection';
import { useLiveQuery } from '../../db/react/live';
import { clock } from '../../lib/clock';
import { useMessages } from '../../lib/i18n';
import { useNow } from '../../lib/use-now';
import { backupMessages } from './backup-messages';
import { CONTENT_TYPES, downloadFile } from '../../lib/download';
import { DAY_MS } from '../../domain/day';

/** "Remind me later" means in three days. */
const SNOOZE_MS = 3 * DAY_MS;

export function BackupReminderBanner({ backupHref }: { backupHref: string }) {
  const m = useMessages(backupMessages);
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const status = useLiveQuery(() => backupReminderStatus(db(), now), [now]);

  async function backUp() {
    setBusy(true);
    try {
      const result = await createBackup(db(), clock.ms());
      downloadFile(result.bytes, result.fileName, CONTENT_TYPES.backup);
      setSaved(result.fileName);
    } catch (e) {
      reportStorageError(e);
    } finally {
      setBusy(false);
    }
  }

  async function later() {
    const t = clock.ms();
    await snoozeBackupReminder(db(), t + SNOOZE_MS, t).catch(reportStorageError);
  }

  if (saved)
    return (
      <p className="backup-reminder done" role="status">
        {m('reminder.done', { file: saved })}
      </p>
    );
  if (!status?.remind) return null;
  return (
    <aside className="backup-reminder" aria-label={m('reminder.label')}>
      <p>
        {status.reason === 'never'
          ? m('reminder.never', { n: status.reviews })
          : m('reminder.stale', { n: status.reviews, days: status.days })}
      </p>
      <div className="import-actions">
        <button type="button" className="primary" onClick={() => void backUp()} disabled={busy}>
          {m('reminder.backup-now')}
        </button>
        <button type="button" onClick={() => void later()} disabled={busy}>
          {m('reminder.later')}
        </button>
        <a href={backupHref}>{m('backup.heading')}</a>
      </div>
    </aside>
  );
}
