// Bench page: times a search as the card browser runs it (parse, index hint, the repo's read, the match, the sort)
// against a raw IndexedDB read of the same candidate rows.
import { presetWeightsOf } from '../../src/domain/presets';
import type { DockdeckDB } from '../../src/db/database';
import { readBrowseData, readDeckTitles, type BrowseData } from '../../src/db/browse-repo';
import { dayWindow } from '../../src/domain/day-window';
import { DEFAULT_QUEUE_LIMITS } from '../../src/domain/queue';
import { CardState, type CardStateValue } from '../../src/domain/scheduler';
import { indexHint, ratingsSince, type IndexHint } from '../../src/domain/search/index-hint';
import { parseQuery } from '../../src/domain/search/parse';
import type { SearchContext } from '../../src/domain/search/search-card';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { DEFAULT_SORT, sortRows, type ColumnEnv } from '../../src/features/browse/browse-columns';
import { filterRows } from '../../src/features/browse/use-browse-rows';
import { inTurn } from './in-turn';

export interface SearchTimingResult {
  /** Query text to sorted row ids, the app's code path (see SearchOptions.mode). */
  ours: number[];
  /** Query text to sorted row ids with a fresh read of the candidate rows (the same as `ours` in `fresh` mode). */
  cold: number[];
  /** The same candidate rows read with plain IndexedDB (one readonly transaction, getAll). */
  raw: number[];
  /** Where the time of `ours` goes, per run: parse + hint, the match, the sort; `read`: the repo's read of each fresh run. */
  parse: number[];
  read: number[];
  match: number[];
  sort: number[];
  /** `fresh` mode: the search re-run on the last read's rows (folded text kept), no read. */
  inMemory: number[];
  hint: IndexHint;
  candidates: number;
  rawRows: number;
  matched: number;
  /** Of those, the seeded cards (`bench-…` ids): the built-in decks may match a word too. */
  matchedSeeded: number;
}

const ALL_STATES: readonly CardStateValue[] = [
  CardState.New,
  CardState.Learning,
  CardState.Review,
  CardState.Relearning,
];

/**
 * The rows `candidateCards` reads for the two hint shapes the search cases use, with plain IndexedDB: the
 * `[deckId+state+due]` ranges of a deck × state × due hint, or the whole table for a hint that names nothing.
 */
