// Anki's "reschedule cards on change": when a preset's retention or parameters change, a review card's next due date
// is recomputed from its memory (stability) with the new settings, counted from its last review. The memory itself
// and the answer history stay as they are. Pure; no fuzz, so the same card and settings give the same date.
import { DAY_MS } from './day';
import { CardState, engine, type Memory, type SchedulerSettings } from './scheduler';

/** The card's memory with its due date from the new settings; null when it is no review card or would not move. */
export function rescheduledMemory(memory: Memory, settings: SchedulerSettings): Memory | null {
  if (memory.state !== CardState.Review || memory.lastReview === null) return null;
  const days = engine(settings, 'interval').next_interval(memory.stability, memory.scheduledDays);
  const due = memory.lastReview + days * DAY_MS;
  if (due === memory.due && days === memory.scheduledDays) return null;
  return { ...memory, due, scheduledDays: days };
}
