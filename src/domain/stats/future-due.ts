// "Future due": cards due per study day ahead, overdue ones counted today, and Anki's daily load Σ 1/interval.
import { isBuried } from '../marks';
import { CardState } from '../scheduler';
import type { StatsCard } from './stats-rows';
import type { StudyCalendar } from './study-days';

export interface FutureDue {
  /** Cards due on each of the next `days` study days; index 0 is today and includes the overdue. */
  perDay: number[];
  /** Of `perDay[0]`, the cards that were due before today (Anki's backlog). */
  overdue: number;
  /** Cards due after the last day shown. */
  later: number;
  /**
   * Anki's "daily load": Σ 1 / max(1, interval) over the cards that have been studied and are not suspended, i.e.
   * about how many reviews a day they cost in the long run. Anki prints it rounded down.
   */
  dailyLoad: number;
}

/**
 * As Anki's future_due.rs: new and suspended cards are left out; a buried card is left out of today (it cannot be
 * studied before tomorrow) but keeps its share of the load and a later due day. Learning cards due later today count
 * today. Due days are study days (Anki rounds a timestamp's distance from the next day start instead, which puts a
 * learning card due tomorrow morning on today).
 */
export function futureDue(cards: Iterable<StatsCard>, calendar: StudyCalendar, now: number, days: number): FutureDue {
  const today = calendar.dayOf(now);
  const perDay = Array<number>(Math.max(1, days)).fill(0);
  let overdue = 0;
  let later = 0;
  let dailyLoad = 0;
  for (const card of cards) {
    if (card.state === CardState.New || card.suspended === true) continue;
    dailyLoad += 1 / Math.max(1, card.scheduledDays);
    const offset = calendar.dayOf(card.due) - today;
    if (offset <= 0 && isBuried(card, now)) continue;
    if (offset >= perDay.length) later += 1;
    else {
      perDay[Math.max(0, offset)] = (perDay[Math.max(0, offset)] ?? 0) + 1;
      if (offset < 0) overdue += 1;
    }
  }
  return { perDay, overdue, later, dailyLoad };
}
