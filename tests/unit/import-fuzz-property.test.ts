// Property: every import format, fed random bytes or a real file mutated (cut off, bytes changed, bytes put in or
// taken out), is read by the import worker's logic (createImportSession, as the app drives it: open, map a CSV,
// preview) to either decks or the format's own refusal, in issues that name the file. Never an unexpected error
// (a parser throwing something of its own, which the user would see as "unexpected error: …"), never a crash.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import type { ImportRequest, ImportResponse } from '../../src/formats/import/protocol';
import { createImportSession } from '../../src/workers/import-session';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const NOW = Date.UTC(2026, 10, 1, 10);
const shared = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../shared/fixtures/${name}`, import.meta.url)));
const local = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

const deckJson = utf8(
  JSON.stringify({
    format: 'dockdeck/deck@1',
    id: 'fuzz',
    title: { en: 'Fuzz', zh: '模糊' },
    sources: [{ doc: 'n.txt' }],
    cards: [
      {
        id: 'c1',
        type: 'basic',
        front: { en: 'Q', zh: '问' },
        back: { en: 'A', zh: '答' },
        source: { doc: 'n.txt', section: 'S' },
      },
      {
        id: 'c2',
        type: 'cloze',
        text: { en: 'A {{c1::container}} shares the kernel', zh: '{{c1::容器}}共享内核' },
        source: { doc: 'n.txt', section: 'S' },
      },
    ],
  }),
);

/** Real files of each format: the name decides how the app reads them, as a dropped file's would. */
const SEEDS: { name: string; bytes: () => Uint8Array }[] = [
  { name: 'deck.json', bytes: () => deckJson },
  { name: 'cards.csv', bytes: () => utf8('front,back,tags\n"What is a namespace?",A view,linux\nQ2,"A, B",\n') },
  { name: 'cards.tsv', bytes: () => local('csv/excel-unicode-text.txt') },
  { name: 'media.apkg', bytes: () => shared('anki/media.apkg') },
  { name: 'update1.apkg', bytes: () => shared('anki/update1.apkg') },
  { name: 'collection.anki2', bytes: () => shared('anki/anki2-alpha.anki2') },
];

const buffer = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** Opens the bytes as the app does; maps a CSV's suggested columns; previews whatever was read. */
async function importAll(fileName: string, bytes: Uint8Array): Promise<ImportResponse[]> {
  const posted: ImportResponse[] = [];
  const s = createImportSession((m) => posted.push(m), {
    yieldToEvents: () => Promise.resolve(),
    loadSql: () => Promise.resolve(SQL),
  });
  const open: ImportRequest = { type: 'open', fileName, bytes: buffer(bytes), includeScheduling: true, now: NOW };
  await s.handle(open);
  const preview = posted.findLast((m) => m.type === 'csv-preview');
  if (preview?.type === 'csv-preview') await s.handle({ type: 'map', mapping: preview.preview.mapping });
  if (posted.at(-1)?.type === 'parsed')
    await s.handle({ type: 'preview', decks: [], settings: DEFAULT_SCHEDULER_SETTINGS });
  return posted;
}

/** What went wrong, if anything did: an unexpected error, or an issue that does not name the file. */
function fault(fileName: string, posted: readonly ImportResponse[]): string | null {
  const end = posted.at(-1);
  if (end === undefined) return 'nothing was answered';
  for (const m of posted) {
    if (m.type !== 'failed') continue;
    if (m.issues.length === 0) return 'refused without a reason';
    for (const i of m.issues) {
      if (i.code === 'error.unexpected') return `unexpected error: ${JSON.stringify(i.params)}`;
      if (i.file !== fileName && !i.file.startsWith(`${fileName}`)) return `an issue names ${i.file}, not ${fileName}`;
    }
  }
  if (!['failed', 'preview', 'csv-preview', 'parsed'].includes(end.type)) return `ended with ${end.type}`;
  return null;
}

type Mutation =
  | { kind: 'cut'; at: number }
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'remove'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
);

function mutate(bytes: Uint8Array, changes: readonly Mutation[]): Uint8Array {
  let out = bytes;
  for (const m of changes) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'cut') out = out.slice(0, at);
    else if (m.kind === 'flip') {
      out = out.slice();
      if (out.length > 0) out[at] = out[at]! ^ m.xor;
    } else if (m.kind === 'insert') {
      const next = new Uint8Array(out.length + m.bytes.length);
      next.set(out.subarray(0, at));
      next.set(m.bytes, at);
      next.set(out.subarray(at), at + m.bytes.length);
      out = next;
    } else {
      out = new Uint8Array([...out.subarray(0, at), ...out.subarray(at + m.length)]);
    }
  }
  return out;
}

test('an Anki package whose zip is whole but whose collection, media list or media are damaged: a refusal or decks', async () => {
  const entries = unzipSync(shared('anki/media.apkg'));
  const names = Object.keys(entries).sort();
  const outcomes = new Set<string>();
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...names),
      fc.array(mutation, { minLength: 1, maxLength: 3 }),
      async (entry, changes) => {
        const bytes = zipSync({ ...entries, [entry]: mutate(entries[entry]!, changes) });
        const posted = await importAll('media.apkg', bytes);
        expect(fault('media.apkg', posted)).toBeNull();
        const end = posted.at(-1)!;
        outcomes.add(end.type === 'failed' ? end.issues[0]!.code : end.type);
      },
    ),
    { numRuns: 150 },
  );
  // Past the zip: the collection's and the media list's own checks are reached.
  expect([...outcomes].some((o) => o.startsWith('anki.'))).toBe(true);
}, 600_000);

test('the unchanged seed files import (the property below starts from files that work)', async () => {
  for (const seed of SEEDS) {
    const posted = await importAll(seed.name, seed.bytes());
    expect(fault(seed.name, posted), seed.name).toBeNull();
    expect(posted.at(-1)?.type, seed.name).toBe('preview');
  }
}, 120_000);

test('random bytes under every format’s name: decks or the format’s own refusal, never an unexpected error', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('deck.json', 'cards.csv', 'cards.tsv', 'deck.apkg', 'deck.colpkg', 'collection.anki2', 'x.txt'),
      fc.oneof(
        fc.uint8Array({ maxLength: 600 }),
        // Text-like bytes reach the JSON and CSV parsers past the encoding check.
        fc.string({ maxLength: 300 }).map(utf8),
        // A zip's or SQLite's magic number in front sends the bytes to the Anki reader's later stages.
        fc.uint8Array({ maxLength: 600 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
        fc.uint8Array({ maxLength: 600 }).map((b) => new Uint8Array([...utf8('SQLite format 3\0'), ...b])),
      ),
      async (name, bytes) => {
        const posted = await importAll(name, bytes);
        expect(fault(name, posted)).toBeNull();
      },
    ),
    { numRuns: 300 },
  );
}, 300_000);

test('real files cut off, bytes changed, put in or taken out: decks or a refusal, never an unexpected error', async () => {
  const seeds = SEEDS.map((s) => ({ name: s.name, bytes: s.bytes() }));
  const outcomes = new Set<string>();
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...seeds),
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
      async (seed, changes) => {
        const bytes = mutate(seed.bytes, changes);
        const posted = await importAll(seed.name, bytes);
        expect(fault(seed.name, posted)).toBeNull();
        const end = posted.at(-1)!;
        outcomes.add(end.type === 'failed' ? `${seed.name}: ${end.issues[0]!.code}` : `${seed.name}: ${end.type}`);
      },
    ),
    { numRuns: 250 },
  );
  // The mutations reach every reader's checks: some files still import, the rest are refused for many reasons.
  for (const seed of SEEDS)
    expect(
      [...outcomes].some((o) => o.startsWith(`${seed.name}: `)),
      seed.name,
    ).toBe(true);
  expect([...outcomes].some((o) => o.endsWith(': preview'))).toBe(true);
  expect(new Set([...outcomes].map((o) => o.split(': ')[1])).size).toBeGreaterThanOrEqual(6);
}, 600_000);
