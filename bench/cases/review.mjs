// Review cases: queue build, answer latency, cold start and heap of the review screen on the seeded 100k-card database.
/* global window, document, MutationObserver, indexedDB, IDBKeyRange -- in functions run in the page */
import { CARD, newPage, openBenchPage, reviewUrl, waitForCardAndReady } from '../lib/app.mjs';
import { installFirstCardProbe } from '../lib/probes.mjs';
import { median, round } from '../lib/stats.mjs';

const ms = (x) => `${round(x, 1)} ms`;

/** Each case uses its own seeded deck, so the answers of one case do not change what another reads. */
const deck = (ctx, i) => ctx.seed.deckIds[i];

/** Installed in the app page: timestamps key '3' (capture phase) and the DOM moment the answer is done. */
function installAnswerProbe() {
  const probe = { done: [], pending: null };
  window.__answerProbe = probe;
  const state = () => {
    const card = document.querySelector('article.card[data-card-id]');
    const section = document.querySelector('section.review');
    return {
      id: card?.getAttribute('data-card-id') ?? null,
      answered: Number(section?.getAttribute('data-answered') ?? Number.NaN),
    };
  };
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== '3' || probe.pending) return;
      const s = state();
      probe.pending = { t0: performance.now(), id: s.id, answered: s.answered, shown: null, committed: null };
    },
    true,
  );
  const check = () => {
    const p = probe.pending;
    if (!p) return;
    const s = state();
    const t = performance.now();
    if (p.shown === null && s.id !== null && s.id !== p.id) p.shown = t - p.t0;
    if (p.committed === null && s.answered >= p.answered + 1) p.committed = t - p.t0;
    if (p.shown !== null && p.committed !== null) {
      probe.done.push({ total: Math.max(p.shown, p.committed), shown: p.shown, committed: p.committed });
      probe.pending = null;
    }
  };
  new MutationObserver(check).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-card-id', 'data-answered'],
  });
}

