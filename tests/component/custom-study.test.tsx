// @vitest-environment jsdom
// Custom study as a user takes it: choose "more new cards" or cram, start, answer; custom answers reschedule and are
// logged as custom study, cram answers are logged and change nothing; an empty choice says so.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsProvider } from '../../src/db/react/use-settings';
import { answerCard } from '../../src/db/review-repo';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { CustomStudyScreen } from '../../src/features/review/custom-study-screen';
import { freshDb, review } from './helpers';
import { plainDeck } from './fixtures';

function open() {
  const user = userEvent.setup();
  render(
    <SettingsProvider>
      <CustomStudyScreen deckId="plain" onExit={() => {}} />
    </SettingsProvider>,
  );
  return user;
}

test('"More new cards today": 2 cards, answered, rescheduled and logged as custom study', async () => {
  const clock = await freshDb(plainDeck(5));
  const user = open();
  await user.click(await screen.findByRole('radio', { name: 'More new cards today' }));
  const n = screen.getByRole('spinbutton', { name: 'How many cards' });
  await user.clear(n);
  await user.type(n, '2');
  await user.click(screen.getByRole('button', { name: 'Start' }));
  for (let i = 0; i < 2; i++) {
    await review.waitForCard();
    await user.keyboard(' ');
    await user.keyboard('4');
    await waitFor(async () => expect(await clock.db.reviewLogs.count()).toBe(i + 1), { timeout: 10_000 });
  }
  const logs = await clock.db.reviewLogs.toArray();
  expect(logs.map((l) => l.kind)).toEqual(['custom', 'custom']);
  expect((await clock.db.cards.get(logs[0]!.cardId))!.reps).toBe(1);
});

test('cram answers are logged as cram and reschedule nothing; a bad number cannot start', async () => {
  const clock = await freshDb(plainDeck(3));
  const user = open();
  await user.click(await screen.findByRole('radio', { name: 'Cram: preview cards without rescheduling them' }));
  const n = screen.getByRole('spinbutton', { name: 'How many cards' });
  await user.clear(n);
  await user.type(n, '0');
  expect(screen.getByRole('button', { name: 'Start' })).toBeDisabled();
  expect(screen.getByText('Choose between 1 and 9,999 cards.')).toBeInTheDocument();
  await user.clear(n);
  await user.type(n, '1');
  const before = await clock.db.cards.toArray();
  await user.click(screen.getByRole('button', { name: 'Start' }));
  await review.waitForCard();
  await user.keyboard(' ');
  await user.keyboard('1');
  await waitFor(async () => expect(await clock.db.reviewLogs.count()).toBe(1), { timeout: 10_000 });
  expect((await clock.db.reviewLogs.toArray())[0]!.kind).toBe('cram');
  expect(await clock.db.cards.toArray()).toEqual(before);
});

test('review ahead with nothing due in the next days says so', async () => {
  await freshDb(plainDeck(2));
  const user = open();
  await user.click(await screen.findByRole('button', { name: 'Start' }));
  expect(await screen.findByText('No cards match. Try more days, another tag or another kind.')).toBeInTheDocument();
});

test('a card in learning crammed is shown once: cram leaves it in learning, and the session still ends', async () => {
  const env = await freshDb(plainDeck(1));
  // Answered Good an hour ago: in learning, its next step due now.
  await answerCard(env.db, 'plain/c0', 'good', new Date(env.now() - 3_600_000), {
    durationMs: 1000,
    settings: DEFAULT_SCHEDULER_SETTINGS,
  });
  const before = await env.db.cards.get('plain/c0');
  const user = open();
  await user.click(await screen.findByRole('radio', { name: 'Cram: preview cards without rescheduling them' }));
  await user.click(screen.getByRole('button', { name: 'Start' }));
  await review.waitForCard();
  await user.keyboard(' ');
  await user.keyboard('3');
  await waitFor(() => expect(document.querySelector('.session-end')).not.toBeNull(), { timeout: 10_000 });
  expect(review.cardId()).toBeNull();
  expect((await env.db.reviewLogs.toArray()).map((l) => l.kind).sort()).toEqual(['cram', 'review']);
  expect(await env.db.cards.get('plain/c0')).toEqual(before);
});
