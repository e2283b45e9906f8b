// Deck → Anki .apkg (legacy collection.anki2): the zip layout, and the collection opened with sql.js — note types,
// notes, cards with their scheduling, the review log and media — checked against what Anki expects.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { exportDecksApkg } from '../../src/db/export-repo';
import { answerCard } from '../../src/db/review-repo';
import { fieldChecksum, IdAllocator, sha1Hex } from '../../src/formats/anki/ids';
import { stripHtml } from '../../src/formats/anki/html';
import { deckNotes, dockdeckGuid, parseDockdeckGuid } from '../../src/formats/anki/write-notes';
import { CHOICE_NOTETYPE_NAME, NOTETYPE_IDS } from '../../src/formats/anki/schema11';
import { deckEmbed, EMBED_FORMAT } from '../../src/formats/dockdeck/embed';
import { DEFAULT_SCHEDULER_SETTINGS, type RatingName } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import { ALL_KINDS } from './export-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = new Date('2026-03-02T10:00:00').getTime();
let SQL: SqlJsStatic;
let db: DockdeckDB;

beforeAll(async () => {
  SQL = await initSqlJs();
});
beforeEach(async () => {
  db = new DockdeckDB(`export-apkg-${Math.random().toString(36).slice(2)}`);
  await upsertDeck(db, ALL_KINDS, expandDeck(ALL_KINDS), { hash: 'h', builtin: false, now: T0 });
  await db.media.add({
    deckId: 'all-kinds',
    name: 'pic.png',
    type: 'image/png',
    data: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }),
    size: 4,
  });
});
afterEach(async () => {
  await db.delete();
});

async function answer(cardId: string, rating: RatingName, at: number) {
  await answerCard(db, cardId, rating, new Date(at), {
    durationMs: 4200,
    settings: { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false },
  });
}

function rows(col: Database, sql: string): Record<string, unknown>[] {
  const r = col.exec(sql)[0];
  return r ? r.values.map((v) => Object.fromEntries(r.columns.map((c, i) => [c, v[i]]))) : [];
}

async function exportAndOpen(scheduling: boolean, now = T0 + 10 * DAY) {
  const out = await exportDecksApkg(db, ['all-kinds'], SQL, { lang: 'en', scheduling, now });
  const zip = unzipSync(out.bytes);
  const col = new SQL.Database(zip['collection.anki2']);
  return { out, zip, col };
}

