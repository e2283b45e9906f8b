// Reads what the statistics page shows: the day counters (never the whole log) and the cards of the scope; a search
// scope reads the matching cards' logs instead. Rebuilds the counters when the study calendar changed.
import Dexie from 'dexie';
import { dayWindow } from '../domain/day-window';
import { decksOfPreset, presetOfDeck, presetWeightsOf, type PresetBook } from '../domain/presets';
import type { SearchQuery } from '../domain/search/query';
import { indexHint, ratingsSince } from '../domain/search/index-hint';
import { compileQuery } from '../domain/search/match';
import { DEFAULT_STUDY_SETTINGS, type Settings } from '../domain/settings';
import type { DayCounter } from '../domain/stats/day-counters';
import { figuresFromCounters, figuresFromLogs, type DayFigures } from '../domain/stats/day-figures';
import { decayOf } from '../domain/stats/memory';
import { NO_UNREAD_NEW, unreadNewCards, type UnreadNewCards } from '../domain/stats/card-counts';
import { CardState } from '../domain/scheduler';
import type { StatsCard, StatsLog } from '../domain/stats/stats-rows';
import type { DayRange, StudyCalendar } from '../domain/stats/study-days';
import { readBrowseData, readDeckTitles } from './browse-repo';
import type { DockdeckDB, MarkedCard } from './database';
import { allMarks, deckMarks, joinMarks, markedCards } from './marks-table';
import type { CardMarks } from '../domain/marks';
import {
  COUNTERS_CALENDAR_KEY,
  browserCalendar,
  countersOfWholeLog,
  machineTimeZone,
  type CountersCalendar,
  type RebuildProgress,
} from './stats-counters';

export type StatsScope =
  | { kind: 'all' }
  | { kind: 'deck'; deckId: string }
  | { kind: 'preset'; presetId: string }
  | { kind: 'search'; query: SearchQuery };

export type StatsPeriod = 'month' | 'year' | 'all';

/** What the day-based sections show: from the day counters (a search: from its cards' log). */
export interface StatsDays {
  calendar: StudyCalendar;
  /** When the figures were read (epoch ms), and its study day. */
  now: number;
  today: number;
  figures: DayFigures;
}

/** What the card-based sections show. */
export interface StatsCards {
  calendar: StudyCalendar;
  now: number;
  /**
   * The scope's studied cards and its suspended or buried ones (a search: every card it matches): the rows of these
   * are read; the other new cards only by their index keys (`unread`).
   */
  cards: StatsCard[];
  unread: UnreadNewCards;
  /** The forgetting curve's decay of a card: its deck's preset's parameters. */
  decayFor: (card: StatsCard) => number;
}

export type StatsData = StatsDays & StatsCards;

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
 * Fills the counters again from the whole log (one pass, a big slice at a time) in the calendar of `dayStartHour` and
 * this browser's time zone, and notes that calendar; call inside a transaction over reviewLogs, dayCounters, settings.
 * Without `note` the calendar is not noted (a restore of an old backup, as the upgrade does): the page then
 * rebuilds once, in the calendar the user has by then. Writing the calendar's row drops every connection's cached
 * calendar (stats-counters.ts), so answers from then on are counted in the new one.
 */
export async function refillCounters(
  db: DockdeckDB,
  dayStartHour?: number,
  note = true,
  onProgress?: RebuildProgress,
): Promise<number> {
  const study = (await db.settings.get('study'))?.value as { dayStartHour?: unknown } | undefined;
  const stored = study?.dayStartHour;
  const hour = dayStartHour ?? (typeof stored === 'number' ? stored : DEFAULT_STUDY_SETTINGS.dayStartHour);
  const counters = await countersOfWholeLog(db.reviewLogs, browserCalendar(hour), onProgress);
  await db.dayCounters.clear();
  await db.dayCounters.bulkPut([...counters.values()]);
  const value: CountersCalendar = { dayStartHour: hour, timeZone: machineTimeZone() };
  if (note) await db.settings.put({ key: COUNTERS_CALENDAR_KEY, value, updatedAt: 0 });
  return counters.size;
}

