// E2E: a whole review session with the keyboard only (Tab, Enter, Space, A–H, 1–4, U, Ctrl+Z), to its summary.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { idb, library, review, browserPerTest } from './browser';

const session = browserPerTest();
const DECK = 'virtualization';

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName ?? '',
      label: el?.getAttribute('aria-label') ?? '',
      deck: el?.closest('li.deck')?.getAttribute('data-deck-id') ?? null,
      inCard: !!el?.closest('article.card'),
    };
  });

/** Shows the answer with keys only, whatever the card's kind. */
async function revealByKeys(page: Page): Promise<string> {
  const kind = await page.evaluate(() => {
    const card = document.querySelector('article.card');
    if (card?.querySelector('form.type-in input')) return 'type-in';
    if (card?.querySelector('ol.choices')) return 'choices';
    return 'plain';
  });
  if (kind === 'type-in') {
    // The answer field has the focus when the card appears: type, then Enter checks.
    const f = await focused(page);
    expect(f.tag).toBe('INPUT');
    expect(f.inCard).toBe(true);
    await page.keyboard.type('docker');
    await page.keyboard.press('Enter');
  } else {
    if (kind === 'choices') {
      await page.keyboard.press('a');
      await page.waitForSelector('ol.choices li:first-child button[aria-pressed="true"]');
    }
    await page.keyboard.press('Space');
  }
  await page.waitForSelector('article.card button.grade[data-rating="easy"]');
  return kind;
}

/**
 * Undoes with U or Ctrl+Z. While the focus is in a type-in card's answer field those keys edit the text, so a
 * keyboard user first tabs out of the field.
 */
async function undoByKeys(page: Page, key: 'u' | 'Control+z'): Promise<void> {
  const before = await review.answered(page);
  if ((await focused(page)).tag === 'INPUT') {
    await page.keyboard.press(key);
    expect(await review.answered(page)).toBe(before);
    await page.keyboard.press('Tab');
    expect((await focused(page)).tag).not.toBe('INPUT');
  }
  await page.keyboard.press(key);
}

