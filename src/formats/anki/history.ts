// Anki's review log (`revlog`) as dockdeck review history. Columns (rslib/src/storage/schema11.sql): id = epoch ms of
// the answer, cid = card, ease = button (1 again, 2 hard, 3 good, 4 easy; 0 for entries that are not answers),
// ivl = interval after it (days; negative: seconds), time = milliseconds spent, type = 0 learn, 1 review,
// 2 relearn, 3 filtered, 4 manual (set due date, reset), 5 rescheduled (FSRS settings changed)
// (rslib/src/revlog/mod.rs RevlogReviewKind; rslib/src/storage/revlog/mod.rs log_scheduled_review).
import type { CardStateValue, RatingName } from '../../domain/scheduler';
import type { ImportedReview } from '../import/draft';
import { DAY_MS } from '../../domain/day';

const RATING: readonly (RatingName | undefined)[] = [undefined, 'again', 'hard', 'good', 'easy'];
/** Before Anki existed (2006): such ids are not epoch milliseconds. */
const EARLIEST = Date.UTC(2000, 0, 1);
/** CardState.New and CardState.Review (src/domain/scheduler.ts), without loading the scheduler for two numbers. */
const NEW: CardStateValue = 0;
const REVIEW: CardStateValue = 2;

export type HistoryWarning = 'other-cards' | 'bad-ease' | 'bad-time';

export interface RevlogRow {
  id: number;
  cid: string;
  ease: number;
  ivl: number;
  time: number;
  type: number;
}

/** Where an Anki card's reviews go: the dockdeck deck id and the full study card id (`deckId/cardId[:part]`). */
export interface ReviewTarget {
  deckId: string;
  cardId: string;
}

/**
 * One revlog row as a review, or the reason it is left out. Rows must come in time order: `lastAnswer` (Anki card id
 * → time of its last answer) is kept up to date here.
 *
 * Answers: for v1-scheduler collections, learning and relearning answers were logged 1–3; like Anki's upgrade
 * (rslib/src/storage/revlog/v2_upgrade.sql) 2 and 3 become 3 and 4.
 *
 * Manual entries (type 4/5, or ease 0) are kept as 'manual', with what they did when the row tells: an interval of
 * 0 is a reset to new (Forget); a positive interval put the card in review that many days after its last answer
 * (Anki measures a set due date's and a rescheduled card's interval from the last review), or after the entry
 * itself when the card had no answer yet.
 */
export function convertRevlog(
  row: RevlogRow,
  targets: ReadonlyMap<string, ReviewTarget>,
  schedV1: boolean,
  now: Date,
  lastAnswer: Map<string, number>,
): ImportedReview | HistoryWarning {
  const target = targets.get(row.cid);
  if (!target) return 'other-cards';
  if (!Number.isFinite(row.id) || row.id < EARLIEST || row.id > now.getTime() + DAY_MS) return 'bad-time';
  const durationMs = Number.isFinite(row.time) ? Math.max(0, Math.round(row.time)) : 0;
  if (row.type >= 4 || row.ease === 0) {
    const review: ImportedReview = { cardId: target.cardId, review: row.id, rating: 'manual', durationMs };
    if (row.ivl === 0) {
      review.manual = { state: NEW };
      lastAnswer.delete(row.cid);
    } else if (row.ivl > 0 && Number.isFinite(row.ivl)) {
      review.manual = { state: REVIEW, due: (lastAnswer.get(row.cid) ?? row.id) + row.ivl * DAY_MS };
    }
    return review;
  }
  const ease =
    schedV1 && (row.type === 0 || row.type === 2) && (row.ease === 2 || row.ease === 3) ? row.ease + 1 : row.ease;
  const rating = RATING[ease];
  if (rating === undefined) return 'bad-ease';
  lastAnswer.set(row.cid, row.id);
  return { cardId: target.cardId, review: row.id, rating, durationMs };
}
