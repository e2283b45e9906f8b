// Issue #12: an .apkg export keeps the user's marks as Anki keeps them (suspended in queue -1, buried in queue -3,
// the flag in the low bits of `cards.flags`), and an import reads them back: a round trip through a package leaves
// the cards suspended, buried and flagged again. Marks go with the scheduling, as in Anki.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { exportDecksApkg } from '../../src/db/export-repo';
import { importDrafts } from '../../src/db/import-repo';
import { deckMarks, markedCards, readMarks as storedMarks } from '../../src/db/marks-table';
import { buryCards, flagCards, suspendCards } from '../../src/db/marks-repo';
import { dayWindow } from '../../src/domain/day-window';
import { expandDeck } from '../../src/domain/study-card';
import { ankiMarks } from '../../src/formats/anki/card-marks';
import { readAnkiPackage } from '../../src/formats/anki/read-package';
import { ALL_KINDS } from './export-fixtures';

const T0 = Date.UTC(2026, 2, 2, 10);
const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/anki');
let SQL: SqlJsStatic;
const dbs: DockdeckDB[] = [];
beforeAll(async () => {
  SQL = await initSqlJs();
});
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

function freshDb(): DockdeckDB {
  const d = new DockdeckDB(`anki-marks-${Math.random().toString(36).slice(2)}`);
  dbs.push(d);
  return d;
}

/** A database holding the all-kinds deck with a card suspended, one buried until tomorrow, one flagged. */
async function markedDb(): Promise<DockdeckDB> {
  const db = freshDb();
  await upsertDeck(db, ALL_KINDS, expandDeck(ALL_KINDS), { hash: 'h', builtin: false, now: T0 });
  await suspendCards(db, ['all-kinds/b'], true, T0);
  await buryCards(db, ['all-kinds/m'], dayWindow(T0, 4).end, T0);
  await flagCards(db, ['all-kinds/ty', 'all-kinds/b'], 3, T0);
  // Buried yesterday, so no longer buried: Anki's queue is its normal one.
  await buryCards(db, ['all-kinds/c:c1'], T0 - 1000, T0);
  return db;
}

interface AnkiCardRow {
  id: number;
  type: number;
  queue: number;
  flags: number;
  due: number;
}

function cardRows(bytes: Uint8Array): AnkiCardRow[] {
  const col = new SQL.Database(unzipSync(bytes)['collection.anki2']);
  try {
    const r = col.exec('select id, type, queue, flags, due from cards order by id')[0]!;
    return r.values.map(
      (v) => Object.fromEntries(r.columns.map((c, i) => [c, Number(v[i])])) as unknown as AnkiCardRow,
    );
  } finally {
    col.close();
  }
}

const exportAt = (db: DockdeckDB, scheduling: boolean) =>
  exportDecksApkg(db, ['all-kinds'], SQL, { lang: 'en', scheduling, now: T0 + 10_000 });

/** The cards' marks after importing `bytes` into `db`. */
async function importInto(db: DockdeckDB, bytes: Uint8Array, includeScheduling: boolean, now = T0 + 20_000) {
  const { drafts } = await readAnkiPackage(bytes, {
    fileName: 'all-kinds.apkg',
    includeScheduling,
    sql: SQL,
    now: new Date(now),
  });
  await importDrafts(db, drafts, { includeScheduling, now });
  // The marks are in the cardMarks table since database version 11, by card id.
  const ids = await db.cards.where('deckId').equals('all-kinds').primaryKeys();
  const stored = await storedMarks(db, ids);
  return new Map(
    ids.map((id) => {
      const m = stored.get(id) ?? {};
      return [id, { suspended: m.suspended, buriedUntil: m.buriedUntil, flag: m.flag }];
    }),
  );
}

describe('ankiMarks: a card’s queue and flags as marks', () => {
  test.each([
    [0, 0, null],
    [2, 0, null],
    [-1, 0, { suspended: true }],
    [-2, 0, { buried: true }],
    [-3, 0, { buried: true }],
    [1, 4, { flag: 4 }],
    // Anki's other bits of `flags` (above the third) are not a flag.
    [2, 0b1000 | 7, { flag: 7 }],
    [2, 0b1000, null],
    [-1, 2, { suspended: true, flag: 2 }],
  ])('queue %i, flags %i', (queue, flags, marks) => {
    expect(ankiMarks(queue, flags)).toEqual(marks);
  });
});

describe('.apkg export with scheduling', () => {
  test('a suspended card is in queue -1, a buried one in -3, each keeps its type; the flag is in `flags`', async () => {
    const db = await markedDb();
    const rows = cardRows((await exportAt(db, true)).bytes);
    const byQueue = (q: number) => rows.filter((r) => r.queue === q);
    expect(byQueue(-1)).toHaveLength(1);
    expect(byQueue(-3)).toHaveLength(1);
    // Both were new cards: Anki keeps their type (new) and their place in the new-card order.
    expect([...byQueue(-1), ...byQueue(-3)].map((r) => r.type)).toEqual([0, 0]);
    expect(rows.filter((r) => r.flags !== 0).map((r) => r.flags)).toEqual([3, 3]);
    // The suspended card is also flagged; the burial that ran out left its card in the new queue.
    expect(byQueue(-1)[0]!.flags).toBe(3);
    expect(rows.filter((r) => r.queue < 0 || r.flags !== 0)).toHaveLength(3);
    expect(byQueue(0).length).toBe(rows.length - 2);
  });

  test('without scheduling every card is new and unflagged, as Anki’s export without it', async () => {
    const db = await markedDb();
    const rows = cardRows((await exportAt(db, false)).bytes);
    expect(rows.every((r) => r.queue === 0 && r.type === 0 && r.flags === 0)).toBe(true);
  });
});

