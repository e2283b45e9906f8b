// @vitest-environment jsdom
// Issue 12, "Browse and search": the card browser narrows its rows by a search (a syntax error shows the note the box
// names), sorts by a column header, shows the columns chosen, selects as Anki's does, and keeps all of that across a
// remount (a reload); bulk suspend is one change that Ctrl+Z and the toast's Undo take back; the info panel shows the
// current card's fields, history and forgetting curve.
import { screen, waitFor, within } from '@testing-library/react';
import { parseDeck } from '../../src/formats/dockdeck/validate';
import { upsertDeck } from '../../src/db/deck-repo';
import { answerCard } from '../../src/db/review-repo';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import type { DockdeckDB } from '../../src/db/database';
import { deckMarks, putMarks, readMarks } from '../../src/db/marks-table';
import { VIEW_KEY } from '../../src/features/browse/browse-view';
import { browseUndoStore } from '../../src/features/browse/undo-store';
import { browser, openBrowser } from './browse-helpers';
import { demoDeck, plainDeck } from './fixtures';
import { freshDb } from './helpers';

const HOUR = 3_600_000;
const settings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };

/** The demo deck (every card type) and a deck of 12 plain cards, two of them answered. */
async function setUp() {
  const env = await freshDb(demoDeck);
  const parsed = parseDeck('plain.json', plainDeck(12));
  if (!parsed.ok) throw new Error('plain deck');
  await upsertDeck(env.db, parsed.deck, expandDeck(parsed.deck), { hash: 'p', builtin: false, now: env.now() });
  await answerCard(env.db, 'plain/c0', 'good', new Date(env.now()), { durationMs: 3000, settings });
  env.advance(HOUR);
  await answerCard(env.db, 'plain/c1', 'again', new Date(env.now()), { durationMs: 3000, settings });
  await answerCard(env.db, 'plain/c0', 'good', new Date(env.now()), { durationMs: 3000, settings });
  env.advance(HOUR);
  return env;
}

const DEMO = 7;
const ALL = DEMO + 12;

async function marks(db: DockdeckDB, ids: string[]) {
  const m = await readMarks(db, ids);
  return ids.map((id) => m.get(id)?.suspended === true);
}

/** One card's marks, from the `cardMarks` table (database version 11). */
async function marksOf(db: DockdeckDB, id: string) {
  return (await readMarks(db, [id])).get(id) ?? {};
}

beforeEach(() => {
  localStorage.removeItem(VIEW_KEY);
  browseUndoStore.setState({ done: [] });
});

describe('searching', () => {
  test('every card at first; a query narrows the rows; free text finds either language', async () => {
    await setUp();
    const { user } = openBrowser();
    await browser.waitCount(ALL);
    await browser.search(user, 'deck:demo');
    await browser.waitCount(DEMO);
    expect(browser.rowIds().every((id) => id.startsWith('demo/'))).toBe(true);
    await browser.search(user, 'deck:plain -is:new');
    await browser.waitCount(2);
    expect(browser.rowIds().sort()).toEqual(['plain/c0', 'plain/c1']);
    await browser.search(user, '宿主机内核');
    await browser.waitCount(1);
    expect(browser.rowIds()).toEqual(['demo/kernel']);
  });

  test('a syntax error shows the note, named by the box as its description; the rows stay as they were', async () => {
    await setUp();
    const { user } = openBrowser();
    await browser.search(user, 'deck:demo');
    await browser.waitCount(DEMO);
    await browser.search(user, 'deck:demo (is:new');
    const box = screen.getByRole('searchbox', { name: 'Search cards' });
    await waitFor(() => expect(box).toHaveAttribute('aria-invalid', 'true'));
    expect(box).toHaveAccessibleDescription(/parenthesis is not closed/);
    const note = document.getElementById(box.getAttribute('aria-describedby')!)!;
    expect(note).toHaveAttribute('data-code', 'unclosed-paren');
    expect(note).toHaveTextContent('At character 11');
    expect(browser.count()).toBe(DEMO);
    await browser.search(user, 'deck:demo is:new');
    await browser.waitCount(DEMO);
    expect(box).not.toHaveAttribute('aria-invalid');
    expect(box).not.toHaveAttribute('aria-describedby');
  });

  test('the help panel is one click away, and an example picked from it runs', async () => {
    await setUp();
    const { user } = openBrowser();
    await browser.waitCount(ALL);
    await user.click(screen.getByRole('button', { name: 'Search help' }));
    const help = screen.getByRole('region', { name: 'Search' });
    await user.click(within(help).getByRole('button', { name: 'is:learn' }));
    expect(screen.getByRole('searchbox', { name: 'Search cards' })).toHaveValue('is:learn');
    await browser.waitCount(1);
    expect(browser.rowIds()).toEqual(['plain/c1']);
    await user.click(screen.getByRole('button', { name: 'Hide search help' }));
    expect(screen.queryByRole('region', { name: 'Search' })).toBeNull();
  });
});

