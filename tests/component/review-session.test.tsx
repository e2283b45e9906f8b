// @vitest-environment jsdom
// A review session driven as a user drives it: by keyboard and by clicks, with undo, summary and storage errors.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { freshDb, openApp, review } from './helpers';
import { plainDeck } from './fixtures';

const MIN = 60_000;

test('keyboard: Space shows the answer, the buttons show intervals, 3 grades Good and the next card follows', async () => {
  const { db } = await freshDb(plainDeck(3));
  const { user } = openApp('#/review/plain');
  const first = await review.waitForCard();
  expect(first).toBe('plain/c0');
  expect(screen.getByText('Question 0')).toBeInTheDocument();
  expect(screen.queryByText('Answer 0')).not.toBeInTheDocument();

  await review.revealByKey(user);
  expect(screen.getByText('Answer 0')).toBeInTheDocument();
  // A new card with the default 1m/10m steps: Again 1m, Hard 6m, Good 10m, Easy in days.
  expect(review.intervals()).toMatchObject({ again: '1m', hard: '6m', good: '10m' });
  expect(review.intervals().easy).toMatch(/^\d+d$/);

  await user.keyboard('3');
  const second = await review.waitForOtherCard(first);
  expect(second).toBe('plain/c1');
  await review.waitForAnswered(1);

  const logs = await db.reviewLogs.toArray();
  expect(logs).toHaveLength(1);
  expect(logs[0]).toMatchObject({ cardId: 'plain/c0', rating: 'good', state: 0, kind: 'review' });
  const card = await db.cards.get('plain/c0');
  expect(card).toMatchObject({ state: 1, reps: 1 });
  expect(card!.due - logs[0]!.review).toBe(10 * MIN);
});

test('clicks: Show answer, then Again, Hard, Good, Easy buttons each write their rating', async () => {
  const { db } = await freshDb(plainDeck(4));
  const { user } = openApp('#/review/plain');
  for (const [i, name] of ['Again', 'Hard', 'Good', 'Easy'].entries()) {
    const id = await review.waitForCard();
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    await user.click(screen.getByRole('button', { name: new RegExp(`^${name},`) }));
    await review.waitForAnswered(i + 1);
    expect((await db.reviewLogs.where('cardId').equals(id).toArray())[0]?.rating).toBe(name.toLowerCase());
  }
  expect(await db.reviewLogs.count()).toBe(4);
});

test('grading keys do nothing before the answer is shown', async () => {
  const { db } = await freshDb(plainDeck(2));
  const { user } = openApp('#/review/plain');
  await review.waitForCard();
  await user.keyboard('3');
  // Keys are handled in order: had the 3 graded, the next card would be on screen before the answer shows.
  await review.revealByKey(user);
  expect(review.cardId()).toBe('plain/c0');
  expect(await db.reviewLogs.count()).toBe(0);
});

test('undo (U, then Ctrl+Z) takes the answer back: card state and log both, and the card is shown again', async () => {
  const { db } = await freshDb(plainDeck(3));
  const { user } = openApp('#/review/plain');
  await review.waitForCard();
  const before = await db.cards.get('plain/c0');

  await review.revealByKey(user);
  await user.keyboard('4');
  await review.waitForAnswered(1);
  expect(await db.reviewLogs.count()).toBe(1);

  await user.keyboard('u');
  await waitFor(async () => expect(await db.reviewLogs.count()).toBe(0));
  await waitFor(() => expect(review.cardId()).toBe('plain/c0'));
  const after = await db.cards.get('plain/c0');
  expect({ ...after, updatedAt: 0 }).toEqual({ ...before, updatedAt: 0 });

  // Answer two, undo the last with Ctrl+Z: only the last goes.
  await review.revealByKey(user);
  await user.keyboard('3');
  await review.waitForOtherCard('plain/c0');
  await review.revealByKey(user);
  await user.keyboard('3');
  await review.waitForAnswered(2);
  await user.keyboard('{Control>}z{/Control}');
  await waitFor(async () => expect(await db.reviewLogs.count()).toBe(1));
  expect((await db.reviewLogs.toArray())[0]?.cardId).toBe('plain/c0');
  await waitFor(() => expect(review.cardId()).toBe('plain/c1'));
});

