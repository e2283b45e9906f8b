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
 * Puts issued a slice at a time without waiting for each (IndexedDB runs a transaction's requests in order), awaited
 * together by `done()`; a failure aborts the transaction and surfaces there.
 */
export class SliceWrites<T, K> {
  private readonly pending: Promise<unknown>[] = [];
  constructor(private readonly table: Table<T, K>) {}

  put(rows: readonly T[], size = WRITE_SLICE): void {
    for (let i = 0; i < rows.length; i += size) {
      const p = this.table.bulkPut(rows.slice(i, i + size));
      p.catch(() => {});
      this.pending.push(p);
    }
  }

  async done(): Promise<void> {
    await Promise.all(this.pending);
  }
}
