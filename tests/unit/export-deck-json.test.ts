// Deck → dockdeck JSON: every built-in deck and a deck with every card kind come back exactly as their files say.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { DeckNotFoundError, exportDeckJson, loadDeckForExport } from '../../src/db/export-repo';
import type { Deck } from '../../src/domain/deck-schema';
import { parseDeckText } from '../../src/formats/dockdeck/validate';
import { IssueError } from '../../src/domain/errors';
import { deckToJson, exportDeck } from '../../src/formats/dockdeck/write';
import { lines } from './helpers/issue-lines';
import { expandDeck } from '../../src/domain/study-card';
import { ALL_KINDS } from './export-fixtures';

const decksDir = resolve(import.meta.dirname, '../../decks');
const files = readdirSync(decksDir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort();
const NOW = Date.UTC(2026, 2, 2, 10);

let db: DockdeckDB;
beforeEach(() => {
  db = new DockdeckDB(`export-json-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  await db.delete();
});

function parse(name: string, text: string): Deck {
  const r = parseDeckText(name, text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.deck;
}

async function roundTrip(deck: Deck) {
  const cards = expandDeck(deck);
  await upsertDeck(db, deck, cards, { hash: 'h', builtin: true, now: NOW });
  const rows = await loadDeckForExport(db, deck.id);
  const out = exportDeck(rows.deck, rows.cards);
  return { cards, rows, out };
}

describe.each(files)('built-in deck %s', (file) => {
  test('exports to exactly its file, and expanding the export gives the stored study cards', async () => {
    const original = parse(file, readFileSync(join(decksDir, file), 'utf8'));
    const { rows, out } = await roundTrip(original);
    expect(out).toEqual(original);
    const again = expandDeck(out).map((c) => ({ id: c.id, content: c.content }));
    const stored = [...rows.cards]
      .sort((a, b) => a.position - b.position)
      .map((c) => ({ id: c.id, content: c.content }));
    expect(again).toEqual(stored);
  });
});

test('a deck with every card kind round-trips; the JSON text parses back to it', async () => {
  const { cards, out } = await roundTrip(ALL_KINDS);
  expect(out).toEqual(ALL_KINDS);
  expect(expandDeck(out)).toEqual(cards);
  expect(parse('x.json', deckToJson(out))).toEqual(ALL_KINDS);
  const file = await exportDeckJson(db, 'all-kinds');
  expect(file.fileName).toBe('all-kinds.json');
  expect(JSON.parse(file.text)).toEqual(ALL_KINDS);
});

test('a deck read from Anki round-trips with its notes (GUID, note id, note type, raw fields, ordinals) and note types', async () => {
  const source = { doc: 'spanish.apkg', section: 'Spanish' };
  const note = { guid: 'v0cab', noteId: '1600000000203', notetype: '1600000000003', fields: ['casa', 'house'] };
  const deck: Deck = {
    format: 'dockdeck/deck@1',
    id: 'anki-spanish',
    title: { en: 'Spanish', zh: 'Spanish' },
    tags: [],
    sources: [{ doc: 'spanish.apkg' }],
    tables: [],
    textFormat: 'html',
    ankiNotetypes: [
      {
        id: '1600000000003',
        name: 'Vocabulary',
        cloze: false,
        fields: ['Word', 'Meaning'],
        templates: [
          { name: 'Recognise', ord: 0, qfmt: '{{Word}}', afmt: '{{FrontSide}}<hr id=answer>{{Meaning}}' },
          { name: 'Recall', ord: 1, qfmt: '{{Meaning}}', afmt: '{{FrontSide}}<hr id=answer>{{Word}}' },
        ],
        css: '.card { font-family: serif; }',
        sortField: 1,
      },
      {
        id: '1600000000001',
        name: 'Basic (and reversed card)',
        cloze: false,
        fields: ['Front', 'Back'],
        templates: [
          { name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' },
          { name: 'Card 2', ord: 1, qfmt: '{{Back}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}' },
        ],
        css: '',
        sortField: 0,
      },
      {
        id: '1600000000002',
        name: 'Cloze',
        cloze: true,
        fields: ['Text', 'Back Extra'],
        templates: [{ name: 'Cloze', ord: 0, qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }],
        css: '',
        sortField: 0,
      },
    ],
    cards: [
      {
        id: 'v',
        type: 'basic',
        tags: [],
        source,
        front: { en: 'casa', zh: 'casa' },
        back: { en: 'house', zh: 'house' },
        anki: { ...note, ords: [0] },
      },
      {
        id: 'v-card2',
        type: 'basic',
        tags: [],
        source,
        front: { en: 'house', zh: 'house' },
        back: { en: 'casa', zh: 'casa' },
        anki: { ...note, ords: [1] },
      },
      {
        id: 'r',
        type: 'reverse',
        tags: ['noun'],
        source,
        front: { en: 'perro', zh: 'perro' },
        back: { en: 'dog', zh: 'dog' },
        anki: {
          guid: 'r3v',
          noteId: '1600000000204',
          notetype: '1600000000001',
          fields: ['perro', 'dog'],
          ords: [0, 1],
        },
      },
      // A cloze card's note has no ordinals: its numbers say them.
      {
        id: 'z',
        type: 'cloze',
        tags: [],
        source,
        text: { en: '{{c1::gato}} is {{c2::cat}}', zh: '{{c1::gato}} is {{c2::cat}}' },
        anki: {
          guid: 'cl0ze',
          noteId: '1600000000202',
          notetype: '1600000000002',
          fields: ['{{c1::gato}} is {{c2::cat}}', ''],
        },
      },
    ],
  };
  const { cards, out } = await roundTrip(deck);
  expect(cards.map((c) => [c.id, c.anki?.ord])).toEqual([
    ['anki-spanish/v', 0],
    ['anki-spanish/v-card2', 1],
    ['anki-spanish/r', 0],
    ['anki-spanish/r:reverse', 1],
    ['anki-spanish/z:c1', 0],
    ['anki-spanish/z:c2', 1],
  ]);
  expect(out).toEqual(deck);
  expect(parse('x.json', deckToJson(out))).toEqual(deck);
});

test('rows that cannot form a valid deck are refused with a typed error, not exported half right', async () => {
  const { rows } = await roundTrip(ALL_KINDS);
  const broken = rows.cards.filter((c) => c.id !== 'all-kinds/r'); // the reverse pair loses its forward card
  expect(() => exportDeck(rows.deck, broken)).toThrow(IssueError);
  const alien = rows.cards.map((c) => (c.id === 'all-kinds/b' ? { ...c, noteId: 'other/b' } : c));
  let refused: unknown;
  try {
    exportDeck(rows.deck, alien);
  } catch (e) {
    refused = e;
  }
  expect(refused).toBeInstanceOf(IssueError);
  expect(lines((refused as IssueError).issues)).toEqual([
    'all-kinds.json: card "all-kinds/b": belongs to another deck (other/b)',
  ]);
  await expect(loadDeckForExport(db, 'missing')).rejects.toThrow(DeckNotFoundError);
});
