// A database as an old version of the app left it, for the upgrade tests: the tables each version added or changed,
// written out here (not read from database.ts) so that a change there cannot change what "version N" was.
import Dexie from 'dexie';

/** What each version of the app's schema declared (the tables it added or re-indexed). */
const SCHEMA_CHANGES: Record<number, Record<string, string>> = {
  1: {
    decks: 'id',
    cards: 'id, deckId, noteId, [deckId+state+due], [deckId+state+position]',
    reviewLogs: 'id, cardId, review, [deckId+review]',
    settings: 'key',
  },
  2: { quizAttempts: 'id, startedAt', media: '[deckId+name], deckId' },
  3: { cards: 'id, deckId, noteId, [deckId+state+due], [deckId+state+position], *tags' },
  4: { cards: 'id, deckId, noteId, [deckId+state+due], [deckId+state+position], *tags, [deckId+position]' },
  5: { cards: 'id, [deckId+state+due], [deckId+state+position], *tags, [deckId+position]' },
  6: { cards: 'id, [deckId+state+due], [deckId+state+position], *tags, [deckId+position], parkedDeck' },
  7: { noteEdits: '[deckId+cardId], deckId' },
  8: { builtinOverrides: 'id, deckId' },
  9: {},
  10: { dayCounters: '[deckId+day]' },
  11: {
    cards: 'id, [deckId+state+due], [deckId+state+position], *tags, [deckId+position]',
    cardMarks: '[deckId+bucket]',
  },
  12: { autoBackups: 'id, createdAt' },
};

/** Every table of `version` with its indexes, as versions 1…`version` built them up. */
export function schemaAt(version: number): Record<string, string> {
  let stores: Record<string, string> = {};
  for (let v = 1; v <= version; v++) stores = { ...stores, ...SCHEMA_CHANGES[v] };
  return stores;
}

/**
 * Database `name` at schema `version` of the app (no upgrade code: the rows are written as that version had them).
 * Write its rows, close it, then open a DockdeckDB of the same name to upgrade it.
 */
export function openOldDatabase(name: string, version: number): Dexie {
  if (!SCHEMA_CHANGES[version]) throw new Error(`no schema for version ${version}`);
  const db = new Dexie(name);
  db.version(version).stores(schemaAt(version));
  return db;
}
