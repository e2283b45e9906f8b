// @vitest-environment jsdom
// In review, as Anki's: "-" buries the card until the next study day, "@" suspends it, Ctrl+1–7 flags it (the same
// number again clears it); each says what happened and is undone with U like an answer.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsProvider } from '../../src/db/react/use-settings';
import { db } from '../../src/db/connection';
import { deckMarks, readMarks } from '../../src/db/marks-table';
import { ReviewScreen } from '../../src/features/review/review-screen';
import { clock } from '../../src/lib/clock';
import { freshDb, review } from './helpers';
import { plainDeck } from './fixtures';

/** A card's marks, from the `cardMarks` table (database version 11): {} for none. */
async function marksOf(id: string) {
  return (await readMarks(db(), [id])).get(id) ?? {};
}

function openReview(deckId: string) {
  const user = userEvent.setup();
  render(
    <SettingsProvider>
      <ReviewScreen deckId={deckId} deckTitle="Deck" onExit={() => {}} />
    </SettingsProvider>,
  );
  return { user };
}

test('"-" buries the card on screen: the next one shows, the row is buried until the next day; U brings it back', async () => {
  await freshDb(plainDeck(3));
  const { user } = openReview('plain');
  const first = await review.waitForCard();
  await user.keyboard('-');
  const next = await review.waitForOtherCard(first);
  expect(next).not.toBe(first);
  expect(await screen.findByText('Buried until the next study day. Undo with U.')).toBeInTheDocument();
  const row = await marksOf(first);
  expect(row.buriedUntil).toBeGreaterThan(clock.ms());
  // Among the deck's parked cards (a range of the marks table by deck).
  expect((await deckMarks(db(), 'plain')).get(first)?.buriedUntil).toBe(row.buriedUntil);
  await user.keyboard('u');
  await waitFor(() => expect(review.cardId()).toBe(first), { timeout: 10_000 });
  expect((await marksOf(first)).buriedUntil).toBeUndefined();
});

test('"@" suspends; the button does the same; Ctrl+2 flags orange and Ctrl+2 again clears it', async () => {
  await freshDb(plainDeck(3));
  const { user } = openReview('plain');
  const first = await review.waitForCard();
  await user.keyboard('{Control>}2{/Control}');
  await waitFor(async () => expect((await marksOf(first)).flag).toBe(2), { timeout: 10_000 });
  expect(await screen.findByText('Flagged Orange.')).toBeInTheDocument();
  expect(review.cardId()).toBe(first);
  await user.keyboard('{Control>}2{/Control}');
  await waitFor(async () => expect((await marksOf(first)).flag).toBeUndefined(), { timeout: 10_000 });
  await user.keyboard('@');
  const second = await review.waitForOtherCard(first);
  expect((await marksOf(first)).suspended).toBe(true);
  expect(await screen.findByText(/^Suspended: it will not come back/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Suspend' }));
  await review.waitForOtherCard(second);
  expect((await marksOf(second)).suspended).toBe(true);
  // Two undos: the last suspension first, then the first one.
  await user.keyboard('u');
  await waitFor(async () => expect((await marksOf(second)).suspended).toBeUndefined(), { timeout: 10_000 });
  await user.keyboard('u');
  await waitFor(async () => expect((await marksOf(first)).suspended).toBeUndefined(), { timeout: 10_000 });
});
