// "Replace everything with this backup?": a modal dialog with the backup's date and counts; Cancel has the focus.
import type { DecodedBackup } from '../../formats/backup/codec';
import { localeTag, useMessages, useUiLang } from '../../lib/i18n';
import { AlertDialog } from '../../ui/alert-dialog';
import { backupMessages } from './backup-messages';

const COUNTED = ['decks', 'cards', 'reviewLogs', 'quizAttempts', 'media', 'settings'] as const;

export function formatDate(ms: number, lang: 'en' | 'zh'): string {
  return new Date(ms).toLocaleString(localeTag(lang), { dateStyle: 'long', timeStyle: 'short' });
}

export function RestoreDialog({
  backup,
  file,
  onRestore,
  onCancel,
}: {
  backup: DecodedBackup;
  file: string;
  onRestore(): void;
  onCancel(): void;
}) {
  const m = useMessages(backupMessages);
  const lang = useUiLang();
  return (
    <AlertDialog labelledBy="restore-title" describedBy="restore-body" className="restore-dialog" onEscape={onCancel}>
      <h2 id="restore-title">{m('backup.confirm-title')}</h2>
      <div id="restore-body">
        <p>{m('backup.confirm-date', { file, date: formatDate(backup.createdAt, lang) })}</p>
        <p>
          <strong>{m('backup.confirm-replaces')}</strong>
        </p>
        <ul className="restore-counts">
          {COUNTED.map((t) => (
            <li key={t} data-table={t}>
              {m(`backup.count.${t}`, { n: (backup.counts[t] ?? 0).toLocaleString() })}
            </li>
          ))}
        </ul>
        <p>{m('backup.confirm-lost')}</p>
      </div>
      <div className="dialog-actions">
        {/* The safe choice has the focus: Enter right away does not wipe anything. */}
        <button type="button" data-autofocus onClick={onCancel}>
          {m('backup.cancel')}
        </button>
        <button type="button" className="danger" onClick={onRestore}>
          {m('backup.confirm-restore')}
        </button>
      </div>
    </AlertDialog>
  );
}
