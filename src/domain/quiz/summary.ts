// The end of a quiz in numbers: points, grade, time, each mistake with the right answer, the weakest tags.
import { letterGrade, type Letter } from './marking';
import type { AttemptQuestion, KeyPoint, Question, QuestionResult, Text } from './quiz-schema';

export interface Mistake {
  question: Question;
  result: QuestionResult;
  /** The right answer (for an open question: the key points that were not covered, one per line). */
  right: Text;
  /** Open questions: the key points not covered. */
  missed: KeyPoint[];
}

export interface TagScore {
  tag: string;
  asked: number;
  points: number;
  share: number;
}

export interface AttemptSummary {
  points: number;
  total: number;
  /** points / total, 0 for an empty quiz. */
  share: number;
  grade: Letter;
  timeMs: number;
  answered: number;
  mistakes: Mistake[];
  /** Tags with points lost, weakest first (at most three). */
  weakTags: TagScore[];
  /** The cards to review: wrong answers, and the uncovered key points of open questions. */
  mistakeCardIds: string[];
}

/** The right answer of a question, as text. */
export function rightAnswer(q: Question): Text {
  switch (q.kind) {
    case 'mcq':
    case 'classify':
      return q.options[q.answer] ?? { en: '', zh: '' };
    case 'true-false':
      return q.correct;
    case 'type-in':
      return q.answer;
    case 'open':
      return { en: q.keyPoints.map((k) => k.text.en).join('\n'), zh: q.keyPoints.map((k) => k.text.zh).join('\n') };
  }
}

function missedPoints(item: AttemptQuestion): KeyPoint[] {
  const { question: q, result } = item;
  if (q.kind !== 'open') return [];
  const ticked = new Set(result.response.kind === 'open' ? result.response.ticked : []);
  return q.keyPoints.filter((_, i) => !ticked.has(i));
}

export function summarizeAttempt(items: readonly AttemptQuestion[]): AttemptSummary {
  const total = items.length;
  const points = items.reduce((s, i) => s + i.result.score, 0);
  const mistakes: Mistake[] = [];
  const ids = new Set<string>();
  const tags = new Map<string, TagScore>();
  for (const item of items) {
    const { question: q, result } = item;
    const score = result.score;
    for (const tag of q.tags) {
      const t = tags.get(tag) ?? { tag, asked: 0, points: 0, share: 0 };
      t.asked += 1;
      t.points += score;
      tags.set(tag, t);
    }
    if (q.kind === 'open') {
      const missed = missedPoints(item);
      if (missed.length === 0) continue;
      missed.forEach((k) => ids.add(k.cardId));
      const right = { en: missed.map((k) => k.text.en).join('\n'), zh: missed.map((k) => k.text.zh).join('\n') };
      mistakes.push({ question: q, result, right, missed });
    } else if (!result.correct) {
      ids.add(q.cardId);
      mistakes.push({ question: q, result, right: rightAnswer(q), missed: [] });
    }
  }
  const weakTags = [...tags.values()]
    .map((t) => ({ ...t, share: t.points / t.asked }))
    .filter((t) => t.points < t.asked)
    .sort((a, b) => a.share - b.share || b.asked - a.asked || a.tag.localeCompare(b.tag))
    .slice(0, 3);
  const share = total === 0 ? 0 : points / total;
  return {
    points,
    total,
    share,
    grade: letterGrade(share),
    timeMs: items.reduce((s, i) => s + i.result.durationMs, 0),
    answered: items.filter((i) => i.result.response.kind !== 'none').length,
    mistakes,
    weakTags,
    mistakeCardIds: [...ids],
  };
}
