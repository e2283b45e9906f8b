// The import session: its short-lived state (the steps of import-steps.ts), the work behind them, the user's actions.
//
// start → reading (worker parses, progress) → [CSV: csv (preview + mapping) → map] → checking (stored decks read
// here, cards prepared in the worker) → confirm → writing (prepared cards come over, then one transaction:
// writePrepared) → done. Any failure → failed; Cancel while the worker works → cancelling → start (told
// "cancelled"). Nothing is written before the user presses Import on the confirm step.
import { createStore } from 'zustand/vanilla';
import { readStoredDecks, writePrepared } from '../../db/import-repo';
import type { DockdeckDB } from '../../db/database';
import { checkFileSize } from '../../formats/import/detect';
import { errorDetail, IssueError } from '../../domain/errors';
import type { Issue } from '../../domain/issue';
import { errorIssues } from '../../db/error-text';
import type { DraftSummary, PreparedDeck } from '../../formats/import/prepare';
import type { SchedulerSettings } from '../../domain/scheduler';
import type { ImportResponse } from '../../formats/import/protocol';
import type { ImportClient, ImportClientFactory } from './import-client';
import type { ImportActions, ImportState, ImportStep } from './import-steps';

export interface ImportDeps {
  client: ImportClientFactory;
  db: () => DockdeckDB;
  now: () => number;
  settings: () => SchedulerSettings;
  /** Storage failures also go to the app-wide alert bar. */
  reportStorageError: (error: unknown) => void;
}

export type ImportStore = ReturnType<typeof createImportStore>;

const isUnread = (s: ImportStep) => s.step === 'reading' && s.progress.phase === 'read';

/** The session's state and the work behind its steps; the user's actions on it are `importActions`. */
class ImportFlow {
  readonly store = createStore<ImportState>(() => ({
    current: { step: 'start', notice: null },
    includeScheduling: false,
  }));
  /** Bumped whenever the session is abandoned: async work started before it drops its result. */
  session = 0;
  /** What the worker parsed, between its `parsed` and its `preview`. */
  private parsed: { decks: DraftSummary[]; warnings: Issue[] } = { decks: [], warnings: [] };
  /** The prepared decks coming over from the worker after the user confirmed. */
  incoming: { session: number; decks: PreparedDeck[]; remove: ReadonlySet<string> } = {
    session: -1,
    decks: [],
    remove: new Set(),
  };
  readonly client: ImportClient;

  constructor(private readonly deps: ImportDeps) {
    this.client = deps.client((m) => this.onMessage(m));
  }

  get(): ImportStep {
    return this.store.getState().current;
  }

  set(current: ImportStep): void {
    this.store.setState({ current });
  }

  fail(file: string, issues: Issue[], storage = false): void {
    this.set({ step: 'failed', file, issues, storage });
  }

  /** Reads what is stored of the parsed decks, hands it to the worker, which prepares the cards and compares. */
  private async check(file: string, decks: DraftSummary[], warnings: Issue[]): Promise<void> {
    const mine = this.session;
    this.parsed = { decks, warnings };
    this.set({ step: 'reading', file, progress: { phase: 'check', done: 0, total: 0 }, cancelling: false });
    try {
      const stored = await readStoredDecks(
        this.deps.db(),
        decks.map((d) => d.deckId),
        (deckId, cards) => {
          if (mine === this.session) this.client.storedCards(deckId, cards);
        },
      );
      if (mine !== this.session) return;
      this.client.preview(stored, this.deps.settings());
      this.set({ step: 'reading', file, progress: { phase: 'prepare', done: 0, total: 0 }, cancelling: false });
    } catch (e) {
      if (mine !== this.session) return;
      this.deps.reportStorageError(e);
      this.fail(file, errorIssues(e, file), true);
    }
  }

