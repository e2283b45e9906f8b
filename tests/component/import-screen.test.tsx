// @vitest-environment jsdom
// The import screen driven like a user: paste or pick a file, check the CSV columns, confirm, cancel, see what failed.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { cardsOfDeck } from '../../src/db/deck-cards';
import { writeSettings } from '../../src/db/settings-repo';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { freshDb } from './helpers';
import { catchDownloads, file, importScreen, inProcessClient, openWithClient } from './import-helpers';

// The whole app renders in jsdom: slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

/** Decks the user imported (the app stores its built-in decks meanwhile). */
const importedDecks = async (db: Awaited<ReturnType<typeof freshDb>>['db']) =>
  (await db.decks.toArray()).filter((d) => !d.builtin).map((d) => d.id);

const CSV = 'term;definition;tags\nhello;你好;greet\ngoodbye;再见;greet\nthanks;谢谢;polite\n';

test('pasted CSV: preview with the detected separator and header, mapping changed, confirm → cards in the db', async () => {
  const { db } = await freshDb();
  const { user } = openWithClient('#/import');
  await importScreen.paste(user, CSV);
  await importScreen.waitForStep('csv');

  const separator = screen.getByLabelText('Separator');
  expect(separator).toHaveDisplayValue('Semicolon ( ; ) (detected)');
  expect(screen.getByLabelText('The first row holds column names')).toBeChecked();
  expect(screen.getByText('Rows that will become cards: 3.')).toBeInTheDocument();
  const table = screen.getByRole('table');
  expect(
    within(table)
      .getAllByRole('row')
      .map((r) => r.textContent),
  ).toEqual([
    'LineColumn 1: termFront (question)Column 2: definitionBack (answer)Column 3: tagsTags',
    'column namestermdefinitiontags',
    '2hello你好greet',
    '3goodbye再见greet',
    '4thanks谢谢polite',
  ]);
  // Another separator re-reads the file: one column; then back.
  await user.selectOptions(separator, 'Tab');
  await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('columnheader')).toHaveLength(2));
  await user.selectOptions(screen.getByLabelText('Separator'), 'Semicolon ( ; ) (detected)');
  await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('columnheader')).toHaveLength(4));

  // Swap front and back; no tags; name the deck.
  await user.selectOptions(screen.getByLabelText('Front (question)'), 'Column 2: definition');
  await user.selectOptions(screen.getByLabelText('Back (answer)'), 'Column 1: term');
  await user.selectOptions(screen.getByLabelText('Tags'), '— not in the file —');
  const name = screen.getByLabelText('Deck name');
  await user.clear(name);
  await user.type(name, 'Greetings');
  expect(await importedDecks(db)).toEqual([]);
  await user.click(screen.getByRole('button', { name: 'Continue' }));

  await importScreen.waitForStep('confirm');
  expect(screen.getByRole('heading', { name: 'Import Pasted text?' })).toHaveFocus();
  expect(importScreen.counts()).toEqual(['3 new, 0 changed, 0 removed']);
  expect(screen.getByText('New deck')).toBeInTheDocument();
  expect(await importedDecks(db)).toEqual([]);
  await user.click(screen.getByRole('button', { name: 'Import' }));

  await importScreen.waitForStep('done');
  expect(screen.getByText('Greetings: 3 new, 0 changed, 0 removed')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Study Greetings' })).toHaveAttribute('href', '#/review/greetings');
  expect(screen.getByRole('link', { name: 'Deck page' })).toHaveAttribute('href', '#/deck/greetings');
  const cards = await cardsOfDeck(db, 'greetings').sortBy('position');
  expect(
    cards.map((c) => [
      c.content.kind === 'basic' && c.content.front.en,
      c.content.kind === 'basic' && c.content.back.en,
      c.tags,
    ]),
  ).toEqual([
    ['你好', 'hello', []],
    ['再见', 'goodbye', []],
    ['谢谢', 'thanks', []],
  ]);
  expect((await db.decks.get('greetings'))?.origin).toBe('csv');
});

test('re-importing the CSV with one answer edited shows "0 new, 1 changed, 0 removed" and keeps the cards', async () => {
  const { db } = await freshDb();
  const { user, client } = openWithClient('#/import');
  const pick = async (content: string) => {
    await user.upload(await importScreen.fileInput(), file('words.csv', content, 'text/csv'));
    await importScreen.waitForStep('csv');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await importScreen.waitForStep('confirm');
  };
  await pick(CSV);
  expect(importScreen.counts()).toEqual(['3 new, 0 changed, 0 removed']);
  await user.click(screen.getByRole('button', { name: 'Import' }));
  await importScreen.waitForStep('done');
  const before = await cardsOfDeck(db, 'words').primaryKeys();

  await user.click(screen.getByRole('button', { name: 'Import another file' }));
  await importScreen.waitForStep('start');
  await waitFor(() => expect(screen.getByRole('button', { name: /Drop a file here/ })).toHaveFocus());
  await pick(CSV.replace('谢谢', '多谢'));
  expect(screen.getByText('Updates your deck')).toBeInTheDocument();
  expect(importScreen.counts()).toEqual(['0 new, 1 changed, 0 removed']);
  await user.click(screen.getByRole('button', { name: 'Import' }));
  await importScreen.waitForStep('done');
  expect(screen.getByText('words: 0 new, 1 changed, 0 removed')).toBeInTheDocument();
  expect(await cardsOfDeck(db, 'words').primaryKeys()).toEqual(before);
  // The second time the stored deck's card hashes went to the worker, which compared and prepared; the screen
  // got the cards only after Import.
  expect(client.sent).toEqual(
    ['open', 'map', 'preview', 'rows'].concat(['open', 'map', 'stored-cards', 'preview', 'rows']),
  );
});

