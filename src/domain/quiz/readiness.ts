// Readiness for an interview date: the share of the scope the user is predicted to recall on that day (FSRS
// retrievability projected to the date; new cards count as 0), what to study, and a plan spread over the days left.
import { dayKey, dayStart } from '../day';
import { CardState, grade, retrievability, type Memory, type SchedulerSettings } from '../scheduler';

export interface ReadinessCard {
  id: string;
  memory: Memory;
  /**
   * The card's own deck's preset's scheduling (its parameters and desired retention), when the scope holds decks of
   * several presets; else the `settings` the functions are given.
   */
  settings?: SchedulerSettings;
}

export interface CardRecall {
  id: string;
  /** Predicted probability of recall at the date, 0–1. */
  r: number;
}

export interface Readiness {
  /** The moment predicted for (epoch ms). */
  at: number;
  /** Mean predicted recall over the scope, 0–1 (0 for an empty scope). */
  share: number;
  /** Every card, lowest predicted recall first: the head of this list is what to study. */
  cards: CardRecall[];
}

/** The interview is taken to be at noon, local time, on its date (`YYYY-MM-DD`); null if the text is not a date. */
export function interviewMoment(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, 0, 0, 0);
  return d.getDate() === Number(m[3]) && d.getMonth() === Number(m[2]) - 1 ? d : null;
}

export function predictReadiness(cards: readonly ReadinessCard[], at: Date, settings: SchedulerSettings): Readiness {
  const recalls = cards.map((c) => ({ id: c.id, r: retrievability(c.id, c.memory, at, c.settings ?? settings) }));
  const share = recalls.length === 0 ? 0 : recalls.reduce((s, c) => s + c.r, 0) / recalls.length;
  recalls.sort((a, b) => a.r - b.r || (a.id < b.id ? -1 : 1));
  return { at: at.getTime(), share, cards: recalls };
}

export interface PlanDay {
  /** The study day, as `dayKey` names it (`2026-03-10`). */
  day: string;
  cardIds: string[];
}

export interface StudyPlan {
  /** The interview date the plan is for. */
  date: string;
  days: PlanDay[];
  /** Predicted share now, and if every planned card is reviewed on its day. */
  share: number;
  projectedShare: number;
  /** Weak cards that did not fit under the daily cap. */
  leftOut: number;
}

export interface PlanOptions {
  now: Date;
  date: string;
  dayStartHour: number;
  settings: SchedulerSettings;
  /** Cards predicted below this recall at the date are planned (default: each card's desired retention). */
  target?: number;
  /** At most this many planned cards a day. */
  maxPerDay?: number;
}

export const PLAN_MAX_PER_DAY = 50;

/**
 * The study days from today up to the day before the interview (just today when the interview is today or
 * tomorrow morning), each with its date key and the moment its reviews are assumed to happen.
 */
export function planDays(now: Date, at: Date, dayStartHour: number): Array<{ day: string; reviewAt: Date }> {
  const out: Array<{ day: string; reviewAt: Date }> = [];
  const last = dayStart(at, dayStartHour).getTime();
  const d = dayStart(now, dayStartHour);
  do {
    // A day's reviews are assumed at noon, or now if that has passed today.
    const noon = new Date(d.getFullYear(), d.getMonth(), d.getDate(), 12);
    out.push({ day: dayKey(d, dayStartHour), reviewAt: new Date(Math.max(noon.getTime(), now.getTime())) });
    d.setDate(d.getDate() + 1);
    d.setHours(dayStartHour, 0, 0, 0);
  } while (d.getTime() < last);
  return out;
}

/**
 * Expected recall at the date if the card is reviewed at `reviewAt`: recalled (probability = its recall then)
 * it is graded good, forgotten it is graded again. A new card is learned in the session (a new card is repeated
 * until it is remembered), so it is graded good.
 */
export function recallAfterReview(card: ReadinessCard, reviewAt: Date, at: Date, given: SchedulerSettings): number {
  const settings = card.settings ?? given;
  const after = (rating: 'good' | 'again') =>
    retrievability(card.id, grade(card.id, card.memory, rating, reviewAt, settings).memory, at, settings);
  if (card.memory.state === CardState.New) return after('good');
  const p = retrievability(card.id, card.memory, reviewAt, settings);
  return p * after('good') + (1 - p) * after('again');
}

/**
 * A plan that brings the weakest cards up before the date: every card predicted below the target, weakest first,
 * spread evenly over the days left (the weakest on the first days, so a lapse still has time to be relearned).
 * Null when the date is not a date or has passed.
 */
export function makePlan(cards: readonly ReadinessCard[], opts: PlanOptions): StudyPlan | null {
  const at = interviewMoment(opts.date);
  if (!at || at.getTime() <= opts.now.getTime()) return null;
  const readiness = predictReadiness(cards, at, opts.settings);
  const byId = new Map(cards.map((c) => [c.id, c]));
  // Below the target, or below the card's own preset's desired retention.
  const targetOf = (id: string) => opts.target ?? (byId.get(id)!.settings ?? opts.settings).desiredRetention;
  const weak = readiness.cards.filter((c) => c.r < targetOf(c.id));
  const days = planDays(opts.now, at, opts.dayStartHour);
  const cap = opts.maxPerDay ?? PLAN_MAX_PER_DAY;
  // As even as whole cards allow (5 over 4 days: 2, 1, 1, 1), never more than the cap.
  const base = Math.floor(weak.length / days.length);
  const extra = weak.length % days.length;
  const recall = new Map(readiness.cards.map((c) => [c.id, c.r]));
  let next = 0;
  const planDaysOut: PlanDay[] = days.map(({ day, reviewAt }, i) => {
    const count = Math.min(cap, base + (i < extra ? 1 : 0));
    const ids = weak.slice(next, next + count).map((c) => c.id);
    next += count;
    for (const id of ids) recall.set(id, recallAfterReview(byId.get(id)!, reviewAt, at, opts.settings));
    return { day, cardIds: ids };
  });
  const planned = planDaysOut.reduce((n, d) => n + d.cardIds.length, 0);
  const projected = cards.length === 0 ? 0 : [...recall.values()].reduce((s, r) => s + r, 0) / cards.length;
  return {
    date: opts.date,
    days: planDaysOut.filter((d) => d.cardIds.length > 0),
    share: readiness.share,
    projectedShare: projected,
    leftOut: weak.length - planned,
  };
}
