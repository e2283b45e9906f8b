// The app's one database connection, and how storage problems reach the user instead of failing silently.
import { pushAlert } from '../lib/alerts';
import { DockdeckDB } from './database';
import { isClosedError, isQuotaError, UndoConflictError } from './errors';

let current: DockdeckDB | null = null;
/** Set when another tab's upgrade made us close: the reload message already says why the database is closed. */
let closedForUpgrade = false;

export function db(): DockdeckDB {
  if (!current) current = open(new DockdeckDB());
  return current;
}

/** Set from setDatabase until the new connection opens: work of the old one that its close cut off ends now. */
let replacing = false;

/** For tests: use a fresh database (closing the old one). */
export function setDatabase(next: DockdeckDB): DockdeckDB {
  replacing = current !== null;
  current?.close();
  closedForUpgrade = false;
  current = open(next);
  next.on('ready', () => {
    replacing = false;
  });
  return current;
}

function open(d: DockdeckDB): DockdeckDB {
  d.on('versionchange', () => {
    // Another tab is upgrading the database: let it, and ask the user to reload into the new version.
    closedForUpgrade = true;
    d.close();
    pushAlert({
      kind: 'warning',
      message: 'alert.versionchange',
      action: 'reload',
    });
    return false;
  });
  d.on('blocked', () => {
    pushAlert({ kind: 'warning', message: 'alert.blocked', action: 'reload' });
  });
  return d;
}

/** Turns a storage error into a message the user sees; returns the i18n key used. */
export function reportStorageError(error: unknown): string {
  let key = 'alert.storage-failed';
  if (isQuotaError(error)) key = 'alert.quota';
  else if (isClosedError(error)) key = 'alert.closed';
  else if (error instanceof UndoConflictError) key = 'alert.undo-conflict';
  console.error(error);
  // Reads and writes cut off by that close would only repeat the reload message in other words.
  if (key === 'alert.closed' && closedForUpgrade) return 'alert.versionchange';
  // A connection closed because it was replaced (setDatabase): the work it cut off belonged to it, and the current
  // connection is fine; nothing to tell the user.
  if (key === 'alert.closed' && (replacing || current?.isOpen())) return key;
  pushAlert({ kind: 'error', message: key });
  return key;
}
