// Big writes go in slices inside one transaction: a failing slice rolls back the slices before it.
import Dexie from 'dexie';
import { bulkDeleteChunked, bulkPutChunked } from '../../src/db/chunked';

test('rows are written in slices of the given size, all of them, and a failure rolls back every slice', async () => {
  const db = new Dexie(`chunked-${Date.now()}`);
  db.version(1).stores({ rows: 'id' });
  const table = db.table<{ id: number }, number>('rows');
  const sizes: number[] = [];
  const put = table.bulkPut.bind(table);
  vi.spyOn(table, 'bulkPut').mockImplementation((rows: readonly { id: number }[]) => {
    sizes.push(rows.length);
    return put(rows);
  });
  const rows = Array.from({ length: 1234 }, (_, id) => ({ id }));
  await db.transaction('rw', table, () => bulkPutChunked(table, rows, 500));
  expect(sizes).toEqual([500, 500, 234]);
  expect(await table.count()).toBe(1234);

  await db.transaction('rw', table, () =>
    bulkDeleteChunked(
      table,
      rows.slice(0, 600).map((r) => r.id),
      500,
    ),
  );
  expect(await table.count()).toBe(634);

  sizes.length = 0;
  const more = Array.from({ length: 1200 }, (_, i) => ({ id: 10_000 + i }));
  await expect(
    db.transaction('rw', table, async () => {
      await bulkPutChunked(table, more, 500);
      throw new Error('later step failed');
    }),
  ).rejects.toThrow('later step failed');
  expect(sizes).toEqual([500, 500, 200]);
  expect(await table.count()).toBe(634);
  db.close();
  await Dexie.delete(db.name);
});
