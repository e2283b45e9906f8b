// Issue 14: automatic backups, as Anki's. One on the first start of each study day (never two, even from two tabs at
// once), the newest N kept, the bytes the very file a manual backup is (they restore to the same database), never
// inside a backup themselves; copies in a folder of the user's, pruned to our newest N files there.
import fc from 'fast-check';
import type { Table } from 'dexie';
import {
  AUTO_FILE_PATTERN,
  autoBackupBytes,
  listAutoBackups,
  makeAutoBackup,
  readAutoBackupConfig,
  saveKeep,
  setBackupFolder,
  syncBackupFolder,
} from '../../src/db/auto-backup-repo';
import { createBackup, readBackupFile, restoreBackup } from '../../src/db/backup-repo';
import { DockdeckDB, type ReviewLogRow } from '../../src/db/database';
import { IssueError } from '../../src/domain/errors';
import { encodeBackup } from '../../src/formats/backup/codec';
import { BACKUP_FORMAT } from '../../src/formats/backup/schema';
import { BACKUP_SETTING_KEY } from '../../src/formats/backup/reminder';
import { runAutoBackupAtStart } from '../../src/features/backup/auto-backup-run';
import { setClock } from '../../src/lib/clock';
import { dbContent, dump, fill, freshDb } from './backup-fixtures';
import { FakeFolder } from './helpers/fake-folder';

vi.mock('../../src/db/auto-backup-folder-store', async () =>
  (await import('./helpers/fake-folder')).memoryFolderStore(),
);

const HOUR = 3_600_000;
/** 10 a.m. local time on 2 March 2026: study day 2026-03-02 (the day starts at 4 a.m.). */
const DAY1 = new Date(2026, 2, 2, 10).getTime();
const at = (days: number, hour = 10) => new Date(2026, 2, 2 + days, hour).getTime();

const log = (id: string, review: number): ReviewLogRow => {
  const memory = {
    due: review + 86_400_000,
    stability: 1,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 1,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state: 2 as const,
    lastReview: review,
  };
  return {
    id,
    cardId: 'mine/c1',
    deckId: 'mine',
    review,
    rating: 'good',
    kind: 'review',
    state: 0,
    elapsedDays: 0,
    scheduledDays: 1,
    durationMs: 3000,
    before: { ...memory, reps: 0, state: 0, lastReview: null },
    after: memory,
  };
};

/** A database with one answer in it (something of the user's to keep). */
async function studied(prefix = 'auto'): Promise<DockdeckDB> {
  const db = freshDb(prefix);
  await db.reviewLogs.add(log('l1', DAY1 - HOUR));
  return db;
}

/** Runs the start-up backup at `now`. */
async function startAt(db: DockdeckDB, now: number) {
  setClock(() => now);
  return runAutoBackupAtStart(db);
}

const ids = async (db: DockdeckDB) => (await listAutoBackups(db)).map((r) => r.id);

test('the first start of a study day makes one backup; later starts that day none; the next study day another', async () => {
  const db = await studied();
  try {
    const first = await startAt(db, DAY1);
    expect(first?.made).toMatchObject({
      id: 'daily:2026-03-02',
      kind: 'daily',
      studyDay: '2026-03-02',
      fileName: 'dockdeck-auto-2026-03-02.json.gz',
      counts: { decks: 0, cards: 0, reviewLogs: 1 },
      schemaVersion: db.verno,
    });
    expect(first?.made?.size).toBe((await autoBackupBytes(db, 'daily:2026-03-02'))?.length);
    expect(await ids(db)).toEqual(['daily:2026-03-02']);

    // The same evening, and at 3 a.m. (before the day's 4 a.m. start): still that study day.
    expect(await startAt(db, at(0, 23))).toEqual({ made: null, why: 'exists' });
    expect(await startAt(db, at(1, 3))).toEqual({ made: null, why: 'exists' });
    expect(await ids(db)).toEqual(['daily:2026-03-02']);

    // Past 4 a.m.: the next study day.
    expect((await startAt(db, at(1, 5)))?.made?.id).toBe('daily:2026-03-03');
    expect(await ids(db)).toEqual(['daily:2026-03-03', 'daily:2026-03-02']);
  } finally {
    await db.delete();
  }
});

test('the study day follows the day start hour of the settings', async () => {
  const db = await studied();
  try {
    await db.settings.put({ key: 'study', value: { dayStartHour: 12 }, updatedAt: 0 });
    // 10 a.m. with the day starting at noon: still the study day of 1 March.
    expect((await startAt(db, DAY1))?.made?.id).toBe('daily:2026-03-01');
    expect((await startAt(db, at(0, 13)))?.made?.id).toBe('daily:2026-03-02');
  } finally {
    await db.delete();
  }
});

test('nothing is made while the database holds nothing of the user’s', async () => {
  const db = freshDb('auto-empty');
  try {
    expect(await startAt(db, DAY1)).toEqual({ made: null, why: 'nothing' });
    expect(await db.autoBackups.count()).toBe(0);
  } finally {
    await db.delete();
  }
});

