// End to end in Chromium: a preset with 5 new cards a day, assigned to a deck, gives that deck 5 new cards in the
// library, also after a reload; the other decks keep the default preset's limit.
import { expect, test } from 'vitest';
import { browserPerTest, library } from './browser';

const session = browserPerTest({ phone: { width: 390, height: 844 } });

test('a preset of 5 new cards a day, assigned to a deck: the library shows 5 new for it, also after a reload', async () => {
  const { page } = session();
  await library.open(page);
  // The library and the preset's deck list are both in title order: the first deck is the first tick.
  const [target, other] = await library.deckIds(page);
  expect((await library.counts(page, target!)).new).toBeGreaterThan(5);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add preset' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Five a day');
  await page.getByLabel('New cards a day', { exact: true }).fill('5');
  await page.getByRole('group', { name: 'Decks using this preset' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Save presets' }).click();
  await page.getByText('Presets saved.').waitFor();

  await library.navigate(page);
  expect((await library.counts(page, target!)).new).toBe(5);
  await page.reload();
  await library.waitReady(page);
  expect((await library.counts(page, target!)).new).toBe(5);
  expect((await library.counts(page, other!)).new).toBeGreaterThan(5);
});
