// Import cases: a 50,000-card CSV and a 20,000-note .apkg imported through the app's own screen (the worker parses
// and prepares, the screen writes: writePrepared), each run into a fresh database; time to done against a raw Dexie
// bulkPut of the same rows, and the longest main-thread task while the import runs. The app is opened on http://localhost:<port> (not 127.0.0.1), so
// these cases have their own `dockdeck` database, apart from the seeded one, and delete it before each run.
/* global window, document, indexedDB, MutationObserver, DataTransfer -- in functions run in the page */
import process from 'node:process';
import initSqlJs from 'sql.js';
import { strToU8, zipSync } from 'fflate';
import { newPage } from '../lib/app.mjs';
import { median, round } from '../lib/stats.mjs';

const RUNS = 3;
const CSV_CARDS = 50_000;
const APKG_NOTES = 20_000;
/** Each step of a big import may take this long on a slow machine before the case fails. */
const STEP_TIMEOUT = 120_000;

const ms = (x) => `${round(x, 0)} ms`;

function makeCsv(n) {
  const lines = ['front,back,tags'];
  for (let i = 0; i < n; i++)
    lines.push(
      `"Question ${i}: what does component ${i % 500} do in section ${(i % 97) + 1}?","Answer ${i}: it does one thing of ordinary length, so rows are about as large as real cards.",bench group-${i % 10}`,
    );
  return Buffer.from(`${lines.join('\n')}\n`);
}

// Anki's legacy schema 11 (rslib/src/storage/schema11.sql), as src/formats/anki/schema11.ts writes it.
const SCHEMA11 = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

/** A legacy .apkg (zip of collection.anki2 and an empty media map) with `n` Basic notes in one deck. */
async function makeApkg(n) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(SCHEMA11);
  const mid = 1_700_000_000_001;
  const did = 1_700_000_000_002;
  const model = {
    id: mid,
    name: 'Basic',
    type: 0,
    mod: 0,
    usn: -1,
    sortf: 0,
    did,
    css: '.card {}',
    flds: ['Front', 'Back'].map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20 })),
    tmpls: [
      {
        name: 'Card 1',
        ord: 0,
        qfmt: '{{Front}}',
        afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}',
        did: null,
        bqfmt: '',
        bafmt: '',
      },
    ],
  };
  const decks = {
    1: { id: 1, name: 'Default', dyn: 0, desc: '', conf: 1 },
    [did]: { id: did, name: 'Bench Anki', dyn: 0, desc: '', conf: 1 },
  };
  db.run("insert into col values (1, 0, 0, 0, 11, 0, 0, 0, ?, ?, ?, '{}', '{}')", [
    JSON.stringify({ schedVer: 2 }),
    JSON.stringify({ [mid]: model }),
    JSON.stringify(decks),
  ]);
  db.run('begin');
  const note = db.prepare("insert into notes values (?, ?, ?, 0, -1, ?, ?, ?, 0, 0, '')");
  const card = db.prepare("insert into cards values (?, ?, ?, 0, 0, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
  for (let i = 0; i < n; i++) {
    const front = `Question ${i}: what does component ${i % 500} do in <b>section ${(i % 97) + 1}</b>?`;
    const back = `Answer ${i}: it does one thing of ordinary length, so notes are about as large as real ones.`;
    note.run([1_600_000_000_000 + i, `bench-guid-${i}`, mid, ` bench group-${i % 10} `, `${front}\x1f${back}`, front]);
    card.run([1_650_000_000_000 + i, 1_600_000_000_000 + i, did, i]);
  }
  note.free();
  card.free();
  db.run('commit');
  const bytes = db.export();
  db.close();
  return Buffer.from(zipSync({ 'collection.anki2': bytes, media: strToU8('{}') }, { level: 6 }));
}

