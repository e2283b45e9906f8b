// Reads today's queue and writes answers: every answer and every undo is one transaction over card + log.
import Dexie from 'dexie';
import { buildQueue, type Queue, type QueueCandidate, type QueueLimits } from '../domain/queue';
import { byRetrievability, shuffledForDay, type QueueOrder } from '../domain/queue-order';
import {
  CardState,
  grade,
  retrievability,
  type CardStateValue,
  MEMORY_FIELDS,
  type Memory,
  type RatingName,
  type SchedulerSettings,
} from '../domain/scheduler';
import { newId } from '../lib/ids';
import type { AnswerLogRow, CardRow, DeckRow, DockdeckDB, MarkedCard, ReviewLogRow } from './database';
import { cardsOfDeck } from './deck-cards';
import { CardNotFoundError, StaleCardError, UndoConflictError } from './errors';
import { buryCards, parkedCardRows } from './marks-repo';
import { deckMarks, joinMarks, readMarks } from './marks-table';
import { dayWindow } from '../domain/day-window';
import { isParked } from '../domain/marks';
import { presetOfDeck } from '../domain/presets';
import { schedulerAt, type Settings } from '../domain/settings';

export function memoryOf(c: CardRow): Memory {
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsedDays,
    scheduledDays: c.scheduledDays,
    learningSteps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.lastReview,
  };
}

/**
 * Whether a card's stored memory is `expected` in every field `expected` names (a log row written before a field
 * existed leaves it out, and is not held against the card for it).
 */
export function memoryIs(card: CardRow, expected: Partial<Memory>): boolean {
  return MEMORY_FIELDS.every((k) => expected[k] === undefined || Object.is(card[k], expected[k]));
}

export interface DayWindow {
  /** Start and end of the current study day, epoch ms. */
  start: number;
  end: number;
}

/** Log rows read at a time by doneInWindow when it may stop early (the day's first answers, in time order). */
export const DONE_PAGE = 256;

/**
 * New cards introduced and review cards answered in the window (distinct cards), from the log. Given `enough` (the
 * day's limits), it reads the day's log a page at a time, oldest first, and stops once both counts reach it: a count
 * past its limit changes nothing the session shows (what is left of a limit is never below 0), and a session that goes
 * on all day with its learning cards does not read each of its answers again after every answer. Then `logs` holds only
 * the rows read.
 */
export async function doneInWindow(
  db: DockdeckDB,
  deckId: string,
  day: DayWindow,
  enough?: { newCards: number; reviews: number },
): Promise<{ newCards: number; reviews: number; logs: ReviewLogRow[] }> {
  const fresh = new Set<string>();
  const reviewed = new Set<string>();
  const logs: ReviewLogRow[] = [];
  const count = (rows: readonly ReviewLogRow[]) => {
    for (const l of rows) {
      logs.push(l);
      // Custom study is beyond the day's limits, as Anki's "increase today's new card limit" and "review ahead" are
      // (N more new cards today are N more); cram changes no schedule; a manual change (reset, set due) is no answer.
      if (l.kind === 'custom' || l.kind === 'cram' || l.kind === 'manual') continue;
      if (l.state === CardState.New) fresh.add(l.cardId);
      else if (l.state === CardState.Review) reviewed.add(l.cardId);
    }
  };
  const inDay = (from: number, fromIncluded: boolean) =>
    db.reviewLogs.where('[deckId+review]').between([deckId, from], [deckId, day.end], fromIncluded, false);
  if (!enough) {
    count(await inDay(day.start, true).toArray());
  } else {
    const full = () => fresh.size >= enough.newCards && reviewed.size >= enough.reviews;
    let from = day.start;
    let fromIncluded = true;
    while (!full()) {
      const page = await inDay(from, fromIncluded).limit(DONE_PAGE).toArray();
      if (page.length < DONE_PAGE) {
        count(page);
        break;
      }
      // The page may end partway through the entries of its last moment: those are read together, then the next page
      // starts after that moment.
      const last = page[page.length - 1]!.review;
      count(page.filter((l) => l.review < last));
      count(await db.reviewLogs.where('[deckId+review]').equals([deckId, last]).toArray());
      from = last;
      fromIncluded = false;
    }
  }
  return { newCards: fresh.size, reviews: reviewed.size, logs };
}

/** The counts of today's answers past which the limits leave nothing: doneInWindow need read no further. */
const limitsDone = (limits: QueueLimits) => ({ newCards: limits.newPerDay, reviews: limits.reviewsPerDay });

function range(
  db: DockdeckDB,
  deckId: string,
  state: CardStateValue,
  upTo: number = Dexie.maxKey as unknown as number,
) {
  return db.cards
    .where('[deckId+state+due]')
    .between([deckId, state, Dexie.minKey], [deckId, state, upTo], true, false);
}

