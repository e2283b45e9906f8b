// The Dexie database `dockdeck`: tables, indexes and the whole version history.
import Dexie, { type EntityTable } from 'dexie';
import type { Deck, Source, Text } from '../domain/deck-schema';
import type { Memory, RatingName, CardStateValue } from '../domain/scheduler';
import type { StudyContent } from '../domain/study-card';

export interface DeckRow {
  id: string;
  title: Text;
  description?: Text;
  tags: string[];
  sources: Deck['sources'];
  tables: Deck['tables'];
  /** Built-in decks come from decks/ and are refreshed when their file changes. */
  builtin: boolean;
  /** Hash of the deck file the cards were last loaded from. */
  contentHash: string;
  createdAt: number;
  updatedAt: number;
}

export interface CardRow extends Memory {
  id: string;
  deckId: string;
  noteId: string;
  tags: string[];
  source: Source;
  note?: Text;
  content: StudyContent;
  position: number;
  createdAt: number;
  updatedAt: number;
}

export interface ReviewLogRow {
  id: string;
  cardId: string;
  deckId: string;
  rating: RatingName;
  /** When the answer was given (epoch ms). */
  review: number;
  /** State before the answer (New means the card was introduced by this answer). */
  state: CardStateValue;
  elapsedDays: number;
  scheduledDays: number;
  /** Time the user took to answer, in ms. */
  durationMs: number;
  /** Where the answer came from: the daily review, or a quiz that updates the schedule. */
  kind: 'review' | 'quiz';
  before: Memory;
  after: Memory;
}

export interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: number;
}

export class DockdeckDB extends Dexie {
  decks!: EntityTable<DeckRow, 'id'>;
  cards!: EntityTable<CardRow, 'id'>;
  reviewLogs!: EntityTable<ReviewLogRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = 'dockdeck') {
    super(name);
    // Keep every version users may still have; data changes go in .upgrade().
    this.version(1).stores({
      decks: 'id',
      cards: 'id, deckId, noteId, [deckId+state+due], [deckId+state+position]',
      reviewLogs: 'id, cardId, review, [deckId+review]',
      settings: 'key',
    });
  }
}
