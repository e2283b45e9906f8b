// Suspend, bury and flag cards: each call is one transaction over the cards it names, and returns what it changed so
// that it can be undone exactly (an undo refuses when a card's marks changed again since, perhaps in another tab).
// The marks are in the `cardMarks` table (marks-table.ts): no card row is read or written, only the card ids are
// checked for existence (keys only) and the few bucket rows the cards fall in are rewritten.
import type { DockdeckDB, MarkedCard } from './database';
import { isParked, type CardMarks } from '../domain/marks';
import { MarksConflictError } from './errors';
import { cleanMarks, deckMarks, existingCards, joinMarks, sameMarks, updateMarks } from './marks-table';

/** One card's marks before and after a change. */
export interface MarksChange {
  id: string;
  before: CardMarks;
  after: CardMarks;
}

/**
 * Applies `change` to the marks of every card in `ids` that exists, in one transaction; cards whose marks do not
 * change are left alone. Returns the changes made (empty when nothing changed). The marks are read and written a
 * slice of buckets at a time (each a short task), so 100,000 cards do not freeze the page.
 */
export async function changeMarks(
  db: DockdeckDB,
  ids: readonly string[],
  change: (marks: CardMarks) => CardMarks,
  _now: number,
): Promise<MarksChange[]> {
  return db.transaction('rw', db.cards, db.cardMarks, async () => {
    const changes: MarksChange[] = [];
    const existing = await existingCards(db, ids);
    await updateMarks(db, existing, (id, marks) => {
      const before = cleanMarks(marks);
      const after = cleanMarks(change(before));
      if (sameMarks(before, after)) return undefined;
      changes.push({ id, before, after });
      return after;
    });
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
 * undone and a MarksConflictError names the first card that moved on. A card deleted since is left out.
 */
export async function undoMarks(db: DockdeckDB, changes: readonly MarksChange[], _now: number): Promise<void> {
  await db.transaction('rw', db.cards, db.cardMarks, async () => {
    const byId = new Map(changes.map((c) => [c.id, c]));
    const existing = await existingCards(db, byId.keys());
    // A conflict throws inside the update: the transaction aborts and every card stays as it is.
    await updateMarks(db, existing, (id, marks) => {
      const c = byId.get(id)!;
      if (!sameMarks(marks, c.after)) throw new MarksConflictError(c.id);
      return c.before;
    });
  });
}

/** The deck's cards that are suspended or buried at `now`, with their marks, by id (one range of the marks table). */
export async function parkedCards(db: DockdeckDB, deckId: string, now: number): Promise<Map<string, CardMarks>> {
  const marks = await deckMarks(db, deckId);
  return new Map([...marks].filter(([, m]) => isParked(m, now)));
}

/** The deck's parked cards (see parkedCards) with their rows, by id. */
export async function parkedCardRows(db: DockdeckDB, deckId: string, now: number): Promise<Map<string, MarkedCard>> {
  const parked = await parkedCards(db, deckId, now);
  const rows = await db.cards.bulkGet([...parked.keys()]);
  return new Map(rows.flatMap((r) => (r ? [[r.id, joinMarks(r, parked)] as const] : [])));
}
