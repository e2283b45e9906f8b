// The import session's steps as the screen shows them (which step, its progress, the CSV mapping being edited), and
// what the user can do on them; the session itself is import-store.ts.
import type { DeckImportResult } from '../../db/import-repo';
import type { Text } from '../../domain/deck-schema';
import type { Issue } from '../../domain/issue';
import type { CsvMapping, CsvPreview } from '../../formats/csv/mapping';
import type { DraftSummary } from '../../formats/import/prepare';
import type { ImportPreview } from '../../formats/import/preview';
import type { ImportPhase } from '../../formats/import/protocol';

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
      issues: Issue[];
      /** The worker is re-reading (separator) or making cards (map). */
      busy: ImportProgress | null;
      /** The last separator could not be read: the preview is of the one before, Continue waits for a good one. */
      stale: boolean;
      cancelling: boolean;
    }
  | {
      step: 'confirm';
      file: string;
      decks: DraftSummary[];
      warnings: Issue[];
      preview: ImportPreview;
      /** Decks whose cards missing from the file the user chose to remove (only `removable` ones; none by default). */
      remove: string[];
    }
  /** `progress`: cards written of all (total 0 while the prepared cards come over from the worker). */
  | { step: 'writing'; file: string; progress: ImportProgress }
  | { step: 'done'; file: string; decks: DoneDeck[]; warnings: Issue[] }
  | { step: 'failed'; file: string; issues: Issue[]; storage: boolean };

export interface ImportState {
  current: ImportStep;
  includeScheduling: boolean;
}

export interface ImportActions {
  setIncludeScheduling(on: boolean): void;
  openFile(file: File): Promise<void>;
  openText(text: string, fileName: string): void;
  setSeparator(separator: string): void;
  setMapping(change: Partial<CsvMapping>): void;
  continueCsv(): void;
  /** On the confirm step: also remove the deck's cards that the file no longer has (a dockdeck deck file only). */
  setRemoveMissing(deckId: string, on: boolean): void;
  /** Asks the worker for the prepared cards and writes them when they are all here. */
  confirm(): void;
  cancel(): void;
  reset(): void;
  dispose(): void;
}
