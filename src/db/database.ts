// The Dexie database `dockdeck`: tables, indexes and the whole version history.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { DeckFields } from '../domain/deck-fields';
import type { DeckCard } from '../domain/deck-schema';
import type { Memory, RatingName, CardStateValue } from '../domain/scheduler';
import type { StudyCard } from '../domain/study-card';
import type { CardMarks } from '../domain/marks';
import type { AttemptQuestion, AttemptScope } from '../domain/quiz/quiz-schema';
import { settingsRowsWithPresets } from '../domain/presets';
import type { DayCounter } from '../domain/stats/day-counters';
import { countersMiddleware, fillCounters } from './stats-counters';
import { moveMarksOutOfCards } from './marks-upgrade';

/** A deck's own fields as its file has them (`textFormat`: Markdown unless it came as HTML), and where it came from. */
export interface DeckRow extends DeckFields {
  /** Built-in decks come from decks/ and are refreshed when their file changes. */
  builtin: boolean;
  /** Where the deck came from (since version 2). */
  origin: DeckOrigin;
  /** Hash of the deck file the cards were last loaded from. */
  contentHash: string;
  createdAt: number;
  updatedAt: number;
}

export type DeckOrigin = 'builtin' | 'json' | 'csv' | 'anki';

/**
 * A study card as `expandDeck` made it, with its FSRS memory. The user's marks (suspended, buried, flag) are not in
 * it (since version 11: version 6 to 10 kept them here): they are in `cardMarks` (see MarksBucketRow), so that marking
 * 10,000 cards writes a few small rows instead of 10,000 big ones. A reader that needs them joins them: MarkedCard.
 */
export interface CardRow extends Memory, StudyCard {
  createdAt: number;
  updatedAt: number;
}

/** A card row with the user's marks joined from `cardMarks` (marks-table.ts). */
export type MarkedCard = CardRow & CardMarks;

/**
 * The user's marks of some cards of one deck (since version 11): the cards of a deck are spread over a fixed number
 * of buckets by a hash of their id (marks-table.ts), and a bucket row holds the marks of its cards that have any,
 * by card id. A row exists only while one of its cards has a mark; a card's entry only while it has one. One
 * IndexedDB write costs about as much for a small row as for a big one (here ~0.3–1 ms), so marks are written a
 * bucket at a time: 10,000 cards of two decks are at most 2 × 64 rows.
 */
export interface MarksBucketRow {
  deckId: string;
  bucket: number;
  cards: Record<string, CardMarks>;
}

interface LogFields {
  id: string;
  cardId: string;
  deckId: string;
  /** When the answer was given, or the manual change made (epoch ms). */
  review: number;
  /** State before the answer (New means the card was introduced by this answer). */
  state: CardStateValue;
  elapsedDays: number;
  scheduledDays: number;
  /** Time the user took to answer, in ms (0 for a manual change). */
  durationMs: number;
  before: Memory;
  after: Memory;
}

/** An answer. */
export interface AnswerLogRow extends LogFields {
  rating: RatingName;
  /**
   * Where the answer came from: the daily review, a quiz that updates the schedule, custom study (rescheduled, since
   * version 6), or cram (custom study that previews without rescheduling: `after` equals `before`).
   */
  kind: 'review' | 'quiz' | 'custom' | 'cram';
  /** The note's other cards this answer buried until `until` (its deck's preset buries siblings; since version 9). */
  buriedSiblings?: { ids: string[]; until: number };
}

/** What a manual change of the schedule did: Anki's Reset (Forget) or Set due date. */
export type ManualAction = 'reset' | 'set-due';

/**
 * A change of the schedule that was no answer (since version 8), as Anki's "Manual" revlog entries: the browser's
 * reset and set due date. The card's memory is the replay of its log, these included (`after` is what it became).
 */
export interface ManualLogRow extends LogFields {
  rating: ManualAction;
  kind: 'manual';
}

export type ReviewLogRow = AnswerLogRow | ManualLogRow;

/** Whether a log entry is an answer (a manual change is not: it counts for no limit and no `rated:`). */
export function isAnswer(log: ReviewLogRow): log is AnswerLogRow {
  return log.kind !== 'manual';
}

