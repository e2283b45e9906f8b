// The dockdeck deck file format (`dockdeck/deck@1`): the one Zod schema every deck passes through.
import './zod-config.ts';
import { z } from 'zod';

/** The patterns of the schema, named so that the words for a value that breaks one are chosen by the pattern. */
export const PATTERNS = {
  slug: /^[a-z0-9][a-z0-9-]*$/,
  digits: /^\d+$/,
  integer: /^-?\d+$/,
} as const;

/** Ids are stable across edits: they key review history. Lower-case slugs only. */
export const idSchema = z
  .string()
  .regex(PATTERNS.slug, 'must be a lower-case slug (a-z, 0-9, "-")')
  .max(80, 'must be at most 80 characters');

const nonBlank = z.string().trim().min(1, 'must not be empty');

/** Every piece of card text is bilingual. Text is Markdown (inline code, lists, tables). */
export const textSchema = z.strictObject({ en: nonBlank, zh: nonBlank });

/** A public web page a card cites: `https://` only. */
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// address' });

/**
 * Where a card's fact stands: a source document (`doc`) or a public web page (`url`), exactly one of them (a deck
 * rule checks that), and the heading it stands under.
 */
export const sourceSchema = z.strictObject({
  /** File name of the source document, e.g. `002_d642726d0d7519ed.txt`; must be listed in the deck's `sources`. */
  doc: nonBlank.optional(),
  /** The address of a public page, e.g. `https://docs.docker.com/engine/security/rootless/`; listed in `sources`. */
  url: httpsUrl.optional(),
  /** The heading of the section the fact stands under, as written in the document or on the page. */
  section: nonBlank,
});

/** A document or page the deck's cards cite: exactly one of `doc` and `url` (a deck rule checks that). */
export const deckSourceSchema = z.strictObject({
  doc: nonBlank.optional(),
  url: httpsUrl.optional(),
  title: textSchema.optional(),
});

/**
 * The Anki note a card came from (or goes to), so that an export writes the same note back: its GUID (the id Anki
 * matches notes by), its Anki note id, and for notes read from an Anki package the note type (an id in the deck's
 * `ankiNotetypes`), the raw field values in field order, and the card ordinals this card stands for (one per study
 * card it expands to, in expansion order).
 */
export const ankiNoteRefSchema = z.strictObject({
  guid: z.string().min(1, 'must not be empty'),
  noteId: z.string().regex(PATTERNS.digits, 'must be a whole number').optional(),
  notetype: z.string().min(1, 'must not be empty').optional(),
  fields: z.array(z.string()).optional(),
  ords: z.array(z.number().int().nonnegative()).optional(),
});

const cardBase = {
  id: idSchema,
  tags: z.array(idSchema).default([]),
  source: sourceSchema,
  /** Where the document is out of date or inaccurate: the current state, shown with the answer. */
  note: textSchema.optional(),
  anki: ankiNoteRefSchema.optional(),
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

/**
 * An open interview question ("Walk me through `docker run`"): its key points are the backs of the basic cards it
 * lists, so ticking a point reviews that card.
 */
export const interviewSchema = z.strictObject({
  id: idSchema,
  question: textSchema,
  points: z.array(idSchema).min(2, 'needs at least 2 key points').max(6, 'allows at most 6 key points'),
});

/** An Anki note type as the package had it: kept so an export writes the same note type back, and for its CSS. */
export const ankiNotetypeSchema = z.strictObject({
  /** Anki's note type id (a number, kept as text). */
  id: z.string().regex(PATTERNS.integer, 'must be a whole number'),
  name: z.string(),
  cloze: z.boolean(),
  fields: z.array(z.string()).min(1, 'needs at least 1 field'),
  templates: z
    .array(
      z.strictObject({ name: z.string(), ord: z.number().int().nonnegative(), qfmt: z.string(), afmt: z.string() }),
    )
    .min(1, 'needs at least 1 template'),
  /** The note type's stylesheet (scoped to the card and sanitised when shown). */
  css: z.string().default(''),
  /** Which field Anki sorts and checks duplicates by. */
  sortField: z.number().int().nonnegative().default(0),
});

export const deckSchema = z.strictObject({
  format: z.literal('dockdeck/deck@1'),
  id: idSchema,
  title: textSchema,
  description: textSchema.optional(),
  tags: z.array(idSchema).default([]),
  /** The documents and pages the cards cite. */
  sources: z.array(deckSourceSchema).default([]),
  tables: z.array(traitTableSchema).default([]),
  /** Interview questions whose model answers are key points, each the back of one of the deck's basic cards. */
  interviews: z.array(interviewSchema).optional(),
  /**
   * How card text is written: Markdown (the default, for decks written by hand) or HTML (decks imported from
   * Anki or HTML spreadsheets, where Markdown would mangle `*`, `_` or `#`). Either way it is sanitised.
   */
  textFormat: z.enum(['markdown', 'html']).optional(),
  /** The Anki note types the deck's cards use (decks imported from Anki). */
  ankiNotetypes: z.array(ankiNotetypeSchema).optional(),
  cards: z.array(cardSchema),
});

export type Text = z.infer<typeof textSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type DeckSource = z.infer<typeof deckSourceSchema>;
export type Interview = z.infer<typeof interviewSchema>;
export type DeckCard = z.infer<typeof cardSchema>;
export type TraitTable = z.infer<typeof traitTableSchema>;
export type AnkiNoteRef = z.infer<typeof ankiNoteRefSchema>;
export type AnkiNotetypeDef = z.infer<typeof ankiNotetypeSchema>;
export type Deck = z.infer<typeof deckSchema>;
export type DeckInput = z.input<typeof deckSchema>;
