// A user's own marks on a card, apart from its FSRS memory, as Anki has them: suspended (never shown until
// unsuspended), buried (put aside until the next study day) and a flag (one of seven colours, or none).
// Marks never touch the memory, so a card's schedule stays the replay of its review log.

export interface CardMarks {
  suspended?: boolean;
  /** Buried until this moment (the start of the next study day when it was buried). */
  buriedUntil?: number;
  /** 1–7 (Anki's red, orange, green, blue, pink, turquoise, purple); absent or 0 for none. */
  flag?: number;
}

/** Anki's flag colours, by number (flag 1 is red). */
export const FLAG_COLOURS = ['red', 'orange', 'green', 'blue', 'pink', 'turquoise', 'purple'] as const;
export type FlagColour = (typeof FLAG_COLOURS)[number];
export const MAX_FLAG = FLAG_COLOURS.length;

export function isBuried(marks: CardMarks, now: number): boolean {
  return marks.buriedUntil !== undefined && marks.buriedUntil > now;
}

/** Not to be shown in a normal session now: suspended, or buried until a later moment. */
export function isParked(marks: CardMarks, now: number): boolean {
  return marks.suspended === true || isBuried(marks, now);
}

/**
 * The value of the sparse `parkedDeck` index for a card: its deck id while it is suspended or buried, else nothing
 * (IndexedDB leaves a row without the key out of the index, so the index holds only the few parked cards). A burial
 * that has run out stays in the index until the card is next written; readers check `isParked` with the time.
 */
export function parkedDeck(deckId: string, marks: CardMarks): string | undefined {
  return marks.suspended === true || marks.buriedUntil !== undefined ? deckId : undefined;
}

/** A flag number as stored: 1–7, or 0 for none; anything else is refused by returning null. */
export function flagNumber(n: number): number | null {
  return Number.isInteger(n) && n >= 0 && n <= MAX_FLAG ? n : null;
}
