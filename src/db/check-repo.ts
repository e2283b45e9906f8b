// "Check database", as Anki's: every card's memory checked against the replay of its review log (domain/replay.ts)
// and repaired to it where it differs; log entries of cards that no longer exist, cards of decks that no longer exist
// and the statistics' day counters checked too. Cards are read in slices of the primary key, each slice checked and
// repaired in one read-write transaction of its own (all or nothing), with a pause between slices so that the page
// stays responsive and shows the progress; another tab answering meanwhile waits at most for one slice.
import Dexie from 'dexie';
import { newMemory, type Memory, type SchedulerSettings } from '../domain/scheduler';
import {
  isMemory,
  isNeverStudied,
  memoryDiff,
  memoryFields,
  replayLog,
  type EntryProblem,
  type ReplayEntry,
} from '../domain/replay';
import { schedulerAt, type Settings } from '../domain/settings';
import { fsrsDayShift } from '../domain/day';
import { countersFromLogs, type DayCounter } from '../domain/stats/day-counters';
import type { CardRow, DockdeckDB, ReviewLogRow } from './database';
import { readSettings } from './settings-repo';
import { browserCalendar, combineCounters, machineTimeZone } from './stats-counters';
import { countersCalendar } from './stats-repo';
import { bulkPutChunked } from './chunked';

/** Cards checked per transaction. */
export const CHECK_SLICE = 500;

export interface CheckReport {
  cards: number;
  logs: number;
  /** Answers whose recomputation with today's parameters gave their logged result exactly. */
  recomputed: number;
  /** Answers graded under parameters changed since: their logged result was the replay's step. */
  asLogged: number;
  /** Manual entries (reset, set due date, reschedule) and cram answers replayed. */
  manual: number;
  cram: number;
  /** Cards whose stored memory was not the replay of their log, rewritten to it: their ids (at most 50) and count. */
  repaired: number;
  repairedIds: string[];
  /** Log entries that contradict the entries before them (kept as they are: the log is never rewritten). */
  logProblems: Record<EntryProblem, number>;
  /** Log entries of cards that no longer exist (kept: the statistics count them). */
  orphanLogs: number;
  /** Cards whose deck no longer exists (kept, reported). */
  orphanCards: number;
  /** Whether the statistics' day counters differed from the log and were rebuilt; how many days they hold. */
  countersRebuilt: boolean;
  counterDays: number;
}

export interface CheckOptions {
  now: number;
  /** Cards checked so far of all. */
  onProgress?: (done: number, total: number) => void;
  /** Between slices: gives the page its turn (a macrotask by default). */
  pause?: () => Promise<void>;
  slice?: number;
}

/**
 * A turn for the page: `scheduler.yield()` where there is one, else a posted message; not a timer, which a hidden tab
 * throttles to one a second (a check of 100,000 cards would take minutes more there).
 */
function macrotask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The parameters an entry is recomputed with, made once per deck and day shift (ts-fsrs engines are cached by it). */
function parametersOf(settings: Settings) {
  const made = new Map<string, SchedulerSettings>();
  return (e: ReplayEntry) => {
    const key = `${e.deckId}\u0000${fsrsDayShift(new Date(e.review), settings.study.dayStartHour)}`;
    let s = made.get(key);
    if (!s) made.set(key, (s = schedulerAt(settings, new Date(e.review), e.deckId)));
    return s;
  };
}

/**
 * The memory a card must have: the replay of its log, or, with no log, that of a card never studied (its due date,
 * when the card was added, kept when it is a number).
 */
