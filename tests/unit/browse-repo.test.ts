// The browser's reads (db/browse-repo) on fake IndexedDB: for every kind of query, the rows read through its index hint
// and then tested are exactly the cards a test of every card finds, and the hint reads fewer; and with 100,000
// generated cards the read, the search and the sort stay usable (times printed, not asserted: machines differ).
import { bucketRows, splitMarks } from '../../src/db/marks-table';
import { DockdeckDB, isAnswer, type CardRow, type ReviewLogRow } from '../../src/db/database';
import { candidateCards, readBrowseData, readCardInfo, browseRow } from '../../src/db/browse-repo';
import { dayWindow } from '../../src/domain/day-window';
import { parkedDeck } from '../../src/domain/marks';
import {
  CardState,
  DEFAULT_SCHEDULER_SETTINGS,
  type CardStateValue,
  type RatingName,
} from '../../src/domain/scheduler';
import { indexHint, ratingsSince } from '../../src/domain/search/index-hint';
import { compileQuery } from '../../src/domain/search/match';
import { parseQuery } from '../../src/domain/search/parse';
import type { SearchQuery } from '../../src/domain/search/query';
import type { SearchContext } from '../../src/domain/search/search-card';
import { sortKey, sortRows, type ColumnEnv } from '../../src/features/browse/browse-columns';
import { filterRows } from '../../src/features/browse/use-browse-rows';

const NOW = new Date('2026-03-10T10:00:00').getTime();
const DAY_MS = 86_400_000;
const DAY = dayWindow(NOW, 4);
const DECKS = 10;
const RATINGS: RatingName[] = ['again', 'hard', 'good', 'easy'];

/** A small deterministic generator (mulberry32), so every run makes the same cards. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['container', 'kernel', 'namespace', 'cgroup', 'image', 'layer', 'hypervisor', 'socket', 'volume'];
const ZH = ['容器', '内核', '命名空间', '控制组', '镜像', '层', '虚拟机监控程序', '套接字', '卷'];

/** `n` cards over ten decks: a third never studied, the rest in every state and due time; some marked, tagged. */
function makeCards(n: number, seed = 1): { cards: CardRow[]; logs: ReviewLogRow[] } {
  const r = random(seed);
  const cards: CardRow[] = [];
  const logs: ReviewLogRow[] = [];
  for (let i = 0; i < n; i++) {
    const deckId = `d${i % DECKS}`;
    const w = Math.floor(r() * WORDS.length);
    const state = (r() < 0.35 ? 0 : 1 + Math.floor(r() * 3)) as CardStateValue;
    const studied = state !== CardState.New;
    const scheduledDays = state === CardState.Review ? 1 + Math.floor(r() * 60) : 0;
    const lastReview = studied ? NOW - Math.floor(r() * 30 * DAY_MS) : null;
    const due = studied ? NOW + Math.floor((r() - 0.3) * 20 * DAY_MS) : NOW - 40 * DAY_MS + i;
    const marks = {
      ...(r() < 0.02 ? { suspended: true } : {}),
      ...(r() < 0.01 ? { buriedUntil: DAY.end } : {}),
      ...(r() < 0.03 ? { flag: 1 + Math.floor(r() * 7) } : {}),
    };
    const pd = parkedDeck(deckId, marks);
    cards.push({
      id: `${deckId}/c${i}`,
      deckId,
      noteId: `${deckId}/c${i}`,
      tags: [`t${i % 7}`, ...(i % 11 === 0 ? ['net::dns'] : [])],
      source: { doc: 'doc.txt', section: 'Intro' },
      content: {
        kind: 'basic',
        front: { en: `Question ${i}: what does the ${WORDS[w]} do?`, zh: `问题 ${i}：${ZH[w]}做什么？` },
        back: { en: `Answer ${i} about the ${WORDS[(w + 3) % WORDS.length]}`, zh: `答案 ${i}` },
      },
      position: i,
      due,
      stability: studied ? 0.5 + r() * 80 : 0,
      difficulty: studied ? 1 + r() * 9 : 0,
      elapsedDays: 0,
      scheduledDays,
      learningSteps: 0,
      reps: studied ? 1 + Math.floor(r() * 10) : 0,
      lapses: studied ? Math.floor(r() * 3) : 0,
      state,
      lastReview,
      createdAt: NOW - Math.floor(r() * 100 * DAY_MS),
      updatedAt: NOW,
      ...marks,
      ...(pd === undefined ? {} : { parkedDeck: pd }),
    });
    if (lastReview !== null && r() < 0.5) {
      const memory = { due, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays, learningSteps: 0 };
      const m = { ...memory, reps: 1, lapses: 0, state, lastReview };
      logs.push({
        id: `log${i}`,
        cardId: `${deckId}/c${i}`,
        deckId,
        rating: RATINGS[Math.floor(r() * 4)]!,
        review: lastReview,
        state: CardState.Review,
        elapsedDays: 0,
        scheduledDays,
        durationMs: 4000,
        kind: 'review',
        before: m,
        after: m,
      });
    }
  }
  return { cards, logs };
}

