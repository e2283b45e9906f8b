// E2E (issue #9, items 1–3): imports only add and update; every export of a deck comes back as "0 new, 0 changed,
// 0 removed" with the answers kept, after a reload too; a dockdeck deck file removes cards only when the user ticks it.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { describe, expect, test } from 'vitest';
import { buildLegacyApkg, STOCK } from '../unit/helpers/anki-build';
import { baseURL, browserPerTest, idb, review } from './browser';
import { download, imports } from './import-helpers';

const session = browserPerTest();

const basic = STOCK.basic(1_700_000_000_001);
/** An Anki package whose notes are all in "Default", as most exports are. */
async function defaultPackage(prefix: string, n: number): Promise<Buffer> {
  const SQL = await initSqlJs();
  const apkg = buildLegacyApkg(SQL, {
    notetypes: [basic],
    decks: [{ id: 1, name: 'Default' }],
    notes: Array.from({ length: n }, (_, i) => ({
      id: 1_600_000_000_000 + i,
      guid: `${prefix}-guid-${i}`,
      mid: basic.id,
      fields: [`${prefix} question ${i}`, `${prefix} answer ${i}`],
      cards: [{ id: 1_600_000_100_000 + i, ord: 0, deck: 1 }],
    })),
  });
  return Buffer.from(apkg);
}

async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await imports.open(page);
  await imports.pick(page, file);
  // Text files open the column screen first: the suggested columns are taken as they are.
  await page.waitForSelector('section.import[data-step="csv"], section.import[data-step="confirm"]');
  if ((await page.getAttribute('section.import', 'data-step')) === 'csv') await imports.continueCsv(page);
}

/** Studies `n` cards from the done screen's Study link: Space, then Good. */
async function studyFromDone(page: Page, deckTitle: string, n: number): Promise<string[]> {
  await page.getByRole('link', { name: `Study ${deckTitle}` }).click();
  await review.waitSettled(page);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(await review.currentCardId(page));
    await review.reveal(page);
    await review.grade(page, 'good');
  }
  return ids;
}

const stateOf = async (page: Page, deckId: string) =>
  (await idb.read(page, 'cards'))
    .filter((c) => c.deckId === deckId)
    .map(({ id, due, state, reps, stability, difficulty }) => ({ id, due, state, reps, stability, difficulty }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));

async function openDeckPage(page: Page, deckId: string) {
  await page.goto(`${baseURL()}#/deck/${deckId}`);
  await page.waitForSelector(`section.deck-page[data-deck-id="${deckId}"]`);
}

