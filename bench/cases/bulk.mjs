// Bulk action cases: suspending 10,000 cards selected in the real browser (#/browse), from the click on Suspend to the
// toast that says it is done, against a raw IndexedDB bulkPut of the same 10,000 rows in one transaction.
/* global window, document, MutationObserver, indexedDB, IDBKeyRange -- in functions run in the page */
import { newPage } from '../lib/app.mjs';
import { median, round } from '../lib/stats.mjs';

const RUNS = 5;
/** bench-10 and bench-11 (5,000 cards each): decks no other case reads or writes. */
const DECKS = (ctx) => [ctx.seed.deckIds[9], ctx.seed.deckIds[10]];

/** In the app page: a long-task observer (the longest task while an action runs is what freezes the page). */
function installLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
}

/** In the app page: clicks a bulk bar button (or the toast's Undo) and resolves when the toast's words change. */
function clickAndTime({ button, expect }) {
  return new Promise((resolve, reject) => {
    const toast = document.querySelector('.browse-toast');
    const target =
      button === 'undo'
        ? toast.querySelector('button:not(.link)')
        : [...document.querySelectorAll('.bulk-bar > button')].find((b) => b.textContent === button);
    if (!target) return reject(new Error(`no button ${button}`));
    window.__longTasks = [];
    const t0 = performance.now();
    const done = () => {
      const text = toast.querySelector('.toast-text')?.textContent ?? '';
      if (!text.includes(expect)) return false;
      observer.disconnect();
      resolve({ ms: performance.now() - t0, text, longest: Math.max(0, ...window.__longTasks) });
      return true;
    };
    const observer = new MutationObserver(done);
    observer.observe(toast, { subtree: true, childList: true, characterData: true });
    target.click();
  });
}

/** In the app page, plain IndexedDB: the decks' card rows put back unchanged in one readwrite transaction. */
async function rawBulkPut({ decks, runs }) {
  const idb = await new Promise((resolve, reject) => {
    const req = indexedDB.open('dockdeck');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const request = (req) =>
    new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  try {
    const rows = [];
    for (const d of decks) {
      const store = idb.transaction('cards').objectStore('cards');
      rows.push(...(await request(store.getAll(IDBKeyRange.bound(`${d}/`, `${d}/\uffff`)))));
    }
    const out = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const tx = idb.transaction('cards', 'readwrite');
      const store = tx.objectStore('cards');
      for (const row of rows) store.put(row);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      out.push(performance.now() - t0);
    }
    return { rows: rows.length, values: out };
  } finally {
    idb.close();
  }
}

export default [
  {
    name: 'bulk.suspend-10k',
    unit: 'ms',
    target: { max: 1000 },
    async run(ctx) {
      const decks = DECKS(ctx);
      const page = await newPage(ctx);
      try {
        await page.addInitScript(installLongTasks);
        await page.goto(`${ctx.baseUrl}/#/browse`);
        await page.waitForSelector('section.browse[data-loading="false"] [data-count]');
        const box = page.getByRole('searchbox', { name: 'Search cards' });
        const query = decks.map((d) => `deck:${d}`).join(' or ');
        await box.fill(query);
        await box.press('Enter');
        await page.waitForFunction(
          () =>
            document.querySelector('section.browse')?.getAttribute('data-loading') === 'false' &&
            document.querySelector('.browse-count [data-count]')?.getAttribute('data-count') === '10000',
        );
        await page.locator('table.browse-table').focus();
        await page.keyboard.press('Control+a');
        await page.waitForFunction(() => document.querySelector('.selected-count')?.textContent?.includes('10000'));
        const values = [];
        const undos = [];
        const longest = [];
        for (let r = 0; r < RUNS; r++) {
          const s = await page.evaluate(clickAndTime, { button: 'Suspend', expect: 'Suspended 10000 cards' });
          values.push(s.ms);
          longest.push(s.longest);
          const u = await page.evaluate(clickAndTime, { button: 'undo', expect: 'Undone' });
          undos.push(u.ms);
          longest.push(u.longest);
        }
        const baseline = await page.evaluate(rawBulkPut, { decks, runs: RUNS });
        if (baseline.rows !== 10000) throw new Error(`baseline read ${baseline.rows} rows`);
        return {
          values,
          baseline: { name: 'raw idb put of the 10,000 rows, one transaction', values: baseline.values },
          note:
            `${decks.join(' + ')} selected in #/browse (Ctrl+A), click on Suspend until the toast; ` +
            `undo (toast) median ${round(median(undos), 1)} ms; longest task during an action or undo ` +
            `${round(Math.max(...longest), 1)} ms`,
        };
      } finally {
        await page.close();
      }
    },
  },
];