/** In the app page, plain IndexedDB: one readwrite transaction that puts one card row and adds one log row. */
async function rawAnswerWrite({ deckId, runs, warmup }) {
  const idb = await new Promise((resolve, reject) => {
    const req = indexedDB.open('dockdeck');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const done = (tx) =>
    new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  try {
    // A new card near the end of the deck: not one the session shows, and put back unchanged.
    const row = await new Promise((resolve, reject) => {
      const req = idb
        .transaction('cards')
        .objectStore('cards')
        .index('[deckId+state+position]')
        .openCursor(IDBKeyRange.bound([deckId, 0, -Infinity], [deckId, 0, []]), 'prev');
      req.onsuccess = () => resolve(req.result?.value);
      req.onerror = () => reject(req.error);
    });
    if (!row) throw new Error(`no new card in ${deckId}`);
    const times = [];
    const logIds = [];
    for (let i = 0; i < warmup + runs; i++) {
      const log = {
        id: `bench-log-${Date.now()}-${i}`,
        cardId: row.id,
        deckId: 'bench-baseline',
        rating: 'good',
        review: Date.now(),
        state: row.state,
        elapsedDays: 0,
        scheduledDays: 0,
        durationMs: 1000,
        kind: 'review',
        before: {},
        after: {},
      };
      logIds.push(log.id);
      const t = performance.now();
      const tx = idb.transaction(['cards', 'reviewLogs'], 'readwrite');
      tx.objectStore('cards').put({ ...row, updatedAt: row.updatedAt });
      tx.objectStore('reviewLogs').add(log);
      await done(tx);
      if (i >= warmup) times.push(performance.now() - t);
    }
    const tx = idb.transaction('reviewLogs', 'readwrite');
    for (const id of logIds) tx.objectStore('reviewLogs').delete(id);
    await done(tx);
    return times;
  } finally {
    idb.close();
  }
}

export default [
  {
    name: 'review.queue-build',
    unit: 'ms',
    target: { max: 50, ratioMax: 1.5 },
    async run(ctx) {
      const page = await openBenchPage(ctx);
      try {
        const deckId = deck(ctx, 0);
        const r = await page.evaluate(({ deckId, runs }) => window.bench.queueBuild(deckId, runs, 3), {
          deckId,
          runs: 30,
        });
        if (r.oursRows !== r.rawRows) throw new Error(`loadQueue read ${r.oursRows} rows, the raw read ${r.rawRows}`);
        return {
          values: r.ours,
          baseline: { name: 'raw idb range read', values: r.raw },
          note:
            `${deckId}: ${r.oursRows} rows read, queue of ${r.queueLength}; ` +
            `doneInWindow (today's log range) alone median ${ms(median(r.doneInWindow))}`,
        };
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'review.answer-latency',
    unit: 'ms',
    // Median (p50) under 16 ms, p95 under 50 ms.
    target: { max: 16, p95Max: 50 },
    async run(ctx) {
      const deckId = deck(ctx, 1);
      const warmup = 3;
      const answers = 60;
      const page = await newPage(ctx);
      try {
        await page.goto(reviewUrl(ctx, deckId));
        await waitForCardAndReady(page);
        await page.evaluate(installAnswerProbe);
        for (let i = 0; i < warmup + answers; i++) {
          await page.waitForSelector(`${CARD} .answer-bar:not(.grades)`);
          await page.keyboard.press('Space');
          await page.waitForSelector(`${CARD} .answer-bar.grades`);
          // A short pause, as a reader would take: the previous answer's queue refresh settles first.
          await page.waitForTimeout(60);
          await page.keyboard.press('3');
          await page.waitForFunction((n) => window.__answerProbe.done.length >= n, i + 1);
        }
        const all = await page.evaluate(() => window.__answerProbe.done);
        const done = all.slice(warmup);
        const baseline = await page.evaluate(rawAnswerWrite, { deckId: deck(ctx, 19), runs: 30, warmup: 3 });
        // Where the time goes: the app's answerCard alone, outside React, on another deck.
        const bp = await openBenchPage(ctx);
        let split;
        try {
          split = await bp.evaluate(({ deckId }) => window.bench.answerTiming(deckId, 30, 3), {
            deckId: deck(ctx, 18),
          });
        } finally {
          await bp.close();
        }
        return {
          values: done.map((d) => d.total),
          baseline: { name: 'raw idb put card + add log', values: baseline },
          note:
            `${answers} answers ('3' = good) in ${deckId}; p50 next card shown ${ms(median(done.map((d) => d.shown)))}, ` +
            `p50 answer committed ${ms(median(done.map((d) => d.committed)))}; ` +
            `answerCard() alone (bench page) p50 ${ms(median(split.answerCard))}, of which FSRS grade p50 ${round(median(split.grade), 2)} ms`,
        };
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'review.cold-start',
    unit: 'ms',
    target: { max: 1500 },
    async run(ctx) {
      const deckId = deck(ctx, 2);
      const loads = 7;
      const values = [];
      const empty = [];
      for (let i = 0; i < loads; i++) {
        const page = await newPage(ctx);
        try {
          await page.addInitScript(installFirstCardProbe);
          await page.goto(reviewUrl(ctx, deckId));
          await page.waitForFunction(() => window.__firstCard !== null);
          values.push(await page.evaluate(() => window.__firstCard));
        } finally {
          await page.close();
        }
        const blank = await newPage(ctx);
        try {
          await blank.goto(`${ctx.baseUrl}${ctx.emptyPath}`);
          await blank.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0);
          empty.push(await blank.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
        } finally {
          await blank.close();
        }
      }
      return {
        values,
        baseline: { name: 'empty html page load', values: empty },
        note: `${loads} fresh pages of ${reviewUrl(ctx, deckId).replace(ctx.baseUrl, '')}, navigation start to first card; no-store (no HTTP/code cache)`,
      };
    },
  },
  {
    name: 'review.heap-after-first-card',
    unit: 'MB',
    target: { max: 100 },
    async run(ctx) {
      const deckId = deck(ctx, 3);
      const values = [];
      let total = 0;
      for (let i = 0; i < 3; i++) {
        const page = await newPage(ctx);
        try {
          await page.goto(reviewUrl(ctx, deckId));
          await waitForCardAndReady(page);
          const cdp = await ctx.context.newCDPSession(page);
          await cdp.send('HeapProfiler.collectGarbage');
          const heap = await cdp.send('Runtime.getHeapUsage');
          await cdp.detach();
          values.push(heap.usedSize / 1e6);
          total = heap.totalSize / 1e6;
        } finally {
          await page.close();
        }
      }
      return {
        values,
        note: `CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage (MB = 10^6 bytes); heap total ${round(total, 1)} MB`,
      };
    },
  },
];