/** Installed before the app's scripts: long tasks, the file input's change, button clicks and each import step's start. */
function installImportProbe() {
  const probe = { longtasks: [], steps: [], clicks: [], change: null };
  window.__importProbe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'change',
    (e) => {
      if (e.target && e.target.type === 'file') probe.change = performance.now();
    },
    true,
  );
  document.addEventListener(
    'click',
    (e) => {
      const button = e.target && e.target.closest ? e.target.closest('button') : null;
      if (button) probe.clicks.push([button.textContent.trim(), performance.now()]);
    },
    true,
  );
  let last = null;
  new MutationObserver(() => {
    const step = document.querySelector('section.import')?.getAttribute('data-step') ?? null;
    if (step !== last) {
      last = step;
      probe.steps.push([step, performance.now()]);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step'] });
}

/** The app on another origin than the seeded one (localhost, not 127.0.0.1): its own `dockdeck` database. */
const freshOrigin = (ctx) => ctx.baseUrl.replace('127.0.0.1', 'localhost');

/** One import through the screen into a fresh database; then the baseline on the rows it wrote. */
async function importOnce(ctx, kind, file) {
  const origin = freshOrigin(ctx);
  const bench = await newPage(ctx);
  let app = null;
  try {
    await bench.goto(`${origin}/__bench/`);
    await bench.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
    await bench.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.deleteDatabase('dockdeck');
          req.onsuccess = () => resolve();
          req.onerror = () => reject(req.error);
          req.onblocked = () => reject(new Error('deleting the database is blocked by an open page'));
        }),
    );
    app = await newPage(ctx);
    await app.addInitScript(installImportProbe);
    await app.goto(`${origin}/#/import`);
    await app.waitForSelector('.app[data-ready="true"]', { state: 'attached' });
    await app.waitForSelector('section.import[data-step="start"]');
    // The file is made in the page before the clock starts, then given to the input as a picker does (files set, a
    // change event): Playwright's setInputFiles would decode megabytes of base64 in the task that fires the change.
    await app.route(`${origin}/__bench-import/**`, (route) =>
      route.fulfill({ body: file.buffer, contentType: file.mimeType }),
    );
    await app.evaluate(
      async ({ name, type }) => {
        const blob = await (await fetch(`/__bench-import/${name}`)).blob();
        window.__benchFile = new File([blob], name, { type });
      },
      { name: file.name, type: file.mimeType },
    );
    await app.waitForLoadState('networkidle');
    await app.waitForTimeout(300);
    await app.evaluate(() => {
      const input = document.querySelector('section.import input[type=file]');
      const dt = new DataTransfer();
      dt.items.add(window.__benchFile);
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    if (kind === 'csv') {
      await app.waitForSelector('section.import[data-step="csv"]', { timeout: STEP_TIMEOUT });
      await app.getByRole('button', { name: 'Continue' }).click();
    }
    await app.waitForSelector('section.import[data-step="confirm"]', { timeout: STEP_TIMEOUT });
    const counts = await app.locator('.import-confirm .import-counts').allTextContents();
    await app.getByRole('button', { name: 'Import', exact: true }).click();
    await app.waitForSelector('section.import[data-step="done"]', { timeout: STEP_TIMEOUT });
    const deckIds = await app.$$eval('.import-done li.import-deck', (els) =>
      els.map((e) => e.getAttribute('data-deck-id')),
    );
    // Long-task entries arrive after the task.
    await app.waitForTimeout(300);
    const probe = await app.evaluate(() => window.__importProbe);
    if (process.env.BENCH_DEBUG)
      console.error(
        JSON.stringify({ steps: probe.steps, longtasks: probe.longtasks, clicks: probe.clicks, change: probe.change }),
      );
    await app.close();
    app = null;
    const base = await bench.evaluate((ids) => window.bench.bulkPutBaseline(ids), deckIds);
    return { ...measure(kind, probe), counts, deckIds, baseline: base.ms, bare: base.bareMs, rows: base.rows };
  } finally {
    await app?.close();
    await bench.close();
  }
}

/** Time to done (the user's waiting, think time between steps left out) and the longest task in those windows. */
function measure(kind, probe) {
  const stepAt = (step, after) => probe.steps.find(([s, t]) => s === step && t >= after)?.[1];
  const clickAt = (label) => probe.clicks.find(([l]) => l === label)?.[1];
  const windows = [];
  if (kind === 'csv') {
    windows.push([probe.change, stepAt('csv', probe.change)]);
    const cont = clickAt('Continue');
    windows.push([cont, stepAt('confirm', cont)]);
  } else {
    windows.push([probe.change, stepAt('confirm', probe.change)]);
  }
  const imp = clickAt('Import');
  windows.push([imp, stepAt('done', imp)]);
  if (windows.some(([a, b]) => a === undefined || a === null || b === undefined))
    throw new Error(`incomplete probe: ${JSON.stringify(probe.steps)}`);
  const inside = probe.longtasks.filter(([start, d]) => windows.some(([a, b]) => start < b && start + d > a));
  const write = windows.at(-1);
  return {
    total: windows.reduce((s, [a, b]) => s + (b - a), 0),
    read: windows.slice(0, -1).reduce((s, [a, b]) => s + (b - a), 0),
    write: write[1] - write[0],
    longest: inside.reduce((m, [, d]) => Math.max(m, d), 0),
    longestWrite: inside
      .filter(([start, d]) => start < write[1] && start + d > write[0])
      .reduce((m, [, d]) => Math.max(m, d), 0),
    longestRead: inside
      .filter(([start, d]) => !(start < write[1] && start + d > write[0]))
      .reduce((m, [, d]) => Math.max(m, d), 0),
  };
}

const memo = new Map();
/** The runs of one import, shared by its time and long-task cases (run once, whichever case comes first). */
function runs(ctx, kind) {
  if (!memo.has(kind))
    memo.set(
      kind,
      (async () => {
        const file =
          kind === 'csv'
            ? { name: 'bench-50k.csv', mimeType: 'text/csv', buffer: makeCsv(CSV_CARDS) }
            : { name: 'bench-20k.apkg', mimeType: 'application/octet-stream', buffer: await makeApkg(APKG_NOTES) };
        const out = [];
        for (let i = 0; i < RUNS; i++) out.push(await importOnce(ctx, kind, file));
        return { out, size: file.buffer.length };
      })(),
    );
  return memo.get(kind);
}

function note({ out, size }) {
  const pick = (k) => ms(median(out.map((r) => r[k])));
  return (
    `${out[0].rows} cards, file ${round(size / 1e6, 1)} MB, confirm said "${out[0].counts.join('; ')}"; medians: ` +
    `worker read + preview ${pick('read')}, write (Import → done: cards from the worker, then writePrepared) ${pick('write')}; ` +
    `raw bulkPut ${pick('baseline')}; the same rows put with no secondary index at all (this machine's IndexedDB floor) ${pick('bare')}; ` +
    `each run into a fresh database`
  );
}

const timeCase = (kind, name, target) => ({
  name,
  unit: 'ms',
  target,
  async run(ctx) {
    const r = await runs(ctx, kind);
    return {
      values: r.out.map((x) => x.total),
      baseline: { name: 'raw Dexie bulkPut, same rows', values: r.out.map((x) => x.baseline) },
      note: note(r),
    };
  },
});

const taskCase = (kind, name) => ({
  name,
  unit: 'ms',
  target: { max: 50 },
  async run(ctx) {
    const r = await runs(ctx, kind);
    const med = (k) => ms(median(r.out.map((x) => x[k])));
    return {
      values: r.out.map((x) => x.longest),
      note: `longest main-thread task from file chosen to done (waiting for the user's clicks left out; 0 = none over 50 ms): before Import (stored decks read, messages from the worker) ${med('longestRead')}, in the write (prepared cards arriving, writePrepared) ${med('longestWrite')}`,
    };
  },
});

export default [
  timeCase('csv', 'import.csv-50k-to-done', { max: 5000, ratioMax: 2 }),
  taskCase('csv', 'import.csv-50k-longest-task'),
  timeCase('apkg', 'import.apkg-20k-to-done', { ratioMax: 2 }),
  taskCase('apkg', 'import.apkg-20k-longest-task'),
];
