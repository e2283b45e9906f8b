// Which card the review screen shows, from the queue as last read and the session: the one place that decides it.

/** An answer of this session as the chooser needs it. */
export interface SessionAnswer {
  cardId: string;
  /** The card's reps once this answer is stored. */
  repsAfter: number;
}

/** What the chooser needs of the session. */
export interface SessionView {
  /** Answers of this session, newest last. */
  answers: readonly SessionAnswer[];
  /** A card taken back by undo, or whose answer could not be stored: it is shown next. */
  pinnedId: string | null;
  /**
   * The reps the pinned card's row has once the undo (or the refused write) is in the queue: a row with other reps
   * was read before it, and showing it would show the card as it was after the answer (with that answer's choice
   * order, for one) before it turns into the card as it is.
   */
  pinnedReps?: number | null;
  /** Goes up with every answer given, taken back or refused by storage. */
  turn: number;
}

/** The card the screen showed last, and in which turn of the session. */
export interface OnScreen {
  cardId: string | null;
  turn: number;
}

export interface Choice<C> {
  /** The card to show, or null when none can be shown now. */
  card: C | null;
  /** True while an answered card's row in the queue is older than its answer: "nothing to show" is not final yet. */
  catchingUp: boolean;
}

/** True while the queue's row of this card does not yet show the session's latest answer to it. */
export function isStale(answers: readonly SessionAnswer[], cardId: string, reps: number): boolean {
  // The latest answer to this card decides: its row must show at least the reps that answer gave it.
  for (let i = answers.length - 1; i >= 0; i--) {
    const a = answers[i]!;
    if (a.cardId === cardId) return reps < a.repsAfter;
  }
  return false;
}

/**
 * The card to show. A pinned card comes first, wherever the queue puts it, as long as its row was read (a card
 * deleted meanwhile is not). Then the card on screen stays until it is answered, even if a learning card falls due
 * meanwhile: that one takes the next slot. Otherwise the first card of the queue. A card whose row is older than
 * this session's answer to it is skipped: it was answered and its write is not in the queue yet.
 */
export function chooseCard<C extends { id: string; reps: number }>(input: {
  /** The queue in order (only the ids are read). */
  queue: readonly { id: string }[];
  /** The rows read with the queue, by id: the queued cards, and the pinned one when it exists. */
  rows: ReadonlyMap<string, C>;
  session: SessionView;
  /** The card on screen in an earlier render; a card shown in an earlier turn is not kept. */
  onScreen: OnScreen | null;
}): Choice<C> {
  const { queue, rows, session } = input;
  const pinReps = session.pinnedReps ?? null;
  const fresh = (row: C) =>
    !isStale(session.answers, row.id, row.reps) &&
    !(row.id === session.pinnedId && pinReps !== null && row.reps !== pinReps);
  const pinned = session.pinnedId === null ? undefined : rows.get(session.pinnedId);
  if (pinned && fresh(pinned)) return { card: pinned, catchingUp: false };

  const keptId = input.onScreen?.turn === session.turn ? input.onScreen.cardId : null;
  let first: C | null = null;
  let kept: C | null = null;
  let stale = false;
  for (const q of queue) {
    const row = rows.get(q.id);
    if (!row) continue;
    if (!fresh(row)) {
      stale = true;
      continue;
    }
    if (row.id === keptId) kept = row;
    first ??= row;
  }
  return { card: kept ?? first, catchingUp: kept === null && stale };
}