function rawCandidates(idb: IDBDatabase, hint: IndexHint): Promise<number> {
  const ranged = hint.deckIds !== undefined && (hint.states !== undefined || hint.due !== undefined);
  const empty = Object.keys(hint).length === 0;
  if (!ranged && !empty) throw new Error(`no raw read for the hint ${JSON.stringify(hint)}`);
  return new Promise((resolve, reject) => {
    const tx = idb.transaction('cards', 'readonly');
    const store = tx.objectStore('cards');
    let rows = 0;
    const take = (req: IDBRequest<unknown[]>) => {
      req.onsuccess = () => {
        rows += req.result.length;
      };
    };
    if (ranged) {
      const index = store.index('[deckId+state+due]');
      const from = hint.due?.from ?? -Infinity;
      // [] sorts after every number: no upper bound on due.
      const below: number | never[] = hint.due?.below ?? [];
      for (const d of hint.deckIds!) {
        for (const s of hint.states ?? ALL_STATES)
          take(index.getAll(IDBKeyRange.bound([d, s, from], [d, s, below], false, true)));
      }
    } else {
      take(store.getAll());
    }
    tx.oncomplete = () => resolve(rows);
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

interface Run {
  ids: string[];
  candidates: number;
  parse: number;
  read: number;
  match: number;
  sort: number;
  hint: IndexHint;
  data: BrowseData;
  ctx: SearchContext;
  env: ColumnEnv;
}

/** One search as useBrowseRows runs it, from the query text to the sorted row ids, each step timed. */
async function runSearch(db: DockdeckDB, text: string): Promise<Run> {
  const t0 = performance.now();
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(`the query ${text} does not parse: ${parsed.error.code}`);
  const deckTitles = await readDeckTitles(db);
  const now = Date.now();
  const day = dayWindow(now, DEFAULT_SETTINGS.study.dayStartHour);
  const hintCtx = { now, day, deckTitles, learnAheadMs: DEFAULT_QUEUE_LIMITS.learnAheadMs };
  const hint = indexHint(parsed.query, hintCtx);
  const since = ratingsSince(parsed.query, { day });
  const t1 = performance.now();
  const data = await readBrowseData(db, hint, since);
  const t2 = performance.now();
  // As the browser does: each deck's preset's parameters.
  const weightsOf = presetWeightsOf(DEFAULT_SETTINGS.presets);
  const ctx: SearchContext = { ...hintCtx, ratings: (id) => data.ratings.get(id) ?? [], weightsOf };
  const matched = filterRows(data, parsed.query, ctx);
  const t3 = performance.now();
  const env: ColumnEnv = { cardLang: 'en', uiLang: 'en', now, deckTitles, weightsOf };
  const ids = sortRows(matched, DEFAULT_SORT, env).map((r) => r.card.id);
  const t4 = performance.now();
  return {
    ids,
    candidates: data.rows.length,
    parse: t1 - t0,
    read: t2 - t1,
    match: t3 - t2,
    sort: t4 - t3,
    hint,
    data,
    ctx,
    env,
  };
}

/** Times the raw read of the hint's rows alone, `n` times. */
async function rawTimes(idb: IDBDatabase, hint: IndexHint, n: number): Promise<{ times: number[]; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    rows = await rawCandidates(idb, hint);
    times.push(performance.now() - t);
  }
  return { times, rows };
}

export interface SearchOptions {
  runs: number;
  warmup: number;
  /**
   * `fresh`: every run reads its rows (the open browser changing to a search with another index hint). `open`: the
   * search is typed into the browser listing every card, whose hint is the same, so the app reads nothing: each run
   * matches and sorts the listing's rows (copied first, so no run finds the text another one folded); `coldRuns`
   * fresh reads are timed too, for the note.
   */
  mode: 'fresh' | 'open';
  coldRuns?: number;
}

/**
 * Times `runs` searches for `text` and as many raw reads of the same candidate rows, alternately (which goes first
 * alternates too), after `warmup` unmeasured rounds; then the match and sort alone on rows kept in memory.
 */
export async function searchTiming(
  db: DockdeckDB,
  idb: IDBDatabase,
  text: string,
  opts: SearchOptions,
): Promise<SearchTimingResult> {
  const out: SearchTimingResult = {
    ours: [],
    raw: [],
    cold: [],
    parse: [],
    read: [],
    match: [],
    sort: [],
    inMemory: [],
    hint: {},
    candidates: 0,
    rawRows: 0,
    matched: 0,
    matchedSeeded: 0,
  };
  // The hint the raw read follows: the one the app works out (its due bound moves with the clock by milliseconds).
  let last: Run = await runSearch(db, text);
  const { hint } = last;
  const fresh = opts.mode === 'fresh' ? opts.runs : (opts.coldRuns ?? 0);
  for (let i = 0; i < opts.warmup + fresh; i++) {
    const ours = async () => {
      const t = performance.now();
      last = await runSearch(db, text);
      return performance.now() - t;
    };
    const raw = async () => {
      const r = await rawTimes(idb, hint, 1);
      out.rawRows = r.rows;
      return r.times[0]!;
    };
    const [a, b] = await inTurn(i, ours, raw);
    if (i < opts.warmup) continue;
    const r = last;
    out.cold.push(a);
    out.raw.push(b);
    out.read.push(r.read);
    if (opts.mode === 'fresh') {
      out.parse.push(r.parse);
      out.match.push(r.match);
      out.sort.push(r.sort);
    }
  }
  const r = last;
  out.hint = r.hint;
  out.candidates = r.candidates;
  out.matched = r.ids.length;
  out.matchedSeeded = r.ids.filter((id) => id.startsWith('bench-')).length;
  const query = parseQuery(text);
  if (!query.ok) throw new Error('unreachable');
  if (opts.mode === 'fresh') {
    out.ours = out.cold;
    // The same search again on the rows of the last read (folded text kept): the open browser re-running it.
    for (let i = 0; i < opts.runs; i++) {
      const t = performance.now();
      sortRows(filterRows(r.data, query.query, r.ctx), DEFAULT_SORT, r.env);
      out.inMemory.push(performance.now() - t);
    }
    return out;
  }
  await openBrowserRuns(db, text, r, opts, out);
  if (out.raw.length === 0) {
    const rt = await rawTimes(idb, hint, Math.max(1, opts.coldRuns ?? 1));
    out.raw = rt.times;
    out.rawRows = rt.rows;
  }
  return out;
}

/** `open` mode: the listing of every card read once as the browser reads it, then the search run on copies of it. */
async function openBrowserRuns(db: DockdeckDB, text: string, r: Run, opts: SearchOptions, out: SearchTimingResult) {
  const listing = await runSearch(db, '');
  if (JSON.stringify(listing.hint) !== JSON.stringify(r.hint)) {
    throw new Error(`'${text}' has the hint ${JSON.stringify(r.hint)}, the listing ${JSON.stringify(listing.hint)}`);
  }
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    const data: BrowseData = {
      rows: listing.data.rows.map((row) => {
        const { folded: _folded, ...card } = row.card;
        return { ...row, card };
      }),
      ratings: listing.data.ratings,
    };
    const t0 = performance.now();
    const parsed = parseQuery(text);
    if (!parsed.ok) throw new Error('unreachable');
    const deckTitles = listing.env.deckTitles;
    const now = Date.now();
    const day = dayWindow(now, DEFAULT_SETTINGS.study.dayStartHour);
    const hintCtx = { now, day, deckTitles, learnAheadMs: DEFAULT_QUEUE_LIMITS.learnAheadMs };
    // The live read's key: unchanged, so useBrowseRows reads nothing (checked above for the same query).
    JSON.stringify(indexHint(parsed.query, hintCtx));
    const t1 = performance.now();
    const ctx: SearchContext = {
      ...hintCtx,
      ratings: (id) => data.ratings.get(id) ?? [],
      weightsOf: listing.env.weightsOf,
    };
    const matched = filterRows(data, parsed.query, ctx);
    const t2 = performance.now();
    const ids = sortRows(matched, DEFAULT_SORT, { ...listing.env, now }).map((row) => row.card.id);
    const t3 = performance.now();
    if (i < opts.warmup) continue;
    out.ours.push(t3 - t0);
    out.parse.push(t1 - t0);
    out.match.push(t2 - t1);
    out.sort.push(t3 - t2);
    out.matched = ids.length;
    out.matchedSeeded = ids.filter((id) => id.startsWith('bench-')).length;
  }
}
