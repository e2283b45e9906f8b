// E2E (real Chromium): Settings' "Check database" puts a card whose stored memory was corrupted (written straight
// into IndexedDB, not through the app) back to the replay of its review log, says so, and the repair outlives a reload.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { idb, library, review, browserPerTest } from './browser';

const session = browserPerTest({ timezoneId: 'UTC' });
const DECK = 'containers-vs-vms';
const START = new Date('2026-03-10T12:00:00Z');
const DAY = 86_400_000;

/** Writes `change` over the card's stored row straight through IndexedDB (as a bug or a bad disk might). */
function corrupt(page: Page, id: string, change: Record<string, number>): Promise<void> {
  return page.evaluate(
    ([cardId, fields]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('dockdeck');
        req.onerror = () => reject(req.error ?? new Error('open failed'));
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('cards', 'readwrite');
          const store = tx.objectStore('cards');
          const get = store.get(cardId);
          get.onsuccess = () => store.put({ ...get.result, ...fields });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        };
      }),
    [id, change] as const,
  );
}

const memory = (c: Record<string, unknown>) => {
  const { due, stability, difficulty, state, reps, scheduledDays, lastReview } = c;
  return { due, stability, difficulty, state, reps, scheduledDays, lastReview };
};

/** Opens Settings by the main navigation, runs Check database and returns the report's lines. */
async function runCheck(page: Page): Promise<string[]> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Check database' });
  await section.getByRole('button', { name: 'Check database' }).click();
  await section.locator('.check-report li').first().waitFor();
  return section.locator('.check-report li').allTextContents();
}

describe('check database', () => {
  test('answers, one card corrupted in IndexedDB, Check database from Settings: reported, repaired, still so after a reload', async () => {
    const { page } = session();
    await page.clock.install({ time: START });
    await library.open(page);
    await library.study(page, DECK);
    const answered: string[] = [];
    for (const rating of ['good', 'again', 'easy', 'good'] as const) {
      answered.push(await review.currentCardId(page));
      await review.reveal(page);
      await review.grade(page, rating);
    }
    const victim = answered[2]!;
    const good = memory(await idb.card(page, victim));
    await corrupt(page, victim, { stability: good.stability * 3 + 1, due: (good.due as number) + 5 * DAY, reps: 9 });
    expect(memory(await idb.card(page, victim))).not.toEqual(good);

    const lines = await runCheck(page);
    expect(lines).toContain(`Repaired 1 cards whose schedule was not the replay of their review log: ${victim}.`);
    expect(lines.some((l) => /^Checked \d+ cards and 4 review-log entries\.$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('Replayed: 4 answers recomputed exactly'))).toBe(true);
    expect(memory(await idb.card(page, victim))).toEqual(good);

    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    expect(memory(await idb.card(page, victim))).toEqual(good);
    const again = await runCheck(page);
    expect(again).toContain('No card needed repair: every card’s schedule is the replay of its review log.');
  });
});