describe('sorting and columns', () => {
  test('a header sorts by its column (aria-sort), again the other way; by keyboard too; kept after a remount', async () => {
    await setUp();
    const { user, unmount } = openBrowser();
    await browser.search(user, 'deck:plain');
    await browser.waitCount(12);
    expect(browser.header('Due')).toHaveAttribute('aria-sort', 'ascending');
    await browser.sortBy(user, 'Question');
    expect(browser.header('Question')).toHaveAttribute('aria-sort', 'ascending');
    expect(browser.header('Due')).not.toHaveAttribute('aria-sort');
    const asc = browser.column('Question');
    expect(asc).toEqual([...asc].sort());
    expect(asc[0]).toBe('Question 0');
    // Enter on the focused header button sorts the other way.
    within(browser.header('Question')).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(browser.header('Question')).toHaveAttribute('aria-sort', 'descending');
    expect(browser.column('Question')).toEqual([...asc].reverse());

    await browser.sortBy(user, 'Interval');
    await browser.sortBy(user, 'Interval');
    // The reviewed card has the longest interval; the one in learning and the new ones follow.
    expect(browser.rowIds()[0]).toBe('plain/c0');
    unmount();
    openBrowser();
    await browser.waitCount(12);
    expect(browser.header('Interval')).toHaveAttribute('aria-sort', 'descending');
    expect(browser.rowIds()[0]).toBe('plain/c0');
    expect(screen.getByRole('searchbox', { name: 'Search cards' })).toHaveValue('deck:plain');
  });

  test('columns are chosen from a list, shown in the table order, and kept after a remount', async () => {
    await setUp();
    const { user, unmount } = openBrowser();
    await browser.waitCount(ALL);
    const names = () => browser.headers().map((h) => h.textContent?.replace(/[▲▼]/g, '').trim());
    expect(names()).toEqual(['Question', 'Answer', 'Deck', 'Due', 'Interval', 'Marks']);
    await browser.toggleColumn(user, 'Answer');
    await browser.toggleColumn(user, 'Stability');
    await browser.toggleColumn(user, 'Reviews');
    expect(names()).toEqual(['Question', 'Deck', 'Due', 'Interval', 'Stability', 'Reviews', 'Marks']);
    await browser.search(user, 'deck:plain -is:new');
    await browser.sortBy(user, 'Reviews');
    await waitFor(() => expect(browser.column('Reviews')).toEqual(['1', '2']));
    unmount();
    openBrowser();
    await browser.waitCount(2);
    expect(names()).toEqual(['Question', 'Deck', 'Due', 'Interval', 'Stability', 'Reviews', 'Marks']);
    expect(browser.column('Stability').every((s) => /^\d+(\.\d)? d$/.test(s))).toBe(true);
  });

  test('the last column cannot be taken away', async () => {
    await setUp();
    const { user } = openBrowser();
    await browser.waitCount(ALL);
    for (const name of ['Answer', 'Deck', 'Due', 'Interval', 'Marks']) await browser.toggleColumn(user, name);
    expect(screen.getByRole('checkbox', { name: 'Question' })).toBeDisabled();
    expect(browser.headers()).toHaveLength(1);
  });
});

