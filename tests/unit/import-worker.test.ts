// Drives the import worker's logic (createImportSession) as the UI will: open, preview, map, cancel; bad files write nothing.
import { readFileSync } from 'node:fs';
import type { SqlJsStatic } from 'sql.js';
import { DockdeckDB } from '../../src/db/database';
import { checkFileSize } from '../../src/formats/import/detect';
import { IMPORT_LIMITS, type DeckDraft } from '../../src/formats/import/draft';
import { contentHash } from '../../src/formats/import/deck-diff';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import {
  ROWS_PER_MESSAGE,
  type AnkiReaderModule,
  type ImportRequest,
  type ImportResponse,
} from '../../src/formats/import/protocol';
import { createImportSession } from '../../src/workers/import-session';
import { CancelledError } from '../../src/domain/errors';
import { lines } from './helpers/issue-lines';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));
const buffer = (bytes: Uint8Array | string): ArrayBuffer => {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const NOW = Date.UTC(2026, 2, 2, 10);
const open = (fileName: string, bytes: Uint8Array | string): ImportRequest => ({
  type: 'open',
  fileName,
  bytes: buffer(bytes),
  includeScheduling: false,
  now: NOW,
});

function session(deps: Parameters<typeof createImportSession>[1] = {}) {
  const posted: ImportResponse[] = [];
  const s = createImportSession((m) => posted.push(m), { yieldToEvents: () => Promise.resolve(), ...deps });
  const last = () => posted.at(-1);
  const kinds = () => posted.map((m) => m.type);
  return { s, posted, last, kinds };
}

const deckJson = JSON.stringify({
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
});

test('CSV: open → progress → preview with a suggested mapping; map (edited) → parsed', async () => {
  const { s, posted, last } = session();
  await s.handle(open('excel-unicode-text.txt', fixture('excel-unicode-text.txt')));
  expect(posted[0]).toEqual({ type: 'progress', phase: 'decode', done: 0, total: 182 });
  expect(posted.some((m) => m.type === 'progress' && m.phase === 'parse')).toBe(true);
  const preview = last();
  if (preview?.type !== 'csv-preview') throw new Error(`expected a preview, got ${JSON.stringify(preview)}`);
  expect(preview.preview).toMatchObject({ separatorName: 'tab', rowCount: 3, columnNames: ['Front', 'Back', 'Tags'] });

  await s.handle({ type: 'map', mapping: { ...preview.preview.mapping, deckName: 'Docker words' } });
  const result = last();
  if (result?.type !== 'parsed') throw new Error(JSON.stringify(result));
  expect(result).toEqual({
    type: 'parsed',
    decks: [{ deckId: 'docker-words', title: { en: 'Docker words', zh: 'Docker words' }, format: 'csv', cards: 3 }],
    warnings: [],
  });
});

test('CSV with ragged rows: the column screen opens and lists the short and long rows', async () => {
  const { s, last } = session();
  await s.handle(open('ragged.csv', fixture('ragged.csv')));
  expect(last()).toMatchObject({
    type: 'csv-preview',
    preview: { longRows: [{ line: 5, fields: 4 }], shortRows: [{ line: 3, fields: 2 }] },
  });
});

test('CSV: another separator re-reads the file', async () => {
  const { s, last } = session();
  // Semicolon comes before comma in Anki's order, and both split every row evenly.
  await s.handle(open('a.csv', 'front;back,x\nq;a,y\n'));
  expect(last()).toMatchObject({ type: 'csv-preview', preview: { separator: ';', columnCount: 2 } });
  await s.handle({ type: 'separator', separator: ',' });
  expect(last()).toMatchObject({
    type: 'csv-preview',
    preview: {
      separator: ',',
      separatorSource: 'chosen',
      rows: [
        ['front;back', 'x'],
        ['q;a', 'y'],
      ],
    },
  });
});

test('JSON: open → parsed (only a summary: the cards stay in the worker)', async () => {
  const { s, last } = session();
  await s.handle(open('mine.json', deckJson));
  expect(last()).toEqual({
    type: 'parsed',
    decks: [{ deckId: 'mine', title: { en: 'Mine', zh: '我的' }, format: 'json', cards: 1 }],
    warnings: [],
  });
});

test('stored cards → preview against them → rows: the prepared decks in small messages, then the file is let go', async () => {
  const cards = Array.from({ length: 2500 }, (_, i) => ({
    id: `c${i}`,
    type: 'basic',
    tags: [],
    front: { en: `Q${i}`, zh: `问${i}` },
    back: { en: `A${i}`, zh: `答${i}` },
    source: { doc: 'n.txt', section: 'S' },
  }));
  const big = JSON.stringify({ ...JSON.parse(deckJson), cards });
  const { s, posted, last, kinds } = session();
  await s.handle(open('mine.json', big));
  // What the UI read of the stored deck: c0 unchanged, c1 with other content, "gone" no longer in the file.
  const [c0] = expandDeck({ ...JSON.parse(deckJson), cards: [cards[0]], tags: [], tables: [] });
  await s.handle({
    type: 'stored-cards',
    deckId: 'mine',
    cards: [
      { id: 'mine/c0', fingerprint: contentHash(c0!) },
      { id: 'mine/c1', fingerprint: 'other' },
    ],
  });
  await s.handle({ type: 'stored-cards', deckId: 'mine', cards: [{ id: 'mine/gone', fingerprint: 'x' }] });
  await s.handle({
    type: 'preview',
    decks: [{ id: 'mine', title: { en: 'Mine', zh: '我的' }, builtin: false, origin: 'json' }],
    settings: DEFAULT_SCHEDULER_SETTINGS,
  });
  expect(posted).toContainEqual({ type: 'progress', phase: 'prepare', done: 2500, total: 2500 });
  expect(last()).toMatchObject({
    type: 'preview',
    preview: {
      issues: [],
      decks: [{ deckId: 'mine', exists: true, added: 2498, changed: 1, unchanged: 1, missing: 1, removable: true }],
    },
  });

  posted.length = 0;
  await s.handle({ type: 'rows' });
  const messages = Math.ceil(2500 / ROWS_PER_MESSAGE);
  expect(kinds()).toEqual(['deck', ...Array<string>(messages).fill('cards'), 'rows-done']);
  const [head, first] = posted;
  const second = posted.at(-2);
  expect(head).toMatchObject({ type: 'deck', index: 0, meta: { id: 'mine', title: { en: 'Mine' } }, format: 'json' });
  expect(head && 'meta' in head && 'cards' in head.meta).toBe(false);
  if (first?.type !== 'cards' || second?.type !== 'cards') throw new Error('expected cards');
  expect([first.cards.length, second.cards.length]).toEqual([
    ROWS_PER_MESSAGE,
    2500 - (messages - 1) * ROWS_PER_MESSAGE,
  ]);
  expect(messages).toBeGreaterThan(1);
  expect(first.cards[0]).toMatchObject({ card: { id: 'mine/c0', position: 0 }, content: contentHash(c0!) });
  expect(second.cards.at(-1)?.card.id).toBe('mine/c2499');

  await s.handle({ type: 'rows' });
  expect(last()).toEqual({ type: 'failed', issues: [{ file: 'import', code: 'import.not-checked' }] });
});

test('Anki: the .apkg reader is loaded for an Anki file and its drafts are passed on', async () => {
  const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);

  const draft = {
    deck: { id: 'anki-x', title: { en: 'X', zh: 'X' }, cards: [] },
    format: 'anki',
    media: [],
    history: [],
  } as unknown as DeckDraft;
  const sql = {} as SqlJsStatic;
  const reader: AnkiReaderModule = {
    async readAnkiPackage(bytes, opts) {
      expect([bytes.byteLength, opts.fileName, opts.includeScheduling, opts.sql, opts.now]).toEqual([
        6,
        'deck.apkg',
        true,
        sql,
        new Date(NOW),
      ]);
      opts.onProgress?.(1, 2, 'notes');
      return { drafts: [draft], warnings: [{ file: 'deck.apkg', code: 'warn.no-cards', params: { n: 2 } }] };
    },
  };
  const some = session({ loadAnkiReader: () => Promise.resolve(reader), loadSql: () => Promise.resolve(sql) });
  await some.s.handle({ ...open('deck.apkg', zip), includeScheduling: true } as ImportRequest);
  expect(some.posted).toContainEqual({ type: 'progress', phase: 'notes', done: 1, total: 2 });
  expect(some.last()).toEqual({
    type: 'parsed',
    decks: [{ deckId: 'anki-x', title: { en: 'X', zh: 'X' }, format: 'anki', cards: 0 }],
    warnings: [{ file: 'deck.apkg', code: 'warn.no-cards', params: { n: 2 } }],
  });
});

