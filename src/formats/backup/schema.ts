// The full-backup file (`dockdeck/backup@1`): every table of the database, row by row, with the schema version the
// rows are in. The Zod schemas here are the one door a backup comes back in through.
import { z } from 'zod';

export const BACKUP_FORMAT = 'dockdeck/backup@1';

/** Binary data of a row (a media file's bytes): a Blob in the database when `type` is a string, bytes otherwise. */
export class BinaryData {
  constructor(
    readonly bytes: Uint8Array,
    readonly type: string | null,
  ) {}
}

export type BackupRow = Record<string, unknown>;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  /** The database version the rows are in (Dexie `verno` of the app that wrote it). */
  schemaVersion: number;
  /** When the backup was made (epoch ms). */
  createdAt: number;
  /** Rows per table name; tables the app has and the backup lacks are restored empty. */
  tables: Record<string, BackupRow[]>;
}

/** The file's outer shape, checked before anything else so that "not a backup" and "too new" read clearly. */
export const backupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(1),
  createdAt: z.number().int().nonnegative(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

// Rows are checked for the shape the app relies on; fields we do not know are kept (loose objects), so a row
// comes back exactly as it was stored. No transforms (no trimming): restore must not change a character.
const text = z.looseObject({ en: z.string(), zh: z.string() });
const source = z.looseObject({ doc: z.string().optional(), url: z.string().optional(), section: z.string() });
const num = z.number();
const int = z.number().int();
const state = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
/** An answer's rating, or what a manual change did (since version 8: reset, set due date). */
const rating = z.enum(['again', 'hard', 'good', 'easy', 'reset', 'set-due']);

const memory = {
  due: num,
  stability: num,
  difficulty: num,
  elapsedDays: num,
  scheduledDays: num,
  learningSteps: num,
  reps: int,
  lapses: int,
  state,
  lastReview: num.nullable(),
};
const memorySchema = z.looseObject(memory);

const category = z.looseObject({ id: z.string(), label: text });
const content = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('basic'), front: text, back: text, reversed: z.boolean().optional() }),
  z.looseObject({ kind: z.literal('cloze'), text, index: int, extra: text.optional() }),
  z.looseObject({
    kind: z.literal('mcq'),
    question: text,
    choices: z.array(text),
    answer: int,
    explanation: text.optional(),
  }),
  z.looseObject({
    kind: z.literal('classify'),
    prompt: text,
    item: text,
    categories: z.array(category),
    answer: z.string(),
  }),
  z.looseObject({ kind: z.literal('type-in'), prompt: text, answer: text, accept: z.array(z.string()) }),
  z.looseObject({
    kind: z.literal('compare'),
    title: text,
    trait: text,
    columns: z.array(z.looseObject({ id: z.string(), label: text, cell: text })),
  }),
]);

const table = z.looseObject({
  id: z.string(),
  title: text,
  columns: z.array(category),
  rows: z.array(
    z.looseObject({
      id: z.string(),
      trait: text,
      cells: z.record(z.string(), text),
      source,
      tags: z.array(z.string()),
      note: text.optional(),
    }),
  ),
});

/** Row schemas of the current database version, by table. A table without one is only checked to hold objects. */
export const BACKUP_ROW_SCHEMAS: Record<string, z.ZodType<BackupRow>> = {
  decks: z.looseObject({
    id: z.string(),
    title: text,
    description: text.optional(),
    tags: z.array(z.string()),
    sources: z.array(z.looseObject({ doc: z.string().optional(), url: z.string().optional(), title: text.optional() })),
    tables: z.array(table),
    interviews: z.array(z.looseObject({ id: z.string(), question: text, points: z.array(z.string()) })).optional(),
    builtin: z.boolean(),
    origin: z.enum(['builtin', 'json', 'csv', 'anki']),
    contentHash: z.string(),
    createdAt: num,
    updatedAt: num,
  }),
  cards: z
    .looseObject({
      id: z.string(),
      deckId: z.string(),
      noteId: z.string(),
      tags: z.array(z.string()),
      source,
      note: text.optional(),
      content,
      position: num,
      createdAt: num,
      updatedAt: num,
      ...memory,
      // The user's marks (since version 6): suspended, buried until, flag 0–7, and the sparse index key that goes
      // with the first two.
      suspended: z.boolean().optional(),
      buriedUntil: num.optional(),
      flag: int.min(0).max(7).optional(),
      parkedDeck: z.string().optional(),
    })
    .superRefine((card, ctx) => {
      // A deck's cards are read as the ids starting with `deckId/` (cardsOfDeck, src/db/deck-cards.ts): a card outside
      // that range would be reviewed but never shown, exported or replaced with its deck.
      if (!card.id.startsWith(`${card.deckId}/`))
        ctx.addIssue({
          code: 'custom',
          path: ['id'],
          params: { issue: 'backup.card-outside-deck', deckId: card.deckId },
        });
    }),
  reviewLogs: z.looseObject({
    id: z.string(),
    cardId: z.string(),
    deckId: z.string(),
    rating,
    review: num,
    state,
    elapsedDays: num,
    scheduledDays: num,
    durationMs: num,
    kind: z.enum(['review', 'quiz', 'custom', 'cram', 'manual']),
    before: memorySchema,
    after: memorySchema,
  }),
  settings: z.looseObject({ key: z.string(), value: z.unknown(), updatedAt: num }),
  quizAttempts: z.looseObject({
    id: z.string(),
    startedAt: num,
    finishedAt: num,
    scope: z.unknown(),
    questions: z.array(z.unknown()),
    score: num,
    total: num,
  }),
  media: z.looseObject({
    deckId: z.string(),
    name: z.string(),
    type: z.string(),
    // A media file's bytes with their type (a Blob in the database), nothing else.
    data: z.custom<BinaryData>((d) => d instanceof BinaryData && d.type !== null, {
      params: { issue: 'backup.not-blob' },
    }),

    size: num,
  }),
};

export const anyRowSchema: z.ZodType<BackupRow> = z.record(z.string(), z.unknown());
