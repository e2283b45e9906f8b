// Distractor choice: wrong options drawn from sibling cards (same deck, tag or trait-table column), never the answer
// again, never a duplicate, never one that gives itself away. Seeded, so a quiz replays with the same options.
import type { QuizCard, NormText } from './facts';
import type { Text } from './quiz-schema';
import { shuffle, type Rng } from './random';

export interface Candidate {
  text: Text;
  norm: NormText;
  /** Lower is closer to the question: tiers are tried in order, each one shuffled. */
  tier: number;
}

/**
 * How close a sibling card is to the question's card, as a tier, or null when it is not a sibling:
 * 0 = same deck and a shared tag or source section, 1 = same deck, 2 = another deck with a shared tag.
 * Cards of the same note (the other gaps of a cloze, the reverse of a card) are never siblings: their answers
 * are printed in the question, or are the question.
 */
export function siblingTier(question: QuizCard, other: QuizCard): number | null {
  if (question.noteId === other.noteId) return null;
  const sharesTag = question.tags.some((t) => other.tags.includes(t));
  if (question.deckId === other.deckId) return sharesTag || question.source.section === other.source.section ? 0 : 1;
  return sharesTag ? 2 : null;
}

/**
 * What kind of answer a text is, so that a distractor is of the answer's kind: a quantity (a number, a version, a
 * year, a duration: `1 s`, `2.6.20`, `1979`) only beside quantities, and otherwise a single word, a short term (two
 * or three words) or a phrase.
 */
export type AnswerShape = 'quantity' | 'word' | 'term' | 'phrase';

const QUANTITY =
  /^(?:about |around |over |under |up to |at least |at most |~|<|>)?v?\d[\d.,: ]*(?: ?[-–] ?\d[\d.,: ]*)? ?(?:[a-z%]{1,12}|[a-z]{1,12} [a-z]{1,12})?$/;

export function answerShape(norm: NormText): AnswerShape {
  const en = norm.en.trim();
  if (QUANTITY.test(en)) return 'quantity';
  const words = en.split(' ').length;
  return words === 1 ? 'word' : words <= 3 ? 'term' : 'phrase';
}

const SHAPES: readonly AnswerShape[] = ['word', 'term', 'phrase'];

/**
 * How far a candidate's kind is from the answer's, added to its tier (or null: never offered). A quantity is only
 * ever offered beside a quantity; words, terms and phrases may stand in for each other, the nearer kind first.
 */
export function shapeDistance(answer: AnswerShape, other: AnswerShape): number | null {
  if ((answer === 'quantity') !== (other === 'quantity')) return null;
  if (answer === 'quantity') return 0;
  return Math.abs(SHAPES.indexOf(answer) - SHAPES.indexOf(other)) * SHAPE_STEP;
}

/** Tiers of closeness by deck and tag run 0–2; a candidate of another kind comes after all of the answer's kind. */
export const SHAPE_STEP = 3;

/** Longer than this many times another option (and more than GIVEAWAY_CHARS longer) an option stands out as wrong. */
const GIVEAWAY_RATIO = 4;
const GIVEAWAY_CHARS = 20;
/**
 * An option inside another with at most NEAR_EXTRA_CHARS more is a near-duplicate (`cgroup` / `cgroups`,
 * `cgroups` / `cgroups v2`): both could be taken for right. Longer differences are kept: "needs X" / "does not need
 * X" is the contrast a table is made of, and one letter apart ("MB" / "GB") can be all the difference.
 */
const NEAR_EXTRA_CHARS = 3;
const NEAR_MIN = 4;

function squeeze(s: string): string {
  return s.replace(/ /g, '');
}

/**
 * Whether `d` may stand beside `answer` in one language (both normalised). The near-duplicate test is for English
 * only: in Chinese one added character is often a negation (需要 / 不需要), the very contrast that makes a question.
 */
function fairBeside(d: string, answer: string, lang: 'en' | 'zh'): boolean {
  if (d === '' || squeeze(d) === squeeze(answer)) return false;
  const [short, long] = d.length <= answer.length ? [d, answer] : [answer, d];
  if (
    lang === 'en' &&
    short.length >= NEAR_MIN &&
    long.length - short.length <= NEAR_EXTRA_CHARS &&
    long.includes(short)
  )
    return false;
  return !(long.length > GIVEAWAY_RATIO * short.length && long.length - short.length > GIVEAWAY_CHARS);
}

/**
 * Whether a distractor is fair: not empty, not the answer (in either language, ignoring case, spacing and
 * punctuation), not a near-duplicate of it, not of a give-away length, and not an option already chosen.
 */
export function isFairDistractor(d: NormText, answer: NormText, chosen: readonly NormText[]): boolean {
  for (const lang of ['en', 'zh'] as const) {
    if (!fairBeside(d[lang], answer[lang], lang)) return false;
    if (chosen.some((c) => squeeze(c[lang]) === squeeze(d[lang]))) return false;
  }
  return true;
}

/**
 * Up to `count` fair distractors for `answer`, closest tier first, in a seeded order within each tier.
 * Options already on the question (`given`) count as chosen, so nothing is offered twice.
 */
export function pickDistractors(
  answer: NormText,
  candidates: readonly Candidate[],
  count: number,
  rand: Rng,
  given: readonly NormText[] = [],
): Candidate[] {
  const tiers = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const list = tiers.get(c.tier);
    if (list) list.push(c);
    else tiers.set(c.tier, [c]);
  }
  const out: Candidate[] = [];
  const chosen: NormText[] = [...given];
  for (const tier of [...tiers.keys()].sort((a, b) => a - b)) {
    for (const c of shuffle(tiers.get(tier)!, rand)) {
      if (out.length >= count) return out;
      if (!isFairDistractor(c.norm, answer, chosen)) continue;
      out.push(c);
      chosen.push(c.norm);
    }
  }
  return out;
}
