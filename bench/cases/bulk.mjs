// Bulk action cases: suspending 10,000 cards selected in the real browser (#/browse), from the click on Suspend to the
// toast that says it is done, against a raw IndexedDB bulkPut of the same 10,000 card rows in one transaction. Since
// database version 11 the marks are not in the card rows (the `cardMarks` table, a row per deck and bucket of card
// ids): the note also has a raw put of 10,000 small rows with one index in a scratch database (what a table with a row
// per card would cost) and a raw put of the marks rows as the suspend leaves them.
/* global window, document, MutationObserver, indexedDB, IDBKeyRange -- in functions run in the page */
import { newPage } from '../lib/app.mjs';
import { installLongTasks } from '../lib/probes.mjs';
import { median, round } from '../lib/stats.mjs';

const RUNS = 5;
/** bench-10 and bench-11 (5,000 cards each): decks no other case reads or writes. */
const DECKS = (ctx) => [ctx.seed.deckIds[9], ctx.seed.deckIds[10]];

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

/**
 * In the app page, plain IndexedDB: 10,000 small rows (a card id, its deck, `suspended`, one index) put in one
 * transaction into a scratch database, and the `cardMarks` rows of the decks (as the suspend left them) put back.
 */
async function rawSmallPuts({ decks, runs }) {
  const open = (name, upgrade) =>
    new Promise((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const done = (tx) =>
    new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  const scratch = await open('bench-scratch-marks', (db) =>
    db.createObjectStore('marks', { keyPath: 'id' }).createIndex('parkedDeck', 'parkedDeck'),
  );
  const app = await new Promise((resolve, reject) => {
    const req = indexedDB.open('dockdeck');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    const small = [];
    for (const d of decks)
      for (let i = 0; i < 5000; i++) small.push({ id: `${d}/${i}`, deckId: d, suspended: true, parkedDeck: d });
    const read = app.transaction('cardMarks').objectStore('cardMarks').getAll();
    await done(read.transaction);
    const buckets = read.result.filter((r) => decks.includes(r.deckId));
    const out = { perCard: [], buckets: [], bucketRows: buckets.length };
    for (let r = 0; r < runs; r++) {
      let t0 = performance.now();
      let tx = scratch.transaction('marks', 'readwrite');
      for (const row of small) tx.objectStore('marks').put(row);
      await done(tx);
      out.perCard.push(performance.now() - t0);
      t0 = performance.now();
      tx = app.transaction('cardMarks', 'readwrite');
      for (const row of buckets) tx.objectStore('cardMarks').put(row);
      await done(tx);
      out.buckets.push(performance.now() - t0);
    }
    return out;
  } finally {
    scratch.close();
    app.close();
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase('bench-scratch-marks');
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
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
        let small = null;
        for (let r = 0; r < RUNS; r++) {
          const s = await page.evaluate(clickAndTime, { button: 'Suspend', expect: 'Suspended 10000 cards' });
          values.push(s.ms);
          longest.push(s.longest);
          // While the cards are suspended: the marks rows as the suspend left them.
          if (r === RUNS - 1) small = await page.evaluate(rawSmallPuts, { decks, runs: RUNS });
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
            `${round(Math.max(...longest), 1)} ms; raw idb put of 10,000 small one-index rows (a row per card) ` +
            `median ${round(median(small.perCard), 1)} ms; raw idb put of the ${small.bucketRows} cardMarks rows ` +
            `the suspend leaves median ${round(median(small.buckets), 1)} ms`,
        };
      } finally {
        await page.close();
      }
    },
  },
];
