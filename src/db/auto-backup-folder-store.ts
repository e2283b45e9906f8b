// Where the chosen backup folder's handle is kept: row `folder` of the autoBackups table (IndexedDB stores a
// FileSystemDirectoryHandle as it is, and gives it back after a reload). Its own module, so that tests can keep a fake
// handle (which IndexedDB could not store: it has methods) in memory instead.
import type { FolderHandle } from '../lib/backup-folder';
import type { AutoBackupFolderRow, DockdeckDB } from './database';

const FOLDER_ID = 'folder';

export async function loadFolder(db: DockdeckDB): Promise<FolderHandle | null> {
  const row = (await db.autoBackups.get(FOLDER_ID)) as AutoBackupFolderRow | undefined;
  return (row?.handle as FolderHandle | undefined) ?? null;
}

/** Keeps the handle (null forgets it). */
export async function storeFolder(db: DockdeckDB, handle: FolderHandle | null): Promise<void> {
  if (handle === null) await db.autoBackups.delete(FOLDER_ID);
  else await db.autoBackups.put({ id: FOLDER_ID, handle } satisfies AutoBackupFolderRow);
}
