// Answering a quiz question with keys only, as a user would: shared by the quiz, Chinese-interface and a11y tests.
import type { Page } from 'playwright-core';

export interface KeyAnswer {
  kind: string;
  /** The verdict's text, as shown once the answer is checked. */
  verdict: string;
  /** For an interview ("open") question: whether key 1 ticked the first key point of the checklist. */
  ticked?: boolean;
}

/**
 * Answers the question on screen by keyboard, some answers wrong on purpose (even `i`: the first choice, `t`; odd:
 * `b`, `f`), and waits for the verdict. A typed answer types `typed`; an interview question shows its model answer
 * with Enter and ticks its first key point with 1.
 */
export async function answerByKeyboard(page: Page, i: number, typed = 'no idea at all'): Promise<KeyAnswer> {
  const kind = (await page.getAttribute('.quiz-question', 'data-kind')) ?? '';
  let ticked: boolean | undefined;
  if (kind === 'mcq' || kind === 'classify') await page.keyboard.press(i % 2 === 0 ? '1' : 'b');
  else if (kind === 'true-false') await page.keyboard.press(i % 2 === 0 ? 't' : 'f');
  else if (kind === 'type-in') await page.keyboard.type(typed);
  else if (kind === 'open') {
    await page.keyboard.press('Enter');
    await page.waitForSelector('.checklist input[type=checkbox]');
    await page.keyboard.press('1');
    ticked = await page.locator('.checklist input[type=checkbox]').first().isChecked();
  }
  await page.keyboard.press('Enter');
  const verdict = page.getByTestId('quiz-verdict');
  await verdict.waitFor();
  return { kind, verdict: (await verdict.textContent()) ?? '', ...(ticked === undefined ? {} : { ticked }) };
}
