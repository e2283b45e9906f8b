// Whether a card matches a query, as Anki's search decides it: compiled once per query and context, then run per card.
import { default_w, forgetting_curve } from 'ts-fsrs';
import { DAY_MS } from '../day';
import { DEFAULT_QUEUE_LIMITS } from '../queue';
import { CardState, type RatingName } from '../scheduler';
import { foldText, nameMatcher, textMatcher } from './glob';
import type { IsValue, Operator, PropName, SearchNode, SearchQuery } from './query';
import type { SearchCard, SearchContext } from './search-card';

type Test = (card: SearchCard) => boolean;

const RATING_NUMBER: Record<RatingName, number> = { again: 1, hard: 2, good: 3, easy: 4 };

/**
 * The first moment of study day `n` counted from today (0 today, 1 tomorrow, -1 yesterday). Today's bounds are the
 * context's own, so the days next to today are exact across a DST change; further days are 24 hours long.
 */
export function studyDayStart(n: number, day: SearchContext['day']): number {
  return n >= 1 ? day.end + (n - 1) * DAY_MS : day.start + n * DAY_MS;
}

/** `value op n` for the operators of `prop:`. */
export function compare(op: Operator, value: number, n: number): boolean {
  switch (op) {
    case '<':
      return value < n;
    case '<=':
      return value <= n;
    case '>':
      return value > n;
    case '>=':
      return value >= n;
    case '=':
      return value === n;
    case '!=':
      return value !== n;
  }
}

/** `prop:due op n`, on the due time itself: `due < n` is "due before the start of day n". */
export function dueInDays(op: Operator, due: number, n: number, day: SearchContext['day']): boolean {
  const from = studyDayStart(n, day);
  const to = studyDayStart(n + 1, day);
  switch (op) {
    case '<':
      return due < from;
    case '<=':
      return due < to;
    case '>':
      return due >= to;
    case '>=':
      return due >= from;
    case '=':
      return due >= from && due < to;
    case '!=':
      return due < from || due >= to;
  }
}

const isLearning = (c: SearchCard) => c.state === CardState.Learning || c.state === CardState.Relearning;
const isBuried = (c: SearchCard, now: number) => c.buriedUntil !== undefined && c.buriedUntil > now;
/** Suspended and buried cards are out of every queue: not due, and with no due day (Anki's `queue < 0`). */
const isParked = (c: SearchCard, now: number) => c.suspended === true || isBuried(c, now);

/**
 * FSRS retrievability now, as ts-fsrs's `get_retrievability` (and so scheduler.ts's `retrievability`) computes it:
 * the forgetting curve at the whole days since the last review. Undefined for a card with no memory yet.
 */
export function retrievabilityNow(
  card: SearchCard,
  now: number,
  weights: readonly number[] = default_w,
): number | undefined {
  if (card.state === CardState.New || card.lastReview === null) return undefined;
  const days = Math.max(0, Math.floor((now - card.lastReview) / DAY_MS));
  return forgetting_curve(weights, days, +card.stability.toFixed(8));
}

/** Anki's `is:due`: a review card due today, or a learning card due now (or within the learn-ahead limit). */
function isDue(c: SearchCard, ctx: SearchContext): boolean {
  if (isParked(c, ctx.now)) return false;
  if (c.state === CardState.Review) return c.due < ctx.day.end;
  if (!isLearning(c)) return false;
  // A learning step of a day or more is due on its day, as Anki's interday learning cards.
  if (c.scheduledDays >= 1 && c.due < ctx.day.end) return true;
  return c.due <= ctx.now + (ctx.learnAheadMs ?? DEFAULT_QUEUE_LIMITS.learnAheadMs);
}

function isTest(value: IsValue, ctx: SearchContext): Test {
  switch (value) {
    case 'new':
      return (c) => c.state === CardState.New;
    // As Anki's: a lapsed card in relearning is both in learning and a review card.
    case 'learn':
      return isLearning;
    case 'review':
      return (c) => c.state === CardState.Review || c.state === CardState.Relearning;
    case 'due':
      return (c) => isDue(c, ctx);
    case 'suspended':
      return (c) => c.suspended === true;
    case 'buried':
      return (c) => isBuried(c, ctx.now);
    case 'flagged':
      return (c) => (c.flag ?? 0) > 0;
  }
}