export interface QueueSnapshot {
  queue: Queue;
  /** The rows read with the queue (with their marks), by id: the queued cards, and a pinned card when it exists. */
  cards: Map<string, MarkedCard>;
  doneToday: { newCards: number; reviews: number };
}

/**
 * Reads only what today's session can show (learning cards, reviews due today up to the limit, new cards up
 * to the limit) through the compound indexes, then orders them with the pure queue builder. The session's pinned card
 * (domain/review-session.ts) is read too, so that it can be shown wherever the queue would put it.
 */
export async function loadQueue(
  db: DockdeckDB,
  deckId: string,
  now: number,
  day: DayWindow,
  limits: QueueLimits,
  pinnedId: string | null = null,
  order?: QueueOrder,
): Promise<QueueSnapshot> {
  const [done, marks] = await Promise.all([doneInWindow(db, deckId, day, limitsDone(limits)), deckMarks(db, deckId)]);
  const parked = new Set([...marks].filter(([, m]) => isParked(m, now)).map(([id]) => id));
  const reviewsLeft = Math.max(0, limits.reviewsPerDay - done.reviews);
  const newLeft = Math.max(0, limits.newPerDay - done.newCards);
  // Suspended and buried cards are left out before the limits count (Dexie's limit counts what passes the filter).
  const shown = (r: CardRow) => !parked.has(r.id);
  const byR = order?.reviewOrder === 'retrievability';
  const shuffled = order?.newOrder === 'random';
  const [learning, relearning, reviews, fresh] = await Promise.all([
    range(db, deckId, CardState.Learning).filter(shown).toArray(),
    range(db, deckId, CardState.Relearning).filter(shown).toArray(),
    byR
      ? lowestRetrievability(db, deckId, now, day, shown, reviewsLeft, order.scheduler)
      : range(db, deckId, CardState.Review, day.end).filter(shown).limit(reviewsLeft).toArray(),
    shuffled
      ? freshForDay(db, deckId, day, parked, newLeft)
      : db.cards
          .where('[deckId+state+position]')
          .between([deckId, CardState.New, Dexie.minKey], [deckId, CardState.New, Dexie.maxKey])
          .filter(shown)
          .limit(newLeft)
          .toArray(),
  ]);
  const cards = new Map<string, MarkedCard>();
  const cand = (rows: CardRow[]): QueueCandidate[] =>
    rows.map((r) => {
      cards.set(r.id, joinMarks(r, marks));
      return { id: r.id, due: r.due, state: r.state, position: r.position };
    });
  const queue = buildQueue({
    now,
    dayEnd: day.end,
    limits,
    doneToday: { newCards: done.newCards, reviews: done.reviews },
    learning: [...cand(learning), ...cand(relearning)],
    reviews: cand(reviews),
    fresh: cand(fresh),
    ordered: { reviews: byR, fresh: shuffled },
  });
  // A pinned card the queue did not read (one over today's limits, say) is read by id.
  const pinned = pinnedId === null || cards.has(pinnedId) ? undefined : await db.cards.get(pinnedId);
  if (pinned && pinned.deckId === deckId) cards.set(pinned.id, joinMarks(pinned, marks));
  return { queue, cards, doneToday: { newCards: done.newCards, reviews: done.reviews } };
}

/** Today's due reviews the preset puts first: the `limit` with the lowest retrievability now (all due are read). */
async function lowestRetrievability(
  db: DockdeckDB,
  deckId: string,
  now: number,
  day: DayWindow,
  shown: (r: CardRow) => boolean,
  limit: number,
  scheduler: SchedulerSettings,
): Promise<CardRow[]> {
  if (limit === 0) return [];
  const due = await range(db, deckId, CardState.Review, day.end).filter(shown).toArray();
  const at = new Date(now);
  return byRetrievability(due, (c) => retrievability(c.id, memoryOf(c), at, scheduler)).slice(0, limit);
}

/** The deck's new cards in today's shuffled order, up to `limit`: the ids are read through the index, then the rows. */
async function freshForDay(
  db: DockdeckDB,
  deckId: string,
  day: DayWindow,
  parked: ReadonlySet<string>,
  limit: number,
): Promise<CardRow[]> {
  if (limit === 0) return [];
  const ids = (await range(db, deckId, CardState.New).primaryKeys()).filter((id) => !parked.has(id));
  const rows = await db.cards.bulkGet(shuffledForDay(ids, day.start).slice(0, limit));
  return rows.filter((r): r is CardRow => r !== undefined);
}

