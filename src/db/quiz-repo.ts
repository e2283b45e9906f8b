// Quiz reads and writes: scope ids through indexes, a seeded sample of big scopes, and each finished attempt written in
// one transaction with the schedule updates it makes (card + review log per answer, through applyAnswer).
import Dexie from 'dexie';
import type { Text } from '../domain/deck-schema';
import { MAX_QUESTIONS, type QuizSource } from '../domain/quiz/generate';
import { cardListQueue } from '../domain/quiz/card-list-queue';
import { quizReviews } from '../domain/quiz/marking';
import { restoreQuizPrefs, type QuizPrefs } from '../domain/quiz/quiz-prefs';
import { attemptQuestionSchema, attemptScopeSchema, type QuizScope } from '../domain/quiz/quiz-schema';
import { rng, sampleIndexes, subSeed } from '../domain/quiz/random';
import { summarizeAttempt } from '../domain/quiz/summary';
import { CardState } from '../domain/scheduler';
import { schedulerAt, type Settings } from '../domain/settings';
import { isParked } from '../domain/marks';
import type { CardRow, DockdeckDB, MarkedCard, QuizAttemptRow } from './database';
import { cardsOfDeck } from './deck-cards';
import { markedCards } from './marks-table';
import { applyAnswer, type QueueSnapshot } from './review-repo';

/** Scopes up to this size are read whole: every sibling is a candidate distractor. */
export const FULL_LOAD_MAX = 1500;
/** Bigger scopes are read as a seeded sample of this many cards per question asked (at least SAMPLE_MIN). */
const SAMPLE_PER_QUESTION = 12;
const SAMPLE_MIN = 600;

const STUDIED = [CardState.Learning, CardState.Review, CardState.Relearning];

/** The ids of the cards in scope, read from indexes only (no card rows), in index order. */
export function scopeCardIds(db: DockdeckDB, scope: QuizScope): Promise<string[]> {
  return db.transaction('r', db.cards, db.decks, async () => {
    let lists: string[][];
    if (scope.kind === 'decks') {
      lists = await Promise.all(scope.deckIds.map((d) => cardsOfDeck(db, d).primaryKeys()));
    } else if (scope.kind === 'tags') {
      lists = await Promise.all(scope.tags.map((t) => db.cards.where('tags').equals(t).primaryKeys()));
    } else {
      const decks = await db.decks.toCollection().primaryKeys();
      lists = await Promise.all(
        decks.flatMap((d) =>
          STUDIED.map((s) =>
            db.cards.where('[deckId+state+due]').between([d, s, Dexie.minKey], [d, s, Dexie.maxKey]).primaryKeys(),
          ),
        ),
      );
    }
    if (lists.length === 1) return lists[0]!;
    return [...new Set(lists.flat())];
  });
}

function inScope(row: CardRow, scope: QuizScope): boolean {
  if (scope.kind === 'decks') return scope.deckIds.includes(row.deckId);
  if (scope.kind === 'tags') return row.tags.some((t) => scope.tags.includes(t));
  return row.state !== CardState.New;
}

export interface LoadedScope {
  source: QuizSource;
  /** Cards in scope (estimated from the decks' position ranges when sampled by position). */
  scopeSize: number;
  /** True when the scope was too big to read whole and a seeded sample was read. */
  sampled: boolean;
}

/**
 * A seeded sample of a big deck scope read without its ids: random positions within each deck's range of positions,
 * looked up through the [deckId+position] index (a position with no card, after a deck lost cards, is skipped).
 * Null when the decks hold at most `wholeMax` positions: such a scope is read whole, by id.
 */
