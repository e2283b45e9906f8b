// Note types and decks of a legacy collection (collection.anki2 / collection.anki21, schema 11): JSON in the one row
// of the `col` table (`models`, `decks`, `conf`), as rslib/src/storage/schema11.sql and the schema-11 notetype and
// deck structs (rslib/src/notetype/schema11.rs, rslib/src/decks/schema11.rs) describe it. Validated with Zod: the
// JSON is outside input like any other.
import { z } from 'zod';
import type { Database } from 'sql.js';
import { allRows, collectionError, type AnkiDeckInfo, type AnkiNotetype, type AnkiSchema } from './collection';

const fieldSchema = z.object({ name: z.string(), ord: z.number().int().nullish() });
const templateSchema = z.object({
  name: z.string(),
  ord: z.number().int().nullish(),
  qfmt: z.string(),
  afmt: z.string(),
});
const modelSchema = z.object({
  name: z.string(),
  /** 0 = normal, 1 = cloze. Missing in the oldest collections, which say `cloze: true` instead. */
  type: z.number().int().nullish(),
  cloze: z.boolean().nullish(),
  flds: z.array(fieldSchema),
  tmpls: z.array(templateSchema),
  css: z.string().nullish(),
  sortf: z.number().int().nonnegative().nullish(),
});
const deckSchema = z.object({
  name: z.string(),
  /** 1 for a filtered (dynamic) deck. */
  dyn: z.union([z.number(), z.boolean()]).nullish(),
  desc: z.string().nullish(),
  dockdeck: z.unknown().optional(),
});
const confSchema = z.object({ schedVer: z.number().int().nullish() });

/** `what`: a term of issue-words (`notetypes`, `decks`, `settings`). */
function parseJson<T>(text: unknown, schema: z.ZodType<T>, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof text === 'string' ? text : '');
  } catch {
    throw collectionError('anki.json-invalid', { what });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const at = parsed.error.issues[0]?.path.join('.') ?? '';
    throw at === ''
      ? collectionError('anki.json-damaged', { what })
      : collectionError('anki.json-damaged-at', { what, at });
  }
  return parsed.data;
}

function byOrd<T extends { ord?: number | null | undefined }>(list: T[]): (T & { ord: number })[] {
  return list.map((x, i) => ({ ...x, ord: x.ord ?? i })).sort((a, b) => a.ord - b.ord);
}

export function readLegacySchema(db: Database): AnkiSchema {
  const row = allRows(db, 'select models, decks, conf from col limit 1')[0];
  if (!row) throw collectionError('anki.empty-collection');
  const models = parseJson(row[0], z.record(z.string(), modelSchema), 'notetypes');
  const decks = parseJson(row[1], z.record(z.string(), deckSchema), 'decks');
  // conf is only read for the scheduler version; a damaged conf should not stop an import.
  let schedVer: number | null | undefined;
  try {
    schedVer = parseJson(row[2], confSchema, 'settings').schedVer;
  } catch {
    schedVer = 2;
  }

  const notetypes = new Map<string, AnkiNotetype>();
  for (const [id, m] of Object.entries(models)) {
    notetypes.set(id, {
      id,
      name: m.name,
      cloze: m.type === 1 || m.cloze === true,
      fields: byOrd(m.flds).map((f) => f.name),
      templates: byOrd(m.tmpls).map((t) => ({ ord: t.ord, name: t.name, qfmt: t.qfmt, afmt: t.afmt })),
      css: m.css ?? '',
      sortField: m.sortf ?? 0,
    });
  }
  const deckInfo = new Map<string, AnkiDeckInfo>();
  for (const [id, d] of Object.entries(decks)) {
    deckInfo.set(id, {
      id,
      name: d.name,
      description: d.desc ?? '',
      filtered: d.dyn === 1 || d.dyn === true,
      ...(d.dockdeck === undefined ? {} : { dockdeck: d.dockdeck }),
    });
  }
  // pylib: `self.conf.get("schedVer", 1)`: collections that never saved a version are v1.
  return { notetypes, decks: deckInfo, schedV1: (schedVer ?? 1) === 1 };
}
