// Reads what the statistics page shows: the day counters (never the whole log) and the cards of the scope; a search
// scope reads the matching cards' logs instead. Rebuilds the counters when the study calendar changed.
import Dexie from 'dexie';
import { dayWindow } from '../domain/day-window';
import { decksOfPreset, presetOfDeck, type PresetBook } from '../domain/presets';
import type { SearchQuery } from '../domain/search/query';
import { indexHint, ratingsSince } from '../domain/search/index-hint';
import { compileQuery } from '../domain/search/match';
import { DEFAULT_STUDY_SETTINGS, type Settings } from '../domain/settings';
import type { DayCounter } from '../domain/stats/day-counters';
import { figuresFromCounters, figuresFromLogs, type DayFigures } from '../domain/stats/day-figures';
import { decayOf } from '../domain/stats/memory';
import type { StatsCard, StatsLog } from '../domain/stats/stats-rows';
import type { DayRange, StudyCalendar } from '../domain/stats/study-days';
import { readBrowseData, readDeckTitles } from './browse-repo';
import type { CardRow, DockdeckDB } from './database';
import { cardsOfDeck } from './deck-cards';
import {
  COUNTERS_CALENDAR_KEY,
  browserCalendar,
  countersOfWholeLog,
  machineTimeZone,
  type CountersCalendar,
} from './stats-counters';

export type StatsScope =
  | { kind: 'all' }
  | { kind: 'deck'; deckId: string }
  | { kind: 'preset'; presetId: string }
  | { kind: 'search'; query: SearchQuery };

export type StatsPeriod = 'month' | 'year' | 'all';

export interface StatsData {
  calendar: StudyCalendar;
  /** When the figures were read (epoch ms), and its study day. */
  now: number;
  today: number;
  figures: DayFigures;
  cards: StatsCard[];
  /** The forgetting curve's decay of a card: its deck's preset's parameters. */
  decayFor: (card: StatsCard) => number;
}

/** The calendar the counters were built with, or undefined before the first build. */
export async function countersCalendar(db: DockdeckDB): Promise<CountersCalendar | undefined> {
  const row = await db.settings.get(COUNTERS_CALENDAR_KEY);
  return row?.value as CountersCalendar | undefined;
}

/** Whether the counters must be rebuilt for this day start hour in this browser's time zone. */
export async function countersStale(db: DockdeckDB, dayStartHour: number): Promise<boolean> {
  const c = await countersCalendar(db);
  return c === undefined || c.dayStartHour !== dayStartHour || c.timeZone !== machineTimeZone();
}

/**
 * Fills the counters again from the whole log (read a slice at a time) in the calendar of `dayStartHour` and this
 * browser's time zone, and notes that calendar; call inside a transaction over reviewLogs, dayCounters, settings.
 * Without `note` the calendar is not noted (a restore of an old backup, as the upgrade does): the page then
 * rebuilds once, in the calendar the user has by then.
 */
export async function refillCounters(db: DockdeckDB, dayStartHour?: number, note = true): Promise<number> {
  const study = (await db.settings.get('study'))?.value as { dayStartHour?: unknown } | undefined;
  const stored = study?.dayStartHour;
  const hour = dayStartHour ?? (typeof stored === 'number' ? stored : DEFAULT_STUDY_SETTINGS.dayStartHour);
  const counters = await countersOfWholeLog(db.reviewLogs, browserCalendar(hour));
  await db.dayCounters.clear();
  await db.dayCounters.bulkPut([...counters.values()]);
  const value: CountersCalendar = { dayStartHour: hour, timeZone: machineTimeZone() };
  if (note) await db.settings.put({ key: COUNTERS_CALENDAR_KEY, value, updatedAt: 0 });
  return counters.size;
}

/** Rebuilds every counter from the log in one transaction (see refillCounters). */
export async function rebuildCounters(db: DockdeckDB, dayStartHour: number): Promise<number> {
  return db.transaction('rw', db.reviewLogs, db.dayCounters, db.settings, () => refillCounters(db, dayStartHour));
}

/** Rebuilds the counters if their calendar is not the user's; true if it did. */
export async function ensureCounters(db: DockdeckDB, dayStartHour: number): Promise<boolean> {
  if (!(await countersStale(db, dayStartHour))) return false;
  await rebuildCounters(db, dayStartHour);
  return true;
}

export function periodRange(period: StatsPeriod, today: number): DayRange {
  if (period === 'all') return { from: null, to: today };
  return { from: today - (period === 'month' ? 29 : 364), to: today };
}

function countersOfDeck(db: DockdeckDB, deckId: string): Promise<DayCounter[]> {
  return db.dayCounters.where('[deckId+day]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).toArray();
}

async function decksOf(db: DockdeckDB, scope: StatsScope, book: PresetBook): Promise<string[] | null> {
  if (scope.kind === 'deck') return [scope.deckId];
  if (scope.kind !== 'preset') return null;
  const ids = (await db.decks.toCollection().primaryKeys()) as string[];
  return decksOfPreset(book, scope.presetId, ids);
}

/** The cards a search matches, as the browser's search does (same parse tree, hint, read and match). */
async function searchCards(db: DockdeckDB, query: SearchQuery, now: number, settings: Settings): Promise<CardRow[]> {
  const deckTitles = await readDeckTitles(db);
  const day = dayWindow(now, settings.study.dayStartHour);
  const hintCtx = { now, day, deckTitles };
  const hint = indexHint(query, hintCtx);
  const data = await readBrowseData(db, hint, ratingsSince(query, { day }));
  const weights = presetOfDeck(settings.presets, '').weights;
  const test = compileQuery(query, { ...hintCtx, ratings: (id) => data.ratings.get(id) ?? [], weights });
  const ids = data.rows.filter((r) => test(r.card)).map((r) => r.card.id);
  return (await db.cards.bulkGet(ids)).filter((c): c is CardRow => c !== undefined);
}

/** Everything the page shows for a scope and a period, at `now`. */
export async function readStats(
  db: DockdeckDB,
  scope: StatsScope,
  period: StatsPeriod,
  now: number,
  settings: Settings,
): Promise<StatsData> {
  const calendar = browserCalendar(settings.study.dayStartHour);
  const today = calendar.dayOf(now);
  const range = periodRange(period, today);
  const book = settings.presets;
  const decayFor = (card: StatsCard) => decayOf(presetOfDeck(book, card.deckId).weights);
  if (scope.kind === 'search') {
    const cards = await searchCards(db, scope.query, now, settings);
    const logs = (await db.reviewLogs
      .where('cardId')
      .anyOf(cards.map((c) => c.id))
      .toArray()) as StatsLog[];
    return { calendar, now, today, figures: figuresFromLogs(logs, calendar, now, { range }), cards, decayFor };
  }
  const deckIds = await decksOf(db, scope, book);
  const [counters, cards] = await db.transaction('r', db.dayCounters, db.cards, async () =>
    deckIds === null
      ? Promise.all([db.dayCounters.toArray(), db.cards.toArray()])
      : Promise.all([
          Promise.all(deckIds.map((d) => countersOfDeck(db, d))).then((a) => a.flat()),
          Promise.all(deckIds.map((d) => cardsOfDeck(db, d).toArray())).then((a) => a.flat()),
        ]),
  );
  return { calendar, now, today, figures: figuresFromCounters(counters, { today, range }), cards, decayFor };
}
