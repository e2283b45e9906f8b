// Current Anki packages (collection.anki21b, zstd, protobuf media list) built as Anki writes them, read back exactly.
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { readAnkiPackage, type AnkiPhase } from '../../src/formats/anki/read-package';
import { expandDeck } from '../../src/domain/study-card';
import { STOCK, buildApkg, type BuildCollection, type BuildNotetype } from './helpers/anki-build';
import { words } from './helpers/issue-lines';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const NOW = new Date('2026-03-01T00:00:00Z');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const MP3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 9]);
const UNUSED = new TextEncoder().encode('not used by any card');

const collection: BuildCollection = {
  notetypes: [
    STOCK.basic(1001),
    STOCK.reversed(1002),
    { ...STOCK.cloze(1003), css: '.card { color: navy; }\n.cloze { font-weight: bold; }', sortField: 1 },
    STOCK.typing(1004),
  ],
  decks: [
    { id: 1, name: 'Default' },
    { id: 10, name: 'Languages', description: 'Words <b>and</b> places' },
    { id: 11, name: 'Languages::Spanish' },
  ],
  notes: [
    {
      id: 1,
      guid: 'Basic1',
      mid: 1001,
      fields: ['What is <b>Docker</b>?', 'A container platform<br><img src="whale.png">'],
      tags: ['docker', 'Verb::Irregular'],
      cards: [{ id: 101, ord: 0, deck: 11 }],
    },
    {
      id: 2,
      guid: 'Rev#2',
      mid: 1002,
      fields: ['perro', 'dog [sound:perro.mp3]'],
      cards: [
        { id: 201, ord: 0, deck: 11 },
        { id: 202, ord: 1, deck: 11 },
      ],
    },
    {
      id: 3,
      guid: 'Cloze3',
      mid: 1003,
      fields: ['{{c1::Paris}} is the capital of {{c2::France::country}}', 'Extra info'],
      cards: [
        { id: 301, ord: 0, deck: 10 },
        { id: 302, ord: 1, deck: 10 },
      ],
    },
    {
      id: 4,
      guid: 'Type4',
      mid: 1004,
      fields: ['Capital of Spain?', '<b>Madrid</b>&nbsp;'],
      cards: [{ id: 401, ord: 0, deck: 10 }],
    },
  ],
  revlog: [
    { id: 1_700_000_000_000, cid: 101, ease: 3, time: 5000, type: 0 },
    { id: 1_700_086_400_000, cid: 101, ease: 1, time: 8000, type: 1 },
    { id: 1_700_000_100_000, cid: 202, ease: 4, time: 1200, type: 0 },
    { id: 1_700_000_200_000, cid: 302, ease: 2, time: 60000, type: 2 },
    { id: 1_700_000_300_000, cid: 401, ease: 0, time: 0, type: 4 },
    { id: 1_700_000_400_000, cid: 999, ease: 3, time: 100, type: 1 },
  ],
};
const media = [
  { name: 'whale.png', data: PNG },
  { name: 'perro.mp3', data: MP3 },
  { name: 'unused.txt', data: UNUSED },
];

async function read(includeScheduling = true, onProgress?: (done: number, total: number, phase: AnkiPhase) => void) {
  const bytes = await buildApkg(SQL, collection, media);
  return readAnkiPackage(bytes, {
    fileName: 'spanish.apkg',
    includeScheduling,
    sql: SQL,
    now: NOW,
    ...(onProgress ? { onProgress } : {}),
  });
}

