// What every card a query matches must have that an IndexedDB index can find first, so that `deck:X is:due` over
// 100,000 cards reads a few ranges instead of the whole table; the caller reads those, then runs `matches` on them.
import { DEFAULT_QUEUE_LIMITS } from '../queue';
import { CardState, type CardStateValue } from '../scheduler';
import { literalName, literalPrefix } from './glob';
import { decksNamed, studyDayStart } from './match';
import type { Operator, SearchNode, SearchQuery } from './query';
import type { SearchContext } from './search-card';

/**
 * Necessary conditions of a match; an absent field is "anything". Each one alone holds for every matching card, so
 * the caller may narrow by any of them (and must still test each card read with `matches`):
 * - `deckIds`, `states` and `due` together are ranges of the `[deckId+state+due]` index (`due` without `states` means
 *   every state; a card's `due` is when it was added while it is new);
 * - `tags`, the multi-entry `*tags` index, ignoring case: a tag equal to one of `equals` or starting with one of
 *   `startsWith` (lower case);
 * - `parked`: the card is suspended or buried (read from the small `cardMarks` table);
 * - `answeredSince`: the card has a review-log entry at or after this time (the log's `review` index gives the ids).
 * An empty `deckIds` or `states` means no card can match. `deckIds` assumes every card's deck is in
 * `ctx.deckTitles` (a negated `deck:` names the other decks).
 */
export interface IndexHint {
  deckIds?: readonly string[];
  states?: readonly CardStateValue[];
  /** `from` inclusive, `below` exclusive (epoch ms). */
  due?: { from?: number; below?: number };
  tags?: { equals: readonly string[]; startsWith: readonly string[] };
  parked?: true;
  answeredSince?: number;
}

export type HintContext = Pick<SearchContext, 'now' | 'day' | 'deckTitles' | 'learnAheadMs'>;

const ALL_STATES: readonly CardStateValue[] = [
  CardState.New,
  CardState.Learning,
  CardState.Review,
  CardState.Relearning,
];
const STUDIED: readonly CardStateValue[] = [CardState.Learning, CardState.Review, CardState.Relearning];
const STATES_OF: Partial<Record<string, readonly CardStateValue[]>> = {
  new: [CardState.New],
  learn: [CardState.Learning, CardState.Relearning],
  review: [CardState.Review, CardState.Relearning],
  due: STUDIED,
};