/** Rebuilds every counter from the log in one transaction (see refillCounters); `onProgress` after each slice. */
export async function rebuildCounters(
  db: DockdeckDB,
  dayStartHour: number,
  onProgress?: RebuildProgress,
): Promise<number> {
  return db.transaction('rw', db.reviewLogs, db.dayCounters, db.settings, () =>
    refillCounters(db, dayStartHour, true, onProgress),
  );
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
async function searchCards(db: DockdeckDB, query: SearchQuery, now: number, settings: Settings): Promise<MarkedCard[]> {
  const deckTitles = await readDeckTitles(db);
  const day = dayWindow(now, settings.study.dayStartHour);
  const hintCtx = { now, day, deckTitles };
  const hint = indexHint(query, hintCtx);
  const data = await readBrowseData(db, hint, ratingsSince(query, { day }));
  // `prop:r` by each card's own deck's preset's parameters.
  const weightsOf = presetWeightsOf(settings.presets);
  const test = compileQuery(query, { ...hintCtx, ratings: (id) => data.ratings.get(id) ?? [], weightsOf });
  const ids = data.rows.filter((r) => test(r.card)).map((r) => r.card.id);
  return (await markedCards(db, ids)).filter((c): c is MarkedCard => c !== undefined);
}

function decayOfDeck(book: PresetBook): (card: StatsCard) => number {
  const decays = new Map<string, number>();
  return (card) => {
    let d = decays.get(card.deckId);
    if (d === undefined) decays.set(card.deckId, (d = decayOf(presetOfDeck(book, card.deckId).weights)));
    return d;
  };
}

/** A search scope: its cards and their log, read once for both kinds of section. */
async function readSearch(
  db: DockdeckDB,
  query: SearchQuery,
  range: DayRange,
  now: number,
  settings: Settings,
): Promise<StatsData> {
  const calendar = browserCalendar(settings.study.dayStartHour);
  const today = calendar.dayOf(now);
  const cards = await searchCards(db, query, now, settings);
  const logs = (await db.reviewLogs
    .where('cardId')
    .anyOf(cards.map((c) => c.id))
    .toArray()) as StatsLog[];
  const figures = figuresFromLogs(logs, calendar, now, { range });
  return { calendar, now, today, figures, cards, unread: NO_UNREAD_NEW, decayFor: decayOfDeck(settings.presets) };
}

/** The day-based figures of a scope and a period, at `now`: the scope's day counters only. */
export async function readStatsDays(
  db: DockdeckDB,
  scope: StatsScope,
  period: StatsPeriod,
  now: number,
  settings: Settings,
): Promise<StatsDays> {
  const calendar = browserCalendar(settings.study.dayStartHour);
  const today = calendar.dayOf(now);
  const range = periodRange(period, today);
  if (scope.kind === 'search') return readSearch(db, scope.query, range, now, settings);
  const deckIds = await decksOf(db, scope, settings.presets);
  const counters =
    deckIds === null
      ? await db.dayCounters.toArray()
      : await db.transaction('r', db.dayCounters, async () =>
          (await Promise.all(deckIds.map((d) => countersOfDeck(db, d)))).flat(),
        );
  return { calendar, now, today, figures: figuresFromCounters(counters, { today, range }) };
}

const studiedOf = (deckId: string): [unknown[], unknown[]] => [
  [deckId, CardState.Learning, Dexie.minKey],
  [deckId, CardState.Relearning, Dexie.maxKey],
];

/**
 * The cards of decks (null: every deck) as the card sections need them, without reading every row: the rows of the
 * studied cards (learning, review, relearning: one range of the `[deckId+state+due]` index per deck) with their marks
 * (the small `cardMarks` table), and of the new cards only their ids (the index's primary keys), but for the rows of
 * the few that are suspended or buried (counted as such, not as new).
 */
async function scopeCards(db: DockdeckDB, deckIds: string[] | null): Promise<{ cards: StatsCard[]; newIds: string[] }> {
  return db.transaction('r', db.cards, db.decks, db.cardMarks, async () => {
    const decks = deckIds ?? ((await db.decks.toCollection().primaryKeys()) as string[]);
    const byState = db.cards.where('[deckId+state+due]');
    const [studied, fresh, marks] = await Promise.all([
      Promise.all(decks.map((d) => byState.between(...studiedOf(d), true, true).toArray())),
      Promise.all(
        decks.map(
          (d) =>
            byState
              .between([d, CardState.New, Dexie.minKey], [d, CardState.New, Dexie.maxKey], true, true)
              .primaryKeys() as Promise<string[]>,
        ),
      ),
      deckIds === null
        ? allMarks(db)
        : Promise.all(deckIds.map((d) => deckMarks(db, d))).then((ms) => new Map(ms.flatMap((m) => [...m]))),
    ]);
    const cards: StatsCard[] = [];
    for (const rows of studied) for (const row of rows) cards.push(joinMarks(row, marks));
    // A new card with a mark that parks it (a flag alone does not) is read, and counted as suspended or buried.
    const newIds: string[] = [];
    const parkedNew: string[] = [];
    for (const ids of fresh) for (const id of ids) (parkable(marks.get(id)) ? parkedNew : newIds).push(id);
    if (parkedNew.length > 0) {
      for (const row of await db.cards.bulkGet(parkedNew)) if (row) cards.push(joinMarks(row, marks));
    }
    return { cards, newIds };
  });
}

/** Whether marks can park a card (at some time): suspended, or buried (even if the burial has ended: cardCounts decides). */
const parkable = (m: CardMarks | undefined) => m !== undefined && (m.suspended === true || m.buriedUntil !== undefined);

/** The card-based figures' input for a scope at `now` (a search scope reads its cards and their log). */
export async function readStatsCards(
  db: DockdeckDB,
  scope: StatsScope,
  now: number,
  settings: Settings,
): Promise<StatsCards> {
  const calendar = browserCalendar(settings.study.dayStartHour);
  if (scope.kind === 'search')
    return readSearch(db, scope.query, { from: null, to: calendar.dayOf(now) }, now, settings);
  const { cards, newIds } = await scopeCards(db, await decksOf(db, scope, settings.presets));
  return { calendar, now, cards, unread: unreadNewCards(newIds), decayFor: decayOfDeck(settings.presets) };
}

/** Everything the page shows for a scope and a period, at `now`. */
export async function readStats(
  db: DockdeckDB,
  scope: StatsScope,
  period: StatsPeriod,
  now: number,
  settings: Settings,
): Promise<StatsData> {
  if (scope.kind === 'search') {
    const today = browserCalendar(settings.study.dayStartHour).dayOf(now);
    return readSearch(db, scope.query, periodRange(period, today), now, settings);
  }
  const [days, cards] = await Promise.all([
    readStatsDays(db, scope, period, now, settings),
    readStatsCards(db, scope, now, settings),
  ]);
  return { ...days, ...cards };
}
