// E2E (issue 13, real Chromium): the statistics page from the main navigation over a seeded review log. The log and
// the cards are written with the page's own IndexedDB (not the app's write path), and the counters' calendar row is
// removed, so the page must rebuild its day counters from the log; the heatmap's day and the future-due numbers are
// the seeded ones, and again after a reload.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { DEFAULT_STUDY_SETTINGS } from '../../src/domain/settings';
import { browserPerTest, library } from './browser';

const session = browserPerTest();
const DECK = 'containers-vs-vms';

/**
 * In the page: 5 answers at noon 10 days ago, 3 cards due tomorrow at noon; returns the seeded day's local date. Today
 * is the study day's: before its start hour (4 a.m.) it is still the calendar's yesterday, so a test run just after
 * midnight seeds the same study days as one run in the afternoon.
 */
async function seed(page: Page): Promise<string> {
  return page.evaluate(
    ({ deck, dayStartHour }) =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('dockdeck');
        req.onerror = () => reject(req.error ?? new Error('open failed'));
        req.onsuccess = () => {
          const db = req.result;
          const noon = new Date();
          if (noon.getHours() < dayStartHour) noon.setDate(noon.getDate() - 1);
          noon.setHours(12, 0, 0, 0);
          const day = new Date(noon.getTime() - 10 * 86_400_000);
          const tomorrow = noon.getTime() + 86_400_000;
          const tx = db.transaction(['cards', 'reviewLogs', 'settings'], 'readwrite');
          tx.objectStore('settings').delete('stats-counters');
          const cards = tx.objectStore('cards');
          const all = cards.getAll(IDBKeyRange.bound(`${deck}/`, `${deck}/\uffff`));
          all.onsuccess = () => {
            const rows = (all.result as Array<Record<string, unknown>>).slice(0, 3);
            for (const [i, c] of rows.entries()) {
              cards.put({
                ...c,
                state: 2,
                due: tomorrow + i,
                scheduledDays: 10,
                stability: 10,
                difficulty: 5,
                lastReview: tomorrow - 10 * 86_400_000,
                reps: 2,
              });
              for (let k = 0; k < 2; k++) {
                if (i * 2 + k >= 5) continue;
                const memory = {
                  due: 0,
                  stability: 5,
                  difficulty: 5,
                  elapsedDays: 4,
                  scheduledDays: 4,
                  learningSteps: 0,
                  reps: 1,
                  lapses: 0,
                  state: 2,
                  lastReview: 0,
                };
                tx.objectStore('reviewLogs').put({
                  id: `seed-${i}-${k}`,
                  cardId: c.id,
                  deckId: deck,
                  review: day.getTime() + i * 60_000 + k * 1000,
                  state: 2,
                  elapsedDays: 4,
                  scheduledDays: 4,
                  durationMs: 5000,
                  rating: k === 0 ? 'good' : 'again',
                  kind: 'review',
                  before: memory,
                  after: memory,
                });
              }
            }
          };
          tx.oncomplete = () => {
            db.close();
            const pad = (n: number) => String(n).padStart(2, '0');
            resolve(`${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`);
          };
          tx.onerror = () => reject(tx.error ?? new Error('seed failed'));
        };
      }),
    { deck: DECK, dayStartHour: DEFAULT_STUDY_SETTINGS.dayStartHour },
  );
}

async function expectSeededNumbers(page: Page, date: string) {
  await page.waitForSelector('section.stats[data-ready="true"]', { timeout: 20_000 });
  const cell = page.locator(`[data-section="calendar"] rect[data-date="${date}"]`);
  expect(await cell.getAttribute('aria-label')).toMatch(/: 5 reviews$/);
  expect(await cell.textContent()).toMatch(/: 5 reviews$/);
  const future = page.locator('[data-section="future"]');
  expect(await future.locator('[data-tomorrow]').getAttribute('data-tomorrow')).toBe('3');
  await future.getByRole('button', { name: 'Show as table' }).click();
  const row = future.getByRole('row', { name: /^Tomorrow/ });
  expect(await row.getByRole('cell').textContent()).toBe('3');
}

test('Statistics from the navigation shows the seeded day on the calendar and the seeded cards due, after a reload too', async () => {
  const { page } = session();
  await library.open(page);
  const date = await seed(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
  await expectSeededNumbers(page, date);
  const counters = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('dockdeck');
        req.onerror = () => reject(req.error ?? new Error('open failed'));
        req.onsuccess = () => {
          const c = req.result.transaction('dayCounters').objectStore('dayCounters').count();
          c.onsuccess = () => {
            req.result.close();
            resolve(c.result);
          };
        };
      }),
  );
  expect(counters).toBe(1);
  await page.reload();
  await expectSeededNumbers(page, date);
});
