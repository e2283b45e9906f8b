// PWA case: the review screen started with the network off, from the service worker's cache, after one visit; against
// the same start online from the network with no service worker.
/* global window -- in functions run in the page */
import { newPage, openBenchPage, reviewUrl, waitForCardAndReady } from '../lib/app.mjs';
import { launchBrowser } from '../lib/browser.mjs';
import { installFirstCardProbe } from '../lib/probes.mjs';
import { median, round } from '../lib/stats.mjs';

const LOADS = 7;
/** The seeding and the first visit (the worker precaches the whole build) take long on a busy machine. */
const SETUP_TIMEOUT_MS = 180_000;

/** In the page: resolves once a service worker is active (ready) and controls this page; returns its script URL. */
function serviceWorkerControls() {
  return navigator.serviceWorker.ready.then(
    () =>
      new Promise((resolve) => {
        const done = () => resolve(navigator.serviceWorker.controller.scriptURL);
        if (navigator.serviceWorker.controller) done();
        else navigator.serviceWorker.addEventListener('controllerchange', done, { once: true });
      }),
  );
}

/** Loads `url` in fresh pages `LOADS` times; each time, navigation start to first card, and who served the page. */
async function firstCardTimes(context, timeoutMs, url) {
  const times = [];
  const served = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    try {
      await page.addInitScript(installFirstCardProbe);
      await page.goto(url);
      await page.waitForFunction(() => window.__firstCard !== null);
      const r = await page.evaluate(() => ({
        t: window.__firstCard,
        controlled: navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined,
        // Set when a service worker answered the navigation.
        workerStart: performance.getEntriesByType('navigation')[0]?.workerStart ?? 0,
      }));
      times.push(r.t);
      served.push(r);
    } finally {
      await page.close();
    }
  }
  return { times, served };
}

export default [
  {
    name: 'pwa.offline-start',
    unit: 'ms',
    target: { max: 1500 },
    async run(ctx) {
      // bench-17: a deck no case writes to, read in both browsers.
      const deckId = ctx.seed.deckIds[16];
      const url = reviewUrl(ctx, deckId);
      // The runner's browser keeps service workers out: this case has a browser of its own, seeded the same way.
      const browser = await launchBrowser({ serviceWorkers: 'allow' });
      try {
        const own = { ...ctx, context: browser.context, timeoutMs: SETUP_TIMEOUT_MS };
        // The bench page first: once the worker is installed it answers every navigation with the app.
        const seedPage = await openBenchPage(own);
        try {
          await seedPage.evaluate((opts) => window.bench.seed(opts), ctx.seedOptions);
        } finally {
          await seedPage.close();
        }
        // One visit: the worker installs (precaching the whole build) and takes the page over.
        const first = await newPage(own);
        let script;
        try {
          await first.goto(url);
          await waitForCardAndReady(first);
          script = await first.evaluate(serviceWorkerControls);
        } finally {
          await first.close();
        }
        await browser.context.setOffline(true);
        const probe = await newPage(own);
        let reachable;
        try {
          await probe.goto(`${ctx.baseUrl}/#/`);
          reachable = await probe.evaluate(() =>
            fetch(`/not-cached-${Date.now()}.txt`, { cache: 'no-store' }).then(
              () => true,
              () => false,
            ),
          );
        } finally {
          await probe.close();
        }
        if (reachable) throw new Error('offline, a request the worker does not cache still reached the server');
        const offline = await firstCardTimes(browser.context, ctx.timeoutMs, url);
        if (!offline.served.every((s) => s.controlled && s.workerStart > 0)) {
          throw new Error(`a load was not served by the service worker: ${JSON.stringify(offline.served)}`);
        }
        const online = await firstCardTimes(ctx.context, ctx.timeoutMs, url);
        return {
          values: offline.times,
          baseline: { name: 'online, no service worker', values: online.times },
          note:
            `${LOADS} fresh pages of ${url.replace(ctx.baseUrl, '')} offline, every one served by ${script.replace(ctx.baseUrl, '')} ` +
            `(workerStart > 0); baseline: the same loads online in the runner's browser (no-store, no worker); ` +
            `navigation start to first card, median worker start ${round(median(offline.served.map((s) => s.workerStart)), 1)} ms`,
        };
      } finally {
        await browser.close();
      }
    },
  },
];
