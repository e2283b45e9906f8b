// Quiz data as stored (attempts, preferences): Zod schemas at the edge of the database, and the types they give.
import { z } from 'zod';

const text = z.object({ en: z.string(), zh: z.string() });
const source = z.object({ doc: z.string().optional(), url: z.string().optional(), section: z.string() });

export const QUESTION_KINDS = ['mcq', 'true-false', 'classify', 'type-in', 'open'] as const;
export const questionKindSchema = z.enum(QUESTION_KINDS);

export const quizScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('decks'), deckIds: z.array(z.string()) }),
  z.object({ kind: z.literal('tags'), tags: z.array(z.string()) }),
  /** Every card the user has answered at least once (not new). */
  z.object({ kind: z.literal('studied') }),
]);

/** What a quiz was asked for; with the same cards in scope, the same config gives the same quiz. */
export const quizConfigSchema = z.object({
  scope: quizScopeSchema,
  /** Questions asked for: a number, or 0 for "all". */
  length: z.number().int().min(0),
  kinds: z.array(questionKindSchema),
  /** Minutes, or null for no limit. */
  timeLimitMin: z.nullable(z.number().min(1)),
  seed: z.number().int(),
  /** Whether answers were written to the FSRS schedule as reviews. */
  updateSchedule: z.boolean(),
});

const base = {
  id: z.string(),
  deckId: z.string(),
  tags: z.array(z.string()),
  source,
  prompt: text,
  /** A line above the prompt (e.g. the trait table's title). */
  kicker: z.optional(text),
  /** How the deck writes its text, when not Markdown (imported Anki and HTML decks). */
  format: z.optional(z.literal('html')),
};

/** One key point of an open question: a fact the model answer must cover, and the card it comes from. */
export const keyPointSchema = z.object({ cardId: z.string(), text: text, hint: z.optional(text) });

export const questionSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('mcq'),
    cardId: z.string(),
    options: z.array(text),
    answer: z.number(),
    explanation: z.optional(text),
  }),
  z.object({
    ...base,
    kind: z.literal('true-false'),
    cardId: z.string(),
    /** The proposed answer the user judges. */
    statement: text,
    answer: z.boolean(),
    /** The right answer, shown after. */
    correct: text,
  }),
  z.object({
    ...base,
    kind: z.literal('classify'),
    cardId: z.string(),
    item: text,
    options: z.array(text),
    answer: z.number(),
  }),
  z.object({ ...base, kind: z.literal('type-in'), cardId: z.string(), answer: text, accept: z.array(z.string()) }),
  z.object({ ...base, kind: z.literal('open'), keyPoints: z.array(keyPointSchema) }),
]);

export const responseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), index: z.number() }),
  z.object({ kind: z.literal('bool'), value: z.boolean() }),
  z.object({ kind: z.literal('typed'), text: z.string() }),
  z.object({ kind: z.literal('open'), ticked: z.array(z.number()), text: z.string() }),
  /** Not answered: the time ran out. */
  z.object({ kind: z.literal('none') }),
]);

export const questionResultSchema = z.object({
  response: responseSchema,
  /** Right (for open questions: at least the pass mark of key points). */
  correct: z.boolean(),
  /** Points, 0–1 (open questions give partial credit). */
  score: z.number(),
  /** The user said "I was right" to a typed answer marked wrong. */
  overridden: z.boolean(),
  durationMs: z.number(),
  /** When the answer was submitted (epoch ms): the time of the review it makes. */
  answeredAt: z.number(),
});

export const attemptQuestionSchema = z.object({ question: questionSchema, result: questionResultSchema });

/** The `scope` column of a quiz attempt: the config it was generated from, and the study language. */
export const attemptScopeSchema = z.object({ config: quizConfigSchema, lang: z.enum(['en', 'zh']) });

export type Text = z.infer<typeof text>;
export type QuestionKind = z.infer<typeof questionKindSchema>;
export type QuizScope = z.infer<typeof quizScopeSchema>;
export type QuizConfig = z.infer<typeof quizConfigSchema>;
export type KeyPoint = z.infer<typeof keyPointSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Response = z.infer<typeof responseSchema>;
export type QuestionResult = z.infer<typeof questionResultSchema>;
export type AttemptQuestion = z.infer<typeof attemptQuestionSchema>;
export type AttemptScope = z.infer<typeof attemptScopeSchema>;

/** A question about a single card (every kind but open). */
export type CardQuestion = Exclude<Question, { kind: 'open' }>;
