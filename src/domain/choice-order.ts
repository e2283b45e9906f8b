// The order a card's choices (mcq) or categories (classify) are shown in during review: shuffled, seeded by the
// card and how many times it has been answered, so the order is the same across reloads and after an undo (which
// restores the count) but changes from one review to the next. A learner cannot learn "press A".
import { rng, shuffle, subSeed } from './quiz/random.ts';

/** Display position → choice index, for a card with `n` choices answered `reviews` times. */
export function choiceOrder(cardId: string, reviews: number, n: number): number[] {
  const identity = Array.from({ length: n }, (_, i) => i);
  return shuffle(identity, rng(subSeed(reviews, cardId)));
}

/** The letters choices are shown with, everywhere (review, quiz, exports): A for the first shown, and so on. */
export const CHOICE_LETTERS = 'ABCDEFGH';

/** The position a letter key picks (a or A → 0), or -1 for any other key. */
export function choiceLetterIndex(key: string): number {
  return key.length === 1 ? CHOICE_LETTERS.indexOf(key.toUpperCase()) : -1;
}
