// The orders a preset can ask of today's queue: new cards shuffled (stable for a study day) and reviews by how likely
// they are forgotten. Pure: the day and the time are arguments.
import { subSeed } from './quiz/random';
import type { NewOrder, ReviewOrder } from './presets';
import type { SchedulerSettings } from './scheduler';

/** How a deck's queue is ordered, from its preset. */
export interface QueueOrder {
  newOrder: NewOrder;
  reviewOrder: ReviewOrder;
  /** The preset's scheduling: the retrievability of a review is computed with its parameters. */
  scheduler: SchedulerSettings;
}

/**
 * New card ids in a random order that stays the same all study day (`dayStart` seeds it) and changes the next: each
 * id's rank is a hash of the id and the day, so adding or removing a card moves no other.
 */
export function shuffledForDay(ids: readonly string[], dayStart: number): string[] {
  const seed = Math.floor(dayStart / 1000) >>> 0;
  return ids
    .map((id) => ({ id, rank: subSeed(seed, id) }))
    .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((x) => x.id);
}

/** Cards sorted by retrievability, lowest first (ties: earlier due first, then id), given each card's R. */
export function byRetrievability<T extends { id: string; due: number }>(
  cards: readonly T[],
  r: (card: T) => number,
): T[] {
  return cards
    .map((card) => ({ card, r: r(card) }))
    .sort((a, b) => a.r - b.r || a.card.due - b.card.due || (a.card.id < b.card.id ? -1 : 1))
    .map((x) => x.card);
}
