// @vitest-environment jsdom
// Issue 14: the Backup screen's automatic backups: the list with Download and Restore (the same confirmation as a
// file, and a backup of what was there first), the number to keep (refused when it is no whole number from 1 to 30),
// and a folder for copies through a mocked showDirectoryPicker (written, pruned, asked for permission again).
import { screen, waitFor, within } from '@testing-library/react';
import { autoBackupBytes, listAutoBackups, readAutoBackupConfig, saveKeep } from '../../src/db/auto-backup-repo';
import { runAutoBackupAtStart } from '../../src/features/backup/auto-backup-run';
import { FakeFolder } from '../unit/helpers/fake-folder';
import { freshDb } from './helpers';
import { addDeck, catchDownloads, deck, openWithClient } from './import-helpers';

vi.mock('../../src/db/auto-backup-folder-store', async () =>
  (await import('../unit/helpers/fake-folder')).memoryFolderStore(),
);

// The whole app renders in jsdom: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const DAY = 86_400_000;

/** A database with a deck of the user's and the automatic backups of `days` study days (one a day, from 2 March). */
async function withBackups(days: number) {
  const t = await freshDb(deck('mine', 'Mine'));
  for (let d = 0; d < days; d++) {
    if (d > 0) t.advance(DAY);
    await runAutoBackupAtStart(t.db);
  }
  return t;
}

async function openBackupScreen() {
  const opened = openWithClient('#/backup');
  await waitFor(() => expect(document.querySelector('.app')).toHaveAttribute('data-ready', 'true'));
  await screen.findByRole('heading', { name: 'Automatic backups' });
  return opened;
}

const list = () => screen.findByRole('list', { name: 'Automatic backups, newest first' });

afterEach(() => {
  delete (window as { showDirectoryPicker?: unknown }).showDirectoryPicker;
});

