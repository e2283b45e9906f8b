// Lighthouse cases: the performance and accessibility scores (0–100) of the built app's start page, as Lighthouse's
// default run measures them (mobile emulation, simulated throttling), median of three runs in headless Chromium.
import process from 'node:process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';

const RUNS = 3;
const CATEGORIES = ['performance', 'accessibility'];

/** One Lighthouse run in a Chromium of its own (a new, empty profile: a first visit). */
async function audit(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROMIUM_ARGS,
    logLevel: 'error',
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: CATEGORIES, logLevel: 'error' });
    if (!result) throw new Error('Lighthouse returned no result');
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

/** The audits that cost a category points in a run: title and score, the worst first. */
function costly(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1)
    .sort((a, b) => a.score - b.score)
    .map((a) => `${a.id} ${Math.round(a.score * 100)}${a.displayValue ? ` (${a.displayValue})` : ''}`);
}

/**
 * The three runs, made once for both cases (each case reads its category), against the built app on a server of its
 * own that gzips text as a production host does (the runner's server sends it uncompressed, which alone costs the
 * simulated slow-4G load seconds).
 */
let runs = null;
function lighthouseRuns(ctx) {
  runs ??= (async () => {
    const server = await startServer({ mounts: [{ prefix: '/', dir: ctx.distDir }], compress: true });
    try {
      const out = [];
      for (let i = 0; i < RUNS; i++) out.push(await audit(`${server.url}/`));
      return out;
    } finally {
      await server.close();
    }
  })();
  return runs;
}

function scoreCase(category, target) {
  return {
    name: `lighthouse.${category}`,
    unit: 'score',
    target,
    async run(ctx) {
      const lhrs = await lighthouseRuns(ctx);
      const values = lhrs.map((lhr) => Math.round(lhr.categories[category].score * 100));
      const lost = [...new Set(lhrs.flatMap((lhr) => costly(lhr, category)))];
      const metrics =
        category === 'performance'
          ? ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']
              .map((id) => `${id} ${lhrs.map((l) => l.audits[id].displayValue).join('/')}`)
              .join(', ')
          : null;
      return {
        values,
        note:
          `Lighthouse ${lhrs[0].lighthouseVersion}, ${lhrs[0].configSettings.formFactor} emulation, ` +
          `${lhrs[0].configSettings.throttlingMethod} throttling, ${RUNS} runs of the start page served gzipped ` +
          `(scores ${values.join(', ')}; benchmarkIndex ${lhrs.map((l) => Math.round(l.environment.benchmarkIndex)).join('/')})` +
          (metrics ? `; ${metrics}` : '') +
          `; ${lost.length ? `audits under 1: ${lost.join('; ')}` : 'every weighted audit passes'}`,
      };
    },
  };
}

export default [scoreCase('performance', { min: 95 }), scoreCase('accessibility', { min: 100 })];