describe('selection', () => {
  test('click, Shift+click, Ctrl+click, arrows with and without Shift, Ctrl+A; kept after a remount', async () => {
    await setUp();
    const { user, unmount } = openBrowser();
    await browser.search(user, 'deck:plain is:new');
    await browser.sortBy(user, 'Question');
    await browser.waitCount(10);
    const ids = browser.rowIds();
    expect(ids.slice(0, 3)).toEqual(['plain/c10', 'plain/c11', 'plain/c2']);
    await user.click(browser.row(ids[1]!));
    expect(browser.selectedIds()).toEqual([ids[1]]);
    await user.keyboard('{Shift>}');
    await user.click(browser.row(ids[4]!));
    await user.keyboard('{/Shift}');
    expect(browser.selectedIds()).toEqual(ids.slice(1, 5));
    await user.keyboard('{Control>}');
    await user.click(browser.row(ids[2]!));
    await user.click(browser.row(ids[7]!));
    await user.keyboard('{/Control}');
    expect(browser.selectedIds()).toEqual([ids[1], ids[3], ids[4], ids[7]]);
    expect(screen.getByText('· 4 selected', { exact: false })).toBeInTheDocument();

    // The grid has the focus (a click in it put it there); the arrows move the current row and the selection.
    expect(browser.table()).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(browser.selectedIds()).toEqual([ids[8]]);
    expect(browser.table().getAttribute('aria-activedescendant')).toBe(browser.row(ids[8]!).id);
    await user.keyboard('{Shift>}{ArrowUp}{ArrowUp}{/Shift}');
    expect(browser.selectedIds()).toEqual(ids.slice(6, 9));
    await user.keyboard('{Home}');
    expect(browser.selectedIds()).toEqual([ids[0]]);
    await user.keyboard('{Control>}a{/Control}');
    expect(browser.selectedIds()).toEqual(ids);
    await user.keyboard('{ArrowDown}{Shift>}{ArrowDown}{/Shift}');
    expect(browser.selectedIds()).toEqual(ids.slice(1, 3));

    unmount();
    openBrowser();
    await browser.waitCount(10);
    expect(browser.selectedIds()).toEqual(ids.slice(1, 3));
    expect(screen.getByRole('complementary', { name: 'Card info' })).toHaveAttribute('data-card-id', ids[2]);
  });

  test('a kept "all" selection is every row of the search after a remount', async () => {
    await setUp();
    const { user, unmount } = openBrowser();
    await browser.search(user, 'deck:demo');
    await browser.waitCount(DEMO);
    await user.click(browser.row(browser.rowIds()[0]!));
    await user.keyboard('{Control>}a{/Control}');
    expect(browser.selectedIds()).toHaveLength(DEMO);
    unmount();
    openBrowser();
    await browser.waitCount(DEMO);
    await waitFor(() => expect(browser.selectedIds()).toHaveLength(DEMO));
  });
});

describe('bulk actions', () => {
  test('suspend the selection in one change; Ctrl+Z takes it back, and so does the toast’s Undo', async () => {
    const { db } = await setUp();
    const { user } = openBrowser();
    await browser.search(user, 'deck:plain is:new');
    await browser.sortBy(user, 'Question');
    await browser.waitCount(10);
    const ids = browser.rowIds().slice(0, 3);
    await user.click(browser.row(ids[0]!));
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    const toast = await screen.findByText('Suspended 3 cards.');
    expect(toast.closest('[role="status"]')).not.toBeNull();
    expect(await marks(db, ids)).toEqual([true, true, true]);
    await waitFor(() => expect(browser.row(ids[0]!)).toHaveTextContent('Suspended'));
    expect(await marks(db, ['plain/c3'])).toEqual([false]);

    // Ctrl+Z on the browser (the focus on the Suspend button) takes it back.
    await user.keyboard('{Control>}z{/Control}');
    await screen.findByText('Undone: Suspended 3 cards.');
    await waitFor(async () => expect(await marks(db, ids)).toEqual([false, false, false]));

    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    await screen.findByText('Suspended 3 cards.');
    expect(await marks(db, ids)).toEqual([true, true, true]);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Undone: Suspended 3 cards.');
    expect(await marks(db, ids)).toEqual([false, false, false]);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    await user.keyboard('{Control>}z{/Control}');
    await screen.findByText('Nothing to undo.');
  });

  test('an action can still be undone after leaving the browser and coming back', async () => {
    const { db } = await setUp();
    const { user, unmount } = openBrowser();
    await browser.search(user, 'deck:demo');
    await browser.waitCount(DEMO);
    const id = browser.rowIds()[0]!;
    await user.click(browser.row(id));
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    await screen.findByText('Suspended 1 card.');
    unmount();
    const again = openBrowser();
    await browser.waitCount(DEMO);
    await again.user.keyboard('{Control>}z{/Control}');
    await screen.findByText('Undone: Suspended 1 card.');
    expect(await marks(db, [id])).toEqual([false]);
  });

  test('an undo refuses, and says so, when a card was changed again since', async () => {
    const { db } = await setUp();
    const { user } = openBrowser();
    await browser.search(user, 'deck:demo');
    await browser.waitCount(DEMO);
    const id = browser.rowIds()[0]!;
    await user.click(browser.row(id));
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    await screen.findByText('Suspended 1 card.');
    // Another tab unsuspends it meanwhile.
    await db.transaction('rw', db.cardMarks, () => putMarks(db, new Map([[id, null]])));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText(/Could not undo/);
    expect(await marks(db, [id])).toEqual([false]);
  });

  test('Ctrl+Z in the search box is the box’s own (undoes typing), not the last action', async () => {
    const { db } = await setUp();
    const { user } = openBrowser();
    await browser.search(user, 'deck:demo');
    await browser.waitCount(DEMO);
    await user.click(browser.row(browser.rowIds()[0]!));
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    await screen.findByText('Suspended 1 card.');
    await user.click(screen.getByRole('searchbox', { name: 'Search cards' }));
    await user.keyboard('{Control>}z{/Control}');
    expect(screen.queryByText(/^Undone/)).toBeNull();
    expect([...(await deckMarks(db, 'demo')).values()].filter((m) => m.suspended === true)).toHaveLength(1);
  });

  test('flag, bury and unbury the selection; the flag is shown by name', async () => {
    const { db } = await setUp();
    const { user } = openBrowser();
    await browser.search(user, 'deck:demo');
    await browser.waitCount(DEMO);
    const id = browser.rowIds()[0]!;
    await user.click(browser.row(id));
    await user.click(screen.getByText('Flag'));
    await user.click(screen.getByRole('button', { name: 'Purple flag (7)' }));
    await screen.findByText('Flagged 1 card Purple.');
    expect((await marksOf(db, id)).flag).toBe(7);
    await waitFor(() => expect(browser.row(id)).toHaveTextContent('Purple'));
    await user.click(screen.getByRole('button', { name: 'Bury' }));
    await screen.findByText('Buried 1 card until the next study day.');
    expect((await marksOf(db, id)).buriedUntil).toBeGreaterThan(Date.now() - 1e12);
    await user.click(screen.getByRole('button', { name: 'Unbury' }));
    await screen.findByText('Unburied 1 card.');
    expect((await marksOf(db, id)).buriedUntil).toBeUndefined();
    expect((await marksOf(db, id)).flag).toBe(7);
  });
});

