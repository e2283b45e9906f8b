// Brings the rows of a backup from an older database version up to the app's: the same data changes the Dexie
// `.upgrade()` functions of src/db/database.ts make, written out as plain functions over rows.
//
// Why not run Dexie's own upgrade: it runs only when an older IndexedDB database is opened, so restoring through it
// would mean creating a throw-away database at the old version (with that version's schema copied here) just to
// read it back. The functions below are small, pure and tested against the real upgrade
// (tests/unit/backup-migrate.test.ts opens a version-1 database, lets Dexie upgrade it, and compares).
//
// A version whose upgrade only changes indexes needs no entry. A version whose `.upgrade()` changes data MUST add
// its entry here, or its backups would be restored without that change.
import { settingsRowsWithPresets } from '../../domain/presets';
import type { BackupRow } from './schema';

type Tables = Record<string, BackupRow[]>;

const MIGRATIONS: Record<number, (tables: Tables) => Tables> = {
  // Version 2: decks get their `origin` (built in, or dockdeck JSON: the only kinds version 1 had); the new
  // quizAttempts and media tables start empty.
  2: (t) => ({
    ...t,
    decks: (t.decks ?? []).map((d) => ({ ...d, origin: d.builtin ? 'builtin' : 'json' })),
    quizAttempts: t.quizAttempts ?? [],
    media: t.media ?? [],
  }),
  // Version 7: the user's versions of built-in cards start empty.
  7: (t) => ({ ...t, noteEdits: t.noteEdits ?? [] }),
  // Version 9: the old scheduler settings and daily limits become the default preset (settings row `presets`).
  9: (t) => ({
    ...t,
    settings: settingsRowsWithPresets(
      (t.settings ?? []) as Array<BackupRow & { key: string; value: unknown; updatedAt: number }>,
    ),
  }),
};

/** Applies each migration after `from` up to and including `to`, in order. */
export function migrateBackupTables(tables: Tables, from: number, to: number): Tables {
  let out = tables;
  for (let v = from + 1; v <= to; v++) {
    const step = MIGRATIONS[v];
    if (step) out = step(out);
  }
  return out;
}
