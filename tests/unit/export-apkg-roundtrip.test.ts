// Our .apkg read back by our own Anki reader: dockdeck's cards come back exactly (the embed), a note edited in Anki
// is read from its fields under its dockdeck id, and notes read from Anki go back out as they were.
import { unzipSync, zipSync } from 'fflate';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { exportDecksApkg } from '../../src/db/export-repo';
import { answerCard } from '../../src/db/review-repo';
import type { Deck } from '../../src/domain/deck-schema';
import { NOTETYPE_IDS } from '../../src/formats/anki/schema11';
import { readAnkiPackage } from '../../src/formats/anki/read-package';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import { ALL_KINDS } from './export-fixtures';
import { STOCK, buildLegacyApkg, type BuildCollection, type BuildNotetype } from './helpers/anki-build';

const T0 = Date.UTC(2026, 2, 2, 10);
let SQL: SqlJsStatic;
let db: DockdeckDB;
beforeAll(async () => {
  SQL = await initSqlJs();
});
beforeEach(() => {
  db = new DockdeckDB(`apkg-rt-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  await db.delete();
});

const deck: Deck = {
  ...ALL_KINDS,
  cards: ALL_KINDS.cards.map((c) =>
    c.id === 'b' && c.type === 'basic'
      ? { ...c, back: { en: 'Back <img src="pic.png">', zh: '背面 <img src="pic.png">' } }
      : c,
  ),
};

async function store(d: Deck) {
  await upsertDeck(db, d, expandDeck(d), { hash: 'h', builtin: false, now: T0 });
}

async function exportDeck(id: string, scheduling = true) {
  return exportDecksApkg(db, [id], SQL, { lang: 'en', scheduling, now: T0 + 10_000 });
}

function read(bytes: Uint8Array, fileName = 'all-kinds.apkg') {
  return readAnkiPackage(bytes, { fileName, includeScheduling: true, sql: SQL, now: new Date(T0 + 10_000) });
}

function rows(col: Database, sql: string): Record<string, unknown>[] {
  const r = col.exec(sql)[0];
  return r ? r.values.map((v) => Object.fromEntries(r.columns.map((c, i) => [c, v[i]]))) : [];
}

/** The package with its collection changed, as Anki would after an edit. */
function edited(bytes: Uint8Array, change: (col: Database) => void): Uint8Array {
  const zip = unzipSync(bytes);
  const col = new SQL.Database(zip['collection.anki2']);
  change(col);
  const out = zipSync({ ...zip, 'collection.anki2': col.export() });
  col.close();
  return out;
}

test('export → readAnkiPackage: the deck and its cards come back exactly, with their media and review history', async () => {
  await store(deck);
  await db.media.add({
    deckId: deck.id,
    name: 'pic.png',
    type: 'image/png',
    data: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }),
    size: 4,
  });
  const settings = DEFAULT_SCHEDULER_SETTINGS;
  await answerCard(db, 'all-kinds/b', 'good', new Date(T0 + 1000), { durationMs: 3000, settings });
  await answerCard(db, 'all-kinds/c:c1', 'again', new Date(T0 + 2000), { durationMs: 5000, settings });
  await answerCard(db, 'all-kinds/k:kernel', 'hard', new Date(T0 + 3000), { durationMs: 2000, settings });
  await answerCard(db, 'all-kinds/table:tbl/start', 'easy', new Date(T0 + 4000), { durationMs: 1000, settings });

  const out = await exportDeck(deck.id);
  expect([out.notes, out.cards, out.revlog, out.media]).toEqual([8, 10, 4, 1]);
  const { drafts, warnings } = await read(out.bytes);
  expect(warnings).toEqual([]);
  expect(drafts).toHaveLength(1);
  const draft = drafts[0]!;
  // The embed gives back the deck's id, both languages of its title and description, its sources (and the file it
  // came back in, which cards edited in Anki cite) and its table…
  expect(draft.deck).toEqual({
    ...deck,
    sources: [...deck.sources, { doc: 'all-kinds.apkg' }],
    cards: draft.deck.cards,
  });
  expect(draft.deck.id).toBe('all-kinds');
  expect(draft.deck.title).toEqual(deck.title);
  expect(draft.deck.tables).toEqual(deck.tables);
  // …and every card exactly as it was (both languages, source, note, accepted answers): a classify card's two
  // notes are one card again.
  expect(draft.deck.cards).toEqual(deck.cards);
  expect(draft.media.map((m) => [m.name, [...m.data]])).toEqual([['pic.png', [137, 80, 78, 71]]]);
  // The history follows the same study cards, the table row's included.
  expect(draft.history.map((h) => [h.cardId, h.rating, h.review, h.durationMs])).toEqual([
    ['all-kinds/b', 'good', T0 + 1000, 3000],
    ['all-kinds/c:c1', 'again', T0 + 2000, 5000],
    ['all-kinds/k:kernel', 'hard', T0 + 3000, 2000],
    ['all-kinds/table:tbl/start', 'easy', T0 + 4000, 1000],
  ]);
  const ids = new Set(expandDeck(draft.deck).map((c) => c.id));
  for (const h of draft.history) expect(ids).toContain(h.cardId);
});

test('a note edited in Anki is read from its fields and keeps its dockdeck card id; the others still come back exactly', async () => {
  await store(deck);
  const out = await exportDeck(deck.id, false);
  let nid = 0;
  const bytes = edited(out.bytes, (col) => {
    nid = rows(col, "select id from notes where guid = 'dd:all-kinds/r'")[0]!.id as number;
    col.run("update notes set flds = ? where guid = 'dd:all-kinds/r'", ['KVM edited\x1fA hypervisor']);
  });
  const { drafts } = await read(bytes);
  const cards = drafts[0]!.deck.cards;
  expect(drafts[0]!.deck.id).toBe('all-kinds');
  expect(cards.map((c) => c.id)).toEqual(deck.cards.map((c) => c.id));
  expect(cards.find((c) => c.id === 'r')).toEqual({
    id: 'r',
    type: 'reverse',
    tags: [],
    source: { doc: 'all-kinds.apkg', section: 'All kinds' },
    front: { en: 'KVM edited', zh: 'KVM edited' },
    back: { en: 'A hypervisor', zh: 'A hypervisor' },
    anki: {
      guid: 'dd:all-kinds/r',
      noteId: String(nid),
      notetype: String(NOTETYPE_IDS.reverse),
      fields: ['KVM edited', 'A hypervisor'],
      ords: [0, 1],
    },
  });
  expect(cards.filter((c) => c.id !== 'r')).toEqual(deck.cards.filter((c) => c.id !== 'r'));
});

// A legacy package as Anki writes it, with a note type of its own.
const vocab: BuildNotetype = {
  id: 1_600_000_000_003,
  name: 'Vocabulary',
  fields: ['Word', 'Meaning'],
  templates: [
    { name: 'Recognise', qfmt: '{{Word}}', afmt: '{{FrontSide}}<hr id=answer>{{Meaning}}' },
    { name: 'Recall', qfmt: '{{Meaning}}', afmt: '{{FrontSide}}<hr id=answer>{{Word}}<br>(recall)' },
  ],
  css: '.card { font-family: serif; }',
  sortField: 1,
};
const fromAnki: BuildCollection = {
  notetypes: [STOCK.basic(1_600_000_000_001), STOCK.cloze(1_600_000_000_002), vocab],
  decks: [
    { id: 1, name: 'Default' },
    { id: 1_600_000_000_100, name: 'Spanish' },
  ],
  notes: [
    {
      id: 1_600_000_000_201,
      guid: 'aB3$xY',
      mid: 1_600_000_000_001,
      fields: ['<b>perro</b>', 'dog'],
      tags: ['animal'],
      cards: [{ id: 1_600_000_000_301, ord: 0, deck: 1_600_000_000_100 }],
    },
    {
      id: 1_600_000_000_202,
      guid: 'cl0ze',
      mid: 1_600_000_000_002,
      fields: ['{{c1::gato}} is {{c2::cat}}', ''],
      cards: [
        { id: 1_600_000_000_302, ord: 0, deck: 1_600_000_000_100 },
        { id: 1_600_000_000_303, ord: 1, deck: 1_600_000_000_100 },
      ],
    },
    {
      id: 1_600_000_000_203,
      guid: 'v0cab',
      mid: vocab.id,
      fields: ['casa', 'house'],
      cards: [
        { id: 1_600_000_000_304, ord: 0, deck: 1_600_000_000_100 },
        { id: 1_600_000_000_305, ord: 1, deck: 1_600_000_000_100 },
      ],
    },
  ],
};

test('notes read from Anki go back out as they were: GUID, note id, note type (id, name, fields, templates, CSS), raw fields and card ordinals', async () => {
  const first = await read(buildLegacyApkg(SQL, fromAnki), 'spanish.apkg');
  const imported = first.drafts[0]!.deck;
  await store(imported);
  const out = await exportDeck(imported.id, false);
  const col = new SQL.Database(unzipSync(out.bytes)['collection.anki2']);
  expect(rows(col, 'select id, guid, mid, tags, flds, sfld from notes order by id')).toEqual([
    {
      id: 1_600_000_000_201,
      guid: 'aB3$xY',
      mid: 1_600_000_000_001,
      tags: ' animal ',
      flds: '<b>perro</b>\x1fdog',
      sfld: 'perro',
    },
    {
      id: 1_600_000_000_202,
      guid: 'cl0ze',
      mid: 1_600_000_000_002,
      tags: '',
      flds: '{{c1::gato}} is {{c2::cat}}\x1f',
      sfld: '{{c1::gato}} is {{c2::cat}}',
    },
    // The sort field is the note type's (Meaning).
    { id: 1_600_000_000_203, guid: 'v0cab', mid: vocab.id, tags: '', flds: 'casa\x1fhouse', sfld: 'house' },
  ]);
  // The vocabulary note's two cards are one note again (ords 0 and 1), as are the cloze note's.
  expect(rows(col, 'select nid, ord from cards order by nid, ord')).toEqual([
    { nid: 1_600_000_000_201, ord: 0 },
    { nid: 1_600_000_000_202, ord: 0 },
    { nid: 1_600_000_000_202, ord: 1 },
    { nid: 1_600_000_000_203, ord: 0 },
    { nid: 1_600_000_000_203, ord: 1 },
  ]);
  const models = JSON.parse(rows(col, 'select models from col')[0]!.models as string) as Record<
    string,
    {
      id: number;
      name: string;
      type: number;
      css: string;
      sortf: number;
      flds: { name: string }[];
      tmpls: { name: string; ord: number; qfmt: string; afmt: string }[];
    }
  >;
  const m = models[String(vocab.id)]!;
  expect(Object.keys(models).sort()).toEqual(['1600000000001', '1600000000002', String(vocab.id)]);
  expect([m.id, m.name, m.type, m.css, m.sortf]).toEqual([vocab.id, 'Vocabulary', 0, vocab.css, 1]);
  expect(m.flds.map((f) => f.name)).toEqual(vocab.fields);
  expect(m.tmpls.map((tm) => ({ name: tm.name, ord: tm.ord, qfmt: tm.qfmt, afmt: tm.afmt }))).toEqual(
    vocab.templates.map((tm, ord) => ({ ...tm, ord })),
  );
  expect(models['1600000000002']!.type).toBe(1);
  col.close();
  // Read again, the deck has the same cards with the same notes.
  const again = await read(out.bytes, 'spanish.apkg');
  expect(again.drafts.map((d) => d.deck.id)).toEqual([imported.id]);
  expect(again.drafts[0]!.deck.cards).toEqual(imported.cards);
  expect(again.drafts[0]!.deck.ankiNotetypes).toEqual(imported.ankiNotetypes);
});
