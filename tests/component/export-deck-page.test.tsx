// @vitest-environment jsdom
// The deck page's exports: each button downloads one file named after the deck, with the right type and content.
import { screen, waitFor } from '@testing-library/react';
import { unzipSync } from 'fflate';
import { answerCard } from '../../src/db/review-repo';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { freshDb } from './helpers';
import { catchDownloads, openWithClient, type Download } from './import-helpers';

// The whole app renders in jsdom: slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

// sql.js as node loads it (the app's loader fetches the WASM file by URL, which jsdom cannot).
vi.mock('../../src/lib/sql-loader', async () => {
  const { default: initSqlJs } = await import('sql.js');
  const loading = initSqlJs();
  return { loadSql: () => loading };
});

const deck = {
  format: 'dockdeck/deck@1' as const,
  id: 'net-basics',
  title: { en: 'Network basics', zh: '网络基础' },
  sources: [{ doc: 'net.md' }],
  cards: [
    {
      id: 'tcp',
      type: 'basic' as const,
      front: { en: 'What is TCP?', zh: '什么是 TCP？' },
      back: { en: 'A reliable stream protocol', zh: '可靠的流协议' },
      source: { doc: 'net.md', section: 'TCP' },
    },
    {
      id: 'udp',
      type: 'basic' as const,
      front: { en: 'What is UDP?', zh: '什么是 UDP？' },
      back: { en: 'Datagrams, no delivery guarantee', zh: '数据报，不保证送达' },
      source: { doc: 'net.md', section: 'UDP' },
    },
  ],
};

async function exportOne(
  user: ReturnType<typeof openWithClient>['user'],
  downloads: Download[],
  button: RegExp,
): Promise<Download> {
  const before = downloads.length;
  await user.click(await screen.findByRole('button', { name: button }));
  await waitFor(() => expect(downloads.length).toBe(before + 1), { timeout: 10_000 });
  // The file is handed to the browser first, then the panel says so (a render later, on a busy machine).
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`Downloaded ${downloads[before]!.name}.`));
  return downloads[before]!;
}

test('JSON, text, Anki package and review log: one file each, named after the deck', async () => {
  const { db, now } = await freshDb(deck);
  await answerCard(db, 'net-basics/tcp', 'good', new Date(now()), {
    durationMs: 3000,
    settings: DEFAULT_SETTINGS.scheduler,
  });
  const downloads = catchDownloads();
  const { user } = openWithClient('#/deck/net-basics');
  expect(await screen.findByRole('heading', { name: 'Network basics', level: 1 })).toBeInTheDocument();
  expect(await screen.findByText('Cards: 2')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Study' })).toHaveAttribute('href', '#/review/net-basics');

  const json = await exportOne(user, downloads, /^Deck file/);
  expect([json.name, json.type]).toEqual(['net-basics.json', 'application/json']);
  const parsed = JSON.parse(await json.blob.text()) as { format: string; id: string; cards: unknown[] };
  expect([parsed.format, parsed.id, parsed.cards.length]).toEqual(['dockdeck/deck@1', 'net-basics', 2]);

  await user.selectOptions(screen.getByLabelText('Card language in text and Anki exports'), 'Chinese');
  const text = await exportOne(user, downloads, /^Text for Anki/);
  expect([text.name, text.type]).toEqual(['net-basics.txt', 'text/plain;charset=utf-8']);
  expect(await text.blob.text()).toContain('什么是 TCP？');

  const apkg = await exportOne(user, downloads, /^Anki package/);
  expect([apkg.name, apkg.type]).toEqual(['net-basics.apkg', 'application/octet-stream']);
  const files = unzipSync(new Uint8Array(await apkg.blob.arrayBuffer()));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['collection.anki2', 'media']));

  const revlog = await exportOne(user, downloads, /^Review log/);
  expect([revlog.name, revlog.type]).toEqual(['net-basics-revlog.csv', 'text/csv;charset=utf-8']);
  expect((await revlog.blob.text()).trim().split('\n')).toHaveLength(2);
  // Exporting writes nothing.
  expect(await db.cards.count()).toBeGreaterThanOrEqual(2);
});

test('a deck page for a deck that does not exist says so', async () => {
  await freshDb();
  openWithClient('#/deck/nope');
  expect(await screen.findByText('There is no deck with the id “nope”.', {}, { timeout: 10_000 })).toBeInTheDocument();
});

test('a cut-off link (a malformed escape in the hash) shows the deck page’s message instead of crashing the app', async () => {
  await freshDb();
  openWithClient('#/deck/%E0%A4%A');
  expect(
    await screen.findByText('There is no deck with the id “%E0%A4%A”.', {}, { timeout: 10_000 }),
  ).toBeInTheDocument();
});
