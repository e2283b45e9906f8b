// Search cases: the card browser's search (parse, index hint, the repo's read, the match, the sort) over the seeded
// 100k cards, against a raw IndexedDB read of the same candidate rows.
/* global window -- only inside page.evaluate callbacks, which run in the browser */
import { openBenchPage } from '../lib/app.mjs';
import { median, round } from '../lib/stats.mjs';

const ms = (x) => `${round(x, 1)} ms`;

/** Runs the search on the bench page (bench/page/search.ts) and checks it found the seeded cards it should. */
async function timeSearch(ctx, query, opts, expect) {
  const page = await openBenchPage(ctx);
  try {
    const r = await page.evaluate(({ query, opts }) => window.bench.searchTiming(query, opts), { query, opts });
    if (r.candidates !== r.rawRows) throw new Error(`the app read ${r.candidates} rows, the raw read ${r.rawRows}`);
    if (r.matchedSeeded !== expect)
      throw new Error(`${query} found ${r.matchedSeeded} seeded cards, ${expect} expected`);
    return r;
  } finally {
    await page.close();
  }
}

const steps = (r) => `parse+hint ${ms(median(r.parse))}, match ${ms(median(r.match))}, sort ${ms(median(r.sort))}`;

export default [
  {
    name: 'search.indexed',
    unit: 'ms',
    target: { max: 100 },
    async run(ctx) {
      // bench-16: a deck no case writes to; its review cards (even positions, 2,500) are all due.
      const query = `deck:${ctx.seed.deckIds[15]} is:due`;
      const r = await timeSearch(ctx, query, { runs: 30, warmup: 3, mode: 'fresh' }, 2500);
      return {
        values: r.ours,
        baseline: { name: 'raw idb range read', values: r.raw },
        note:
          `'${query}' typed in the browser (a new index hint: the app reads its ranges): ${r.candidates} rows read, ` +
          `${r.matched} match; p50 read ${ms(median(r.read))}, ${steps(r)}; ` +
          `run again on the rows in memory p50 ${ms(median(r.inMemory))}`,
      };
    },
  },
  {
    name: 'search.text',
    unit: 'ms',
    target: { max: 300 },
    async run(ctx) {
      // One seeded card in 20 asks about seccomp (bench/page/main.ts TOPICS); the built-in decks name it too.
      const query = 'seccomp';
      const r = await timeSearch(ctx, query, { runs: 15, warmup: 2, mode: 'open', coldRuns: 3 }, ctx.seed.cards / 20);
      return {
        values: r.ours,
        baseline: { name: 'raw idb getAll (all)', values: r.raw },
        note:
          `'${query}' typed in the browser listing every card (the same index hint, nothing read: every card's text ` +
          `folded, matched, sorted): ${r.matched} of ${r.candidates} match; ${steps(r)}; ` +
          `with a fresh read of all ${r.candidates} rows (the browser opened on this search, or coming from a ` +
          `ranged one) p50 ${ms(median(r.cold))}, of which the read ${ms(median(r.read))}`,
      };
    },
  },
];
