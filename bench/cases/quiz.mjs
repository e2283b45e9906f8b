// Quiz case: generating a 50-question quiz from a 100,000-card scope (the app's scope read, sample and generator),
// against reading the scope's ids with plain IndexedDB. Builds its own small page from src/ with Vite.
/* global window, document -- only inside page.evaluate callbacks, which run in the browser */
import { buildEntryPage, srcModule as src } from '../lib/entry-page.mjs';
import { newPage } from '../lib/app.mjs';
import { median, round } from '../lib/stats.mjs';

/** The page's code: the app's own quiz-repo and generator, and a plain IndexedDB read of the same ids. */
const entryCode = `
import { DockdeckDB } from ${src('db/database.ts')};
import { cardsOfDeck } from ${src('db/deck-cards.ts')};
import { loadQuizSource, scopeCardIds } from ${src('db/quiz-repo.ts')};
import { generateQuiz } from ${src('domain/quiz/generate.ts')};

const KINDS = ['mcq', 'true-false', 'classify', 'type-in', 'open'];
let db = null;

function rawIds(deckIds) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('dockdeck');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const idb = req.result;
      const tx = idb.transaction('cards', 'readonly');
      const store = tx.objectStore('cards');
      let n = 0;
      // A deck's cards are the ids \`deckId/…\` (no deckId index since database version 5).
      for (const d of deckIds) store.getAllKeys(IDBKeyRange.bound(d + '/', d + '/\\uffff')).onsuccess = (e) => { n += e.target.result.length; };
      tx.oncomplete = () => { idb.close(); resolve(n); };
      tx.onerror = () => { idb.close(); reject(tx.error); };
    };
  });
}

async function run({ deckIds, length, runs, warmup }) {
  db ??= new DockdeckDB();
  await db.open();
  const scope = { kind: 'decks', deckIds };
  const out = { ours: [], raw: [], ids: [], get: [], count: [], load: [], generate: [], questions: 0, kinds: {}, scopeSize: 0, rows: 0, sampled: false };
  for (let i = 0; i < warmup + runs; i++) {
    const seed = 1000 + i;
    const ours = async () => {
      const t = performance.now();
      const loaded = await loadQuizSource(db, scope, seed, length);
      const t1 = performance.now();
      const quiz = generateQuiz(loaded.source, { length, kinds: KINDS, seed });
      const dt = performance.now() - t;
      if (i >= warmup) { out.load.push(t1 - t); out.generate.push(performance.now() - t1); }
      out.questions = quiz.questions.length;
      out.scopeSize = loaded.scopeSize;
      out.rows = loaded.source.cards.length;
      out.sampled = loaded.sampled;
      out.kinds = {};
      for (const q of quiz.questions) out.kinds[q.kind] = (out.kinds[q.kind] ?? 0) + 1;
      return dt;
    };
    const raw = async () => {
      const t = performance.now();
      const n = await rawIds(deckIds);
      if (n !== out.scopeSize && out.scopeSize) throw new Error('raw read ' + n + ' ids, the app ' + out.scopeSize);
      return performance.now() - t;
    };
    let a, b;
    if (i % 2 === 0) { a = await ours(); b = await raw(); } else { b = await raw(); a = await ours(); }
    // The app's id read alone, to see where the time goes.
    let t = performance.now();
    const ids = await scopeCardIds(db, scope);
    const c = performance.now() - t;
    t = performance.now();
    const rows = (await db.cards.bulkGet(ids.slice(0, 600))).length;
    const g = performance.now() - t;
    t = performance.now();
    let counted = 0;
    await db.transaction('r', db.cards, async () => { for (const n of await Promise.all(deckIds.map((d) => cardsOfDeck(db, d).count()))) counted += n; });
    const k = performance.now() - t;
    if (i >= warmup) { out.ours.push(a); out.raw.push(b); out.ids.push(c); out.get.push(g); out.count.push(k); }
  }
  return out;
}

window.quizBench = { run };
document.documentElement.dataset.quizBenchReady = 'true';
`;

async function buildPage() {
  await buildEntryPage({ name: 'quiz', code: entryCode, output: { codeSplitting: false } });
}

const ms = (x) => `${round(x, 1)} ms`;

export default [
  {
    name: 'quiz.generate-50-of-100k',
    unit: 'ms',
    // Under 100 ms, and at most 3× the time to read the scope's ids from IndexedDB.
    target: { max: 100, ratioMax: 3 },
    async run(ctx) {
      await buildPage();
      const page = await newPage(ctx);
      try {
        // The empty page is on the app's origin, so it sees the seeded database.
        await page.goto(`${ctx.baseUrl}${ctx.emptyPath}`);
        await page.addScriptTag({ url: `${ctx.baseUrl}/__bench/quiz/quiz-bench.js`, type: 'module' });
        await page.waitForFunction(() => document.documentElement.dataset.quizBenchReady === 'true');
        // Every seeded deck: the 100,000-card scope.
        const deckIds = ctx.seed.deckIds;
        const r = await page.evaluate((opts) => window.quizBench.run(opts), {
          deckIds,
          length: 50,
          runs: 20,
          warmup: 3,
        });
        if (r.questions !== 50) throw new Error(`the quiz has ${r.questions} questions, not 50`);
        return {
          values: r.ours,
          baseline: { name: 'raw idb getAllKeys of the scope', values: r.raw },
          note:
            `${r.scopeSize} cards in ${deckIds.length} decks; ${r.sampled ? 'sampled' : 'read'} ${r.rows} rows; ` +
            `questions ${Object.entries(r.kinds)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ')}; ` +
            `median: reading the sample ${ms(median(r.load))}, generating ${ms(median(r.generate))}; ` +
            `for comparison the app's id read of the scope ${ms(median(r.ids))}, count ${ms(median(r.count))}, bulkGet of 600 ids ${ms(median(r.get))}`,
        };
      } finally {
        await page.close();
      }
    },
  },
];
