// E2E: two tabs of one profile on one database — interleaved answers and undos keep every answer and every card's
// log chain; a newer tab's upgrade asks the older one to reload and loses nothing.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseURL, browserPerTest, idb, library, review } from './browser';
import { answerByKeys, checkLogChains, twoTabReview } from './two-tabs-helpers';

const session = browserPerTest();
const DECK = 'containers-vs-vms';

/** Takes the expected storage errors (the app logs what it reports) off the session's error list. */
function expectedErrors(pattern: RegExp): string[] {
  const { errors } = session();
  const taken = errors.filter((e) => pattern.test(e));
  errors.splice(0, errors.length, ...errors.filter((e) => !pattern.test(e)));
  return taken;
}

describe('two tabs on one database', () => {
  test('100 interleaved keyboard answers with undos: every answer kept, every card’s log chain unbroken', async () => {
    const { context, page: a } = session();
    const b = await context.newPage();
    const seed = Number(process.env.TWO_TABS_SEED ?? Date.now() % 1_000_000);
    console.log(`two tabs: seed ${seed}`);
    const run = await twoTabReview(a, b, DECK, 100, seed);
    console.log(`two tabs: ${JSON.stringify(run)}`);
    expect(run.logs).toBe(run.answeredA + run.answeredB);
    expect(run.results.answered - run.results.undone).toBe(run.logs);
    expect(run.cardsWithLog).toBeGreaterThan(0);
    expectedErrors(/UndoConflictError/);
  }, 300_000);

  test('an answer in one tab reaches the other live: the card on screen is shown anew, not graded on the old state', async () => {
    const { context, page: a } = session();
    const b = await context.newPage();
    for (const p of [a, b]) {
      await library.open(p);
      await library.study(p, DECK);
    }
    // Both tabs show the first card, its answer shown in B.
    const first = await review.currentCardId(a);
    expect(await review.currentCardId(b)).toBe(first);
    await review.reveal(b);
    // A answers it Again (1m: it stays in the session, shown first in B).
    expect(await answerByKeys(a, 'again')).toBe('answered');
    // B sees the answer without a reload: the card leaves B's screen (it is due again in a minute, after the new
    // cards), its answer was never graded there, and the user is told why.
    const note = b.locator('section.review .session-conflict[data-conflict="gone"]');
    await note.waitFor();
    expect(await note.textContent()).toBe(
      'The card you were on was just answered in another tab: here is the next one.',
    );
    expect(await review.currentCardId(b)).not.toBe(first);
    expect(await b.locator('article.card button.grade').count()).toBe(0);
    expect(await review.answered(b)).toBe(0);
    const logs = await idb.read(b, 'reviewLogs');
    expect(logs).toHaveLength(1);
    await checkLogChains(b);
  });
});

/** The version the app's database has now, as IndexedDB numbers it. */
async function idbVersion(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const all = await indexedDB.databases();
    return all.find((d) => d.name === 'dockdeck')?.version ?? 0;
  });
}

describe('a newer tab upgrading the database', () => {
  test('the older tab closes its connection, says to reload, and no answer it stored is lost', async () => {
    const { context, page: a } = session();
    await library.open(a);
    await library.study(a, DECK);
    for (const r of ['good', 'again', 'hard'] as const) expect(await answerByKeys(a, r)).toBe('answered');
    const version = await idbVersion(a);
    expect(version).toBeGreaterThan(0);

    // Tab B is a newer dockdeck: it opens the database at a higher version (an upgrade that keeps every store).
    const b = await context.newPage();
    // Any page of the origin that is not the app (which would open the database itself).
    await b.goto(`${baseURL()}manifest.webmanifest`);
    const errorsBefore = session().errors.length;
    const upgraded = await b.evaluate(
      (v) =>
        new Promise<{ version: number; logs: number }>((resolve, reject) => {
          const req = indexedDB.open('dockdeck', v + 1);
          req.onblocked = () => reject(new Error('blocked: the older tab kept its connection open'));
          req.onerror = () => reject(req.error ?? new Error('open failed'));
          req.onsuccess = () => {
            const db = req.result;
            const count = db.transaction('reviewLogs').objectStore('reviewLogs').count();
            count.onsuccess = () => {
              resolve({ version: db.version, logs: count.result });
              db.close();
            };
          };
        }),
      version,
    );
    expect(upgraded).toEqual({ version: version + 1, logs: 3 });

    // Tab A tells the user to reload, with the button to do it.
    const alert = a.getByRole('alert').filter({ hasText: 'dockdeck was updated in another tab' });
    await alert.waitFor();
    expect(await alert.getByRole('button', { name: 'Reload' }).count()).toBe(1);
    expect(await review.answered(a)).toBe(3);
    // An answer given now is not taken as stored: the card stays (nothing claims it saved), and no second alert.
    await review.reveal(a);
    await a.keyboard.press('3');
    await a.waitForSelector('section.review[data-pending="0"]');
    expect(await review.answered(a)).toBe(3);
    expect(await a.getByRole('alert').count()).toBe(1);
    // What the app logs of the writes the close cut off (console.error, minified) is expected; nothing before it.
    expect(
      session()
        .errors.slice(errorsBefore)
        .every((e) => e.includes('console.error')),
    ).toBe(true);
    session().errors.splice(errorsBefore);
  });
});
