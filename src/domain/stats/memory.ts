// What the cards' FSRS memory says: intervals, stability, difficulty and retrievability, the average retention
// and the estimated total knowledge, as Anki's intervals.rs, eases.rs and retrievability.rs.
import { FSRS5_DEFAULT_DECAY, forgetting_curve } from 'ts-fsrs';
import { DAY_MS } from '../day';
import { CardState } from '../scheduler';
import { NO_UNREAD_NEW, type UnreadNewCards } from './card-counts';
import type { StatsCard } from './stats-rows';

/**
 * The decay of a set of FSRS weights, as ts-fsrs's `forgetting_curve` takes it (positive; the curve uses −decay):
 * w[20] for FSRS-6's 21 weights, FSRS-5's fixed 0.5 for 19.
 */
export function decayOf(weights: readonly number[]): number {
  return weights[20] ?? FSRS5_DEFAULT_DECAY;
}

/**
 * The probability of recall at `now` of a studied card (null for a new one), on ts-fsrs's forgetting curve with the
 * decay of the card's own parameters. Time since the last review is counted in fractional days, as Anki's statistics
 * do (`current_retrievability_seconds`); the card info's `retrievability` in scheduler.ts counts whole days, as
 * ts-fsrs schedules.
 */
export function retrievabilityAt(card: StatsCard, now: number, decay: number): number | null {
  if (card.state === CardState.New) return null;
  const elapsedDays = card.lastReview === null ? 0 : Math.max(0, (now - card.lastReview) / DAY_MS);
  return forgetting_curve(decay, elapsedDays, card.stability);
}

const studied = (c: StatsCard) => c.state !== CardState.New;

/** Intervals in days of the cards in review or relearning (Anki's intervals graph). */
export function intervalsOf(cards: Iterable<StatsCard>): number[] {
  const out: number[] = [];
  for (const c of cards)
    if (c.state === CardState.Review || c.state === CardState.Relearning) out.push(c.scheduledDays);
  return out;
}

/** Stability in days of every studied card. */
export function stabilitiesOf(cards: Iterable<StatsCard>): number[] {
  const out: number[] = [];
  for (const c of cards) if (studied(c)) out.push(c.stability);
  return out;
}

/** Difficulty of every studied card as Anki shows it: FSRS's 1–10 as 0–100 %. */
export function difficultiesOf(cards: Iterable<StatsCard>): number[] {
  const out: number[] = [];
  for (const c of cards) if (studied(c)) out.push(((c.difficulty - 1) / 9) * 100);
  return out;
}

export interface MemorySummary {
  /** Retrievability (0–1) of every studied card, in the order given: the distribution's values. */
  retrievabilities: number[];
  /** The mean retrievability of the studied cards (0–1), Anki's "average retention"; null with none. */
  averageRetention: number | null;
  /** Σ retrievability over the studied cards: Anki's "estimated total knowledge" (cards). */
  totalKnowledge: number;
  /**
   * The same by note: per note, the mean retrievability of its cards (a new card counts 0), summed, as Anki's
   * `sum_by_note`.
   */
  totalKnowledgeByNote: number;
}

/**
 * Retrievability figures at `now`; `decayFor` gives the decay of the parameters each card is scheduled with.
 * `unread`: new cards not in `cards`, which count only in their notes' size.
 */
export function memorySummary(
  cards: Iterable<StatsCard>,
  now: number,
  decayFor: (card: StatsCard) => number,
  unread: UnreadNewCards = NO_UNREAD_NEW,
): MemorySummary {
  const retrievabilities: number[] = [];
  const notes = new Map<string, { sum: number; n: number }>();
  for (const [noteId, n] of unread.byNote) notes.set(noteId, { sum: 0, n });
  let totalKnowledge = 0;
  for (const card of cards) {
    let note = notes.get(card.noteId);
    if (!note) notes.set(card.noteId, (note = { sum: 0, n: 0 }));
    note.n += 1;
    if (!studied(card)) continue;
    const r = retrievabilityAt(card, now, decayFor(card)) ?? 0;
    note.sum += r;
    retrievabilities.push(r);
    totalKnowledge += r;
  }
  let totalKnowledgeByNote = 0;
  for (const { sum, n } of notes.values()) totalKnowledgeByNote += sum / n;
  const averageRetention = retrievabilities.length === 0 ? null : totalKnowledge / retrievabilities.length;
  return { retrievabilities, averageRetention, totalKnowledge, totalKnowledgeByNote };
}