describe('round trip through a package', () => {
  test('imported into a new database with scheduling, the cards are suspended, buried and flagged again', async () => {
    const bytes = (await exportAt(await markedDb(), true)).bytes;
    const other = freshDb();
    const now = T0 + 20_000;
    const marks = await importInto(other, bytes, true, now);
    expect(marks.get('all-kinds/b')).toEqual({ suspended: true, buriedUntil: undefined, flag: 3 });
    // Buried until the next study day of the import (the file does not say until when; Anki unburies at its next day).
    expect(marks.get('all-kinds/m')).toEqual({
      suspended: undefined,
      buriedUntil: dayWindow(now, 4).end,
      flag: undefined,
    });
    expect(marks.get('all-kinds/ty')).toEqual({ suspended: undefined, buriedUntil: undefined, flag: 3 });
    expect(marks.get('all-kinds/c:c1')).toEqual({ suspended: undefined, buriedUntil: undefined, flag: undefined });
    // Queues and counts find the suspended and buried cards in the deck's range of the marks table.
    const parked = [...(await deckMarks(other, 'all-kinds'))]
      .filter(([, m]) => m.suspended === true || m.buriedUntil !== undefined)
      .map(([id]) => id);
    expect(parked.sort()).toEqual(['all-kinds/b', 'all-kinds/m']);
  });

  test('a burial lasts until the study day the user set starts', async () => {
    const bytes = (await exportAt(await markedDb(), true)).bytes;
    const other = freshDb();
    await other.settings.put({ key: 'study', value: { dayStartHour: 6 }, updatedAt: T0 });
    const marks = await importInto(other, bytes, true);
    expect(marks.get('all-kinds/m')?.buriedUntil).toBe(dayWindow(T0 + 20_000, 6).end);
  });

  test('imported without scheduling, the cards come in unmarked', async () => {
    const bytes = (await exportAt(await markedDb(), true)).bytes;
    const marks = await importInto(freshDb(), bytes, false);
    expect([...marks.values()].every((m) => !m.suspended && m.buriedUntil === undefined && !m.flag)).toBe(true);
  });

  test('a card already stored keeps its own marks, as it keeps its memory', async () => {
    const db = await markedDb();
    const bytes = (await exportAt(db, true)).bytes;
    // Since the export: unsuspended and flagged another colour here.
    await suspendCards(db, ['all-kinds/b'], false, T0 + 15_000);
    await flagCards(db, ['all-kinds/b'], 5, T0 + 15_000);
    const marks = await importInto(db, bytes, true);
    expect(marks.get('all-kinds/b')).toEqual({ suspended: undefined, buriedUntil: undefined, flag: 5 });
  });
});

describe('a package Anki wrote', () => {
  /** The fixture with its first card marked as Anki stores it (these packages have no marked card of their own). */
  function marked(file: string, queue: number, flags: number): Uint8Array {
    const zip = unzipSync(new Uint8Array(readFileSync(path.join(FIXTURES, file))));
    const name = zip['collection.anki21'] ? 'collection.anki21' : 'collection.anki2';
    const col: Database = new SQL.Database(zip[name]);
    col.run('update cards set queue = ?, flags = ? where id = (select min(id) from cards)', [queue, flags]);
    const out = zipSync({ ...zip, [name]: col.export() });
    col.close();
    return out;
  }

  async function readMarks(bytes: Uint8Array, includeScheduling = true) {
    const { drafts } = await readAnkiPackage(bytes, {
      fileName: 'update1.apkg',
      includeScheduling,
      sql: SQL,
      now: new Date(T0),
    });
    return drafts.flatMap((d) => d.marks ?? []);
  }

  test('as it is, no card is marked', async () => {
    expect(await readMarks(new Uint8Array(readFileSync(path.join(FIXTURES, 'update1.apkg'))))).toEqual([]);
  });

  test('a card in queue -1 imports as suspended, with its flag', async () => {
    const marks = await readMarks(marked('update1.apkg', -1, 2));
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ suspended: true, flag: 2 });
    expect(marks[0]!.cardId).toMatch(/^[^/]+\/.+/);
    const db = freshDb();
    const { drafts } = await readAnkiPackage(marked('update1.apkg', -1, 2), {
      fileName: 'update1.apkg',
      includeScheduling: true,
      sql: SQL,
      now: new Date(T0),
    });
    await importDrafts(db, drafts, { includeScheduling: true, now: T0 });
    const [row] = await markedCards(db, [marks[0]!.cardId]);
    expect(row).toMatchObject({ suspended: true, flag: 2 });
  });

  test('a card buried by Anki (queue -2 or -3) imports as buried', async () => {
    expect(await readMarks(marked('update1.apkg', -2, 0))).toEqual([expect.objectContaining({ buried: true })]);
    expect(await readMarks(marked('update1.apkg', -3, 0))).toEqual([expect.objectContaining({ buried: true })]);
  });

  test('without scheduling the marks are not read', async () => {
    expect(await readMarks(marked('update1.apkg', -1, 2), false)).toEqual([]);
  });
});
