// Anki's review log (`revlog`) as dockdeck review history. Columns (rslib/src/storage/schema11.sql): id = epoch ms of
// the answer, cid = card, ease = button (1 again, 2 hard, 3 good, 4 easy; 0 for entries that are not answers),
// time = milliseconds spent, type = 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled
// (rslib/src/revlog/mod.rs RevlogReviewKind).
import type { RatingName } from '../scheduler';
import type { ImportedReview } from './draft';
import type { StudyTarget } from './anki-notes';

const RATING: readonly (RatingName | undefined)[] = [undefined, 'again', 'hard', 'good', 'easy'];
/** Before Anki existed (2006): such ids are not epoch milliseconds. */
const EARLIEST = Date.UTC(2000, 0, 1);
const DAY = 24 * 60 * 60 * 1000;

export type HistoryWarning = 'other-cards' | 'bad-ease' | 'bad-time';

export interface RevlogRow {
  id: number;
  cid: string;
  ease: number;
  time: number;
  type: number;
}

/** A review on its way to a deck: the study card id still lacks the dockdeck deck id. */
export interface PendingReview {
  deck: string;
  review: Omit<ImportedReview, 'cardId'> & { studyCard: string };
}

/**
 * One revlog row as a review, or the reason it is left out. Manual entries (type 4/5, or ease 0: "set due date",
 * "forget", "reschedule") are kept as 'manual'. For v1-scheduler collections, learning and relearning answers were
 * logged 1–3; like Anki's upgrade (rslib/src/storage/revlog/v2_upgrade.sql) 2 and 3 become 3 and 4.
 */
export function convertRevlog(
  row: RevlogRow,
  targets: ReadonlyMap<string, StudyTarget>,
  schedV1: boolean,
  now: Date,
): PendingReview | HistoryWarning {
  const target = targets.get(row.cid);
  if (!target) return 'other-cards';
  if (!Number.isFinite(row.id) || row.id < EARLIEST || row.id > now.getTime() + DAY) return 'bad-time';
  let rating: RatingName | 'manual' | undefined;
  if (row.type >= 4 || row.ease === 0) rating = 'manual';
  else {
    const ease = schedV1 && (row.type === 0 || row.type === 2) && (row.ease === 2 || row.ease === 3) ? row.ease + 1 : row.ease;
    rating = RATING[ease];
  }
  if (rating === undefined) return 'bad-ease';
  const durationMs = Number.isFinite(row.time) ? Math.max(0, Math.round(row.time)) : 0;
  return { deck: target.deck, review: { studyCard: target.studyCard, review: row.id, rating, durationMs } };
}
