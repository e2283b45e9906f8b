// Legacy Anki packages (collection.anki2 / collection.anki21, JSON note types) built in memory: note types that are
// not stock, filtered decks, and the review log as exact ImportedReview values.
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { readAnkiPackage } from '../../src/formats/anki/read-package';
import { expandDeck } from '../../src/domain/study-card';
import { groupHistory, replayHistory } from '../../src/formats/import/history';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { zipSync } from 'fflate';
import {
  STOCK,
  buildDummyCollection,
  buildLegacyApkg,
  buildLegacyCollection,
  pbVarint,
  type BuildCollection,
  type BuildNotetype,
} from './helpers/anki-build';
import { words } from './helpers/issue-lines';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const NOW = new Date('2026-03-01T00:00:00Z');
const t = (s: string) => ({ en: s, zh: s });
const hex = (guid: string) => Buffer.from(guid).toString('hex');
const DAY = 86_400_000;

const word: BuildNotetype = {
  id: 3,
  name: 'Vocabulary',
  fields: ['Word', 'Meaning', 'Example'],
  css: '.card { font-family: serif; }\n.card2 { color: green; }',
  sortField: 1,
  templates: [
    {
      name: 'Recognise',
      qfmt: '{{Word}}',
      afmt: '{{FrontSide}}\n<hr id=answer>\n{{Meaning}}{{#Example}}<br><i>{{Example}}</i>{{/Example}}',
    },
    { name: 'Recall', qfmt: '{{Meaning}}', afmt: '{{FrontSide}}<hr id=answer>{{Word}}' },
    {
      name: 'Example',
      qfmt: '{{^Example}}no example{{/Example}}{{#Example}}{{text:Example}}{{/Example}}',
      afmt: '{{hint:Word}}',
    },
  ],
};

const collection: BuildCollection = {
  notetypes: [STOCK.basic(1), STOCK.optionalReversed(2), word],
  decks: [
    { id: 1, name: 'Default' },
    { id: 20, name: 'Verbs' },
    { id: 30, name: 'Filtered Deck 1', filtered: true },
  ],
  notes: [
    // In a filtered deck: it belongs to its original deck (odid).
    {
      id: 1,
      guid: 'leg1',
      mid: 1,
      fields: ['ir', 'to go'],
      tags: ['leech'],
      cards: [{ id: 11, ord: 0, deck: 30, odid: 20 }],
    },
    {
      id: 2,
      guid: 'leg2',
      mid: 2,
      fields: ['hablar', 'to speak', 'y'],
      cards: [
        { id: 21, ord: 0, deck: 20 },
        { id: 22, ord: 1, deck: 20 },
      ],
    },
    { id: 3, guid: 'leg3', mid: 2, fields: ['comer', 'to eat', ''], cards: [{ id: 31, ord: 0, deck: 20 }] },
    {
      id: 4,
      guid: 'leg4',
      mid: 3,
      fields: ['casa', 'house', 'La <b>casa</b> es grande'],
      cards: [
        { id: 41, ord: 0, deck: 1 },
        { id: 42, ord: 1, deck: 1 },
        { id: 43, ord: 2, deck: 1 },
      ],
    },
  ],
  revlog: [
    { id: 1_600_000_000_000, cid: 11, ease: 3, time: 4000, type: 0 },
    { id: 1_600_000_050_000, cid: 22, ease: 1, time: 3000, type: 2 },
    { id: 1_600_000_060_000, cid: 43, ease: 4, time: 2500, type: 1 },
    { id: 1_600_100_000_000, cid: 11, ease: 2, time: 7000, type: 1 },
    { id: 1_600_150_000_000, cid: 11, ease: 0, ivl: 10, time: 0, type: 4 },
    { id: 1_600_160_000_000, cid: 11, ease: 0, ivl: 12, time: 0, type: 5 },
    { id: 1_600_200_000_000, cid: 31, ease: 0, time: 0, type: 4 },
    { id: 1_600_250_000_000, cid: 21, ease: 0, ivl: 3, time: 0, type: 4 },
    { id: 1_600_300_000_000, cid: 21, ease: 7, time: 100, type: 1 },
    { id: NOW.getTime() + 2 * 86_400_000, cid: 21, ease: 3, time: 100, type: 1 },
  ],
};

async function read(col: BuildCollection, name: 'collection.anki2' | 'collection.anki21' = 'collection.anki21') {
  return readAnkiPackage(buildLegacyApkg(SQL, col, [], name), {
    fileName: 'verbs.apkg',
    includeScheduling: true,
    sql: SQL,
    now: NOW,
  });
}

