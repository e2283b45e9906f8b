// E2E (real Chromium): the card browser as a user meets it: opened from the main navigation, searched with the queries
// a user types, rows selected with the keys, suspended (the library's counts drop), undone with Ctrl+Z (they come
// back), and after a reload the search, sort and selection are still there.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserPerTest, idb, library, review } from './browser';
import { browse as browseScreen } from './browse-helpers';

const session = browserPerTest({ timezoneId: 'UTC' });
const DECK = 'containers-today';

const browse = {
  ...browseScreen,
  rowIds: (page: Page) =>
    page.$$eval('table.browse-table tbody tr[data-card-id]', (rows) =>
      rows.map((r) => r.getAttribute('data-card-id')!),
    ),
  selectedIds: (page: Page) =>
    page.$$eval('table.browse-table tr[aria-selected="true"]', (rows) =>
      rows.map((r) => r.getAttribute('data-card-id')!),
    ),
  /** Tabs from the search box until the table has the focus, as a keyboard user gets there. */
  async tabToTable(page: Page) {
    await page.getByRole('searchbox', { name: 'Search cards' }).focus();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.matches('table.browse-table'))) return;
    }
    throw new Error('Tab never reached the table');
  },
};

describe('the card browser', () => {
  test('search, select with the keys, suspend (library counts drop), undo with Ctrl+Z, reload keeps the search', async () => {
    const { page } = session();
    await page.clock.install({ time: new Date('2026-03-10T12:00:00Z') });
    await library.open(page);
    // Three cards of the deck answered Again: they are in learning.
    await library.study(page, DECK);
    for (let i = 0; i < 3; i++) {
      await review.reveal(page);
      await review.grade(page, 'again');
    }
    await library.navigate(page);
    const before = await library.counts(page, DECK);
    expect(before.learning).toBe(3);

    await browse.navigate(page);
    const cards = await idb.read(page, 'cards');
    expect(await browse.count(page)).toBe(cards.length);

    // `or` binds looser than the terms side by side: every new card, and the deck's studied cards with an interval.
    await browse.search(page, 'deck:containers-today prop:ivl>0 or is:new');
    expect(await browse.count(page)).toBe(cards.filter((c) => c.state === 0).length);
    await browse.search(page, 'deck:containers-today (prop:ivl>0 or is:new)');
    expect(await browse.count(page)).toBe(cards.filter((c) => c.deckId === DECK && c.state === 0).length);
    // A syntax error says where, and is the box's description.
    await browse.search(page, 'deck:containers-today is:nwe');
    await expect
      .poll(() => page.getByRole('searchbox', { name: 'Search cards' }).getAttribute('aria-invalid'))
      .toBe('true');
    expect(await page.locator('.search-error').textContent()).toContain('Did you mean “new”?');

    await browse.search(page, 'deck:containers-today is:learn');
    expect(await browse.count(page)).toBe(3);
    await page.getByRole('columnheader', { name: 'Due' }).getByRole('button').click();
    await page.waitForSelector('th[aria-sort="descending"]');

    await browse.tabToTable(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    const learning = await browse.rowIds(page);
    expect((await browse.selectedIds(page)).sort()).toEqual([...learning].sort());
    // The info panel follows the current row once it has read that card: wait for it, as a user would.
    await page.waitForSelector(`aside.card-info[data-card-id="${learning[2]}"]`);
    await page.waitForSelector('aside.card-info table.review-history tbody tr');

    await page.getByRole('button', { name: 'Suspend', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Suspended 3 cards.' }).waitFor();
    await page.waitForSelector(`tr[data-card-id="${learning[0]}"].suspended`);

    await library.navigate(page);
    expect(await library.counts(page, DECK)).toEqual({ ...before, learning: 0 });

    // Back in the browser, Ctrl+Z takes the suspension back (the toast of it went with the screen).
    await browse.navigate(page);
    await page.keyboard.press('Control+z');
    await page.getByRole('status').filter({ hasText: 'Undone: Suspended 3 cards.' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tr.suspended').length === 0);
    expect((await idb.read(page, 'cards')).filter((c) => (c as { suspended?: boolean }).suspended)).toEqual([]);
    await library.navigate(page);
    expect(await library.counts(page, DECK)).toEqual(before);

    // Suspend again and undo with the toast's button.
    await browse.navigate(page);
    expect((await browse.selectedIds(page)).sort()).toEqual([...learning].sort());
    await page.getByRole('button', { name: 'Suspend', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Suspended 3 cards.' }).waitFor();
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('status').filter({ hasText: 'Undone: Suspended 3 cards.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.matches('table.browse-table'))).toBe(true);

    await page.reload();
    await page.waitForSelector('section.browse[data-loading="false"] [data-count]');
    expect(await page.getByRole('searchbox', { name: 'Search cards' }).inputValue()).toBe(
      'deck:containers-today is:learn',
    );
    expect(await browse.count(page)).toBe(3);
    expect(await page.getAttribute('th[aria-sort]', 'aria-sort')).toBe('descending');
    expect((await browse.selectedIds(page)).sort()).toEqual([...learning].sort());
  });
});
