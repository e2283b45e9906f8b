// Anki's "Set due date" and "Reset" (Forget) on a card's FSRS memory. Pure: the day, the settings and the randomness
// (a seeded source) come from the caller.
//
// The set-due syntax, as Anki's: `0` today, `1` tomorrow, `3-7` a day from 3 to 7 days away, picked per card; a
// trailing `!` also sets the card's interval to that many days.
import { CardState, grade, newMemory, type Memory, type SchedulerSettings } from './scheduler';
import { DAY_MS } from './day';

/** The days from today a card is put at, picked from `from`…`to` (inclusive). */
export interface SetDueSpec {
  from: number;
  to: number;
  /** `!`: the interval becomes the number of days too. */
  setInterval: boolean;
}

/** Why a set-due text cannot be used: the message names the part at fault (`text`). */
export type SetDueError =
  | { code: 'empty' }
  | { code: 'not-days'; text: string }
  | { code: 'reversed'; from: number; to: number }
  | { code: 'too-far'; max: number };

export type SetDueParse = { ok: true; spec: SetDueSpec } | { ok: false; error: SetDueError };

/** A hundred years: beyond it a due date means a typing slip. */
export const MAX_DUE_DAYS = 36500;

const DAYS = /^\d+$/;

function days(text: string): number | SetDueError {
  const t = text.trim();
  if (!DAYS.test(t)) return { code: 'not-days', text: t };
  const n = Number(t);
  return n > MAX_DUE_DAYS ? { code: 'too-far', max: MAX_DUE_DAYS } : n;
}

export function parseSetDue(input: string): SetDueParse {
  let text = input.trim();
  if (text === '') return { ok: false, error: { code: 'empty' } };
  const setInterval = text.endsWith('!');
  if (setInterval) text = text.slice(0, -1).trim();
  if (text === '') return { ok: false, error: { code: 'not-days', text: input.trim() } };
  const dash = text.indexOf('-', 1);
  const parts = dash === -1 ? [text] : [text.slice(0, dash), text.slice(dash + 1)];
  const nums: number[] = [];
  for (const p of parts) {
    const n = days(p);
    if (typeof n !== 'number')
      return {
        ok: false,
        error: n.code === 'not-days' && n.text === '' ? { code: 'not-days', text: input.trim() } : n,
      };
    nums.push(n);
  }
  const from = nums[0]!;
  const to = nums[1] ?? from;
  if (to < from) return { ok: false, error: { code: 'reversed', from, to } };
  return { ok: true, spec: { from, to, setInterval } };
}

/** The days from today for one card: uniform over the spec's range, from `rand` in [0, 1). */
export function pickDays(spec: SetDueSpec, rand: () => number): number {
  return spec.from + Math.min(spec.to - spec.from, Math.floor(rand() * (spec.to - spec.from + 1)));
}

/**
 * The memory of a card set due `days` after the start of today's study day (`todayStart`). A review card keeps its
 * memory (stability, difficulty, last review) and, unless `setInterval`, its interval; a new or learning card becomes a
 * review card, with the memory of a first Good answer now (FSRS needs one) and an interval of `days` (at least 1).
 */
export function setDueMemory(
  cardId: string,
  memory: Memory,
  opts: { days: number; setInterval: boolean; todayStart: number; now: number; settings: SchedulerSettings },
): Memory {
  const due = opts.todayStart + opts.days * DAY_MS;
  const interval = Math.max(1, opts.days);
  if (memory.state === CardState.Review) {
    return { ...memory, due, ...(opts.setInterval ? { scheduledDays: interval } : {}) };
  }
  // A first answer gives FSRS a stability and difficulty to go on; the counts stay what they were.
  const first =
    memory.state === CardState.New ? grade(cardId, memory, 'good', new Date(opts.now), opts.settings) : null;
  const base = first ? first.memory : memory;
  return {
    ...base,
    state: CardState.Review,
    due,
    scheduledDays: interval,
    learningSteps: 0,
    reps: memory.reps,
    lapses: memory.lapses,
    lastReview: base.lastReview ?? opts.now,
  };
}

/** A card forgotten (Anki's Reset): new again, its counts kept unless `resetCounts`. */
export function resetMemory(memory: Memory, now: number, resetCounts: boolean): Memory {
  const fresh = newMemory(new Date(now));
  return resetCounts ? fresh : { ...fresh, reps: memory.reps, lapses: memory.lapses };
}
