// The per-day answer counters of the statistics page, kept in the same transaction as every write of the review log.
//
// A Dexie middleware does it, so no write site can forget: every read-write transaction over `reviewLogs` also
// holds `dayCounters` and `settings`, and every add, put or delete of log rows (an answer, its undo, a quiz, custom
// study, an import, a restore, a bulk delete or move and their undo) subtracts the rows it replaces or removes and
// adds the rows it writes. The counters' study days are those of the calendar they were built with (settings row
// `stats-counters`: day start hour and time zone); when that differs from the user's, the page rebuilds them.
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Table,
  Transaction,
} from 'dexie';
import {
  countersFromLogs,
  counterKey,
  tallyCounters,
  tallyLogs,
  type CounterTally,
  type DayCounter,
} from '../domain/stats/day-counters';
import type { StatsLog } from '../domain/stats/stats-rows';
import { studyCalendar, type StudyCalendar } from '../domain/stats/study-days';
import { DEFAULT_STUDY_SETTINGS } from '../domain/settings';

/** Settings row: the calendar the counters were built with. */
export const COUNTERS_CALENDAR_KEY = 'stats-counters';

export interface CountersCalendar {
  dayStartHour: number;
  timeZone: string;
}

/** The machine's time zone name (what the counters' study days depend on besides the day start hour). */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The study calendar in this browser's time zone (daylight saving included). */
export function browserCalendar(dayStartHour: number): StudyCalendar {
  // The day and the hour of an entry are asked one after the other for the same time: the offset (a time zone
  // lookup, ~1–2 µs) is looked up once for both, which matters when a rebuild places a million entries.
  let lastMs = Number.NaN;
  let lastOffset = 0;
  return studyCalendar(dayStartHour, (ms) => {
    if (ms !== lastMs) {
      lastOffset = -new Date(ms).getTimezoneOffset();
      lastMs = ms;
    }
    return lastOffset;
  });
}

let keeping = true;

/** For the benchmark only: answer without keeping the counters, to measure what keeping them costs. */
export function keepCounters(on: boolean): void {
  keeping = on;
}

type Numbers = Record<string, unknown>;

/** Adds `from` to `into` field by field (numbers, arrays of numbers, nested records), times `sign`; not deckId/day. */
function addInto(into: Numbers, from: Numbers, sign: 1 | -1): void {
  for (const [k, v] of Object.entries(from)) {
    if (k === 'deckId' || k === 'day') continue;
    if (typeof v === 'number') into[k] = ((into[k] as number | undefined) ?? 0) + sign * v;
    else if (Array.isArray(v)) {
      const arr = (into[k] as number[] | undefined) ?? (into[k] = v.map(() => 0));
      (v as number[]).forEach((n, i) => (arr[i] = (arr[i] ?? 0) + sign * n));
    } else if (v && typeof v === 'object') {
      into[k] ??= {};
      addInto(into[k] as Numbers, v as Numbers, sign);
    }
  }
}

/** `base` plus `plus` minus `minus` (a new object); undefined once it holds no answer. */
export function combineCounters(
  base: DayCounter | undefined,
  plus: DayCounter | undefined,
  minus: DayCounter | undefined,
): DayCounter | undefined {
  const first = base ?? plus ?? minus;
  if (!first) return undefined;
  const out = structuredClone(base ?? { ...first, ...zeroed(first) }) as DayCounter;
  if (plus) addInto(out as unknown as Numbers, plus as unknown as Numbers, 1);
  if (minus) addInto(out as unknown as Numbers, minus as unknown as Numbers, -1);
  return out.answers > 0 ? out : undefined;
}

function zeroed(c: DayCounter): DayCounter {
  const z = structuredClone(c);
  addInto(z as unknown as Numbers, c as unknown as Numbers, -1);
  return z;
}