test('the session ends with a summary: cards done, again rate, time spent, due tomorrow', async () => {
  const clock = await freshDb(plainDeck(2));
  const { user } = openApp('#/review/plain');
  await review.waitForCard();
  clock.advance(5000);
  await review.revealByKey(user);
  await user.keyboard('4');
  await review.waitForOtherCard('plain/c0');
  clock.advance(7000);
  await review.revealByKey(user);
  await user.keyboard('4');

  const summary = await screen.findByText('Session finished');
  const box = summary.closest('.session-end') as HTMLElement;
  expect(within(box).getByTestId('summary-cards')).toHaveTextContent('2');
  expect(within(box).getByTestId('summary-again')).toHaveTextContent('0%');
  expect(within(box).getByTestId('summary-time')).toHaveTextContent('12 s');
  // Easy on a new card schedules it days ahead, so nothing is due tomorrow and no new cards are left.
  await waitFor(() =>
    expect(within(box).getByTestId('summary-tomorrow')).toHaveTextContent('0 to review, plus up to 0 new cards'),
  );
});

test('a card answered Again comes back in the same session when its step is due, without a reload', async () => {
  await freshDb(plainDeck(1));
  const { user } = openApp('#/review/plain');
  await review.waitForCard();
  await review.revealByKey(user);
  await user.keyboard('1');
  await review.waitForAnswered(1);
  // Nothing else to do, and the learning card is within the 20-minute learn-ahead window: it is shown at once.
  await waitFor(() => expect(review.cardId()).toBe('plain/c0'));
});

test('new cards respect the daily limit; the rest wait for tomorrow', async () => {
  const { db } = await freshDb(plainDeck(30));
  const { user } = openApp('#/review/plain');
  await review.waitForCard();
  expect(screen.getByText(/Remaining: 20 new, 0 learning, 0 review/)).toBeInTheDocument();
  await review.revealByKey(user);
  await user.keyboard('4');
  await review.waitForAnswered(1);
  await waitFor(() => expect(screen.getByText(/Remaining: 19 new/)).toBeInTheDocument());
  expect((await db.cards.toArray()).filter((c) => c.deckId === 'plain' && c.state === 0)).toHaveLength(29);
});

