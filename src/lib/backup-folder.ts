// A folder of the user's for copies of the automatic backups, through the File System Access API where the browser
// has it (Chromium's window.showDirectoryPicker): the handle can be kept in IndexedDB, and writing to it again after
// a reload needs the user's permission (queryPermission / requestPermission). The types are written out here: the
// DOM library TypeScript ships has neither the picker nor the permission calls.

/** A file or folder inside the chosen folder, as `values()` lists them. */
export interface FolderEntry {
  kind: 'file' | 'directory';
  name: string;
}

export interface FolderFileHandle {
  getFile(): Promise<{ lastModified: number }>;
  createWritable(): Promise<{ write(data: Uint8Array): Promise<void>; close(): Promise<void> }>;
}

/** The parts of a FileSystemDirectoryHandle used here. */
export interface FolderHandle {
  readonly name: string;
  queryPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FolderFileHandle>;
  removeEntry(name: string): Promise<void>;
  values(): AsyncIterable<FolderEntry>;
}

type Picker = (options?: { id?: string; mode?: 'readwrite' }) => Promise<FolderHandle>;

const picker = (): Picker | undefined =>
  typeof window === 'undefined'
    ? undefined
    : (window as unknown as { showDirectoryPicker?: Picker }).showDirectoryPicker;

/** Whether this browser lets the user choose a folder to write to. */
export function canChooseFolder(): boolean {
  return typeof picker() === 'function';
}

/** Asks the user for a folder (call from a click); null when they cancelled the picker. */
export async function chooseFolder(): Promise<FolderHandle | null> {
  const pick = picker();
  if (!pick) return null;
  try {
    return await pick.call(window, { id: 'dockdeck-backups', mode: 'readwrite' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
}

const READ_WRITE = { mode: 'readwrite' } as const;

/** Whether dockdeck may write to the folder now (a browser without the permission calls: granted with the handle). */
export async function folderPermission(handle: FolderHandle): Promise<PermissionState> {
  return handle.queryPermission ? handle.queryPermission(READ_WRITE) : 'granted';
}

/** Asks the browser for permission to write (call from a click: it needs a user gesture). */
export async function askFolderPermission(handle: FolderHandle): Promise<PermissionState> {
  return handle.requestPermission ? handle.requestPermission(READ_WRITE) : folderPermission(handle);
}

/** Writes (or overwrites) a file in the folder; the browser swaps it in whole when it is closed. */
export async function writeFolderFile(handle: FolderHandle, name: string, bytes: Uint8Array): Promise<void> {
  const file = await handle.getFileHandle(name, { create: true });
  const out = await file.createWritable();
  await out.write(bytes);
  await out.close();
}

/**
 * Keeps the newest `keep` files of the folder whose names match `pattern` (the files dockdeck wrote; anything else
 * in the folder is never touched), by last change and then name; removes the others and returns their names.
 */
export async function pruneFolder(handle: FolderHandle, pattern: RegExp, keep: number): Promise<string[]> {
  const ours: Array<{ name: string; at: number }> = [];
  for await (const entry of handle.values()) {
    if (entry.kind !== 'file' || !pattern.test(entry.name)) continue;
    const file = await (await handle.getFileHandle(entry.name)).getFile();
    ours.push({ name: entry.name, at: file.lastModified });
  }
  ours.sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  const removed = ours.slice(keep).map((f) => f.name);
  for (const name of removed) await handle.removeEntry(name);
  return removed;
}
