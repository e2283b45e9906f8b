// Shared by the backup tests: random database contents (fast-check), filling a database, and dumping every table
// in a form that compares exactly (Blobs as their type and bytes).
import fc from 'fast-check';
import type { Table } from 'dexie';
import {
  DockdeckDB,
  type CardRow,
  type DeckRow,
  type MediaRow,
  type QuizAttemptRow,
  type ReviewLogRow,
  type SettingRow,
} from '../../src/db/database';
import type { Memory } from '../../src/domain/scheduler';

/** JSON-like values as rows hold them (JSON has no -0, so values go through JSON once). */
const json = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const str = fc.string({ unit: 'binary', maxLength: 12 });
const text = fc.record({ en: str, zh: str });
const ms = fc.integer({ min: 0, max: 4_102_444_800_000 });
const real = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => x + 0);
const state = fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const);
const source = fc.record({ doc: str, section: str });
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/);

const memory: fc.Arbitrary<Memory> = fc.record({
  due: ms,
  stability: real(0, 36500),
  difficulty: real(1, 10),
  elapsedDays: fc.nat(1000),
  scheduledDays: fc.nat(36500),
  learningSteps: fc.nat(3),
  reps: fc.nat(500),
  lapses: fc.nat(50),
  state,
  lastReview: fc.option(ms, { nil: null }),
});

