// The quiz screen's remembered choices (scope, length, kinds, time limit, schedule switch, interview date, plan);
// stored values pass through here, field by field, so old or damaged data falls back to defaults.
import { z } from 'zod';
import { QUESTION_KINDS, questionKindSchema, quizScopeSchema, type QuestionKind, type QuizScope } from './quiz-schema';
import type { StudyPlan } from './readiness';

export interface QuizPrefs {
  scope: QuizScope;
  /** 10, 25, 50, or 0 for all. */
  length: number;
  kinds: QuestionKind[];
  /** Minutes, or null for none. */
  timeLimitMin: number | null;
  /** Quiz answers update the FSRS schedule as reviews (default yes). */
  updateSchedule: boolean;
  /** `YYYY-MM-DD`, or null. */
  interviewDate: string | null;
  /** The last plan made, with the scope it was made for (it is stale once the date or scope changes). */
  plan: (StudyPlan & { scope: QuizScope }) | null;
}

export const DEFAULT_QUIZ_PREFS: QuizPrefs = {
  scope: { kind: 'studied' },
  length: 10,
  kinds: [...QUESTION_KINDS],
  timeLimitMin: null,
  updateSchedule: true,
  interviewDate: null,
  plan: null,
};

export const TIME_LIMITS = [null, 5, 10, 15, 30] as const;

const planSchema = z.object({
  scope: quizScopeSchema,
  date: z.string(),
  days: z.array(z.object({ day: z.string(), cardIds: z.array(z.string()) })),
  share: z.number(),
  projectedShare: z.number(),
  leftOut: z.number(),
});

const fields = {
  scope: quizScopeSchema,
  length: z.number().int().min(0).max(500),
  kinds: z.array(questionKindSchema).min(1),
  timeLimitMin: z.nullable(z.number().int().min(1).max(600)),
  updateSchedule: z.boolean(),
  interviewDate: z.nullable(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  plan: z.nullable(planSchema),
};

export function restoreQuizPrefs(stored: unknown): QuizPrefs {
  const out: Record<string, unknown> = { ...DEFAULT_QUIZ_PREFS };
  if (typeof stored !== 'object' || stored === null) return DEFAULT_QUIZ_PREFS;
  for (const [key, schema] of Object.entries(fields)) {
    const value = (stored as Record<string, unknown>)[key];
    if (value !== undefined && (schema as z.ZodType).safeParse(value).success) out[key] = value;
  }
  return out as unknown as QuizPrefs;
}
