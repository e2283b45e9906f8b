// The backup screen (#/backup): download everything as one file, or restore one after a confirmation that it replaces all.
import { useRef, useState } from 'react';
import { createBackup, readBackupFile, restoreBackup } from '../../db/backup-repo';
import { makeAutoBackup, syncBackupFolder } from '../../db/auto-backup-repo';
import { db, reportStorageError } from '../../db/connection';
import { useSettings } from '../../db/react/use-settings';
import { exportReviewLogCsv } from '../../db/export-repo';
import { IssueError } from '../../domain/errors';
import type { DecodedBackup } from '../../formats/backup/codec';
import { IMPORT_LIMITS } from '../../formats/import/draft';
import { issueText } from '../../formats/issue-text';
import { clock } from '../../lib/clock';
import { useMessages, useUiLang, type UiLang } from '../../lib/i18n';
import { backupMessages } from './backup-messages';
import { backupScreenMessages } from './backup-screen-messages';
import { formatDate, RestoreDialog } from './backup-restore-dialog';
import { StoragePanel } from './storage-panel';
import { CONTENT_TYPES, downloadFile } from '../../lib/download';
import { AutoBackupSection } from './auto-backup-section';
import { autoBackupMessages } from './auto-backup-messages';

/** The counts a status line names, as the user reads numbers. */
const counts = (c: Record<string, number>) => ({
  decks: (c.decks ?? 0).toLocaleString(),
  cards: (c.cards ?? 0).toLocaleString(),
  reviews: (c.reviewLogs ?? 0).toLocaleString(),
});

type Download =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; file: string; counts: Record<string, number> }
  | { kind: 'failed'; what: 'backup' | 'revlog' };

type Restore =
  | { kind: 'idle' }
  | { kind: 'reading'; file: string }
  | { kind: 'bad'; file: string; lines: string[] }
  | { kind: 'confirm'; file: string; backup: DecodedBackup }
  | { kind: 'restoring' }
  /** `safety`: when the automatic backup of what was there before was made (null: there was nothing to keep). */
  | { kind: 'restored'; createdAt: number; counts: Record<string, number>; safety: number | null }
  /** The backup of what is there now, made before every restore, failed: nothing was restored. */
  | { kind: 'unsafe' }
  /** `detail`: what the backup's issues say is wrong with it; null when the failure was not the file's. */
  | { kind: 'failed'; detail: string | null }
  | { kind: 'cancelled' };

export function BackupScreen({ libraryHref }: { libraryHref: string }) {
  const m = useMessages(backupMessages);
  const sm = useMessages(backupScreenMessages);
  const lang = useUiLang();
  const { settings } = useSettings();
  const [restore, setRestore] = useState<Restore>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const pick = useRef<HTMLButtonElement>(null);

  async function readFile(file: File) {
    setRestore({ kind: 'reading', file: file.name });
    if (file.size > IMPORT_LIMITS.maxFileBytes) {
      setRestore({ kind: 'bad', file: file.name, lines: [sm('backup.file-too-large')] });
      return;
    }
    await readBytes(file.name, () => file.arrayBuffer().then((b) => new Uint8Array(b)));
  }

  /** A file's or an automatic backup's bytes: checked whole, then the confirmation, as for every restore. */
  async function readBytes(name: string, read: () => Promise<Uint8Array>) {
    setRestore({ kind: 'reading', file: name });
    try {
      const bytes = await read();
      setRestore({ kind: 'confirm', file: name, backup: readBackupFile(db(), bytes, name) });
    } catch (e) {
      // The backup's issues name what is wrong (and the bad rows, one a line); anything else is the browser's.
      if (!(e instanceof IssueError)) console.error(e);
      const lines =
        e instanceof IssueError
          ? e.issues.map((i) => issueText(i, lang, { file: false }))
          : [sm('backup.file-unreadable')];
      setRestore({ kind: 'bad', file: name, lines });
    }
  }

  async function doRestore(backup: DecodedBackup) {
    setRestore({ kind: 'restoring' });
    // First an automatic backup of what is there now (as Anki does): restoring it undoes this restore.
    let safety: number | null;
    try {
      const now = clock.ms();
      const made = await makeAutoBackup(db(), {
        now,
        dayStartHour: settings.study.dayStartHour,
        kind: 'before-restore',
      });
      safety = made.made ? now : null;
    } catch (e) {
      reportStorageError(e);
      setRestore({ kind: 'unsafe' });
      pick.current?.focus();
      return;
    }
    try {
      const counts = await restoreBackup(db(), backup);
      setRestore({ kind: 'restored', createdAt: backup.createdAt, counts, safety });
      if (safety !== null) void syncBackupFolder(db(), clock.ms()).catch(reportStorageError);
    } catch (e) {
      if (!(e instanceof IssueError)) reportStorageError(e);
      const detail =
        e instanceof IssueError ? e.issues.map((i) => issueText(i, lang, { file: false })).join(' ') : null;
      setRestore({ kind: 'failed', detail });
    }
    pick.current?.focus();
  }

  return (
    <section className="backup" aria-labelledby="backup-title">
      <h1 id="backup-title">{m('backup.heading')}</h1>
      <p className="help">{m('backup.intro')}</p>
      <DownloadSection />

      <h2>{m('backup.restore-heading')}</h2>
      <p className="help">{m('backup.restore-intro')}</p>
      <button
        type="button"
        ref={pick}
        onClick={() => input.current?.click()}
        disabled={restore.kind === 'reading' || restore.kind === 'restoring'}
      >
        {m('backup.restore-pick')}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        accept=".gz,.json,application/gzip,application/json"
        aria-label={m('backup.restore-input')}
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void readFile(file);
        }}
      />
      <RestoreOutcome restore={restore} lang={lang} />
      <AutoBackupSection
        busy={restore.kind === 'reading' || restore.kind === 'restoring'}
        onRestore={(name, bytes) => void readBytes(name, () => Promise.resolve(bytes))}
      />
      {restore.kind === 'confirm' && (
        <RestoreDialog
          backup={restore.backup}
          file={restore.file}
          onCancel={() => setRestore({ kind: 'cancelled' })}
          onRestore={() => void doRestore(restore.backup)}
        />
      )}
      <StoragePanel />
      <p>
        <a href={libraryHref}>{m('backup.back')}</a>
      </p>
    </section>
  );
}

