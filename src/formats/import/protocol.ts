// The messages between the import UI and the import worker. The worker parses; the UI writes only after the user confirms.
//
// Flow: `open` a file → `progress`… → JSON and Anki: `parsed` | CSV/TSV: `csv-preview`, then `map` with the
// (possibly edited) mapping → `parsed`. `separator` re-reads a CSV with another separator. Then the UI reads what
// is stored of those decks and hands it over (`stored-cards`…, `preview`) → the worker prepares the cards (expand,
// hash, replay history) → `preview` ("N new, M changed, K removed"). When the user confirms: `rows` → `deck` and
// `cards`… for each deck → `rows-done`, and the UI writes them in one transaction. The drafts stay in the worker:
// the UI never holds a big file's cards before the user confirms. Any problem → `failed` with issues naming file,
// row/card and field. `cancel` at any time → `cancelled`; nothing is written.
import type { readAnkiPackage } from '../anki/read-package';
import type { CsvMapping, CsvPreview } from '../csv/mapping';
import type { Issue } from '../../domain/issue';
import type { ImportedMedia, ImportFormat } from './draft';
import type { DeckMeta, DraftSummary, PreparedCard } from './prepare';
import type { ImportPreview, StoredDeck } from './preview';
import type { SchedulerSettings } from '../../domain/scheduler';

/** decode/parse/build: JSON and CSV; unpack/notes/history/media: the .apkg reader's phases. */
export type ImportPhase = 'decode' | 'parse' | 'build' | 'unpack' | 'notes' | 'history' | 'media' | 'prepare';

/** Prepared cards are sent to the UI this many at a time: each message is cheap to receive. */
export const ROWS_PER_MESSAGE = 250;

export type ImportRequest =
  /**
   * `bytes` is transferred, not copied: `worker.postMessage(msg, [msg.bytes])`. `now` (epoch ms, from the app's
   * clock): Anki reviews dated after it are left out.
   */
  | { type: 'open'; fileName: string; bytes: ArrayBuffer; includeScheduling: boolean; now: number }
  | { type: 'separator'; separator: string }
  | { type: 'map'; mapping: CsvMapping }
  /** Content hashes of a stored deck's cards, a page at a time (before `preview`). */
  | { type: 'stored-cards'; deckId: string; cards: StoredDeck['cards'] }
  /** The stored decks among those parsed (their cards came in `stored-cards`); scheduler settings for the replay. */
  | { type: 'preview'; decks: Array<Omit<StoredDeck, 'cards'>>; settings: SchedulerSettings }
  /** The user confirmed: send the prepared decks. */
  | { type: 'rows' }
  | { type: 'cancel' };

export type ImportResponse =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'csv-preview'; preview: CsvPreview }
  /** `warnings`: what the reading left out or changed (`warn.*` issues), shown before the user confirms. */
  | { type: 'parsed'; decks: DraftSummary[]; warnings: Issue[] }
  | { type: 'preview'; preview: ImportPreview }
  /** A prepared deck without its cards (media buffers are transferred); its `cards` messages follow. */
  | { type: 'deck'; index: number; meta: DeckMeta; format: ImportFormat; hash: string; media: ImportedMedia[] }
  | { type: 'cards'; index: number; cards: PreparedCard[] }
  | { type: 'rows-done' }
  | { type: 'failed'; issues: Issue[] }
  | { type: 'cancelled' };

export type Post = (message: ImportResponse, transfer?: Transferable[]) => void;

/**
 * What the worker uses of the `.apkg` reader (`src/formats/anki/read-package.ts`, loaded only for Anki files).
 * It throws `IssueError` with the issues, or `CancelledError` once `signal.cancelled` is set (src/domain/errors.ts).
 */
export interface AnkiReaderModule {
  readAnkiPackage: typeof readAnkiPackage;
}
