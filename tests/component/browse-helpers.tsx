// Test helpers for the card browser, as a user's verbs: open it, search, sort by a header, pick columns, read the rows.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsProvider } from '../../src/db/react/use-settings';
import { BrowseScreen } from '../../src/features/browse/browse-screen';

export type User = ReturnType<typeof userEvent.setup>;

export function openBrowser() {
  const user = userEvent.setup();
  const utils = render(
    <SettingsProvider>
      <BrowseScreen />
    </SettingsProvider>,
  );
  return { user, ...utils };
}

export const browser = {
  table: () => screen.getByRole('grid', { name: 'Cards' }),
  /** The card ids of the rows in the page, in their order. */
  rowIds: () =>
    [...document.querySelectorAll<HTMLElement>('table.browse-table tbody tr[data-card-id]')].map(
      (r) => r.dataset.cardId!,
    ),
  row: (id: string) => document.querySelector<HTMLElement>(`tr[data-card-id="${CSS.escape(id)}"]`)!,
  selectedIds: () =>
    [...document.querySelectorAll<HTMLElement>('tr[aria-selected="true"]')].map((r) => r.dataset.cardId!),
  count: () => Number(document.querySelector('.browse-count [data-count]')?.getAttribute('data-count') ?? NaN),
  /** Waits until the table shows `n` cards, read for the search now in the box. */
  async waitCount(n: number) {
    await waitFor(() => {
      expect(document.querySelector('section.browse')?.getAttribute('data-loading')).toBe('false');
      expect(browser.count()).toBe(n);
    });
  },
  async search(user: User, query: string) {
    const box = screen.getByRole('searchbox', { name: 'Search cards' });
    await user.clear(box);
    if (query) await user.type(box, query);
    await user.keyboard('{Enter}');
  },
  headers: () => within(browser.table()).getAllByRole('columnheader'),
  header: (name: string) => within(browser.table()).getByRole('columnheader', { name: new RegExp(`^${name}`) }),
  async sortBy(user: User, name: string) {
    await user.click(within(browser.header(name)).getByRole('button'));
  },
  async toggleColumn(user: User, name: string) {
    const menu = screen.getByText('Columns').closest('details')!;
    if (!menu.open) await user.click(screen.getByText('Columns'));
    await user.click(within(menu).getByRole('checkbox', { name }));
  },
  /** The text of one column's cells, top to bottom. */
  column(name: string): string[] {
    const index = browser.headers().findIndex((h) => h.textContent?.startsWith(name));
    return [...document.querySelectorAll('table.browse-table tbody tr[data-card-id]')].map(
      (r) => r.children[index]?.textContent ?? '',
    );
  },
};
