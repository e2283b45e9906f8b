// A folder the File System Access API would give (showDirectoryPicker), in memory: files with their bytes and a last
// change that only goes up, the permission to write (queryPermission / requestPermission) set by the test.
import type { FolderEntry, FolderFileHandle, FolderHandle } from '../../../src/lib/backup-folder';

let tick = 1;

export class FakeFolder implements FolderHandle {
  readonly files = new Map<string, { bytes: Uint8Array; lastModified: number }>();
  permission: PermissionState = 'granted';
  /** What requestPermission answers (and the permission becomes). */
  answer: PermissionState = 'granted';
  requests = 0;
  constructor(readonly name: string) {}

  put(name: string, bytes = new Uint8Array([1])): void {
    this.files.set(name, { bytes, lastModified: tick++ });
  }

  queryPermission(): Promise<PermissionState> {
    return Promise.resolve(this.permission);
  }

  requestPermission(): Promise<PermissionState> {
    this.requests++;
    this.permission = this.answer;
    return Promise.resolve(this.answer);
  }

  getFileHandle(name: string, options: { create?: boolean } = {}): Promise<FolderFileHandle> {
    if (this.permission !== 'granted') return Promise.reject(new DOMException('not allowed', 'NotAllowedError'));
    if (!this.files.has(name) && !options.create)
      return Promise.reject(new DOMException(`${name} not found`, 'NotFoundError'));
    return Promise.resolve({
      getFile: () => Promise.resolve({ lastModified: this.files.get(name)?.lastModified ?? 0 }),
      createWritable: () => {
        let written = new Uint8Array();
        return Promise.resolve({
          write: (data: Uint8Array) => {
            written = new Uint8Array(data);
            return Promise.resolve();
          },
          close: () => {
            this.put(name, written);
            return Promise.resolve();
          },
        });
      },
    });
  }

  removeEntry(name: string): Promise<void> {
    this.files.delete(name);
    return Promise.resolve();
  }

  async *values(): AsyncIterable<FolderEntry> {
    for (const name of [...this.files.keys()]) yield await Promise.resolve({ kind: 'file' as const, name });
  }

  names(): string[] {
    return [...this.files.keys()].sort();
  }
}

/** The folder store of src/db/auto-backup-folder-store.ts, in memory (IndexedDB cannot store a fake handle). */
export function memoryFolderStore() {
  let handle: FolderHandle | null = null;
  return {
    loadFolder: () => Promise.resolve(handle),
    storeFolder: (_db: unknown, next: FolderHandle | null) => {
      handle = next;
      return Promise.resolve();
    },
  };
}
