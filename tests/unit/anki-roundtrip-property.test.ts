// Property (issue #9): any Anki collection (note types of 1–20 fields, reversed and cloze, custom templates and CSS,
// empty fields, media, review history) imported, studied and exported again is the same collection to Anki (GUIDs,
// note types, note and card counts, fields), and every export re-imports into dockdeck as 0 new, 0 changed, 0 removed
// with every card's state unchanged.
import fc from 'fast-check';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { unzipSync } from 'fflate';
import { DockdeckDB } from '../../src/db/database';
import { exportDeckCsv, exportDeckJson, exportDecksApkg } from '../../src/db/export-repo';
import { importDrafts, previewDrafts } from '../../src/db/import-repo';
import { answerCard } from '../../src/db/review-repo';
import { readAnkiPackage } from '../../src/formats/anki/read-package';
import type { DeckDraft } from '../../src/formats/import/draft';
import { parseDockdeckJson } from '../../src/formats/dockdeck/read';
import { csvDrafts } from './helpers/csv-drafts';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import {
  STOCK,
  buildApkg,
  buildLegacyApkg,
  type BuildCollection,
  type BuildNote,
  type BuildNotetype,
} from './helpers/anki-build';

const T0 = Date.UTC(2026, 5, 1, 9);
const DAY = 86_400_000;
let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
const word = fc.constantFrom('a', 'kernel', '容器', 'b<b>old</b>', 'x &amp; y', 'line<br>two', '<img src="m1.png">');
const text = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const maybeEmpty = fc.oneof(text, fc.constant(''));
const CSS = fc.constantFrom('', '.card { color: navy; }', '.card { font-family: serif; }\n.hint { color: gray; }');

/** A custom note type: n fields, 1–3 templates, each asking one field and answering another. */
const customNotetype = (id: number) =>
  fc
    .record({
      fields: fc.integer({ min: 1, max: 20 }),
      css: CSS,
      templates: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }),
    })
    .map(({ fields, css, templates }): { nt: BuildNotetype; asks: number[] } => {
      const names = Array.from({ length: fields }, (_, i) => `F${i + 1}`);
      const asks = templates.map(([q]) => q % fields);
      return {
        nt: {
          id,
          name: `Custom ${id}`,
          fields: names,
          css,
          templates: templates.map(([q, a], i) => ({
            name: `Card ${i + 1}`,
            qfmt: `<div class="q">{{${names[q % fields]}}}</div>`,
            afmt: `{{FrontSide}}<hr id=answer>{{${names[a % fields]}}}`,
          })),
        },
        asks,
      };
    });

interface Shape {
  nt: BuildNotetype;
  /** Per template, the field its question asks (its card exists only when that field is not empty). */
  asks: number[] | 'cloze';
}

