// What every importer produces (dockdeck JSON, CSV/TSV, Anki packages) and what the database write consumes.
// Parsers are pure: bytes in, drafts or issues (src/domain/issue.ts) out. Nothing is written until the user confirms.
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
 * A card's marks from the imported file (an Anki card's queue and flags), keyed by its study card. A burial's end is
 * not in the file: the card is buried until the next study day of the import, as Anki unburies at its next day.
 */
export interface ImportedMarks {
  /** Study card id as `expandDeck` makes it: `deckId/cardId[:part]`. */
  cardId: string;
  suspended?: true;
  buried?: true;
  /** 1–7. */
  flag?: number;
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
  /** Marked cards (suspended, buried, flagged), read with the scheduling as the history is; absent for none. */
  marks?: ImportedMarks[];
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