test('a file that is not a deck: the engine’s message under a heading, nothing written', async () => {
  const { db } = await freshDb();
  const { user } = openWithClient('#/import');
  await user.upload(
    await importScreen.fileInput(),
    file('holiday.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]), 'image/png'),
  );
  await importScreen.waitForStep('failed');
  expect(screen.getByRole('heading', { name: 'Could not import holiday.png' })).toHaveFocus();
  expect(screen.getByText('Nothing was saved. The problems found:')).toBeInTheDocument();
  expect(screen.getByText(/^holiday\.png: is a PNG image, not a deck/)).toBeInTheDocument();
  expect(await importedDecks(db)).toEqual([]);
  await user.click(screen.getByRole('button', { name: 'Choose another file' }));
  await importScreen.waitForStep('start');
});

test('rows that cannot become cards: the problems are listed (first 20, then how many more), nothing written', async () => {
  const { db } = await freshDb();
  const { user } = openWithClient('#/import');
  const rows = Array.from({ length: 30 }, (_, i) => `question ${i},`).join('\n');
  await user.upload(await importScreen.fileInput(), file('blanks.csv', `front,back\n${rows}\n`));
  await importScreen.waitForStep('csv');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText('These columns cannot be imported like this:')).toBeInTheDocument();
  const items = within(alert).getAllByRole('listitem');
  expect(items).toHaveLength(21);
  expect(items[0]).toHaveTextContent(/^blanks\.csv: row 2 field "back": /);
  expect(items[20]).toHaveTextContent('and 10 more problems');
  // Still on the mapping: the user can fix it or cancel; nothing was written.
  expect(importScreen.step()).toBe('csv');
  expect(await importedDecks(db)).toEqual([]);
});

test('a file too large is refused before it is read', async () => {
  await freshDb();
  const { user, client } = openWithClient('#/import');
  const big = file('huge.csv', 'a,b\n');
  Object.defineProperty(big, 'size', { value: 3 * 1024 ** 3 });
  await user.upload(await importScreen.fileInput(), big);
  await importScreen.waitForStep('failed');
  expect(screen.getByText(/^huge\.csv: is 3072 MB, far more than a browser tab can hold/)).toBeInTheDocument();
  expect(client.sent).toEqual([]);
});

test('Cancel during reading: the progress bar shows phase and count, the session is told, nothing is written', async () => {
  const { db } = await freshDb();
  const client = inProcessClient({ gated: true });
  const { user } = openWithClient('#/import', client);
  await user.upload(await importScreen.fileInput(), file('slow.csv', CSV));
  await importScreen.waitForStep('reading');
  const bar = await screen.findByRole('progressbar');
  expect(bar).toHaveAttribute('aria-valuenow', '100');
  expect(bar).toHaveAttribute('aria-valuetext', expect.stringMatching(/^Reading the file: /));
  expect(screen.getByRole('heading', { name: 'Reading slow.csv' })).toHaveFocus();
  await user.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(screen.getByRole('button', { name: 'Cancelling…' })).toBeDisabled();
  client.release();
  await importScreen.waitForStep('start');
  expect(screen.getByRole('status')).toHaveTextContent('Import cancelled. Nothing was saved.');
  expect(client.sent).toEqual(['open', 'cancel']);
  expect(await importedDecks(db)).toEqual([]);
});

test('Escape cancels on the confirm step: the worker lets the parsed cards go, nothing written', async () => {
  const { db } = await freshDb();
  const { user, client } = openWithClient('#/import');
  const deck = {
    format: 'dockdeck/deck@1',
    id: 'mine',
    title: { en: 'Mine', zh: '我的' },
    sources: [{ doc: 'n.txt' }],
    cards: [
      {
        id: 'c1',
        type: 'basic',
        front: { en: 'Q', zh: '问' },
        back: { en: 'A', zh: '答' },
        source: { doc: 'n.txt', section: 'S' },
      },
    ],
  };
  await user.upload(await importScreen.fileInput(), file('mine.json', JSON.stringify(deck), 'application/json'));
  await importScreen.waitForStep('confirm');
  expect(importScreen.counts()).toEqual(['1 new, 0 changed, 0 removed']);
  await user.keyboard('{Escape}');
  await importScreen.waitForStep('start');
  expect(screen.getByText('Import cancelled. Nothing was saved.')).toBeInTheDocument();
  expect(client.sent).toEqual(['open', 'preview', 'cancel']);
  expect(await importedDecks(db)).toEqual([]);
});

