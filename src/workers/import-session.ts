// The import worker's logic, without the Worker global: detect, parse, map and build drafts, with progress and cancel.
import type { SqlJsStatic } from 'sql.js';
import { buildCsvDrafts } from '../formats/csv/read-cards';
import { parseCsvText, type CsvTable } from '../formats/csv/parse';
import { csvPreview } from '../formats/csv/mapping';
import { detectImport } from '../formats/import/detect';
import { CancelledError, errorIssues } from '../domain/errors';
import type { Issue, IssueCode } from '../domain/issue';
import type { DeckDraft } from '../formats/import/draft';
import { parseDockdeckJson } from '../formats/dockdeck/read';
import { draftSummary, prepareDraft, type PreparedDeck } from '../formats/import/prepare';
import { previewImport, type StoredDeck } from '../formats/import/preview';
import type { ProgressHook } from '../formats/import/progress';
import {
  ROWS_PER_MESSAGE,
  type AnkiReaderModule,
  type ImportPhase,
  type ImportRequest,
  type ImportResponse,
  type Post,
} from '../formats/import/protocol';

export interface ImportSessionDeps {
  /** Lets queued messages (a `cancel`) be handled: a macrotask in the worker. */
  yieldToEvents: () => Promise<void>;
  /** The `.apkg` reader, loaded only when an Anki file is opened. */
  loadAnkiReader: () => Promise<AnkiReaderModule>;
  /** sql.js, initialised, for the Anki reader. */
  loadSql: () => Promise<SqlJsStatic>;
}

const defaults: ImportSessionDeps = {
  yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
  loadAnkiReader: () => import('../formats/anki/read-package'),
  loadSql: () => Promise.reject(new Error('sql.js is not available')),
};

interface OpenFile {
  fileName: string;
  includeScheduling: boolean;
  /** The app's clock when the file was opened: imported answers after it are left out. */
  now: number;
  /** Kept so the CSV can be read again with another separator. */
  text?: string;
  table?: CsvTable;
  /** The parsed decks, kept here until the user confirms (the UI gets only their summaries). */
  drafts?: DeckDraft[];
  /** Stored cards' content hashes by deck id, as the UI hands them over for the preview. */
  stored: Map<string, Array<StoredDeck['cards'][number]>>;
  /** The drafts made ready to write, once previewed. */
  prepared?: PreparedDeck[];
}

export interface ImportSession {
  /** Handles one message; resolves when its answer has been posted. */
  handle(message: ImportRequest): Promise<void>;
}

/**
 * One import at a time: `open` replaces the previous file. Messages run in order; `cancel` acts at once: the
 * running step stops at its next progress point and answers `cancelled`, and steps still queued are skipped.
 */