const collection = fc
  .record({
    customs: fc.array(customNotetype(0), { minLength: 1, maxLength: 2 }),
    notes: fc.array(
      fc.record({
        shape: fc.nat(),
        values: fc.array(maybeEmpty, { minLength: 20, maxLength: 20 }),
        clozes: fc.integer({ min: 1, max: 3 }),
        reviews: fc.array(fc.constantFrom(1, 2, 3, 4), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    guids: fc.uniqueArray(fc.string({ minLength: 4, maxLength: 10, unit: fc.constantFrom(...'aZ09%^~`!#') }), {
      minLength: 8,
      maxLength: 8,
    }),
    legacy: fc.boolean(),
  })
  .map(({ customs, notes, guids, legacy }) => {
    const shapes: Shape[] = [
      { nt: { ...STOCK.reversed(101), css: '.card { text-align: center; }' }, asks: [0, 1] },
      { nt: { ...STOCK.cloze(102), css: '.cloze { color: red; }' }, asks: 'cloze' },
      ...customs.map((c, i) => ({ nt: { ...c.nt, id: 200 + i, name: `Custom ${i}` }, asks: c.asks })),
    ];
    const built: BuildNote[] = [];
    const revlog: NonNullable<BuildCollection['revlog']> = [];
    let cardId = 5000;
    notes.forEach((n, i) => {
      const shape = shapes[n.shape % shapes.length]!;
      const fields = shape.nt.fields.map((_, f) => n.values[f] ?? '');
      let cards: BuildNote['cards'];
      if (shape.asks === 'cloze') {
        fields[0] = Array.from({ length: n.clozes }, (_, c) => `{{c${c + 1}::${n.values[c] || 'gap'}}}`).join(' ');
        cards = Array.from({ length: n.clozes }, (_, c) => ({ id: cardId++, ord: c, deck: 1 }));
      } else {
        // Every card's question field holds text, so every card of the note is a card dockdeck studies.
        for (const f of shape.asks) if (fields[f] === '') fields[f] = `q${i}`;
        const ords = [...new Set(shape.asks.map((_, t) => t))];
        cards = ords.map((ord) => ({ id: cardId++, ord, deck: 1 }));
      }
      n.reviews.forEach((ease, r) =>
        revlog.push({
          id: T0 - (10 - r) * DAY + i,
          cid: cards[0]!.id,
          ease,
          ivl: r + 1,
          time: 4000,
          type: r === 0 ? 0 : 1,
        }),
      );
      built.push({ id: 1000 + i, guid: guids[i]!, mid: shape.nt.id, fields, tags: i % 2 ? ['t1'] : [], cards });
    });
    const col: BuildCollection = {
      notetypes: [...new Map(shapes.map((s) => [s.nt.id, s.nt])).values()].filter((nt) =>
        built.some((n) => n.mid === nt.id),
      ),
      decks: [{ id: 1, name: 'Default' }],
      notes: built,
      revlog,
    };
    return { col, legacy };
  });

/** What Anki sees of a collection: note types, notes (GUID, note type, fields), cards (note, ordinal). */
function ankiView(db: Database) {
  const rows = (sql: string) => db.exec(sql)[0]?.values ?? [];
  const models = JSON.parse(String(rows('select models from col')[0]![0])) as Record<
    string,
    { name: string; css: string; flds: { name: string }[]; tmpls: { qfmt: string; afmt: string }[] }
  >;
  const notes = rows('select guid, cast(mid as text), flds, id from notes order by guid').map(([g, m, f]) => ({
    guid: String(g),
    mid: String(m),
    flds: String(f),
  }));
  const cards = rows('select n.guid, c.ord from cards c join notes n on n.id = c.nid order by n.guid, c.ord').map(
    ([g, o]) => `${String(g)}:${Number(o)}`,
  );
  const types = Object.fromEntries(
    [...new Set(notes.map((n) => n.mid))].map((mid) => {
      const m = models[mid]!;
      return [
        mid,
        {
          name: m.name,
          css: m.css,
          fields: m.flds.map((f) => f.name),
          templates: m.tmpls.map((t) => [t.qfmt, t.afmt]),
        },
      ];
    }),
  );
  return { types, notes, cards };
}

function sourceView(col: BuildCollection) {
  const notes = [...col.notes]
    .sort((a, b) => (a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0))
    .map((n) => ({ guid: n.guid, mid: String(n.mid), flds: n.fields.join('\x1f') }));
  const cards = col.notes
    .flatMap((n) => n.cards.map((c) => ({ guid: n.guid, ord: c.ord })))
    .sort((a, b) => (a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : a.guid === b.guid ? a.ord - b.ord : 0))
    .map((c) => `${c.guid}:${c.ord}`);
  const types = Object.fromEntries(
    col.notetypes.map((nt) => [
      String(nt.id),
      { name: nt.name, css: nt.css ?? '', fields: nt.fields, templates: nt.templates.map((t) => [t.qfmt, t.afmt]) },
    ]),
  );
  return { types, notes, cards };
}

test('import → study → export: the same collection to Anki, and 0 new, 0 changed, 0 removed back in dockdeck', async () => {
  await fc.assert(
    fc.asyncProperty(collection, fc.boolean(), async ({ col, legacy }, scheduling) => {
      const media = [{ name: 'm1.png', data: PNG }];
      const bytes = legacy ? buildLegacyApkg(SQL, col, media) : await buildApkg(SQL, col, media);
      const read = async (b: Uint8Array, file: string, history: boolean) =>
        (await readAnkiPackage(b, { fileName: file, includeScheduling: history, sql: SQL, now: new Date(T0) })).drafts;
      const db = new DockdeckDB(`prop-${Math.random().toString(36).slice(2)}`);
      try {
        const drafts = await read(bytes, 'shared.apkg', true);
        await importDrafts(db, drafts, { now: T0, includeScheduling: true });
        const first = (await db.cards.toArray())[0]!;
        await answerCard(db, first.id, 'hard', new Date(T0 + 1000), {
          durationMs: 1,
          settings: DEFAULT_SCHEDULER_SETTINGS,
        });
        const state = async () => ({
          cards: (await db.cards.toArray()).map(({ updatedAt: _, ...c }) => c),
          logs: await db.reviewLogs.toArray(),
        });
        const before = await state();
        const deckId = drafts[0]!.deck.id;

        // To Anki: the same notes, note types and cards.
        const out = await exportDecksApkg(db, [deckId], SQL, { lang: 'en', scheduling, now: T0 + 2000 });
        const files = unzipSync(out.bytes);
        const mediaMap = JSON.parse(new TextDecoder().decode(files.media)) as Record<string, string>;
        const usesMedia = col.notes.some((n) => n.fields.some((f) => f.includes('m1.png')));
        expect(Object.values(mediaMap)).toEqual(usesMedia ? ['m1.png'] : []);
        if (usesMedia) expect([...files[Object.keys(mediaMap)[0]!]!]).toEqual([...PNG]);
        const exported = new SQL.Database(files['collection.anki2']!);
        try {
          expect(ankiView(exported)).toEqual(sourceView(col));
        } finally {
          exported.close();
        }

        // Back into dockdeck, from each export.
        const expectSame = async (again: DeckDraft[], history: boolean, what: string) => {
          const preview = await previewDrafts(db, again, { includeScheduling: history, now: T0 + 3000 });
          expect(preview.issues, what).toEqual([]);
          expect(
            preview.decks.map((d) => [d.deckId, d.added, d.changed, d.missing]),
            what,
          ).toEqual([[deckId, 0, 0, 0]]);
          await importDrafts(db, again, { now: T0 + 3000, includeScheduling: history });
          expect(await state()).toEqual(before);
        };
        await expectSame(await read(out.bytes, out.fileName, scheduling), scheduling, 'apkg');
        const txt = await exportDeckCsv(db, deckId, 'en');
        await expectSame(await csvDrafts(txt.text, txt.fileName), false, 'text');
        const json = await exportDeckJson(db, deckId);
        const parsed = parseDockdeckJson(json.fileName, json.text);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        await expectSame(parsed.value, false, 'json');
      } finally {
        await db.delete();
      }
    }),
    { numRuns: 25 },
  );
}, 120_000);