describe('keyboard only', () => {
  test('Tab to Study, Enter, Space, 1–4, U and Ctrl+Z run a whole session', async () => {
    const { page } = session();
    // A fixed day (the clock still runs), so "due tomorrow" does not depend on when the test runs.
    await page.clock.install({ time: new Date('2026-03-10T12:00:00Z') });
    await library.open(page);

    // Tab through the page to the deck's Study button, then Enter.
    let f = await focused(page);
    const isStudy = (x: typeof f) => x.deck === DECK && x.tag === 'BUTTON' && /^Study /.test(x.label);
    for (let i = 0; i < 60 && !isStudy(f); i++) {
      await page.keyboard.press('Tab');
      f = await focused(page);
    }
    expect(f).toMatchObject({ tag: 'BUTTON', deck: DECK, label: expect.stringMatching(/^Study /) });
    await page.keyboard.press('Enter');
    await review.waitSettled(page);
    expect(page.url()).toMatch(new RegExp(`#/review/${DECK}$`));

    // The buttons announce their keys.
    expect(await page.getAttribute('article.card .answer-bar button.primary', 'aria-keyshortcuts')).toBe('Space');
    expect(await page.getAttribute('.review-footer button', 'aria-keyshortcuts')).toBe('U Control+Z');

    const first = await review.currentCardId(page);
    await revealByKeys(page);
    const shortcuts = await page.$$eval('article.card button.grade', (els) =>
      els.map((e) => [e.getAttribute('data-rating'), e.getAttribute('aria-keyshortcuts')]),
    );
    expect(shortcuts).toEqual([
      ['again', '1'],
      ['hard', '2'],
      ['good', '3'],
      ['easy', '4'],
    ]);

    // 3 grades Good; U takes it back and the card is shown again, from the front.
    await page.keyboard.press('3');
    await review.waitAnswered(page, 1);
    expect(await review.currentCardId(page)).not.toBe(first);
    await undoByKeys(page, 'u');
    await review.waitAnswered(page, 0);
    await review.waitForCard(page, first);
    expect(await page.locator('article.card button.grade').count()).toBe(0);
    // 2 grades Hard; Ctrl+Z takes it back too.
    await revealByKeys(page);
    await page.keyboard.press('2');
    await review.waitAnswered(page, 1);
    await undoByKeys(page, 'Control+z');
    await review.waitAnswered(page, 0);
    await review.waitForCard(page, first);
    expect(await idb.read(page, 'reviewLogs')).toEqual([]);

    // 1 grades Again, so this card comes back later in the session; every other card gets 4 (Easy).
    await revealByKeys(page);
    await page.keyboard.press('1');
    await review.waitAnswered(page, 1);

    const kinds = new Set<string>();
    let againSeen = 0;
    // 20 new cards, and the one answered Again once more (shown early when nothing else is left).
    while ((await review.answered(page)) < 21) {
      const n = await review.answered(page);
      await page.waitForSelector('article.card[data-card-id]');
      const id = await review.currentCardId(page);
      if (id === first) againSeen++;
      if (!kinds.has('type-in') && (await review.isTypeIn(page))) {
        // In a type-in card's answer field, letters are typed, not taken as commands.
        await page.keyboard.press('u');
        expect(await page.inputValue('article.card form.type-in input')).toBe('u');
        expect(await review.answered(page)).toBe(n);
      }
      kinds.add(await revealByKeys(page));
      await page.keyboard.press('4');
      await review.waitAnswered(page, n + 1);
    }
    expect(againSeen).toBe(1);
    // The deck's first 20 cards include type-in and choice cards: all were answered with keys.
    expect([...kinds].sort()).toEqual(['choices', 'plain', 'type-in']);

    await page.waitForSelector('.session-end [data-testid="summary-cards"]');
    expect(await page.textContent('[data-testid="summary-cards"]')).toBe('21');
    expect(await page.textContent('[data-testid="summary-again"]')).toBe(`${Math.round((1 / 21) * 100)}%`);
    expect(await page.textContent('[data-testid="summary-time"]')).toMatch(/^\d+/);

    const logs = await idb.read(page, 'reviewLogs');
    // "Due tomorrow" counts the deck's studied cards due before the end of the next study day (04:00 UTC here).
    const nextDayEnd = Date.parse('2026-03-12T04:00:00Z');
    const dueTomorrow = (await idb.read(page, 'cards')).filter(
      (c) => c.deckId === DECK && c.state !== 0 && c.due < nextDayEnd,
    );
    expect(await page.textContent('[data-testid="summary-tomorrow"]')).toBe(
      `Due tomorrow: ${dueTomorrow.length} to review, plus up to 20 new cards`,
    );

    expect(logs).toHaveLength(21);
    expect(logs.filter((l) => l.rating === 'again').map((l) => l.cardId)).toEqual([first]);
    expect(new Set(logs.map((l) => l.cardId)).size).toBe(20);

    // U still works at the end: the last answer is taken back and its card is shown again.
    const last = logs.sort((x, y) => x.review - y.review).at(-1)!;
    await page.keyboard.press('u');
    await review.waitAnswered(page, 20);
    await review.waitForCard(page, last.cardId);
  });
});

describe('a focused control does its own job (issue 12)', () => {
  /** Tabs until the focused element's text matches `text` (at most 30 steps). */
  async function tabTo(page: Page, text: RegExp): Promise<void> {
    const current = () =>
      page.evaluate(() => (document.activeElement?.closest('button, a') ? document.activeElement.textContent : ''));
    for (let i = 0; i < 30 && !text.test(await current()); i++) await page.keyboard.press('Tab');
    expect(await current()).toMatch(text);
  }
  const answerShown = (page: Page) => page.locator('article.card button.grade').count();

  test('Space on "Back to decks" leaves; Enter on "Also show 中文" only toggles; Esc leaves', async () => {
    const { page } = session();
    await library.open(page);
    await library.study(page, DECK);
    await tabTo(page, /Back to decks/);
    await page.keyboard.press('Space');
    await library.waitReady(page);
    expect(page.url()).toMatch(/#\/$/);

    await library.study(page, DECK);
    await tabTo(page, /Also show 中文/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Hide 中文' }).waitFor();
    expect(await answerShown(page)).toBe(0);
    // The focus stays on the switch: Space switches back, and still shows no answer.
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Also show 中文' }).waitFor();
    expect(await answerShown(page)).toBe(0);

    await page.keyboard.press('Escape');
    await library.waitReady(page);
    expect(page.url()).toMatch(/#\/$/);
  });
});
