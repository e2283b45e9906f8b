// The import screen (#/import): pick, drop or paste → progress → CSV columns → confirm → done, or what went wrong.
import { useContext, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { db, reportStorageError } from '../../db/connection';
import { useSettings } from '../../db/react/use-settings';
import { clock } from '../../lib/clock';
import { useMessages, useUiLang } from '../../lib/i18n';
import { ImportClientContext } from './import-client';
import { ImportConfirm, ImportWarnings } from './import-confirm';
import { ImportCsv } from './import-csv';
import { useFocusHeading } from './import-focus';
import { ImportIssues } from './import-issues';
import { importMessages } from './import-messages';
import { ImportProgressBar } from './import-progress';
import { ImportSource } from './import-source';
import { createImportStore } from './import-store';
import type { ImportActions, ImportStep } from './import-steps';

export interface ImportLinks {
  study(deckId: string): string;
  deck(deckId: string): string;
  library: string;
}

export function ImportScreen({ links }: { links: ImportLinks }) {
  const m = useMessages(importMessages);
  const factory = useContext(ImportClientContext);
  const { settings } = useSettings();
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const [{ store, actions }] = useState(() =>
    createImportStore({
      client: factory,
      db,
      now: () => clock.ms(),
      settings: () => settingsRef.current.scheduler,
      reportStorageError,
    }),
  );
  const current = useStore(store, (s) => s.current);
  const includeScheduling = useStore(store, (s) => s.includeScheduling);
  const returning = useRef(false);

  useEffect(() => () => actions.dispose(), [actions]);
  useEffect(() => {
    if (current.step !== 'start') returning.current = true;
  }, [current.step]);
  // The whole page accepts dragged files (the start step takes them); elsewhere a drop must not open the file in the tab.
  useEffect(() => {
    const onDrag = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = store.getState().current.step === 'start' ? 'copy' : 'none';
    };
    const onDrop = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    document.addEventListener('dragover', onDrag);
    document.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('dragover', onDrag);
      document.removeEventListener('drop', onDrop);
    };
  }, [store]);
  // Esc cancels whatever is in progress or waiting for confirmation (not the write: it is one transaction).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const step = store.getState().current.step;
      if (step === 'reading' || step === 'csv' || step === 'confirm') {
        e.preventDefault();
        actions.cancel();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, actions]);

  return (
    <section className="import" aria-labelledby="import-title" data-step={current.step}>
      <h1 id="import-title">{m('import.heading')}</h1>
      {current.step === 'start' && (
        <>
          <p className="help">{m('import.intro')}</p>
          <ImportSource
            includeScheduling={includeScheduling}
            onIncludeScheduling={actions.setIncludeScheduling}
            onFile={(f) => void actions.openFile(f)}
            onText={actions.openText}
            notice={current.notice}
            autoFocus={returning.current}
          />
          <p>
            <a href={links.library}>{m('import.back-to-decks')}</a>
          </p>
        </>
      )}
      {current.step !== 'start' && <Step key={stepKey(current)} state={current} actions={actions} links={links} />}
    </section>
  );
}

/** Steps remount (and take focus) when the step changes, not on every progress message. */
function stepKey(s: ImportStep): string {
  return s.step === 'reading' && s.progress.phase === 'check' ? 'checking' : s.step;
}

function Step({
  state,
  actions,
  links,
}: {
  state: Exclude<ImportStep, { step: 'start' }>;
  actions: ImportActions;
  links: ImportLinks;
}) {
  const m = useMessages(importMessages);
  const heading = useFocusHeading<HTMLHeadingElement>();
  switch (state.step) {
    case 'reading':
      return (
        <div className="import-reading">
          <h2 ref={heading} tabIndex={-1}>
            {m('import.reading-heading', { file: state.file })}
          </h2>
          <ImportProgressBar progress={state.progress} onCancel={actions.cancel} cancelling={state.cancelling} />
        </div>
      );
    case 'csv':
      return (
        <ImportCsv
          state={state}
          onSeparator={actions.setSeparator}
          onMapping={actions.setMapping}
          onContinue={actions.continueCsv}
          onCancel={actions.cancel}
        />
      );
    case 'confirm':
      return (
        <ImportConfirm
          state={state}
          onImport={actions.confirm}
          onCancel={actions.cancel}
          onRemoveMissing={actions.setRemoveMissing}
        />
      );
    case 'writing':
      return (
        <div className="import-writing">
          <h2 ref={heading} tabIndex={-1}>
            {m('import.writing-heading', { file: state.file })}
          </h2>
          <ImportProgressBar progress={state.progress} />
        </div>
      );
    case 'done':
      return <ImportDone state={state} onAnother={actions.reset} links={links} />;
    case 'failed':
      return (
        <div className="import-failed" role="alert">
          <h2 ref={heading} tabIndex={-1}>
            {m('import.failed-heading', { file: state.file })}
          </h2>
          <p>{state.storage ? m('import.failed-storage') : m('import.failed-intro')}</p>
          <ImportIssues issues={state.issues} />
          <div className="import-actions">
            <button type="button" className="primary" onClick={actions.reset}>
              {m('import.try-again')}
            </button>
            <a href={links.library}>{m('import.back-to-decks')}</a>
          </div>
        </div>
      );
  }
}

function ImportDone({
  state,
  onAnother,
  links,
}: {
  state: Extract<ImportStep, { step: 'done' }>;
  onAnother(): void;
  links: ImportLinks;
}) {
  const m = useMessages(importMessages);
  const lang = useUiLang();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const scheduled = state.decks.reduce((n, d) => n + d.scheduled, 0);
  const reviews = state.decks.reduce((n, d) => n + d.reviews, 0);
  return (
    <div className="import-done">
      <h2 ref={heading} tabIndex={-1} role="status">
        {m('import.done-heading', { file: state.file })}
      </h2>
      <ul className="import-decks">
        {state.decks.map((d) => {
          const title = d.title[lang];
          return (
            <li key={d.deckId} data-deck-id={d.deckId} className="import-deck">
              <p>
                {d.skipped
                  ? m('import.done-skipped', { deck: title })
                  : m('import.done-deck', { deck: title, added: d.added, changed: d.changed, removed: d.removed })}
              </p>
              <p className="import-actions">
                <a className="button primary" href={links.study(d.deckId)}>
                  {m('import.study', { deck: title })}
                </a>
                <a href={links.deck(d.deckId)}>{m('import.deck-page')}</a>
              </p>
            </li>
          );
        })}
      </ul>
      {scheduled > 0 && <p>{m('import.done-reviews', { n: scheduled, m: reviews })}</p>}
      <ImportWarnings warnings={state.warnings} />
      <div className="import-actions">
        <button type="button" onClick={onAnother}>
          {m('import.another')}
        </button>
        <a href={links.library}>{m('import.back-to-decks')}</a>
      </div>
    </div>
  );
}
