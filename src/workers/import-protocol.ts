// The messages between the import UI and the import worker. The worker parses; the UI writes only after the user confirms.
//
// Flow: `open` a file → `progress`… → JSON and Anki: `drafts` | CSV/TSV: `csv-preview`, then `map` with the
// (possibly edited) mapping → `drafts`. `separator` re-reads a CSV with another separator. Any problem →
// `failed` with issues naming file, row/card and field. `cancel` at any time → `cancelled`; nothing is written.
import type { SqlJsStatic } from 'sql.js';
import type { CsvMapping, CsvPreview } from '../domain/import/csv-mapping';
import type { DeckDraft, ImportIssue } from '../domain/import/draft';

/** decode/parse/build: JSON and CSV; unpack/notes/history/media: the .apkg reader's phases. */
export type ImportPhase = 'decode' | 'parse' | 'build' | 'unpack' | 'notes' | 'history' | 'media';

export type ImportRequest =
  /**
   * `bytes` is transferred, not copied: `worker.postMessage(msg, [msg.bytes])`. `now` (epoch ms, from the app's
   * clock): Anki reviews dated after it are left out.
   */
  | { type: 'open'; fileName: string; bytes: ArrayBuffer; includeScheduling: boolean; now: number }
  | { type: 'separator'; separator: string }
  | { type: 'map'; mapping: CsvMapping }
  | { type: 'cancel' };

export type ImportResponse =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'csv-preview'; preview: CsvPreview }
  | { type: 'drafts'; drafts: DeckDraft[]; warnings: string[] }
  | { type: 'failed'; issues: ImportIssue[] }
  | { type: 'cancelled' };

export type Post = (message: ImportResponse, transfer?: Transferable[]) => void;

/**
 * What the worker uses of the `.apkg` reader (`src/domain/import/anki-package.ts`, loaded only for Anki files).
 * It throws `ImportError` with the issues, or an error named `AbortError` once `signal.cancelled` is set.
 */
export interface AnkiReaderModule {
  readAnkiPackage(
    bytes: Uint8Array,
    opts: {
      fileName: string;
      includeScheduling: boolean;
      sql: SqlJsStatic;
      now: Date;
      onProgress?: (done: number, total: number, phase: 'unpack' | 'notes' | 'history' | 'media') => void;
      signal?: { cancelled: boolean };
    },
  ): Promise<{ drafts: DeckDraft[]; warnings: string[] }>;
}
