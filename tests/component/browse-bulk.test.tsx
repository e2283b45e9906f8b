// @vitest-environment jsdom
// Issue 12, bulk actions on the browser's selection: set due date (a bad entry says why and changes nothing), delete
// with a confirmation that says how many, move to a deck of the user's, add tags; each undone by Ctrl+Z or the
// toast's Undo, exactly.
import { screen, waitFor, within } from '@testing-library/react';
import { parseDeck } from '../../src/formats/dockdeck/validate';
import { upsertDeck } from '../../src/db/deck-repo';
import { answerCard } from '../../src/db/review-repo';
import { CardState, DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import { VIEW_KEY } from '../../src/features/browse/browse-view';
import { browseUndoStore } from '../../src/features/browse/undo-store';
import { browser, openBrowser, type User } from './browse-helpers';
import { demoDeck, plainDeck } from './fixtures';
import { freshDb } from './helpers';

async function setUp() {
  const env = await freshDb(demoDeck);
  const parsed = parseDeck('plain.json', plainDeck(6));
  if (!parsed.ok) throw new Error('plain deck');
  await upsertDeck(env.db, parsed.deck, expandDeck(parsed.deck), { hash: 'p', builtin: false, now: env.now() });
  await answerCard(env.db, 'plain/c0', 'good', new Date(env.now()), {
    durationMs: 3000,
    settings: DEFAULT_SCHEDULER_SETTINGS,
  });
  return env;
}

/** Selects the first `n` rows of the search, sorted by question, by click and Shift+arrows. */
async function selectFirst(user: User, query: string, total: number, n: number, sort = true): Promise<string[]> {
  await browser.search(user, query);
  await browser.waitCount(total);
  if (sort) await browser.sortBy(user, 'Question');
  const ids = browser.rowIds().slice(0, n);
  await user.click(browser.row(ids[0]!));
  for (let i = 1; i < n; i++) await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
  await waitFor(() => expect(browser.selectedIds()).toHaveLength(n));
  return ids;
}

async function openMore(user: User, item: string) {
  await user.click(screen.getByText('More'));
  await user.click(screen.getByRole('button', { name: item }));
  return screen.getByRole('dialog');
}

beforeEach(() => {
  localStorage.removeItem(VIEW_KEY);
  browseUndoStore.setState({ done: [] });
});

test('set due date: a bad entry says why and changes nothing; 0 makes them due today; Ctrl+Z takes it back', async () => {
  const { db } = await setUp();
  const { user } = openBrowser();
  const ids = await selectFirst(user, 'deck:plain is:new', 5, 3);
  const dialog = await openMore(user, 'Set due date…');
  expect(within(dialog).getByRole('heading')).toHaveTextContent('Set the due date of 3 cards');
  const field = within(dialog).getByRole('textbox', { name: 'Due in (days)' });
  expect(field).toHaveFocus();
  await user.type(field, '7-3');
  await user.click(within(dialog).getByRole('button', { name: 'Set due date' }));
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('The range goes backwards: did you mean 3-7?');
  expect(field).toHaveAttribute('aria-invalid', 'true');
  expect((await db.cards.bulkGet(ids)).map((c) => c!.state)).toEqual([CardState.New, CardState.New, CardState.New]);
  await user.clear(field);
  await user.type(field, '0{Enter}');
  await screen.findByText('Due today: 3 cards.');
  expect(screen.queryByRole('dialog')).toBeNull();
  const after = await db.cards.bulkGet(ids);
  expect(after.map((c) => c!.state)).toEqual([CardState.Review, CardState.Review, CardState.Review]);
  expect(await db.reviewLogs.filter((l) => l.kind === 'manual').count()).toBe(3);
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Due today: 3 cards.');
  expect((await db.cards.bulkGet(ids)).map((c) => c!.state)).toEqual([CardState.New, CardState.New, CardState.New]);
  expect(await db.reviewLogs.filter((l) => l.kind === 'manual').count()).toBe(0);
});

test('delete: the confirmation says how many; Cancel keeps them; the toast’s Undo brings cards and history back', async () => {
  const { db } = await setUp();
  const { user } = openBrowser();
  const ids = await selectFirst(user, 'deck:plain', 6, 2);
  expect(ids[0]).toBe('plain/c0');
  await user.click(screen.getByRole('button', { name: 'Delete…' }));
  let dialog = screen.getByRole('alertdialog', { name: 'Delete 2 cards?' });
  // The safe choice has the focus.
  expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(await db.cards.count()).toBeGreaterThan(6);
  await user.click(screen.getByRole('button', { name: 'Delete…' }));
  dialog = screen.getByRole('alertdialog', { name: 'Delete 2 cards?' });
  await user.click(within(dialog).getByRole('button', { name: 'Delete 2 cards' }));
  await screen.findByText('Deleted 2 cards.');
  expect(await db.cards.bulkGet(ids)).toEqual([undefined, undefined]);
  expect(await db.reviewLogs.where('cardId').equals('plain/c0').count()).toBe(0);
  await browser.waitCount(4);
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  await screen.findByText('Undone: Deleted 2 cards.');
  expect((await db.cards.bulkGet(ids)).map((c) => c?.id)).toEqual(ids);
  expect(await db.reviewLogs.where('cardId').equals('plain/c0').count()).toBe(1);
  await browser.waitCount(6);
});

test('move to a deck of the user’s (built-in decks are not offered), and add tags; each undone', async () => {
  const { db } = await setUp();
  const { user } = openBrowser();
  await selectFirst(user, 'deck:demo type:basic', 1, 1);
  const dialog = await openMore(user, 'Move to deck…');
  const select = await within(dialog).findByRole('combobox', { name: 'Deck' });
  await waitFor(() =>
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toContain('Plain deck'),
  );
  await user.selectOptions(select, 'plain');
  await user.click(within(dialog).getByRole('button', { name: 'Move' }));
  await screen.findByText('Moved 1 card to Plain deck.');
  expect(await db.cards.where('id').startsWith('plain/').count()).toBe(7);
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Moved 1 card to Plain deck.');
  expect(await db.cards.where('id').startsWith('plain/').count()).toBe(6);

  const ids = await selectFirst(user, 'deck:plain', 6, 2, false);
  const tags = await openMore(user, 'Add tags…');
  await user.click(within(tags).getByRole('button', { name: 'Add tags' }));
  expect(await within(tags).findByRole('alert')).toHaveTextContent('Type at least one tag.');
  await user.type(within(tags).getByRole('textbox', { name: 'Tags' }), 'k8s, pods{Enter}');
  await screen.findByText('Added k8s, pods to 2 cards.');
  expect((await db.cards.bulkGet(ids)).map((c) => c!.tags)).toEqual([
    ['k8s', 'pods'],
    ['k8s', 'pods'],
  ]);
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  await screen.findByText('Undone: Added k8s, pods to 2 cards.');
  expect((await db.cards.bulkGet(ids)).map((c) => c!.tags)).toEqual([[], []]);
});
