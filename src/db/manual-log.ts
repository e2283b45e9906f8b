// The review-log entry of a manual change of a card's schedule (a reset, a set due date, a preset's reschedule), so
// that a card's schedule stays the replay of its review log.
import type { CardRow, ManualAction, ManualLogRow } from './database';
import { newId } from '../lib/ids';

/** The manual entry for `card` moved by `rating` from memory `before` to `after` at `now` (a new id unless given). */
export function manualLogEntry(
  card: Pick<CardRow, 'id' | 'deckId'>,
  rating: ManualAction,
  before: ManualLogRow['before'],
  after: ManualLogRow['after'],
  now: number,
  id: string = newId(),
): ManualLogRow {
  return {
    id,
    cardId: card.id,
    deckId: card.deckId,
    rating,
    kind: 'manual',
    review: now,
    state: before.state,
    elapsedDays: before.lastReview === null ? 0 : Math.max(0, Math.floor((now - before.lastReview) / 86_400_000)),
    scheduledDays: after.scheduledDays,
    durationMs: 0,
    before,
    after,
  };
}
