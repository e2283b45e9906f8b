// Marks quiz answers and turns them into FSRS ratings: forgiving typed answers, partial credit for open questions.
import { matchTypedAnswer } from '../answer-match';
import type { RatingName } from '../scheduler';
import type { AttemptQuestion, Question, QuestionKind, QuestionResult, Response } from './quiz-schema';

/** An open question passes when this share of its key points was covered. */
export const OPEN_PASS = 0.6;

export type Letter = 'A' | 'B' | 'C' | 'D' | 'F';

/** A share of points as a grade: A from 90 %, B from 80 %, C from 70 %, D from 60 %, F below. */
export function letterGrade(share: number): Letter {
  if (share >= 0.9) return 'A';
  if (share >= 0.8) return 'B';
  if (share >= 0.7) return 'C';
  if (share >= 0.6) return 'D';
  return 'F';
}

export interface Mark {
  correct: boolean;
  /** 0–1. */
  score: number;
}

/** Marks a response. Typed answers forgive case, spacing, punctuation and small typos, and accept either language. */
export function markResponse(q: Question, r: Response): Mark {
  const yes = (ok: boolean): Mark => ({ correct: ok, score: ok ? 1 : 0 });
  switch (q.kind) {
    case 'mcq':
    case 'classify':
      return yes(r.kind === 'choice' && r.index === q.answer);
    case 'true-false':
      return yes(r.kind === 'bool' && r.value === q.answer);
    case 'type-in':
      return yes(r.kind === 'typed' && matchTypedAnswer(r.text, q.answer, q.accept).correct);
    case 'open': {
      if (r.kind !== 'open' || q.keyPoints.length === 0) return yes(false);
      const ticked = new Set(r.ticked.filter((i) => Number.isInteger(i) && i >= 0 && i < q.keyPoints.length));
      const score = ticked.size / q.keyPoints.length;
      return { correct: score >= OPEN_PASS, score };
    }
  }
}

/**
 * "I was right": only a typed answer marked wrong can be overridden, and only if something was typed. An
 * overridden result is right (score 1) and keeps `overridden: true`, so it never earns an easy rating.
 */
export function canOverride(q: Question, result: Pick<QuestionResult, 'response' | 'correct' | 'overridden'>): boolean {
  return (
    q.kind === 'type-in' &&
    !result.correct &&
    !result.overridden &&
    result.response.kind === 'typed' &&
    result.response.text.trim() !== ''
  );
}

/**
 * How long a right answer may take to count as fast (easy) or before it counts as slow (hard), by kind. Reading
 * four options takes longer than judging one statement; typing takes longest.
 */
export const ANSWER_TIME: Record<Exclude<QuestionKind, 'open'>, { fastMs: number; slowMs: number }> = {
  'true-false': { fastMs: 4_000, slowMs: 15_000 },
  classify: { fastMs: 5_000, slowMs: 15_000 },
  mcq: { fastMs: 6_000, slowMs: 20_000 },
  'type-in': { fastMs: 10_000, slowMs: 30_000 },
};

/**
 * The FSRS rating a quiz answer gives its card: wrong → again; right but slow → hard; right → good; right and fast
 * → easy. A true/false answer is a coin toss away from right, and an overridden mark is the user's word against
 * the marker's, so neither earns easy. Unanswered questions (time ran out) say nothing about memory: null.
 */
export function quizRating(q: Exclude<Question, { kind: 'open' }>, result: QuestionResult): RatingName | null {
  if (result.response.kind === 'none') return null;
  if (!result.correct) return 'again';
  const t = ANSWER_TIME[q.kind];
  if (result.durationMs > t.slowMs) return 'hard';
  if (result.durationMs <= t.fastMs && q.kind !== 'true-false' && !result.overridden) return 'easy';
  return 'good';
}

export interface QuizReview {
  cardId: string;
  rating: RatingName;
  /** When it was answered (epoch ms). */
  at: number;
  durationMs: number;
}

/**
 * The reviews a finished quiz writes, in the order they were answered. An open question reviews each key point's
 * card: covered → good, not covered → again (time is not rated: the answer was one, not one per point).
 */
export function quizReviews(items: readonly AttemptQuestion[]): QuizReview[] {
  const out: QuizReview[] = [];
  const sorted = items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.result.answeredAt - b.item.result.answeredAt || a.i - b.i);
  for (const { item } of sorted) {
    const { question: q, result } = item;
    if (q.kind === 'open') {
      if (result.response.kind !== 'open') continue;
      const ticked = new Set(result.response.ticked);
      const each = Math.round(result.durationMs / Math.max(1, q.keyPoints.length));
      q.keyPoints.forEach((k, i) =>
        out.push({
          cardId: k.cardId,
          rating: ticked.has(i) ? 'good' : 'again',
          at: result.answeredAt,
          durationMs: each,
        }),
      );
      continue;
    }
    const rating = quizRating(q, result);
    if (rating) out.push({ cardId: q.cardId, rating, at: result.answeredAt, durationMs: result.durationMs });
  }
  return out;
}

/** The result after "I was right": right, full score, and marked as overridden. */
export function overrideResult(result: QuestionResult): QuestionResult {
  return { ...result, correct: true, score: 1, overridden: true };
}
