// Bench runner: builds the bench page, serves it with dist/, seeds 100k cards, runs the cases, prints a table, writes bench/results.json.
// Usage: npm run bench (builds the app first), or node bench/run.mjs [name filter...] against an existing dist/.
// Exits 1 when a case misses its target or fails; the table and the JSON file are written first in every case.
/* global window -- only inside page.evaluate callbacks, which run in the browser */
import console from 'node:console';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { collectScripts, newPage, openBenchPage, reviewUrl, waitForCardAndReady } from './lib/app.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { median, p95, round } from './lib/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
// BENCH_DIST, BENCH_PAGE_DIST and BENCH_RESULTS point a run at another build and results file (two runs side by side).
const distDir = path.resolve(process.env.BENCH_DIST ?? path.join(root, 'dist'));
const benchDist = path.resolve(process.env.BENCH_PAGE_DIST ?? path.join(root, 'node_modules', '.bench-dist'));
const resultsFile = path.resolve(process.env.BENCH_RESULTS ?? path.join(here, 'results.json'));

/** Case groups, in run order: each module's default export is an array of case definitions. */
const CASE_MODULES = [
  './cases/review.mjs',
  './cases/bundle.mjs',
  './cases/quiz.mjs',
  './cases/import.mjs',
  './cases/search.mjs',
  './cases/browse.mjs',
  './cases/pwa.mjs',
  './cases/lighthouse.mjs',
  './cases/optimizer.mjs',
  './cases/bulk.mjs',
  './cases/stats.mjs',
  './cases/preset.mjs',
  './cases/soak.mjs',
];

/** The seeded database every case runs against. */
const SEED = { decks: 20, perDeck: 5000, seed: 42 };
const EMPTY_PATH = '/__bench/empty.html';
const TIMEOUT_MS = 60_000;
/**
 * The whole run is stopped (browser and server closed) after this long: a whole run takes several minutes on an
 * idle 2-core machine, and several times that on a busy one (the offline case seeds a second browser, Lighthouse loads
 * the app three times), and the soak cases' 10,000 answers take 10–30 minutes more.
 */
const WATCHDOG_MS = 75 * 60_000;

/*
 * A case definition: { name, unit, target: { max?, min?, p95Max?, ratioMax?, p95RatioMax? }, run(ctx) } where run
 * resolves to { values: number[], baseline?: { name, values: number[] }, note?: string }. The runner turns values into
 * median and p95, the ratio is median / baseline median (p95Ratio: p95 / baseline p95), and the case passes when
 * median < max, median >= min, p95 < p95Max, ratio <= ratioMax and p95Ratio <= p95RatioMax (each only when set).
 */

function evaluate(def, out) {
  const { target } = def;
  const med = median(out.values);
  const tail = p95(out.values);
  const baseMed = out.baseline ? median(out.baseline.values) : null;
  const ratio = baseMed !== null && baseMed > 0 ? med / baseMed : null;
  const baseTail = out.baseline ? p95(out.baseline.values) : null;
  const tailRatio = baseTail !== null && baseTail > 0 ? tail / baseTail : null;
  let pass = Number.isFinite(med);
  if (target.max !== undefined) pass &&= med < target.max;
  if (target.min !== undefined) pass &&= med >= target.min;
  if (target.p95Max !== undefined) pass &&= tail < target.p95Max;
  if (target.ratioMax !== undefined) pass &&= ratio !== null && ratio <= target.ratioMax;
  if (target.p95RatioMax !== undefined) pass &&= tailRatio !== null && tailRatio <= target.p95RatioMax;
  return {
    name: def.name,
    unit: def.unit,
    runs: out.values.length,
    median: round(med),
    p95: round(tail),
    baseline: out.baseline ? { name: out.baseline.name, median: round(baseMed, 3) } : null,
    ratio: round(ratio),
    ...(target.p95RatioMax !== undefined ? { p95Ratio: round(tailRatio) } : {}),
    target,
    pass,
    note: out.note ?? null,
  };
}

