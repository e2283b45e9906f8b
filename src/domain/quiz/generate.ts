// Generates a quiz from the cards in scope: seeded, kinds taken in turn, each card asked at most once, and an honest
// note when the scope cannot give what was asked.
import type { TraitTable } from '../deck-schema';
import type { Lang } from '../text';
import { buildPool, buildQuestion, kindsFor } from './card-questions';
import type { QuizCard } from './facts';
import { openQuestions, type QuizDeck } from './open-questions';
import { QUESTION_KINDS, type CardQuestion, type Question, type QuestionKind } from './quiz-schema';
import { rng, shuffle, subSeed } from './random';

/** "All" means every card in scope, up to this many questions. */
export const MAX_QUESTIONS = 500;
export const QUIZ_LENGTHS = [10, 25, 50, 0] as const;

export interface QuizSource {
  /** The cards in scope (or a seeded sample of them, for very large scopes): questions and distractors come from here. */
  cards: readonly QuizCard[];
  decks: readonly QuizDeck[];
}

export interface QuizRequest {
  /** Questions wanted; 0 for all. */
  length: number;
  kinds: readonly QuestionKind[];
  seed: number;
  /** The study language (English unless said): questions that quote a heading are made only where it reads in it. */
  lang?: Lang;
}

export type QuizNotice =
  | { kind: 'empty' }
  /** Fewer questions than asked: the scope has too few cards for the length and kinds. */
  | { kind: 'short'; asked: number; made: number }
  /** Cards left out because the scope has too few similar answers to make fair wrong options. */
  | { kind: 'few-distractors'; cards: number };

export interface GeneratedQuiz {
  questions: Question[];
  notices: QuizNotice[];
}

export function generateQuiz(source: QuizSource, request: QuizRequest): GeneratedQuiz {
  const { seed } = request;
  const kinds = QUESTION_KINDS.filter((k) => request.kinds.includes(k));
  const want = request.length > 0 ? Math.min(request.length, MAX_QUESTIONS) : MAX_QUESTIONS;
  // Sorted, so the quiz depends on which cards are in scope, not on the order they were read in.
  const cards = [...source.cards].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tables = new Map<string, TraitTable[]>(source.decks.map((d) => [d.id, d.tables]));
  const pool = buildPool(cards, tables);

  const used = new Set<string>();
  const questions: Question[] = [];
  const starved = new Set<string>();

  // Open questions first, up to their share: their key-point cards are then not asked again on their own.
  const opens = kinds.includes('open')
    ? shuffle(openQuestions(cards, source.decks, seed, request.lang ?? 'en'), rng(subSeed(seed, 'open')))
    : [];
  const takeOpen = (limit: number) => {
    for (const q of opens) {
      if (questions.length >= limit) return;
      if (questions.includes(q) || q.keyPoints.some((k) => used.has(k.cardId))) continue;
      q.keyPoints.forEach((k) => used.add(k.cardId));
      questions.push(q);
    }
  };
  const cardKinds: QuestionKind[] = kinds.filter((k) => k !== 'open');
  takeOpen(cardKinds.length === 0 ? want : Math.min(want, Math.ceil(want / kinds.length)));

  // The other kinds in turn (in a seeded order), each walking the shuffled cards for the next one it can ask.
  const order = shuffle(
    cards.filter((c) => kindsFor(c).some((k) => cardKinds.includes(k))),
    rng(seed),
  );
  const turn = shuffle(cardKinds, rng(subSeed(seed, 'kinds')));
  const next = new Map<QuestionKind, number>(turn.map((k) => [k, 0]));
  while (questions.length < want && next.size > 0) {
    for (const kind of turn) {
      if (questions.length >= want) break;
      let i = next.get(kind);
      if (i === undefined) continue;
      let made: CardQuestion | null = null;
      for (; i < order.length && !made; i++) {
        const card = order[i]!;
        if (used.has(card.id) || !kindsFor(card).includes(kind)) continue;
        const r = buildQuestion(card, kind, pool, seed);
        if (r.ok) made = r.question;
        else if (r.why === 'few-distractors') starved.add(card.id);
      }
      if (made) {
        used.add(made.cardId);
        questions.push(made);
        next.set(kind, i);
      } else {
        next.delete(kind);
      }
    }
  }
  // Still short: more open questions, if there are any left.
  takeOpen(want);

  // Questions carry their deck's text format, so they are drawn right wherever they are shown, later too.
  const html = new Set(source.decks.filter((d) => d.textFormat === 'html').map((d) => d.id));
  const final = shuffle(questions, rng(subSeed(seed, 'order'))).map((q, i) => ({
    ...q,
    id: `q${i + 1}`,
    ...(html.has(q.deckId) ? { format: 'html' as const } : {}),
  }));
  const notices: QuizNotice[] = [];
  if (final.length === 0) notices.push({ kind: 'empty' });
  else if (request.length > 0 && final.length < request.length)
    notices.push({ kind: 'short', asked: request.length, made: final.length });
  const left = [...starved].filter((id) => !used.has(id)).length;
  if (left > 0) notices.push({ kind: 'few-distractors', cards: left });
  return { questions: final, notices };
}
