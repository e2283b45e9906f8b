// The library's line about the automatic backups, shown only when they need the user: the browser asks again before
// dockdeck may write to the chosen folder (a button asks, as it must, from a click), or the last copy or backup failed.
import { useState } from 'react';
import { readAutoBackupConfig } from '../../db/auto-backup-repo';
import { db, reportStorageError } from '../../db/connection';
import { useLiveQuery } from '../../db/react/live';
import { useMessages, useUiLang } from '../../lib/i18n';
import { autoBackupMessages } from './auto-backup-messages';
import { allowFolder } from './auto-backup-section';
import { formatDate } from './backup-restore-dialog';

export function AutoBackupPrompt({ backupHref }: { backupHref: string }) {
  const m = useMessages(autoBackupMessages);
  const lang = useUiLang();
  const config = useLiveQuery(() => readAutoBackupConfig(db()), []);
  const [refused, setRefused] = useState(false);
  const [working, setWorking] = useState(false);
  const error = config?.lastError;
  if (!config || !error) return null;
  const folder = config.folderName ?? '';

  async function allow() {
    setWorking(true);
    try {
      setRefused((await allowFolder()) === 'refused');
    } catch (e) {
      reportStorageError(e);
    } finally {
      setWorking(false);
    }
  }

  const date = formatDate(error.at, lang);
  return (
    <aside className="backup-reminder auto-backup-prompt" aria-label={m('auto.prompt-label')}>
      <p>
        {error.code === 'permission'
          ? m('auto.error.permission', { folder })
          : error.code === 'folder'
            ? m('auto.error.folder', { folder, date, detail: error.detail })
            : m('auto.error.backup', { date, detail: error.detail })}
      </p>
      {refused && <p role="status">{m('auto.folder-refused', { folder })}</p>}
      <div className="import-actions">
        {error.code === 'permission' && (
          <button type="button" className="primary" disabled={working} onClick={() => void allow()}>
            {m('auto.folder-allow', { folder })}
          </button>
        )}
        <a href={backupHref}>{m('auto.heading')}</a>
      </div>
    </aside>
  );
}