/** The day start hour of the counters' calendar, read in the transaction (their row, else the user's setting). */
async function hourIn(core: DBCore, trans: DBCoreTransaction): Promise<number> {
  const [meta, study] = (await core.table('settings').getMany({ trans, keys: [COUNTERS_CALENDAR_KEY, 'study'] })) as [
    { value?: Partial<CountersCalendar> } | undefined,
    { value?: { dayStartHour?: unknown } } | undefined,
  ];
  const hour = meta?.value?.dayStartHour ?? study?.value?.dayStartHour;
  return typeof hour === 'number' ? hour : DEFAULT_STUDY_SETTINGS.dayStartHour;
}

type CounterKey = [string, number];

function keysOf(logs: readonly StatsLog[], calendar: StudyCalendar): CounterKey[] {
  const keys = new Map<string, CounterKey>();
  for (const l of logs) {
    if (l.kind === 'manual') continue;
    const day = calendar.dayOf(l.review);
    keys.set(counterKey(l.deckId, day), [l.deckId, day]);
  }
  return [...keys.values()];
}

/**
 * Writes the counters' change for log rows removed (or replaced) and added, in the transaction `trans`, in the
 * calendar of `hour`. `known`: counters already read (by key), so an answer needs no read here.
 */
async function adjust(
  core: DBCore,
  trans: DBCoreTransaction,
  change: { removed: StatsLog[]; added: StatsLog[]; hour: number },
  known: Map<string, DayCounter | undefined>,
): Promise<void> {
  const { removed, added } = change;
  if (removed.length === 0 && added.length === 0) return;
  const calendar = browserCalendar(change.hour);
  const minus = countersFromLogs(removed, calendar);
  const plus = countersFromLogs(added, calendar);
  const keys = new Map<string, CounterKey>();
  for (const c of [...minus.values(), ...plus.values()]) keys.set(counterKey(c.deckId, c.day), [c.deckId, c.day]);
  if (keys.size === 0) return;
  const table = core.table('dayCounters');
  const list = [...keys.entries()];
  const missing = list.filter(([key]) => !known.has(key));
  if (missing.length > 0) {
    const read = (await table.getMany({ trans, keys: missing.map(([, k]) => k) })) as (DayCounter | undefined)[];
    missing.forEach(([key], i) => known.set(key, read[i]));
  }
  const puts: DayCounter[] = [];
  const deletes: CounterKey[] = [];
  for (const [key, k] of list) {
    const stored = known.get(key);
    const next = combineCounters(stored, plus.get(key), minus.get(key));
    if (next) puts.push(next);
    else if (stored) deletes.push(k);
  }
  await Promise.all([
    puts.length > 0 ? table.mutate({ type: 'put', trans, values: puts }) : null,
    deletes.length > 0 ? table.mutate({ type: 'delete', trans, keys: deletes }) : null,
  ]);
}

/**
 * What one connection knows of the counters' calendar: its day start hour, read once from the settings and kept until
 * a write of the settings rows it comes from (`study`, `stats-counters`: a change of the day start, a rebuild, a
 * restore), in this connection or another (another tab: a message on a BroadcastChannel named after the database).
 */
interface CalendarCache {
  /** The hour, or null when it must be read (in the next transaction over the log, which then holds `settings`). */
  hour: number | null;
  /** The hour last known, for a transaction opened while the hour was known and run after another tab dropped it. */
  last: number | null;
  /** Transactions that wrote a calendar row: what they read is not kept (it is not committed yet). */
  wrote: WeakSet<DBCoreTransaction>;
}

/** Settings rows the counters' calendar is read from. */
const CALENDAR_ROWS: readonly string[] = [COUNTERS_CALENDAR_KEY, 'study'];

type DropListener = (event: { name: string; remote: boolean }) => void;
const dropListeners = new Set<DropListener>();

/**
 * Calls `listener` whenever a connection drops its cached calendar (`remote`: on another connection's message), so
 * that a test can wait for the message instead of sleeping; returns the unsubscribe function.
 */
export function onCalendarDropped(listener: DropListener): () => void {
  dropListeners.add(listener);
  return () => dropListeners.delete(listener);
}

/** The channel's name for a database: every tab (and worker) of the origin with the database listens on it. */
export function calendarChannelName(dbName: string): string {
  return `dockdeck-counters-calendar:${dbName}`;
}