async function sampleByPosition(
  db: DockdeckDB,
  deckIds: readonly string[],
  size: number,
  wholeMax: number,
  rand: () => number,
) {
  const spans = await Promise.all(
    deckIds.map(async (deckId) => {
      const range = () => db.cards.where('[deckId+position]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]);
      const [first, last] = await Promise.all([range().limit(1).keys(), range().reverse().limit(1).keys()]);
      const lo = (first[0] as [string, number] | undefined)?.[1] ?? 0;
      const hi = (last[0] as [string, number] | undefined)?.[1] ?? -1;
      return { deckId, lo, count: Math.max(0, hi - lo + 1) };
    }),
  );
  const total = spans.reduce((n, s) => n + s.count, 0);
  if (total <= wholeMax) return null;
  const keys = sampleIndexes(total, size, rand).map((offset) => {
    let i = 0;
    while (offset >= spans[i]!.count) offset -= spans[i++]!.count;
    return [spans[i]!.deckId, spans[i]!.lo + offset];
  });
  const rows = await Promise.all(keys.map((k) => db.cards.where('[deckId+position]').equals(k).first()));
  return { rows: rows.filter((r): r is CardRow => r !== undefined), total };
}

/**
 * What a quiz is generated from: the cards in scope, or above FULL_LOAD_MAX a sample chosen with the quiz seed (so a
 * replay reads the same sample), and their decks' trait tables. A deck scope is sampled by position, without reading
 * its 100,000 ids; a tag or "studied" scope reads its ids through the indexes, then samples them. Table rows of a
 * sampled scope are added whole, so a table's open question keeps all its rows.
 */
export async function loadQuizSource(
  db: DockdeckDB,
  scope: QuizScope,
  seed: number,
  length: number,
): Promise<LoadedScope> {
  const want = length > 0 ? Math.min(length, MAX_QUESTIONS) : MAX_QUESTIONS;
  const size = Math.max(SAMPLE_MIN, want * SAMPLE_PER_QUESTION);
  const wholeMax = Math.max(FULL_LOAD_MAX, size);
  const rand = rng(subSeed(seed, 'sample'));
  return db.transaction('r', db.cards, db.decks, async () => {
    let rows: CardRow[];
    let scopeSize: number;
    let sampled: boolean;
    const byPosition = scope.kind === 'decks' ? await sampleByPosition(db, scope.deckIds, size, wholeMax, rand) : null;
    if (byPosition) {
      ({ rows, total: scopeSize } = byPosition);
      sampled = true;
    } else {
      const ids = await scopeCardIds(db, scope);
      sampled = ids.length > wholeMax;
      const pick = sampled ? sampleIndexes(ids.length, size, rand).map((i) => ids[i]!) : ids;
      rows = (await db.cards.bulkGet(pick)).filter((r): r is CardRow => r !== undefined);
      scopeSize = ids.length;
    }
    const deckIds = [...new Set(rows.map((r) => r.deckId))].sort();
    const decks = (await db.decks.bulkGet(deckIds)).filter((d) => d !== undefined);
    if (sampled) {
      const have = new Set(rows.map((r) => r.id));
      const rowIds = decks.flatMap((d) => d.tables.flatMap((t) => t.rows.map((r) => `${d.id}/table:${t.id}/${r.id}`)));
      const extra = await db.cards.bulkGet(rowIds.filter((id) => !have.has(id)));
      for (const r of extra) if (r && inScope(r, scope)) rows.push(r);
    }
    return {
      source: {
        cards: rows,
        decks: decks.map((d) => ({
          id: d.id,
          title: d.title,
          tables: d.tables,
          ...(d.interviews ? { interviews: d.interviews } : {}),
          ...(d.textFormat ? { textFormat: d.textFormat } : {}),
        })),
      },
      scopeSize,
      sampled,
    };
  });
}

/** The cards of a scope with their memory, for the readiness prediction. */
export async function loadScopeCards(db: DockdeckDB, scope: QuizScope): Promise<CardRow[]> {
  const ids = await scopeCardIds(db, scope);
  return (await db.cards.bulkGet(ids)).filter((r): r is CardRow => r !== undefined);
}

/**
 * Stores a finished attempt. When its config says so, each answer is also a review, written by applyAnswer as the
 * daily review's are (graded as stored now, never before its last review), in the order answered, with kind 'quiz'. A card
 * answered twice in a day is graded twice, and ts-fsrs treats the second as a short-term review. Everything or
 * nothing is written.
 */
export async function saveAttempt(
  db: DockdeckDB,
  attempt: QuizAttemptRow,
  settings: Settings,
): Promise<{ reviews: number }> {
  const reviews = attempt.scope.config.updateSchedule ? quizReviews(attempt.questions) : [];
  return db.transaction('rw', db.quizAttempts, db.cards, db.reviewLogs, async () => {
    let written = 0;
    for (const r of reviews) {
      const answer = {
        cardId: r.cardId,
        rating: r.rating,
        at: new Date(r.at),
        durationMs: r.durationMs,
        kind: 'quiz' as const,
      };
      // A card deleted since the quiz was generated is left out.
      if (await applyAnswer(db, answer, (at, deckId) => schedulerAt(settings, at, deckId))) written++;
    }
    await db.quizAttempts.add(attempt);
    return { reviews: written };
  });
}

/** A stored attempt passes through the schemas; a damaged row is left out rather than breaking the screen. */
function restoreAttempt(row: QuizAttemptRow | undefined): QuizAttemptRow | undefined {
  if (!row || !attemptScopeSchema.safeParse(row.scope).success) return undefined;
  if (!Array.isArray(row.questions) || !row.questions.every((q) => attemptQuestionSchema.safeParse(q).success))
    return undefined;
  return row;
}

export async function getAttempt(db: DockdeckDB, id: string): Promise<QuizAttemptRow | undefined> {
  return restoreAttempt(await db.quizAttempts.get(id));
}

/** Every attempt, oldest first. */
export async function listAttempts(db: DockdeckDB): Promise<QuizAttemptRow[]> {
  const rows = await db.quizAttempts.orderBy('startedAt').toArray();
  return rows.map(restoreAttempt).filter((r) => r !== undefined);
}

export async function readQuizPrefs(db: DockdeckDB): Promise<QuizPrefs> {
  return restoreQuizPrefs((await db.settings.get('quiz'))?.value);
}

export async function writeQuizPrefs(db: DockdeckDB, prefs: QuizPrefs, now: number): Promise<void> {
  await db.settings.put({ key: 'quiz', value: prefs, updatedAt: now });
}

/** Decks and tags to choose a scope from. */
export async function scopeChoices(
  db: DockdeckDB,
): Promise<{ decks: Array<{ id: string; title: Text }>; tags: string[] }> {
  const [decks, tags] = await Promise.all([db.decks.toArray(), db.cards.orderBy('tags').uniqueKeys()]);
  return {
    decks: decks.map((d) => ({ id: d.id, title: d.title })).sort((a, b) => a.title.en.localeCompare(b.title.en)),
    tags: (tags as string[]).slice().sort(),
  };
}

/** The cards of a custom review: an attempt's mistakes, or one day of the interview plan. */
export async function customReviewIds(db: DockdeckDB, source: 'mistakes' | 'plan', key: string): Promise<string[]> {
  if (source === 'mistakes') {
    const attempt = await getAttempt(db, key);
    return attempt ? summarizeAttempt(attempt.questions).mistakeCardIds : [];
  }
  const prefs = await readQuizPrefs(db);
  return prefs.plan?.days.find((d) => d.day === key)?.cardIds ?? [];
}

/** The review queue over a fixed list of cards (see card-list-queue.ts), read by id, with every listed card's row. */
export async function loadCardListQueue(
  db: DockdeckDB,
  ids: readonly string[],
  now: number,
  answered: readonly string[],
  learnAheadMs: number,
): Promise<QueueSnapshot> {
  // A card suspended or buried during the session (or before) is left out, as in the daily queue.
  const rows = (await markedCards(db, ids)).filter((r): r is MarkedCard => r !== undefined && !isParked(r, now));
  const cards = new Map(rows.map((r) => [r.id, r]));
  const queue = cardListQueue({ now, learnAheadMs, ids, rows: cards, answered: new Set(answered) });
  return { queue, cards, doneToday: { newCards: 0, reviews: 0 } };
}
