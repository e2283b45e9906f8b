// @vitest-environment jsdom
// Backup and restore from the backup screen (restore only after a confirmation that it replaces everything), and the reminder.
import { screen, waitFor, within } from '@testing-library/react';
import { writeSettings } from '../../src/db/settings-repo';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { ReviewLogRow } from '../../src/db/database';
import { newMemory } from '../../src/domain/scheduler';
import { freshDb } from './helpers';
import { addDeck, catchDownloads, deck, file, openWithClient } from './import-helpers';

// The whole app renders in jsdom: slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const restoreInput = () => screen.getByLabelText<HTMLInputElement>('Backup file to restore');

test('download a full backup, then restore it: the dialog says it replaces everything; Cancel changes nothing, confirming does', async () => {
  const { db, now } = await freshDb(deck('mine', 'Mine'));
  const downloads = catchDownloads();
  const { user } = openWithClient('#/backup');
  await waitFor(() => expect(document.querySelector('.app')).toHaveAttribute('data-ready', 'true'), {
    timeout: 10_000,
  });
  await user.click(await screen.findByRole('button', { name: 'Download full backup' }));
  await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
  const backup = downloads[0]!;
  expect(backup.name).toMatch(/^dockdeck-backup-\d{4}-\d{2}-\d{2}\.json\.gz$/);
  expect(backup.type).toBe('application/gzip');
  const decksInBackup = await db.decks.count();
  // The status is rendered after the download has started: wait for it, do not read it in the same tick.
  expect(
    await screen.findByText(
      new RegExp(`^Saved ${backup.name.replaceAll('.', '\\.')}\\. Decks: ${decksInBackup}, cards: `),
      undefined,
      { timeout: 10_000 },
    ),
  ).toBeInTheDocument();

  // Life goes on after the backup: another deck.
  await addDeck(db, 'later', 'Later', now());
  const bytes = new Uint8Array(await backup.blob.arrayBuffer());

  await user.upload(restoreInput(), file(backup.name, bytes));
  const dialog = await screen.findByRole(
    'alertdialog',
    { name: 'Replace everything with this backup?' },
    { timeout: 10_000 },
  );
  expect(dialog).toHaveTextContent('Restoring REPLACES everything in dockdeck');
  expect(within(dialog).getByText(`Decks: ${decksInBackup}`)).toBeInTheDocument();
  expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(screen.getByText('Restore cancelled. Nothing was changed.')).toBeInTheDocument();
  expect(await db.decks.get('later')).toBeDefined();

  await user.upload(restoreInput(), file(backup.name, bytes));
  const again = await screen.findByRole('alertdialog', {}, { timeout: 10_000 });
  await user.click(within(again).getByRole('button', { name: 'Replace everything' }));
  expect(await screen.findByText(/^Restored the backup of /, {}, { timeout: 10_000 })).toBeInTheDocument();
  expect(await db.decks.get('later')).toBeUndefined();
  expect(await db.decks.get('mine')).toBeDefined();
  expect(await db.decks.count()).toBe(decksInBackup);
});

test('Escape closes the restore dialog without restoring', async () => {
  const { db } = await freshDb(deck('mine', 'Mine'));
  const downloads = catchDownloads();
  const { user } = openWithClient('#/backup');
  await user.click(await screen.findByRole('button', { name: 'Download full backup' }, { timeout: 10_000 }));
  await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
  await db.decks.delete('mine');
  await user.upload(restoreInput(), file('b.json.gz', new Uint8Array(await downloads[0]!.blob.arrayBuffer())));
  await screen.findByRole('alertdialog', {}, { timeout: 10_000 });
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(await db.decks.get('mine')).toBeUndefined();
});

test('a file that is not a backup is refused with the reason, and nothing changes', async () => {
  const { db } = await freshDb(deck('mine', 'Mine'));
  const { user } = openWithClient('#/backup');
  await screen.findByRole('button', { name: 'Restore from backup…' }, { timeout: 10_000 });
  await user.upload(restoreInput(), file('notes.txt', 'just some notes'));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('notes.txt cannot be restored:');
  expect(alert).toHaveTextContent('This file is not a dockdeck backup.');
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(await db.decks.get('mine')).toBeDefined();
});

test('in Chinese, what is wrong with a backup file is said in Chinese', async () => {
  const { db, now } = await freshDb(deck('mine', 'Mine'));
  await writeSettings(db, { ...DEFAULT_SETTINGS, study: { ...DEFAULT_SETTINGS.study, uiLang: 'zh' } }, now());
  const { user } = openWithClient('#/backup');
  await screen.findByRole('button', { name: '从备份恢复…' }, { timeout: 10_000 });
  const input = screen.getByLabelText<HTMLInputElement>('要恢复的备份文件');
  await user.upload(input, file('deck.json', JSON.stringify(deck('mine', 'Mine'))));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('无法恢复 deck.json：');
  expect(within(alert).getByRole('listitem')).toHaveTextContent('这是卡组文件，不是备份：请在“导入”页面导入它。');
});

function fakeLogs(n: number, at: number): ReviewLogRow[] {
  const m = newMemory(new Date(at));
  return Array.from({ length: n }, (_, i) => ({
    id: `log-${i}`,
    cardId: 'mine/c1',
    deckId: 'mine',
    rating: 'good',
    review: at - i * 60_000,
    state: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    durationMs: 2000,
    kind: 'review',
    before: m,
    after: m,
  }));
}

test('the library reminds to back up after 50 reviews; "Remind me later" hides it for three days', async () => {
  const { db, now } = await freshDb(deck('mine', 'Mine'));
  await db.reviewLogs.bulkPut(fakeLogs(50, now()));
  const { user } = openWithClient('#/');
  const banner = await screen.findByRole('complementary', { name: 'Backup reminder' }, { timeout: 10_000 });
  expect(banner).toHaveTextContent('You have never backed up: 50 reviews live only in this browser.');
  await user.click(within(banner).getByRole('button', { name: 'Remind me later' }));
  await waitFor(() => expect(screen.queryByRole('complementary', { name: 'Backup reminder' })).toBeNull());
  expect((await db.settings.get('backup'))?.value).toEqual({
    lastBackupAt: null,
    snoozedUntil: now() + 3 * 86_400_000,
  });
});

test('"Back up now" in the reminder downloads the backup and the reminder goes', async () => {
  const { db, now } = await freshDb(deck('mine', 'Mine'));
  await db.reviewLogs.bulkPut(fakeLogs(60, now()));
  const downloads = catchDownloads();
  const { user } = openWithClient('#/');
  const banner = await screen.findByRole('complementary', { name: 'Backup reminder' }, { timeout: 10_000 });
  await user.click(within(banner).getByRole('button', { name: 'Back up now' }));
  await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
  expect(await screen.findByText(`Backup saved as ${downloads[0]!.name}.`)).toBeInTheDocument();
  expect(screen.queryByRole('complementary', { name: 'Backup reminder' })).toBeNull();
  expect((await db.settings.get('backup'))?.value).toEqual({ lastBackupAt: now() });
});
