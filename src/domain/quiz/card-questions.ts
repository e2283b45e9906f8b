// Builds one question of a given kind from one card: multiple choice, true/false, classify or type-in.
import type { TraitTable } from '../deck-schema';
import { factOf, isTypeable, normText, type Fact, type QuizCard } from './facts';
import { answerShape, pickDistractors, shapeDistance, siblingTier, type Candidate } from './distractors';
import type { CardQuestion, QuestionKind, Text } from './quiz-schema';
import { rng, shuffle, subSeed, type Rng } from './random';

/** A multiple-choice question has the answer and up to three distractors; with fewer than two it is not asked. */
export const MCQ_DISTRACTORS = 3;
export const MIN_DISTRACTORS = 2;

/** What the builders may draw distractors from: every loaded card's fact by family, and the decks' trait tables. */
export interface Pool {
  facts: Map<string, Fact[]>;
  tables: Map<string, TraitTable[]>;
}

export function buildPool(cards: readonly QuizCard[], tables: Map<string, TraitTable[]>): Pool {
  const facts = new Map<string, Fact[]>();
  for (const card of cards) {
    const f = factOf(card);
    if (!f) continue;
    const list = facts.get(f.family);
    if (list) list.push(f);
    else facts.set(f.family, [f]);
  }
  return { facts, tables };
}

/** Why a card gave no question of a kind: the kind does not fit the card, or the scope lacks distractors. */
export type BuildFailure = 'unfit' | 'few-distractors';
export type BuildResult = { ok: true; question: CardQuestion } | { ok: false; why: BuildFailure };

const fail = (why: BuildFailure): BuildResult => ({ ok: false, why });

function base(card: QuizCard, prompt: Text) {
  return { id: '', cardId: card.id, deckId: card.deckId, tags: card.tags, source: card.source, prompt };
}

/**
 * Distractors for a free-text answer: answers of the same family from sibling cards, of the answer's kind (a number
 * beside numbers only; a word beside words before terms and phrases), the same deck and tag first.
 */
function factCandidates(pool: Pool, fact: Fact): Candidate[] {
  const out: Candidate[] = [];
  const shape = answerShape(fact.norm);
  for (const other of pool.facts.get(fact.family) ?? []) {
    const tier = siblingTier(fact.card, other.card);
    const distance = tier === null ? null : shapeDistance(shape, answerShape(other.norm));
    if (tier !== null && distance !== null) out.push({ text: other.answer, norm: other.norm, tier: tier + distance });
  }
  return out;
}

/** The table and row a compare card's note id names: `deckId/table:<table>/<row>` (see study-card.ts). */
export function tableRowOf(noteId: string): { tableId: string; rowId: string } | null {
  const m = /\/table:([^/]+)\/([^/]+)$/.exec(noteId);
  return m ? { tableId: m[1]!, rowId: m[2]! } : null;
}

/** A compare card's cells: same row, other columns first (the confusable ones), then other rows of its column. */
function cellCandidates(pool: Pool, card: QuizCard, columnId: string): Candidate[] {
  const c = card.content;
  if (c.kind !== 'compare') return [];
  const out: Candidate[] = c.columns
    .filter((col) => col.id !== columnId)
    .map((col) => ({ text: col.cell, norm: normText(col.cell), tier: 0 }));
  const at = tableRowOf(card.noteId);
  const table = at && (pool.tables.get(card.deckId) ?? []).find((t) => t.id === at.tableId);
  for (const row of table ? table.rows : []) {
    if (row.id === at?.rowId || !Object.hasOwn(row.cells, columnId)) continue;
    const cell = row.cells[columnId]!;
    out.push({ text: cell, norm: normText(cell), tier: 1 });
  }
  return out;
}

function choiceQuestion(
  card: QuizCard,
  prompt: Text,
  answer: Text,
  distractors: Candidate[],
  rand: Rng,
  extra: { kicker?: Text; explanation?: Text } = {},
): BuildResult {
  if (distractors.length < MIN_DISTRACTORS) return fail('few-distractors');
  const options = shuffle([answer, ...distractors.map((d) => d.text)], rand);
  return {
    ok: true,
    question: { ...base(card, prompt), ...extra, kind: 'mcq', options, answer: options.indexOf(answer) },
  };
}

