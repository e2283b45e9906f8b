// The dockdeck deck file format (`dockdeck/deck@1`): the one Zod schema every deck passes through.
import { z } from 'zod';

/** Ids are stable across edits: they key review history. Lower-case slugs only. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lower-case slug (a-z, 0-9, "-")')
  .max(80, 'must be at most 80 characters');

const nonBlank = z.string().trim().min(1, 'must not be empty');

/** Every piece of card text is bilingual. Text is Markdown (inline code, lists, tables). */
export const textSchema = z.strictObject({ en: nonBlank, zh: nonBlank });

export const sourceSchema = z.strictObject({
  /** File name of the source document, e.g. `002_d642726d0d7519ed.txt`; must be listed in the deck's `sources`. */
  doc: nonBlank,
  /** The heading of the section the fact stands under, as written in the document. */
  section: nonBlank,
});

const cardBase = {
  id: idSchema,
  tags: z.array(idSchema).default([]),
  source: sourceSchema,
  /** Where the document is out of date or inaccurate: the current state, shown with the answer. */
  note: textSchema.optional(),
};

export const basicCardSchema = z.strictObject({
  ...cardBase,
  type: z.literal('basic'),
  front: textSchema,
  back: textSchema,
});

/** Studied in both directions: front → back and back → front. */
export const reverseCardSchema = z.strictObject({
  ...cardBase,
  type: z.literal('reverse'),
  front: textSchema,
  back: textSchema,
});

/** `{{c1::answer}}` or `{{c1::answer::hint}}` markers; one study card per cloze number. */
export const clozeCardSchema = z.strictObject({
  ...cardBase,
  type: z.literal('cloze'),
  text: textSchema,
  extra: textSchema.optional(),
});

export const mcqCardSchema = z.strictObject({
  ...cardBase,
  type: z.literal('mcq'),
  question: textSchema,
  choices: z.array(textSchema).min(2, 'needs at least 2 choices').max(8, 'allows at most 8 choices'),
  /** Index into `choices` of the correct choice. */
  answer: z.number().int().nonnegative(),
  explanation: textSchema.optional(),
});

export const classifyCardSchema = z.strictObject({
  ...cardBase,
  type: z.literal('classify'),
  prompt: textSchema,
  categories: z.array(z.strictObject({ id: idSchema, label: textSchema })).min(2, 'needs at least 2 categories'),
  /** One study card per item: "Container or VM: needs Intel VT / AMD-V?" */
  items: z
    .array(z.strictObject({ id: idSchema, text: textSchema, category: idSchema }))
    .min(1, 'needs at least 1 item'),
});

export const typeInCardSchema = z.strictObject({
  ...cardBase,
  type: z.literal('type-in'),
  prompt: textSchema,
  answer: textSchema,
  /** Other accepted spellings, e.g. `["cgroup", "control groups"]`. */
  accept: z.array(nonBlank).default([]),
});

export const cardSchema = z.discriminatedUnion(
  'type',
  [basicCardSchema, reverseCardSchema, clozeCardSchema, mcqCardSchema, classifyCardSchema, typeInCardSchema],
  { error: 'must be one of basic, reverse, cloze, mcq, classify, type-in' },
);

export const traitTableSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  /** e.g. container / VM */
  columns: z.array(z.strictObject({ id: idSchema, label: textSchema })).min(2, 'needs at least 2 columns'),
  rows: z
    .array(
      z.strictObject({
        id: idSchema,
        trait: textSchema,
        /** One bilingual cell per column id. */
        cells: z.record(z.string(), textSchema),
        source: sourceSchema,
        note: textSchema.optional(),
        tags: z.array(idSchema).default([]),
      }),
    )
    .min(1, 'needs at least 1 row'),
});

export const deckSchema = z.strictObject({
  format: z.literal('dockdeck/deck@1'),
  id: idSchema,
  title: textSchema,
  description: textSchema.optional(),
  tags: z.array(idSchema).default([]),
  /** The documents the cards cite. */
  sources: z.array(z.strictObject({ doc: nonBlank, title: textSchema.optional() })).default([]),
  tables: z.array(traitTableSchema).default([]),
  /**
   * How card text is written: Markdown (the default, for decks written by hand) or HTML (decks imported from
   * Anki or HTML spreadsheets, where Markdown would mangle `*`, `_` or `#`). Either way it is sanitised.
   */
  textFormat: z.enum(['markdown', 'html']).optional(),
  cards: z.array(cardSchema),
});

export type Text = z.infer<typeof textSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type DeckCard = z.infer<typeof cardSchema>;
export type TraitTable = z.infer<typeof traitTableSchema>;
export type Deck = z.infer<typeof deckSchema>;
export type DeckInput = z.input<typeof deckSchema>;
