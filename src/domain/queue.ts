// Builds today's review queue from candidate cards: pure, with `now` and the limits as inputs.
import { CardState, type CardStateValue } from './scheduler';

export interface QueueCandidate {
  id: string;
  due: number;
  state: CardStateValue;
  position: number;
}

export interface QueueLimits {
  newPerDay: number;
  reviewsPerDay: number;
  /** Learning cards due within this many ms are shown early when nothing else is left (Anki: 20 min). */
  learnAheadMs: number;
}

export const DEFAULT_QUEUE_LIMITS: QueueLimits = { newPerDay: 20, reviewsPerDay: 200, learnAheadMs: 20 * 60_000 };

export interface QueueInput {
  now: number;
  /** Start of the next study day (epoch ms): reviews due before it are due today. */
  dayEnd: number;
  limits: QueueLimits;
  /** New cards introduced and reviews answered earlier today (from the log). */
  doneToday: { newCards: number; reviews: number };
  /** Cards in learning or relearning, any due. */
  learning: readonly QueueCandidate[];
  /** Review cards due before `dayEnd`. */
  reviews: readonly QueueCandidate[];
  /** New cards in introduction order (at least as many as the remaining new limit). */
  fresh: readonly QueueCandidate[];
  /**
   * The reviews or the new cards come already in the order the deck's preset asks for (lowest retrievability first;
   * shuffled for the day): they are kept in it, not sorted by due date or position.
   */
  ordered?: { reviews?: boolean; fresh?: boolean };
}

export interface Queue {
  /** Cards to show now, in order. */
  cards: QueueCandidate[];
  /** Counts still to do today, as the deck list and the session header show them. */
  counts: { new: number; learning: number; review: number };
  /** When the next learning card that is not shown yet falls due, or null. */
  nextDue: number | null;
}

const byDue = (a: QueueCandidate, b: QueueCandidate) => a.due - b.due || a.position - b.position;

export function buildQueue(input: QueueInput): Queue {
  const { now, dayEnd, limits, doneToday } = input;
  const newLeft = Math.max(0, limits.newPerDay - doneToday.newCards);
  const reviewsLeft = Math.max(0, limits.reviewsPerDay - doneToday.reviews);

  const learning = input.learning.filter((c) => c.state === CardState.Learning || c.state === CardState.Relearning);
  // Reviews first, oldest due first; new cards after, in deck order (unless the preset ordered them).
  const dueToday = input.reviews.filter((c) => c.state === CardState.Review && c.due < dayEnd);
  const reviews = (input.ordered?.reviews ? dueToday : dueToday.sort(byDue)).slice(0, reviewsLeft);
  const newOnes = input.fresh.filter((c) => c.state === CardState.New);
  const fresh = (input.ordered?.fresh ? newOnes : newOnes.sort((a, b) => a.position - b.position)).slice(0, newLeft);

  return {
    ...withLearning(learning, [...reviews, ...fresh], now, limits.learnAheadMs),
    counts: { new: fresh.length, learning: learning.filter((c) => c.due < dayEnd).length, review: reviews.length },
  };
}

/**
 * Puts learning cards whose step is over before `rest`. When nothing else is left, learning cards due within the
 * learn-ahead window come early, as in Anki. `nextDue` is when the next learning card not shown falls due.
 */
export function withLearning(
  learning: readonly QueueCandidate[],
  rest: readonly QueueCandidate[],
  now: number,
  learnAheadMs: number,
): Pick<Queue, 'cards' | 'nextDue'> {
  const learningNow = learning.filter((c) => c.due <= now).sort(byDue);
  let later = learning.filter((c) => c.due > now).sort(byDue);
  const cards = [...learningNow, ...rest];
  if (cards.length === 0) {
    const ahead = later.filter((c) => c.due <= now + learnAheadMs);
    cards.push(...ahead);
    later = later.slice(ahead.length);
  }
  return { cards, nextDue: later[0]?.due ?? null };
}
