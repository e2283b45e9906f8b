// The invariant a later sync will rely on: a card's scheduling state is the replay of its review log. Pure: the
// log entries and the parameters to grade with come from the caller (check-repo.ts reads them).
//
// How each entry's `after` is made today (and so how it is replayed):
// - an answer (kind review, quiz, custom): `grade` (ts-fsrs `next`) of the card's memory as stored (`before`), the
//   rating, the answer's time (`review`) and the parameters of the card's deck's preset at that moment, with the
//   user's day boundary (`schedulerAt`). Replay grades the same way, from the memory replayed so far.
// - cram: the answer is logged, the card is untouched: `after` equals `before`, and replay leaves the memory as is.
// - manual (reset, set due date, a preset's reschedule, and an imported history's manual entries): a change the user
//   chose (a random day of a range, the end of a new-card order, a date Anki wrote), so there is no recomputing it:
//   the entry's `after` is the change, and replay takes it.
// - imported history: every imported answer and manual entry is logged, the first from a never-studied card
//   (formats/import/history.ts), so an imported card's memory is the replay of its log like any other's.
//
// What "exactly" means. The log does not keep the parameters an answer was graded with, and they change over time
// (a preset's retention, steps or fitted parameters; the day start hour; the deck's preset). So an answer is first
// recomputed with the parameters in force now; when that gives its `after` to the last bit, the step is proven.
// When it does not, the answer was graded under parameters since changed, and its logged `after`, what FSRS decided
// then and what the user was shown, is the replay's step: nothing else could recompute it. Only a logged `after`
// that is no memory at all (a number that is not finite, a state that does not exist) is replaced by the
// recomputation. The card's stored memory must then equal the replayed memory field for field (`===`): a card that
// differs is repaired to the replay, never the log to the card.
import {
  CardState,
  MEMORY_FIELDS,
  RATINGS,
  grade,
  type Memory,
  type RatingName,
  type SchedulerSettings,
} from './scheduler';

/** One review-log entry, as much of it as replay needs (a ReviewLogRow of db/database.ts is one). */
export interface ReplayEntry {
  id: string;
  deckId: string;
  review: number;
  kind: 'review' | 'quiz' | 'custom' | 'cram' | 'manual';
  rating: RatingName | 'reset' | 'set-due';
  before: Memory;
  after: Memory;
}

/** What a step of the replay found wrong with the log (the log is reported, never changed). */
export type EntryProblem =
  /** Its `before` is not the memory the entries before it lead to: the card changed without a log entry. */
  | 'broken-chain'
  /** Its `after` is no memory (a field missing, not finite, or out of range): the recomputation was used. */
  | 'bad-after'
  /** A cram answer whose `after` is not its `before` (cram never reschedules): the memory was left as it was. */
  | 'cram-moved';

export interface ReplayResult {
  /** The memory the log leads to. */
  memory: Memory;
  /** Answers whose recomputation with today's parameters gave their logged `after` exactly. */
  recomputed: number;
  /** Answers graded under parameters that have changed since: their logged `after` was taken. */
  asLogged: number;
  manual: number;
  cram: number;
  problems: Array<{ logId: string; problem: EntryProblem }>;
}

/** The memory fields of a row (a card row has many more). */
export function memoryFields(m: Memory): Memory {
  return {
    due: m.due,
    stability: m.stability,
    difficulty: m.difficulty,
    elapsedDays: m.elapsedDays,
    scheduledDays: m.scheduledDays,
    learningSteps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state,
    lastReview: m.lastReview,
  };
}

/** The memory fields in which `a` and `b` differ (`Object.is`: exact, and NaN equals NaN). */
export function memoryDiff(a: Memory, b: Memory): (keyof Memory)[] {
  return MEMORY_FIELDS.filter((f) => !Object.is(a[f], b[f]));
}