/** The caches of this page's connections, by database name: a write here drops them all at once. */
const cachesByName = new Map<string, Set<CalendarCache>>();
/** One channel per database name and page (a channel never hears its own messages: this page's are dropped above). */
const channels = new Map<string, BroadcastChannel | null>();

function dropCalendars(name: string, remote: boolean): void {
  for (const cache of cachesByName.get(name) ?? []) cache.hour = null;
  for (const l of dropListeners) l({ name, remote });
}

function channelOf(name: string): BroadcastChannel | null {
  if (channels.has(name)) return channels.get(name) ?? null;
  let channel: BroadcastChannel | null = null;
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(calendarChannelName(name));
    channel.onmessage = () => dropCalendars(name, true);
    // Node (the unit tests) would otherwise keep the process alive for the channel.
    (channel as { unref?: () => void }).unref?.();
  }
  channels.set(name, channel);
  return channel;
}

function cacheFor(name: string): CalendarCache {
  const cache: CalendarCache = { hour: null, last: null, wrote: new WeakSet() };
  let set = cachesByName.get(name);
  if (!set) cachesByName.set(name, (set = new Set()));
  set.add(cache);
  channelOf(name);
  return cache;
}

function touchesCalendar(req: DBCoreMutateRequest): boolean {
  switch (req.type) {
    case 'deleteRange':
      return true;
    case 'delete':
      return req.keys.some((k) => CALENDAR_ROWS.includes(k as string));
    default: {
      const keys = req.keys ?? req.values.map((v) => (v as { key?: unknown }).key);
      return keys.some((k) => typeof k !== 'string' || CALENDAR_ROWS.includes(k));
    }
  }
}

function holdsStore(trans: DBCoreTransaction, name: string): boolean {
  const names = (trans as Partial<IDBTransaction>).objectStoreNames;
  return names !== undefined && names.contains(name);
}

/** The counters' hour for a write of the log in `trans`: the cached one, else read in the transaction. */
async function calendarHour(core: DBCore, trans: DBCoreTransaction, cache: CalendarCache): Promise<number> {
  if (cache.hour !== null) return cache.hour;
  if (!holdsStore(trans, 'settings')) return cache.last ?? DEFAULT_STUDY_SETTINGS.dayStartHour;
  const hour = await hourIn(core, trans);
  if (!cache.wrote.has(trans)) cache.hour = cache.last = hour;
  return hour;
}

async function mutateLogs(
  core: DBCore,
  logs: DBCoreTable,
  req: DBCoreMutateRequest,
  cache: CalendarCache,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  if (!keeping || !holdsStore(trans, 'dayCounters')) return logs.mutate(req);
  if (req.type === 'deleteRange') {
    // DBCoreRangeType.Any (a const enum, not importable here): the whole table, as Table.clear() deletes it.
    if (req.range.type === 3) {
      const [res] = await Promise.all([
        logs.mutate(req),
        core.table('dayCounters').mutate({ type: 'deleteRange', trans, range: req.range }),
      ]);
      return res;
    }
    const old = await logs.query({ trans, query: { index: logs.schema.primaryKey, range: req.range }, values: true });
    const res = await logs.mutate(req);
    const hour = await calendarHour(core, trans, cache);
    await adjust(core, trans, { removed: old.result as StatsLog[], added: [], hour }, new Map());
    return res;
  }
  const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => (v as { id: string }).id));
  const values = req.type === 'delete' ? [] : (req.values as StatsLog[]);
  // Every request goes out at once: IndexedDB runs a transaction's requests in order, so the old rows are read
  // before the write replaces them. With the calendar cached (the usual case), an answer costs one read and one
  // write of its day's counter.
  const counters = core.table('dayCounters');
  const cached = cache.hour;
  const guessed = cached === null ? [] : keysOf(values, browserCalendar(cached));
  const [old, res, hour, pre] = await Promise.all([
    req.type === 'add' ? [] : (logs.getMany({ trans, keys }) as Promise<(StatsLog | undefined)[]>),
    logs.mutate(req),
    calendarHour(core, trans, cache),
    guessed.length > 0 ? (counters.getMany({ trans, keys: guessed }) as Promise<(DayCounter | undefined)[]>) : [],
  ]);
  const known = new Map<string, DayCounter | undefined>();
  if (hour === cached) guessed.forEach(([d, day], i) => known.set(counterKey(d, day), pre[i]));
  const ok = (i: number) => !(i in res.failures);
  const removed = (old as (StatsLog | undefined)[]).filter((l, i): l is StatsLog => l !== undefined && ok(i));
  const added = values.filter((_, i) => ok(i));
  await adjust(core, trans, { removed, added, hour }, known);
  return res;
}

