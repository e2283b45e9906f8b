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

/** What a running step uses: its answers (dropped once it is cancelled), its progress hook, the reader's signal. */
interface Step {
  deps: ImportSessionDeps;
  send: Post;
  /** Posts progress, yields (so a `cancel` can arrive), then throws `CancelledError` if it did. */
  hook: (phase: ImportPhase) => ProgressHook;
  signal: { cancelled: boolean };
}

const failed = (step: Step, issues: Issue[]) => step.send({ type: 'failed', issues });

function parsed(step: Step, file: OpenFile, list: DeckDraft[], warnings: Issue[] = []): void {
  file.drafts = list;
  file.stored.clear();
  delete file.prepared;
  step.send({ type: 'parsed', decks: list.map(draftSummary), warnings });
}

async function previewCsv(step: Step, file: OpenFile, separator?: string): Promise<void> {
  const table = await parseCsvText(file.fileName, file.text ?? '', {
    ...(separator === undefined ? {} : { separator }),
    onProgress: step.hook('parse'),
  });
  if (!table.ok) {
    delete file.table;
    return failed(step, table.issues);
  }
  file.table = table.value;
  step.send({ type: 'csv-preview', preview: csvPreview(table.value) });
}

/** Reads the file just opened: a CSV's columns to check, or a deck file's or an Anki package's drafts. */
async function read(step: Step, file: OpenFile, m: Extract<ImportRequest, { type: 'open' }>): Promise<void> {
  const bytes = new Uint8Array(m.bytes);
  step.send({ type: 'progress', phase: 'decode', done: 0, total: bytes.byteLength });
  const detected = detectImport(m.fileName, bytes);
  if (!detected.ok) return failed(step, detected.issues);
  const found = detected.detected;
  await step.hook('decode')(bytes.byteLength, bytes.byteLength);
  if (found.kind !== 'anki') {
    if (found.kind === 'csv') {
      file.text = found.text;
      return previewCsv(step, file);
    }
    const deck = parseDockdeckJson(found.file, found.text);
    return deck.ok ? parsed(step, file, deck.value) : failed(step, deck.issues);
  }
  // The .apkg reader (src/formats/anki/read-package.ts) is loaded lazily.
  const reader = await step.deps.loadAnkiReader();
  // The reader yields between batches (through the worker's yieldToEvents) and stops when the signal says so.
  const result = await reader.readAnkiPackage(found.bytes, {
    fileName: m.fileName,
    includeScheduling: m.includeScheduling,
    sql: await step.deps.loadSql(),
    now: new Date(m.now),
    onProgress: (done, total, phase) => step.send({ type: 'progress', phase, done, total }),
    signal: step.signal,
    yieldToEvents: step.deps.yieldToEvents,
  });
  parsed(step, file, result.drafts, result.warnings);
}

/** Prepares the drafts (expand, hash, replay history) and compares them with the stored decks. */
async function preview(step: Step, file: OpenFile, m: Extract<ImportRequest, { type: 'preview' }>): Promise<void> {
  const list = file.drafts ?? [];
  const total = list.reduce((n, d) => n + d.deck.cards.length, 0);
  const progress = step.hook('prepare');
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
  step.send({ type: 'preview', preview: previewImport(file.fileName, prepared, stored) });
}

/** The prepared decks to the UI in messages it can take in a short task each. */
function sendRows(step: Step, prepared: PreparedDeck[]): void {
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
    step.send(head, [...buffers]);
    for (let at = 0; at < deck.cards.length; at += ROWS_PER_MESSAGE)
      step.send({ type: 'cards', index, cards: deck.cards.slice(at, at + ROWS_PER_MESSAGE) });
  }
  step.send({ type: 'rows-done' });
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

  /** One message's step on the open file. */
  async function handleStep(step: Step, msg: Exclude<ImportRequest, { type: 'cancel' }>): Promise<void> {
    /** A message that came before its step (the UI's bug, not the file's). */
    const early = (code: IssueCode) => failed(step, [{ file: current?.fileName ?? 'import', code }]);
    if (msg.type === 'open') {
      const file: OpenFile = {
        fileName: msg.fileName,
        includeScheduling: msg.includeScheduling,
        now: msg.now,
        stored: new Map(),
      };
      current = file;
      return read(step, file, msg);
    }
    const file = current;
    switch (msg.type) {
      case 'stored-cards': {
        const list = file?.stored.get(msg.deckId);
        if (list) list.push(...msg.cards);
        else file?.stored.set(msg.deckId, [...msg.cards]);
        return;
      }
      case 'preview':
        return file?.drafts ? preview(step, file, msg) : early('import.not-read');
      case 'rows':
        if (!file?.prepared) return early('import.not-checked');
        sendRows(step, file.prepared);
        // The file is let go: its cards are with the UI now.
        if (current === file) current = null;
        return;
      case 'separator':
        return file?.text ? previewCsv(step, file, msg.separator) : early('import.no-csv');
      case 'map': {
        if (!file?.table) return early('import.no-csv');
        const built = await buildCsvDrafts(file.table, msg.mapping, step.hook('build'));
        return built.ok ? parsed(step, file, built.value.drafts, built.value.warnings) : failed(step, built.issues);
      }
    }
  }

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
    const step: Step = { deps: d, send, hook, signal };
    try {
      if (gen !== generation) return;
      await handleStep(step, msg);
    } catch (e) {
      // A cancel: the step that stopped answers nothing (the last one to stop answers `cancelled`).
      if (e instanceof CancelledError) return;
      // The file's problems (an IssueError), or an unexpected failure while reading it.
      failed(step, errorIssues(e, msg.type === 'open' ? msg.fileName : (current?.fileName ?? 'import')));
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
