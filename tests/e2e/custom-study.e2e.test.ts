// E2E (issue 12, real Chromium): custom study as a user takes it, from a deck's page by its link, and what a reload
// shows afterwards. Reviewing ahead reschedules only the cards it showed and leaves today's counts on the library as
// they were; cram (preview) grades cards, logs the answers as cram, and leaves every card's schedule untouched.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserPerTest, idb, library, review, type CardRow, type Rating } from './browser';

const DECK = 'containers-vs-vms';
const DAY_MS = 86_400_000;

/** From the library to the deck's page, by its link. */
async function openDeckPage(page: Page) {
  await page.locator(`li.deck[data-deck-id="${DECK}"] a.deck-page-link`).click();
  await page.waitForSelector(`section.deck-page[data-deck-id="${DECK}"]`);
}

/** Answers the cards on screen in turn with these ratings. */
async function answer(page: Page, ratings: Rating[]) {
  for (const r of ratings) {
    await review.waitSettled(page);
    await review.reveal(page);
    await review.grade(page, r);
  }
}

/** The deck page's Study link, a few answers, then back to the library. */
async function studyFromDeckPage(page: Page, ratings: Rating[]) {
  await openDeckPage(page);
  await page.getByRole('link', { name: 'Study', exact: true }).click();
  await answer(page, ratings);
  await page.keyboard.press('Escape');
  await library.waitReady(page);
}

/** The deck page's Custom study link, a kind and its number, Start. */
async function startCustom(page: Page, kind: RegExp, field: 'Days' | 'How many cards', n: number) {
  await openDeckPage(page);
  await page.getByRole('link', { name: 'Custom study' }).click();
  await page.getByRole('radio', { name: kind }).check();
  await page.getByRole('spinbutton', { name: field }).fill(String(n));
  await page.getByRole('button', { name: 'Start' }).click();
}

const memory = (c: CardRow) => ({
  due: c.due,
  state: c.state,
  reps: c.reps,
  stability: c.stability,
  difficulty: c.difficulty,
  scheduledDays: c.scheduledDays,
  lastReview: c.lastReview,
});

async function deckMemories(page: Page) {
  const rows = (await idb.read(page, 'cards')).filter((c) => c.deckId === DECK);
  return new Map(rows.map((c) => [c.id, memory(c)]));
}

async function reloadLibrary(page: Page) {
  await page.reload();
  await library.navigate(page);
}

describe('custom study', () => {
  const session = browserPerTest();

  test('review ahead: the cards due in the next days are rescheduled, and today’s normal counts stay as they were', async () => {
    const { page } = session();
    await library.open(page);
    // Two new cards answered Easy go to review, due days from now; they are not due today.
    await studyFromDeckPage(page, ['easy', 'easy']);
    const before = await library.counts(page, DECK);
    const studied = [...(await deckMemories(page))].filter(([, m]) => m.reps === 1);
    expect(studied).toHaveLength(2);
    const now = await page.evaluate(() => Date.now());
    for (const [, m] of studied) expect(m.due).toBeGreaterThan(now + DAY_MS);

    await startCustom(page, /^Review ahead/, 'Days', 60);
    const shown: string[] = [];
    for (let i = 0; i < 2; i++) {
      await review.waitSettled(page);
      shown.push(await review.currentCardId(page));
      await review.reveal(page);
      await review.grade(page, 'good');
    }
    expect(shown.sort()).toEqual(studied.map(([id]) => id).sort());
    await page.waitForSelector('section.review .session-end');

    await reloadLibrary(page);
    expect(await library.counts(page, DECK)).toEqual(before);
    const after = await deckMemories(page);
    for (const [id, m] of studied) {
      // Answered again, ahead of time: a second review, due later still.
      expect(after.get(id)!.reps).toBe(2);
      expect(after.get(id)!.due).toBeGreaterThan(m.due - DAY_MS);
    }
    const logs = (await idb.read(page, 'reviewLogs')) as Array<{ kind?: string; cardId: string }>;
    expect(logs.map((l) => l.kind).sort()).toEqual(['custom', 'custom', 'review', 'review']);
    // The normal session of the deck goes on as before: the next new card, not the cards studied ahead.
    await library.study(page, DECK);
    expect(shown).not.toContain(await review.currentCardId(page));
  });

  test('cram grades cards without rescheduling any: after a reload every card’s schedule is as it was', async () => {
    const { page } = session();
    await library.open(page);
    await studyFromDeckPage(page, ['good', 'easy']);
    const counts = await library.counts(page, DECK);
    const before = await deckMemories(page);

    await startCustom(page, /^Cram/, 'How many cards', 3);
    await answer(page, ['again', 'easy', 'hard']);
    await page.waitForSelector('section.review .session-end');

    await reloadLibrary(page);
    expect(await library.counts(page, DECK)).toEqual(counts);
    expect(await deckMemories(page)).toEqual(before);
    const logs = (await idb.read(page, 'reviewLogs')) as Array<{ kind?: string; rating: string; review: number }>;
    const cram = logs.filter((l) => l.kind === 'cram').sort((a, b) => a.review - b.review);
    expect(cram.map((l) => l.rating)).toEqual(['again', 'easy', 'hard']);
    expect(logs.filter((l) => l.kind === 'review')).toHaveLength(2);
  });
});