function expectedMemory(
  card: CardRow,
  logs: readonly ReviewLogRow[],
  settingsFor: (e: ReplayEntry) => SchedulerSettings,
  report: CheckReport,
): Memory {
  const fresh = newMemory(new Date(Number.isFinite(card.createdAt) ? card.createdAt : 0));
  const initial: Memory = { ...fresh, due: Number.isFinite(card.due) ? card.due : fresh.due };
  if (logs.length === 0) {
    const stored = memoryFields(card);
    return isMemory(stored) && isNeverStudied(stored) ? stored : initial;
  }
  const r = replayLog(card.id, logs, initial, settingsFor);
  report.recomputed += r.recomputed;
  report.asLogged += r.asLogged;
  report.manual += r.manual;
  report.cram += r.cram;
  for (const p of r.problems) report.logProblems[p.problem]++;
  return r.memory;
}

/** Checks one slice of cards (ids above `after`, or from the start) and their logs in one transaction. */
async function checkSlice(
  db: DockdeckDB,
  after: string | null,
  size: number,
  ctx: { settings: (e: ReplayEntry) => SchedulerSettings; decks: Set<string>; now: number; report: CheckReport },
): Promise<{ last: string | null; count: number }> {
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    const cards =
      after === null
        ? await db.cards.orderBy(':id').limit(size).toArray()
        : await db.cards.where(':id').above(after).limit(size).toArray();
    const full = cards.length === size;
    const last = full ? cards[cards.length - 1]!.id : null;
    // The log entries of every card id in (after, last]: this slice's cards, and entries of cards that do not exist.
    const low = after ?? (Dexie.minKey as unknown as string);
    const high = last ?? (Dexie.maxKey as unknown as string);
    const logs = await db.reviewLogs
      .where('cardId')
      .between(low, high, after === null, true)
      .toArray();
    const byCard = new Map<string, ReviewLogRow[]>();
    for (const l of logs) {
      const list = byCard.get(l.cardId);
      if (list) list.push(l);
      else byCard.set(l.cardId, [l]);
    }
    const { report } = ctx;
    report.logs += logs.length;
    const puts: CardRow[] = [];
    for (const card of cards) {
      const own = byCard.get(card.id) ?? [];
      byCard.delete(card.id);
      if (!ctx.decks.has(card.deckId)) report.orphanCards++;
      const expected = expectedMemory(card, own, ctx.settings, report);
      if (memoryDiff(card, expected).length === 0) continue;
      puts.push({ ...card, ...expected, updatedAt: ctx.now });
      report.repaired++;
      if (report.repairedIds.length < 50) report.repairedIds.push(card.id);
    }
    for (const rest of byCard.values()) report.orphanLogs += rest.length;
    if (puts.length > 0) await db.cards.bulkPut(puts);
    report.cards += cards.length;
    return { last: full ? last : null, count: cards.length };
  });
}

type Counts = Record<string, unknown>;

/** Counters equal field by field, a field one lacks counting as 0 (a counter kept by sums may hold zeros). */
function sameCounts(a: Counts | undefined, b: Counts | undefined): boolean {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const k of keys) {
    const x = a?.[k];
    const y = b?.[k];
    if (typeof x === 'object' || typeof y === 'object') {
      if (!sameCounts((x ?? {}) as Counts, (y ?? {}) as Counts)) return false;
    } else if ((x ?? 0) !== (y ?? 0)) return false;
  }
  return true;
}

const key = (c: DayCounter) => `${c.deckId}\u0000${c.day}`;

/** Whether the stored counters are those of the log's (by key). */
function sameCounters(stored: readonly DayCounter[], fromLog: ReadonlyMap<string, DayCounter>): boolean {
  const storedByKey = new Map(stored.map((c) => [key(c), c]));
  const logByKey = new Map([...fromLog.values()].map((c) => [key(c), c]));
  for (const k of new Set([...storedByKey.keys(), ...logByKey.keys()])) {
    if (!sameCounts(storedByKey.get(k) as unknown as Counts, logByKey.get(k) as unknown as Counts)) return false;
  }
  return true;
}

/** Log rows read per slice for the counters: reading (and cloning) 50,000 rows at once would be a long task. */
const COUNTER_SLICE = 5000;

