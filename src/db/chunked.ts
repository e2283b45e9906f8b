// Big writes in slices inside the caller's transaction: Dexie's bulkPut issues every request in one synchronous
// loop, so 50,000 rows would be one long task that freezes the page. Each slice is a short task of its own.
import type { Table } from 'dexie';

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