test('cancel during an Anki read sets the reader\'s signal; its CancelledError becomes "cancelled"', async () => {
  let proceed: () => void = () => {};
  const reader: AnkiReaderModule = {
    async readAnkiPackage(_bytes, opts) {
      opts.onProgress?.(0, 1, 'unpack');
      await new Promise<void>((r) => (proceed = r));
      if (opts.signal?.cancelled) throw new CancelledError();
      return { drafts: [], warnings: [] };
    },
  };
  const { s, posted, kinds } = session({
    loadAnkiReader: () => Promise.resolve(reader),
    loadSql: () => Promise.resolve({} as SqlJsStatic),
  });
  const running = s.handle(open('deck.apkg', Uint8Array.from([0x50, 0x4b, 0x03, 0x04])));
  await vi.waitFor(() => expect(posted).toContainEqual({ type: 'progress', phase: 'unpack', done: 0, total: 1 }));
  await s.handle({ type: 'cancel' });
  proceed();
  await running;
  expect(kinds().filter((k) => k !== 'progress')).toEqual(['cancelled']);
});

test('cancel during a parse stops it at the next progress point: "cancelled", no preview, the file forgotten', async () => {
  const big = `front,back\n${Array.from({ length: 60000 }, (_, i) => `question ${i},answer ${i}`).join('\n')}\n`;
  let release: () => void = () => {};
  const posted: ImportResponse[] = [];
  // The worker yields after each progress message; hold it there once the parse has begun.
  const yieldToEvents = () => {
    const m = posted.at(-1);
    return m?.type === 'progress' && m.phase === 'parse' ? new Promise<void>((r) => (release = r)) : Promise.resolve();
  };
  const s = createImportSession((m) => posted.push(m), { yieldToEvents });
  const kinds = () => posted.map((m) => m.type);
  const running = s.handle(open('big.csv', big));
  // Wait for the first parse progress message, then cancel while the worker yields.
  await vi.waitFor(() => expect(posted.some((m) => m.type === 'progress' && m.phase === 'parse')).toBe(true));
  await s.handle({ type: 'cancel' });
  release();
  await running;
  expect(kinds().filter((k) => k !== 'progress')).toEqual(['cancelled']);
  await s.handle({
    type: 'map',
    mapping: {
      hasHeader: true,
      front: 0,
      back: 1,
      tags: null,
      deck: null,
      notetype: null,
      id: null,
      html: false,
      cardType: 'basic',
      deckName: 'x',
    },
  });
  expect(posted.at(-1)).toEqual({ type: 'failed', issues: [{ file: 'import', code: 'import.no-csv' }] });
});

