// @vitest-environment jsdom
// Issue #12, "find a card, fix a wrong one": the browser's info panel has "Edit card" (and Ctrl+E), which opens the
// card's editor in a dialog; saving changes the stored card, the panel and the row show it, and a status says so;
// Esc closes the dialog without a change.
import { screen, waitFor, within } from '@testing-library/react';
import { VIEW_KEY } from '../../src/features/browse/browse-view';
import { browser, openBrowser } from './browse-helpers';
import { plainDeck } from './fixtures';
import { freshDb } from './helpers';

vi.setConfig({ testTimeout: 30_000 });

beforeEach(() => localStorage.removeItem(VIEW_KEY));

const dialog = (name: string) => screen.findByRole('dialog', { name }, { timeout: 10_000 });

test('Edit card on the current row: the change is saved, shown in the panel and the table, and said', async () => {
  const env = await freshDb(plainDeck(3));
  const { user } = openBrowser();
  await browser.waitCount(3);
  // No card is current yet: the panel has nothing to edit.
  expect(screen.queryByRole('button', { name: 'Edit card' })).toBeNull();
  await user.click(browser.row('plain/c1'));
  const panel = screen.getByRole('complementary', { name: 'Card info' });
  await within(panel).findByText('Question 1');
  await user.click(within(panel).getByRole('button', { name: 'Edit card' }));

  const editor = await dialog('Edit card');
  const field = await within(editor).findByRole('textbox', { name: /Front.*English/ }, { timeout: 10_000 });
  expect(field).toHaveValue('Question 1');
  await user.clear(field);
  await user.type(field, 'What is a cgroup?');
  await user.click(within(editor).getByRole('button', { name: 'Save card' }));

  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 });
  expect(await screen.findByText(/^Saved\. 1 study card kept with its history\./)).toBeInTheDocument();
  expect((await env.db.cards.get('plain/c1'))!.content).toMatchObject({ front: { en: 'What is a cgroup?' } });
  await within(panel).findByText('What is a cgroup?');
  await waitFor(() => expect(browser.row('plain/c1')).toHaveTextContent('What is a cgroup?'));
  // The other cards are as they were.
  expect((await env.db.cards.get('plain/c0'))!.content).toMatchObject({ front: { en: 'Question 0' } });
});

test('Ctrl+E opens the editor on the current card; Esc closes it with nothing changed', async () => {
  const env = await freshDb(plainDeck(2));
  const { user } = openBrowser();
  await browser.waitCount(2);
  await user.click(browser.row('plain/c0'));
  await user.keyboard('{Control>}e{/Control}');
  const editor = await dialog('Edit card');
  const field = await within(editor).findByRole('textbox', { name: /Front.*English/ }, { timeout: 10_000 });
  await waitFor(() => expect(field).toHaveFocus());
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect((await env.db.cards.get('plain/c0'))!.content).toMatchObject({ front: { en: 'Question 0' } });
  expect(browser.row('plain/c0')).toHaveTextContent('Question 0');
});
