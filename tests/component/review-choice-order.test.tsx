// @vitest-environment jsdom
// Review shuffles multiple-choice answers: the right one is not always "A", the order holds after an undo, and a
// letter key picks the choice that shows that letter.
import { screen, waitFor } from '@testing-library/react';
import type { DeckInput } from '../../src/domain/deck-schema';
import { freshDb, openApp, review } from './helpers';

const t = (en: string, zh: string) => ({ en, zh });
const source = { doc: 'doc.txt', section: 'Intro' };
const deck: DeckInput = {
  format: 'dockdeck/deck@1',
  id: 'mcqs',
  title: t('Choices', '选择题'),
  sources: [{ doc: 'doc.txt' }],
  cards: Array.from({ length: 12 }, (_, i) => ({
    id: `q${i}`,
    type: 'mcq' as const,
    source,
    question: t(`Question ${i}?`, `问题 ${i}？`),
    // In the file the answer is always the first choice, as in the decks the audit found.
    choices: [
      t(`Right ${i}`, `对 ${i}`),
      t(`Wrong one ${i}`, `错一 ${i}`),
      t(`Wrong two ${i}`, `错二 ${i}`),
      t(`Wrong three ${i}`, `错三 ${i}`),
    ],
    answer: 0,
  })),
  tables: [],
};

/** The letters of the choices on screen, top to bottom, with their text. */
const shown = () =>
  [...review.card()!.querySelectorAll<HTMLButtonElement>('ol.choices button')].map((b) => b.textContent!.trim());

test('the right answer shows at different letters across cards; an undo shows the same order again', async () => {
  await freshDb(deck);
  const { user } = openApp('#/review/mcqs');
  let id = await review.waitForCard();
  const firstOrder = shown();

  const positions = new Set<number>();
  for (let n = 0; n < 12; n++) {
    const right = shown().findIndex((text) => text.includes('Right'));
    positions.add(right);
    // The letter key of the right choice picks it (the letter on screen, not the place in the file).
    const letter = shown()[right]!.slice(0, 1).toLowerCase();
    await user.keyboard(letter);
    expect(screen.getByRole('button', { name: /Right/ })).toHaveAttribute('aria-pressed', 'true');
    await review.revealByKey(user);
    expect(screen.getByRole('button', { name: /Right/ })).toHaveAttribute('data-state', 'right');
    await user.keyboard('3');
    await review.waitForAnswered(n + 1);
    if (n === 0) {
      // Undo the first answer: the same card with the same order, then answer it again.
      await user.keyboard('u');
      await review.waitForAnswered(0);
      // The undone card comes back (wait for it: the card answered next may still be drawn for a moment).
      await waitFor(() => expect(review.cardId()).toBe(id), { timeout: 10_000 });
      expect(shown()).toEqual(firstOrder);
      await review.revealByKey(user);
      await user.keyboard('3');
      await review.waitForAnswered(1);
    }
    if (n < 11) id = await review.waitForOtherCard(id);
  }
  expect(positions.size).toBeGreaterThanOrEqual(3);
});
