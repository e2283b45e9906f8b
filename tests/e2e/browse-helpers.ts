// The card browser as a user drives it: shared by the browse and bulk-action tests.
import type { Page } from 'playwright-core';

export const browse = {
  async navigate(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).click();
    await page.waitForSelector('section.browse[data-loading="false"] [data-count]');
  },
  /**
   * Puts a search in the box and waits for its rows: `typed` clears the box and types it key by key as a user would,
   * `filled` puts it there in one go.
   */
  async search(page: Page, query: string, how: 'typed' | 'filled' = 'typed') {
    const box = page.getByRole('searchbox', { name: 'Search cards' });
    if (how === 'typed') {
      await box.fill('');
      await box.pressSequentially(query);
    } else await box.fill(query);
    await box.press('Enter');
    await page.waitForFunction((q) => {
      const s = document.querySelector('section.browse');
      const box = document.querySelector<HTMLInputElement>('section.browse input[type="search"]');
      return s?.getAttribute('data-loading') === 'false' && box?.value === q;
    }, query);
  },
  count: async (page: Page) => Number(await page.getAttribute('.browse-count [data-count]', 'data-count')),
  selectedIds: (page: Page) =>
    page.$$eval('table.browse-table tr[aria-selected="true"]', (rows) =>
      rows.map((r) => r.getAttribute('data-card-id')!),
    ),
};
