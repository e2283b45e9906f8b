// Browse case: the card browser (#/browse) listing every seeded card, scrolled top to bottom as a user would, with
// PerformanceObservers for long animation frames and long tasks.
/* global window, document, MutationObserver, requestAnimationFrame -- in functions run in the page */
import console from 'node:console';
import process from 'node:process';
import { newPage } from '../lib/app.mjs';
import { median, p95, round } from '../lib/stats.mjs';

const ms = (x) => `${round(x, 1)} ms`;
/** Rows moved per scroll step: 100 rows of 44 px (about 8 screens of the table), one step a frame at best. */
const STEP_ROWS = 100;
const RUNS = 3;
/** Reading 100k rows before the first ones show takes seconds on a busy machine: waits get this long. */
const LOAD_TIMEOUT_MS = 180_000;

/** Installed before any app script: when the first row shows, and every long animation frame and long task. */
function installBrowseProbe() {
  const probe = { firstRows: null, frames: [], tasks: [] };
  window.__browse = probe;
  const observer = new MutationObserver(() => {
    if (probe.firstRows === null && document.querySelector('table.browse-table tr[data-card-id]')) {
      probe.firstRows = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true });
  const keep = (list, into) => {
    for (const e of list.getEntries()) {
      const entry = { start: e.startTime, duration: e.duration };
      // A long animation frame's parts (BENCH_DEBUG prints them): scripts, style and layout, the rest of rendering.
      if (e.entryType === 'long-animation-frame') {
        const end = e.startTime + e.duration;
        entry.parts = {
          script: e.scripts.reduce((sum, s) => sum + s.duration, 0),
          forcedLayout: e.scripts.reduce((sum, s) => sum + s.forcedStyleAndLayoutDuration, 0),
          beforeRender: e.renderStart ? e.renderStart - e.startTime : e.duration,
          render: e.renderStart ? e.styleAndLayoutStart - e.renderStart : 0,
          styleAndLayout: e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0,
          scripts: e.scripts.map((s) => `${s.invokerType} ${s.invoker} ${Math.round(s.duration)}ms`).slice(0, 4),
        };
      }
      into.push(entry);
    }
  };
  new PerformanceObserver((l) => keep(l, probe.frames)).observe({ type: 'long-animation-frame', buffered: true });
  new PerformanceObserver((l) => keep(l, probe.tasks)).observe({ type: 'longtask', buffered: true });
}

/**
 * In the page: scrolls the table from the top to the bottom, `stepRows` rows a step, each step waiting (frame by frame)
 * until the rows at the new position are in the table. Returns the scroll's window and the frames' timestamps.
 */
async function scrollThrough({ stepRows, rowHeight }) {
  const box = document.querySelector('.browse-scroll');
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const rendered = (index) => {
    const rows = box.querySelectorAll('tbody tr[data-card-id]');
    if (rows.length === 0) return false;
    const first = Number(rows[0].getAttribute('aria-rowindex')) - 2;
    const last = Number(rows[rows.length - 1].getAttribute('aria-rowindex')) - 2;
    return first <= index && index <= last;
  };
  box.scrollTop = 0;
  while (!rendered(0)) await frame();
  await frame();
  const max = box.scrollHeight - box.clientHeight;
  const stamps = [];
  const start = performance.now();
  let steps = 0;
  for (let top = 0; ; top = Math.min(max, top + stepRows * rowHeight)) {
    box.scrollTop = top;
    const want = Math.min(
      Math.floor(top / rowHeight),
      Number(box.querySelector('table').getAttribute('aria-rowcount')) - 2,
    );
    let waited = 0;
    do {
      stamps.push(await frame());
      if (++waited > 600) throw new Error(`row ${want} not shown after 600 frames (scrollTop ${top})`);
    } while (!rendered(want));
    steps++;
    if (top >= max) break;
  }
  return {
    start,
    end: performance.now(),
    stamps,
    steps,
    bottom: box.scrollTop + box.clientHeight >= box.scrollHeight - 1,
  };
}

const within = (entries, from, to) => entries.filter((e) => e.start >= from && e.start <= to);
const longest = (entries) => entries.reduce((m, e) => Math.max(m, e.duration), 0);

export default [
  {
    name: 'browse.scroll',
    unit: 'ms',
    // No long animation frame or long task (50 ms and more) while scrolling, in any run.
    target: { max: 50, p95Max: 50 },
    async run(ctx) {
      const page = await newPage(ctx);
      try {
        await page.addInitScript(installBrowseProbe);
        await page.goto(`${ctx.baseUrl}/#/browse`);
        await page.waitForFunction(() => window.__browse.firstRows !== null, null, { timeout: LOAD_TIMEOUT_MS });
        await page.waitForSelector('section.browse[data-loading="false"] [role="status"][data-count]', {
          timeout: LOAD_TIMEOUT_MS,
        });
        const listed = Number(await page.getAttribute('[role="status"][data-count]', 'data-count'));
        if (listed < ctx.seed.cards) throw new Error(`the browser lists ${listed} cards, ${ctx.seed.cards} seeded`);
        const load = await page.evaluate(() => ({
          firstRows: window.__browse.firstRows,
          listed: performance.now(),
          frames: window.__browse.frames.map((f) => f.duration),
          tasks: window.__browse.tasks.map((t) => t.duration),
        }));
        const values = [];
        const frameMs = [];
        let longCount = 0;
        let frames = 0;
        for (let i = 0; i < RUNS; i++) {
          const run = await page.evaluate(scrollThrough, { stepRows: STEP_ROWS, rowHeight: 44 });
          if (!run.bottom) throw new Error('the scroll did not reach the bottom of the table');
          const probe = await page.evaluate(() => window.__browse);
          const long = [...within(probe.frames, run.start, run.end), ...within(probe.tasks, run.start, run.end)];
          longCount += long.length;
          if (process.env.BENCH_DEBUG) {
            const worst = [...long].sort((a, b) => b.duration - a.duration).slice(0, 8);
            for (const e of worst) console.error(`browse.scroll run ${i + 1}: ${JSON.stringify(e)}`);
          }
          values.push(longest(long));
          frames += run.stamps.length;
          for (let k = 1; k < run.stamps.length; k++) frameMs.push(run.stamps[k] - run.stamps[k - 1]);
        }
        return {
          values,
          note:
            `${listed} rows, ${RUNS} scrolls top to bottom (${STEP_ROWS} rows a step, each waiting for its rows): ` +
            `${frames} frames, frame interval p50 ${ms(median(frameMs))}, p95 ${ms(p95(frameMs))}, ` +
            `max ${ms(Math.max(...frameMs))}; ${longCount} long frames/tasks while scrolling; ` +
            `opening: first rows at ${ms(load.firstRows)}, all listed at ${ms(load.listed)} after navigation, ` +
            `longest frame ${ms(Math.max(0, ...load.frames))} / task ${ms(Math.max(0, ...load.tasks))} while loading`,
        };
      } finally {
        await page.close();
      }
    },
  },
];
