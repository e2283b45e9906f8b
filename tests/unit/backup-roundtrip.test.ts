// Backup → restore gives back every table exactly: random databases (fast-check) through the real file bytes.
import fc from 'fast-check';
import { createBackup, readBackupFile, restoreBackup } from '../../src/db/backup-repo';
import type { DockdeckDB } from '../../src/db/database';
import { allMarks, putMarks } from '../../src/db/marks-table';
import type { CardMarks } from '../../src/domain/marks';
import { BACKUP_SETTING_KEY } from '../../src/formats/backup/reminder';
import { dbContent, dump, fill, freshDb, type DbContent } from './backup-fixtures';

const NOW = Date.UTC(2026, 2, 2, 10);

/** Marks of every kind, one pattern per card in turn (none on every fourth card). */
const PATTERNS: CardMarks[] = [{}, { suspended: true }, { buriedUntil: NOW + 3_600_000, flag: 4 }, { flag: 7 }];

/** Fills the database and marks its cards (the marks are in `cardMarks`, not in the card rows: version 11). */
async function fillMarked(db: DockdeckDB, content: DbContent): Promise<Map<string, CardMarks>> {
  await fill(db, content);
  const marks = new Map(content.cards.map((c, i) => [c.id, PATTERNS[i % PATTERNS.length]!]));
  await db.transaction('rw', db.cardMarks, () => putMarks(db, marks));
  return new Map([...marks].filter(([, m]) => Object.keys(m).length > 0));
}

test('any database → backup bytes → restore into an empty database → every table equal', async () => {
  await fc.assert(
    fc.asyncProperty(dbContent, async (content) => {
      const source = freshDb('backup-src');
      const target = freshDb('backup-dst');
      try {
        const marks = await fillMarked(source, content);
        const backup = await createBackup(source, NOW);
        const expected = await dump(source);
        const decoded = readBackupFile(target, backup.bytes);
        expect(decoded.counts).toEqual(backup.counts);
        // The file keeps the marks in the card rows, as before version 11: each marked card's row carries its own.
        const fileCards = new Map(decoded.tables.cards!.map((r) => [r.id as string, r]));
        for (const [id, m] of marks) expect(fileCards.get(id)).toMatchObject(m);
        await restoreBackup(target, decoded);
        // Every table equal, `cardMarks` included: the marks came back to the cards they were on.
        expect(await dump(target)).toEqual(expected);
        expect(await allMarks(target)).toEqual(marks);
        // Every table of the app is in the file, by name, including ones added after this test was written; but
        // `cardMarks`, which the file holds inside the card rows, and the automatic backups (never inside one).
        expect(Object.keys(backup.counts).sort()).toEqual(
          source.tables
            .map((t) => t.name)
            .filter((n) => n !== 'cardMarks' && n !== 'autoBackups')
            .sort(),
        );
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
        await fillMarked(source, mine);
        await fillMarked(target, old);
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