/**
 * The user's change of a built-in deck's study card that is no note edit (since version 8): taken out of the deck
 * (deleted, or moved to a deck of the user's), or tags added or removed in the browser. The start-up sync applies it
 * to the deck file's cards, so an update of the built-in deck keeps it.
 */
export interface BuiltinOverrideRow {
  /** The study card's id in the built-in deck. */
  id: string;
  deckId: string;
  removed?: true;
  addTags?: string[];
  dropTags?: string[];
  updatedAt: number;
}

/** The user's version of a built-in deck's card (since version 7), kept when the built-in deck is updated. */
export interface NoteEditRow {
  deckId: string;
  /** The deck card's id (the note), as in the deck file. */
  cardId: string;
  card: DeckCard;
  editedAt: number;
}

/** One quiz the user took: its questions, answers and result (since version 2). */
export interface QuizAttemptRow {
  id: string;
  startedAt: number;
  finishedAt: number;
  /** What was tested: the quiz config (scope, length, kinds, seed, schedule switch) and the study language. */
  scope: AttemptScope;
  /** Per question: the question as asked, the answer given, right or not, time taken. */
  questions: AttemptQuestion[];
  score: number;
  total: number;
}

/** A media file of an imported deck (image, audio), referenced from card HTML by name (since version 2). */
export interface MediaRow {
  deckId: string;
  name: string;
  type: string;
  data: Blob;
  size: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: number;
}

/** What made an automatic backup: the first start of a study day, or a restore about to replace everything. */
export type AutoBackupKind = 'daily' | 'before-restore';

/**
 * An automatic backup (since version 12), as the list shows it: the backup file itself is in the companion row
 * `${id}/bytes` (AutoBackupBytesRow), so that listing the backups reads none of their bytes. The file is exactly what
 * the manual backup downloads (createBackup), and the automatic backups are never inside a backup.
 */
export interface AutoBackupRow {
  /** `daily:<study day>` (so a study day has at most one) or `before-restore:<createdAt>`. */
  id: string;
  kind: AutoBackupKind;
  createdAt: number;
  /** The study day it was made on (dayKey: the day start hour applied). */
  studyDay: string;
  fileName: string;
  /** The file's size in bytes. */
  size: number;
  /** Rows of the backup: decks, cards, reviews (reviewLogs). */
  counts: { decks: number; cards: number; reviewLogs: number };
  /** The database version the file is in. */
  schemaVersion: number;
  /** The folder (AutoBackupConfigRow.folderId) the file was written to, once it was. */
  writtenTo?: string;
}

/** The gzip bytes of an automatic backup (row `${id}/bytes`, no `createdAt`: outside the list's index). */
export interface AutoBackupBytesRow {
  id: string;
  bytes: Uint8Array;
}

/** What went wrong last with the automatic backups, shown on the Backup screen until it goes right again. */
export interface AutoBackupError {
  at: number;
  /** `permission`: the folder may not be written now; `folder`: writing to it failed; `backup`: none could be made. */
  code: 'permission' | 'folder' | 'backup';
  detail: string;
}

/** The automatic backups' own settings (row `config`; not in backups, so a restore does not change them). */
export interface AutoBackupConfigRow {
  id: 'config';
  /** How many automatic backups are kept (1–30). */
  keep: number;
  /** The folder chosen for copies (its handle is in row `folder`), by name; a new id for each choice. */
  folderName?: string;
  folderId?: string;
  lastError?: AutoBackupError;
  updatedAt: number;
}

/** The chosen folder's handle (row `folder`): IndexedDB keeps a FileSystemDirectoryHandle as it is. */
export interface AutoBackupFolderRow {
  id: 'folder';
  handle: unknown;
}

export type AutoBackupTableRow = AutoBackupRow | AutoBackupBytesRow | AutoBackupConfigRow | AutoBackupFolderRow;

export class DockdeckDB extends Dexie {
  decks!: EntityTable<DeckRow, 'id'>;
  cards!: EntityTable<CardRow, 'id'>;
  reviewLogs!: EntityTable<ReviewLogRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  quizAttempts!: EntityTable<QuizAttemptRow, 'id'>;
  media!: Table<MediaRow, [string, string]>;
  noteEdits!: Table<NoteEditRow, [string, string]>;
  builtinOverrides!: EntityTable<BuiltinOverrideRow, 'id'>;
  dayCounters!: Table<DayCounter, [string, number]>;
  cardMarks!: Table<MarksBucketRow, [string, number]>;
  autoBackups!: Table<AutoBackupTableRow, string>;