/** `prop:`: stability, difficulty and retrievability exist only once a card has been studied (Anki: FSRS memory). */
function propTest(name: PropName, op: Operator, n: number, ctx: SearchContext): Test {
  const studied = (c: SearchCard) => c.state !== CardState.New;
  switch (name) {
    case 'ivl':
      return (c) => compare(op, c.scheduledDays, n);
    case 'reps':
      return (c) => compare(op, c.reps, n);
    case 'lapses':
      return (c) => compare(op, c.lapses, n);
    case 'due':
      return (c) => studied(c) && !isParked(c, ctx.now) && dueInDays(op, c.due, n, ctx.day);
    case 's':
      return (c) => studied(c) && compare(op, c.stability, n);
    // Difficulty as Anki shows and searches it: FSRS's 1–10 as 0–1, (D − 1) / 9; compared as Anki does, on D.
    case 'd':
      return (c) => studied(c) && compare(op, c.difficulty, n * 9 + 1);
    case 'r':
      return (c) => {
        const r = retrievabilityNow(c, ctx.now, ctx.weightsOf?.(c.deckId));
        return r !== undefined && compare(op, r, n);
      };
  }
}

/** The set of deck ids a `deck:` pattern names, by id or by either title. */
export function decksNamed(pattern: string, ctx: Pick<SearchContext, 'deckTitles'>): Set<string> {
  const m = nameMatcher(pattern);
  const ids = new Set<string>();
  for (const [id, title] of ctx.deckTitles) if (m(id) || m(title.en) || m(title.zh)) ids.add(id);
  return ids;
}

function compileNode(node: SearchNode, ctx: SearchContext, fold: (c: SearchCard) => string): Test {
  switch (node.kind) {
    case 'and': {
      const tests = node.children.map((c) => compileNode(c, ctx, fold));
      return (card) => tests.every((t) => t(card));
    }
    case 'or': {
      const tests = node.children.map((c) => compileNode(c, ctx, fold));
      return (card) => tests.some((t) => t(card));
    }
    case 'not': {
      const test = compileNode(node.child, ctx, fold);
      return (card) => !test(card);
    }
    case 'text': {
      const m = textMatcher(node.pattern);
      return (card) => m(fold(card));
    }
    case 'deck': {
      const ids = decksNamed(node.pattern, ctx);
      // A card whose deck the context does not know is still found by its deck id.
      const m = nameMatcher(node.pattern);
      return (card) => ids.has(card.deckId) || (!ctx.deckTitles.has(card.deckId) && m(card.deckId));
    }
    case 'tag': {
      // As Anki's: `tag:none` is a card with no tags.
      if (node.pattern.toLowerCase() === 'none') return (card) => card.tags.length === 0;
      const m = nameMatcher(node.pattern);
      return (card) => card.tags.some(m);
    }
    case 'is':
      return isTest(node.value, ctx);
    case 'flag':
      return (card) => (card.flag ?? 0) === node.value;
    case 'rated': {
      // As Anki's: `rated:1` is today, `rated:2` today and yesterday, counted in study days.
      const since = studyDayStart(1 - node.days, ctx.day);
      const ease = node.ease;
      return (card) =>
        ctx.ratings(card.id).some((r) => r.review >= since && (ease === undefined || RATING_NUMBER[r.rating] === ease));
    }
    case 'added': {
      const since = studyDayStart(1 - node.days, ctx.day);
      return (card) => card.createdAt >= since;
    }
    case 'prop':
      return propTest(node.name, node.op, node.value, ctx);
    case 'type':
      return (card) => card.type === node.value;
  }
}

/**
 * The query as a test of cards, for one context: deck names, day bounds and patterns are worked out once. Free text is
 * folded once per card (or taken from `card.folded`), however many text terms the query has.
 */
export function compileQuery(query: SearchQuery, ctx: SearchContext): (card: SearchCard) => boolean {
  let last: SearchCard | undefined;
  let lastFolded = '';
  const fold = (card: SearchCard) => {
    if (card !== last) {
      last = card;
      lastFolded = card.folded ?? foldText(card.texts);
    }
    return lastFolded;
  };
  return compileNode(query, ctx, fold);
}

/** Whether one card matches; for many cards, `compileQuery` once and run it on each. */
export function matches(card: SearchCard, query: SearchQuery, ctx: SearchContext): boolean {
  return compileQuery(query, ctx)(card);
}
