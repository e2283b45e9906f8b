// Suspend, bury and flag cards: each call is one transaction over the cards it names, and returns what it changed so
// that it can be undone exactly (an undo refuses when a card's marks changed again since, perhaps in another tab).
import type { DockdeckDB, CardRow } from './database';
import { isParked, parkedDeck, type CardMarks } from '../domain/marks';
import { MarksConflictError } from './errors';
import { bulkPutChunked, forEachSlice, SliceWrites } from './chunked';

/** One card's marks before and after a change. */
export interface MarksChange {
  id: string;
  before: CardMarks;
  after: CardMarks;
}

function marksOf(row: CardMarks): CardMarks {
  return {
    ...(row.suspended ? { suspended: true } : {}),
    ...(row.buriedUntil === undefined ? {} : { buriedUntil: row.buriedUntil }),
    ...(row.flag ? { flag: row.flag } : {}),
  };
}

function sameMarks(a: CardMarks, b: CardMarks): boolean {
  const x = marksOf(a);
  const y = marksOf(b);
  return x.suspended === y.suspended && x.buriedUntil === y.buriedUntil && x.flag === y.flag;
}

/** The row with `marks` in place of its own, the sparse index key kept in step. */
function withMarks(row: CardRow, marks: CardMarks, now: number): CardRow {
  const { suspended: _s, buriedUntil: _b, flag: _f, parkedDeck: _p, ...rest } = row;
  const clean = marksOf(marks);
  const parked = parkedDeck(row.deckId, clean);
  return { ...rest, ...clean, ...(parked === undefined ? {} : { parkedDeck: parked }), updatedAt: now };
}

/**
 * Applies `change` to the marks of every card in `ids` that exists, in one transaction; cards whose marks do not
 * change are left alone. Returns the changes made (empty when nothing changed). The cards are read and written a slice
 * at a time (each a short task), so 100,000 of them do not freeze the page.
 */
export async function changeMarks(
  db: DockdeckDB,
  ids: readonly string[],
  change: (marks: CardMarks) => CardMarks,
  now: number,
): Promise<MarksChange[]> {
  return db.transaction('rw', db.cards, async () => {
    const changes: MarksChange[] = [];
    const writes = new SliceWrites(db.cards);
    await forEachSlice(db, ids, (rows) => {
      const puts: CardRow[] = [];
      for (const row of rows) {
        if (!row) continue;
        const before = marksOf(row);
        const after = marksOf(change(before));
        if (sameMarks(before, after)) continue;
        changes.push({ id: row.id, before, after });
        puts.push(withMarks(row, after, now));
      }
      // Written while the next slice is read: IndexedDB runs them in order, the page waits for neither.
      writes.put(puts);
    });
    await writes.done();
    return changes;
  });
}

export const suspendCards = (db: DockdeckDB, ids: readonly string[], suspended: boolean, now: number) =>
  changeMarks(db, ids, (m) => ({ ...m, suspended }), now);

/** Buries cards until `until` (the start of the next study day); unburying clears it. */
export const buryCards = (db: DockdeckDB, ids: readonly string[], until: number | null, now: number) =>
  changeMarks(
    db,
    ids,
    (m) => {
      const { buriedUntil: _, ...rest } = m;
      return until === null ? rest : { ...rest, buriedUntil: until };
    },
    now,
  );

/** Sets a flag 1–7, or 0 to clear it (the caller checks the number with `flagNumber`). */
export const flagCards = (db: DockdeckDB, ids: readonly string[], flag: number, now: number) =>
  changeMarks(db, ids, (m) => ({ ...m, flag }), now);

/**
 * Takes changes back, in one transaction: every card must still have the marks the change gave it, or nothing is
 * undone and a MarksConflictError names the first card that moved on.
 */
export async function undoMarks(db: DockdeckDB, changes: readonly MarksChange[], now: number): Promise<void> {
  await db.transaction('rw', db.cards, async () => {
    const byId = new Map(changes.map((c) => [c.id, c]));
    // All checked before anything is written: a conflict leaves every card as it is.
    const puts: CardRow[] = [];
    await forEachSlice(db, [...byId.keys()], (rows) => {
      for (const row of rows) {
        if (!row) continue;
        const c = byId.get(row.id)!;
        if (!sameMarks(row, c.after)) throw new MarksConflictError(c.id);
        puts.push(withMarks(row, c.before, now));
      }
    });
    await bulkPutChunked(db.cards, puts);
  });
}

/** The deck's cards that are suspended or buried at `now`, by id (read through the sparse index: only those). */
export async function parkedCards(db: DockdeckDB, deckId: string, now: number): Promise<Map<string, CardRow>> {
  const rows = await db.cards.where('parkedDeck').equals(deckId).toArray();
  return new Map(rows.filter((r) => isParked(r, now)).map((r) => [r.id, r]));
}
