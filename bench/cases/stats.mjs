// Statistics cases: the statistics page over 1,000,000 review logs (navigation to every chart shown), and what keeping
// the per-day counters in each answer's transaction costs (answerCard with the counters kept vs not, in turn).
/* global window, document, MutationObserver, requestAnimationFrame -- only inside page callbacks, which run in the browser */
import { buildEntryPage, srcModule as src } from '../lib/entry-page.mjs';
import { newPage } from '../lib/app.mjs';
import { median, round } from '../lib/stats.mjs';

const LOGS = 1_000_000;
const PAGE_RUNS = 7;
/** A deck no other case writes to. */
const ANSWER_DECK = 12;

/** The page's code: seed the log with plain IndexedDB, rebuild the counters with the app's function, time answers. */
const entryCode = `
import Dexie from 'dexie';
import { DockdeckDB } from ${src('db/database.ts')};
import { rebuildCounters } from ${src('db/stats-repo.ts')};
import { keepCounters } from ${src('db/stats-counters.ts')};
import { answerCard } from ${src('db/review-repo.ts')};
import { CardState } from ${src('domain/scheduler.ts')};
import { DEFAULT_SETTINGS } from ${src('domain/settings.ts')};
import { DEFAULT_PRESET, presetScheduler } from ${src('domain/presets.ts')};

const DAY = 86400000;
const MEMORY = { due: 0, stability: 10, difficulty: 5, elapsedDays: 5, scheduledDays: 5, learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview: 0 };
const RATINGS = ['again', 'hard', 'good', 'good', 'good', 'good', 'easy'];

function raw(stores, fn) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('dockdeck');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(stores, 'readwrite');
      fn(tx);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => { db.close(); reject(tx.error); };
    };
  });
}

/** n answers over the last 3 years, spread over the seeded decks' cards, 50,000 a transaction. */
async function seedLogs({ n, deckIds, perDeck }) {
  const t0 = performance.now();
  const now = Date.now();
  let x = 12345;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let start = 0; start < n; start += 50000) {
    await raw(['reviewLogs'], (tx) => {
      const s = tx.objectStore('reviewLogs');
      for (let i = start; i < Math.min(n, start + 50000); i++) {
        const deckId = deckIds[i % deckIds.length];
        const card = Math.floor(rnd() * perDeck);
        const ivl = Math.floor(rnd() * rnd() * 200);
        s.put({ id: 'bench-stats-' + String(i).padStart(7, '0'), cardId: deckId + '/c' + String(card).padStart(5, '0'), deckId,
          review: now - Math.floor(rnd() * 1095 * DAY), rating: RATINGS[Math.floor(rnd() * RATINGS.length)],
          kind: i % 50 === 0 ? 'custom' : 'review', state: ivl === 0 ? (i % 3 === 0 ? 0 : 1) : i % 17 === 0 ? 3 : 2,
          elapsedDays: ivl, scheduledDays: ivl, durationMs: 2000 + Math.floor(rnd() * 10000), before: MEMORY, after: MEMORY });
      }
    });
  }
  const seeded = performance.now() - t0;
  const db = new DockdeckDB();
  const t1 = performance.now();
  const counters = await rebuildCounters(db, DEFAULT_SETTINGS.study.dayStartHour);
  const rebuild = performance.now() - t1;
  db.close();
  return { seededMs: seeded, rebuildMs: rebuild, counters };
}

async function removeLogs() {
  await raw(['reviewLogs'], (tx) => tx.objectStore('reviewLogs').delete(IDBKeyRange.bound('bench-stats-', 'bench-stats-\\uffff')));
  const db = new DockdeckDB();
  await rebuildCounters(db, DEFAULT_SETTINGS.study.dayStartHour);
  db.close();
}

/** answerCard on distinct review cards of a deck, with the counters kept and not, in turn (which first alternates). */
async function answerOverhead({ deckId, runs, warmup }) {
  const db = new DockdeckDB();
  await db.open();
  const rows = await db.cards.where('[deckId+state+due]')
    .between([deckId, CardState.Review, Dexie.minKey], [deckId, CardState.Review, Dexie.maxKey])
    .limit(2 * (warmup + runs)).toArray();
  if (rows.length < 2 * (warmup + runs)) throw new Error('only ' + rows.length + ' review cards in ' + deckId);
  const settings = presetScheduler(DEFAULT_PRESET);
  const out = { kept: [], bare: [] };
  const one = async (row, on) => {
    keepCounters(on);
    const t = performance.now();
    await answerCard(db, row.id, 'good', new Date(), { durationMs: 1000, settings });
    return performance.now() - t;
  };
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const a = rows[2 * i], b = rows[2 * i + 1];
      const first = i % 2 === 0;
      const k = first ? await one(a, true) : 0;
      const w = await one(b, false);
      const k2 = first ? k : await one(a, true);
      if (i >= warmup) { out.kept.push(k2); out.bare.push(w); }
    }
  } finally {
    keepCounters(true);
    db.close();
  }
  return out;
}

window.statsBench = { seedLogs, removeLogs, answerOverhead };
document.documentElement.dataset.statsBenchReady = 'true';
`;