export function sameMemory(a: Memory, b: Memory): boolean {
  return memoryDiff(a, b).length === 0;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const count = (x: unknown) => finite(x) && Number.isInteger(x) && x >= 0;

/** Whether a value is a memory FSRS can go on from (what a corrupted row may not be). */
export function isMemory(m: unknown): m is Memory {
  if (typeof m !== 'object' || m === null) return false;
  const v = m as Record<keyof Memory, unknown>;
  return (
    finite(v.due) &&
    finite(v.stability) &&
    v.stability >= 0 &&
    finite(v.difficulty) &&
    v.difficulty >= 0 &&
    finite(v.elapsedDays) &&
    finite(v.scheduledDays) &&
    count(v.learningSteps) &&
    count(v.reps) &&
    count(v.lapses) &&
    (v.state === CardState.New ||
      v.state === CardState.Learning ||
      v.state === CardState.Review ||
      v.state === CardState.Relearning) &&
    (v.lastReview === null || finite(v.lastReview))
  );
}

/** Whether a memory is that of a card never studied (its due date aside: a new card's is when it was added). */
export function isNeverStudied(m: Memory): boolean {
  return (
    m.state === CardState.New &&
    m.stability === 0 &&
    m.difficulty === 0 &&
    m.elapsedDays === 0 &&
    m.scheduledDays === 0 &&
    m.learningSteps === 0 &&
    m.reps === 0 &&
    m.lapses === 0 &&
    m.lastReview === null
  );
}

/**
 * The entries in the order they happened: by time, and entries of the same millisecond (an answer is never dated
 * before the card's last review, so two can share one) in the order their `before`/`after` chain them.
 */
export function inLogOrder<E extends ReplayEntry>(entries: readonly E[]): E[] {
  const sorted = [...entries].sort((a, b) => a.review - b.review || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i + 1 < sorted.length; i++) {
    if (sorted[i + 1]!.review !== sorted[i]!.review) continue;
    const prev = i === 0 ? null : sorted[i - 1]!.after;
    if (prev === null || sameMemory(sorted[i]!.before, prev)) continue;
    // The entry here does not follow: bring forward the one of the same time that does.
    for (let j = i + 1; j < sorted.length && sorted[j]!.review === sorted[i]!.review; j++) {
      if (sameMemory(sorted[j]!.before, prev)) {
        const [e] = sorted.splice(j, 1);
        sorted.splice(i, 0, e!);
        break;
      }
    }
  }
  return sorted;
}

/** The answer graded again from `memory`; null when the entry cannot be (a rating that is none, a bad time). */
function regrade(
  cardId: string,
  memory: Memory,
  e: ReplayEntry,
  settingsFor: (entry: ReplayEntry) => SchedulerSettings,
): Memory | null {
  if (!(RATINGS as readonly string[]).includes(e.rating) || !finite(e.review)) return null;
  try {
    return grade(cardId, memory, e.rating as RatingName, new Date(e.review), settingsFor(e)).memory;
  } catch {
    return null;
  }
}

/**
 * Replays a card's log: from its first entry's `before` (the card as the log found it: never studied, for every card
 * dockdeck or an import introduced), or from `initial` when the log is empty, through each entry in order (see the
 * file's head for the rule of each kind). `settingsFor` gives the parameters an entry is recomputed with: its deck's
 * preset's today, with the day boundary at its time.
 */
export function replayLog(
  cardId: string,
  entries: readonly ReplayEntry[],
  initial: Memory,
  settingsFor: (entry: ReplayEntry) => SchedulerSettings,
): ReplayResult {
  const ordered = inLogOrder(entries);
  const out: ReplayResult = {
    memory: memoryFields(initial),
    recomputed: 0,
    asLogged: 0,
    manual: 0,
    cram: 0,
    problems: [],
  };
  let memory: Memory | null = null;
  for (const e of ordered) {
    if (memory === null) memory = isMemory(e.before) ? memoryFields(e.before) : memoryFields(initial);
    else if (!isMemory(e.before) || !sameMemory(e.before, memory))
      out.problems.push({ logId: e.id, problem: 'broken-chain' });
    const usable = isMemory(e.after);
    if (e.kind === 'cram') {
      out.cram++;
      if (!usable || !isMemory(e.before) || !sameMemory(e.after, e.before))
        out.problems.push({ logId: e.id, problem: 'cram-moved' });
      continue;
    }
    if (e.kind === 'manual') {
      out.manual++;
      if (usable) memory = memoryFields(e.after);
      else out.problems.push({ logId: e.id, problem: 'bad-after' });
      continue;
    }
    const next = regrade(cardId, memory, e, settingsFor);
    if (next && usable && sameMemory(next, e.after)) {
      out.recomputed++;
      memory = next;
    } else if (usable) {
      out.asLogged++;
      memory = memoryFields(e.after);
    } else {
      out.problems.push({ logId: e.id, problem: 'bad-after' });
      if (next) memory = next;
    }
  }
  if (memory !== null) out.memory = memory;
  return out;
}
