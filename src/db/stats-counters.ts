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
import { countersFromLogs, counterKey, type DayCounter } from '../domain/stats/day-counters';
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
  return studyCalendar(dayStartHour, (ms) => -new Date(ms).getTimezoneOffset());
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

/** The day start hour last seen: an answer reads its counter together with the calendar, guessing it unchanged. */
let guessedHour: number | null = null;

function holdsCounters(trans: DBCoreTransaction): boolean {
  const names = (trans as Partial<IDBTransaction>).objectStoreNames;
  return keeping && names !== undefined && names.contains('dayCounters') && names.contains('settings');
}

async function mutateLogs(core: DBCore, logs: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  if (!holdsCounters(trans)) return logs.mutate(req);
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
    await adjust(
      core,
      trans,
      { removed: old.result as StatsLog[], added: [], hour: await hourIn(core, trans) },
      new Map(),
    );
    return res;
  }
  const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => (v as { id: string }).id));
  const values = req.type === 'delete' ? [] : (req.values as StatsLog[]);
  // Every request goes out at once: IndexedDB runs a transaction's requests in order, so the old rows are read
  // before the write replaces them; the counters are read in the calendar last seen (checked below).
  const guess = guessedHour;
  const guessed = guess === null ? [] : keysOf(values, browserCalendar(guess));
  const counters = core.table('dayCounters');
  const [old, res, hour, pre] = await Promise.all([
    req.type === 'add' ? [] : (logs.getMany({ trans, keys }) as Promise<(StatsLog | undefined)[]>),
    logs.mutate(req),
    hourIn(core, trans),
    guessed.length > 0 ? (counters.getMany({ trans, keys: guessed }) as Promise<(DayCounter | undefined)[]>) : [],
  ]);
  guessedHour = hour;
  const known = new Map<string, DayCounter | undefined>();
  if (hour === guess) guessed.forEach(([d, day], i) => known.set(counterKey(d, day), pre[i]));
  const ok = (i: number) => !(i in res.failures);
  const removed = (old as (StatsLog | undefined)[]).filter((l, i): l is StatsLog => l !== undefined && ok(i));
  const added = values.filter((_, i) => ok(i));
  await adjust(core, trans, { removed, added, hour }, known);
  return res;
}

/** The middleware: widens read-write transactions over the log, and keeps the counters with each log write. */
export const countersMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'dayCounters',
  create(down) {
    const hasTable = down.schema.tables.some((t) => t.name === 'dayCounters');
    return {
      ...down,
      transaction(stores, mode, options) {
        if (!hasTable || mode !== 'readwrite' || !stores.includes('reviewLogs')) {
          return down.transaction(stores, mode, options);
        }
        const wide = [...new Set([...stores, 'dayCounters', 'settings'])];
        return down.transaction(wide, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!hasTable || name !== 'reviewLogs') return table;
        return { ...table, mutate: (req) => mutateLogs(down, table, req) };
      },
    };
  },
};

const FILL_SLICE = 50_000;

/** Reads every log row a slice at a time (by id), so a million rows are never one array. */
export async function countersOfWholeLog(logs: Table, calendar: StudyCalendar): Promise<Map<string, DayCounter>> {
  const all = new Map<string, DayCounter>();
  let after: string | null = null;
  for (;;) {
    const slice: StatsLog[] =
      after === null
        ? await logs.orderBy(':id').limit(FILL_SLICE).toArray()
        : await logs.where(':id').above(after).limit(FILL_SLICE).toArray();
    if (slice.length === 0) break;
    for (const [key, c] of countersFromLogs(slice, calendar))
      all.set(key, combineCounters(all.get(key), c, undefined)!);
    after = (slice[slice.length - 1] as unknown as { id: string }).id;
    if (slice.length < FILL_SLICE) break;
  }
  return all;
}

/** Version 10's upgrade: the counters of the log as it is, in the calendar of the user's day start hour. */
export async function fillCounters(tx: Transaction): Promise<void> {
  const study = (await tx.table('settings').get('study')) as { value?: { dayStartHour?: unknown } } | undefined;
  const hour = study?.value?.dayStartHour;
  const dayStartHour = typeof hour === 'number' ? hour : DEFAULT_STUDY_SETTINGS.dayStartHour;
  const counters = await countersOfWholeLog(tx.table('reviewLogs'), browserCalendar(dayStartHour));
  guessedHour = null;
  await tx.table('dayCounters').bulkPut([...counters.values()]);
  // The calendar is not noted, so that the upgrade gives what a restore of the same data gives (backup-repo.ts);
  // the statistics page rebuilds once, on its first visit.
}
