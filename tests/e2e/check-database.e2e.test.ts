// E2E (real Chromium): Settings' "Check database" puts a card whose stored memory was corrupted (written straight
// into IndexedDB, not through the app) back to the replay of its review log, says so, and the repair outlives a reload.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { idb, library, review, browserPerTest, type CardRow } from './browser';

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

const memory = (c: CardRow) => {
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
    await corrupt(page, victim, { stability: good.stability * 3 + 1, due: good.due + 5 * DAY, reps: 9 });
    expect(memory(await idb.card(page, victim))).not.toEqual(good);

    const lines = await runCheck(page);
    expect(lines).toContain(`Cards repaired, their schedule not the replay of their review log: 1 (${victim}).`);
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

// 10,000 cards here; 100,000 with SOAK=1 (several minutes on a small machine: for the soak run).
const SCALE = process.env.SOAK === '1' ? 100_000 : 10_000;

describe('check database at scale', () => {
  test(`${SCALE} cards (a fifth with logs): progress shown as it goes, no long task freezes the page, nothing to repair`, async () => {
    const { page } = session();
    await library.open(page);
    await library.study(page, DECK);
    for (const rating of ['good', 'good'] as const) {
      await review.reveal(page);
      await review.grade(page, rating);
    }
    // Copies of a studied card and of a new one, with the studied card's log, written straight into IndexedDB.
    const seeded = await page.evaluate(
      async ([deckId, total]) => {
        const open = () =>
          new Promise<IDBDatabase>((resolve, reject) => {
            const req = indexedDB.open('dockdeck');
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error ?? new Error('open failed'));
          });
        const all = <T>(req: IDBRequest<T>) =>
          new Promise<T>((resolve, reject) => {
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error ?? new Error('request failed'));
          });
        const db = await open();
        const cards = (await all(db.transaction('cards').objectStore('cards').getAll())) as Array<
          Record<string, unknown> & { id: string; deckId: string; reps: number }
        >;
        const logs = (await all(db.transaction('reviewLogs').objectStore('reviewLogs').getAll())) as Array<
          Record<string, unknown> & { id: string; cardId: string }
        >;
        const studied = cards.find((c) => c.deckId === deckId && c.reps > 0)!;
        const fresh = cards.find((c) => c.deckId === deckId && c.reps === 0)!;
        const own = logs.filter((l) => l.cardId === studied.id);
        const BATCH = 5000;
        for (let start = 0; start < total; start += BATCH) {
          const tx = db.transaction(['cards', 'reviewLogs'], 'readwrite');
          const cs = tx.objectStore('cards');
          const ls = tx.objectStore('reviewLogs');
          for (let i = start; i < Math.min(total, start + BATCH); i++) {
            const id = `${deckId}/bulk-${String(i).padStart(6, '0')}`;
            const withLog = i % 5 === 0;
            cs.put({ ...(withLog ? studied : fresh), id, noteId: id, position: 1000 + i });
            if (withLog) for (const l of own) ls.put({ ...l, id: `${l.id}-${i}`, cardId: id });
          }
          await new Promise<void>((resolve, reject) => {
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error ?? new Error('seed failed'));
          });
        }
        db.close();
        return { perCard: own.length };
      },
      [DECK, SCALE] as const,
    );
    expect(seeded.perCard).toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('region', { name: 'Check database' }).waitFor();
    // Every progress text the section shows, and the longest task, from now on.
    await page.evaluate(() => {
      const w = window as unknown as { longest: number; progress: string[]; tasks: string[] };
      w.longest = 0;
      w.progress = [];
      w.tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          w.longest = Math.max(w.longest, e.duration);
          if (e.duration > 200) w.tasks.push(`${Math.round(e.duration)} ms at ${Math.round(e.startTime)}`);
        }
      }).observe({ type: 'longtask', buffered: false });
      const section = document.querySelector('section.check-database')!;
      new MutationObserver(() => {
        const text = section.querySelector('.check-progress p')?.textContent;
        if (text && w.progress.at(-1) !== text) w.progress.push(text);
      }).observe(section, { subtree: true, childList: true, characterData: true });
    });
    const section = page.getByRole('region', { name: 'Check database' });
    const started = Date.now();
    await page.evaluate(() => ((window as unknown as { clickedAt: number }).clickedAt = performance.now()));
    await section.getByRole('button', { name: 'Check database' }).click();
    await section.locator('.check-report li').first().waitFor({ timeout: 600_000 });
    const seconds = (Date.now() - started) / 1000;
    const lines = await section.locator('.check-report li').allTextContents();
    const { longest, progress, tasks, clickedAt } = await page.evaluate(() => {
      const w = window as unknown as { longest: number; progress: string[]; tasks: string[]; clickedAt: number };
      return { longest: w.longest, progress: w.progress, tasks: w.tasks, clickedAt: w.clickedAt };
    });
    // The progress moved while the check ran (the page painted between slices).
    const between = progress.filter((p) => {
      const [, done, total] = /^Checked (\d+) of (\d+) cards$/.exec(p) ?? [];
      return Number(done) > 0 && Number(done) < Number(total);
    });
    expect(between.length).toBeGreaterThan(1);
    console.log(
      `check database, ${SCALE} cards: ${seconds.toFixed(1)} s, longest task ${longest.toFixed(0)} ms;` +
        ` tasks over 200 ms: ${tasks.join(', ') || 'none'} (clicked at ${Math.round(clickedAt)})`,
    );
    const logs = 2 + (SCALE / 5) * seeded.perCard;
    expect(lines.some((l) => new RegExp(`^Checked \\d+ cards and ${logs} review-log entries\\.$`).test(l))).toBe(true);
    expect(lines).toContain('No card needed repair: every card’s schedule is the replay of its review log.');
    // The seeded log rows went around the app, so the day counters missed them: rebuilt.
    expect(
      lines.some((l) => l.startsWith('The statistics’ day counters did not match the review log and were rebuilt')),
    ).toBe(true);
    // Slices keep the page responsive: a slice is a short task (tens of ms on an idle machine; the bound leaves room
    // for a machine shared by many processes, where one has been seen to take a second of wall time), where the
    // whole check in one task would take as long as the check, many seconds.
    expect(longest).toBeLessThan(2000);
    expect(longest).toBeLessThan(seconds * 1000 * 0.1);
  }, 900_000);
});
