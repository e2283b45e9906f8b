// @vitest-environment jsdom
// Issue 12, "found when tried as a new user would": on the review screen a focused control does its own job (the
// screen's keys act only when the focus is on no control), and Esc leaves the session.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsProvider } from '../../src/db/react/use-settings';
import { ReviewScreen } from '../../src/features/review/review-screen';
import { freshDb, openApp, review } from './helpers';
import { demoDeck, plainDeck } from './fixtures';

/** The review screen of a deck on its own, with the exit the shell would give it. */
function openReview(deckId: string) {
  const onExit = vi.fn();
  const user = userEvent.setup();
  render(
    <SettingsProvider>
      <ReviewScreen deckId={deckId} deckTitle="Deck" onExit={onExit} />
    </SettingsProvider>,
  );
  return { user, onExit };
}

/** Tabs until the focus is on the button named `name` (at most 20 steps). */
async function tabTo(user: ReturnType<typeof userEvent.setup>, name: RegExp) {
  const target = screen.getByRole('button', { name });
  for (let i = 0; i < 20 && document.activeElement !== target; i++) await user.tab();
  expect(target).toHaveFocus();
  return target;
}

const answerShown = () => screen.queryByTestId('card-back') !== null;

test('Tab to "Back to decks" and Enter, or Space, leaves the session and shows no answer', async () => {
  await freshDb(plainDeck(2));
  const { user, onExit } = openReview('plain');
  await review.waitForCard();
  await tabTo(user, /Back to decks/);
  await user.keyboard('{Enter}');
  expect(onExit).toHaveBeenCalledTimes(1);
  expect(answerShown()).toBe(false);
  await user.keyboard(' ');
  expect(onExit).toHaveBeenCalledTimes(2);
  expect(answerShown()).toBe(false);
});

test('Enter or Space on "Also show 中文" toggles the other language and nothing else', async () => {
  await freshDb(demoDeck);
  const { user, onExit } = openReview('demo');
  await review.waitForCard();
  await tabTo(user, /Also show 中文/);
  await user.keyboard('{Enter}');
  expect(screen.getByText('哪个命令启动容器？')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Hide 中文' })).toHaveFocus();
  expect(answerShown()).toBe(false);
  await user.keyboard(' ');
  expect(screen.queryByText('哪个命令启动容器？')).not.toBeInTheDocument();
  expect(answerShown()).toBe(false);
  expect(onExit).not.toHaveBeenCalled();
});

test('the review keys are left alone while a control has the focus, and work again once it has not', async () => {
  const { db } = await freshDb(plainDeck(4));
  const { user } = openReview('plain');
  // Two answers, by keys with the focus on the page.
  for (let n = 1; n <= 2; n++) {
    await review.waitForOtherCard(n === 1 ? null : 'plain/c0');
    await review.revealByKey(user);
    await user.keyboard('3');
    await review.waitForAnswered(n);
  }
  expect(review.cardId()).toBe('plain/c2');

  // On "Back to decks": grade, undo, language, letters and Ctrl+Z do nothing (the key handler acts synchronously, so
  // had any of them acted, the screen would show it already).
  const back = screen.getByRole('button', { name: /Back to decks/ });
  back.focus();
  await user.keyboard('u{Control>}z{/Control}l3a');
  expect(review.cardId()).toBe('plain/c2');
  expect(answerShown()).toBe(false);
  expect(await db.reviewLogs.count()).toBe(2);

  // The answer shown; on the Undo button, 1–4 do not grade.
  back.blur();
  await review.revealByKey(user);
  screen.getByRole('button', { name: 'Undo' }).focus();
  await user.keyboard('1234');
  expect(screen.getByRole('button', { name: /^Good,/ })).toBeInTheDocument();
  expect(review.cardId()).toBe('plain/c2');

  // Focus off the controls: U takes back exactly one answer (had the keys above undone any, there would be fewer).
  (document.activeElement as HTMLElement).blur();
  await user.keyboard('u');
  await review.waitForAnswered(1);
  expect(await db.reviewLogs.count()).toBe(1);
  await review.waitForOtherCard('plain/c2');
  expect(review.cardId()).toBe('plain/c1');
  await review.revealByKey(user);
  await user.keyboard('3');
  await review.waitForAnswered(2);
});

test('a click on "Also show 中文" leaves no focus behind: Space then shows the answer', async () => {
  await freshDb(demoDeck);
  const { user } = openReview('demo');
  await review.waitForCard();
  await user.click(screen.getByRole('button', { name: 'Also show 中文' }));
  expect(screen.getByText('哪个命令启动容器？')).toBeInTheDocument();
  expect(document.activeElement).toBe(document.body);
  await review.revealByKey(user);
  expect(screen.getByText('哪个命令启动容器？')).toBeInTheDocument();
});

test('Esc in the answer field leaves the field; Esc again leaves the session', async () => {
  const typeIn = { ...demoDeck, cards: demoDeck.cards.filter((c) => c.type === 'type-in'), tables: [] };
  await freshDb(typeIn);
  const { user, onExit } = openReview('demo');
  await review.waitForCard();
  const field = screen.getByRole('textbox', { name: 'Your answer' });
  await waitFor(() => expect(field).toHaveFocus());
  await user.keyboard('cg{Escape}');
  expect(field).toHaveValue('cg');
  expect(field).not.toHaveFocus();
  expect(onExit).not.toHaveBeenCalled();
  await user.keyboard('{Escape}');
  expect(onExit).toHaveBeenCalledTimes(1);
});

test('Esc leaves the session for the library, as Anki’s does; the session’s undo goes with it', async () => {
  const { db } = await freshDb(plainDeck(3));
  const { user } = openApp('#/review/plain');
  await review.waitForCard();
  await review.revealByKey(user);
  await user.keyboard('3');
  await review.waitForAnswered(1);
  expect(screen.getByRole('button', { name: 'Undo' })).toBeEnabled();

  await user.keyboard('{Escape}');
  await waitFor(() => expect(window.location.hash).toBe('#/'));
  await waitFor(() => expect(document.querySelector('section.review')).toBeNull());
  expect(await db.reviewLogs.count()).toBe(1);

  window.location.hash = '#/review/plain';
  await review.waitForOtherCard('plain/c0');
  expect(review.answered()).toBe(0);
  expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
  expect(await db.reviewLogs.count()).toBe(1);
});
