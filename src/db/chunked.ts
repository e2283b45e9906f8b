// Big writes in slices inside the caller's transaction: Dexie's bulkPut issues every request in one synchronous
// loop, so 50,000 rows would be one long task that freezes the page. Each slice is a short task of its own.
import type { Table } from 'dexie';
import type { CardRow, DockdeckDB } from './database';

export const WRITE_SLICE = 250;

export async function bulkPutChunked<T, K>(table: Table<T, K>, rows: readonly T[], size = WRITE_SLICE): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await table.bulkPut(rows.slice(i, i + size));
}

export async function bulkDeleteChunked<T, K>(
  table: Table<T, K>,
  keys: readonly K[],
  size = WRITE_SLICE,
): Promise<void> {
  for (let i = 0; i < keys.length; i += size) await table.bulkDelete(keys.slice(i, i + size));
}

/** Cards are read this many at a time by id: one bulkGet of 100,000 ids would be a long task of its own. */
export const READ_SLICE = 1000;

/**
 * Calls `onSlice` with the cards of `ids` a slice at a time (in the order of `ids`, undefined where a card does not
 * exist), inside the caller's transaction; each slice is read, then handled, before the next is read.
 */
export async function forEachSlice(
  db: DockdeckDB,
  ids: readonly string[],
  onSlice: (rows: (CardRow | undefined)[], ids: readonly string[]) => void | Promise<void>,
  size = READ_SLICE,
): Promise<void> {
  for (let i = 0; i < ids.length; i += size) {
    const slice = ids.slice(i, i + size);
    await onSlice(await db.cards.bulkGet(slice), slice);
  }
}

/**
 * Writes of one transaction issued a slice at a time with at most `depth` in flight: while the store works through
 * those queued, the page prepares and issues the next (each a short task of its own), so the store does not wait for
 * the page and the page never queues everything in one task (IndexedDB runs a transaction's requests in order). The
 * caller awaits the promises itself, Dexie's own, directly in its transaction scope (Dexie keeps the transaction
 * across an await of its promises, not of a promise of another async function):
 *   while (w.full) await w.oldest();  w.push(table.bulkPut(rows));  …  for (const p of w.drain()) await p;
 * A failed write rejects where it is awaited, and the caller's transaction with it.
 */
export class WritePipeline {
  private readonly queued: Promise<unknown>[] = [];
  constructor(private readonly depth = 4) {}

  get full(): boolean {
    return this.queued.length >= this.depth;
  }

  /** The oldest write in flight, taken off the queue (to await). */
  oldest(): Promise<unknown> {
    return this.queued.shift() ?? Promise.resolve();
  }

  push(write: Promise<unknown>): void {
    write.catch(() => {});
    this.queued.push(write);
  }

  /** Every write in flight, taken off the queue (to await in order). */
  drain(): Promise<unknown>[] {
    return this.queued.splice(0);
  }
}
