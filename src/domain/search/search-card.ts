// What a search looks at: a card (a stored card row maps to it without copying its text) and the context the query is
// evaluated in (the time, the study day, the decks, the review log).
import type { Text } from '../deck-schema';
import type { CardStateValue, Memory, RatingName } from '../scheduler';
import type { StudyCard, StudyContent } from '../study-card';
import type { CardTypeName } from './query';

export interface SearchCard {
  id: string;
  deckId: string;
  tags: readonly string[];
  /** The deck file's card type; `compare` for a trait-table row, `reverse` for a two-way card's back-to-front card. */
  type: CardTypeName;
  /** Every text of the card in both languages, as stored (Markdown or HTML, cloze markers): see `cardTexts`. */
  texts: readonly string[];
  /** `foldText(texts)`, if the caller keeps it from one search to the next (else each search folds the texts). */
  folded?: string;
  state: CardStateValue;
  /** Epoch ms. For a new card, when it was added (the FSRS empty card's due). */
  due: number;
  stability: number;
  /** FSRS difficulty, 1–10. */
  difficulty: number;
  /** The interval in days (0 while in learning). */
  scheduledDays: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
  createdAt: number;
  suspended?: boolean;
  /** Buried until this moment (epoch ms): the start of the study day it comes back. */
  buriedUntil?: number;
  /** 1–7 as Anki's colours; absent or 0 for none. */
  flag?: number;
}

/** One answer of the review log, as `rated:` needs it (a review-log row is one). */
export interface SearchRating {
  review: number;
  rating: RatingName;
}

export interface SearchContext {
  now: number;
  /** The current study day (epoch ms, `end` exclusive): `dayWindow(now, dayStartHour)`. */
  day: { start: number; end: number };
  /** Every deck's title in both languages, by deck id (`deck:` matches an id or either title). */
  deckTitles: ReadonlyMap<string, Text>;
  /**
   * A card's answers, any order; only those since `ratingsSince(query, ctx)` are looked at, so the caller may read
   * just those from the log.
   */
  ratings: (cardId: string) => readonly SearchRating[];
  /** Learning cards due within this many ms count as due (`is:due`), as Anki's learn-ahead limit; 20 min if absent. */
  learnAheadMs?: number;
  /** A deck's FSRS weights (its preset's), for the forgetting curve of `prop:r` (ts-fsrs's defaults if absent). */
  weightsOf?: (deckId: string) => readonly number[];
}

const texts = (...ts: (Text | undefined)[]): string[] => ts.flatMap((t) => (t === undefined ? [] : [t.en, t.zh]));

/** Every text of a card: question, answer, choices, cloze text, extra, explanation, table cells, and its note. */
export function cardTexts(content: StudyContent, note?: Text): string[] {
  switch (content.kind) {
    case 'basic':
      return texts(content.front, content.back, note);
    case 'cloze':
      return texts(content.text, content.extra, note);
    case 'mcq':
      return texts(content.question, ...content.choices, content.explanation, note);
    case 'classify':
      return texts(content.prompt, content.item, ...content.categories.map((c) => c.label), note);
    case 'type-in':
      return [...texts(content.prompt, content.answer, note), ...content.accept];
    case 'compare':
      return texts(content.title, content.trait, ...content.columns.flatMap((c) => [c.label, c.cell]), note);
  }
}

/** The card type a search names: the content's kind, `reverse` for the back-to-front card of a two-way card. */
export function cardType(content: StudyContent): CardTypeName {
  return content.kind === 'basic' && content.reversed ? 'reverse' : content.kind;
}

/** The marks a stored card may have (suspended, buried, flag). */
export interface SearchMarks {
  suspended?: boolean;
  buriedUntil?: number;
  flag?: number;
}

/** A stored card (study card, FSRS memory, marks, `createdAt`) as a search looks at it. */
export function toSearchCard(row: StudyCard & Memory & SearchMarks & { createdAt: number }): SearchCard {
  return {
    id: row.id,
    deckId: row.deckId,
    tags: row.tags,
    type: cardType(row.content),
    texts: cardTexts(row.content, row.note),
    state: row.state,
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduledDays,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.lastReview,
    createdAt: row.createdAt,
    ...(row.suspended === undefined ? {} : { suspended: row.suspended }),
    ...(row.buriedUntil === undefined ? {} : { buriedUntil: row.buriedUntil }),
    ...(row.flag === undefined ? {} : { flag: row.flag }),
  };
}
