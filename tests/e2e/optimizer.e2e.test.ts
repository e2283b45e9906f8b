// E2E (issue #13): the optimizer in real Chromium, cross-origin isolated by the server's headers. A review log
// simulated from a learner with known, non-default FSRS parameters is seeded into IndexedDB; Optimize fits it in the
// worker (fsrs-browser, threads) with progress, the fitted parameters beat the defaults, match the native binding's
// fit on the same items within 1 % in log loss, go into the preset editor's draft ("Use these parameters"), and are
// saved by the editor's Save (with its offer to reschedule), still there after a reload.
import { computeParameters, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding';
import type { Page } from 'playwright-core';
import { default_w } from 'ts-fsrs';
import { describe, expect, test } from 'vitest';
import { evaluateParameters } from '../../src/domain/optimizer/evaluate';
import { simulateLearner, type SimulatedEntry } from '../../src/domain/optimizer/simulate-learner';
import { buildTrainingItems } from '../../src/domain/optimizer/training-items';
import { baseURL, browserPerTest, library } from './browser';

const session = browserPerTest();

const TRUE_WEIGHTS = [
  0.5, 2.0, 4.5, 12, 6.0, 0.6, 2.0, 0.01, 1.5, 0.12, 1.2, 1.8, 0.08, 0.35, 1.9, 0.4, 2.4, 0.6, 0.1, 0.08, 0.25,
];
const START = Date.UTC(2025, 0, 1);
const simulated = (cards: number) =>
  simulateLearner({
    seed: 5,
    trueWeights: TRUE_WEIGHTS,
    schedulerWeights: [...default_w],
    cards,
    newPerDay: 25,
    days: 300,
    start: START,
  });

/**
 * Writes the log into the app's reviewLogs store, as review-log rows of the first stored deck (a deck of the default
 * preset, whose editor the settings screen opens on: its optimizer fits its decks' reviews).
 */
async function seed(page: Page, log: SimulatedEntry[]): Promise<void> {
  const memory = {
    due: 0,
    stability: 1,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 0,
    lastReview: null,
  };
  const rows = log.map((e, i) => ({
    id: `sim-${i}`,
    cardId: e.cardId,
    deckId: '',
    review: e.review,
    rating: e.rating,
    kind: e.kind,
    state: e.state,
    elapsedDays: 0,
    scheduledDays: 0,
    durationMs: 0,
    before: memory,
    after: memory,
  }));
  await page.evaluate(
    (all) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('dockdeck');
        req.onerror = () => reject(req.error ?? new Error('open failed'));
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['decks', 'reviewLogs'], 'readwrite');
          const first = tx.objectStore('decks').openKeyCursor();
          first.onsuccess = () => {
            if (!first.result) return tx.abort();
            const deckId = first.result.key as string;
            for (const row of all) tx.objectStore('reviewLogs').put({ ...row, deckId });
          };
          tx.onabort = () => (db.close(), reject(tx.error ?? new Error('no deck stored')));
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => (db.close(), reject(tx.error ?? new Error('write failed')));
        };
      }),
    rows,
  );
}

/** The preset editor's parameters box. */
const parameters = (page: Page) => page.getByLabel(/^FSRS parameters/);

const metric = async (page: Page, name: string) => Number(await page.locator(`[data-metric="${name}"]`).textContent());

describe('optimizer', () => {
  test('fits a simulated learner in the browser: progress, a lower log loss, the binding’s result, saved', async () => {
    const { page } = session();
    // Present in the simulated log's time zone: the browser is UTC, and so are the items computed here.
    process.env.TZ = 'UTC';
    const log = simulated(1200);
    await library.open(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await seed(page, log);
    await page.goto(`${baseURL()}#/settings`);
    const panel = page.locator('fieldset.optimize');
    await panel.getByRole('button', { name: 'Optimize' }).click();
    // The fit's own progress (items processed of total) shows while it runs.
    await panel.getByRole('progressbar', { name: 'Fitting the parameters…' }).waitFor();
    await panel.locator('table.optimize-metrics').waitFor({ timeout: 120_000 });
    const before = await metric(page, 'log-loss-before');
    const after = await metric(page, 'log-loss-after');
    expect(after).toBeLessThan(before);
    await expect.poll(() => panel.getByRole('status').first().textContent()).toContain('predict your reviews better');

    // The native fsrs-rs on the same items, evaluated the same way.
    const set = buildTrainingItems(log, { dayStartHour: 4, now: Date.now(), includeQuiz: true, includeCustom: true });
    expect(await panel.textContent()).toContain(`Used ${set.items.length} reviews to predict`);
    const native = await computeParameters(
      set.items.map((it) => new FSRSBindingItem(it.map((r) => new FSRSBindingReview(r.rating, r.deltaT)))),
      { enableShortTerm: true },
    );
    const nativeLoss = evaluateParameters(native, set.items).logLoss;
    expect(Math.abs(after - nativeLoss) / nativeLoss).toBeLessThan(0.01);

    // Into the editor's draft (nothing written yet), then saved by the editor's Save, which offers to reschedule.
    const fitted = await panel.locator('[data-parameters="fitted"]').textContent();
    await panel.getByRole('button', { name: 'Use these parameters' }).click();
    await panel.getByText(/Save the preset to keep them/).waitFor();
    expect(await parameters(page).inputValue()).toBe(fitted);
    await page.getByRole('button', { name: 'Save presets' }).click();
    await page
      .getByRole('alertdialog', { name: 'Reschedule existing cards?' })
      .getByRole('button', { name: 'Save only' })
      .click();
    await page.getByText('Presets saved.').waitFor();
    await page.reload();
    await expect.poll(() => parameters(page).inputValue()).toBe(fitted);
  }, 180_000);

  test('Cancel stops the fit and changes nothing; too few reviews are refused with the number needed', async () => {
    const { page } = session();
    await library.open(page);
    await seed(page, simulated(1200));
    await page.goto(`${baseURL()}#/settings`);
    const panel = page.locator('fieldset.optimize');
    const current = await parameters(page).inputValue();
    await panel.getByRole('button', { name: 'Optimize' }).click();
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await panel.getByText('Optimization cancelled. Nothing was changed.').waitFor();
    expect(await parameters(page).inputValue()).toBe(current);

    // Only cards first studied from the last simulated days on: too few reviews on later days.
    await panel.getByLabel('Ignore reviews before').fill('2025-10-26');
    await panel.getByRole('button', { name: 'Optimize' }).click();
    await panel.getByText(/Too few reviews to optimize: \d+ usable, at least 8 needed/).waitFor({ timeout: 60_000 });
  }, 120_000);

  test('offline, from the service worker’s cache, the page is still isolated and the optimizer still fits', async () => {
    const { page, context } = session();
    await library.open(page);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          if (navigator.serviceWorker.controller) return resolve();
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
        }),
    );
    await seed(page, simulated(200));
    await context.setOffline(true);
    await page.goto(`${baseURL()}#/settings`);
    await page.reload();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const panel = page.locator('fieldset.optimize');
    await panel.getByRole('button', { name: 'Optimize' }).click();
    await panel.locator('table.optimize-metrics').waitFor({ timeout: 120_000 });
    expect(await metric(page, 'log-loss-after')).toBeLessThan(await metric(page, 'log-loss-before'));
  }, 180_000);
});
