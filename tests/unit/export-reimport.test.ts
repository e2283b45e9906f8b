// Every export of a deck comes back into dockdeck as "0 new, 0 changed, 0 removed" with every card's review state
// kept, with or without scheduling (issue #9, items 1–3); and an unrelated package never takes away a deck's cards.
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { exportDeckCsv, exportDeckJson, exportDecksApkg } from '../../src/db/export-repo';
import { importDrafts, previewDrafts } from '../../src/db/import-repo';
import { answerCard } from '../../src/db/review-repo';
import type { Deck } from '../../src/domain/deck-schema';
import { readAnkiPackage } from '../../src/formats/anki/read-package';
import type { DeckDraft } from '../../src/formats/import/draft';
import { parseDockdeckJson } from '../../src/formats/dockdeck/read';
import { csvDrafts } from './helpers/csv-drafts';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import { ALL_KINDS } from './export-fixtures';
import { STOCK, buildApkg } from './helpers/anki-build';

const T0 = Date.UTC(2026, 2, 2, 10);
const settings = DEFAULT_SCHEDULER_SETTINGS;
let SQL: SqlJsStatic;
let db: DockdeckDB;
beforeAll(async () => {
  SQL = await initSqlJs();
});
beforeEach(() => {
  db = new DockdeckDB(`reimport-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  await db.delete();
});

async function cardsAndLogs() {
  return {
    cards: (await db.cards.toArray()).map(({ updatedAt: _, ...c }) => c),
    logs: await db.reviewLogs.toArray(),
  };
}

async function apkgDrafts(bytes: Uint8Array, scheduling: boolean, file = 'export.apkg'): Promise<DeckDraft[]> {
  const r = await readAnkiPackage(bytes, {
    fileName: file,
    includeScheduling: scheduling,
    sql: SQL,
    now: new Date(T0),
  });
  return r.drafts;
}

/** The preview of re-importing `drafts`, then the import itself, and that nothing changed. */
async function expectNoChange(drafts: DeckDraft[], includeScheduling: boolean) {
  const before = await cardsAndLogs();
  const preview = await previewDrafts(db, drafts, { includeScheduling, now: T0 + 5000 });
  expect(preview.issues).toEqual([]);
  expect(preview.decks.map((d) => [d.deckId, d.added, d.changed, d.missing])).toEqual(
    drafts.map((d) => [d.deck.id, 0, 0, 0]),
  );
  await importDrafts(db, drafts, { now: T0 + 5000, includeScheduling });
  expect(await cardsAndLogs()).toEqual(before);
}

describe('a dockdeck deck (every card kind, a trait table) studied, exported and imported again', () => {
  beforeEach(async () => {
    await upsertDeck(db, ALL_KINDS, expandDeck(ALL_KINDS), { hash: 'h', builtin: false, now: T0 });
    await answerCard(db, 'all-kinds/b', 'good', new Date(T0 + 1000), { durationMs: 3000, settings });
    await answerCard(db, 'all-kinds/m', 'again', new Date(T0 + 2000), { durationMs: 3000, settings });
    await answerCard(db, 'all-kinds/k:kernel', 'easy', new Date(T0 + 3000), { durationMs: 3000, settings });
    // A trait table's classify card has no Anki note: its answer stays behind, the export must still work.
    await answerCard(db, 'all-kinds/table:tbl/start:vm', 'good', new Date(T0 + 3500), { durationMs: 1, settings });
  });

  for (const lang of ['en', 'zh', 'both'] as const)
    for (const scheduling of [false, true])
      test(`.apkg (${lang}, scheduling ${scheduling ? 'on' : 'off'}): 0 new, 0 changed, 0 removed`, async () => {
        const out = await exportDecksApkg(db, ['all-kinds'], SQL, { lang, scheduling, now: T0 + 4000 });
        const drafts = await apkgDrafts(out.bytes, scheduling, 'all-kinds.apkg');
        expect(drafts.map((d) => d.deck.id)).toEqual(['all-kinds']);
        expect(drafts[0]!.deck.cards).toEqual(ALL_KINDS.cards);
        expect(drafts[0]!.deck.tables).toEqual(ALL_KINDS.tables);
        await expectNoChange(drafts, scheduling);
      });

  for (const lang of ['en', 'both'] as const)
    test(`text export (${lang}): 0 new, 0 changed, 0 removed`, async () => {
      const out = await exportDeckCsv(db, 'all-kinds', lang);
      const drafts = await csvDrafts(out.text, out.fileName);
      expect(drafts.map((d) => d.deck.id)).toEqual(['all-kinds']);
      await expectNoChange(drafts, false);
    });

  test('JSON export: 0 new, 0 changed, 0 removed', async () => {
    const out = await exportDeckJson(db, 'all-kinds');
    const parsed = parseDockdeckJson('all-kinds.json', out.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    await expectNoChange(parsed.value, false);
  });

  test('a note edited in Anki comes back as a change to the same card, which keeps its reviews', async () => {
    const out = await exportDeckCsv(db, 'all-kinds', 'en');
    // The Basic card's back, as a user would edit it in Anki: the row still has its dd: GUID.
    const edited = out.text.replace('\t"Back<br><br>', '\t"Back, edited<br><br>');
    expect(edited).not.toBe(out.text);
    const drafts = await csvDrafts(edited, out.fileName);
    const preview = await previewDrafts(db, drafts, { includeScheduling: false });
    expect(preview.decks.map((d) => [d.deckId, d.added, d.changed])).toEqual([['all-kinds', 0, 1]]);
    const memory = (await db.cards.get('all-kinds/b'))!.stability;
    await importDrafts(db, drafts, { now: T0 + 5000, includeScheduling: false });
    expect((await db.cards.get('all-kinds/b'))!.stability).toBe(memory);
  });
});

test('a built-in deck exported and imported again: accepted, nothing written', async () => {
  const builtin: Deck = { ...ALL_KINDS, id: 'docker-basics' };
  await upsertDeck(db, builtin, expandDeck(builtin), { hash: 'b', builtin: true, now: T0 });
  await answerCard(db, 'docker-basics/r', 'hard', new Date(T0 + 1000), { durationMs: 1, settings });
  const out = await exportDecksApkg(db, ['docker-basics'], SQL, { lang: 'both', scheduling: false, now: T0 + 2000 });
  await expectNoChange(await apkgDrafts(out.bytes, false), false);
});

test('issue #9 item 3: a CSV imported, three cards studied, exported as text and imported again keeps the three answers', async () => {
  const rows = Array.from({ length: 25 }, (_, i) => `term ${i},meaning ${i}`).join('\n');
  await importDrafts(db, await csvDrafts(`front,back\n${rows}\n`, 'vocab.csv'), { now: T0, includeScheduling: false });
  const ids = (await db.cards.toArray()).slice(0, 3).map((c) => c.id);
  for (const id of ids) await answerCard(db, id, 'good', new Date(T0 + 1000), { durationMs: 1, settings });
  const out = await exportDeckCsv(db, 'vocab', 'en');
  await expectNoChange(await csvDrafts(out.text, out.fileName), false);
  expect((await db.cards.bulkGet(ids)).map((c) => c!.reps)).toEqual([1, 1, 1]);
});

describe('issue #9 item 1: packages whose cards are all in "Default"', () => {
  const pkg = (guidPrefix: string, n: number) =>
    buildApkg(SQL, {
      notetypes: [STOCK.basic(77)],
      decks: [{ id: 1, name: 'Default' }],
      notes: Array.from({ length: n }, (_, i) => ({
        id: 1000 + i,
        guid: `${guidPrefix}${i}`,
        mid: 77,
        fields: [`${guidPrefix} front ${i}`, `${guidPrefix} back ${i}`],
        cards: [{ id: 5000 + i, ord: 0, deck: 1 }],
      })),
    });

  test('importing an unrelated package B after A keeps every card of A and its scheduling', async () => {
    const a = await apkgDrafts(await pkg('A', 25), false, 'a.apkg');
    await importDrafts(db, a, { now: T0, includeScheduling: false });
    const aIds = (await db.cards.toArray()).map((c) => c.id);
    expect(aIds).toHaveLength(25);
    for (const id of aIds.slice(0, 5))
      await answerCard(db, id, 'good', new Date(T0 + 1000), { durationMs: 1, settings });
    const aState = await db.cards.bulkGet(aIds);

    const b = await apkgDrafts(await pkg('B', 1), false, 'b.apkg');
    expect(b.map((d) => d.deck.id)).toEqual(a.map((d) => d.deck.id));
    const preview = await previewDrafts(db, b, { includeScheduling: false });
    expect(preview.decks[0]).toMatchObject({ added: 1, changed: 0, missing: 25, removable: false });
    // Even asked to, an Anki import does not remove.
    await importDrafts(db, b, { now: T0 + 2000, includeScheduling: false, removeMissing: new Set([b[0]!.deck.id]) });
    expect(await db.cards.count()).toBe(26);
    expect((await db.cards.bulkGet(aIds)).map((c) => c && { ...c, updatedAt: 0 })).toEqual(
      aState.map((c) => c && { ...c, updatedAt: 0 }),
    );
    expect(await db.reviewLogs.count()).toBe(5);
    // The deck row keeps both files as its sources; B's card comes after A's in the new-card order, as in Anki.
    expect((await db.decks.get(b[0]!.deck.id))!.sources.map((s) => s.doc)).toEqual(['b.apkg', 'a.apkg']);
    const added = (await db.cards.toArray()).find((c) => !aIds.includes(c.id))!;
    expect(added.position).toBe(25);

    // Both packages used Anki note id 1000 for their first note: the export gives one of them another, and the deck
    // still comes back unchanged.
    for (const scheduling of [false, true]) {
      const out = await exportDecksApkg(db, [b[0]!.deck.id], SQL, { lang: 'en', scheduling, now: T0 + 3000 });
      await expectNoChange(await apkgDrafts(out.bytes, scheduling), scheduling);
    }
  });
});
