// E2E: import (Anki with media and scheduling, CSV re-import, JSON round trip), cancel, export downloads, backup and restore.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, test } from 'vitest';
import { buildLegacyApkg, STOCK } from '../unit/helpers/anki-build';
import { baseURL, browserPerTest, idb, library, review } from './browser';
import { download, importedDeckIds, imports, installProgressProbe } from './import-helpers';

const session = browserPerTest();
const root = resolve(import.meta.dirname, '..', '..');
const ANKI_MEDIA = resolve(root, '..', 'shared', 'fixtures', 'anki', 'media.apkg');
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const CSV =
  'front,back,tags\nWhat does a container share with its host?,The kernel,docker\nWhat boots a VM?,Its own OS kernel,vm\nWhat isolates containers?,Namespaces and cgroups,docker\n';

describe('import, export and backup', () => {
  test('Anki media.apkg dropped on the page: progress, preview, confirm; its sound plays from a blob URL, after a reload too', async () => {
    const { context, page } = session();
    await context.addInitScript(installProgressProbe);
    await imports.open(page);
    await imports.drop(page, 'media.apkg', await readFile(ANKI_MEDIA));
    await imports.step(page, 'confirm');
    expect(await imports.progressSeen(page)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(unpack|notes|media):/)]),
    );
    expect(await imports.counts(page)).toEqual(['1 new, 0 changed, 0 removed']);
    await expect(page.locator('.import-confirm .import-extra').textContent()).resolves.toContain('media files: 1');
    const deckId = await page.getAttribute('.import-confirm li.import-deck', 'data-deck-id');
    expect(await importedDeckIds(page)).toEqual([]);
    await imports.confirm(page);

    await page.getByRole('link', { name: /^Study / }).click();
    await review.waitSettled(page);
    await page.waitForSelector('article.card audio[src^="blob:"]');
    await page.reload();
    await review.waitSettled(page);
    await page.waitForSelector('article.card audio[src^="blob:"]');
    expect(await importedDeckIds(page)).toEqual([deckId]);
  });

  test('an .apkg with an image and review history: the image shows (blob URL, loaded), scheduling comes along when asked', async () => {
    const { page } = session();
    const SQL = await initSqlJs();
    const now = Date.now();
    const apkg = buildLegacyApkg(
      SQL,
      {
        notetypes: [STOCK.basic(1_700_000_000_001)],
        decks: [{ id: 1_700_000_000_002, name: 'Pictures' }],
        notes: [
          {
            id: 1,
            guid: 'picture-note',
            mid: 1_700_000_000_001,
            fields: ['Which shape is this? <img src="dot.png">', 'A dot'],
            cards: [{ id: 11, ord: 0, deck: 1_700_000_000_002 }],
          },
          {
            id: 2,
            guid: 'studied-note',
            mid: 1_700_000_000_001,
            fields: ['Studied before', 'Yes'],
            cards: [{ id: 12, ord: 0, deck: 1_700_000_000_002 }],
          },
        ],
        revlog: [{ id: now - 3_600_000, cid: 12, ease: 4, ivl: 4, time: 4000, type: 0 }],
      },
      [{ name: 'dot.png', data: PNG }],
    );
    await imports.open(page);
    await page.getByLabel('Include scheduling (Anki: keep review history and intervals)').check();
    await imports.pick(page, {
      name: 'pictures.apkg',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(apkg),
    });
    await imports.step(page, 'confirm');
    expect(await imports.counts(page)).toEqual(['2 new, 0 changed, 0 removed']);
    await expect(page.locator('.import-confirm .import-extra').textContent()).resolves.toMatch(
      /media files: 1.*reviews with their scheduling: 1/,
    );
    await imports.confirm(page);
    await expect(page.locator('.import-done').textContent()).resolves.toContain(
      'Cards that start with their imported scheduling: 1',
    );

    const studied = (await idb.read(page, 'cards')).find((c) => JSON.stringify(c.content).includes('Studied before'));
    expect(studied).toMatchObject({ state: 2, reps: 1 });
    expect(studied!.due).toBeGreaterThan(now);

    await page.getByRole('link', { name: 'Study Pictures' }).click();
    await review.waitSettled(page);
    const loaded = async () =>
      page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('article.card img');
        return img !== null && img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0;
      });
    await loaded();
    await page.reload();
    await review.waitSettled(page);
    await loaded();
  });

  test('CSV imported, then re-imported edited: "0 new, 1 changed, 0 removed"; exported as JSON and re-imported: "0 new, 0 changed"', async () => {
    const { page } = session();
    await imports.open(page);
    await imports.pick(page, { name: 'containers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await imports.continueCsv(page);
    expect(await imports.counts(page)).toEqual(['3 new, 0 changed, 0 removed']);
    await imports.confirm(page);

    await page.getByRole('button', { name: 'Import another file' }).click();
    await imports.pick(page, {
      name: 'containers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV.replace('The kernel', 'The host kernel')),
    });
    await imports.continueCsv(page);
    expect(await imports.counts(page)).toEqual(['0 new, 1 changed, 0 removed']);
    await imports.confirm(page);
    const cards = (await idb.read(page, 'cards')).filter((c) => c.deckId === 'containers');
    expect(cards).toHaveLength(3);

    await page.getByRole('link', { name: 'Deck page' }).click();
    await page.waitForSelector('section.deck-page[data-deck-id="containers"]');
    const json = await download(page, () => page.getByRole('button', { name: 'Deck file (.json)' }).click());
    expect(json.name).toBe('containers.json');
    await imports.open(page);
    await imports.pick(page, json.path);
    await imports.step(page, 'confirm');
    expect(await imports.counts(page)).toEqual(['0 new, 0 changed, 0 removed']);
    await page.getByText('Nothing changes: your decks already hold exactly this.').waitFor();
  });

  test('the deck page downloads text, an .apkg and the review log, named after the deck', async () => {
    const { page } = session();
    await imports.open(page);
    await imports.pick(page, { name: 'containers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await imports.continueCsv(page);
    await imports.confirm(page);
    await page.getByRole('link', { name: 'Deck page' }).click();
    await page.waitForSelector('section.deck-page[data-deck-id="containers"]');
    const text = await download(page, () => page.getByRole('button', { name: /^Text for Anki/ }).click());
    expect(text.name).toBe('containers.txt');
    expect(await readFile(text.path, 'utf8')).toContain('The kernel');
    await page.getByLabel('With scheduling (review state and history)').uncheck();
    const apkg = await download(page, () => page.getByRole('button', { name: 'Anki package (.apkg)' }).click());
    expect(apkg.name).toBe('containers.apkg');
    expect((await readFile(apkg.path)).subarray(0, 2).toString('latin1')).toBe('PK');
    const revlog = await download(page, () => page.getByRole('button', { name: /^Review log/ }).click());
    expect(revlog.name).toBe('containers-revlog.csv');
  });

  test('Cancel during a big import: the user is told, nothing is written', async () => {
    const { page } = session();
    const rows = Array.from(
      { length: 200_000 },
      (_, i) => `Question number ${i} about containers and their isolation,Answer ${i}: namespaces and cgroups`,
    ).join('\n');
    // From a file on disk, as a user picks one: an 18 MB buffer sent through the DevTools protocol instead takes
    // longer than the action timeout on a busy machine.
    const big = join(await mkdtemp(join(tmpdir(), 'dockdeck-big-')), 'big.csv');
    await writeFile(big, `front,back\n${rows}\n`);
    await imports.open(page);
    await imports.pick(page, big);
    // 200,000 rows take the worker a few seconds: Esc lands while it is still reading.
    await page.waitForSelector('section.import[data-step="reading"] [role=progressbar]');
    await page.keyboard.press('Escape');
    await imports.step(page, 'start');
    await page.getByText('Import cancelled. Nothing was saved.').waitFor();
    expect(await importedDeckIds(page)).toEqual([]);
  });

  test('download a backup, change things, restore it after the confirmation: the data is as it was, after a reload too', async () => {
    const { page } = session();
    await imports.open(page);
    await imports.pick(page, { name: 'containers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await imports.continueCsv(page);
    await imports.confirm(page);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backup' }).click();
    const backup = await download(page, () => page.getByRole('button', { name: 'Download full backup' }).click());
    expect(backup.name).toMatch(/^dockdeck-backup-\d{4}-\d{2}-\d{2}\.json\.gz$/);

    await imports.open(page);
    await imports.pick(page, {
      name: 'extra.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('front,back\nExtra question,Extra answer\n'),
    });
    await imports.continueCsv(page);
    await imports.confirm(page);
    expect(await importedDeckIds(page)).toEqual(['containers', 'extra']);

    await page.goto(`${baseURL()}#/backup`);
    await page.setInputFiles('section.backup input[type=file]', backup.path);
    const dialog = page.getByRole('alertdialog', { name: 'Replace everything with this backup?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('Restoring REPLACES everything');
    await dialog.getByRole('button', { name: 'Replace everything' }).click();
    await page.getByText(/^Restored the backup of /).waitFor();
    expect(await importedDeckIds(page)).toEqual(['containers']);
    await library.navigate(page);
    expect(await library.deckIds(page)).toContain('containers');
    expect(await library.deckIds(page)).not.toContain('extra');
    await page.reload();
    await library.waitReady(page);
    expect(await library.deckIds(page)).not.toContain('extra');
  });
});