describe('readAnkiPackage: collection.anki21b', () => {
  it('makes one deck per Anki deck that holds cards, sub-decks named Parent::Child, ids from the names', async () => {
    const { drafts } = await read();
    expect(drafts.map((d) => [d.deck.id, d.deck.title])).toEqual([
      ['anki-languages', { en: 'Languages', zh: 'Languages' }],
      ['anki-languages--spanish', { en: 'Languages::Spanish', zh: 'Languages::Spanish' }],
    ]);
    expect(drafts[0]!.deck.description).toEqual({ en: 'Words <b>and</b> places', zh: 'Words <b>and</b> places' });
    expect(drafts[1]!.deck.description).toBeUndefined();
    expect(drafts.every((d) => d.format === 'anki' && d.deck.sources[0]!.doc === 'spanish.apkg')).toBe(true);
  });

  it('maps Basic, Basic (and reversed card), Cloze and Basic (type in the answer) to basic, reverse, cloze and type-in', async () => {
    const { drafts } = await read();
    const [languages, spanish] = drafts;
    expect(spanish!.deck.cards).toEqual([
      {
        id: '426173696331',
        type: 'basic',
        tags: ['docker', 'verb--irregular'],
        source: { doc: 'spanish.apkg', section: 'Languages::Spanish' },
        front: { en: 'What is <b>Docker</b>?', zh: 'What is <b>Docker</b>?' },
        back: {
          en: 'A container platform<br><img src="whale.png">',
          zh: 'A container platform<br><img src="whale.png">',
        },
        anki: {
          guid: 'Basic1',
          noteId: '1',
          notetype: '1001',
          fields: ['What is <b>Docker</b>?', 'A container platform<br><img src="whale.png">'],
          ords: [0],
        },
      },
      {
        id: '5265762332',
        type: 'reverse',
        tags: [],
        source: { doc: 'spanish.apkg', section: 'Languages::Spanish' },
        front: { en: 'perro', zh: 'perro' },
        back: { en: 'dog [sound:perro.mp3]', zh: 'dog [sound:perro.mp3]' },
        // One card, both Anki cards of the note: forward is ord 0, reverse ord 1.
        anki: {
          guid: 'Rev#2',
          noteId: '2',
          notetype: '1002',
          fields: ['perro', 'dog [sound:perro.mp3]'],
          ords: [0, 1],
        },
      },
    ]);
    expect(languages!.deck.cards).toEqual([
      {
        id: '436c6f7a6533',
        type: 'cloze',
        tags: [],
        source: { doc: 'spanish.apkg', section: 'Languages' },
        text: {
          en: '{{c1::Paris}} is the capital of {{c2::France::country}}',
          zh: '{{c1::Paris}} is the capital of {{c2::France::country}}',
        },
        extra: { en: 'Extra info', zh: 'Extra info' },
        // No ords for cloze: each cloze number says its card.
        anki: {
          guid: 'Cloze3',
          noteId: '3',
          notetype: '1003',
          fields: ['{{c1::Paris}} is the capital of {{c2::France::country}}', 'Extra info'],
        },
      },
      {
        id: '5479706534',
        type: 'type-in',
        tags: [],
        source: { doc: 'spanish.apkg', section: 'Languages' },
        prompt: { en: 'Capital of Spain?', zh: 'Capital of Spain?' },
        answer: { en: 'Madrid', zh: 'Madrid' },
        accept: [],
        // The raw field keeps the HTML the answer lost.
        anki: {
          guid: 'Type4',
          noteId: '4',
          notetype: '1004',
          fields: ['Capital of Spain?', '<b>Madrid</b>&nbsp;'],
          ords: [0],
        },
      },
    ]);
  });

  it('keeps the note types each deck uses: id, name, kind, fields, templates, CSS and sort field', async () => {
    const { drafts } = await read();
    const [languages, spanish] = drafts;
    const def = (nt: BuildNotetype, css = '.card {}', sortField = 0) => ({
      id: String(nt.id),
      name: nt.name,
      cloze: nt.cloze === true,
      fields: nt.fields,
      templates: nt.templates.map((t, ord) => ({ name: t.name, ord, qfmt: t.qfmt, afmt: t.afmt })),
      css,
      sortField,
    });
    expect(spanish!.deck.ankiNotetypes).toEqual([def(STOCK.basic(1001)), def(STOCK.reversed(1002))]);
    expect(languages!.deck.ankiNotetypes).toEqual([
      def(STOCK.cloze(1003), '.card { color: navy; }\n.cloze { font-weight: bold; }', 1),
      def(STOCK.typing(1004)),
    ]);
  });

  it('gives each deck the media its cards use, with bytes and MIME types, and leaves the rest out', async () => {
    const { drafts, warnings } = await read();
    expect(drafts[0]!.media).toEqual([]);
    expect(drafts[1]!.media).toEqual([
      { name: 'perro.mp3', type: 'audio/mpeg', data: MP3 },
      { name: 'whale.png', type: 'image/png', data: PNG },
    ]);
    expect(words(warnings)).toContain('1 media file not used by any card was left out');
  });

  it('turns the review log into history keyed by the study cards expandDeck makes', async () => {
    const { drafts, warnings } = await read();
    const [languages, spanish] = drafts;
    expect(spanish!.history).toEqual([
      { cardId: 'anki-languages--spanish/426173696331', review: 1_700_000_000_000, rating: 'good', durationMs: 5000 },
      {
        cardId: 'anki-languages--spanish/5265762332:reverse',
        review: 1_700_000_100_000,
        rating: 'easy',
        durationMs: 1200,
      },
      { cardId: 'anki-languages--spanish/426173696331', review: 1_700_086_400_000, rating: 'again', durationMs: 8000 },
    ]);
    expect(languages!.history).toEqual([
      { cardId: 'anki-languages/436c6f7a6533:c2', review: 1_700_000_200_000, rating: 'hard', durationMs: 60000 },
      // Anki's Forget: a manual entry with interval 0 (the card is new again).
      {
        cardId: 'anki-languages/5479706534',
        review: 1_700_000_300_000,
        rating: 'manual',
        durationMs: 0,
        manual: { state: 0 },
      },
    ]);
    expect(words(warnings)).toContain('1 review is of cards that were not imported and was left out');
    for (const d of drafts) {
      const ids = new Set(expandDeck(d.deck).map((c) => c.id));
      for (const h of d.history) expect(ids).toContain(h.cardId);
    }
  });

  it('leaves history empty when scheduling is not included', async () => {
    const { drafts } = await read(false);
    expect(drafts.map((d) => d.history)).toEqual([[], []]);
  });

  it('reports progress through every phase, ending at done = total', async () => {
    const calls: [number, number, AnkiPhase][] = [];
    await read(true, (done, total, phase) => calls.push([done, total, phase]));
    expect([...new Set(calls.map((c) => c[2]))]).toEqual(['unpack', 'notes', 'history', 'media']);
    const lastOf = (p: AnkiPhase) => calls.filter((c) => c[2] === p).pop();
    expect(lastOf('notes')).toEqual([4, 4, 'notes']);
    expect(lastOf('history')).toEqual([6, 6, 'history']);
    expect(lastOf('media')).toEqual([2, 2, 'media']);
  });

  it('reads a .colpkg the same way, and ignores the dummy collection.anki2 next to collection.anki21b', async () => {
    const bytes = await buildApkg(SQL, collection, media);
    const { drafts } = await readAnkiPackage(bytes, {
      fileName: 'backup.colpkg',
      includeScheduling: false,
      sql: SQL,
      now: NOW,
    });
    const texts = JSON.stringify(drafts);
    expect(texts).not.toContain('Please update');
    expect(drafts.map((d) => d.deck.cards.length)).toEqual([2, 2]);
  });
});