const content = fc.oneof(
  fc.record(
    { kind: fc.constant('basic' as const), front: text, back: text },
    { requiredKeys: ['kind', 'front', 'back'] },
  ),
  fc.record({ kind: fc.constant('basic' as const), front: text, back: text, reversed: fc.constant(true) }),
  fc.record(
    { kind: fc.constant('cloze' as const), text, index: fc.integer({ min: 1, max: 9 }), extra: text },
    { requiredKeys: ['kind', 'text', 'index'] },
  ),
  fc.record({
    kind: fc.constant('mcq' as const),
    question: text,
    choices: fc.array(text, { minLength: 2, maxLength: 4 }),
    answer: fc.nat(3),
  }),
  fc.record({
    kind: fc.constant('classify' as const),
    prompt: text,
    item: text,
    categories: fc.array(fc.record({ id: slug, label: text }), { maxLength: 3 }),
    answer: slug,
  }),
  fc.record({
    kind: fc.constant('type-in' as const),
    prompt: text,
    answer: text,
    accept: fc.array(str, { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('compare' as const),
    title: text,
    trait: text,
    columns: fc.array(fc.record({ id: slug, label: text, cell: text }), { maxLength: 3 }),
  }),
);

export interface DbContent {
  decks: DeckRow[];
  cards: CardRow[];
  reviewLogs: ReviewLogRow[];
  settings: SettingRow[];
  quizAttempts: QuizAttemptRow[];
  media: Array<Omit<MediaRow, 'data'> & { bytes: Uint8Array }>;
}

const deckRow = (id: string) =>
  fc.record(
    {
      id: fc.constant(id),
      title: text,
      description: text,
      tags: fc.array(slug, { maxLength: 3 }),
      sources: fc.array(fc.record({ doc: str, title: text }, { requiredKeys: ['doc'] }), { maxLength: 2 }),
      tables: fc.constant([]),
      builtin: fc.boolean(),
      origin: fc.constantFrom('builtin' as const, 'json' as const, 'csv' as const, 'anki' as const),
      contentHash: str,
      createdAt: ms,
      updatedAt: ms,
    },
    {
      requiredKeys: [
        'id',
        'title',
        'tags',
        'sources',
        'tables',
        'builtin',
        'origin',
        'contentHash',
        'createdAt',
        'updatedAt',
      ],
    },
  ) as fc.Arbitrary<DeckRow>;

export const dbContent: fc.Arbitrary<DbContent> = fc
  .record({
    deckIds: fc.uniqueArray(slug, { minLength: 1, maxLength: 3 }),
    // A card id is `deckId/…`, as the app writes it (expandDeck) and restore requires; the parts after the slash are
    // unique, so the ids are too (deck ids hold no '/').
    cardIdEnds: fc.uniqueArray(str, { maxLength: 8 }),
    logIds: fc.uniqueArray(fc.uuid(), { maxLength: 8 }),
    settingKeys: fc.uniqueArray(
      str.filter((k) => k !== 'backup'),
      { maxLength: 4 },
    ),
    quizIds: fc.uniqueArray(fc.uuid(), { maxLength: 3 }),
    mediaNames: fc.uniqueArray(str, { maxLength: 3 }),
  })
  .chain(({ deckIds, cardIdEnds, logIds, settingKeys, quizIds, mediaNames }) => {
    const deckId = fc.constantFrom(...deckIds);
    return fc.record({
      decks: fc.tuple(...deckIds.map(deckRow)),
      cards: fc.tuple(
        ...cardIdEnds.map((end) =>
          fc
            .record(
              {
                deckId,
                noteId: str,
                tags: fc.array(slug, { maxLength: 2 }),
                source,
                note: text,
                content,
                position: fc.nat(10_000),
                createdAt: ms,
                updatedAt: ms,
                memory,
              },
              {
                requiredKeys: [
                  'deckId',
                  'noteId',
                  'tags',
                  'source',
                  'content',
                  'position',
                  'createdAt',
                  'updatedAt',
                  'memory',
                ],
              },
            )
            .map(({ memory: m, ...rest }) => ({ id: `${rest.deckId}/${end}`, ...rest, ...m }) as CardRow),
        ),
      ),
      reviewLogs: fc.tuple(
        ...logIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            cardId: str,
            deckId,
            rating: fc.constantFrom('again' as const, 'hard' as const, 'good' as const, 'easy' as const),
            review: ms,
            state,
            elapsedDays: fc.nat(1000),
            scheduledDays: fc.nat(1000),
            durationMs: fc.nat(600_000),
            kind: fc.constantFrom('review' as const, 'quiz' as const),
            before: memory,
            after: memory,
          }),
        ),
      ),
      settings: fc.tuple(...settingKeys.map((key) => fc.record({ key: fc.constant(key), value: json, updatedAt: ms }))),
      quizAttempts: fc.tuple(
        ...quizIds.map(
          (id) =>
            fc.record({
              id: fc.constant(id),
              startedAt: ms,
              finishedAt: ms,
              scope: json,
              questions: fc.array(json, { maxLength: 3 }),
              score: fc.nat(20),
              total: fc.nat(20),
            }) as fc.Arbitrary<QuizAttemptRow>,
        ),
      ),
      media: fc.tuple(
        ...mediaNames.map((name) =>
          fc.record({
            deckId,
            name: fc.constant(name),
            type: fc.constantFrom('image/png', 'audio/mpeg', ''),
            bytes: fc.uint8Array({ maxLength: 300 }),
            size: fc.nat(1000),
          }),
        ),
      ),
    });
  })
  .map((c) => ({
    ...c,
    decks: [...c.decks],
    cards: [...c.cards],
    reviewLogs: [...c.reviewLogs],
    settings: [...c.settings],
    quizAttempts: [...c.quizAttempts],
    media: [...c.media],
  }));

/** Writes the content into the database (which should be empty). */
export async function fill(db: DockdeckDB, c: DbContent): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await db.decks.bulkAdd(c.decks);
    await db.cards.bulkAdd(c.cards);
    await db.reviewLogs.bulkAdd(c.reviewLogs);
    await db.settings.bulkAdd(c.settings);
    await db.quizAttempts.bulkAdd(c.quizAttempts);
    await db.media.bulkAdd(
      c.media.map(({ bytes, ...m }) => ({
        ...m,
        data: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: m.type }),
      })),
    );
  });
}

async function plain(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { blob: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] };
  if (Array.isArray(value)) return Promise.all(value.map(plain));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await plain(v)])));
  return value;
}

/** Every table's rows in primary-key order, Blobs opened up, so `toEqual` compares contents exactly. */
export async function dump(db: DockdeckDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables as Table[]) out[t.name] = (await plain(await t.toArray())) as unknown[];
  return out;
}

export function freshDb(prefix: string): DockdeckDB {
  return new DockdeckDB(`${prefix}-${Math.random().toString(36).slice(2)}`);
}