const q = (text: string): SearchQuery => {
  const p = parseQuery(text);
  if (!p.ok) throw new Error(`${text}: ${p.error.code}`);
  return p.query;
};

const deckTitles = new Map(
  Array.from({ length: DECKS }, (_, i) => [`d${i}`, { en: `Deck ${i}`, zh: `卡组 ${i}` }] as const),
);
const hintCtx = { now: NOW, day: DAY, deckTitles };

async function store(db: DockdeckDB, cards: CardRow[], logs: ReviewLogRow[]) {
  await db.decks.bulkPut(
    [...deckTitles].map(([id, title]) => ({
      id,
      title,
      builtin: false,
      origin: 'json' as const,
      contentHash: '',
      createdAt: NOW,
      updatedAt: NOW,
      format: 'dockdeck/deck@1' as const,
      sources: [],
      tags: [],
    })) as never,
  );
  // The marks are stored apart from the card rows (database version 11).
  const split = cards.map((c) => splitMarks(c as CardRow & { parkedDeck?: string }));
  const rows = split.map((s) => s.card as CardRow);
  for (let i = 0; i < rows.length; i += 10_000) await db.cards.bulkPut(rows.slice(i, i + 10_000));
  await db.cardMarks.bulkPut(bucketRows(split.map((s, i) => [cards[i]!.id, s.marks] as const)));
  await db.reviewLogs.bulkPut(logs);
}

/** The search as the browser runs it: read through the hint, then test each row. */
async function search(db: DockdeckDB, text: string) {
  const query = q(text);
  const hint = indexHint(query, hintCtx);
  const data = await readBrowseData(db, hint, ratingsSince(query, { day: DAY }));
  const ctx: SearchContext = { ...hintCtx, ratings: (id) => data.ratings.get(id) ?? [] };
  return { rows: filterRows(data, query, ctx), read: data.rows.length };
}

/** Every card tested, none left out by an index: what the search must find. */
function everyCard(cards: CardRow[], logs: ReviewLogRow[], text: string): string[] {
  const byCard = new Map<string, { review: number; rating: RatingName }[]>();
  for (const l of logs) if (isAnswer(l)) byCard.set(l.cardId, [...(byCard.get(l.cardId) ?? []), l]);
  const test = compileQuery(q(text), { ...hintCtx, ratings: (id) => byCard.get(id) ?? [] });
  return cards.filter((c) => test(browseRow(c).card)).map((c) => c.id);
}

