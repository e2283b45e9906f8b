// The import session's short-lived state (which step, progress, the CSV mapping being edited) and its actions.
//
// start → reading (worker parses, progress) → [CSV: csv (preview + mapping) → map] → checking → confirm → writing →
// done. Any failure → failed; Cancel while the worker works → cancelling → start (told "cancelled"). Nothing is
// written before the user presses Import on the confirm step, and then in one transaction (importDrafts).
import { createStore } from 'zustand/vanilla';
import { importDrafts, previewDrafts, type DeckImportResult } from '../../db/import-repo';
import type { DockdeckDB } from '../../db/database';
import type { Text } from '../../domain/deck-schema';
import type { CsvMapping, CsvPreview } from '../../domain/import/csv-mapping';
import { checkFileSize } from '../../domain/import/detect';
import { ImportError, type DeckDraft, type ImportIssue } from '../../domain/import/draft';
import type { ImportPreview } from '../../domain/import/preview';
import type { SchedulerSettings } from '../../domain/scheduler';
import type { ImportPhase, ImportResponse } from '../../workers/import-protocol';
import type { ImportClient, ImportClientFactory } from './import-client';

/** The worker's phases, and the main thread's: opening the file, comparing with the database, saving. */
export type ProgressPhase = ImportPhase | 'read' | 'check' | 'write';

export interface ImportProgress {
  phase: ProgressPhase;
  done: number;
  /** 0 when unknown: the bar is then indeterminate. */
  total: number;
}

export interface DoneDeck extends DeckImportResult {
  title: Text;
}

export type ImportStep =
  | { step: 'start'; notice: 'cancelled' | null }
  | { step: 'reading'; file: string; progress: ImportProgress; cancelling: boolean }
  | {
      step: 'csv';
      file: string;
      preview: CsvPreview;
      /** The separator the file was first read with (detected, or from Anki's `#separator:`). */
      detected: string;
      mapping: CsvMapping;
      /** Problems with the last mapping or separator tried (the user can change them and continue). */
      issues: ImportIssue[];
      /** The worker is re-reading (separator) or making cards (map). */
      busy: ImportProgress | null;
      /** The last separator could not be read: the preview is of the one before, Continue waits for a good one. */
      stale: boolean;
      cancelling: boolean;
    }
  | { step: 'confirm'; file: string; drafts: DeckDraft[]; warnings: string[]; preview: ImportPreview }
  | { step: 'writing'; file: string }
  | { step: 'done'; file: string; decks: DoneDeck[]; warnings: string[] }
  | { step: 'failed'; file: string; issues: ImportIssue[]; storage: boolean };

export interface ImportState {
  current: ImportStep;
  includeScheduling: boolean;
}

export interface ImportDeps {
  client: ImportClientFactory;
  db: () => DockdeckDB;
  now: () => number;
  settings: () => SchedulerSettings;
  /** Storage failures also go to the app-wide alert bar. */
  reportStorageError: (error: unknown) => void;
}

export interface ImportActions {
  setIncludeScheduling(on: boolean): void;
  openFile(file: File): Promise<void>;
  openText(text: string, fileName: string): void;
  setSeparator(separator: string): void;
  setMapping(change: Partial<CsvMapping>): void;
  continueCsv(): void;
  confirm(): Promise<void>;
  cancel(): void;
  reset(): void;
  dispose(): void;
}

export type ImportStore = ReturnType<typeof createImportStore>;

const isUnread = (s: ImportStep) => s.step === 'reading' && s.progress.phase === 'read';

