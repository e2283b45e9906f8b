// Replays an imported review history (e.g. Anki's revlog) through FSRS, so a card known well elsewhere is not shown as new.
//
// Each graded answer goes through `grade` (ts-fsrs `FSRS.next`, exactly what `FSRS.reschedule` replays per
// review), so the study-day shift and fuzz seed are those of answers given in dockdeck. Manual entries are
// applied as ts-fsrs's `reschedule` applies them (a reset starts the card afresh; a set due date moves the due
// date and keeps the memory); they change the card but are not answers: they are logged as manual entries (`manual`),
// so that the card's memory is the replay of its log (domain/replay.ts).
import {
  grade,
  newMemory,
  CardState,
  type Memory,
  type ReviewRecord,
  type SchedulerSettings,
} from '../../domain/scheduler';
import type { ImportedReview } from './draft';
import { DAY_MS } from '../../domain/day';

export interface ReplayedCard {
  cardId: string;
  memory: Memory;
  /** One record per graded answer, oldest first. */
  records: Array<ReviewRecord & { durationMs: number }>;
  /** The manual entries that changed the card (a reset, a set due date), oldest first, with the memory around each. */
  manual?: Array<{ rating: 'reset' | 'set-due'; review: number; before: Memory; after: Memory }>;
}

/** ts-fsrs's manual rating (`Reschedule.handleManualRating`), on dockdeck's Memory. */
function applyManual(memory: Memory, at: number, manual: NonNullable<ImportedReview['manual']>): Memory | null {
  if (manual.state === CardState.New) return { ...newMemory(new Date(at)), lastReview: at };
  if (manual.due === undefined || !Number.isFinite(manual.due)) return null;
  const elapsed =
    memory.state !== CardState.New && memory.lastReview !== null ? Math.floor((at - memory.lastReview) / DAY_MS) : 0;
  return {
    ...memory,
    state: manual.state,
    due: manual.due,
    lastReview: at,
    elapsedDays: elapsed,
    scheduledDays: Math.floor((manual.due - at) / DAY_MS),
    reps: memory.reps + 1,
  };
}

/**
 * The card's memory after its history, and the log records of its answers. Reviews are taken oldest first;
 * entries dated after `now` (a clock that was wrong) or without a valid time cannot have happened and are left
 * out. Returns null when nothing remains, i.e. the card stays new.
 */
export function replayHistory(
  cardId: string,
  reviews: readonly ImportedReview[],
  now: number,
  settings: SchedulerSettings,
): ReplayedCard | null {
  const usable = reviews
    .filter((r) => Number.isFinite(r.review) && r.review <= now && (r.rating !== 'manual' || r.manual !== undefined))
    .sort((a, b) => a.review - b.review);
  const first = usable[0];
  if (!first) return null;
  let memory = newMemory(new Date(first.review));
  const records: ReplayedCard['records'] = [];
  const manual: ReplayedCard['manual'] = [];
  let changed = false;
  for (const r of usable) {
    if (r.rating === 'manual') {
      const next = applyManual(memory, r.review, r.manual!);
      if (next) {
        manual.push({
          rating: r.manual!.state === CardState.New ? 'reset' : 'set-due',
          review: r.review,
          before: memory,
          after: next,
        });
        memory = next;
        changed = true;
      }
      continue;
    }
    const graded = grade(cardId, memory, r.rating, new Date(r.review), settings);
    memory = graded.memory;
    records.push({
      ...graded.record,
      durationMs: Math.max(0, Math.round(Number.isFinite(r.durationMs) ? r.durationMs : 0)),
    });
    changed = true;
  }
  return changed ? { cardId, memory, records, manual } : null;
}

/** The history of each card, by study card id, in one pass. */
export function groupHistory(history: readonly ImportedReview[]): Map<string, ImportedReview[]> {
  const byCard = new Map<string, ImportedReview[]>();
  for (const r of history) {
    const list = byCard.get(r.cardId);
    if (list) list.push(r);
    else byCard.set(r.cardId, [r]);
  }
  return byCard;
}