/** What became of the backup file chosen to restore: being read or restored, restored, refused, failed or cancelled. */
function RestoreOutcome({ restore, lang }: { restore: Restore; lang: UiLang }) {
  const m = useMessages(backupMessages);
  const sm = useMessages(backupScreenMessages);
  const am = useMessages(autoBackupMessages);
  return (
    <>
      <div className="backup-restore-status" role="status">
        {restore.kind === 'reading' && <p>{m('backup.reading', { file: restore.file })}</p>}
        {restore.kind === 'restoring' && <p>{m('backup.restoring')}</p>}
        {restore.kind === 'restored' && (
          <p className="ok">
            {m('backup.restored', { date: formatDate(restore.createdAt, lang), ...counts(restore.counts) })}
            {restore.safety !== null &&
              ` ${am('auto.before-restore-kept', { date: formatDate(restore.safety, lang) })}`}
          </p>
        )}
        {restore.kind === 'cancelled' && <p>{m('backup.restore-cancelled')}</p>}
      </div>
      {restore.kind === 'bad' && (
        <div className="import-problems" role="alert">
          <p>{m('backup.bad-file', { file: restore.file })}</p>
          <ul className="import-issues">
            {restore.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {restore.kind === 'unsafe' && (
        <p className="error" role="alert">
          {am('auto.before-restore-failed')}
        </p>
      )}
      {restore.kind === 'failed' && (
        <p className="error" role="alert">
          {restore.detail === null
            ? sm('backup.restore-stopped')
            : m('backup.restore-failed', { detail: restore.detail })}
        </p>
      )}
    </>
  );
}

/** The full backup and the review log as downloads, with what became of the last one. */
function DownloadSection() {
  const m = useMessages(backupMessages);
  const sm = useMessages(backupScreenMessages);
  const [download, setDownload] = useState<Download>({ kind: 'idle' });

  async function makeBackup() {
    setDownload({ kind: 'working' });
    try {
      const result = await createBackup(db(), clock.ms());
      downloadFile(result.bytes, result.fileName, CONTENT_TYPES.backup);
      setDownload({ kind: 'done', file: result.fileName, counts: result.counts });
    } catch (e) {
      // The alert says what kind of trouble it was (storage full…), in the user's language; the error is logged.
      reportStorageError(e);
      setDownload({ kind: 'failed', what: 'backup' });
    }
  }

  async function reviewLog() {
    try {
      const r = await exportReviewLogCsv(db());
      downloadFile(r.csv, r.fileName, CONTENT_TYPES.csv);
    } catch (e) {
      reportStorageError(e);
      setDownload({ kind: 'failed', what: 'revlog' });
    }
  }

  return (
    <>
      <div className="import-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void makeBackup()}
          disabled={download.kind === 'working'}
        >
          {m('backup.download')}
        </button>
        <button type="button" onClick={() => void reviewLog()}>
          {m('backup.revlog')}
        </button>
      </div>
      <p role="status" className="backup-status">
        {download.kind === 'working' && m('backup.downloading')}
        {download.kind === 'done' && m('backup.downloaded', { file: download.file, ...counts(download.counts) })}
      </p>
      {download.kind === 'failed' && (
        <p className="error" role="alert">
          {sm(download.what === 'backup' ? 'backup.make-failed' : 'backup.revlog-failed')}
        </p>
      )}
    </>
  );
}