test('with 3 to keep, after 5 study days only the 3 newest remain (their bytes with them)', async () => {
  const db = await studied();
  try {
    expect(await saveKeep(db, 3, DAY1)).toBeNull();
    for (let d = 0; d < 5; d++) await startAt(db, at(d));
    expect(await ids(db)).toEqual(['daily:2026-03-06', 'daily:2026-03-05', 'daily:2026-03-04']);
    // Three listed rows, their three files, and the settings row: nothing of the pruned ones is left.
    expect((await db.autoBackups.toCollection().primaryKeys()).sort()).toEqual([
      'config',
      'daily:2026-03-04',
      'daily:2026-03-04/bytes',
      'daily:2026-03-05',
      'daily:2026-03-05/bytes',
      'daily:2026-03-06',
      'daily:2026-03-06/bytes',
    ]);
    // Lowering the number prunes at once.
    expect(await saveKeep(db, 1, at(5))).toBeNull();
    expect(await ids(db)).toEqual(['daily:2026-03-06']);
    expect(await autoBackupBytes(db, 'daily:2026-03-05')).toBeUndefined();
  } finally {
    await db.delete();
  }
});

test('a number to keep outside 1–30 or not a whole number is refused and changes nothing', async () => {
  const db = await studied();
  try {
    for (const bad of [0, 31, 2.5, NaN, 'abc', -1])
      expect(await saveKeep(db, bad, DAY1)).toEqual({ code: 'whole-number', min: 1, max: 30 });
    expect(await db.autoBackups.count()).toBe(0);
    expect((await readAutoBackupConfig(db)).keep).toBe(7);
    expect(await saveKeep(db, 30, DAY1)).toBeNull();
    expect((await readAutoBackupConfig(db)).keep).toBe(30);
  } finally {
    await db.delete();
  }
});

test('two starts at once (two tabs on one database) make one backup', async () => {
  const db = await studied('auto-tabs');
  // Two connections, as two tabs have.
  const other = new DockdeckDB(db.name);
  try {
    setClock(() => DAY1);
    const outcomes = await Promise.all([runAutoBackupAtStart(db), runAutoBackupAtStart(other)]);
    expect(outcomes.filter((o) => o?.made).length).toBe(1);
    expect(outcomes.filter((o) => o?.made === null && o.why === 'exists').length).toBe(1);
    expect(await ids(db)).toEqual(['daily:2026-03-02']);
    expect(await db.autoBackups.count()).toBe(2);
  } finally {
    other.close();
    await db.delete();
  }
});

/** Every table but the automatic backups, less the backup time a restore notes. */
async function userData(db: DockdeckDB) {
  const { autoBackups: _, ...rest } = await dump(db);
  return { ...rest, settings: rest.settings!.filter((s) => (s as { key: string }).key !== BACKUP_SETTING_KEY) };
}

test('an automatic backup’s bytes restore (through readBackupFile) to the very same database', async () => {
  await fc.assert(
    fc.asyncProperty(
      dbContent.filter((c) => c.reviewLogs.length > 0 || c.decks.some((d) => !d.builtin)),
      async (content) => {
        const source = freshDb('auto-src');
        const target = freshDb('auto-dst');
        try {
          await fill(source, content);
          const outcome = await makeAutoBackup(source, { now: DAY1, dayStartHour: 4, kind: 'daily' });
          if (!outcome.made) throw new Error('no backup made');
          const bytes = (await autoBackupBytes(source, outcome.made.id))!;
          const decoded = readBackupFile(target, bytes, outcome.made.fileName);
          expect(decoded.counts.cards).toBe(outcome.made.counts.cards);
          expect(decoded.counts.reviewLogs).toBe(outcome.made.counts.reviewLogs);
          await restoreBackup(target, decoded);
          expect(await userData(target)).toEqual(await userData(source));
          // An automatic backup kept in the browser is no backup the reminder counts: its time is not noted.
          expect(await source.settings.get(BACKUP_SETTING_KEY)).toBeUndefined();
        } finally {
          await source.delete();
          await target.delete();
        }
      },
    ),
    { numRuns: 8 },
  );
}, 90_000);

