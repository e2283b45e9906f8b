// A deck's export buttons: dockdeck JSON, tab-separated text, Anki .apkg (with or without scheduling), FSRS review log.
import { useId, useState } from 'react';
import { db } from '../../db/connection';
import {
  DeckNotFoundError,
  exportDeckCsv,
  exportDeckJson,
  exportDecksApkg,
  exportReviewLogCsv,
} from '../../db/export-repo';
import type { ExportLang } from '../../formats/anki/card-html';
import { clock } from '../../lib/clock';
import { useMessages, type UiLang } from '../../lib/i18n';
import { loadSql } from '../../lib/sql-loader';
import { CONTENT_TYPES, downloadFile } from '../../lib/download';
import { exportMessages } from './export-messages';

type Kind = 'json' | 'csv' | 'apkg' | 'revlog';

interface Made {
  data: string | Uint8Array;
  fileName: string;
  type: string;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; what: Kind }
  | { kind: 'done'; file: string }
  /** `missing`: the deck was deleted meanwhile; otherwise something failed to load or read (logged). */
  | { kind: 'failed'; missing: boolean };

const LANGS: readonly ExportLang[] = ['en', 'zh', 'both'];

export function ExportPanel({ deckId, studyLang }: { deckId: string; studyLang: UiLang }) {
  const m = useMessages(exportMessages);
  const id = useId();
  const [lang, setLang] = useState<ExportLang>(studyLang);
  const [scheduling, setScheduling] = useState(true);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const makers: Record<Kind, () => Promise<Made>> = {
    json: async () => {
      const r = await exportDeckJson(db(), deckId);
      return { data: r.text, fileName: r.fileName, type: CONTENT_TYPES.json };
    },
    csv: async () => {
      const r = await exportDeckCsv(db(), deckId, lang);
      return { data: r.text, fileName: r.fileName, type: CONTENT_TYPES.text };
    },
    apkg: async () => {
      const SQL = await loadSql();
      const r = await exportDecksApkg(db(), [deckId], SQL, { lang, scheduling, now: clock.ms() });
      return { data: r.bytes, fileName: r.fileName, type: CONTENT_TYPES.apkg };
    },
    revlog: async () => {
      const r = await exportReviewLogCsv(db(), deckId);
      return { data: r.csv, fileName: r.fileName, type: CONTENT_TYPES.csv };
    },
  };

  async function run(what: Kind) {
    setStatus({ kind: 'working', what });
    try {
      const made = await makers[what]();
      downloadFile(made.data, made.fileName, made.type);
      setStatus({ kind: 'done', file: made.fileName });
    } catch (e) {
      // Exports only read: whatever went wrong (a deck deleted meanwhile, sql.js failing to load) is said here, in the
      // user's language; the error itself (in the browser's words) goes to the console.
      if (!(e instanceof DeckNotFoundError)) console.error(e);
      setStatus({ kind: 'failed', missing: e instanceof DeckNotFoundError });
    }
  }

  const busy = status.kind === 'working';
  const button = (what: Kind, label: string, help: string) => (
    <li className="export-item">
      <button
        type="button"
        onClick={() => void run(what)}
        disabled={busy}
        aria-describedby={`${id}-${what}-help`}
        data-export={what}
      >
        {label}
      </button>
      <span className="help" id={`${id}-${what}-help`}>
        {help}
      </span>
    </li>
  );

  return (
    <section className="export-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m('export.heading')}</h2>
      <p className="help">{m('export.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-lang`}>{m('export.lang')}</label>
        <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.currentTarget.value as ExportLang)}>
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {m(`export.lang.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <ul className="export-list">
        {button('json', m('export.json'), m('export.json-help'))}
        {button('csv', m('export.csv'), m('export.csv-help'))}
        <li className="export-item">
          <button
            type="button"
            onClick={() => void run('apkg')}
            disabled={busy}
            aria-describedby={`${id}-apkg-help`}
            data-export="apkg"
          >
            {m('export.apkg')}
          </button>
          <span className="help" id={`${id}-apkg-help`}>
            {m('export.apkg-help')}
          </span>
          <span className="field checkbox">
            <input
              id={`${id}-sched`}
              type="checkbox"
              checked={scheduling}
              onChange={(e) => setScheduling(e.currentTarget.checked)}
            />
            <label htmlFor={`${id}-sched`}>{m('export.apkg-scheduling')}</label>
          </span>
        </li>
        {button('revlog', m('export.revlog'), m('export.revlog-help'))}
      </ul>
      <p className="export-status" role="status" aria-live="polite">
        {status.kind === 'working' && m('export.working')}
        {status.kind === 'done' && m('export.done', { file: status.file })}
      </p>
      {status.kind === 'failed' && (
        <p className="error" role="alert">
          {m(status.missing ? 'export.failed-missing' : 'export.failed')}
        </p>
      )}
    </section>
  );
}
