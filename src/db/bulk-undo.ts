// What a bulk action of the browser changed (bulk-repo.ts), kept to take it back exactly, and the undo itself: one
// transaction that first checks every card still is as the action left it (else MarksConflictError, nothing undone),
// then puts back the fields it changed, the cards and logs it deleted, the marks it moved or took off (the
// `cardMarks` table), and the built-in overrides it wrote.
import type { BuiltinOverrideRow, CardRow, DockdeckDB, ReviewLogRow } from './database';
import { bulkDeleteChunked, bulkPutChunked, forEachSlice } from './chunked';
import { MarksConflictError } from './errors';
import type { CardMarks } from '../domain/marks';
import { putMarks, readMarks, sameMarks } from './marks-table';

/** The fields of a card an action changed: their values before and after (absent means the field was not there). */
export type CardFields = Partial<Omit<CardRow, 'id'>>;

/** One card an action changed: it is now `id` (a move gave it a new id; `from` is the one it had). */
export interface CardPatch {
  id: string;
  from: string;
  before: CardFields;
  after: CardFields;
}

/** A review-log entry a move gave to the card's new id (and deck). */
export interface LogMove {
  id: string;
  before: Pick<ReviewLogRow, 'cardId' | 'deckId'>;
  after: Pick<ReviewLogRow, 'cardId' | 'deckId'>;
}

export interface BulkUndo {
  patches: CardPatch[];
  /** Cards deleted, as they were. */
  deleted: CardRow[];
  /** Log entries the action wrote (a reset's or a set due date's), removed by the undo. */
  addedLogs: string[];
  /** Log entries deleted with their cards, put back by the undo. */
  removedLogs: ReviewLogRow[];
  movedLogs: LogMove[];
  /**
   * Marks the action changed, by card id: a moved card's marks went from its old id to its new one, a deleted card's
   * were taken off (null: none).
   */
  marks: Array<{ id: string; before: CardMarks | null; after: CardMarks | null }>;
  /** Built-in overrides as they were before (null: there was none). */
  overrides: Array<{ id: string; before: BuiltinOverrideRow | null }>;
}

export const emptyUndo = (): BulkUndo => ({
  patches: [],
  deleted: [],
  addedLogs: [],
  removedLogs: [],
  movedLogs: [],
  marks: [],
  overrides: [],
});

/** How many cards an action changed. */
export const undoCount = (u: BulkUndo) => u.patches.length + u.deleted.length;

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return false;
}

/** `row` with `fields` in place (an undefined field is taken off). */
export function withFields(row: CardRow, fields: CardFields, id = row.id): CardRow {
  const out: Record<string, unknown> = { ...row, id };
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as unknown as CardRow;
}

/** The marks an action changed put back: refused (MarksConflictError) when a card's marks changed again since. */
async function restoreMarks(db: DockdeckDB, u: BulkUndo): Promise<void> {
  if (u.marks.length === 0) return;
  const now = await readMarks(
    db,
    u.marks.map((m) => m.id),
  );
  for (const m of u.marks) if (!sameMarks(now.get(m.id) ?? {}, m.after ?? {})) throw new MarksConflictError(m.id);
  await putMarks(db, new Map(u.marks.map((m) => [m.id, m.before])));
}

/** The fields `keys` of `row` (absent ones as undefined), to keep before a change. */
export function pick(row: CardRow, keys: readonly (keyof CardFields)[]): CardFields {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = row[k];
  return out as CardFields;
}

async function checkAndRestore(db: DockdeckDB, u: BulkUndo, now: number): Promise<void> {
  const byId = new Map(u.patches.map((p) => [p.id, p]));
  const puts: CardRow[] = [];
  const gone: string[] = [];
  await forEachSlice(db, [...byId.keys()], (rows, ids) => {
    rows.forEach((row, i) => {
      const p = byId.get(ids[i]!)!;
      if (!row) throw new MarksConflictError(p.id);
      for (const [k, v] of Object.entries(p.after))
        if (!sameValue(row[k as keyof CardRow], v)) throw new MarksConflictError(p.id);
      puts.push({ ...withFields(row, p.before, p.from), updatedAt: now });
      if (p.from !== p.id) gone.push(p.id);
    });
  });
  // A deleted card comes back only where no card has taken its id since.
  await forEachSlice(
    db,
    u.deleted.map((r) => r.id),
    (rows) => {
      const taken = rows.find((r) => r !== undefined);
      if (taken) throw new MarksConflictError(taken.id);
    },
  );
  // A moved card's old id must still be free too.
  const moved = u.patches.filter((p) => p.from !== p.id);
  await forEachSlice(
    db,
    moved.map((p) => p.from),
    (rows) => {
      const taken = rows.find((r) => r !== undefined);
      if (taken) throw new MarksConflictError(taken.id);
    },
  );
  await restoreMarks(db, u);
  await bulkDeleteChunked(db.cards, gone);
  await bulkPutChunked(db.cards, [...puts, ...u.deleted]);
}

async function restoreLogs(db: DockdeckDB, u: BulkUndo): Promise<void> {
  await bulkDeleteChunked(db.reviewLogs, u.addedLogs);
  await bulkPutChunked(db.reviewLogs, u.removedLogs);
  const moves = new Map(u.movedLogs.map((m) => [m.id, m]));
  const ids = [...moves.keys()];
  for (let i = 0; i < ids.length; i += 1000) {
    const logs = await db.reviewLogs.bulkGet(ids.slice(i, i + 1000));
    const puts: ReviewLogRow[] = [];
    for (const log of logs) {
      if (!log) continue;
      const m = moves.get(log.id)!;
      if (log.cardId === m.after.cardId) puts.push({ ...log, ...m.before });
    }
    await bulkPutChunked(db.reviewLogs, puts);
  }
}

/** Takes a bulk action back, in one transaction; refused (MarksConflictError, nothing undone) when a card moved on. */
export async function undoBulk(db: DockdeckDB, u: BulkUndo, now: number): Promise<void> {
  await db.transaction('rw', [db.cards, db.cardMarks, db.reviewLogs, db.builtinOverrides], async () => {
    await checkAndRestore(db, u, now);
    await restoreLogs(db, u);
    const back = u.overrides.filter((o) => o.before !== null).map((o) => o.before!);
    await bulkDeleteChunked(
      db.builtinOverrides,
      u.overrides.filter((o) => o.before === null).map((o) => o.id),
    );
    await bulkPutChunked(db.builtinOverrides, back);
  });
}
