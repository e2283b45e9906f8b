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

/** As Anki's card_counts.rs: a suspended or buried card is counted as that, every other card by its state. */
export function cardCounts(cards: Iterable<StatsCard>, now: number): CardCounts {
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
  return { ...active, suspended, buried, total, byStateIncludingParked: all };
}
