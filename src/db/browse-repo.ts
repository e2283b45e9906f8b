// The card browser's reads: every card as a search looks at it (only the index ranges a query's hint names, when it
// names any), the answers `rated:` looks at, and one card with its deck and review log for the info panel.
import Dexie from 'dexie';
import type { Text } from '../domain/deck-schema';
import type { IndexHint } from '../domain/search/index-hint';
import { toSearchCard, type SearchCard, type SearchRating } from '../domain/search/search-card';
import { CardState, type CardStateValue } from '../domain/scheduler';
import type { StudyContent } from '../domain/study-card';
import type { CardMarks } from '../domain/marks';
import { isAnswer, type CardRow, type DeckRow, type DockdeckDB, type MarkedCard, type ReviewLogRow } from './database';
import { READ_SLICE } from './chunked';
import { allMarks, deckOfCard, markedCards } from './marks-table';
import { cardsOfDeck } from './deck-cards';
import { readDeckDisplay, type DeckDisplay } from './deck-prefs';

/** One card in the browser: what the search tests, and what the table shows beyond it. */
export interface BrowseRow {
  card: SearchCard;
  content: StudyContent;
  /** The order new cards are introduced in (Anki's "New #n"). */
  position: number;
}

export interface BrowseData {
  rows: BrowseRow[];
  /** Answers by card id, since the time asked for (empty when no `rated:` term asked). */
  ratings: Map<string, SearchRating[]>;
}

/** Cards are read this many at a time, so that no one read holds the page up for long with 100,000 cards. */
const PAGE = 2000;
/** More deck × state ranges than this are read as the whole table instead. */
const MAX_RANGES = 64;
const ALL_STATES: readonly CardStateValue[] = [
  CardState.New,
  CardState.Learning,
  CardState.Review,
  CardState.Relearning,
];

export function browseRow(row: MarkedCard): BrowseRow {
  return { card: toSearchCard(row), content: row.content, position: row.position };
}

/** The rows with the marks of `marks` (the cards' own, as read, are replaced): a row without marks is kept as it is. */
export function withBrowseMarks(rows: readonly BrowseRow[], marks: ReadonlyMap<string, CardMarks>): BrowseRow[] {
  return rows.map((r) => {
    const m = marks.get(r.card.id);
    if (!m) return r;
    const { suspended: _s, buriedUntil: _b, flag: _f, ...card } = r.card;
    return { ...r, card: { ...card, ...m } };
  });
}

/** The parked cards (suspended, or buried at some time) among `marks`, read by id a slice at a time. */
async function parkedRows(db: DockdeckDB, deckIds: readonly string[] | undefined): Promise<CardRow[]> {
  const marks = await allMarks(db);
  const ids = [...marks]
    .filter(([id, m]) => (m.suspended || m.buriedUntil !== undefined) && (!deckIds || deckIds.includes(deckOfCard(id))))
    .map(([id]) => id);
  const out: CardRow[] = [];
  for (let i = 0; i < ids.length; i += READ_SLICE)
    for (const r of await db.cards.bulkGet(ids.slice(i, i + READ_SLICE))) if (r) out.push(r);
  return out;
}

async function allCards(db: DockdeckDB): Promise<CardRow[]> {
  const out: CardRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page: CardRow[] = await (after === null ? db.cards.orderBy('id') : db.cards.where('id').above(after))
      .limit(PAGE)
      .toArray();
    out.push(...page);
    if (page.length < PAGE) return out;
    after = page[page.length - 1]!.id;
  }
}

function dueRanges(db: DockdeckDB, hint: IndexHint, deckIds: readonly string[]): Promise<CardRow[][]> | null {
  const states = hint.states ?? ALL_STATES;
  if (deckIds.length * states.length > MAX_RANGES) return null;
  const from = hint.due?.from ?? (Dexie.minKey as unknown as number);
  const below = hint.due?.below ?? (Dexie.maxKey as unknown as number);
  return Promise.all(
    deckIds.flatMap((d) =>
      states.map((s) =>
        db.cards.where('[deckId+state+due]').between([d, s, from], [d, s, below], true, false).toArray(),
      ),
    ),
  );
}