test('a storage failure while answering keeps the answer, says what to do, and writes it on Retry', async () => {
  const { db } = await freshDb(plainDeck(2));
  let full = true;
  db.reviewLogs.hook('creating', () => {
    if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  const { user } = openApp('#/review/plain');
  await review.waitForCard();
  await review.revealByKey(user);
  await user.keyboard('3');
  expect((await screen.findByText(/no storage space left/)).closest('[role="alert"]')).not.toBeNull();
  const unsaved = await screen.findByText(/1 answer is not saved yet/);
  // The transaction rolled back: the card was not changed; the answer is kept, the session goes on with the next.
  expect(await db.cards.get('plain/c0')).toMatchObject({ state: 0, reps: 0 });
  await waitFor(() => expect(review.cardId()).toBe('plain/c1'));
  expect(await db.reviewLogs.count()).toBe(0);

  full = false;
  await user.click(
    within(unsaved.closest('.unsaved-answers') as HTMLElement).getByRole('button', { name: 'Retry saving' }),
  );
  await waitFor(() => expect(screen.queryByText(/not saved yet/)).not.toBeInTheDocument());
  const logs = await db.reviewLogs.toArray();
  expect(logs).toMatchObject([{ cardId: 'plain/c0', rating: 'good' }]);
  expect(await db.cards.get('plain/c0')).toMatchObject({ state: 1, reps: 1 });
  await review.waitForAnswered(1);
});

test('another tab upgrading the database asks the user to reload', async () => {
  const { db } = await freshDb(plainDeck(1));
  openApp('#/review/plain');
  await review.waitForCard();
  db.on.versionchange.fire(new Event('versionchange') as IDBVersionChangeEvent);
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(/updated in another tab/);
  expect(within(alert).getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
  await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
});

test('a learning card beyond the learn-ahead window appears when it falls due, without a reload', async () => {
  const clock = await freshDb(plainDeck(1));
  const { writePresetBook } = await import('../../src/db/settings-repo');
  const { defaultBook, updatePreset } = await import('../../src/domain/presets');
  await writePresetBook(clock.db, updatePreset(defaultBook(), 'default', { learningSteps: ['30m'] }), clock.now());
  const { user } = openApp('#/review/plain');
  await review.waitForCard();
  await review.revealByKey(user);
  expect(review.intervals().again).toBe('30m');
  await user.keyboard('1');
  await screen.findByText(/next learning card is due in 30m/);
  expect(review.card()).toBeNull();

  clock.advance(31 * MIN);
  // The page's clock wakes on its timer or when the window regains focus; focus stands in for the timer here.
  fireEvent(window, new Event('focus'));
  await waitFor(() => expect(review.cardId()).toBe('plain/c0'));
});

/** Three plain cards: c0 answered Again (due again in a minute), c1 now on screen. */
async function againThenNext() {
  const clock = await freshDb(plainDeck(3));
  const { user } = openApp('#/review/plain');
  await review.waitForCard();
  await review.revealByKey(user);
  await user.keyboard('1'); // c0 again: due in 1 minute
  expect(await review.waitForOtherCard('plain/c0')).toBe('plain/c1');
  return { clock, user };
}

test('regression: a learning card falling due does not replace the card whose answer is showing', async () => {
  const { clock, user } = await againThenNext();
  // c0's answer is stored (until then the queue holds its old row, which the screen skips as stale).
  await review.waitForAnswered(1);
  await review.revealByKey(user);

  clock.advance(65_000);
  fireEvent(window, new Event('focus'));
  // The screen has read the queue again, at the new time (c0 is due now).
  await review.waitQueueAt(clock.now());
  expect(review.cardId()).toBe('plain/c1');
  expect(screen.getByText('Answer 1')).toBeInTheDocument();

  // Once c1 is answered, the learning card that fell due takes the next slot.
  await user.keyboard('3');
  expect(await review.waitForOtherCard('plain/c1')).toBe('plain/c0');
});

test('a learning card falling due does not replace the card on screen before its answer is shown either', async () => {
  const { clock, user } = await againThenNext();
  await review.waitForAnswered(1);

  clock.advance(65_000);
  fireEvent(window, new Event('focus'));
  await review.waitQueueAt(clock.now());
  expect(review.cardId()).toBe('plain/c1');
  expect(screen.getByRole('button', { name: 'Show answer' })).toBeInTheDocument();
  // Its answer is still its own, and its grade counts the time since it was first shown.
  await review.revealByKey(user);
  expect(screen.getByText('Answer 1')).toBeInTheDocument();
  await user.keyboard('3');
  expect(await review.waitForOtherCard('plain/c1')).toBe('plain/c0');
  await review.waitForAnswered(2);
  const log = await clock.db.reviewLogs.where('cardId').equals('plain/c1').first();
  expect(log?.durationMs).toBe(60_000);
});

test('regression: work cut off by another tab’s upgrade does not add a second, "database closed" alert', async () => {
  const { db } = await freshDb(plainDeck(2));
  const { user } = openApp('#/review/plain');
  await review.waitForCard();
  db.on.versionchange.fire(new Event('versionchange') as IDBVersionChangeEvent);
  await screen.findByRole('alert');
  // An answer after the close fails: the user is already told to reload, once.
  await review.revealByKey(user);
  await user.keyboard('3');
  // The answer could not be stored: its card comes back, answer hidden, once the failure has been handled.
  await waitFor(() => {
    expect(review.cardId()).toBe('plain/c0');
    expect(screen.getByRole('button', { name: 'Show answer' })).toBeInTheDocument();
  });
  expect(screen.getAllByRole('alert')).toHaveLength(1);
  expect(screen.getByRole('alert')).toHaveTextContent(/updated in another tab/);
});