test('a deck with the id of a built-in deck is refused on the confirm step (Import disabled)', async () => {
  await freshDb();
  const { db } = await freshDb({
    format: 'dockdeck/deck@1',
    id: 'builtin-one',
    title: { en: 'Built in', zh: '内置' },
    sources: [{ doc: 'b.txt' }],
    cards: [
      {
        id: 'c1',
        type: 'basic',
        front: { en: 'Q', zh: '问' },
        back: { en: 'A', zh: '答' },
        source: { doc: 'b.txt', section: 'S' },
      },
    ],
  });
  await db.decks.update('builtin-one', { builtin: true, origin: 'builtin' });
  const { user } = openWithClient('#/import');
  const copy = {
    format: 'dockdeck/deck@1',
    id: 'builtin-one',
    title: { en: 'Mine', zh: '我的' },
    sources: [{ doc: 'n.txt' }],
    cards: [
      {
        id: 'c9',
        type: 'basic',
        front: { en: 'Q2', zh: '问2' },
        back: { en: 'A', zh: '答' },
        source: { doc: 'n.txt', section: 'S' },
      },
    ],
  };
  await user.upload(await importScreen.fileInput(), file('copy.json', JSON.stringify(copy)));
  await importScreen.waitForStep('confirm');
  expect(within(screen.getByRole('alert')).getByText(/is the id of a built-in deck/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
  expect(await cardsOfDeck(db, 'builtin-one').primaryKeys()).toEqual(['builtin-one/c1']);
});

test('the library links to import, backup and each deck page', async () => {
  await freshDb({
    format: 'dockdeck/deck@1',
    id: 'd1',
    title: { en: 'Deck one', zh: '一' },
    sources: [{ doc: 'n.txt' }],
    cards: [
      {
        id: 'c1',
        type: 'basic',
        front: { en: 'Q', zh: '问' },
        back: { en: 'A', zh: '答' },
        source: { doc: 'n.txt', section: 'S' },
      },
    ],
  });
  catchDownloads();
  openWithClient('#/');
  expect(await screen.findByRole('link', { name: 'Import a deck' })).toHaveAttribute('href', '#/import');
  expect(screen.getByRole('link', { name: 'Backup and restore' })).toHaveAttribute('href', '#/backup');
  expect(await screen.findByRole('link', { name: 'Deck page and export: Deck one' })).toHaveAttribute(
    'href',
    '#/deck/d1',
  );
  const nav = screen.getByRole('navigation', { name: 'Main' });
  expect(within(nav).getByRole('link', { name: 'Import' })).toHaveAttribute('href', '#/import');
  expect(within(nav).getByRole('link', { name: 'Backup' })).toHaveAttribute('href', '#/backup');
});

test('a file dropped on the drop zone, or anywhere on the page, is read; two files at once are refused', async () => {
  await freshDb();
  openWithClient('#/import');
  const zone = await screen.findByRole(
    'button',
    { name: /Drop a file here, or click to choose one/ },
    { timeout: 10_000 },
  );
  const drag = (files: File[]) => ({ dataTransfer: { files, types: ['Files'], dropEffect: 'none' } });
  fireEvent.dragOver(zone, drag([]));
  expect(zone).toHaveClass('active');
  fireEvent.drop(zone, drag([file('a.csv', CSV), file('b.csv', CSV)]));
  expect(await screen.findByRole('alert')).toHaveTextContent('Drop one file at a time.');
  expect(zone).not.toHaveClass('active');
  fireEvent.drop(screen.getByRole('heading', { name: 'Import a deck' }), drag([file('near-miss.csv', CSV)]));
  await importScreen.waitForStep('csv');
  expect(screen.getByRole('heading', { name: 'Check the columns of near-miss.csv' })).toHaveFocus();
});

test('in Chinese: the import screen, its confirm step and the problems it lists speak Chinese', async () => {
  const { db, now } = await freshDb();
  await writeSettings(db, { ...DEFAULT_SETTINGS, study: { ...DEFAULT_SETTINGS.study, uiLang: 'zh' } }, now());
  const { user } = openWithClient('#/import');
  expect(await screen.findByRole('heading', { name: '导入卡组' }, { timeout: 10_000 })).toBeInTheDocument();
  await user.upload(await importScreen.fileInput(), file('words.csv', CSV));
  await importScreen.waitForStep('csv');
  await user.click(screen.getByRole('button', { name: '继续' }));
  await importScreen.waitForStep('confirm');
  expect(importScreen.counts()).toEqual(['3 张新卡，0 张有改动，0 张被移除']);
  await user.click(screen.getByRole('button', { name: '取消' }));
  await user.upload(await importScreen.fileInput(), file('empty.csv', ''));
  await importScreen.waitForStep('failed');
  expect(screen.getByRole('heading', { name: '无法导入 empty.csv' })).toBeInTheDocument();
  expect(screen.getByText('empty.csv：文件是空的')).toBeInTheDocument();
});
