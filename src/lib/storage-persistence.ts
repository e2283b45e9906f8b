// The browser's storage manager: whether the app's data is kept when the device runs low on space (persistent
// storage), how much the app uses, and asking for persistence. Every call copes with a browser that lacks it.

export interface StorageState {
  /** Whether the browser promised not to clear the data to free space; null when it does not say. */
  persisted: boolean | null;
  /** Bytes used by this site (IndexedDB, the service worker's cache…), and the most it may use; null if unknown. */
  usage: number | null;
  quota: number | null;
  /** Whether persistence can be asked for at all. */
  canAsk: boolean;
}

const ASKED_KEY = 'dockdeck.persistAsked';

function manager(): StorageManager | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

export async function readStorageState(): Promise<StorageState> {
  const storage = manager();
  const canAsk = typeof storage?.persist === 'function';
  // Each part on its own: a browser may answer one and fail the other.
  const persisted = await (storage?.persisted?.() ?? Promise.resolve(null)).catch(() => null);
  const estimate = await (storage?.estimate?.() ?? Promise.resolve(null)).catch(() => null);
  return {
    persisted,
    usage: typeof estimate?.usage === 'number' ? estimate.usage : null,
    quota: typeof estimate?.quota === 'number' ? estimate.quota : null,
    canAsk,
  };
}

/**
 * Asks for persistent storage. Chromium decides by itself (how much the site is used, whether it is installed or
 * bookmarked); Firefox asks the user. True when granted, false when not, null when the browser cannot be asked.
 */
export async function askPersistentStorage(): Promise<boolean | null> {
  const storage = manager();
  if (typeof storage?.persist !== 'function') return null;
  try {
    return await storage.persist();
  } catch {
    return null;
  }
}

/** Whether the app has asked by itself once already (it asks unprompted only once; the Backup screen any time). */
export function askedBefore(): boolean {
  try {
    return localStorage.getItem(ASKED_KEY) !== null;
  } catch {
    // No localStorage (disabled storage): not asking by itself is the quiet choice.
    return true;
  }
}

export function rememberAsked(now: number): void {
  try {
    localStorage.setItem(ASKED_KEY, String(now));
  } catch {
    // Only means the app may ask once more.
  }
}
