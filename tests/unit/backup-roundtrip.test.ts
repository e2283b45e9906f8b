// Backup → restore gives back every table exactly: random databases (fast-check) through the real file bytes.
import fc from 'fast-check';
import { createBackup, readBackupFile, restoreBackup } from '../../src/db/backup-repo';
import { BACKUP_SETTING_KEY } from '../../src/formats/backup/reminder';
import { dbContent, dump, fill, freshDb } from './backup-fixtures';

const NOW = Date.UTC(2026, 2, 2, 10);

test('any database → backup bytes → restore into an empty database → every table equal', async () => {
  await fc.assert(
    fc.asyncProperty(dbContent, async (content) => {
      const source = freshDb('backup-src');
      const target = freshDb('backup-dst');
      try {
        await fill(source, content);
        const backup = await createBackup(source, NOW);
        const expected = await dump(source);
        const decoded = readBackupFile(target, backup.bytes);
        expect(decoded.counts).toEqual(backup.counts);
        await restoreBackup(target, decoded);
        expect(await dump(target)).toEqual(expected);
        // Every table of the app is in the file, by name, including ones added after this test was written.
        expect(Object.keys(backup.counts).sort()).toEqual(source.tables.map((t) => t.name).sort());
      } finally {
        await source.delete();
        await target.delete();
      }
    }),
    { numRuns: 40 },
  );
});

test('restore replaces what was there: nothing of the old database survives', async () => {
  await fc.assert(
    fc.asyncProperty(dbContent, dbContent, async (mine, old) => {
      const source = freshDb('backup-src');
      const target = freshDb('backup-dst');
      try {
        await fill(source, mine);
        await fill(target, old);
        const { bytes } = await createBackup(source, NOW);
        await restoreBackup(target, readBackupFile(target, bytes));
        expect(await dump(target)).toEqual(await dump(source));
      } finally {
        await source.delete();
        await target.delete();
      }
    }),
    { numRuns: 15 },
  );
});

test('the backup records its time in settings, and the file carries that record', async () => {
  const db = freshDb('backup-time');
  const { bytes, fileName, createdAt } = await createBackup(db, NOW);
  expect(fileName).toBe('dockdeck-backup-2026-03-02.json.gz');
  expect(createdAt).toBe(NOW);
  expect((await db.settings.get(BACKUP_SETTING_KEY))?.value).toEqual({ lastBackupAt: NOW });
  const decoded = readBackupFile(db, bytes);
  expect(decoded.tables.settings).toEqual([{ key: BACKUP_SETTING_KEY, value: { lastBackupAt: NOW }, updatedAt: NOW }]);
  expect(decoded.schemaVersion).toBe(db.verno);
  await db.delete();
});