/** One answer to write: the card, the rating, when it was given, how long it took and what kind of study it was. */
export interface AnswerInput {
  cardId: string;
  rating: RatingName;
  at: Date;
  durationMs: number;
  kind: AnswerLogRow['kind'];
}

/**
 * The one way an answer changes a card, for the daily review and the quiz alike: grades the card as stored now (not
 * as a screen last saw it, so two tabs cannot overwrite each other) and writes its new state and the log row. Call it
 * inside a 'rw' transaction over cards and reviewLogs. `settingsAt` gives the scheduling of the card's deck (its
 * preset's) at the moment of the answer. Null when the card no longer exists.
 */
export async function applyAnswer(
  db: DockdeckDB,
  answer: AnswerInput,
  settingsAt: (at: Date, deckId: string) => SchedulerSettings,
): Promise<ReviewLogRow | null> {
  const card = await db.cards.get(answer.cardId);
  if (!card) return null;
  // Never before the card's last review (another tab may have answered it since): time only moves forward.
  const at = new Date(Math.max(answer.at.getTime(), card.lastReview ?? 0));
  const { memory, record } = grade(card.id, memoryOf(card), answer.rating, at, settingsAt(at, card.deckId));
  const log: AnswerLogRow = {
    id: newId(),
    deckId: card.deckId,
    durationMs: Math.max(0, Math.round(answer.durationMs)),
    kind: answer.kind,
    ...record,
  };
  // Cram previews without rescheduling: the answer is logged (its rating, for statistics), the card is untouched.
  if (answer.kind === 'cram') {
    const unchanged = { ...log, scheduledDays: record.before.scheduledDays, after: record.before };
    await db.reviewLogs.add(unchanged);
    return unchanged;
  }
  // Both requests go out together: the transaction commits only if both succeed.
  await Promise.all([db.cards.put({ ...card, ...memory, updatedAt: at.getTime() }), db.reviewLogs.add(log)]);
  return log;
}

/** The scheduling an answer is graded with: fixed, or the user's settings (then the card's deck's preset decides). */
export type AnswerSettings = SchedulerSettings | Settings;

const isUserSettings = (s: AnswerSettings): s is Settings => 'presets' in s;

/**
 * Writes one answer of the review screen in its own transaction; the card must exist. Given the user's settings, the
 * card's deck's preset grades it, and when that preset buries siblings, the note's other new cards and reviews due
 * today are buried until the next study day (Anki's "bury siblings"), in the same transaction; the log row notes
 * them, so that undoing the answer unburies them.
 */
export async function answerCard(
  db: DockdeckDB,
  cardId: string,
  rating: RatingName,
  now: Date,
  opts: {
    durationMs: number;
    settings: AnswerSettings;
    kind?: AnswerLogRow['kind'];
    /**
     * The card's memory as the screen showed it (its intervals, its choice order): read again inside the transaction,
     * a card changed since (answered in another tab, say) is not graded again on a state the user never saw.
     */
    expected?: Partial<Memory>;
  },
): Promise<ReviewLogRow> {
  const { settings, expected } = opts;
  return db.transaction('rw', db.cards, db.reviewLogs, db.cardMarks, async () => {
    if (expected) {
      const card = await db.cards.get(cardId);
      if (!card) throw new CardNotFoundError(cardId);
      if (!memoryIs(card, expected)) throw new StaleCardError(cardId);
    }
    const answer = { cardId, rating, at: now, durationMs: opts.durationMs, kind: opts.kind ?? 'review' };
    const log = await applyAnswer(db, answer, (at, deckId) =>
      isUserSettings(settings) ? schedulerAt(settings, at, deckId) : settings,
    );
    if (!log) throw new CardNotFoundError(cardId);
    if (!isUserSettings(settings) || log.kind === 'cram' || log.kind === 'manual') return log;
    if (!presetOfDeck(settings.presets, log.deckId).burySiblings) return log;
    const day = dayWindow(now.getTime(), settings.study.dayStartHour);
    const buried = await burySiblings(db, cardId, day, now.getTime());
    if (buried.length === 0) return log;
    const withSiblings = { ...log, buriedSiblings: { ids: buried, until: day.end } };
    await db.reviewLogs.put(withSiblings);
    return withSiblings;
  });
}

/**
 * Buries the other cards of a card's note that today's session would show (new, or a review due today; not already
 * parked) until the day ends. A note's cards share its id as the start of theirs (`deck/note`, `deck/note:reverse`).
 */
