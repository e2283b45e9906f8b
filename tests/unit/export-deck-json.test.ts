// Deck → dockdeck JSON: every built-in deck and a deck with every card kind come back exactly as their files say.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { DeckNotFoundError, exportDeckJson, loadDeckForExport } from '../../src/db/export-repo';
import type { Deck } from '../../src/domain/deck-schema';
import { parseDeckText } from '../../src/domain/deck-validate';
import { DeckExportError, deckToJson, exportDeck } from '../../src/domain/export/deck-json';
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

test('rows that cannot form a valid deck are refused with a typed error, not exported half right', async () => {
  const { rows } = await roundTrip(ALL_KINDS);
  const broken = rows.cards.filter((c) => c.id !== 'all-kinds/r'); // the reverse pair loses its forward card
  expect(() => exportDeck(rows.deck, broken)).toThrow(DeckExportError);
  const alien = rows.cards.map((c) => (c.id === 'all-kinds/b' ? { ...c, noteId: 'other/b' } : c));
  expect(() => exportDeck(rows.deck, alien)).toThrow(/another deck/);
  await expect(loadDeckForExport(db, 'missing')).rejects.toThrow(DeckNotFoundError);
});