export function createImportStore(deps: ImportDeps) {
  const store = createStore<ImportState>(() => ({
    current: { step: 'start', notice: null },
    includeScheduling: false,
  }));
  const get = () => store.getState().current;
  const set = (current: ImportStep) => store.setState({ current });
  /** Bumped whenever the session is abandoned: async work started before it drops its result. */
  let session = 0;
  let openedWith = { includeScheduling: false };

  const fail = (file: string, issues: ImportIssue[], storage = false) => set({ step: 'failed', file, issues, storage });

  async function check(file: string, drafts: DeckDraft[], warnings: string[]): Promise<void> {
    const mine = session;
    set({ step: 'reading', file, progress: { phase: 'check', done: 0, total: 0 }, cancelling: false });
    try {
      const preview = await previewDrafts(deps.db(), drafts, { includeScheduling: openedWith.includeScheduling, file });
      if (mine === session) set({ step: 'confirm', file, drafts, warnings, preview });
    } catch (e) {
      if (mine !== session) return;
      deps.reportStorageError(e);
      fail(
        file,
        [{ file, message: `could not be compared with your decks (${e instanceof Error ? e.message : String(e)})` }],
        true,
      );
    }
  }

  function onMessage(m: ImportResponse): void {
    const s = get();
    const cancelling = (s.step === 'reading' || s.step === 'csv') && s.cancelling;
    if (m.type === 'cancelled') {
      if (cancelling) set({ step: 'start', notice: 'cancelled' });
      return;
    }
    if (cancelling) return;
    if (s.step === 'reading' && !isUnread(s) && s.progress.phase !== 'check') {
      if (m.type === 'progress') set({ ...s, progress: { phase: m.phase, done: m.done, total: m.total } });
      else if (m.type === 'csv-preview')
        set({
          step: 'csv',
          file: s.file,
          preview: m.preview,
          detected: m.preview.separator,
          mapping: m.preview.mapping,
          issues: [],
          busy: null,
          stale: false,
          cancelling: false,
        });
      else if (m.type === 'drafts') void check(s.file, m.drafts, m.warnings);
      else fail(s.file, m.issues);
    } else if (s.step === 'csv' && s.busy) {
      if (m.type === 'progress') set({ ...s, busy: { phase: m.phase, done: m.done, total: m.total } });
      else if (m.type === 'csv-preview')
        set({ ...s, preview: m.preview, mapping: m.preview.mapping, issues: [], busy: null, stale: false });
      // A failed re-read leaves the worker without a table: Continue waits for a separator that reads.
      else if (m.type === 'failed') set({ ...s, issues: m.issues, busy: null, stale: s.busy.phase === 'parse' });
      else void check(s.file, m.drafts, m.warnings);
    }
  }

  const client: ImportClient = deps.client(onMessage);

  const actions: ImportActions = {
    setIncludeScheduling(on) {
      store.setState({ includeScheduling: on });
    },
    async openFile(file) {
      const tooBig = checkFileSize(file.name, file.size);
      session++;
      if (tooBig) return fail(file.name, [tooBig]);
      const mine = session;
      set({ step: 'reading', file: file.name, progress: { phase: 'read', done: 0, total: 0 }, cancelling: false });
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch (e) {
        if (mine === session)
          fail(file.name, [
            { file: file.name, message: `could not be read (${e instanceof Error ? e.message : String(e)})` },
          ]);
        return;
      }
      if (mine !== session) return;
      start(file.name, bytes);
    },
    openText(text, fileName) {
      session++;
      start(fileName, new TextEncoder().encode(text).buffer);
    },
    setSeparator(separator) {
      const s = get();
      if (s.step !== 'csv' || s.busy) return;
      set({ ...s, busy: { phase: 'parse', done: 0, total: 0 }, issues: [] });
      client.separator(separator);
    },
    setMapping(change) {
      const s = get();
      if (s.step !== 'csv' || s.busy) return;
      set({ ...s, mapping: { ...s.mapping, ...change }, issues: [] });
    },
    continueCsv() {
      const s = get();
      if (s.step !== 'csv' || s.busy || s.stale) return;
      set({ ...s, busy: { phase: 'build', done: 0, total: 0 }, issues: [] });
      client.map(s.mapping);
    },
    async confirm() {
      const s = get();
      if (s.step !== 'confirm' || s.preview.issues.length > 0) return;
      const mine = ++session;
      set({ step: 'writing', file: s.file });
      try {
        const results = await importDrafts(deps.db(), s.drafts, {
          now: deps.now(),
          includeScheduling: openedWith.includeScheduling,
          settings: deps.settings(),
          file: s.file,
        });
        if (mine !== session) return;
        const titles = new Map(s.drafts.map((d) => [d.deck.id, d.deck.title]));
        const decks = results.map((r) => ({ ...r, title: titles.get(r.deckId) ?? { en: r.deckId, zh: r.deckId } }));
        set({ step: 'done', file: s.file, decks, warnings: s.warnings });
      } catch (e) {
        if (mine !== session) return;
        if (e instanceof ImportError) return fail(s.file, e.issues);
        deps.reportStorageError(e);
        fail(
          s.file,
          [{ file: s.file, message: `could not be saved (${e instanceof Error ? e.message : String(e)})` }],
          true,
        );
      }
    },
    cancel() {
      const s = get();
      if ((s.step === 'reading' || s.step === 'csv') && s.cancelling) return;
      // Work on this side (opening the file, comparing) or nothing running: stop here and now.
      if ((s.step === 'reading' && (isUnread(s) || s.progress.phase === 'check')) || s.step === 'confirm') {
        session++;
        set({ step: 'start', notice: 'cancelled' });
        return;
      }
      if (s.step === 'reading' || s.step === 'csv') {
        set({ ...s, cancelling: true });
        client.cancel();
      }
    },
    reset() {
      const s = get();
      if (s.step === 'writing') return;
      if ((s.step === 'reading' || s.step === 'csv') && !s.cancelling) return actions.cancel();
      session++;
      set({ step: 'start', notice: null });
    },
    dispose() {
      session++;
      client.dispose();
    },
  };

  function start(fileName: string, bytes: ArrayBuffer): void {
    openedWith = { includeScheduling: store.getState().includeScheduling };
    set({
      step: 'reading',
      file: fileName,
      progress: { phase: 'decode', done: 0, total: bytes.byteLength },
      cancelling: false,
    });
    client.open({ fileName, bytes, includeScheduling: openedWith.includeScheduling, now: deps.now() });
  }

  return { store, actions };
}