async function burySiblings(db: DockdeckDB, cardId: string, day: DayWindow, now: number): Promise<string[]> {
  const card = await db.cards.get(cardId);
  if (!card) return [];
  const candidates = await db.cards
    .where('id')
    .startsWith(card.noteId)
    .filter(
      (c) =>
        c.noteId === card.noteId &&
        c.id !== cardId &&
        (c.state === CardState.New || (c.state === CardState.Review && c.due < day.end)),
    )
    .primaryKeys();
  if (candidates.length === 0) return [];
  const marks = await readMarks(db, candidates);
  const siblings = candidates.filter((id) => !isParked(marks.get(id) ?? {}, now));
  if (siblings.length === 0) return [];
  return (await buryCards(db, siblings, day.end, now)).map((c) => c.id);
}

/**
 * Takes an answer back: the card returns to its state before it and the log row goes, together. Refused unless the
 * card is still exactly as this answer left it: an answer given since (in another tab, say) is never taken back with it.
 */
export async function undoAnswer(db: DockdeckDB, logId: string, now: number): Promise<ReviewLogRow | undefined> {
  return db.transaction('rw', db.cards, db.reviewLogs, db.cardMarks, async () => {
    const log = await db.reviewLogs.get(logId);
    if (!log) return undefined;
    const card = await db.cards.get(log.cardId);
    if (card) {
      if (!memoryIs(card, log.after)) throw new UndoConflictError(card.id);
      await db.cards.put({ ...card, ...log.before, updatedAt: now });
    }
    await db.reviewLogs.delete(logId);
    const buried = 'buriedSiblings' in log ? log.buriedSiblings : undefined;
    if (buried) {
      // Only the siblings still buried by this answer: one the user has unburied or buried again since is left alone.
      const marks = await readMarks(db, buried.ids);
      const still = buried.ids.filter((id) => marks.get(id)?.buriedUntil === buried.until);
      await buryCards(db, still, null, now);
    }
    return log;
  });
}

export interface DeckCounts {
  deckId: string;
  total: number;
  new: number;
  learning: number;
  review: number;
}

/** Due counts for the deck list, with today's limits applied; counts use index ranges, not a table scan. */
export async function deckCounts(
  db: DockdeckDB,
  deckId: string,
  day: DayWindow,
  limits: QueueLimits,
): Promise<DeckCounts> {
  const [done, parked] = await Promise.all([
    doneInWindow(db, deckId, day, limitsDone(limits)),
    parkedCardRows(db, deckId, day.start),
  ]);
  const [total, fresh, learning, relearning, review] = await Promise.all([
    cardsOfDeck(db, deckId).count(),
    range(db, deckId, CardState.New).count(),
    range(db, deckId, CardState.Learning, day.end).count(),
    range(db, deckId, CardState.Relearning, day.end).count(),
    range(db, deckId, CardState.Review, day.end).count(),
  ]);
  // Index counts, less the few parked cards each range holds.
  const off = { new: 0, learning: 0, review: 0 };
  for (const r of parked.values()) {
    if (r.state === CardState.New) off.new++;
    else if (r.due < day.end) off[r.state === CardState.Review ? 'review' : 'learning']++;
  }
  return {
    deckId,
    total,
    new: Math.min(fresh - off.new, Math.max(0, limits.newPerDay - done.newCards)),
    learning: learning + relearning - off.learning,
    review: Math.min(review - off.review, Math.max(0, limits.reviewsPerDay - done.reviews)),
  };
}

/**
 * How many cards tomorrow's session will hold: everything due before the next study day ends, including what
 * is still left over from today (reviews and learning; new cards come on top).
 */
export async function dueNextDay(db: DockdeckDB, deckId: string, day: DayWindow): Promise<number> {
  const nextEnd = day.end + (day.end - day.start);
  const [review, learning, relearning] = await Promise.all([
    range(db, deckId, CardState.Review, nextEnd).count(),
    range(db, deckId, CardState.Learning, nextEnd).count(),
    range(db, deckId, CardState.Relearning, nextEnd).count(),
  ]);
  return review + learning + relearning;
}

/** New cards not yet introduced in a deck. */
export function newCardCount(db: DockdeckDB, deckId: string): Promise<number> {
  return range(db, deckId, CardState.New).count();
}

/** Every deck with today's counts, for the deck list (each deck's limits: its preset's). */
export async function deckList(
  db: DockdeckDB,
  day: DayWindow,
  limits: QueueLimits | ((deckId: string) => QueueLimits),
): Promise<Array<{ deck: DeckRow; counts: DeckCounts }>> {
  const decks = await db.decks.toArray();
  const limitsOf = typeof limits === 'function' ? limits : () => limits;
  const counts = await Promise.all(decks.map((d) => deckCounts(db, d.id, day, limitsOf(d.id))));
  return decks
    .map((deck, i) => ({ deck, counts: counts[i]! }))
    .sort((a, b) => a.deck.title.en.localeCompare(b.deck.title.en));
}