  constructor(name = 'dockdeck') {
    super(name);
    // Keep every version users may still have; data changes go in .upgrade().
    this.version(1).stores({
      decks: 'id',
      cards: 'id, deckId, noteId, [deckId+state+due], [deckId+state+position]',
      reviewLogs: 'id, cardId, review, [deckId+review]',
      settings: 'key',
    });
    this.version(2)
      .stores({
        quizAttempts: 'id, startedAt',
        media: '[deckId+name], deckId',
      })
      .upgrade(async (tx) => {
        // Decks from version 1 were either built in or dockdeck JSON.
        await tx
          .table('decks')
          .toCollection()
          .modify((deck: { builtin?: boolean; origin?: DeckOrigin }) => {
            deck.origin = deck.builtin ? 'builtin' : 'json';
          });
      });
    // Version 3: cards by tag (multi-entry), so a quiz on a tag reads its ids through an index, not a table scan.
    this.version(3).stores({
      cards: 'id, deckId, noteId, [deckId+state+due], [deckId+state+position], *tags',
    });
    // Version 4: cards by position within their deck, so a quiz on a big deck scope samples cards at random
    // positions instead of reading every id (positions are 0…n−1 per deck, as expandDeck numbers them).
    this.version(4).stores({
      cards: 'id, deckId, noteId, [deckId+state+due], [deckId+state+position], *tags, [deckId+position]',
    });
    // Version 5: the `deckId` and `noteId` card indexes are dropped; each index costs one more IndexedDB write per card
    // stored (~0.4 s per 50,000 cards in an import), and on every answer. `noteId` was never queried, and the cards of
    // a deck are a range of the primary key, since a card id is always `deckId/…` (see cardsOfDeck in deck-cards.ts).
    this.version(5).stores({
      cards: 'id, [deckId+state+due], [deckId+state+position], *tags, [deckId+position]',
    });
    // Version 6: suspended and buried cards by deck (`parkedDeck`, a sparse index: only parked cards have the key).
    // No data changes: no card was suspended or buried before.
    this.version(6).stores({
      cards: 'id, [deckId+state+due], [deckId+state+position], *tags, [deckId+position], parkedDeck',
    });
    // Version 7: the user's versions of built-in cards (kept across updates of the built-in deck).
    this.version(7).stores({
      noteEdits: '[deckId+cardId], deckId',
    });
    // Version 8: the user's removals and tag changes of built-in cards made in the browser (kept across updates of the
    // built-in deck). Review logs may also hold manual entries (kind 'manual'); no index changes.
    this.version(8).stores({
      builtinOverrides: 'id, deckId',
    });
    // Version 9: deck options presets. The old global scheduler settings and daily limits become the default preset
    // (settings row `presets`, with which deck uses which); languages, theme and day start stay in row `study`.
    this.version(9)
      .stores({})
      .upgrade(async (tx) => {
        const settings = tx.table<SettingRow, string>('settings');
        const before = await settings.toArray();
        const after = settingsRowsWithPresets(before);
        if (after === before) return;
        await settings.clear();
        await settings.bulkPut(after);
      });
    // Version 10: the statistics' answer counters per deck and study day, filled from the log; kept with every log
    // write by the middleware of stats-counters.ts (same transaction).
    this.version(10).stores({ dayCounters: '[deckId+day]' }).upgrade(fillCounters);
    // Version 11: the user's marks move out of the card rows into `cardMarks`, a bucket row per deck and hash of the
    // card id (see MarksBucketRow); the cards' `parkedDeck` index goes (a deck's marks are a range of the new table's
    // key). Card rows are otherwise unchanged.
    this.version(11)
      .stores({
        cards: 'id, [deckId+state+due], [deckId+state+position], *tags, [deckId+position]',
        cardMarks: '[deckId+bucket]',
      })
      .upgrade(moveMarksOutOfCards);
    // Version 12: the automatic backups (listed by `createdAt`; their bytes, settings and folder are rows without it).
    // A new table only: no data changes.
    this.version(12).stores({ autoBackups: 'id, createdAt' });
    this.use(countersMiddleware);
  }
}