/** The counters of the whole log, a slice at a time with a pause between (not one transaction: a first look). */
async function countersOfLogInSlices(
  db: DockdeckDB,
  calendar: ReturnType<typeof browserCalendar>,
  pause: () => Promise<void>,
): Promise<Map<string, DayCounter>> {
  const all = new Map<string, DayCounter>();
  let after: string | null = null;
  for (;;) {
    const slice: ReviewLogRow[] =
      after === null
        ? await db.reviewLogs.orderBy(':id').limit(COUNTER_SLICE).toArray()
        : await db.reviewLogs.where(':id').above(after).limit(COUNTER_SLICE).toArray();
    for (const [k, c] of countersFromLogs(slice, calendar)) all.set(k, combineCounters(all.get(k), c, undefined)!);
    if (slice.length < COUNTER_SLICE) return all;
    after = slice[slice.length - 1]!.id;
    await pause();
  }
}

/**
 * The day counters against the log (in the calendar they were built with), read a slice at a time; when they
 * differ, read again in one transaction (another tab may have answered meanwhile) and rebuilt if they still differ.
 */
async function checkCounters(
  db: DockdeckDB,
  settings: Settings,
  report: CheckReport,
  pause: () => Promise<void>,
): Promise<void> {
  const calendar = await countersCalendar(db);
  // Built in another time zone: the statistics page rebuilds them on its next visit here anyway.
  if (calendar && calendar.timeZone !== machineTimeZone()) return;
  const hour = calendar?.dayStartHour ?? settings.study.dayStartHour;
  const fromLog = await countersOfLogInSlices(db, browserCalendar(hour), pause);
  report.counterDays = fromLog.size;
  if (sameCounters(await db.dayCounters.toArray(), fromLog)) return;
  await db.transaction('rw', db.reviewLogs, db.dayCounters, db.settings, async () => {
    const now = await countersCalendar(db);
    const h = now?.dayStartHour ?? settings.study.dayStartHour;
    // Read again in slices inside the transaction: each slice a short task, no answer written in between.
    const whole = await countersOfLogInSlices(db, browserCalendar(h), async () => {});
    report.counterDays = whole.size;
    if (sameCounters(await db.dayCounters.toArray(), whole)) return;
    // Rebuilt in the calendar they had (its settings row, if noted, stays true; if not, the statistics page
    // rebuilds them in the user's calendar on its next visit, as it would have).
    await db.dayCounters.clear();
    await bulkPutChunked(db.dayCounters, [...whole.values()]);
    report.countersRebuilt = true;
  });
}

/** Checks and repairs the whole database (see the file's head); the report says what it found and did. */
export async function checkDatabase(db: DockdeckDB, opts: CheckOptions): Promise<CheckReport> {
  const report: CheckReport = {
    cards: 0,
    logs: 0,
    recomputed: 0,
    asLogged: 0,
    manual: 0,
    cram: 0,
    repaired: 0,
    repairedIds: [],
    logProblems: { 'broken-chain': 0, 'bad-after': 0, 'cram-moved': 0 },
    orphanLogs: 0,
    orphanCards: 0,
    countersRebuilt: false,
    counterDays: 0,
  };
  const settings = await readSettings(db);
  const decks = new Set((await db.decks.toCollection().primaryKeys()) as string[]);
  const total = await db.cards.count();
  const size = opts.slice ?? CHECK_SLICE;
  const pause = opts.pause ?? macrotask;
  const ctx = { settings: parametersOf(settings), decks, now: opts.now, report };
  opts.onProgress?.(0, total);
  let after: string | null = null;
  for (;;) {
    const { last } = await checkSlice(db, after, size, ctx);
    opts.onProgress?.(Math.min(report.cards, Math.max(total, report.cards)), Math.max(total, report.cards));
    if (last === null) break;
    after = last;
    await pause();
  }
  await checkCounters(db, settings, report, pause);
  return report;
}
