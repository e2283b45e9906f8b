// The Backup screen's automatic backups: how many to keep, the folder for copies (where the browser can write to
// one), what went wrong last, and the list with Download and Restore (which goes through the screen's restore: the
// same checks and confirmation as a file).
import { useEffect, useState, type FormEvent } from 'react';
import {
  autoBackupBytes,
  KEEP_MAX,
  KEEP_MIN,
  listAutoBackups,
  readAutoBackupConfig,
  saveKeep,
  setBackupFolder,
  syncBackupFolder,
  type FolderOutcome,
} from '../../db/auto-backup-repo';
import { loadFolder } from '../../db/auto-backup-folder-store';
import { db, reportStorageError } from '../../db/connection';
import type { AutoBackupConfigRow, AutoBackupRow } from '../../db/database';
import { useLiveQuery } from '../../db/react/live';
import { formatBytes } from '../../formats/bytes';
import { askFolderPermission, canChooseFolder, chooseFolder } from '../../lib/backup-folder';
import { clock } from '../../lib/clock';
import { CONTENT_TYPES, downloadFile } from '../../lib/download';
import { useMessages, useUiLang } from '../../lib/i18n';
import { autoBackupMessages } from './auto-backup-messages';
import { formatDate } from './backup-restore-dialog';

type Words = ReturnType<typeof useMessages<keyof (typeof autoBackupMessages)['en']>>;

