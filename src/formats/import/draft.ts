// What every importer produces (dockdeck JSON, CSV/TSV, Anki packages) and what the database write consumes.
// Parsers are pure: bytes in, drafts or issues out. Nothing is written until the user confirms the preview.
import type { Deck } from '../../domain/deck-schema';
import type { CardStateValue, RatingName } from '../../domain/scheduler';

export type ImportFormat = 'json' | 'csv' | 'anki';

export interface ImportedMedia {
  /** The name card HTML uses for it (`<img src="name">`, `[sound:name]`). */
  name: string;
  /** MIME type, from the file name or the bytes. */
  type: string;
  data: Uint8Array;
}

/** One answer from the imported review history (Anki revlog), keyed by the study card it belongs to. */
export interface ImportedReview {
  /** Study card id as `expandDeck` makes it: `deckId/cardId[:part]`. */
  cardId: string;
  /** Epoch ms. */
  review: number;
  /** Anki's "manual" entries (rescheduled, reset…) are kept as 'manual'. */
  rating: RatingName | 'manual';
  durationMs: number;
  /**
   * For 'manual' entries, when the reader knows what the entry did (ts-fsrs needs this to replay it): the state
   * after it (`CardState.New` for Anki's Forget/Reset) and, for any other state, the due date it set (epoch ms,
   * e.g. Anki's "Set due date"). Manual entries without it are skipped, as ts-fsrs skips manual entries by default.
   */
  manual?: { state: CardStateValue; due?: number };
}

/**
 * One deck ready to be written. `deck` is a valid `dockdeck/deck@1` deck (the same schema as the built-in
 * decks): text of one-language sources is put in both `en` and `zh`, and each card's `source` names the
 * imported file (`doc`) and the deck or sheet it came from (`section`).
 */
export interface DeckDraft {
  deck: Deck;
  format: ImportFormat;
  media: ImportedMedia[];
  /** Present when the user asked to include scheduling and the file had a review history. */
  history: ImportedReview[];
}

/** A problem with the input: which file, where in it, and why. Any issue means nothing is written. */
export interface ImportIssue {
  file: string;
  /** A card id, a note guid, or `row 12`: whatever locates the problem for the user. */
  where?: string;
  field?: string;
  message: string;
}

export class ImportError extends Error {
  readonly issues: ImportIssue[];
  constructor(issues: ImportIssue[]) {
    super(issues.map(formatImportIssue).join('\n'));
    this.name = 'ImportError';
    this.issues = issues;
  }
}

export function formatImportIssue(i: ImportIssue): string {
  const where = i.where === undefined ? '' : ` ${i.where}`;
  const field = i.field === undefined ? '' : ` field "${i.field}"`;
  return where === '' && field === '' ? `${i.file}: ${i.message}` : `${i.file}:${where}${field}: ${i.message}`;
}

/** Limits that keep a hostile or huge file from taking the tab down; checked before work is done. */
export const IMPORT_LIMITS = {
  /** Largest file accepted at all. */
  maxFileBytes: 512 * 1024 * 1024,
  /** Largest total uncompressed size of a zip's entries (zip bomb guard). */
  maxUnzippedBytes: 1024 * 1024 * 1024,
  /** Largest ratio of uncompressed to compressed size for one zip entry. */
  maxCompressionRatio: 200,
  /** Errors listed before "and N more". */
  maxListedIssues: 20,
} as const;
