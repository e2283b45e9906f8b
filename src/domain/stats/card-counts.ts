// Card counts of the statistics page: new, learning, relearning, young, mature, suspended, buried (at `now`).
import { isBuried } from '../marks';
import { CardState } from '../scheduler';
import { MATURE_DAYS, type StatsCard } from './stats-rows';

export interface StateCounts {
  new: number;
  learning: number;
  relearning: number;
  /** Review cards with an interval under 21 days. */
  young: number;
  mature: number;
}

export interface CardCounts extends StateCounts {
  /** Suspended cards (counted here only, not by state). */
  suspended: number;
  /** Cards buried at `now` and not suspended (counted here only). */
  buried: number;
  total: number;
  /** Every card by its state, suspended and buried ones included (Anki's "include suspended" view). */
  byStateIncludingParked: StateCounts;
}

function emptyStateCounts(): StateCounts {
  return { new: 0, learning: 0, relearning: 0, young: 0, mature: 0 };
}

function countState(c: StateCounts, card: StatsCard): void {
  switch (card.state) {
    case CardState.New:
      c.new += 1;
      break;
    case CardState.Learning:
      c.learning += 1;
      break;
    case CardState.Relearning:
      c.relearning += 1;
      break;
    default:
      if (card.scheduledDays < MATURE_DAYS) c.young += 1;
      else c.mature += 1;
  }
}

/**
 * New cards that are neither suspended nor buried, known only by their ids (the statistics page reads their index
 * keys, not their rows): how many there are, and how many of each note.
 */
export interface UnreadNewCards {
  count: number;
  byNote: ReadonlyMap<string, number>;
}

export const NO_UNREAD_NEW: UnreadNewCards = { count: 0, byNote: new Map() };

/**
 * The note of a study card, from its id alone: ids are `deckId/cardId` or `deckId/cardId:part` (study-card.ts), a
 * table row's `deckId/table:tableId/rowId[:column]`; the part, after the last `/`, is not the note's. Deck and card
 * ids are slugs (no `/` or `:`), so the rule is exact (tests/unit/stats-cards.test.ts checks it on every card kind).
 */
export function noteOfCardId(id: string): string {
  const colon = id.lastIndexOf(':');
  return colon > id.lastIndexOf('/') ? id.slice(0, colon) : id;
}

/** The unread new cards of these ids. */
export function unreadNewCards(ids: Iterable<string>): UnreadNewCards {
  const byNote = new Map<string, number>();
  let count = 0;
  for (const id of ids) {
    count += 1;
    const note = noteOfCardId(id);
    byNote.set(note, (byNote.get(note) ?? 0) + 1);
  }
  return { count, byNote };
}

/**
 * As Anki's card_counts.rs: a suspended or buried card is counted as that, every other card by its state.
 * `unread`: new cards not in `cards` (never parked: a parked card is read), counted as new.
 */
export function cardCounts(
  cards: Iterable<StatsCard>,
  now: number,
  unread: UnreadNewCards = NO_UNREAD_NEW,
): CardCounts {
  const active = emptyStateCounts();
  const all = emptyStateCounts();
  let suspended = 0;
  let buried = 0;
  let total = 0;
  for (const card of cards) {
    total += 1;
    countState(all, card);
    if (card.suspended === true) suspended += 1;
    else if (isBuried(card, now)) buried += 1;
    else countState(active, card);
  }
  active.new += unread.count;
  all.new += unread.count;
  total += unread.count;
  return { ...active, suspended, buried, total, byStateIncludingParked: all };
}