describe('the info panel', () => {
  test('the current card’s fields in both languages, deck, its review history and its forgetting curve', async () => {
    await setUp();
    const { user } = openBrowser();
    await browser.search(user, 'deck:plain -is:new');
    await browser.waitCount(2);
    await user.click(browser.row('plain/c0'));
    const panel = screen.getByRole('complementary', { name: 'Card info' });
    await within(panel).findByText('Question 0');
    expect(within(panel).getByText('问题 0')).toBeInTheDocument();
    expect(within(panel).getByText('答案 0')).toBeInTheDocument();
    expect(panel).toHaveTextContent('Plain deck');
    expect(panel).toHaveTextContent('Source: doc.txt');

    const history = within(panel).getByRole('table', { name: 'Review history' });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]?.textContent)).toEqual(['Good', 'Good']);
    expect(rows.map((r) => within(r).getAllByRole('cell')[6]?.textContent)).toEqual(['Review', 'Review']);
    // The first answer introduced the card: no recall chance before it; the second was answered at some chance.
    expect(within(rows[0]!).getAllByRole('cell')[5]).toHaveTextContent('—');
    expect(within(rows[1]!).getAllByRole('cell')[5]?.textContent).toMatch(/^\d+%$/);

    const curve = within(panel).getByRole('img', { name: /^Forgetting curve: chance of recall \d+% today/ });
    expect(curve.querySelector('polyline')?.getAttribute('points')?.split(' ').length).toBe(61);
    const table = within(panel).getByRole('table', { name: 'Forgetting curve' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/Today\s*\d+%/);

    // The card in learning is due first, above: the panel follows the current row up to it.
    expect(browser.rowIds()).toEqual(['plain/c1', 'plain/c0']);
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(panel).toHaveAttribute('data-card-id', 'plain/c1'));
    await within(panel).findByText('Question 1');
    expect(within(panel).getAllByRole('row').length).toBeGreaterThan(1);
  });

  test('a new card: no history, no curve yet; an mcq lists its choices and which is the answer', async () => {
    await setUp();
    const { user } = openBrowser();
    await browser.search(user, 'type:mcq');
    await browser.waitCount(1);
    await user.click(browser.row('demo/kernel'));
    const panel = screen.getByRole('complementary', { name: 'Card info' });
    await within(panel).findByText('Choice A (the answer)');
    expect(within(panel).getByText('宿主机内核')).toBeInTheDocument();
    expect(within(panel).getByText('Not reviewed yet.')).toBeInTheDocument();
    expect(within(panel).queryByRole('img')).toBeNull();
    expect(panel).toHaveTextContent('Multiple choice');
  });
});
