// The review log as the CSV the FSRS optimizer reads (open-spaced-repetition/fsrs-optimizer README, "Review Logs
// Schema"): card_id, review_time (epoch ms, UTC), review_rating (1–4), review_state (0–3), review_duration (ms).
import type { CardStateValue, RatingName } from '../../domain/scheduler';

export interface FsrsLogInput {
  cardId: string;
  rating: RatingName;
  review: number;
  /** The card's state before the answer: 0 New, 1 Learning, 2 Review, 3 Relearning (the optimizer's numbering). */
  state: CardStateValue;
  durationMs: number;
}

export interface FsrsCsv {
  csv: string;
  /** Which study card each integer `card_id` stands for, in `card_id` order. */
  cards: Array<{ cardId: number; id: string }>;
}

const RATING: Record<RatingName, number> = { again: 1, hard: 2, good: 3, easy: 4 };

/**
 * The optimizer wants one integer id per card. Ours are strings (`deck/card:part`), so cards are numbered
 * 1, 2, 3, … in the order of their ids (sorted as strings): the same logs always give the same numbers, and
 * `cards` maps them back. Rows are ordered by review time, then card.
 */
export function reviewLogsToFsrsCsv(logs: readonly FsrsLogInput[]): FsrsCsv {
  const ids = [...new Set(logs.map((l) => l.cardId))].sort();
  const number = new Map(ids.map((id, i) => [id, i + 1]));
  const rows = [...logs]
    .sort((a, b) => a.review - b.review || number.get(a.cardId)! - number.get(b.cardId)!)
    .map((l) =>
      [
        number.get(l.cardId)!,
        Math.round(l.review),
        RATING[l.rating],
        l.state,
        Math.max(0, Math.round(l.durationMs)),
      ].join(','),
    );
  return {
    csv: `${['card_id,review_time,review_rating,review_state,review_duration', ...rows].join('\n')}\n`,
    cards: ids.map((id, i) => ({ cardId: i + 1, id })),
  };
}
