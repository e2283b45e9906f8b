// "Replace everything with this backup?": a modal dialog with the backup's date and counts; Cancel has the focus.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { DecodedBackup } from '../../domain/export/backup-codec';
import { useMessages, useUiLang } from '../../lib/i18n';
import { backupMessages } from './backup-messages';

const COUNTED = ['decks', 'cards', 'reviewLogs', 'quizAttempts', 'media', 'settings'] as const;

export function formatDate(ms: number, lang: 'en' | 'zh'): string {
  return new Date(ms).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'long', timeStyle: 'short' });
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
  const cancelRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The safe choice has the focus: Enter right away does not wipe anything.
    cancelRef.current?.focus();
    return () => before?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
      return;
    }
    if (e.key !== 'Tab') return;
    const buttons = [...(boxRef.current?.querySelectorAll('button') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    e.preventDefault();
    buttons[(i + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
  };
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog restore-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="restore-title"
        aria-describedby="restore-body"
        ref={boxRef}
        onKeyDown={onKeyDown}
      >
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
          <button type="button" ref={cancelRef} onClick={onCancel}>
            {m('backup.cancel')}
          </button>
          <button type="button" className="danger" onClick={onRestore}>
            {m('backup.confirm-restore')}
          </button>
        </div>
      </div>
    </div>
  );
}
