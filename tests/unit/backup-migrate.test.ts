// A backup from an older database version is brought up to date exactly as Dexie's upgrade does it.
import Dexie from 'dexie';
import { gzipSync, strToU8 } from 'fflate';
import { readBackupFile, restoreBackup } from '../../src/db/backup-repo';
import { DockdeckDB } from '../../src/db/database';
import { BACKUP_FORMAT } from '../../src/formats/backup/schema';
import { migrateBackupTables } from '../../src/formats/backup/migrate';
import { newMemory } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import { dump, freshDb } from './backup-fixtures';
import { openOldDatabase } from './helpers/old-db';
import { ALL_KINDS } from './export-fixtures';

const NOW = Date.UTC(2026, 2, 2, 10);

/** Rows as version 1 of the app stored them (decks without `origin`; no quiz or media tables). */
function v1Rows() {
  const deck = (id: string, builtin: boolean) => ({
    id,
    title: { en: id, zh: id },
    tags: [],
    sources: [],
    tables: [],
    builtin,
    contentHash: 'h',
    createdAt: 1,
    updatedAt: 2,
  });
  const cards = expandDeck(ALL_KINDS).map((c) => ({
    ...c,
    ...newMemory(new Date(NOW)),
    createdAt: NOW,
    updatedAt: NOW,
  }));
  const m = newMemory(new Date(NOW));
  return {
    decks: [deck('all-kinds', false), deck('built', true)],
    cards,
    reviewLogs: [
      {
        id: 'l1',
        cardId: cards[0]!.id,
        deckId: 'all-kinds',
        rating: 'good',
        review: NOW,
        state: 0,
        elapsedDays: 0,
        scheduledDays: 0,
        durationMs: 900,
        kind: 'review',
        before: m,
        after: { ...m, state: 1 },
      },
    ],
    settings: [
      { key: 'study', value: { newPerDay: 7 }, updatedAt: 1 },
      { key: 'backup', value: { lastBackupAt: NOW }, updatedAt: NOW },
    ],
  };
}

test('a version-1 backup restores to exactly what Dexie makes of a version-1 database', async () => {
  const name = `v1-${Math.random().toString(36).slice(2)}`;
  const v1 = openOldDatabase(name, 1);
  const rows = v1Rows();
  for (const [table, list] of Object.entries(rows)) await v1.table(table).bulkAdd(list);
  v1.close();
  const upgraded = new DockdeckDB(name);
  await upgraded.open();
  const viaDexie = await dump(upgraded);

  const restored = freshDb('v1-restore');
  const file = gzipSync(
    strToU8(JSON.stringify({ format: BACKUP_FORMAT, schemaVersion: 1, createdAt: NOW, tables: rows })),
  );
  const decoded = readBackupFile(restored, file);
  expect(decoded.sourceVersion).toBe(1);
  expect(decoded.schemaVersion).toBe(restored.verno);
  await restoreBackup(restored, decoded);
  expect(await dump(restored)).toEqual(viaDexie);
  expect((await restored.decks.get('built'))?.origin).toBe('builtin');
  expect((await restored.decks.get('all-kinds'))?.origin).toBe('json');

  upgraded.close();
  await Dexie.delete(name);
  await restored.delete();
});

test('migrations run in order and only past the backup’s version; index-only versions change nothing', () => {
  const tables = { decks: [{ id: 'd', builtin: true }] };
  expect(migrateBackupTables(tables, 1, 2)).toEqual({
    decks: [{ id: 'd', builtin: true, origin: 'builtin' }],
    quizAttempts: [],
    media: [],
  });
  expect(migrateBackupTables(tables, 2, 2)).toBe(tables);
  expect(migrateBackupTables({ decks: [] }, 2, 5)).toEqual({ decks: [] });
});