  private onMessage(m: ImportResponse): void {
    const s = this.get();
    const cancelling = (s.step === 'reading' || s.step === 'csv') && s.cancelling;
    if (m.type === 'cancelled') {
      if (cancelling) this.set({ step: 'start', notice: 'cancelled' });
      return;
    }
    if (cancelling) return;
    if (s.step === 'writing') return void this.receive(s, m);
    if (s.step === 'reading' && !isUnread(s) && s.progress.phase !== 'check') {
      if (m.type === 'progress') this.set({ ...s, progress: { phase: m.phase, done: m.done, total: m.total } });
      else if (m.type === 'preview') {
        const { decks, warnings } = this.parsed;
        this.set({ step: 'confirm', file: s.file, decks, warnings, preview: m.preview, remove: [] });
      } else if (m.type === 'csv-preview')
        this.set({
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
      else if (m.type === 'parsed') void this.check(s.file, m.decks, m.warnings);
      else if (m.type === 'failed') this.fail(s.file, m.issues);
    } else if (s.step === 'csv' && s.busy) {
      if (m.type === 'progress') this.set({ ...s, busy: { phase: m.phase, done: m.done, total: m.total } });
      else if (m.type === 'csv-preview')
        this.set({ ...s, preview: m.preview, mapping: m.preview.mapping, issues: [], busy: null, stale: false });
      // A failed re-read leaves the worker without a table: Continue waits for a separator that reads.
      else if (m.type === 'failed') this.set({ ...s, issues: m.issues, busy: null, stale: s.busy.phase === 'parse' });
      else if (m.type === 'parsed') void this.check(s.file, m.decks, m.warnings);
    }
  }

  /** The prepared decks arrive a message at a time; once all are here they are written in one transaction. */
  private receive(s: Extract<ImportStep, { step: 'writing' }>, m: ImportResponse): void {
    const incoming = this.incoming;
    if (incoming.session !== this.session) return;
    if (m.type === 'deck') incoming.decks[m.index] = { ...m, cards: [] };
    else if (m.type === 'cards') {
      const deck = incoming.decks[m.index];
      if (deck) for (const card of m.cards) deck.cards.push(card);
    } else if (m.type === 'rows-done') void this.write(s.file, incoming.decks, incoming.remove);
    else if (m.type === 'failed') this.fail(s.file, m.issues);
  }

  private async write(file: string, decks: PreparedDeck[], removeMissing: ReadonlySet<string>): Promise<void> {
    const mine = this.session;
    this.incoming = { session: -1, decks: [], remove: new Set() };
    try {
      const results = await writePrepared(this.deps.db(), decks, {
        now: this.deps.now(),
        file,
        removeMissing,
        onProgress: (done, total) => {
          if (mine === this.session) this.set({ step: 'writing', file, progress: { phase: 'write', done, total } });
        },
      });
      if (mine !== this.session) return;
      const titles = new Map(decks.map((d) => [d.meta.id, d.meta.title]));
      const done = results.map((r) => ({ ...r, title: titles.get(r.deckId) ?? { en: r.deckId, zh: r.deckId } }));
      this.set({ step: 'done', file, decks: done, warnings: this.parsed.warnings });
    } catch (e) {
      if (mine !== this.session) return;
      // The file's own problems (a deck that would change a built-in one); anything else is the storage failing.
      if (e instanceof IssueError) return this.fail(file, [...e.issues]);
      this.deps.reportStorageError(e);
      this.fail(file, errorIssues(e, file), true);
    }
  }

  start(fileName: string, bytes: ArrayBuffer): void {
    this.set({
      step: 'reading',
      file: fileName,
      progress: { phase: 'decode', done: 0, total: bytes.byteLength },
      cancelling: false,
    });
    // The worker keeps the choice made when the file was opened (changing it later needs a new open).
    const includeScheduling = this.store.getState().includeScheduling;
    this.client.open({ fileName, bytes, includeScheduling, now: this.deps.now() });
  }
}

/** What the user does on the import screen, each a move of the flow's state. */
function importActions(flow: ImportFlow): ImportActions {
  const { client } = flow;
  const actions: ImportActions = {
    setIncludeScheduling(on) {
      flow.store.setState({ includeScheduling: on });
    },
    async openFile(file) {
      const tooBig = checkFileSize(file.name, file.size);
      flow.session++;
      if (tooBig) return flow.fail(file.name, [tooBig]);
      const mine = flow.session;
      flow.set({ step: 'reading', file: file.name, progress: { phase: 'read', done: 0, total: 0 }, cancelling: false });
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch (e) {
        if (mine === flow.session)
          flow.fail(file.name, [{ file: file.name, code: 'file.unreadable', params: { detail: errorDetail(e) } }]);
        return;
      }
      if (mine !== flow.session) return;
      flow.start(file.name, bytes);
    },
    openText(text, fileName) {
      flow.session++;
      flow.start(fileName, new TextEncoder().encode(text).buffer);
    },
    setSeparator(separator) {
      const s = flow.get();
      if (s.step !== 'csv' || s.busy) return;
      flow.set({ ...s, busy: { phase: 'parse', done: 0, total: 0 }, issues: [] });
      client.separator(separator);
    },
    setMapping(change) {
      const s = flow.get();
      if (s.step !== 'csv' || s.busy) return;
      flow.set({ ...s, mapping: { ...s.mapping, ...change }, issues: [] });
    },
    continueCsv() {
      const s = flow.get();
      if (s.step !== 'csv' || s.busy || s.stale) return;
      flow.set({ ...s, busy: { phase: 'build', done: 0, total: 0 }, issues: [] });
      client.map(s.mapping);
    },
    setRemoveMissing(deckId, on) {
      const s = flow.get();
      if (s.step !== 'confirm') return;
      const deck = s.preview.decks.find((d) => d.deckId === deckId);
      if (!deck?.removable) return;
      const rest = s.remove.filter((id) => id !== deckId);
      flow.set({ ...s, remove: on ? [...rest, deckId] : rest });
    },
    confirm() {
      const s = flow.get();
      if (s.step !== 'confirm' || s.preview.issues.length > 0) return;
      flow.incoming = { session: ++flow.session, decks: [], remove: new Set(s.remove) };
      flow.set({ step: 'writing', file: s.file, progress: { phase: 'write', done: 0, total: 0 } });
      client.rows();
    },
    cancel() {
      const s = flow.get();
      if ((s.step === 'reading' || s.step === 'csv') && s.cancelling) return;
      // Work on this side (opening the file, comparing) or nothing running: stop here and now.
      if (s.step === 'reading' && isUnread(s)) {
        flow.session++;
        flow.set({ step: 'start', notice: 'cancelled' });
        return;
      }
      // The worker holds the parsed (and maybe prepared) cards: it lets them go; its late answer is not waited for.
      if (
        (s.step === 'reading' && (s.progress.phase === 'check' || s.progress.phase === 'prepare')) ||
        s.step === 'confirm'
      ) {
        flow.session++;
        client.cancel();
        flow.set({ step: 'start', notice: 'cancelled' });
        return;
      }
      if (s.step === 'reading' || s.step === 'csv') {
        flow.set({ ...s, cancelling: true });
        client.cancel();
      }
    },
    reset() {
      const s = flow.get();
      if (s.step === 'writing') return;
      if ((s.step === 'reading' || s.step === 'csv') && !s.cancelling) return actions.cancel();
      flow.session++;
      flow.set({ step: 'start', notice: null });
    },
    dispose() {
      flow.session++;
      client.dispose();
    },
  };
  return actions;
}

export function createImportStore(deps: ImportDeps) {
  const flow = new ImportFlow(deps);
  return { store: flow.store, actions: importActions(flow) };
}
