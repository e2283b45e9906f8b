// Pins the import's database write: one transaction for everything, re-imports in place, imported history, refusals.
import { cardsOfDeck } from '../../src/db/deck-cards';
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { importDrafts, previewDrafts, writePrepared } from '../../src/db/import-repo';
import { answerCard, memoryOf } from '../../src/db/review-repo';
import type { Deck } from '../../src/domain/deck-schema';
import { IssueError } from '../../src/domain/errors';
import type { DeckDraft, ImportedReview } from '../../src/formats/import/draft';
import { lines } from './helpers/issue-lines';
import { buildCsvDrafts } from '../../src/formats/csv/read-cards';
import { parseCsvText } from '../../src/formats/csv/parse';
import { suggestMapping } from '../../src/formats/csv/mapping';
import { parseDockdeckJson } from '../../src/formats/dockdeck/read';
import { replayHistory } from '../../src/formats/import/history';
import { prepareDraft } from '../../src/formats/import/prepare';
import { CardState, DEFAULT_SCHEDULER_SETTINGS, newMemory } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';

const DAY = 24 * 60 * 60 * 1000;
const T = Date.UTC(2026, 2, 2, 10);
const settings = DEFAULT_SCHEDULER_SETTINGS;
const t = (en: string, zh = en) => ({ en, zh });
const source = { doc: 'notes.txt', section: 'Intro' };

function deckJson(
  edit: (d: Record<string, unknown> & { cards: Record<string, unknown>[] }) => void = () => {},
): string {
  const d = {
    format: 'dockdeck/deck@1',
    id: 'mine',
    title: t('Mine', '我的'),
    description: t('About', '关于'),
    tags: ['docker'],
    sources: [{ doc: 'notes.txt', title: t('Notes', '笔记') }],
    tables: [
      {
        id: 'vs',
        title: t('Container or VM', '容器还是虚拟机'),
        columns: [
          { id: 'ct', label: t('Container', '容器') },
          { id: 'vm', label: t('VM', '虚拟机') },
        ],
        rows: [
          {
            id: 'boot',
            trait: t('Start-up', '启动'),
            cells: { ct: t('seconds', '秒级'), vm: t('minutes', '分钟级') },
            source,
          },
        ],
      },
    ],
    cards: [
      { id: 'c1', type: 'basic', front: t('Q1', '问1'), back: t('A1', '答1'), source, tags: ['basics'] },
      { id: 'c2', type: 'reverse', front: t('KVM'), back: t('A hypervisor', '一种虚拟机管理程序'), source },
      {
        id: 'c3',
        type: 'cloze',
        text: t('{{c1::cgroups}} limit {{c2::resources}}', '{{c1::cgroups}} 限制{{c2::资源}}'),
        source,
      },
      { id: 'c4', type: 'mcq', question: t('Which?', '哪个？'), choices: [t('a'), t('b')], answer: 1, source },
      {
        id: 'c5',
        type: 'type-in',
        prompt: t('Kernel feature?', '内核特性？'),
        answer: t('namespaces'),
        accept: ['ns'],
        source,
      },
    ],
  };
  edit(d);
  return JSON.stringify(d);
}