function trueFalse(
  card: QuizCard,
  prompt: Text,
  answer: Text,
  wrong: Candidate | undefined,
  rand: Rng,
  kicker?: Text,
): BuildResult {
  // Without a fair wrong answer every statement would be true: such a question teaches nothing, so it is not asked.
  if (!wrong) return fail('few-distractors');
  const truth = rand() < 0.5;
  const statement = truth ? answer : wrong.text;
  return {
    ok: true,
    question: {
      ...base(card, prompt),
      ...(kicker ? { kicker } : {}),
      kind: 'true-false',
      statement,
      answer: truth,
      correct: answer,
    },
  };
}

/** The kinds a card can be asked as, before distractors are looked for. */
export function kindsFor(card: QuizCard): QuestionKind[] {
  switch (card.content.kind) {
    case 'mcq':
    case 'compare':
      return ['mcq', 'true-false'];
    case 'classify':
      return ['classify', 'true-false'];
    default: {
      const f = factOf(card);
      if (!f) return [];
      return isTypeable(f) ? ['mcq', 'true-false', 'type-in'] : ['mcq', 'true-false'];
    }
  }
}

/** One question of `kind` about `card`; options and the true/false coin come from the quiz seed and the card id. */
export function buildQuestion(card: QuizCard, kind: QuestionKind, pool: Pool, seed: number): BuildResult {
  const rand = rng(subSeed(seed, `${kind}|${card.id}`));
  const c = card.content;
  if (!kindsFor(card).includes(kind)) return fail('unfit');
  if (c.kind === 'mcq') {
    const answer = c.choices[c.answer];
    // Decks with an mcq answer out of range are refused at import; this only guards old stored data.
    if (!answer) return fail('unfit');
    const others = c.choices.filter((_, i) => i !== c.answer).map((t) => ({ text: t, norm: normText(t), tier: 0 }));
    const picked = pickDistractors(normText(answer), others, kind === 'mcq' ? MCQ_DISTRACTORS : 1, rand);
    if (kind === 'mcq')
      return choiceQuestion(
        card,
        c.question,
        answer,
        picked,
        rand,
        c.explanation ? { explanation: c.explanation } : {},
      );
    return trueFalse(card, c.question, answer, picked[0], rand);
  }
  if (c.kind === 'classify') {
    const right = c.categories.find((cat) => cat.id === c.answer);
    if (!right) return fail('unfit');
    if (kind === 'classify') {
      const options = shuffle(
        c.categories.map((cat) => cat.label),
        rand,
      );
      return {
        ok: true,
        question: {
          ...base(card, c.prompt),
          kind: 'classify',
          item: c.item,
          options,
          answer: options.indexOf(right.label),
        },
      };
    }
    const others = c.categories
      .filter((cat) => cat !== right)
      .map((cat) => ({ text: cat.label, norm: normText(cat.label), tier: 0 }));
    const wrong = pickDistractors(normText(right.label), others, 1, rand)[0];
    const prompt = { en: `${c.prompt.en}\n\n${c.item.en}`, zh: `${c.prompt.zh}\n\n${c.item.zh}` };
    return trueFalse(card, prompt, right.label, wrong, rand);
  }
  if (c.kind === 'compare') {
    const col = c.columns[Math.floor(rand() * c.columns.length)];
    if (!col || col.cell.en === '') return fail('unfit');
    const prompt = { en: `**${c.trait.en}** — ${col.label.en}?`, zh: `**${c.trait.zh}** —— ${col.label.zh}？` };
    const picked = pickDistractors(
      normText(col.cell),
      cellCandidates(pool, card, col.id),
      kind === 'mcq' ? MCQ_DISTRACTORS : 1,
      rand,
    );
    if (kind === 'mcq') return choiceQuestion(card, prompt, col.cell, picked, rand, { kicker: c.title });
    return trueFalse(card, prompt, col.cell, picked[0], rand, c.title);
  }
  const fact = factOf(card)!;
  if (kind === 'type-in')
    return {
      ok: true,
      question: { ...base(card, fact.prompt), kind: 'type-in', answer: fact.answer, accept: fact.accept },
    };
  const picked = pickDistractors(fact.norm, factCandidates(pool, fact), kind === 'mcq' ? MCQ_DISTRACTORS : 1, rand);
  if (kind === 'mcq') return choiceQuestion(card, fact.prompt, fact.answer, picked, rand);
  return trueFalse(card, fact.prompt, fact.answer, picked[0], rand);
}
