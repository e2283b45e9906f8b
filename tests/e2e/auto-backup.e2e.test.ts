// E2E (issue 14): automatic backups in real Chromium. An answer, then the app opened on a later study day makes that
// day's backup by itself: listed on the Backup screen, and written as a file to the folder chosen before the reload
// (its handle kept in IndexedDB). After more answers, restoring it from the list brings the review log back to what it
// held, and the answers it took away are in the "before restore" backup made first (in the folder too).
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserPerTest, idb, library, review } from './browser';

// UTC, so the study day's 4 a.m. start is 04:00Z.
const session = browserPerTest({ timezoneId: 'UTC' });
const DECK = 'containers-vs-vms';
const START = new Date('2026-03-10T12:00:00Z');

async function answer(page: Page, n: number): Promise<void> {
  await library.study(page, DECK);
  for (let i = 0; i < n; i++) {
    await review.reveal(page);
    await review.grade(page, 'good');
  }
}

async function openBackupScreen(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backup' }).click();
  await page.getByRole('heading', { name: 'Automatic backups' }).waitFor();
}

/** The files in the stand-in folder, by name, with their sizes. */
function folderFiles(page: Page): Promise<Array<[string, number]>> {
  return page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('Backups');
    const out: Array<[string, number]> = [];
    const entries = (dir as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }).entries();
    for await (const [name, handle] of entries) out.push([name, (await handle.getFile()).size]);
    return out.sort();
  });
}

describe('automatic backups', () => {
  test('a later study day starts with a backup (in the browser and the chosen folder); restoring it from the list takes the answers back to its own', async () => {
    const { page } = session();
    // The origin's private file system stands in for the folder picker's answer: a real FileSystemDirectoryHandle,
    // which IndexedDB stores and gives back after the reload, as it does a folder the user picked.
    await page.addInitScript(() => {
      (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker =
        async () => (await navigator.storage.getDirectory()).getDirectoryHandle('Backups', { create: true });
    });
    await page.clock.install({ time: START });
    await library.open(page);
    await answer(page, 1);
    expect(await idb.read(page, 'reviewLogs')).toHaveLength(1);
    await openBackupScreen(page);
    await page.getByRole('button', { name: 'Choose a folder…' }).click();
    await page.getByText('Every automatic backup is in “Backups”.').waitFor();

    // The next study day (past 04:00Z): the app, opened again, backs up by itself once the start page is idle.
    await library.navigate(page);
    await page.clock.setSystemTime(new Date('2026-03-11T09:00:00Z'));
    await page.reload();
    await library.waitReady(page);
    const countsAtBackup = await library.counts(page, DECK);
    await openBackupScreen(page);
    const daily = page.locator('ul.auto-backup-list li[data-id="daily:2026-03-11"]');
    await expect
      .poll(() => daily.textContent())
      .toMatch(/March 11, 2026.*Start of the day.*reviews: 1,.*in the folder/);
    expect(await page.locator('ul.auto-backup-list li').count()).toBe(1);
    const [file] = await folderFiles(page);
    expect(file?.[0]).toBe('dockdeck-auto-2026-03-11.json.gz');
    expect(file?.[1]).toBeGreaterThan(100);

    // Two more answers, then the backup is restored from the list, through the same confirmation as a file.
    await library.navigate(page);
    await answer(page, 2);
    expect(await idb.read(page, 'reviewLogs')).toHaveLength(3);
    await openBackupScreen(page);
    await page.getByRole('button', { name: /^Restore the automatic backup of March 11, 2026/ }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Replace everything with this backup?' });
    await expect.poll(() => dialog.locator('li[data-table="reviewLogs"]').textContent()).toBe('Reviews: 1');
    await dialog.getByRole('button', { name: 'Replace everything' }).click();
    await page.getByText(/^Restored the backup of March 11, 2026/).waitFor();
    expect(await idb.read(page, 'reviewLogs')).toHaveLength(1);

    // What the restore replaced is the newest automatic backup, with the three answers (restoring it would undo
    // this), written to the folder as well.
    const safety = page.locator('ul.auto-backup-list li[data-kind="before-restore"]');
    await safety.waitFor();
    expect(await safety.textContent()).toMatch(/Before a restore.*reviews: 3,/);
    expect(await page.locator('ul.auto-backup-list li').first().getAttribute('data-kind')).toBe('before-restore');
    await expect.poll(async () => (await folderFiles(page)).length).toBe(2);
    const names = (await folderFiles(page)).map(([name]) => name);
    expect(names[0]).toMatch(/^dockdeck-auto-2026-03-11-before-restore-09\d{4}\.json\.gz$/);
    expect(names[1]).toBe('dockdeck-auto-2026-03-11.json.gz');

    // And the library counts the deck as it was then.
    await library.navigate(page);
    expect(await library.counts(page, DECK)).toEqual(countsAtBackup);
  });
});