const sorted = <T extends string | number>(xs: Iterable<T>): T[] =>
  [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const intersect = <T extends string | number>(a: readonly T[], b: readonly T[]) => a.filter((x) => b.includes(x));

function dueRange(op: Operator, n: number, ctx: HintContext): IndexHint['due'] {
  const from = studyDayStart(n, ctx.day);
  const to = studyDayStart(n + 1, ctx.day);
  switch (op) {
    case '<':
      return { below: from };
    case '<=':
      return { below: to };
    case '>':
      return { from: to };
    case '>=':
      return { from };
    case '=':
      return { from, below: to };
    case '!=':
      return undefined;
  }
}

function tagHint(pattern: string): IndexHint['tags'] {
  if (pattern.toLowerCase() === 'none') return undefined;
  const exact = literalName(pattern);
  if (exact !== undefined) return { equals: [exact.toLowerCase()], startsWith: [`${exact.toLowerCase()}::`] };
  const prefix = literalPrefix(pattern);
  return prefix ? { equals: [], startsWith: [prefix.toLowerCase()] } : undefined;
}

function leafHint(node: SearchNode, ctx: HintContext): IndexHint {
  switch (node.kind) {
    case 'deck':
      return { deckIds: sorted(decksNamed(node.pattern, ctx)) };
    case 'tag': {
      const tags = tagHint(node.pattern);
      return tags ? { tags } : {};
    }
    case 'is': {
      if (node.value === 'suspended' || node.value === 'buried') return { parked: true };
      const states = STATES_OF[node.value];
      if (node.value !== 'due') return states ? { states } : {};
      // Review cards due before the day ends, learning cards due before the learn-ahead limit.
      const ahead = ctx.now + (ctx.learnAheadMs ?? DEFAULT_QUEUE_LIMITS.learnAheadMs) + 1;
      return { states: STUDIED, due: { below: Math.max(ctx.day.end, ahead) } };
    }
    case 'prop': {
      if (node.name === 'due') {
        const due = dueRange(node.op, node.value, ctx);
        return due ? { states: STUDIED, due } : { states: STUDIED };
      }
      return node.name === 's' || node.name === 'd' || node.name === 'r' ? { states: STUDIED } : {};
    }
    case 'rated':
      return { answeredSince: studyDayStart(1 - node.days, ctx.day) };
    default:
      return {};
  }
}

function both(a: IndexHint, b: IndexHint): IndexHint {
  const out: IndexHint = { ...a, ...b };
  if (a.deckIds && b.deckIds) out.deckIds = intersect(a.deckIds, b.deckIds);
  if (a.states && b.states) out.states = intersect(a.states, b.states);
  if (a.due && b.due) {
    const from = Math.max(a.due.from ?? -Infinity, b.due.from ?? -Infinity);
    const below = Math.min(a.due.below ?? Infinity, b.due.below ?? Infinity);
    out.due = { ...(from > -Infinity ? { from } : {}), ...(below < Infinity ? { below } : {}) };
  }
  // Two tag conditions both hold; either one is a range to read.
  if (a.tags) out.tags = a.tags;
  if (a.answeredSince !== undefined && b.answeredSince !== undefined) {
    out.answeredSince = Math.max(a.answeredSince, b.answeredSince);
  }
  return out;
}

function either(a: IndexHint, b: IndexHint): IndexHint {
  const out: IndexHint = {};
  if (a.deckIds && b.deckIds) out.deckIds = sorted([...a.deckIds, ...b.deckIds]);
  if (a.states && b.states) out.states = sorted([...a.states, ...b.states]);
  // A side with no due bound may be any state's due: the bound is only kept when both sides have it.
  if (a.due && b.due) {
    const from = Math.min(a.due.from ?? -Infinity, b.due.from ?? -Infinity);
    const below = Math.max(a.due.below ?? Infinity, b.due.below ?? Infinity);
    if (from > -Infinity || below < Infinity) {
      out.due = { ...(from > -Infinity ? { from } : {}), ...(below < Infinity ? { below } : {}) };
    }
  }
  if (a.tags && b.tags) {
    out.tags = {
      equals: sorted([...a.tags.equals, ...b.tags.equals]),
      startsWith: sorted([...a.tags.startsWith, ...b.tags.startsWith]),
    };
  }
  if (a.parked && b.parked) out.parked = true;
  if (a.answeredSince !== undefined && b.answeredSince !== undefined) {
    out.answeredSince = Math.min(a.answeredSince, b.answeredSince);
  }
  return out;
}

/** A negation narrows only what is exactly a set: the other decks, the other states. */
function negated(child: SearchNode, ctx: HintContext): IndexHint {
  if (child.kind === 'deck') {
    const named = decksNamed(child.pattern, ctx);
    return { deckIds: sorted([...ctx.deckTitles.keys()].filter((id) => !named.has(id))) };
  }
  if (child.kind === 'is' && (child.value === 'new' || child.value === 'learn' || child.value === 'review')) {
    const states = STATES_OF[child.value]!;
    return { states: ALL_STATES.filter((s) => !states.includes(s)) };
  }
  return {};
}

function hintOf(node: SearchNode, ctx: HintContext): IndexHint {
  switch (node.kind) {
    case 'and':
      return node.children.map((c) => hintOf(c, ctx)).reduce(both, {});
    case 'or': {
      const [first, ...rest] = node.children.map((c) => hintOf(c, ctx));
      return rest.reduce(either, first ?? {});
    }
    case 'not':
      return negated(node.child, ctx);
    default:
      return leafHint(node, ctx);
  }
}

/** What any card matching `query` must satisfy that an index can narrow first; `{}` when nothing can. */
export function indexHint(query: SearchQuery, ctx: HintContext): IndexHint {
  return hintOf(query, ctx);
}

/** The earliest review-log time `rated:` terms look at, so the caller reads the log from there; null if none does. */
export function ratingsSince(query: SearchQuery, ctx: Pick<SearchContext, 'day'>): number | null {
  switch (query.kind) {
    case 'and':
    case 'or':
      return query.children.reduce<number | null>((min, c) => {
        const t = ratingsSince(c, ctx);
        return t === null ? min : min === null ? t : Math.min(min, t);
      }, null);
    case 'not':
      return ratingsSince(query.child, ctx);
    case 'rated':
      return studyDayStart(1 - query.days, ctx.day);
    default:
      return null;
  }
}