async function tagged(db: DockdeckDB, tags: NonNullable<IndexHint['tags']>): Promise<CardRow[]> {
  const [equal, starting] = await Promise.all([
    tags.equals.length > 0
      ? db.cards
          .where('tags')
          .anyOfIgnoreCase([...tags.equals])
          .toArray()
      : [],
    tags.startsWith.length > 0
      ? db.cards
          .where('tags')
          .startsWithAnyOfIgnoreCase([...tags.startsWith])
          .toArray()
      : [],
  ]);
  // A card with two matching tags comes once from each index entry.
  return [...new Map([...equal, ...starting].map((r) => [r.id, r])).values()];
}

/**
 * The stored cards a query with this hint can match: the fewest the indexes can name (parked cards, from the marks
 * table; cards answered since a time, deck × state × due ranges, tags, whole decks), else every card. The caller
 * still tests each one, with the cards' marks joined (readBrowseData).
 */
export async function candidateCards(db: DockdeckDB, hint: IndexHint): Promise<CardRow[]> {
  if (hint.deckIds?.length === 0 || hint.states?.length === 0) return [];
  if (hint.parked) return parkedRows(db, hint.deckIds);
  if (hint.answeredSince !== undefined) {
    const ids = await db.reviewLogs.where('review').aboveOrEqual(hint.answeredSince).toArray();
    const rows = await db.cards.bulkGet([...new Set(ids.map((l) => l.cardId))]);
    return rows.filter((r): r is CardRow => r !== undefined);
  }
  if (hint.states || hint.due) {
    // A state or due range without decks is that range in every deck (every card's deck is a stored deck).
    const deckIds = hint.deckIds ?? (await db.decks.toCollection().primaryKeys());
    const ranges = await dueRanges(db, hint, deckIds);
    if (ranges) return ranges.flat();
  }
  if (hint.tags) return tagged(db, hint.tags);
  if (hint.deckIds) return (await Promise.all(hint.deckIds.map((d) => cardsOfDeck(db, d).toArray()))).flat();
  return allCards(db);
}

/** Answers given since `since` (epoch ms), by card id. */
async function ratingsSince(db: DockdeckDB, since: number): Promise<Map<string, SearchRating[]>> {
  const logs = await db.reviewLogs.where('review').aboveOrEqual(since).toArray();
  const out = new Map<string, SearchRating[]>();
  for (const l of logs) {
    // A reset or a set due date is no answer: `rated:` counts answers only.
    if (!isAnswer(l)) continue;
    const list = out.get(l.cardId);
    if (list) list.push({ review: l.review, rating: l.rating });
    else out.set(l.cardId, [{ review: l.review, rating: l.rating }]);
  }
  return out;
}

/**
 * The candidate cards of `hint` without their marks, and the answers since `since` (if not null): the browser reads
 * the marks apart (allMarks, a small table), so that marking cards re-reads only the marks, not the cards.
 */
export async function readBrowseCards(db: DockdeckDB, hint: IndexHint, since: number | null): Promise<BrowseData> {
  const [cards, ratings] = await Promise.all([
    candidateCards(db, hint),
    since === null ? new Map<string, SearchRating[]>() : ratingsSince(db, since),
  ]);
  return { rows: cards.map(browseRow), ratings };
}

/** One read for a query: the candidate cards of `hint` with their marks, and the answers since `since`. */
export async function readBrowseData(db: DockdeckDB, hint: IndexHint, since: number | null): Promise<BrowseData> {
  const [data, marks] = await Promise.all([readBrowseCards(db, hint, since), allMarks(db)]);
  return { ...data, rows: withBrowseMarks(data.rows, marks) };
}

/** Every deck's title, by id (the search's `deck:` and the deck column). */
export async function readDeckTitles(db: DockdeckDB): Promise<Map<string, Text>> {
  return new Map((await db.decks.toArray()).map((d) => [d.id, d.title]));
}

export interface CardInfo {
  card: MarkedCard;
  deck: DeckRow | undefined;
  display: DeckDisplay;
  /** Its answers, oldest first. */
  logs: ReviewLogRow[];
}

/** A card, its deck, how the deck draws its text, and its review log; undefined when the card is gone. */
export async function readCardInfo(db: DockdeckDB, cardId: string): Promise<CardInfo | undefined> {
  const [card] = await markedCards(db, [cardId]);
  if (!card) return undefined;
  const [deck, display, logs] = await Promise.all([
    db.decks.get(card.deckId),
    readDeckDisplay(db, card.deckId),
    db.reviewLogs.where('cardId').equals(cardId).toArray(),
  ]);
  return { card, deck, display, logs: logs.sort((a, b) => a.review - b.review) };
}
