// E2E (real Chromium): the browser's bulk actions as a user meets them: cards selected with the keys moved to a deck of
// the user's (still there after a reload), set due today (the library counts them due), undone with Ctrl+Z; on a
// 390×844 phone the bulk bar and its dialogs fit, with 44 px targets.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserPerTest, library } from './browser';
import { browse as browseScreen } from './browse-helpers';

const FROM = 'containers-today';
const TO = 'moved-here';

const browse = {
  ...browseScreen,
  /** Searches by putting the whole query in the box at once. */
  search: (page: Page, query: string) => browseScreen.search(page, query, 'filled'),
  async more(page: Page, item: string) {
    await page.locator('.more-menu > summary').click();
    await page.getByRole('button', { name: item }).click();
    return page.getByRole('dialog');
  },
  toast: (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor(),
};

async function newDeck(page: Page, en: string, zh: string) {
  await page.getByRole('button', { name: 'New deck' }).click();
  await page.getByLabel('Name — English').fill(en);
  await page.getByLabel('Name — Chinese').fill(zh);
  await page.getByRole('button', { name: 'Create deck' }).click();
  await page.locator('form.card-editor').waitFor();
}

describe('bulk actions', () => {
  const session = browserPerTest({ timezoneId: 'UTC' });

  test('move three cards chosen with the keys to a deck of mine, reload, set them due today, undo', async () => {
    const { page } = session();
    await library.open(page);
    await newDeck(page, 'Moved here', '移到这里');
    await library.navigate(page);
    const before = await library.counts(page, FROM);

    await browse.navigate(page);
    await browse.search(page, `deck:${FROM} is:new`);
    const shown = await browse.count(page);
    expect(shown).toBeGreaterThan(3);
    await page.locator('table.browse-table').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    const chosen = await browse.selectedIds(page);
    expect(chosen).toHaveLength(3);

    const dialog = await browse.more(page, 'Move to deck…');
    await dialog.getByRole('combobox', { name: 'Deck' }).selectOption(TO);
    // A built-in deck is not offered.
    expect(await dialog.locator(`option[value="${FROM}"]`).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Move' }).click();
    await browse.toast(page, 'Moved 3 cards to Moved here.');
    await page.waitForFunction(
      (n) => document.querySelector('.browse-count [data-count]')?.getAttribute('data-count') === String(n),
      shown - 3,
    );

    await page.reload();
    await page.waitForSelector('section.browse[data-loading="false"] [data-count]');
    await browse.search(page, `deck:${TO}`);
    expect(await browse.count(page)).toBe(3);
    const moved = await page.$$eval('table.browse-table tbody tr[data-card-id]', (rows) =>
      rows.map((r) => r.getAttribute('data-card-id')!),
    );
    expect(moved.sort()).toEqual(chosen.map((id) => id.replace(`${FROM}/`, `${TO}/`)).sort());
    await library.navigate(page);
    // The deck has more new cards than a day shows: its count stays at the day's limit.
    expect((await library.counts(page, FROM)).due).toBe(before.due);
    expect(await library.counts(page, TO)).toEqual({ new: 3, learning: 0, due: 0 });

    await browse.navigate(page);
    await browse.search(page, `deck:${TO}`);
    await page.locator('table.browse-table').focus();
    await page.keyboard.press('Control+a');
    expect(await browse.selectedIds(page)).toHaveLength(3);
    const due = await browse.more(page, 'Set due date…');
    const field = due.getByRole('textbox', { name: 'Due in (days)' });
    await field.fill('3-1');
    await field.press('Enter');
    await expect.poll(() => due.getByRole('alert').textContent()).toContain('did you mean 1-3?');
    await field.fill('0');
    await field.press('Enter');
    await browse.toast(page, 'Due today: 3 cards.');
    await library.navigate(page);
    expect(await library.counts(page, TO)).toEqual({ new: 0, learning: 0, due: 3 });

    await browse.navigate(page);
    await page.keyboard.press('Control+z');
    await browse.toast(page, 'Undone: Due today: 3 cards.');
    await library.navigate(page);
    expect(await library.counts(page, TO)).toEqual({ new: 3, learning: 0, due: 0 });
  });
});

describe('on a phone', () => {
  const session = browserPerTest({ phone: { width: 390, height: 844 } });

  test('the bulk bar and its dialogs fit 390 px, with 44 px targets', async () => {
    const { page } = session();
    await library.open(page);
    await browse.navigate(page);
    await browse.search(page, `deck:${FROM}`);
    await page.locator('table.browse-table').focus();
    await page.keyboard.press('Control+a');
    const wide = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await wide()).toBeLessThanOrEqual(390);
    const targets = await page.$$eval('.bulk-bar > button, .bulk-bar summary', (els) =>
      els.map((e) => [e.textContent, Math.round(e.getBoundingClientRect().height)] as const),
    );
    expect(targets.filter(([, h]) => h < 44)).toEqual([]);
    await page.locator('.more-menu > summary').click();
    const items = await page.$$eval('.more-menu .menu-items button', (els) =>
      els.map((e) => Math.round(e.getBoundingClientRect().height)),
    );
    expect(items.filter((h) => h < 44)).toEqual([]);
    expect(await wide()).toBeLessThanOrEqual(390);
    await page.locator('.more-menu > summary').click();
    for (const item of ['Set due date…', 'Move to deck…', 'Add tags…', 'Reset to new…']) {
      const dialog = await browse.more(page, item);
      const box = await dialog.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      expect(await wide()).toBeLessThanOrEqual(390);
      const focus = await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null);
      expect(focus, `focus in the ${item} dialog`).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    }
    await page.getByRole('button', { name: 'Delete…' }).click();
    const alert = page.getByRole('alertdialog');
    expect(await alert.textContent()).toMatch(/Delete \d+ cards\?/);
    await page.keyboard.press('Escape');
  });
});