test('the zip holds collection.anki2, the media map and the media files named 0, 1, …', async () => {
  const { out, zip, col } = await exportAndOpen(false);
  expect(Object.keys(zip).sort()).toEqual(['0', 'collection.anki2', 'media']);
  expect(JSON.parse(strFromU8(zip.media!))).toEqual({ '0': 'pic.png' });
  expect([...zip['0']!]).toEqual([137, 80, 78, 71]);
  expect(out.fileName).toBe('all-kinds.apkg');
  expect(rows(col, 'pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  col.close();
});

test('col holds schema 11 with the note types, the deck and the options Anki reads', async () => {
  const { col } = await exportAndOpen(false);
  const [c] = rows(col, 'select * from col');
  expect(c!.ver).toBe(11);
  const models = JSON.parse(c!.models as string) as Record<
    string,
    { id: number; name: string; type: number; flds: { name: string }[]; tmpls: { qfmt: string; afmt: string }[] }
  >;
  const byName = Object.fromEntries(Object.values(models).map((m) => [m.name, m]));
  expect(Object.keys(byName).sort()).toEqual([
    'Basic',
    'Basic (and reversed card)',
    'Basic (type in the answer)',
    'Cloze',
    CHOICE_NOTETYPE_NAME,
  ]);
  expect(CHOICE_NOTETYPE_NAME).toBe('dockdeck choice');
  for (const m of Object.values(models)) expect(models[String(m.id)]).toBe(m);
  expect(byName.Basic!.id).toBe(NOTETYPE_IDS.basic);
  expect(byName[CHOICE_NOTETYPE_NAME]!.id).toBe(NOTETYPE_IDS.choice);
  // Multiple-choice and classify cards: Question, Choices, Answer, Explanation, one template.
  const choice = byName[CHOICE_NOTETYPE_NAME]!;
  expect(choice.type).toBe(0);
  expect(choice.flds.map((f) => f.name)).toEqual(['Question', 'Choices', 'Answer', 'Explanation']);
  expect(choice.tmpls).toHaveLength(1);
  expect(choice.tmpls[0]!.qfmt).toBe('{{Question}}\n\n{{Choices}}');
  expect(choice.tmpls[0]!.afmt).toContain('{{Answer}}');
  expect(choice.tmpls[0]!.afmt).toContain('{{Explanation}}');
  expect(byName.Cloze!.type).toBe(1);
  expect(byName.Cloze!.flds.map((f) => f.name)).toEqual(['Text', 'Back Extra']);
  expect(byName['Basic (and reversed card)']!.tmpls.map((t) => t.qfmt)).toEqual(['{{Front}}', '{{Back}}']);
  expect(byName['Basic (type in the answer)']!.tmpls[0]!.qfmt).toContain('{{type:Back}}');
  const decks = JSON.parse(c!.decks as string) as Record<string, { name: string; desc: string; dockdeck?: unknown }>;
  expect(
    Object.values(decks)
      .map((d) => d.name)
      .sort(),
  ).toEqual(['All kinds', 'Default']);
  // The deck carries the embed for dockdeck's re-import (Anki ignores the key): the deck's own fields and the card
  // each note was made from; the Default deck has none.
  const allKinds = Object.values(decks).find((d) => d.name === 'All kinds')!;
  expect(Object.values(decks).find((d) => d.name === 'Default')).not.toHaveProperty('dockdeck');
  expect(allKinds.dockdeck).toEqual(deckEmbed(ALL_KINDS, deckNotes(ALL_KINDS, 'en'), 'en'));
  expect(allKinds.dockdeck).toMatchObject({
    format: EMBED_FORMAT,
    lang: 'en',
    deck: { id: 'all-kinds', title: ALL_KINDS.title, tables: ALL_KINDS.tables },
    cards: {
      'dd:all-kinds/b': 'b',
      'dd:all-kinds/r': 'r',
      'dd:all-kinds/c': 'c',
      'dd:all-kinds/m': 'm',
      'dd:all-kinds/k:fast': 'k',
      'dd:all-kinds/k:kernel': 'k',
      'dd:all-kinds/ty': 'ty',
    },
  });
  expect((allKinds.dockdeck as { list: { id: string }[] }).list.map((x) => x.id)).toEqual([
    'b',
    'r',
    'c',
    'm',
    'k',
    'ty',
  ]);
  expect(JSON.parse(c!.dconf as string)['1'].desiredRetention).toBe(0.9);
  expect(JSON.parse(c!.conf as string).schedVer).toBe(2);
  col.close();
});

// Anki 2.0 wrote this file (ankitects/anki test data); whatever keys it has, ours must have too.
const FIXTURE = resolve(import.meta.dirname, '../../../shared/fixtures/anki/media.apkg');
test.skipIf(!existsSync(FIXTURE))(
  'our note types, decks and options carry every key an Anki-written collection has',
  async () => {
    const theirs = new SQL.Database(unzipSync(readFileSync(FIXTURE))['collection.anki2']);
    const { col: ours } = await exportAndOpen(false);
    const json = (d: Database, column: string) =>
      Object.values(JSON.parse(rows(d, `select ${column} from col`)[0]![column] as string)) as Record<
        string,
        unknown
      >[];
    const keys = (o: unknown) => Object.keys(o as object).sort();
    const theirModel = json(theirs, 'models').find((m) => 'req' in m)!;
    const ourModel = json(ours, 'models')[0]!;
    expect(keys(ourModel)).toEqual(expect.arrayContaining(keys(theirModel)));
    expect(keys((ourModel.flds as unknown[])[0])).toEqual(
      expect.arrayContaining(keys((theirModel.flds as unknown[])[0])),
    );
    expect(keys((ourModel.tmpls as unknown[])[0])).toEqual(
      expect.arrayContaining(keys((theirModel.tmpls as unknown[])[0])),
    );
    expect(keys(json(ours, 'decks')[1])).toEqual(expect.arrayContaining(keys(json(theirs, 'decks')[0])));
    const [ourConf, theirConf] = [json(ours, 'dconf')[0]!, json(theirs, 'dconf')[0]!];
    expect(keys(ourConf)).toEqual(expect.arrayContaining(keys(theirConf)));
    for (const part of ['new', 'rev', 'lapse'])
      expect(keys(ourConf[part])).toEqual(expect.arrayContaining(keys(theirConf[part])));
    const [ourCol, theirCol] = [rows(ours, 'select * from col')[0]!, rows(theirs, 'select * from col')[0]!];
    expect(keys(JSON.parse(ourCol.conf as string))).toEqual(
      expect.arrayContaining(keys(JSON.parse(theirCol.conf as string))),
    );
    theirs.close();
    ours.close();
  },
);

test('notes: one per deck card (a reverse pair or a cloze card one note with several cards, a classify card one per item, mcq and classify as "dockdeck choice") and one per table row; dd: GUIDs', async () => {
  const { col } = await exportAndOpen(false);
  const notes = rows(col, 'select * from notes order by id');
  const cards = rows(col, 'select * from cards order by id');
  // Every study card but the trait table's classify cards, which dockdeck makes again from the row's note.
  const study = expandDeck(ALL_KINDS);
  const tableClassify = study.filter((c) => c.noteId.startsWith('all-kinds/table:') && c.content.kind === 'classify');
  expect(tableClassify.map((c) => c.id)).toEqual([
    'all-kinds/table:tbl/start:container',
    'all-kinds/table:tbl/start:vm',
  ]);
  expect(cards).toHaveLength(study.length - tableClassify.length);
  // b, r, c, m, 2 classify items, type-in, table row.
  expect(notes.map((n) => n.guid)).toEqual([
    'dd:all-kinds/b',
    'dd:all-kinds/r',
    'dd:all-kinds/c',
    'dd:all-kinds/m',
    'dd:all-kinds/k:fast',
    'dd:all-kinds/k:kernel',
    'dd:all-kinds/ty',
    'dd:all-kinds/table:tbl/start',
  ]);
  const note = (id: string) => notes.find((n) => n.guid === dockdeckGuid('all-kinds', id))!;
  const ords = (id: string) =>
    cards
      .filter((c) => c.nid === note(id).id)
      .map((c) => c.ord)
      .sort();
  expect(note('b').mid).toBe(NOTETYPE_IDS.basic);
  expect(note('b').tags).toBe(' x ');
  expect(note('b').flds).toBe('Front\x1fBack<br><br><div class="dockdeck-note">Outdated</div>');
  expect(ords('b')).toEqual([0]);
  expect(note('r').mid).toBe(NOTETYPE_IDS.reverse);
  expect(ords('r')).toEqual([0, 1]);
  expect(note('c').mid).toBe(NOTETYPE_IDS.cloze);
  expect(ords('c')).toEqual([0, 1]);
  expect(note('c').flds).toBe('{{c2::Go}} and {{c1::cgroups::limits}}\x1fExtra');
  expect(note('ty').mid).toBe(NOTETYPE_IDS.typeIn);
  expect(note('ty').flds).toBe('Language of Docker?\x1fGo');
  expect(note('m').mid).toBe(NOTETYPE_IDS.choice);
  expect(note('m').flds).toBe(
    'Which?\x1f<ol type="A"><li>One</li><li>Two</li><li>Three</li></ol>\x1fB. Two\x1fBecause',
  );
  expect(ords('m')).toEqual([0]);
  const categories = '<ol type="A"><li>Container</li><li>VM</li></ol>';
  expect(note('k:fast').mid).toBe(NOTETYPE_IDS.choice);
  expect(note('k:fast').tags).toBe(' sort ');
  expect(note('k:fast').flds).toBe(`Container or VM?<br><br><b>Starts fast</b>\x1f${categories}\x1fContainer\x1f`);
  expect(note('k:kernel').mid).toBe(NOTETYPE_IDS.choice);
  expect(note('k:kernel').flds).toBe(`Container or VM?<br><br><b>Own kernel</b>\x1f${categories}\x1fVM\x1f`);
  expect(ords('k:fast')).toEqual([0]);
  expect(ords('k:kernel')).toEqual([0]);
  expect(note('table:tbl/start').mid).toBe(NOTETYPE_IDS.basic);
  expect(note('table:tbl/start').flds).toBe(
    'Containers vs VMs: Startup\x1f<table><tr><th>Container</th><td>Seconds</td></tr><tr><th>VM</th><td>Minutes</td></tr></table>',
  );
  expect(ords('table:tbl/start')).toEqual([0]);
  // Every note's GUID names the deck and the card (or table row) it was made from.
  for (const n of notes) expect(parseDockdeckGuid(n.guid as string)?.deckId).toBe('all-kinds');
  for (const n of notes) {
    const first = (n.flds as string).split('\x1f')[0]!;
    expect(n.sfld).toBe(stripHtml(first));
    expect(n.csum).toBe(parseInt(createHash('sha1').update(stripHtml(first)).digest('hex').slice(0, 8), 16));
  }
  // Without scheduling every card is new, in our introduction order, and no review history goes along.
  expect(cards.every((c) => c.type === 0 && c.queue === 0 && c.reps === 0)).toBe(true);
  expect(new Set(cards.map((c) => c.due)).size).toBe(cards.length);
  expect(rows(col, 'select count(*) n from revlog')[0]!.n).toBe(0);
  col.close();
});

test('with scheduling: review, learning and new cards keep their state, due dates and FSRS memory; the revlog goes along', async () => {
  await answer('all-kinds/b', 'good', T0 + HOUR);
  await answer('all-kinds/b', 'good', T0 + HOUR + 10 * 60_000);
  await answer('all-kinds/b', 'good', T0 + 2 * DAY); // now a review card, due days later
  await answer('all-kinds/m', 'again', T0 + 2 * DAY + 1000); // learning, due in a minute
  await answer('all-kinds/ty', 'hard', T0 + 2 * DAY + 2000);
  const now = T0 + 2 * DAY + 60_000;
  const { out, col } = await exportAndOpen(true, now);
  const stored = new Map((await db.cards.toArray()).map((c) => [c.id, c]));
  const [c] = rows(col, 'select crt from col');
  const crtMs = (c!.crt as number) * 1000;
  const card = (id: string) =>
    rows(col, `select c.* from cards c join notes n on c.nid = n.id where n.guid = 'dd:${id}'`)[0]!;

  const review = card('all-kinds/b');
  const b = stored.get('all-kinds/b')!;
  expect([review.type, review.queue, review.reps]).toEqual([2, 2, 3]);
  expect(review.due).toBe(Math.floor((b.due - crtMs) / DAY));
  expect(review.ivl).toBe(b.scheduledDays);
  expect(JSON.parse(review.data as string)).toMatchObject({
    s: expect.closeTo(b.stability, 3),
    d: expect.closeTo(b.difficulty, 3),
  });

  const learning = card('all-kinds/m');
  expect([learning.type, learning.queue]).toEqual([1, 1]);
  expect(learning.due).toBe(Math.floor(stored.get('all-kinds/m')!.due / 1000));

  expect([card('all-kinds/r').type, card('all-kinds/r').queue]).toEqual([0, 0]);

  const revlog = rows(col, 'select * from revlog order by id');
  expect(out.revlog).toBe(5);
  expect(revlog.map((r) => r.ease)).toEqual([3, 3, 3, 1, 2]);
  expect(revlog.map((r) => r.type)).toEqual([0, 0, 1, 0, 0]);
  expect(revlog.map((r) => r.time)).toEqual(Array(5).fill(4200));
  expect(revlog[2]!.ivl).toBe(b.scheduledDays);
  expect(revlog[0]!.ivl as number).toBeLessThan(0); // a learning step: negative seconds
  expect(revlog.filter((r) => r.cid === review.id)).toHaveLength(3);
  // Revlog ids are the answer times (ms), as Anki's are.
  expect(revlog[0]!.id).toBe(T0 + HOUR);
  // Day numbers count from a collection start at the study-day hour (4 a.m. by default), not before any date written.
  expect(new Date(crtMs).getHours()).toBe(4);
  expect(crtMs).toBeLessThanOrEqual(T0);
  col.close();
});

test('SHA-1 matches node:crypto for any text (the checksum Anki uses to find duplicates)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
      expect(sha1Hex(s)).toBe(createHash('sha1').update(s, 'utf8').digest('hex'));
    }),
  );
  for (const n of [55, 56, 63, 64, 65, 119, 120])
    expect(sha1Hex('a'.repeat(n))).toBe(createHash('sha1').update('a'.repeat(n)).digest('hex'));
  expect(fieldChecksum('<b>Front</b>')).toBe(
    parseInt(createHash('sha1').update('Front').digest('hex').slice(0, 8), 16),
  );
});

test('dd: GUIDs are stable, differ per card and read back into the deck and card id; ids never collide', () => {
  expect(dockdeckGuid('deck', 'card')).toBe('dd:deck/card');
  expect(dockdeckGuid('deck', 'card')).not.toBe(dockdeckGuid('deck', 'card2'));
  expect(dockdeckGuid('deck', 'card')).not.toBe(dockdeckGuid('deck2', 'card'));
  for (const cardId of ['card', 'k:fast', 'table:tbl/start'])
    expect(parseDockdeckGuid(dockdeckGuid('all-kinds', cardId))).toEqual({ deckId: 'all-kinds', cardId });
  // Any other GUID (one Anki made) names no dockdeck card.
  for (const guid of ['cU1%zNUzk1', 'dd:', 'dd:deck', 'xdd:deck/card', 'dd:Deck/card'])
    expect(parseDockdeckGuid(guid)).toBeNull();
  const ids = new IdAllocator();
  const got = Array.from({ length: 5000 }, (_, i) => ids.next(i % 3 === 0 ? 1000 : 1000 + i));
  expect(new Set(got).size).toBe(5000);
});
