// The queue of a review over a fixed list of cards ("review my mistakes", a day of the interview plan): every card
// once, whatever its due date, as Anki's custom study does; cards answered wrong come back for their learning steps.
import { withLearning, type Queue, type QueueCandidate } from '../queue';
import { CardState } from '../scheduler';

export interface CardListQueueInput {
  now: number;
  /** Learning cards due within this many ms come early when nothing else is left. */
  learnAheadMs: number;
  /** The list, in the order to show it. */
  ids: readonly string[];
  /** The listed cards as stored now (missing ones were deleted and are skipped). */
  rows: ReadonlyMap<string, QueueCandidate>;
  /** Cards answered in this session. */
  answered: ReadonlySet<string>;
}

export function cardListQueue(input: CardListQueueInput): Queue {
  const { now, rows, answered } = input;
  const fresh: QueueCandidate[] = [];
  const learning: QueueCandidate[] = [];
  for (const id of new Set(input.ids)) {
    const row = rows.get(id);
    if (!row) continue;
    if (!answered.has(id)) fresh.push(row);
    else if (row.state === CardState.Learning || row.state === CardState.Relearning) learning.push(row);
  }
  // Learning cards whose step is over come first, as in the daily queue; then the list in its order.
  return {
    ...withLearning(learning, fresh, now, input.learnAheadMs),
    counts: {
      new: fresh.filter((c) => c.state === CardState.New).length,
      learning: learning.length,
      review: fresh.filter((c) => c.state !== CardState.New).length,
    },
  };
}
