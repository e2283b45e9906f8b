// Checks the built-in decks for what makes a deck a poor interview drill (issue #11): the same card twice, an
// answer given away by its question, multiple-choice answers that sit at one position, and the answer that is
// always the longest choice. Pure: decks in, findings out; `npm run decks:lint` prints them.
import { CHOICE_LETTERS } from '../../src/domain/choice-order.ts';
import type { Deck } from '../../src/domain/deck-schema';

export const LINT_RULES = ['duplicate', 'answer-in-question', 'mcq-position-skew', 'longest-choice'] as const;
export type LintRule = (typeof LINT_RULES)[number];

export interface LintFinding {
  rule: LintRule;
  deck: string;
  /** The card(s) it is about: `deckId/cardId`. */
  cards: string[];
  message: string;
}

/** Text for comparing: lower case, Markdown and punctuation out, white space folded (either language). */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/`|\*\*|__|\[|\]\([^)]*\)/g, ' ')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Card = Deck['cards'][number];

/** The question and answer a learner sees, in English, or null for a card kind that has no single answer. */
export function questionAnswer(card: Card): { q: string; a: string } | null {
  switch (card.type) {
    case 'basic':
    case 'reverse':
      return { q: card.front.en, a: card.back.en };
    case 'type-in':
      return { q: card.prompt.en, a: card.answer.en };
    case 'mcq':
      return { q: card.question.en, a: card.choices[card.answer]?.en ?? '' };
    default:
      return null;
  }
}

/** Each classify item as the question it is studied as: the item, answered by its category's label. */
function itemPairs(card: Card): Array<{ q: string; a: string }> {
  if (card.type !== 'classify') return [];
  const label = new Map(card.categories.map((c) => [c.id, c.label.en]));
  return card.items.map((i) => ({ q: i.text.en, a: label.get(i.category) ?? '' }));
}

function duplicates(decks: readonly Deck[]): LintFinding[] {
  const byKey = new Map<string, string[]>();
  for (const deck of decks)
    for (const card of deck.cards) {
      const qa = questionAnswer(card);
      for (const pair of qa ? [qa] : itemPairs(card)) {
        const key = `${normalise(pair.q)}\n${normalise(pair.a)}`;
        const ids = byKey.get(key) ?? [];
        if (!ids.includes(`${deck.id}/${card.id}`)) byKey.set(key, [...ids, `${deck.id}/${card.id}`]);
      }
    }
  return [...byKey.values()]
    .filter((ids) => ids.length > 1)
    .map((ids) => ({
      rule: 'duplicate' as const,
      deck: ids[0]!.split('/')[0]!,
      cards: ids,
      message: `the same question and answer: ${ids.join(', ')}`,
    }));
}

const CLOZE = /\{\{c(\d+)::([^]*?)(?:::[^]*?)?\}\}/g;

/** A cloze answer that the rest of its text (outside that number's blanks) says anyway. */
function clozeLeaks(deck: Deck, card: Card): LintFinding[] {
  if (card.type !== 'cloze') return [];
  const text = card.text.en;
  const answers = new Map<string, string>();
  for (const m of text.matchAll(CLOZE)) answers.set(m[1]!, m[2]!);
  const out: LintFinding[] = [];
  for (const [n, answer] of answers) {
    const a = normalise(answer);
    // The shown text of that study card: its own blanks hidden, the other numbers' answers shown.
    const shown = text.replace(CLOZE, (_, k: string, ans: string) => (k === n ? ' ' : ans));
    if (a.length >= 4 && a.split(' ').length <= 8 && ` ${normalise(shown)} `.includes(` ${a} `))
      out.push({
        rule: 'answer-in-question',
        deck: deck.id,
        cards: [`${deck.id}/${card.id}`],
        message: `the answer "${answer}" of c${n} is in the rest of the text`,
      });
  }
  return out;
}

/** An answer of a few words or more that appears word for word in its own question. */
function leaks(deck: Deck): LintFinding[] {
  const out: LintFinding[] = [];
  for (const card of deck.cards) {
    out.push(...clozeLeaks(deck, card));
    const qa = questionAnswer(card);
    if (!qa) continue;
    const a = normalise(qa.a);
    if (a.length < 4 || a.split(' ').length > 8) continue;
    if (` ${normalise(qa.q)} `.includes(` ${a} `))
      out.push({
        rule: 'answer-in-question',
        deck: deck.id,
        cards: [`${deck.id}/${card.id}`],
        message: `the answer "${qa.a}" is in the question`,
      });
  }
  return out;
}

/** More than half of a deck's mcq answers at one position (from 4 mcq cards up). */
function positionSkew(deck: Deck): LintFinding[] {
  const mcqs = deck.cards.filter((c) => c.type === 'mcq');
  if (mcqs.length < 4) return [];
  const at = new Map<number, number>();
  for (const c of mcqs) at.set(c.answer, (at.get(c.answer) ?? 0) + 1);
  const [pos, n] = [...at].sort((a, b) => b[1] - a[1])[0]!;
  if (n * 2 <= mcqs.length) return [];
  return [
    {
      rule: 'mcq-position-skew',
      deck: deck.id,
      cards: mcqs.filter((c) => c.answer === pos).map((c) => `${deck.id}/${c.id}`),
      message: `${n} of ${mcqs.length} multiple-choice answers are choice ${CHOICE_LETTERS[pos]} in the file`,
    },
  ];
}

/** The answer is the longest choice by a clear margin (a third longer than any other): a guessable tell. */
function longestChoice(deck: Deck): LintFinding[] {
  const out: LintFinding[] = [];
  for (const card of deck.cards) {
    if (card.type !== 'mcq') continue;
    const lengths = card.choices.map((c) => c.en.length);
    const answer = lengths[card.answer] ?? 0;
    const others = lengths.filter((_, i) => i !== card.answer);
    if (others.length > 0 && answer > Math.max(...others) * (4 / 3))
      out.push({
        rule: 'longest-choice',
        deck: deck.id,
        cards: [`${deck.id}/${card.id}`],
        message: `the answer is much the longest choice (${answer} characters, the others at most ${Math.max(...others)})`,
      });
  }
  return out;
}

export function lintDecks(decks: readonly Deck[]): LintFinding[] {
  return [...duplicates(decks), ...decks.flatMap((d) => [...leaks(d), ...positionSkew(d), ...longestChoice(d)])];
}

const STOP = new Set(
  'the and what which does for with that are its from how why into this was were has have can one who when where'.split(
    ' ',
  ),
);

/** The content words of a card's question and answer (English, three letters or more). */
function words(card: Card): Set<string> | null {
  const qa = questionAnswer(card) ?? (card.type === 'cloze' ? { q: card.text.en, a: '' } : null);
  if (!qa) return null;
  const out = new Set<string>();
  for (const w of normalise(`${qa.q} ${qa.a}`).split(' ')) if (w.length >= 3 && !STOP.has(w)) out.add(w);
  return out;
}

/**
 * Pairs of cards, in any decks, whose question and answer share most of their content words (Jaccard index at least
 * `threshold`): likely the same fact asked twice in other words. A report for a reader, not a failure: "the same
 * words" is not always "the same fact" (a term and its reverse, a list with one item blanked per card).
 */
export function similarCards(
  decks: readonly Deck[],
  threshold = 0.6,
): Array<{ a: string; b: string; overlap: number }> {
  const items: Array<{ id: string; w: Set<string> }> = [];
  for (const deck of decks)
    for (const card of deck.cards) {
      const w = words(card);
      if (w && w.size >= 4) items.push({ id: `${deck.id}/${card.id}`, w });
    }
  const out: Array<{ a: string; b: string; overlap: number }> = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const { w: x } = items[i]!;
      const { w: y } = items[j]!;
      let both = 0;
      for (const t of x) if (y.has(t)) both++;
      const overlap = both / (x.size + y.size - both);
      if (overlap >= threshold)
        out.push({ a: items[i]!.id, b: items[j]!.id, overlap: Math.round(overlap * 100) / 100 });
    }
  return out.sort((p, q) => q.overlap - p.overlap);
}