export function AutoBackupSection({
  busy,
  onRestore,
}: {
  /** A restore is being read or written: no other may start. */
  busy: boolean;
  onRestore(fileName: string, bytes: Uint8Array): void;
}) {
  const m = useMessages(autoBackupMessages);
  const lang = useUiLang();
  const rows = useLiveQuery(() => listAutoBackups(db()), []);
  const config = useLiveQuery(() => readAutoBackupConfig(db()), []);
  const [gone, setGone] = useState(false);

  async function bytesOf(row: AutoBackupRow): Promise<Uint8Array | null> {
    setGone(false);
    try {
      const bytes = await autoBackupBytes(db(), row.id);
      if (!bytes) setGone(true);
      return bytes ?? null;
    } catch (e) {
      reportStorageError(e);
      return null;
    }
  }

  async function download(row: AutoBackupRow) {
    const bytes = await bytesOf(row);
    if (bytes) downloadFile(bytes, row.fileName, CONTENT_TYPES.backup);
  }

  async function restore(row: AutoBackupRow) {
    const bytes = await bytesOf(row);
    if (bytes) onRestore(row.fileName, bytes);
  }

  if (!config) return null;
  return (
    <section className="auto-backups" aria-labelledby="auto-backups-title">
      <h2 id="auto-backups-title">{m('auto.heading')}</h2>
      <p className="help">{m('auto.intro', { keep: config.keep })}</p>
      <p className="help">
        <strong>{m('auto.in-browser')}</strong>
      </p>
      <KeepForm keep={config.keep} />
      <FolderPanel config={config} />
      <LastError config={config} m={m} lang={lang} />
      {rows && rows.length === 0 && <p>{m('auto.none')}</p>}
      {rows && rows.length > 0 && (
        <ul className="auto-backup-list" aria-label={m('auto.list')}>
          {rows.map((row) => {
            const date = formatDate(row.createdAt, lang);
            return (
              <li key={row.id} data-id={row.id} data-kind={row.kind}>
                <span className="auto-backup-date">{date}</span> · <span>{m(`auto.kind.${row.kind}`)}</span> ·{' '}
                <span className="auto-backup-counts">
                  {m('auto.row', {
                    cards: row.counts.cards.toLocaleString(),
                    reviews: row.counts.reviewLogs.toLocaleString(),
                    size: formatBytes(row.size),
                  })}
                </span>
                {config.folderId !== undefined && row.writtenTo === config.folderId && <> · {m('auto.in-folder')}</>}{' '}
                <button
                  type="button"
                  aria-label={m('auto.download-label', { date })}
                  onClick={() => void download(row)}
                >
                  {m('auto.download')}
                </button>{' '}
                <button
                  type="button"
                  aria-label={m('auto.restore-label', { date })}
                  disabled={busy}
                  onClick={() => void restore(row)}
                >
                  {m('auto.restore')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {gone && (
        <p className="error" role="alert">
          {m('auto.gone')}
        </p>
      )}
    </section>
  );
}

/** The last thing that went wrong (a folder not written, a backup not made), until it goes right again. */
function LastError({ config, m, lang }: { config: AutoBackupConfigRow; m: Words; lang: 'en' | 'zh' }) {
  const error = config.lastError;
  if (!error || error.code === 'permission') return null;
  const date = formatDate(error.at, lang);
  return (
    <p className="error" role="alert">
      {error.code === 'folder'
        ? m('auto.error.folder', { folder: config.folderName ?? '', date, detail: error.detail })
        : m('auto.error.backup', { date, detail: error.detail })}
    </p>
  );
}

// An empty box is no value, not 0 (which Number('') would make it).
const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

/** How many to keep: saved with its button, a bad value refused with what would be right. */
function KeepForm({ keep }: { keep: number }) {
  const m = useMessages(autoBackupMessages);
  const [draft, setDraft] = useState(String(keep));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // Another tab's save shows here too, unless the box is being edited.
  useEffect(() => {
    if (status === null) setDraft(String(keep));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keep]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = num(draft);
    try {
      const problem = await saveKeep(db(), value, clock.ms());
      if (problem) {
        setStatus({ ok: false, text: m('auto.keep-bad', { min: KEEP_MIN, max: KEEP_MAX }) });
        return;
      }
      setStatus({ ok: true, text: m('auto.keep-saved', { keep: value }) });
      void syncBackupFolder(db(), clock.ms(), { prune: true }).catch(reportStorageError);
    } catch (err) {
      setStatus(null);
      reportStorageError(err);
    }
  }

  const invalid = status !== null && !status.ok;
  return (
    <form className="auto-backup-keep" onSubmit={(e) => void submit(e)} noValidate>
      <label className="field">
        <span>{m('auto.keep')}</span>
        <input
          type="text"
          inputMode="numeric"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setStatus(null);
          }}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'auto-keep-error' : undefined}
        />
        {invalid && (
          <span className="error" id="auto-keep-error">
            {status.text}
          </span>
        )}
      </label>
      <button type="submit">{m('auto.keep-save')}</button>
      <p role="status" className="ok">
        {status?.ok ? status.text : ''}
      </p>
    </form>
  );
}

type FolderStatus = 'idle' | 'working' | 'refused' | FolderOutcome;

/** The folder for copies: choose one, allow writing to it again after a reload, or stop copying. */
function FolderPanel({ config }: { config: AutoBackupConfigRow }) {
  const m = useMessages(autoBackupMessages);
  const [status, setStatus] = useState<FolderStatus>('idle');
  const folder = config.folderName;

  async function run(work: () => Promise<FolderStatus>) {
    setStatus('working');
    try {
      setStatus(await work());
    } catch (e) {
      reportStorageError(e);
      setStatus('idle');
    }
  }

  const choose = () =>
    run(async () => {
      const handle = await chooseFolder();
      if (!handle) return 'idle';
      await setBackupFolder(db(), handle, clock.ms());
      return syncBackupFolder(db(), clock.ms());
    });
  const allow = () => run(() => allowFolder());
  const forget = () =>
    run(async () => {
      await setBackupFolder(db(), null, clock.ms());
      return 'idle';
    });

  if (!canChooseFolder()) return <p className="help">{m('auto.folder-unsupported')}</p>;
  const working = status === 'working';
  const needsPermission = config.lastError?.code === 'permission' && folder !== undefined;
  return (
    <div className="auto-backup-folder">
      <p className="help">
        {folder === undefined ? m('auto.folder-none') : m('auto.folder-set', { folder, keep: config.keep })}
      </p>
      {needsPermission && (
        <p className="warning" role="alert">
          {m('auto.folder-needs-permission', { folder })}
        </p>
      )}
      <div className="import-actions">
        {needsPermission && (
          <button type="button" className="primary" disabled={working} onClick={() => void allow()}>
            {m('auto.folder-allow', { folder })}
          </button>
        )}
        <button type="button" disabled={working} onClick={() => void choose()}>
          {m(folder === undefined ? 'auto.folder-choose' : 'auto.folder-change')}
        </button>
        {folder !== undefined && (
          <button type="button" disabled={working} onClick={() => void forget()}>
            {m('auto.folder-forget', { folder })}
          </button>
        )}
      </div>
      <p role="status" className="auto-backup-folder-status">
        {folderStatusText(m, status, folder)}
      </p>
    </div>
  );
}

/** Asks for the permission to write to the folder (from a click) and, once given, writes what it lacks. */
export async function allowFolder(): Promise<FolderStatus> {
  const handle = await loadFolder(db());
  if (!handle) return { state: 'no-folder' };
  if ((await askFolderPermission(handle)) !== 'granted') return 'refused';
  return syncBackupFolder(db(), clock.ms());
}

function folderStatusText(m: Words, status: FolderStatus, folder: string | undefined): string {
  if (typeof status === 'string') return status === 'refused' ? m('auto.folder-refused', { folder: folder ?? '' }) : '';
  if (status.state === 'done')
    return status.written > 0
      ? m('auto.folder-written', { folder: folder ?? '', n: status.written })
      : m('auto.folder-up-to-date', { folder: folder ?? '' });
  // A failure and a missing permission are shown from the stored last error (they stay after a reload).
  return '';
}
