// E2E (issue 12, real Chromium): E during a review opens the card's editor over the session, as Anki's; the edited
// text is what the review shows once saved, and after a reload it is still there. I shows the card's info, and Esc
// closes it without leaving the review.
import { expect, test } from 'vitest';
import { browserPerTest, idb, library, review } from './browser';

const DECK = 'containers-vs-vms';
const session = browserPerTest();

test('E edits the card on screen: saved, the review shows it edited, and a reload keeps it', async () => {
  const { page } = session();
  await library.open(page);
  await library.study(page, DECK);
  const cardId = await review.currentCardId(page);
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Edit card' });
  await dialog.waitFor();
  // The editor puts the focus in its first field (the front, or a cloze card's text): type at its end.
  const field = dialog.locator('textarea').first();
  await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
  await field.press('End');
  await page.keyboard.type(' EDITED-IN-REVIEW');
  await dialog.getByRole('button', { name: 'Save card' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForSelector(`article.card[data-card-id="${cardId}"]:has-text("EDITED-IN-REVIEW")`);
  expect(await review.answered(page)).toBe(0);
  expect(page.url()).toContain(`#/review/${DECK}`);

  await page.reload();
  await review.waitForCard(page, cardId);
  expect(await page.locator('article.card').textContent()).toContain('EDITED-IN-REVIEW');
  const row = await idb.card(page, cardId);
  expect(JSON.stringify(row.content)).toContain('EDITED-IN-REVIEW');

  // I shows its info, with the edited text; Esc closes it and the review goes on with the same card.
  await page.keyboard.press('i');
  const info = page.getByRole('dialog', { name: 'Card info' });
  await info.getByRole('heading', { name: 'Review history' }).waitFor();
  expect(await info.textContent()).toContain('EDITED-IN-REVIEW');
  await page.keyboard.press('Escape');
  await info.waitFor({ state: 'detached' });
  await review.waitForCard(page, cardId);
  await review.reveal(page);
  await review.grade(page, 'good');
});