async function buildPage() {
  await buildEntryPage({ name: 'stats', code: entryCode, base: '/__bench/stats/' });
}

let built = false;

async function openStatsBench(ctx) {
  if (!built) await buildPage();
  built = true;
  const page = await newPage(ctx);
  await page.goto(`${ctx.baseUrl}${ctx.emptyPath}`);
  await page.addScriptTag({ url: `${ctx.baseUrl}/__bench/stats/stats-bench.js`, type: 'module' });
  await page.waitForFunction(() => document.documentElement.dataset.statsBenchReady === 'true');
  return page;
}

/** Installed before any app script: performance.now() when the statistics page says every chart is shown. */
function installReadyProbe() {
  window.__statsReady = null;
  const observer = new MutationObserver(() => {
    if (window.__statsReady === null && document.querySelector('section.stats[data-ready="true"]')) {
      window.__statsReady = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
}

/** One visit: from the library, the navigation's Statistics link clicked, until every chart is shown (in-page ms). */
async function visit(ctx) {
  const page = await newPage(ctx);
  try {
    await page.addInitScript(installReadyProbe);
    const t = Date.now();
    await page.goto(`${ctx.baseUrl}/#/stats`);
    await page.waitForFunction(() => window.__statsReady !== null, null, { timeout: 60_000 });
    const cold = await page.evaluate(() => window.__statsReady);
    const wall = Date.now() - t;
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.waitForSelector('section.library li.deck[data-deck-id]');
    const click = await page.evaluate(async () => {
      const link = [...document.querySelectorAll('nav a')].find((a) => a.getAttribute('href') === '#/stats');
      const t0 = performance.now();
      link.click();
      await new Promise((resolve) => {
        const check = () =>
          document.querySelector('section.stats[data-ready="true"]') ? resolve() : requestAnimationFrame(check);
        check();
      });
      return performance.now() - t0;
    });
    const sections = await page.locator('section.stats [data-section]').count();
    return { cold, wall, click, sections };
  } finally {
    await page.close();
  }
}

let seeded = null;

export default [
  {
    name: 'stats.page-1m',
    unit: 'ms',
    // Issue #13: the statistics page over 1,000,000 review logs, navigation to every chart shown, under 1 s.
    target: { max: 1000 },
    async run(ctx) {
      const page = await openStatsBench(ctx);
      try {
        seeded = await page.evaluate((o) => window.statsBench.seedLogs(o), {
          n: LOGS,
          deckIds: ctx.seed.deckIds,
          perDeck: ctx.seed.cards / ctx.seed.deckIds.length,
        });
      } finally {
        await page.close();
      }
      const visits = [];
      for (let i = 0; i < PAGE_RUNS; i++) visits.push(await visit(ctx));
      return {
        values: visits.map((v) => v.click),
        baseline: { name: 'cold load of #/stats (navigation start to every chart)', values: visits.map((v) => v.cold) },
        note:
          `${LOGS} logs seeded in ${round(seeded.seededMs / 1000, 1)} s (plain IndexedDB), counters rebuilt by the app ` +
          `in ${round(seeded.rebuildMs, 0)} ms (${seeded.counters} rows); value: the navigation link clicked on the ` +
          `library to data-ready (${visits[0].sections} sections); cold load median ` +
          `${round(median(visits.map((v) => v.cold)), 0)} ms`,
      };
    },
  },
  {
    name: 'stats.answer-overhead',
    unit: 'ms',
    // Issue #13: answer latency with the counters kept no more than 10 % over without them.
    target: { ratioMax: 1.1 },
    async run(ctx) {
      const page = await openStatsBench(ctx);
      try {
        const r = await page.evaluate((o) => window.statsBench.answerOverhead(o), {
          deckId: ctx.seed.deckIds[ANSWER_DECK],
          runs: 60,
          warmup: 10,
        });
        if (seeded) await page.evaluate(() => window.statsBench.removeLogs());
        return {
          values: r.kept,
          baseline: { name: 'answerCard without the counters (the same build, switched off)', values: r.bare },
          note:
            `answerCard on distinct review cards of ${ctx.seed.deckIds[ANSWER_DECK]}, kept/not in turn, ` +
            `with ${seeded ? LOGS : 0} seeded logs in the database; medians ${round(median(r.kept), 2)} vs ` +
            `${round(median(r.bare), 2)} ms`,
        };
      } finally {
        await page.close();
      }
    },
  },
];