let counter = 0;
let db: DockdeckDB;
beforeEach(() => {
  db = new DockdeckDB(`browse-repo-${counter++}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a search through the index hint finds what a test of every card finds', () => {
  const { cards, logs } = makeCards(3000, 7);
  const QUERIES: Array<[string, 'narrows' | 'all']> = [
    ['', 'all'],
    ['kernel', 'all'],
    ['内核 or socket', 'all'],
    ['deck:d1', 'narrows'],
    ['deck:d1 is:due', 'narrows'],
    ['deck:d2 or deck:"Deck 3"', 'narrows'],
    ['-deck:d0', 'narrows'],
    ['deck:d4 is:new', 'narrows'],
    ['is:review prop:due<3', 'narrows'],
    ['deck:d5 prop:due=0', 'narrows'],
    ['tag:t3', 'narrows'],
    ['tag:net*', 'narrows'],
    ['tag:T3 or tag:net::dns', 'narrows'],
    ['is:suspended', 'narrows'],
    ['is:buried or is:suspended', 'narrows'],
    ['rated:3', 'narrows'],
    ['rated:7:1 deck:d2', 'narrows'],
    ['is:flagged', 'all'],
    ['prop:r<0.7', 'narrows'],
    ['-is:new prop:ivl>30 question', 'narrows'],
    ['deck:d1 (prop:ivl>0 or is:new)', 'narrows'],
  ];
  test.each(QUERIES)('%s', async (text, reads) => {
    await store(db, cards, logs);
    const { rows, read } = await search(db, text);
    expect(rows.map((r) => r.card.id).sort()).toEqual(everyCard(cards, logs, text).sort());
    if (reads === 'narrows') expect(read).toBeLessThan(cards.length);
    else expect(read).toBe(cards.length);
  });

  test('a hint that names nothing reads nothing', async () => {
    await store(db, cards, logs);
    expect(await candidateCards(db, indexHint(q('deck:nothing'), hintCtx))).toEqual([]);
    expect(await candidateCards(db, indexHint(q('is:new is:review'), hintCtx))).toEqual([]);
  });
});

test('a card’s info: the card, its deck and its answers oldest first; nothing for a card that is gone', async () => {
  const { cards } = makeCards(3);
  const c = cards[1]!;
  const m = { ...c, reps: 1 };
  const log = (id: string, review: number): ReviewLogRow => ({
    id,
    cardId: c.id,
    deckId: c.deckId,
    rating: 'good',
    review,
    state: CardState.New,
    elapsedDays: 0,
    scheduledDays: 1,
    durationMs: 1,
    kind: 'review',
    before: m,
    after: m,
  });
  await store(db, cards, [log('b', NOW), log('a', NOW - DAY_MS)]);
  const info = await readCardInfo(db, c.id);
  expect(info?.card.id).toBe(c.id);
  expect(info?.deck?.title.en).toBe('Deck 1');
  expect(info?.logs.map((l) => l.id)).toEqual(['a', 'b']);
  expect(info?.display.textFormat).toBe('markdown');
  expect(await readCardInfo(db, 'd1/none')).toBeUndefined();
});

// How long these take at 100,000 cards in a real browser is the bench's (search.indexed, search.text, browse.scroll):
// here, 20,000 cards through the same code, every answer checked against a card-by-card count.
test('20,000 cards: read, searched and sorted in memory, each as a card-by-card count says (times printed)', async () => {
  const { cards, logs } = makeCards(20_000, 3);
  await store(db, cards, logs);
  const env: ColumnEnv = {
    cardLang: 'en',
    uiLang: 'en',
    now: NOW,
    deckTitles,
    weightsOf: () => DEFAULT_SCHEDULER_SETTINGS.weights,
  };
  const time = async <T>(label: string, work: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const out = await work();
    console.log(`browse, 20,000 cards: ${label}: ${Math.round(performance.now() - t0)} ms`);
    return out;
  };

  const all = await time('read every card', () => readBrowseData(db, {}, null));
  expect(all.rows).toHaveLength(20_000);
  const text = await time('free text "kernel" (first time: folds the text)', () =>
    filterRows(all, q('kernel'), { ...hintCtx, ratings: () => [] }),
  );
  expect(text.length).toBe(everyCard(cards, logs, 'kernel').length);
  const again = await time('free text "namespace or 容器" (text folded already)', () =>
    filterRows(all, q('namespace or 容器'), { ...hintCtx, ratings: () => [] }),
  );
  expect(again.length).toBe(everyCard(cards, logs, 'namespace or 容器').length);
  const indexed = await time('deck:d3 is:due, read through the index and tested', () => search(db, 'deck:d3 is:due'));
  expect(indexed.rows.length).toBe(everyCard(cards, logs, 'deck:d3 is:due').length);
  expect(indexed.read).toBeLessThan(2_000);

  const byQuestion = await time('sort by question', () =>
    sortRows(all.rows, { column: 'question', descending: false }, env),
  );
  expect(byQuestion[0]!.card.id).toBe('d0/c0');
  const byDue = await time('sort by due, descending', () =>
    sortRows(all.rows, { column: 'due', descending: true }, env),
  );
  const dueKeys = byDue.map((r) => sortKey('due', r, env) as number);
  expect(dueKeys.every((k, i) => i === 0 || dueKeys[i - 1]! >= k)).toBe(true);
  const byR = await time('sort by retrievability', () =>
    sortRows(all.rows, { column: 'retrievability', descending: false }, env),
  );
  const rKeys = byR.map((r) => sortKey('retrievability', r, env) as number);
  expect(rKeys.every((k, i) => i === 0 || rKeys[i - 1]! <= k)).toBe(true);
}, 240_000);