export function createImportSession(post: Post, deps: Partial<ImportSessionDeps> = {}): ImportSession {
  const d = { ...defaults, ...deps };
  let current: OpenFile | null = null;
  /** Bumped by `cancel`: work started under an older generation stops, and its answers are dropped. */
  let generation = 0;
  /** Steps queued or running; the last one to end after a cancel answers `cancelled`, once. */
  let pending = 0;
  let cancelAnswered = true;
  let queue: Promise<void> = Promise.resolve();

  /** The running step's signal for the Anki reader, which checks it between batches. */
  let signal = { cancelled: false };

  async function run(msg: Exclude<ImportRequest, { type: 'cancel' }>, gen: number): Promise<void> {
    signal = { cancelled: gen !== generation };
    const send: Post = (m, t) => {
      if (gen === generation) post(m, t);
    };
    const hook =
      (phase: ImportPhase): ProgressHook =>
      async (done, total) => {
        send({ type: 'progress', phase, done, total });
        await d.yieldToEvents();
        if (gen !== generation) throw new CancelledError();
      };
    const failed = (issues: Issue[]) => send({ type: 'failed', issues });
    /** A message that came before its step (the UI's bug, not the file's). */
    const early = (code: IssueCode) => failed([{ file: current?.fileName ?? 'import', code }]);
    const drafts = (file: OpenFile, list: DeckDraft[], warnings: Issue[] = []) => {
      file.drafts = list;
      file.stored.clear();
      delete file.prepared;
      send({ type: 'parsed', decks: list.map(draftSummary), warnings });
    };

    async function previewCsv(file: OpenFile, separator?: string): Promise<void> {
      const parsed = await parseCsvText(file.fileName, file.text ?? '', {
        ...(separator === undefined ? {} : { separator }),
        onProgress: hook('parse'),
      });
      if (!parsed.ok) {
        delete file.table;
        return failed(parsed.issues);
      }
      file.table = parsed.value;
      send({ type: 'csv-preview', preview: csvPreview(parsed.value) });
    }

    async function open(m: Extract<ImportRequest, { type: 'open' }>): Promise<void> {
      const file: OpenFile = {
        fileName: m.fileName,
        includeScheduling: m.includeScheduling,
        now: m.now,
        stored: new Map(),
      };
      current = file;
      const bytes = new Uint8Array(m.bytes);
      send({ type: 'progress', phase: 'decode', done: 0, total: bytes.byteLength });
      const detected = detectImport(m.fileName, bytes);
      if (!detected.ok) return failed(detected.issues);
      const found = detected.detected;
      await hook('decode')(bytes.byteLength, bytes.byteLength);
      if (found.kind !== 'anki') {
        if (found.kind === 'csv') {
          file.text = found.text;
          return previewCsv(file);
        }
        const parsed = parseDockdeckJson(found.file, found.text);
        return parsed.ok ? drafts(file, parsed.value) : failed(parsed.issues);
      }
      // The .apkg reader (src/formats/anki/read-package.ts) is loaded lazily.
      const reader = await d.loadAnkiReader();
      // The reader yields between batches (through the worker's yieldToEvents) and stops when the signal says so.
      const result = await reader.readAnkiPackage(found.bytes, {
        fileName: m.fileName,
        includeScheduling: m.includeScheduling,
        sql: await d.loadSql(),
        now: new Date(m.now),
        onProgress: (done, total, phase) => send({ type: 'progress', phase, done, total }),
        signal,
        yieldToEvents: d.yieldToEvents,
      });
      return drafts(file, result.drafts, result.warnings);
    }

    async function preview(file: OpenFile, m: Extract<ImportRequest, { type: 'preview' }>): Promise<void> {
      const list = file.drafts ?? [];
      const total = list.reduce((n, d) => n + d.deck.cards.length, 0);
      const progress = hook('prepare');
      await progress(0, total);
      const prepared: PreparedDeck[] = [];
      let done = 0;
      for (const draft of list) {
        prepared.push(
          prepareDraft(draft, { now: file.now, includeScheduling: file.includeScheduling, settings: m.settings }),
        );
        done += draft.deck.cards.length;
        await progress(done, total);
      }
      file.prepared = prepared;
      const stored = new Map(m.decks.map((d) => [d.id, { ...d, cards: file.stored.get(d.id) ?? [] }]));
      send({ type: 'preview', preview: previewImport(file.fileName, prepared, stored) });
    }

    /** The prepared decks to the UI in messages it can take in a short task each; then the file is let go. */
    function rows(file: OpenFile, prepared: PreparedDeck[]): void {
      for (const [index, deck] of prepared.entries()) {
        const buffers = new Set<ArrayBuffer>();
        for (const m of deck.media) if (m.data.buffer instanceof ArrayBuffer) buffers.add(m.data.buffer);
        const head: ImportResponse = {
          type: 'deck',
          index,
          meta: deck.meta,
          format: deck.format,
          hash: deck.hash,
          media: deck.media,
        };
        send(head, [...buffers]);
        for (let at = 0; at < deck.cards.length; at += ROWS_PER_MESSAGE)
          send({ type: 'cards', index, cards: deck.cards.slice(at, at + ROWS_PER_MESSAGE) });
      }
      send({ type: 'rows-done' });
      if (current === file) current = null;
    }

    try {
      if (gen !== generation) return;
      if (msg.type === 'open') return await open(msg);
      const file = current;
      if (msg.type === 'stored-cards') {
        const list = file?.stored.get(msg.deckId);
        if (list) list.push(...msg.cards);
        else file?.stored.set(msg.deckId, [...msg.cards]);
        return;
      }
      if (msg.type === 'preview') {
        if (!file?.drafts) return early('import.not-read');
        return await preview(file, msg);
      }
      if (msg.type === 'rows') {
        if (!file?.prepared) return early('import.not-checked');
        return rows(file, file.prepared);
      }
      if (msg.type === 'separator') {
        if (!file?.text) return early('import.no-csv');
        return await previewCsv(file, msg.separator);
      }
      if (!file?.table) return early('import.no-csv');
      const built = await buildCsvDrafts(file.table, msg.mapping, hook('build'));
      return built.ok ? drafts(file, built.value.drafts, built.value.warnings) : failed(built.issues);
    } catch (e) {
      // A cancel: the step that stopped answers nothing (the last one to stop answers `cancelled`).
      if (e instanceof CancelledError) return;
      // The file's problems (an IssueError), or an unexpected failure while reading it.
      return failed(errorIssues(e, msg.type === 'open' ? msg.fileName : (current?.fileName ?? 'import')));
    } finally {
      pending--;
      if (gen !== generation && pending === 0 && !cancelAnswered) {
        cancelAnswered = true;
        post({ type: 'cancelled' });
      }
    }
  }

  return {
    handle(message) {
      if (message.type === 'cancel') {
        generation++;
        signal.cancelled = true;
        current = null;
        cancelAnswered = false;
        // Nothing queued or running: answer now; otherwise the last step to stop answers.
        if (pending === 0) {
          cancelAnswered = true;
          post({ type: 'cancelled' });
        }
        return Promise.resolve();
      }
      pending++;
      const gen = generation;
      const step = queue.then(() => run(message, gen));
      queue = step;
      return step;
    },
  };
}