describe('imports and exports a user can trust', () => {
  test('an unrelated package into "Default" keeps the first package\'s cards and answers; the .apkg export keeps every GUID and re-imports as 0/0/0', async () => {
    const { page } = session();
    await importFile(page, {
      name: 'first.apkg',
      mimeType: 'application/octet-stream',
      buffer: await defaultPackage('A', 25),
    });
    expect(await imports.counts(page)).toEqual(['25 new, 0 changed, 0 removed']);
    await imports.confirm(page);
    const studied = await studyFromDone(page, 'Default', 3);

    await importFile(page, {
      name: 'second.apkg',
      mimeType: 'application/octet-stream',
      buffer: await defaultPackage('B', 1),
    });
    expect(await imports.counts(page)).toEqual(['1 new, 0 changed, 0 removed']);
    await page.getByText('Cards of this deck that are not in the file, kept with their reviews: 25').waitFor();
    await imports.confirm(page);
    await page.reload();
    await imports.step(page, 'start');
    const deckId = 'anki-default';
    const after = await stateOf(page, deckId);
    expect(after).toHaveLength(26);
    expect(after.filter((c) => studied.includes(c.id)).map((c) => c.reps)).toEqual([1, 1, 1]);

    // Export without scheduling, as the deck page offers by default for Anki.
    await openDeckPage(page, deckId);
    await page.getByLabel('With scheduling (review state and history)').uncheck();
    const apkg = await download(page, () => page.getByRole('button', { name: 'Anki package (.apkg)' }).click());
    const SQL = await initSqlJs();
    const col = new SQL.Database(unzipSync(await readFile(apkg.path))['collection.anki2']!);
    const guids = (col.exec('select guid from notes order by guid')[0]?.values ?? []).map((r) => String(r[0]));
    col.close();
    expect(guids).toEqual([...Array.from({ length: 25 }, (_, i) => `A-guid-${i}`), 'B-guid-0'].sort());

    await importFile(page, apkg.path);
    expect(await imports.counts(page)).toEqual(['0 new, 0 changed, 0 removed']);
    await page.getByText('Nothing changes: your decks already hold exactly this.').waitFor();
    await imports.confirm(page);
    await page.reload();
    await imports.step(page, 'start');
    expect(await stateOf(page, deckId)).toEqual(after);
  });

  test('a CSV studied, exported as "Text for Anki" and imported again: 0 new, 0 changed, 0 removed, the three answers kept', async () => {
    const { page } = session();
    const rows = Array.from({ length: 25 }, (_, i) => `Term ${i},Meaning ${i}`).join('\n');
    await importFile(page, { name: 'vocab.csv', mimeType: 'text/csv', buffer: Buffer.from(`front,back\n${rows}\n`) });
    expect(await imports.counts(page)).toEqual(['25 new, 0 changed, 0 removed']);
    await imports.confirm(page);
    await studyFromDone(page, 'vocab', 3);
    const before = await stateOf(page, 'vocab');
    expect(before.filter((c) => c.reps === 1)).toHaveLength(3);

    await openDeckPage(page, 'vocab');
    const text = await download(page, () => page.getByRole('button', { name: /^Text for Anki/ }).click());
    expect(text.name).toBe('vocab.txt');
    await importFile(page, text.path);
    expect(await imports.counts(page)).toEqual(['0 new, 0 changed, 0 removed']);
    await imports.confirm(page);
    await page.reload();
    await imports.step(page, 'start');
    expect(await stateOf(page, 'vocab')).toEqual(before);
    expect((await idb.read(page, 'reviewLogs')).filter((l) => l.deckId === 'vocab')).toHaveLength(3);
  });

  test('a dockdeck deck file without a card: kept unless "also remove" is ticked, then removed with its log kept', async () => {
    const { page } = session();
    const deck = (ids: string[]) =>
      Buffer.from(
        JSON.stringify({
          format: 'dockdeck/deck@1',
          id: 'mine',
          title: { en: 'Mine', zh: '我的' },
          sources: [{ doc: 'notes.txt' }],
          cards: ids.map((id) => ({
            id,
            type: 'basic',
            front: { en: `Q ${id}`, zh: `问 ${id}` },
            back: { en: `A ${id}`, zh: `答 ${id}` },
            source: { doc: 'notes.txt', section: 'One' },
          })),
        }),
      );
    await importFile(page, { name: 'mine.json', mimeType: 'application/json', buffer: deck(['a', 'b', 'c']) });
    await imports.confirm(page);
    expect(await studyFromDone(page, 'Mine', 1)).toEqual(['mine/a']);

    await importFile(page, { name: 'mine.json', mimeType: 'application/json', buffer: deck(['b', 'c']) });
    expect(await imports.counts(page)).toEqual(['0 new, 0 changed, 0 removed']);
    const tick = page.getByRole('checkbox', {
      name: /Also remove the cards of this deck that the file no longer has: 1/,
    });
    expect(await tick.isChecked()).toBe(false);
    await tick.check();
    expect(await imports.counts(page)).toEqual(['0 new, 0 changed, 1 removed']);
    await imports.confirm(page);
    await page.reload();
    await imports.step(page, 'start');
    expect((await stateOf(page, 'mine')).map((c) => c.id)).toEqual(['mine/b', 'mine/c']);
    expect((await idb.read(page, 'reviewLogs')).map((l) => l.cardId)).toEqual(['mine/a']);
  });
});