test('the list shows each automatic backup; Download hands its file over; Restore asks first, then restores', async () => {
  const { db, now, advance } = await withBackups(2);
  const downloads = catchDownloads();
  const { user } = await openBackupScreen();
  const items = within(await list()).getAllByRole('listitem');
  expect(items.map((li) => li.dataset.id)).toEqual(['daily:2026-03-03', 'daily:2026-03-02']);
  expect(items[0]).toHaveTextContent(/March 3, 2026.*Start of the day.*Cards: 1, reviews: 0, \d+(\.\d)? (B|KB)/);
  expect(screen.getByText(/clearing the browser’s data for this site deletes them too/)).toBeInTheDocument();

  await user.click(within(items[1]!).getByRole('button', { name: /^Download the automatic backup of March 2, 2026/ }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(downloads[0]!.name).toBe('dockdeck-auto-2026-03-02.json.gz');
  expect(downloads[0]!.type).toBe('application/gzip');
  // (As plain arrays: jsdom's Blob and IndexedDB's bytes come from different realms.)
  expect([...new Uint8Array(await downloads[0]!.blob.arrayBuffer())]).toEqual([
    ...(await autoBackupBytes(db, 'daily:2026-03-02'))!,
  ]);

  // Life goes on: an hour later, another deck; then the backup of 2 March is restored.
  advance(3_600_000);
  await addDeck(db, 'later', 'Later', now());
  const decksBefore = await db.decks.count();
  const cardsBefore = await db.cards.count();
  await user.click(within(items[1]!).getByRole('button', { name: /^Restore the automatic backup of March 2, 2026/ }));
  const dialog = await screen.findByRole('alertdialog', { name: 'Replace everything with this backup?' });
  expect(dialog).toHaveTextContent('The backup dockdeck-auto-2026-03-02.json.gz was made on March 2, 2026');
  expect(within(dialog).getByText('Decks: 1')).toBeInTheDocument();
  // Cancel changes nothing.
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(await db.decks.get('later')).toBeDefined();

  await user.click(within(items[1]!).getByRole('button', { name: /^Restore the automatic backup of March 2, 2026/ }));
  const again = await screen.findByRole('alertdialog', { name: 'Replace everything with this backup?' });
  await user.click(within(again).getByRole('button', { name: 'Replace everything' }));
  expect(
    await screen.findByText(
      /^Restored the backup of March 2, 2026.*What was there before is kept as the automatic backup/,
    ),
  ).toBeInTheDocument();
  expect(await db.decks.get('later')).toBeUndefined();
  expect(await db.decks.get('mine')).toBeDefined();
  // The backup of what was there (with "later") is listed first: restoring it undoes the restore.
  await waitFor(async () => expect((await list()).querySelectorAll('li')).toHaveLength(3));
  const [safety] = await listAutoBackups(db);
  expect(safety).toMatchObject({ kind: 'before-restore', counts: { decks: decksBefore, cards: cardsBefore } });
  expect(decksBefore).toBeGreaterThan(1);
  expect(within(await list()).getAllByRole('listitem')[0]).toHaveTextContent('Before a restore');
});

test('the number to keep: 0 and "abc" are refused with what is right and change nothing; 5 is saved', async () => {
  const { db } = await withBackups(1);
  const { user } = await openBackupScreen();
  const box = screen.getByRole('textbox', { name: 'Automatic backups to keep' });
  expect(box).toHaveValue('7');
  for (const bad of ['0', 'abc']) {
    await user.clear(box);
    await user.type(box, bad);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a whole number from 1 to 30. Nothing was changed.')).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect((await readAutoBackupConfig(db)).keep).toBe(7);
  }
  await user.clear(box);
  await user.type(box, '5');
  await user.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('Saved: the newest 5 automatic backups are kept.')).toBeInTheDocument();
  expect(screen.queryByText('Enter a whole number from 1 to 30. Nothing was changed.')).toBeNull();
  expect((await readAutoBackupConfig(db)).keep).toBe(5);
  expect(screen.getByText(/It keeps the newest 5\./)).toBeInTheDocument();
});

test('in Chinese, a bad number to keep is refused in Chinese', async () => {
  const { db } = await withBackups(1);
  await db.settings.put({
    key: 'study',
    value: { dayStartHour: 4, studyLang: 'zh', uiLang: 'zh', theme: 'system' },
    updatedAt: 0,
  });
  const { user } = openWithClient('#/backup');
  const box = await screen.findByRole('textbox', { name: '保留的自动备份数量' });
  await user.clear(box);
  await user.type(box, '31');
  await user.click(screen.getByRole('button', { name: '保存' }));
  expect(await screen.findByText('请输入 1 到 30 之间的整数。没有做任何更改。')).toBeInTheDocument();
  expect((await readAutoBackupConfig(db)).keep).toBe(7);
});

test('a chosen folder (showDirectoryPicker) gets every kept backup, ours pruned; after a reload it asks before writing', async () => {
  const t = await freshDb(deck('mine', 'Mine'));
  await saveKeep(t.db, 2, t.now());
  for (let d = 0; d < 3; d++) {
    if (d > 0) t.advance(DAY);
    await runAutoBackupAtStart(t.db);
  }
  const folder = new FakeFolder('Backups');
  folder.put('dockdeck-auto-2026-01-01.json.gz');
  folder.put('notes.txt');
  const picker = vi.fn(() => Promise.resolve(folder));
  (window as { showDirectoryPicker?: unknown }).showDirectoryPicker = picker;
  const { user, unmount } = await openBackupScreen();
  await user.click(screen.getByRole('button', { name: 'Choose a folder…' }));
  expect(await screen.findByText('Copied to “Backups”: 2 new file(s).')).toBeInTheDocument();
  expect(picker).toHaveBeenCalledWith({ id: 'dockdeck-backups', mode: 'readwrite' });
  // The two kept backups are there; our older file went (2 are kept); the user's own file stays.
  expect(folder.names()).toEqual(['dockdeck-auto-2026-03-03.json.gz', 'dockdeck-auto-2026-03-04.json.gz', 'notes.txt']);
  expect(screen.getByText(/also written to the folder “Backups”/)).toBeInTheDocument();
  unmount();

  // The next study day, after a reload: the browser wants the permission again. The backup is made and waits.
  folder.permission = 'prompt';
  t.advance(DAY);
  await runAutoBackupAtStart(t.db);
  expect(folder.names()).not.toContain('dockdeck-auto-2026-03-05.json.gz');
  const reopened = await openBackupScreen();
  await reopened.user.click(await screen.findByRole('button', { name: 'Allow writing to Backups' }));
  expect(await screen.findByText('Copied to “Backups”: 1 new file(s).')).toBeInTheDocument();
  expect(folder.requests).toBe(1);
  expect(folder.names()).toEqual(['dockdeck-auto-2026-03-04.json.gz', 'dockdeck-auto-2026-03-05.json.gz', 'notes.txt']);
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Allow writing to Backups' })).toBeNull());
});

test('without showDirectoryPicker the screen says the backups can only be downloaded', async () => {
  await withBackups(1);
  await openBackupScreen();
  expect(screen.getByText(/This browser cannot write to a folder of your choice/)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Choose a folder…' })).toBeNull();
});