describe('readAnkiPackage: legacy packages', () => {
  it('maps stock and custom note types; cards in a filtered deck go to their home deck', async () => {
    const { drafts } = await read(collection);
    expect(drafts.map((d) => d.deck.id)).toEqual(['anki-default', 'anki-verbs']);
    const verbs = drafts[1]!.deck.cards;
    expect(verbs).toEqual([
      {
        id: hex('leg1'),
        type: 'basic',
        tags: ['leech'],
        source: { doc: 'verbs.apkg', section: 'Verbs' },
        front: t('ir'),
        back: t('to go'),
        anki: { guid: 'leg1', noteId: '1', notetype: '1', fields: ['ir', 'to go'], ords: [0] },
      },
      // Basic (optional reversed card) with "Add Reverse" filled in has two cards: a reverse card.
      {
        id: hex('leg2'),
        type: 'reverse',
        tags: [],
        source: { doc: 'verbs.apkg', section: 'Verbs' },
        front: t('hablar'),
        back: t('to speak'),
        anki: { guid: 'leg2', noteId: '2', notetype: '2', fields: ['hablar', 'to speak', 'y'], ords: [0, 1] },
      },
      // …and without it, one card: basic.
      {
        id: hex('leg3'),
        type: 'basic',
        tags: [],
        source: { doc: 'verbs.apkg', section: 'Verbs' },
        front: t('comer'),
        back: t('to eat'),
        anki: { guid: 'leg3', noteId: '3', notetype: '2', fields: ['comer', 'to eat', ''], ords: [0] },
      },
    ]);
    const leg4 = (ord: number) => ({
      guid: 'leg4',
      noteId: '4',
      notetype: '3',
      fields: ['casa', 'house', 'La <b>casa</b> es grande'],
      ords: [ord],
    });
    const custom = drafts[0]!.deck.cards;
    expect(custom).toEqual([
      {
        id: hex('leg4'),
        type: 'basic',
        tags: [],
        source: { doc: 'verbs.apkg', section: 'Default' },
        front: t('casa'),
        back: t('house<br><i>La <b>casa</b> es grande</i>'),
        anki: leg4(0),
      },
      {
        id: `${hex('leg4')}-card2`,
        type: 'basic',
        tags: [],
        source: { doc: 'verbs.apkg', section: 'Default' },
        front: t('house'),
        back: t('casa'),
        anki: leg4(1),
      },
      {
        id: `${hex('leg4')}-card3`,
        type: 'basic',
        tags: [],
        source: { doc: 'verbs.apkg', section: 'Default' },
        front: t('La casa es grande'),
        back: t('<details class="hint"><summary>Word</summary>casa</details>'),
        anki: leg4(2),
      },
    ]);
    // Each deck keeps the note types its cards use, with their CSS and sort field (`sortf`).
    const def = (nt: BuildNotetype) => ({
      id: String(nt.id),
      name: nt.name,
      cloze: false,
      fields: nt.fields,
      templates: nt.templates.map((tm, ord) => ({ name: tm.name, ord, qfmt: tm.qfmt, afmt: tm.afmt })),
      css: nt.css ?? '',
      sortField: nt.sortField ?? 0,
    });
    expect(drafts[1]!.deck.ankiNotetypes).toEqual([def(STOCK.basic(1)), def(STOCK.optionalReversed(2))]);
    expect(drafts[0]!.deck.ankiNotetypes).toEqual([
      {
        ...def(word),
        css: '.card { font-family: serif; }\n.card2 { color: green; }',
        sortField: 1,
      },
    ]);
  });

  it('turns revlog rows into exact ImportedReview values, in time order, and leaves out impossible ones', async () => {
    const { drafts, warnings } = await read(collection);
    expect(drafts[0]!.history).toEqual([
      { cardId: `anki-default/${hex('leg4')}-card3`, review: 1_600_000_060_000, rating: 'easy', durationMs: 2500 },
    ]);
    expect(drafts[1]!.history).toEqual([
      { cardId: `anki-verbs/${hex('leg1')}`, review: 1_600_000_000_000, rating: 'good', durationMs: 4000 },
      { cardId: `anki-verbs/${hex('leg2')}:reverse`, review: 1_600_000_050_000, rating: 'again', durationMs: 3000 },
      { cardId: `anki-verbs/${hex('leg1')}`, review: 1_600_100_000_000, rating: 'hard', durationMs: 7000 },
      // Set due date (type 4) and FSRS rescheduling (type 5): review, due the interval after the last answer.
      {
        cardId: `anki-verbs/${hex('leg1')}`,
        review: 1_600_150_000_000,
        rating: 'manual',
        durationMs: 0,
        manual: { state: 2, due: 1_600_100_000_000 + 10 * DAY },
      },
      {
        cardId: `anki-verbs/${hex('leg1')}`,
        review: 1_600_160_000_000,
        rating: 'manual',
        durationMs: 0,
        manual: { state: 2, due: 1_600_100_000_000 + 12 * DAY },
      },
      // Forget: new again.
      {
        cardId: `anki-verbs/${hex('leg3')}`,
        review: 1_600_200_000_000,
        rating: 'manual',
        durationMs: 0,
        manual: { state: 0 },
      },
      // Set due date on a card never answered: the interval counts from the entry.
      {
        cardId: `anki-verbs/${hex('leg2')}`,
        review: 1_600_250_000_000,
        rating: 'manual',
        durationMs: 0,
        manual: { state: 2, due: 1_600_250_000_000 + 3 * DAY },
      },
    ]);
    expect(words(warnings)).toEqual([
      '1 review has an unknown answer button and was left out',
      '1 review has an impossible date and was left out',
    ]);
    expect(words(warnings, 'zh')).toEqual([
      '1 条复习记录的评分按钮无法识别，没有导入',
      '1 条复习记录的日期不可能成立，没有导入',
    ]);
    for (const d of drafts) {
      const ids = new Set(expandDeck(d.deck).map((c) => c.id));
      for (const h of d.history) expect(ids).toContain(h.cardId);
    }
  });

  it('gives the FSRS replay what it needs: the last manual entry decides the due date', async () => {
    const { drafts } = await read(collection);
    const byCard = groupHistory(drafts[1]!.history);
    const id = `anki-verbs/${hex('leg1')}`;
    const replayed = replayHistory(id, byCard.get(id)!, NOW.getTime(), DEFAULT_SCHEDULER_SETTINGS);
    expect(replayed?.records.map((r) => r.rating)).toEqual(['good', 'hard']);
    expect(replayed?.memory).toMatchObject({ state: 2, due: 1_600_100_000_000 + 12 * DAY });
    const forgotten = `anki-verbs/${hex('leg3')}`;
    expect(
      replayHistory(forgotten, byCard.get(forgotten)!, NOW.getTime(), DEFAULT_SCHEDULER_SETTINGS)?.memory.state,
    ).toBe(0);
  });

  it('reads collection.anki2 (Anki 2.0) the same as collection.anki21', async () => {
    const a = await read(collection, 'collection.anki2');
    const b = await read(collection, 'collection.anki21');
    expect(a).toEqual(b);
  });

  it('reads collection.anki21, not the dummy collection.anki2 beside it, with or without a LEGACY_2 meta entry', async () => {
    const small: BuildCollection = {
      notetypes: [STOCK.basic(1)],
      decks: [{ id: 1, name: 'Default' }],
      notes: [{ id: 1, guid: 'x', mid: 1, fields: ['real', 'note'], cards: [{ id: 1, ord: 0, deck: 1 }] }],
    };
    const files = {
      'collection.anki21': buildLegacyCollection(SQL, small),
      'collection.anki2': buildDummyCollection(SQL),
      media: new TextEncoder().encode('{}'),
    };
    for (const zip of [zipSync(files), zipSync({ meta: [pbVarint(1, 2), { level: 0 }], ...files })]) {
      const { drafts } = await readAnkiPackage(zip, {
        fileName: 'old.colpkg',
        includeScheduling: false,
        sql: SQL,
        now: NOW,
      });
      expect(drafts.flatMap((d) => d.deck.cards.map((c) => (c.type === 'basic' ? c.front.en : c.type)))).toEqual([
        'real',
      ]);
    }
  });

  it('shifts the learning answers of v1-scheduler collections as Anki does when upgrading (2→good, 3→easy)', async () => {
    const v1: BuildCollection = {
      notetypes: [STOCK.basic(1)],
      decks: [{ id: 1, name: 'Default' }],
      notes: [{ id: 1, guid: 'v1', mid: 1, fields: ['q', 'a'], cards: [{ id: 5, ord: 0, deck: 1 }] }],
      revlog: [
        { id: 1_500_000_000_000, cid: 5, ease: 2, time: 1, type: 0 },
        { id: 1_500_000_001_000, cid: 5, ease: 3, time: 1, type: 2 },
        { id: 1_500_000_002_000, cid: 5, ease: 2, time: 1, type: 1 },
        { id: 1_500_000_003_000, cid: 5, ease: 1, time: 1, type: 0 },
      ],
      schedVer: 1,
    };
    const ratings = async (col: BuildCollection) => (await read(col)).drafts[0]!.history.map((h) => h.rating);
    expect(await ratings(v1)).toEqual(['good', 'easy', 'hard', 'again']);
    expect(await ratings({ ...v1, schedVer: 2 })).toEqual(['hard', 'good', 'hard', 'again']);
  });

  it('keeps a note whose cards are in two decks together, in the deck of its first card, and says so', async () => {
    const split: BuildCollection = {
      notetypes: [STOCK.reversed(1)],
      decks: [
        { id: 1, name: 'A' },
        { id: 2, name: 'B' },
      ],
      notes: [
        {
          id: 1,
          guid: 'split',
          mid: 1,
          fields: ['x', 'y'],
          cards: [
            { id: 1, ord: 0, deck: 1 },
            { id: 2, ord: 1, deck: 2 },
          ],
        },
      ],
      revlog: [{ id: 1_500_000_000_000, cid: 2, ease: 3, time: 10, type: 1 }],
    };
    const { drafts, warnings } = await read(split);
    expect(drafts.map((d) => [d.deck.id, d.deck.cards.map((c) => c.type)])).toEqual([['anki-a', ['reverse']]]);
    expect(drafts[0]!.history.map((h) => h.cardId)).toEqual([`anki-a/${hex('split')}:reverse`]);
    expect(words(warnings)).toEqual([
      '1 note has cards in more than one deck; each was imported into the deck of its first card',
    ]);
  });
});