/**
 * The middleware: widens read-write transactions over the log to the counters (and to the settings while the
 * calendar is not cached), keeps the counters with each log write, and drops the cached calendar when a settings
 * row it comes from is written, here or in another tab.
 */
export const countersMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'dayCounters',
  create(down) {
    const hasTable = down.schema.tables.some((t) => t.name === 'dayCounters');
    if (!hasTable) return down;
    const name = down.schema.name;
    const cache = cacheFor(name);
    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite' || !stores.includes('reviewLogs')) return down.transaction(stores, mode, options);
        const wide = new Set([...stores, 'dayCounters']);
        if (cache.hour === null) wide.add('settings');
        return down.transaction([...wide], mode, options);
      },
      table(tableName) {
        const table = down.table(tableName);
        if (tableName === 'reviewLogs') return { ...table, mutate: (req) => mutateLogs(down, table, req, cache) };
        if (tableName !== 'settings') return table;
        return {
          ...table,
          mutate: async (req) => {
            if (!touchesCalendar(req)) return table.mutate(req);
            cache.wrote.add(req.trans);
            dropCalendars(name, false);
            const res = await table.mutate(req);
            // Once committed, read again here (a read in between may have kept the uncommitted row) and in other tabs.
            const idb = req.trans as Partial<IDBTransaction>;
            idb.addEventListener?.('complete', () => {
              dropCalendars(name, false);
              channelOf(name)?.postMessage('dropped');
            });
            return res;
          },
        };
      },
    };
  },
};

/** Log rows read at a time by a rebuild: big enough for few requests, small enough not to hold the whole log. */
const FILL_SLICE = 100_000;

/** How far a rebuild is: log rows counted of the total (read before the first slice). */
export type RebuildProgress = (done: number, total: number) => void;

/**
 * Reads every log row once, a slice at a time in primary-key order (each slice one `getAll`), and adds each slice to
 * one tally, so a million rows are never one array and each counter is built once.
 */
export async function countersOfWholeLog(
  logs: Table,
  calendar: StudyCalendar,
  onProgress?: RebuildProgress,
): Promise<Map<string, DayCounter>> {
  const tally: CounterTally = new Map();
  const total = onProgress ? await logs.count() : 0;
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const slice: StatsLog[] =
      after === null
        ? await logs.orderBy(':id').limit(FILL_SLICE).toArray()
        : await logs.where(':id').above(after).limit(FILL_SLICE).toArray();
    if (slice.length === 0) break;
    tallyLogs(tally, slice, calendar);
    done += slice.length;
    onProgress?.(done, Math.max(total, done));
    after = (slice[slice.length - 1] as unknown as { id: string }).id;
    if (slice.length < FILL_SLICE) break;
  }
  return tallyCounters(tally);
}

/** Version 10's upgrade: the counters of the log as it is, in the calendar of the user's day start hour. */
export async function fillCounters(tx: Transaction): Promise<void> {
  const study = (await tx.table('settings').get('study')) as { value?: { dayStartHour?: unknown } } | undefined;
  const hour = study?.value?.dayStartHour;
  const dayStartHour = typeof hour === 'number' ? hour : DEFAULT_STUDY_SETTINGS.dayStartHour;
  const counters = await countersOfWholeLog(tx.table('reviewLogs'), browserCalendar(dayStartHour));
  await tx.table('dayCounters').bulkPut([...counters.values()]);
  // The calendar is not noted, so that the upgrade gives what a restore of the same data gives (backup-repo.ts);
  // the statistics page rebuilds once, on its first visit.
}