test('cancel with nothing running is answered at once', async () => {
  const { s, posted } = session();
  await s.handle({ type: 'cancel' });
  expect(posted).toEqual([{ type: 'cancelled' }]);
});

describe('each bad input is refused with a clear message, and the database does not change', () => {
  let db: DockdeckDB;
  beforeEach(() => {
    db = new DockdeckDB(`worker-${Math.random().toString(36).slice(2)}`);
  });
  afterEach(() => db.delete());

  const why = 'dockdeck does not import decks with scripts, event handlers or javascript: links';
  const deck = (cards: object[]) =>
    JSON.stringify({
      format: 'dockdeck/deck@1',
      id: 'x',
      title: { en: 'X', zh: 'X' },
      sources: [{ doc: 'n.txt' }],
      cards,
    });
  const card = (id: string, back = 'A') => ({
    id,
    type: 'basic',
    front: { en: 'Q', zh: 'Q' },
    back: { en: back, zh: 'A' },
    source: { doc: 'n.txt', section: 'S' },
  });
  const cases: Array<[string, string, Uint8Array | string, string[]]> = [
    [
      'not JSON',
      'deck.json',
      '{"format": "dockdeck/deck@1",',
      ['deck.json: line 1, column 30: is not valid JSON: Expected double-quoted property name'],
    ],
    [
      'JSON of the wrong shape',
      'deck.json',
      '{"format":"dockdeck/deck@1","id":"x","title":{"en":"X"},"cards":[]}',
      ['deck.json: field "title.zh": is missing'],
    ],
    [
      'a deck of 0 cards',
      'deck.json',
      deck([]),
      ['deck.json: field "cards": the deck has no cards: there is nothing to import'],
    ],
    [
      'duplicate ids inside one file',
      'deck.json',
      deck([card('c1'), card('c1', 'B')]),
      ['deck.json: card "c1" field "id": is used by more than one card: each card needs its own id'],
    ],
    [
      'card HTML with scripts',
      'deck.json',
      deck([card('c1', 'A<script>x()</script>')]),
      [`deck.json: card "c1" field "back.en": contains active content (a <script> element); ${why}`],
    ],
    [
      'a binary file',
      'image.png',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      [
        'image.png: is a PNG image, not a deck: dockdeck imports .json decks, .csv/.tsv/.txt text and Anki .apkg packages',
      ],
    ],
  ];

  async function counts() {
    return [await db.decks.count(), await db.cards.count(), await db.reviewLogs.count(), await db.media.count()];
  }

  test.each(cases)('%s', async (_name, file, bytes, words) => {
    const before = await counts();
    const { s, last } = session();
    await s.handle(open(file, bytes));
    const failed = last();
    expect(failed?.type).toBe('failed');
    expect(failed?.type === 'failed' ? lines(failed.issues) : []).toEqual(words);
    expect(await counts()).toEqual(before);
  });

  test('a file over the size limit (refused by its size, before it is read)', async () => {
    const before = await counts();
    const issue = checkFileSize('huge.csv', IMPORT_LIMITS.maxFileBytes + 1024 ** 2);
    expect(issue).toEqual({
      file: 'huge.csv',
      code: 'file.too-big',
      params: { sizeBytes: IMPORT_LIMITS.maxFileBytes + 1024 ** 2, limitBytes: IMPORT_LIMITS.maxFileBytes },
    });
    expect(lines([issue!])).toEqual(['huge.csv: is 513 MB; files over 512 MB cannot be imported']);
    expect(lines([issue!], 'zh')).toEqual(['huge.csv：大小为 513 MB；超过 512 MB 的文件无法导入']);
    expect(await counts()).toEqual(before);
  });
});