function failed(def, error) {
  return {
    name: def.name,
    unit: def.unit,
    runs: 0,
    median: null,
    p95: null,
    baseline: null,
    ratio: null,
    target: def.target,
    pass: false,
    note: `error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
  };
}

function targetText(t, unit) {
  const parts = [];
  if (t.max !== undefined) parts.push(`p50<${t.max}${unit === 'ms' ? '' : ' ' + unit}`);
  if (t.min !== undefined) parts.push(`p50>=${t.min}${unit === 'ms' ? '' : ' ' + unit}`);
  if (t.p95Max !== undefined) parts.push(`p95<${t.p95Max}`);
  if (t.ratioMax !== undefined) parts.push(`ratio<=${t.ratioMax}`);
  if (t.p95RatioMax !== undefined) parts.push(`p95 ratio<=${t.p95RatioMax}`);
  return parts.join(' ');
}

function printTable(machine, cases, load) {
  const fmt = (x) => (x === null || x === undefined ? '-' : String(x));
  const head = ['case', 'unit', 'runs', 'median', 'p95', 'baseline', 'base med', 'ratio', 'target', 'pass'];
  const rows = cases.map((c) => [
    c.name,
    c.unit,
    fmt(c.runs),
    fmt(c.median),
    fmt(c.p95),
    c.baseline?.name ?? '-',
    fmt(c.baseline?.median),
    fmt(c.ratio),
    targetText(c.target, c.unit),
    c.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((v, i) => (i >= 2 && i <= 4 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ');
  console.log(
    `\ndockdeck bench — ${machine.cpus}× ${machine.cpuModel}, ${machine.memGiB} GiB, node ${machine.node}, chromium ${machine.chromium}, ${machine.date}`,
  );
  console.log(`load average (1 min) at start ${round(load.start, 2)}, at end ${round(load.end, 2)}`);
  // Only the load before the run tells of other work: the run itself raises the end figure.
  if (load.start > machine.cpus * 0.75)
    console.log('warning: the machine was busy with other work when the run started; timings may be inflated');
  console.log('');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  const notes = cases.filter((c) => c.note);
  if (notes.length) {
    console.log('');
    for (const c of notes) console.log(`${c.name}: ${c.note}`);
  }
  const failedCount = cases.filter((c) => !c.pass).length;
  console.log(
    `\n${cases.length - failedCount}/${cases.length} cases pass. Results: ${path.relative(root, resultsFile)}\n`,
  );
}

async function loadCases(filters) {
  const all = [];
  for (const m of CASE_MODULES) all.push(...(await import(m)).default);
  const names = new Set();
  for (const c of all) {
    if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
    names.add(c.name);
  }
  return filters.length ? all.filter((c) => filters.some((f) => c.name.includes(f))) : all;
}

async function main() {
  const started = Date.now();
  const load = { start: os.loadavg()[0], end: Number.NaN };
  const filters = process.argv.slice(2);
  const defs = await loadCases(filters);
  if (defs.length === 0) throw new Error(`no case matches ${filters.join(' ')}`);
  if (!existsSync(path.join(distDir, 'index.html')))
    throw new Error('dist/index.html is missing: run `npm run build` first');

  console.log('bench: building the bench page…');
  await build({
    configFile: path.join(here, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: benchDist, emptyOutDir: true },
  });

  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    chromium: null,
    date: new Date().toISOString(),
  };
  const results = [];
  let server = null;
  let browser = null;
  let interrupted = false;
  const cleanup = () => Promise.allSettled([browser?.close(), server?.close()]);
  const onSignal = (sig) => {
    // Closing the browser makes the running case fail; main then prints, writes and exits 130.
    console.error(`bench: ${sig}, closing browser and server`);
    interrupted = true;
    void cleanup();
    setTimeout(() => process.exit(130), 10_000).unref();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${WATCHDOG_MS / 1000} s, giving up`);
    void cleanup().finally(() => process.exit(2));
  }, WATCHDOG_MS);
  watchdog.unref();

  try {
    server = await startServer({
      mounts: [
        { prefix: '/__bench/', dir: benchDist },
        { prefix: '/', dir: distDir },
      ],
      pages: {
        [EMPTY_PATH]:
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>empty</title></head><body></body></html>',
      },
    });
    browser = await launchBrowser();
    machine.chromium = await browser.version();
    const ctx = {
      context: browser.context,
      baseUrl: server.url,
      emptyPath: EMPTY_PATH,
      distDir,
      timeoutMs: TIMEOUT_MS,
      seed: null,
      seedOptions: SEED,
      firstVisitScripts: null,
    };

    console.log(`bench: seeding ${SEED.decks * SEED.perDeck} cards in ${SEED.decks} decks…`);
    const seedPage = await openBenchPage(ctx);
    try {
      ctx.seed = await seedPage.evaluate((opts) => window.bench.seed(opts), SEED);
    } finally {
      await seedPage.close();
    }
    console.log(`bench: seeded ${ctx.seed.cards} cards (${ctx.seed.due} due) in ${round(ctx.seed.ms / 1000, 1)} s`);

    // First visit of the app: it stores the built-in decks; later loads find them stored.
    const first = await newPage(ctx);
    try {
      const scripts = collectScripts(first);
      await first.goto(reviewUrl(ctx, ctx.seed.deckIds[ctx.seed.deckIds.length - 1]));
      await waitForCardAndReady(first);
      await first.waitForLoadState('networkidle');
      ctx.firstVisitScripts = await scripts.files();
    } finally {
      await first.close();
    }

    for (const def of defs) {
      const t0 = Date.now();
      process.stdout.write(`bench: ${def.name}… `);
      let result;
      try {
        result = evaluate(def, await def.run(ctx));
      } catch (error) {
        result = failed(def, error);
      }
      results.push(result);
      console.log(`${result.pass ? 'pass' : 'FAIL'} (${round((Date.now() - t0) / 1000, 1)} s)`);
    }
  } catch (error) {
    console.error(`bench: setup failed: ${error instanceof Error ? error.stack : String(error)}`);
    for (const def of defs) if (!results.some((r) => r.name === def.name)) results.push(failed(def, error));
  } finally {
    await cleanup();
    clearTimeout(watchdog);
  }

  load.end = os.loadavg()[0];
  printTable(machine, results, load);
  await writeFile(resultsFile, `${JSON.stringify({ machine, cases: results }, null, 2)}\n`);
  console.log(`bench: done in ${round((Date.now() - started) / 1000, 1)} s`);
  if (interrupted) return 130;
  return results.every((r) => r.pass) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