function drafts(text: string, file = 'mine.json'): DeckDraft[] {
  const r = parseDockdeckJson(file, text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

let db: DockdeckDB;
beforeEach(() => {
  db = new DockdeckDB(`import-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  await db.delete();
});

/** Everything stored, to compare before and after a refused import. */
async function snapshot() {
  return {
    decks: await db.decks.orderBy('id').toArray(),
    cards: await db.cards.orderBy('id').toArray(),
    logs: await db.reviewLogs.orderBy('id').toArray(),
    media: (await db.media.toArray()).map((m) => ({ ...m, data: m.data.size })),
  };
}

test('round trip: a dockdeck JSON deck imported reads back equal to the input deck', async () => {
  const [draft] = drafts(deckJson());
  const deck = draft!.deck;
  expect(await importDrafts(db, [draft!], { now: T, includeScheduling: false })).toEqual([
    { deckId: 'mine', added: 10, changed: 0, removed: 0, skipped: false, scheduled: 0, reviews: 0 },
  ]);
  const row = await db.decks.get('mine');
  expect(row).toMatchObject({ origin: 'json', builtin: false, createdAt: T, updatedAt: T });
  expect({
    title: row!.title,
    description: row!.description,
    tags: row!.tags,
    sources: row!.sources,
    tables: row!.tables,
  }).toEqual({
    title: deck.title,
    description: deck.description,
    tags: deck.tags,
    sources: deck.sources,
    tables: deck.tables,
  });
  // Every study card the deck makes is stored as the deck file says, and starts new.
  const stored = await cardsOfDeck(db, 'mine').sortBy('position');
  const strip = ({ id, deckId, noteId, tags, source: s, content, position, note }: (typeof stored)[number]) => ({
    id,
    deckId,
    noteId,
    tags,
    source: s,
    content,
    position,
    ...(note ? { note } : {}),
  });
  expect(stored.map(strip)).toEqual(expandDeck(deck));
  for (const c of stored) expect(memoryOf(c)).toEqual(newMemory(new Date(T)));
});

test('re-import updates in place: "0 new, 1 changed, 0 removed", text changed, FSRS state and logs kept', async () => {
  await importDrafts(db, drafts(deckJson()), { now: T, includeScheduling: false });
  const log = await answerCard(db, 'mine/c1', 'good', new Date(T + 60_000), { durationMs: 3000, settings });
  const answered = await db.cards.get('mine/c1');

  const edited = drafts(deckJson((d) => ((d.cards[0] as { back: unknown }).back = t('A1 (edited)', '答1（改）'))));
  const preview = await previewDrafts(db, edited, { includeScheduling: false });
  expect(preview.issues).toEqual([]);
  expect(preview.decks).toEqual([
    {
      deckId: 'mine',
      title: t('Mine', '我的'),
      format: 'json',
      exists: true,
      storedOrigin: 'json',
      added: 0,
      changed: 1,
      unchanged: 9,
      missing: 0,
      removable: true,
      media: 0,
      reviews: 0,
    },
  ]);

  expect(await importDrafts(db, edited, { now: T + DAY, includeScheduling: false })).toEqual([
    { deckId: 'mine', added: 0, changed: 1, removed: 0, skipped: false, scheduled: 0, reviews: 0 },
  ]);
  const after = (await db.cards.get('mine/c1'))!;
  expect(after.content).toEqual({ kind: 'basic', front: t('Q1', '问1'), back: t('A1 (edited)', '答1（改）') });
  expect(memoryOf(after)).toEqual(memoryOf(answered!));
  expect(after.createdAt).toBe(T);
  expect(await db.reviewLogs.toArray()).toEqual([log]);
});

test('CSV re-import without an id column: an edited back updates the card in place, its review kept', async () => {
  const csvDrafts = async (text: string) => {
    const t = await parseCsvText('vocab.csv', text);
    if (!t.ok) throw new Error(JSON.stringify(t.issues));
    const r = await buildCsvDrafts(t.value, suggestMapping(t.value));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value.drafts;
  };
  const first = await csvDrafts('front,back\n容器,container\n镜像,image\n');
  await importDrafts(db, first, { now: T, includeScheduling: false });
  const id = `vocab/${first[0]!.deck.cards[1]!.id}`;
  const log = await answerCard(db, id, 'easy', new Date(T + 1000), { durationMs: 2000, settings });
  const answered = memoryOf((await db.cards.get(id))!);

  const edited = await csvDrafts('front,back\n容器,container\n镜像,container image\n');
  expect((await previewDrafts(db, edited, { includeScheduling: false })).decks[0]).toMatchObject({
    deckId: 'vocab',
    exists: true,
    storedOrigin: 'csv',
    added: 0,
    changed: 1,
    missing: 0,
    removable: false,
  });
  await importDrafts(db, edited, { now: T + DAY, includeScheduling: false });
  const after = (await db.cards.get(id))!;
  expect(after.content).toEqual({ kind: 'basic', front: t('镜像'), back: t('container image') });
  expect(memoryOf(after)).toEqual(answered);
  expect(await db.reviewLogs.toArray()).toEqual([log]);
});

test('re-importing the same file writes nothing; a card gone from the file is kept unless the user ticks removal, then removed with its logs kept', async () => {
  await importDrafts(db, drafts(deckJson()), { now: T, includeScheduling: false });
  const before = await snapshot();
  expect((await importDrafts(db, drafts(deckJson()), { now: T + DAY, includeScheduling: false }))[0]).toMatchObject({
    skipped: true,
    added: 0,
  });
  expect(await snapshot()).toEqual(before);

  await answerCard(db, 'mine/c4', 'again', new Date(T + 1000), { durationMs: 1, settings });
  const without = drafts(deckJson((d) => d.cards.splice(3, 1)));
  expect((await previewDrafts(db, without, { includeScheduling: false })).decks[0]).toMatchObject({
    added: 0,
    changed: 0,
    missing: 1,
    removable: true,
  });
  // Not ticked: the card stays, with its state.
  const kept = await db.cards.get('mine/c4');
  expect((await importDrafts(db, without, { now: T + DAY, includeScheduling: false }))[0]).toMatchObject({
    removed: 0,
  });
  expect(await db.cards.get('mine/c4')).toEqual(kept);
  // Ticked: removed.
  const again = drafts(deckJson((d) => ((d.cards.splice(3, 1), d.cards[0] as { back: unknown }).back = t('x'))));
  expect(
    (
      await importDrafts(db, again, {
        now: T + 2 * DAY,
        includeScheduling: false,
        removeMissing: new Set(['mine']),
      })
    )[0],
  ).toMatchObject({ removed: 1, changed: 1 });
  expect(await db.cards.get('mine/c4')).toBeUndefined();
  expect(await db.reviewLogs.where('cardId').equals('mine/c4').count()).toBe(1);
});

test('a failure halfway through the write leaves the database as it was (one transaction)', async () => {
  await importDrafts(db, drafts(deckJson()), { now: T, includeScheduling: false });
  await answerCard(db, 'mine/c1', 'good', new Date(T + 60_000), { durationMs: 3000, settings });
  const before = await snapshot();

  const second = drafts(
    deckJson((d) => (d.id = 'second')),
    'second.json',
  )[0]!;
  const edited = drafts(deckJson((d) => ((d.cards[0] as { back: unknown }).back = t('edited'))))[0]!;
  const withMedia: DeckDraft = {
    ...second,
    media: [{ name: 'a.png', type: 'image/png', data: Uint8Array.from([1, 2, 3]) }],
  };
  // The media write of the second deck fails, after the first deck's cards and the second deck's cards were written.
  const original = db.media.bulkPut.bind(db.media);
  let calls = 0;
  vi.spyOn(db.media, 'bulkPut').mockImplementation((...args: Parameters<typeof original>) => {
    calls++;
    const rows = args[0] as readonly { name: string }[];
    if (rows.some((r) => r.name === 'a.png'))
      return Promise.reject(new Error('disk full')) as ReturnType<typeof original>;
    return original(...args);
  });
  await expect(importDrafts(db, [edited, withMedia], { now: T + DAY, includeScheduling: false })).rejects.toThrow(
    'disk full',
  );
  expect(calls).toBeGreaterThanOrEqual(1);
  expect(await snapshot()).toEqual(before);
});

test('a file that would change a built-in deck is refused, and nothing is written', async () => {
  const builtin: Deck = { ...drafts(deckJson())[0]!.deck, id: 'docker-basics' };
  await upsertDeck(db, builtin, expandDeck(builtin), { hash: 'b1', builtin: true, now: T });
  const before = await snapshot();
  const clash = drafts(
    deckJson((d) => {
      d.id = 'docker-basics';
      (d.cards[0] as { back: unknown }).back = t('changed');
    }),
  );
  const other = drafts(deckJson((d) => (d.id = 'fine')))[0]!;
  const issue = { file: 'mine.json', place: { deck: 'docker-basics' }, field: 'id', code: 'import.builtin-deck' };
  const preview = await previewDrafts(db, clash, { includeScheduling: false, file: 'mine.json' });
  expect(preview.issues).toEqual([issue]);
  expect(lines(preview.issues)).toEqual([
    'mine.json: deck "docker-basics" field "id": is the id of a built-in deck, and the file would change its cards; built-in decks are updated with the app. Give the deck another id',
  ]);
  const error = await importDrafts(db, [other, ...clash], {
    now: T,
    includeScheduling: false,
    file: 'mine.json',
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(IssueError);
  expect((error as IssueError).issues).toEqual([issue]);
  expect(await snapshot()).toEqual(before);
});

test('two drafts with the same deck id are refused before anything is written', async () => {
  const d = drafts(deckJson())[0]!;
  const error = await importDrafts(db, [d, d], { now: T, includeScheduling: false, file: 'x.apkg' }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IssueError);
  expect(lines((error as IssueError).issues)).toEqual(['x.apkg: deck "mine": appears twice in the import']);
  expect(await db.decks.count()).toBe(0);
});

describe('imported history (includeScheduling)', () => {
  const review = (cardId: string, day: number, rating: ImportedReview['rating']): ImportedReview => ({
    cardId,
    review: T - 60 * DAY + day * DAY,
    rating,
    durationMs: 5000,
  });
  const history = [
    review('mine/c1', 0, 'good'),
    review('mine/c1', 0.01, 'good'),
    review('mine/c1', 3, 'good'),
    review('mine/c1', 20, 'good'),
    review('mine/c2:reverse', 1, 'again'),
  ];
  const withHistory = () => drafts(deckJson()).map((d) => ({ ...d, history }));

  test('a card well known elsewhere is not new: its memory is the replayed history, and its answers are logged', async () => {
    const preview = await previewDrafts(db, withHistory(), { includeScheduling: true });
    expect(preview.decks[0]).toMatchObject({ added: 10, reviews: 5 });
    expect(await importDrafts(db, withHistory(), { now: T, includeScheduling: true })).toEqual([
      { deckId: 'mine', added: 10, changed: 0, removed: 0, skipped: false, scheduled: 2, reviews: 5 },
    ]);
    const c1 = (await db.cards.get('mine/c1'))!;
    const expected = replayHistory('mine/c1', history.slice(0, 4), T, settings)!;
    expect(memoryOf(c1)).toEqual(expected.memory);
    expect(c1.state).toBe(CardState.Review);
    const logs = await db.reviewLogs.where('cardId').equals('mine/c1').sortBy('review');
    expect(logs.map((l) => [l.id, l.kind, l.deckId, l.rating, l.durationMs])).toEqual(
      history.slice(0, 4).map((r) => [`import:mine/c1@${r.review}`, 'review', 'mine', 'good', 5000]),
    );
    expect(logs.at(-1)!.after).toEqual(expected.memory);
    expect((await db.cards.get('mine/c2:reverse'))!.state).toBe(CardState.Learning);
    expect(memoryOf((await db.cards.get('mine/c3:c1'))!)).toEqual(newMemory(new Date(T)));
  });

  test('without includeScheduling the history is ignored', async () => {
    await importDrafts(db, withHistory(), { now: T, includeScheduling: false });
    expect(memoryOf((await db.cards.get('mine/c1'))!)).toEqual(newMemory(new Date(T)));
    expect(await db.reviewLogs.count()).toBe(0);
  });

  test('a stored card keeps its own state and logs: imported history only applies to new cards', async () => {
    await importDrafts(db, drafts(deckJson()), { now: T, includeScheduling: false });
    const own = await answerCard(db, 'mine/c1', 'hard', new Date(T + 1000), { durationMs: 1, settings });
    const mine = memoryOf((await db.cards.get('mine/c1'))!);
    const edited = drafts(deckJson((d) => ((d.cards[0] as { back: unknown }).back = t('new back')))).map((d) => ({
      ...d,
      history,
    }));
    expect((await previewDrafts(db, edited, { includeScheduling: true })).decks[0]).toMatchObject({
      added: 0,
      changed: 1,
      reviews: 0,
    });
    expect((await importDrafts(db, edited, { now: T + DAY, includeScheduling: true }))[0]).toMatchObject({
      changed: 1,
      scheduled: 0,
      reviews: 0,
    });
    expect(memoryOf((await db.cards.get('mine/c1'))!)).toEqual(mine);
    expect(await db.reviewLogs.toArray()).toEqual([own]);
  });
});

test('media rows are written with the deck, as blobs keyed by deck and name', async () => {
  const [d] = drafts(deckJson());
  const data = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2]);
  await importDrafts(db, [{ ...d!, format: 'anki', media: [{ name: 'pic.png', type: 'image/png', data }] }], {
    now: T,
    includeScheduling: false,
  });
  const row = (await db.media.get(['mine', 'pic.png']))!;
  expect({ deckId: row.deckId, name: row.name, type: row.type, size: row.size }).toEqual({
    deckId: 'mine',
    name: 'pic.png',
    type: 'image/png',
    size: 6,
  });
  expect(new Uint8Array(await row.data.arrayBuffer())).toEqual(data);
  expect((await db.decks.get('mine'))!.origin).toBe('anki');
});

test('the built-in deck coming back as it is (its own export) is accepted and writes nothing', async () => {
  const builtin: Deck = { ...drafts(deckJson())[0]!.deck, id: 'docker-basics' };
  await upsertDeck(db, builtin, expandDeck(builtin), { hash: 'b1', builtin: true, now: T });
  await answerCard(db, 'docker-basics/c1', 'good', new Date(T + 1000), { durationMs: 1, settings });
  const before = await snapshot();
  const same = drafts(
    deckJson((d) => (d.id = 'docker-basics')),
    'docker-basics.apkg',
  );
  const preview = await previewDrafts(db, same, { includeScheduling: false });
  expect(preview.issues).toEqual([]);
  expect(preview.decks[0]).toMatchObject({ added: 0, changed: 0, missing: 0, removable: false });
  expect((await importDrafts(db, same, { now: T + DAY, includeScheduling: false }))[0]).toMatchObject({
    skipped: true,
    added: 0,
    changed: 0,
    removed: 0,
  });
  expect(await snapshot()).toEqual(before);
});

test('a deck bigger than a read page re-imported: stored cards read page by page, each keeps its memory; progress to the total', async () => {
  const N = 4500; // more than two pages of stored cards (READ_PAGE)
  const big = (edit: (cards: Record<string, unknown>[]) => void = () => {}) =>
    deckJson((d) => {
      d.tables = [];
      d.cards = Array.from({ length: N }, (_, i) => ({
        id: `n${i}`,
        type: 'basic',
        front: t(`Q${i}`),
        back: t(`A${i}`),
        source,
      }));
      edit(d.cards);
    });
  await importDrafts(db, drafts(big()), { now: T, includeScheduling: false });
  await answerCard(db, 'mine/n3000', 'good', new Date(T + 1000), { durationMs: 1, settings });
  await answerCard(db, 'mine/n10', 'easy', new Date(T + 1000), { durationMs: 1, settings });
  const known = [memoryOf((await db.cards.get('mine/n3000'))!), memoryOf((await db.cards.get('mine/n10'))!)];

  const edited = big((cards) => {
    cards[10] = { ...cards[10], back: t('A10, edited') };
    cards[4100] = { ...cards[4100], back: t('A4100, edited') };
    cards.splice(2500, 1);
    cards.push({ id: 'extra', type: 'basic', front: t('Qx'), back: t('Ax'), source });
  });
  expect((await previewDrafts(db, drafts(edited), { includeScheduling: false })).decks[0]).toMatchObject({
    added: 1,
    changed: 2,
    missing: 1,
    unchanged: N - 3,
  });
  const progress: Array<[number, number]> = [];
  const prepared = drafts(edited).map((d) => prepareDraft(d, { now: T + DAY, includeScheduling: false, settings }));
  expect(
    await writePrepared(db, prepared, {
      now: T + DAY,
      removeMissing: new Set(['mine']),
      onProgress: (done, total) => progress.push([done, total]),
    }),
  ).toEqual([{ deckId: 'mine', added: 1, changed: 2, removed: 1, skipped: false, scheduled: 0, reviews: 0 }]);
  expect(progress.length).toBeGreaterThan(1);
  expect(progress.at(-1)).toEqual([N, N]);
  expect(progress.every(([done], i) => i === 0 || done > progress[i - 1]![0])).toBe(true);

  expect(await db.cards.count()).toBe(N);
  expect(await db.cards.get('mine/n2500')).toBeUndefined();
  expect(memoryOf((await db.cards.get('mine/n3000'))!)).toEqual(known[0]);
  const n10 = (await db.cards.get('mine/n10'))!;
  expect([memoryOf(n10), n10.content]).toEqual([known[1], { kind: 'basic', front: t('Q10'), back: t('A10, edited') }]);
  // Cards after the removed one moved up a place: their rows take the new position, their memory stays.
  expect((await db.cards.get('mine/n3000'))!.position).toBe(2999);
  expect((await db.cards.get('mine/extra'))!.position).toBe(N - 1);
});
