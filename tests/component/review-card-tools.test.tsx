// @vitest-environment jsdom
// Issue #12, in review as Anki's: E edits the card on screen without leaving the session (the review then shows the
// card as saved), I shows its info (fields, history, forgetting curve); each opens a modal dialog that Esc closes
// without leaving the review, and while it is open the review's keys (Space, 1–4, -, @) do nothing.
import { screen, waitFor, within } from '@testing-library/react';
import { db } from '../../src/db/connection';
import { deckMarks, readMarks } from '../../src/db/marks-table';
import { answerCard } from '../../src/db/review-repo';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { freshDb, openApp, review } from './helpers';
import { plainDeck } from './fixtures';

vi.setConfig({ testTimeout: 30_000 });

const front = (cardId: string) => `Question ${cardId.replace('plain/c', '')}`;

async function openReview() {
  const env = await freshDb(plainDeck(3));
  const app = openApp('#/review/plain');
  const cardId = await review.waitForCard();
  return { ...env, ...app, cardId };
}

const dialog = (name: string) => screen.findByRole('dialog', { name }, { timeout: 10_000 });

test('E opens the editor on the card on screen; saving shows the edited card in the review, still in the session', async () => {
  const { user, cardId } = await openReview();
  expect(review.card()).toHaveTextContent(front(cardId));
  await user.keyboard('e');
  const editor = await dialog('Edit card');
  const field = await within(editor).findByRole('textbox', { name: /Front.*English/ }, { timeout: 10_000 });
  expect(field).toHaveValue(front(cardId));
  // The editor has the focus: typing goes into its field, and no key reached the review.
  await waitFor(() => expect(field).toHaveFocus());
  await user.clear(field);
  await user.type(field, 'What does 1 - @ do?');
  await user.click(within(editor).getByRole('button', { name: 'Save card' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 });
  await waitFor(() => expect(review.card()).toHaveTextContent('What does 1 - @ do?'), { timeout: 10_000 });
  expect(review.cardId()).toBe(cardId);
  expect(screen.getByText(/^Saved\. 1 study card kept with its history\./)).toBeInTheDocument();
  expect((await db().cards.get(cardId))!.content).toMatchObject({ front: { en: 'What does 1 - @ do?' } });
  // Typing 1, - and @ in the field graded, buried and suspended nothing.
  expect(review.answered()).toBe(0);
  expect((await deckMarks(db(), 'plain')).size).toBe(0);
  expect(window.location.hash).toBe('#/review/plain');
});

test('Esc closes only the editor: the review stays on the same card, and its keys work again', async () => {
  const { user, cardId } = await openReview();
  // From the keyboard: the Edit button focused, then Enter.
  screen.getByRole('button', { name: 'Edit' }).focus();
  await user.keyboard('{Enter}');
  const editor = await dialog('Edit card');
  await within(editor).findByRole('textbox', { name: /Front.*English/ }, { timeout: 10_000 });
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(window.location.hash).toBe('#/review/plain');
  expect(review.cardId()).toBe(cardId);
  // Focus went back to the Edit button; once it leaves it, Space shows the answer again (not the editor).
  expect(screen.getByRole('button', { name: 'Edit' })).toHaveFocus();
  (document.activeElement as HTMLElement).blur();
  await review.revealByKey(user);
});

test('Cancel with changes asks first; discarding closes the editor and the card is as it was', async () => {
  const { user, cardId } = await openReview();
  await user.keyboard('E');
  const editor = await dialog('Edit card');
  const field = await within(editor).findByRole('textbox', { name: /Front.*English/ }, { timeout: 10_000 });
  await user.type(field, ' changed');
  await user.click(within(editor).getByRole('button', { name: 'Cancel' }));
  const ask = await screen.findByRole('alertdialog');
  await user.click(within(ask).getByRole('button', { name: /Discard/ }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(review.card()).toHaveTextContent(front(cardId));
  expect(review.card()).not.toHaveTextContent('changed');
});

test('I shows the card’s info with its review history; Space, 1–4, - and @ do nothing while it is open', async () => {
  const env = await freshDb(plainDeck(1));
  // One answer an hour ago: the card is in learning and due again now.
  await answerCard(db(), 'plain/c0', 'again', new Date(env.now() - 3_600_000), {
    durationMs: 4000,
    settings: DEFAULT_SCHEDULER_SETTINGS,
  });
  const { user } = openApp('#/review/plain');
  await review.waitForCard();
  await review.revealByKey(user);
  await user.keyboard('i');
  const info = await dialog('Card info');
  const history = await within(info).findByRole('table', { name: 'Review history' }, { timeout: 10_000 });
  expect(within(history).getAllByRole('row')).toHaveLength(2);
  expect(within(history).getByText('Again')).toBeInTheDocument();
  expect(within(info).getByRole('heading', { name: 'Forgetting curve' })).toBeInTheDocument();
  expect(within(info).getAllByText('Question 0').length).toBeGreaterThan(0);
  // The focus is in the dialog (on Close); and from the dialog itself, the review's keys do nothing either.
  const close = within(info).getByRole('button', { name: 'Close' });
  expect(close).toHaveFocus();
  info.focus();
  await user.keyboard('1-@ 4');
  expect(screen.getByRole('dialog', { name: 'Card info' })).toBeInTheDocument();
  expect(review.answered()).toBe(0);
  expect((await db().cards.get('plain/c0'))!).toMatchObject({ reps: 1 });
  // No mark either (the marks are in the cardMarks table since database version 11).
  expect((await readMarks(db(), ['plain/c0'])).get('plain/c0')).toBeUndefined();
  // Tab goes round the dialog's controls, never out to the review behind it.
  for (let i = 0; i < 6; i++) {
    await user.tab();
    expect(info.contains(document.activeElement)).toBe(true);
  }
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(window.location.hash).toBe('#/review/plain');
  // Back in the review, 1 grades the card whose answer is shown.
  (document.activeElement as HTMLElement | null)?.blur();
  await user.keyboard('3');
  await review.waitForAnswered(1);
});

test('in Chinese the buttons and dialogs are named in Chinese', async () => {
  const env = await freshDb(plainDeck(2));
  await env.db.settings.put({ key: 'study', value: { uiLang: 'zh' }, updatedAt: env.now() });
  const { user } = openApp('#/review/plain');
  await review.waitForCard();
  await user.click(await screen.findByRole('button', { name: '卡片信息' }));
  const info = await dialog('卡片信息');
  await user.click(within(info).getByRole('button', { name: '关闭' }));
  await user.click(screen.getByRole('button', { name: '编辑' }));
  await dialog('编辑卡片');
});
