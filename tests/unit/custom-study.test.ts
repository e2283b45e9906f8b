// Custom study: which cards each kind picks, in what order; its route key round-trips; cram logs without rescheduling.
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { answerCard, doneInWindow } from '../../src/db/review-repo';
import {
  checkCustomStudy,
  formatCustomKey,
  parseCustomKey,
  reschedules,
  selectCustom,
  type CustomCandidate,
  type CustomStudy,
} from '../../src/domain/custom-study';
import { dayWindow } from '../../src/domain/day-window';
import { CardState, DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import { basicDeck } from './helpers/basic-deck';

const DAY_MS = 86_400_000;
const END = 1_000 * DAY_MS;
const c = (id: string, state: CustomCandidate['state'], due: number, extra: Partial<CustomCandidate> = {}) => ({
  id,
  state,
  due,
  position: Number(id.slice(1)),
  tags: [] as string[],
  parked: false,
  ...extra,
});
const cards: CustomCandidate[] = [
  c('c1', CardState.New, 0),
  c('c2', CardState.New, 0, { tags: ['net'] }),
  c('c3', CardState.Review, END - DAY_MS, { r: 0.8 }), // due today: the normal session's
  c('c4', CardState.Review, END + DAY_MS, { r: 0.95, tags: ['net'] }),
  c('c5', CardState.Review, END + 2.5 * DAY_MS, { r: 0.6 }),
  c('c6', CardState.Review, END + 10 * DAY_MS, { r: 0.7, parked: true }),
  c('c7', CardState.Relearning, END - 1000, { tags: ['net'] }),
  c('c8', CardState.Review, END + 40 * DAY_MS, { r: 0.5 }),
];
const ctx = { dayEnd: END, dayMs: DAY_MS, forgotten: new Set(['c7', 'c5', 'c1']) };

test.each<[string, CustomStudy, string[]]>([
  ['review ahead 3 days: due after today, within 3 days, earliest first', { kind: 'ahead', n: 3 }, ['c4', 'c5']],
  ['review ahead 60 days leaves out suspended or buried cards', { kind: 'ahead', n: 60 }, ['c4', 'c5', 'c8']],
  ['forgotten: answered Again lately, never a new card', { kind: 'forgotten', n: 1 }, ['c7', 'c5']],
  ['a tag, studied cards only', { kind: 'tag', n: 1, tag: 'net' }, ['c7', 'c4']],
  [
    'a tag, new cards too (after the studied ones)',
    { kind: 'tag', n: 1, tag: 'net', includeNew: true },
    ['c7', 'c4', 'c2'],
  ],
  ['lowest retrievability first, up to n', { kind: 'lowest-r', n: 3 }, ['c8', 'c5', 'c3']],
  ['n more new cards, in deck order', { kind: 'new', n: 1 }, ['c1']],
  [
    'cram: any cards in deck order, parked ones left out',
    { kind: 'cram', n: 100 },
    ['c1', 'c2', 'c3', 'c4', 'c5', 'c7', 'c8'],
  ],
  ['cram a tag', { kind: 'cram', n: 2, tag: 'net' }, ['c2', 'c4']],
])('%s', (_why, spec, ids) => {
  expect(selectCustom(spec, cards, ctx)).toEqual(ids);
});

test('the route key round-trips every kind, and bad keys or specs are refused', () => {
  const specs: CustomStudy[] = [
    { kind: 'ahead', n: 7 },
    { kind: 'tag', n: 1, tag: 'k8s / net~works', includeNew: true },
    { kind: 'cram', n: 50, tag: '网络' },
    { kind: 'lowest-r', n: 20 },
  ];
  for (const s of specs) expect(parseCustomKey(formatCustomKey(s))).toEqual(s);
  for (const bad of ['', 'nope~3', 'ahead~0', 'ahead~400', 'new~x', 'tag~1', 'cram~5~a~b', 'cram~5~%E0%A4%A'])
    expect(parseCustomKey(bad), bad).toBeNull();
  expect(checkCustomStudy({ kind: 'new', n: 10_000 })).toBe('n-range');
  expect(checkCustomStudy({ kind: 'forgotten', n: 0 })).toBe('days-range');
  expect(checkCustomStudy({ kind: 'tag', n: 1 })).toBe('tag-missing');
  expect(reschedules({ kind: 'cram', n: 1 })).toBe(false);
  expect(reschedules({ kind: 'ahead', n: 1 })).toBe(true);
});

test('a cram answer is logged with its kind and rating but reschedules nothing and uses none of the limits', async () => {
  const db = new DockdeckDB(`cram-${Math.random().toString(36).slice(2)}`);
  const deck = basicDeck(1, { id: 'd' });

  const T = new Date('2026-03-02T10:00:00');
  await upsertDeck(db, deck, expandDeck(deck), { hash: 'h', builtin: true, now: T.getTime() });
  const before = (await db.cards.get('d/c1'))!;
  const log = await answerCard(db, 'd/c1', 'easy', T, {
    durationMs: 900,
    settings: DEFAULT_SCHEDULER_SETTINGS,
    kind: 'cram',
  });
  expect(log.kind).toBe('cram');
  expect(log.rating).toBe('easy');
  expect(log.after).toEqual(log.before);
  expect(await db.cards.get('d/c1')).toEqual(before);
  const done = await doneInWindow(db, 'd', dayWindow(T.getTime(), 4));
  expect([done.newCards, done.reviews, done.logs.length]).toEqual([0, 0, 1]);
  // A custom-study answer reschedules as a normal one, but it is beyond the day's limits: "N more new cards today"
  // leaves the day's own new cards as many as before.
  await answerCard(db, 'd/c1', 'good', T, { durationMs: 900, settings: DEFAULT_SCHEDULER_SETTINGS, kind: 'custom' });
  expect((await db.cards.get('d/c1'))!.reps).toBe(1);
  const after = await doneInWindow(db, 'd', dayWindow(T.getTime(), 4));
  expect([after.newCards, after.reviews, after.logs.length]).toEqual([0, 0, 2]);
  // A normal answer still counts.
  await upsertDeck(db, basicDeck(2, { id: 'd' }), expandDeck(basicDeck(2, { id: 'd' })), {
    hash: 'h2',
    builtin: true,
    now: T.getTime(),
  });
  await answerCard(db, 'd/c2', 'good', T, { durationMs: 900, settings: DEFAULT_SCHEDULER_SETTINGS });
  expect((await doneInWindow(db, 'd', dayWindow(T.getTime(), 4))).newCards).toBe(1);
  await db.delete();
});

test('customStudyIds reads the deck: forgotten from the log, lowest recall first, marks respected', async () => {
  const { customStudyIds } = await import('../../src/db/custom-study-repo');
  const { suspendCards } = await import('../../src/db/marks-repo');
  const db = new DockdeckDB(`custom-${Math.random().toString(36).slice(2)}`);
  const deck = basicDeck(3, { id: 'd' });

  const T = new Date('2026-03-02T10:00:00');
  const s = DEFAULT_SCHEDULER_SETTINGS;
  await upsertDeck(db, deck, expandDeck(deck), { hash: 'h', builtin: true, now: T.getTime() });
  await answerCard(db, 'd/c1', 'again', T, { durationMs: 1, settings: s });
  await answerCard(db, 'd/c2', 'good', T, { durationMs: 1, settings: s });
  const day = dayWindow(T.getTime(), 4);
  expect(await customStudyIds(db, 'd', { kind: 'forgotten', n: 1 }, T.getTime(), day, s)).toEqual(['d/c1']);
  expect(await customStudyIds(db, 'd', { kind: 'new', n: 5 }, T.getTime(), day, s)).toEqual(['d/c3']);
  await suspendCards(db, ['d/c3'], true, T.getTime());
  expect(await customStudyIds(db, 'd', { kind: 'cram', n: 5 }, T.getTime(), day, s)).toEqual(['d/c1', 'd/c2']);
  await db.delete();
});
