// E2E: time and storage — learning steps come due in an open session, answers outlive the tab, reviews come back days later.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { idb, intervalMatchesLabel, library, review, browserPerTest } from './browser';

// UTC, so the study day's 4 a.m. start is 04:00Z.
const session = browserPerTest({ timezoneId: 'UTC' });
const DECK = 'containers-vs-vms';
const START = new Date('2026-03-10T12:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const pageNow = (page: Page) => page.evaluate(() => Date.now());

/** Moves the page's clock forward to `at` (epoch ms), firing the timers due on the way. */
async function advanceTo(page: Page, at: number): Promise<void> {
  const delta = at - (await pageNow(page));
  expect(delta).toBeGreaterThan(0);
  await page.clock.fastForward(delta);
}

describe('persistence and time', () => {
  test('a card answered Again comes back after its 1-minute step without a reload; a new tab keeps every answer', async () => {
    const { context, page } = session();
    await page.clock.install({ time: START });
    await library.open(page);
    await library.study(page, DECK);

    const a = await review.currentCardId(page);
    await review.reveal(page);
    expect((await review.intervals(page)).again).toBe('1m');
    await review.grade(page, 'again');
    const b = await review.currentCardId(page);
    await review.reveal(page);
    await review.grade(page, 'good');
    const c = await review.currentCardId(page);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(await idb.card(page, a)).toMatchObject({ state: 1, reps: 1 });

    // The step is not over yet: the next new card stays on screen.
    await page.clock.fastForward(30_000);
    expect(await review.currentCardId(page)).toBe(c);

    // A minute after the answer the learning card is due, but the card on screen is not swapped out (as in
    // Anki): it stays until answered, and the learning card takes the next slot.
    await page.clock.fastForward('00:35');
    await page.waitForFunction(() => document.querySelector('p.counts')?.textContent?.includes('2 learning'));
    expect(await review.currentCardId(page)).toBe(c);
    await review.reveal(page);
    await review.grade(page, 'good');
    await review.waitForCard(page, a);
    await review.reveal(page);
    // Its second step (10m) is next.
    expect((await review.intervals(page)).good).toBe('10m');
    await review.grade(page, 'good');
    const d = await review.currentCardId(page);
    expect(new Set([a, b, c, d]).size).toBe(4);

    // Close the tab and open the app in a new one: the answers are all there.
    const logsBefore = await idb.read(page, 'reviewLogs');
    const second = await context.newPage();
    await page.close();
    await library.open(second);
    expect(await pageNow(second)).toBeGreaterThanOrEqual(START.getTime() + 65_000);
    const logs = (await idb.read(second, 'reviewLogs')).sort((x, y) => x.review - y.review);
    expect(logs).toEqual(logsBefore.sort((x, y) => x.review - y.review));
    expect(logs.map((l) => [l.cardId, l.rating])).toEqual([
      [a, 'again'],
      [b, 'good'],
      [c, 'good'],
      [a, 'good'],
    ]);
    expect(await idb.card(second, a)).toMatchObject({ state: 1, reps: 2, due: logs[3]!.after.due });
    expect(await idb.card(second, b)).toMatchObject({ state: 1, reps: 1, due: logs[1]!.after.due });
    expect(await library.counts(second, DECK)).toEqual({ new: 17, learning: 3, due: 0 });

    // A new session there starts with the next new card d; once b's 10-minute step is over and d is answered,
    // b comes next.
    await library.study(second, DECK);
    expect(await review.currentCardId(second)).toBe(d);
    await advanceTo(second, logs[1]!.after.due + 5_000);
    await review.reveal(second);
    await review.grade(second, 'good');
    await review.waitForCard(second, b);
  });

  test('a card that graduated comes back as a due review on the study day it is due', async () => {
    const { page } = session();
    await page.clock.install({ time: START });
    await library.open(page);
    await library.study(page, DECK);

    // Good on a new card: the 10-minute step…
    const card = await review.currentCardId(page);
    await review.reveal(page);
    await review.grade(page, 'good');
    expect(await review.currentCardId(page)).not.toBe(card);
    // Ten minutes on, the card on screen is answered first (Easy: it leaves for days, out of this test's way);
    // then the learning card comes back.
    await page.clock.fastForward('10:30');
    await review.reveal(page);
    await review.grade(page, 'easy');
    await review.waitForCard(page, card);
    // …then Good again graduates it to review, days away.
    await review.reveal(page);
    const label = (await review.intervals(page)).good;
    expect(label).toMatch(/^\d+d$/);
    await review.grade(page, 'good');

    const row = await idb.card(page, card);
    const log = (await idb.read(page, 'reviewLogs')).find((l) => l.cardId === card && l.after.state === 2)!;
    expect(row).toMatchObject({ state: 2, reps: 2, due: log.after.due });
    expect(intervalMatchesLabel(row.due - log.review, label)).toBe(true);
    expect(row.due - log.review).toBeGreaterThanOrEqual(DAY);

    // The study day the card is due on starts at 04:00 (UTC here) on its due date.
    const dueDayStart = new Date(row.due);
    dueDayStart.setUTCHours(4, 0, 0, 0);
    expect(dueDayStart.getTime()).toBeLessThan(row.due);

    await library.navigate(page);
    expect(await library.counts(page, DECK)).toEqual({ new: 18, learning: 0, due: 0 });

    // The evening before, and the small hours before 4 a.m.: still the previous study day, nothing due.
    await advanceTo(page, dueDayStart.getTime() - MINUTE);
    await page.reload();
    await library.waitReady(page);
    expect(await library.counts(page, DECK)).toMatchObject({ due: 0 });

    // Past 4 a.m. the open library turns the day by itself (it ticks every minute): the review is due today,
    // hours before its exact due time, as reviews are due by study day.
    await page.clock.fastForward('02:00');
    await page.waitForFunction(
      (id) => document.querySelector(`li.deck[data-deck-id="${id}"] .count-due dd`)?.textContent === '1',
      DECK,
    );
    expect(await pageNow(page)).toBeLessThan(row.due);

    // Past its due time, after a reload: still one review due, and a session starts with it, before new cards.
    await advanceTo(page, row.due + 30 * MINUTE);
    await page.reload();
    await library.waitReady(page);
    expect(await library.counts(page, DECK)).toEqual({ new: 20, learning: 0, due: 1 });
    await library.study(page, DECK);
    expect(await review.currentCardId(page)).toBe(card);
    expect(await page.locator('p.counts').textContent()).toBe('Remaining: 20 new, 0 learning, 1 review');
    await review.reveal(page);
    const next = await review.intervals(page);
    // A review card: Again goes to the 10-minute relearning step, the others are days away.
    expect(next.again).toBe('10m');
    expect(next.good).toMatch(/^\d+(d|\.?\d*mo)$/);
    await review.grade(page, 'good');
    expect(await idb.card(page, card)).toMatchObject({ state: 2, reps: 3 });
    expect((await idb.card(page, card)).due).toBeGreaterThan(row.due);
  });
});