test('the automatic backups are not inside a backup, a file that has them is refused, and a restore keeps them', async () => {
  const db = await studied();
  try {
    await startAt(db, DAY1);
    const before = await makeAutoBackup(db, { now: DAY1 + HOUR, dayStartHour: 4, kind: 'before-restore' });
    expect(before.made?.fileName).toMatch(/^dockdeck-auto-2026-03-02-before-restore-110000\.json\.gz$/);
    const backup = await createBackup(db, DAY1 + 2 * HOUR);
    expect(Object.keys(backup.counts)).not.toContain('autoBackups');
    const decoded = readBackupFile(db, backup.bytes);
    expect(Object.keys(decoded.tables)).not.toContain('autoBackups');

    // A file with an autoBackups table (none is ever written) is refused as a table the app does not have.
    const forged = encodeBackup({
      format: BACKUP_FORMAT,
      schemaVersion: db.verno,
      createdAt: DAY1,
      tables: { ...decoded.tables, autoBackups: [{ id: 'daily:2020-01-01', createdAt: 1 }] },
    });
    let refused: unknown;
    try {
      readBackupFile(db, forged, 'forged.json.gz');
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(IssueError);
    expect((refused as IssueError).issues.map((i) => i.code)).toContain('backup.unknown-table');

    // A restore replaces everything but them: the one made before it is there to undo it.
    await db.reviewLogs.add(log('l2', DAY1 + 3 * HOUR));
    await restoreBackup(db, decoded);
    expect(await db.reviewLogs.count()).toBe(1);
    expect(await ids(db)).toEqual(['before-restore:' + String(DAY1 + HOUR), 'daily:2026-03-02']);
  } finally {
    await db.delete();
  }
});

test('with a folder: every kept backup is written there, ours pruned to the newest N, nothing else touched', async () => {
  const db = await studied();
  const folder = new FakeFolder('Backups');
  folder.put('notes.txt');
  folder.put('dockdeck-backup-2026-01-01.json.gz');
  folder.put('dockdeck-auto-2026-01-01.json.gz');
  try {
    await saveKeep(db, 2, DAY1);
    await startAt(db, DAY1);
    await setBackupFolder(db, folder, DAY1);
    expect(await syncBackupFolder(db, DAY1)).toEqual({ state: 'done', written: 1 });
    // Two files of ours, both kept (the newest 2 are); the others are never touched.
    expect(folder.names()).toEqual([
      'dockdeck-auto-2026-01-01.json.gz',
      'dockdeck-auto-2026-03-02.json.gz',
      'dockdeck-backup-2026-01-01.json.gz',
      'notes.txt',
    ]);
    expect(folder.files.get('dockdeck-auto-2026-03-02.json.gz')?.bytes).toEqual(
      await autoBackupBytes(db, 'daily:2026-03-02'),
    );
    // A copy outside the browser is a backup the reminder counts.
    expect(await db.settings.get(BACKUP_SETTING_KEY)).toMatchObject({ value: { lastBackupAt: DAY1 } });

    await startAt(db, at(1));
    await startAt(db, at(2));
    expect(folder.names().filter((n) => AUTO_FILE_PATTERN.test(n))).toEqual([
      'dockdeck-auto-2026-03-03.json.gz',
      'dockdeck-auto-2026-03-04.json.gz',
    ]);
    expect(folder.names()).toContain('notes.txt');
    expect((await listAutoBackups(db)).every((r) => r.writtenTo === undefined)).toBe(false);

    // A lower number to keep prunes the folder too, with nothing new to write.
    await saveKeep(db, 1, at(2));
    expect(await syncBackupFolder(db, at(2), { prune: true })).toEqual({ state: 'done', written: 0 });
    expect(folder.names()).toEqual([
      'dockdeck-auto-2026-03-04.json.gz',
      'dockdeck-backup-2026-01-01.json.gz',
      'notes.txt',
    ]);
  } finally {
    await db.delete();
  }
});

test('a folder not allowed after a reload: the backup stays in the browser, the last error says so; allowed, it is written', async () => {
  const db = await studied();
  const folder = new FakeFolder('Backups');
  try {
    await setBackupFolder(db, folder, DAY1);
    folder.permission = 'prompt';
    await startAt(db, DAY1);
    expect(await ids(db)).toEqual(['daily:2026-03-02']);
    expect(folder.names()).toEqual([]);
    expect((await readAutoBackupConfig(db)).lastError).toEqual({ at: DAY1, code: 'permission', detail: '' });

    folder.permission = 'granted';
    expect(await syncBackupFolder(db, DAY1 + HOUR)).toEqual({ state: 'done', written: 1 });
    expect(folder.names()).toEqual(['dockdeck-auto-2026-03-02.json.gz']);
    expect((await readAutoBackupConfig(db)).lastError).toBeUndefined();

    // A write that fails is kept as the last error, with what the browser said (and logged).
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(folder, 'getFileHandle').mockRejectedValue(new DOMException('The disk is full', 'QuotaExceededError'));
    await startAt(db, at(1));
    expect((await readAutoBackupConfig(db)).lastError).toEqual({
      at: at(1),
      code: 'folder',
      detail: 'QuotaExceededError: The disk is full',
    });
    expect(logged).toHaveBeenCalled();
  } finally {
    await db.delete();
  }
});

test('the table holds only listed rows in its createdAt index', async () => {
  const db = await studied();
  try {
    await startAt(db, DAY1);
    await setBackupFolder(db, new FakeFolder('F'), DAY1);
    const byDate = await (db.autoBackups as Table).orderBy('createdAt').primaryKeys();
    expect(byDate).toEqual(['daily:2026-03-02']);
  } finally {
    await db.delete();
  }
});
