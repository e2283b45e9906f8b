// Today's counts of new cards introduced and reviews answered (doneInWindow): read a page at a time and no further than
// the day's limits need, so a long session's queue does not read each of its answers again after every answer (#14).
import type { AnswerLogRow, ReviewLogRow } from '../../src/db/database';
import { DockdeckDB } from '../../src/db/database';
import { DONE_PAGE, doneInWindow } from '../../src/db/review-repo';
import { dayWindow } from '../../src/domain/day-window';
import { CardState, newMemory, type CardStateValue } from '../../src/domain/scheduler';

const T = new Date('2026-03-02T10:00:00').getTime();
const DAY = dayWindow(T, 4);
const MEMORY = newMemory(new Date(T));

let db: DockdeckDB;
beforeEach(() => {
  db = new DockdeckDB(`test-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  await db.delete();
});

let serial = 0;
function log(
  cardId: string,
  state: CardStateValue,
  review: number,
  kind: AnswerLogRow['kind'] | 'manual' = 'review',
): ReviewLogRow {
  serial += 1;
  const common = {
    id: `log-${String(serial).padStart(6, '0')}`,
    cardId,
    deckId: 'd',
    review,
    state,
    elapsedDays: 0,
    scheduledDays: 0,
    durationMs: 1000,
    before: MEMORY,
    after: MEMORY,
  };
  return kind === 'manual' ? { ...common, kind, rating: 'reset' } : { ...common, kind, rating: 'again' };
}

test('the limits reached early in the day: the counts reach them and the rest of the day’s log is not read', async () => {
  const logs: ReviewLogRow[] = [];
  // The session's first pass: 20 new cards introduced, 30 reviews answered (all Again)…
  for (let i = 0; i < 20; i++) logs.push(log(`d/n${i}`, CardState.New, DAY.start + 1000 + i));
  for (let i = 0; i < 30; i++) logs.push(log(`d/r${i}`, CardState.Review, DAY.start + 2000 + i));
  // …then 3,000 answers of the same cards in (re)learning, as a long session goes on.
  for (let i = 0; i < 3000; i++)
    logs.push(log(i % 2 ? `d/n${i % 20}` : `d/r${i % 30}`, CardState.Learning, DAY.start + 10_000 + i));
  await db.reviewLogs.bulkAdd(logs);

  const all = await doneInWindow(db, 'd', DAY);
  expect([all.newCards, all.reviews, all.logs.length]).toEqual([20, 30, 3050]);
  const capped = await doneInWindow(db, 'd', DAY, { newCards: 20, reviews: 30 });
  expect([capped.newCards, capped.reviews]).toEqual([20, 30]);
  // One page was enough.
  expect(capped.logs.length).toBe(DONE_PAGE);
  // Limits of 0 need nothing read.
  expect((await doneInWindow(db, 'd', DAY, { newCards: 0, reviews: 0 })).logs).toEqual([]);
});

test('limits not reached: every page is read and the counts are the full read’s, ties across a page’s end included', async () => {
  const logs: ReviewLogRow[] = [];
  // Entries 7 to a moment (a bulk change, two tabs): page ends fall inside a moment's entries.
  for (let i = 0; i < 3 * DONE_PAGE + 11; i++) {
    const at = DAY.start + 5000 + Math.floor(i / 7);
    const state = i % 3 === 0 ? CardState.New : i % 3 === 1 ? CardState.Review : CardState.Learning;
    logs.push(log(`d/c${i % 400}`, state, at));
  }
  // A whole page and more at one moment.
  for (let i = 0; i < DONE_PAGE + 5; i++) logs.push(log(`d/s${i}`, CardState.New, DAY.start + 900_000));
  // Not answers of the day's limits: custom study, cram, manual changes; and entries of another day or deck.
  logs.push(log('d/x1', CardState.New, DAY.start + 900_001, 'custom'));
  logs.push(log('d/x2', CardState.Review, DAY.start + 900_002, 'cram'));
  logs.push(log('d/x3', CardState.New, DAY.start + 900_003, 'manual'));
  logs.push(log('d/y1', CardState.New, DAY.start - 1));
  logs.push(log('d/y2', CardState.New, DAY.end));
  logs.push({ ...log('e/z1', CardState.New, DAY.start + 10), deckId: 'e' });
  await db.reviewLogs.bulkAdd(logs);

  const all = await doneInWindow(db, 'd', DAY);
  const capped = await doneInWindow(db, 'd', DAY, { newCards: 10_000, reviews: 10_000 });
  expect(all.newCards).toBe(
    new Set(
      logs
        .filter(
          (l) =>
            l.state === CardState.New &&
            l.kind === 'review' &&
            l.deckId === 'd' &&
            l.review >= DAY.start &&
            l.review < DAY.end,
        )
        .map((l) => l.cardId),
    ).size,
  );
  expect([capped.newCards, capped.reviews]).toEqual([all.newCards, all.reviews]);
  // Each entry read once, none left out.
  expect(capped.logs.map((l) => l.id).sort()).toEqual(all.logs.map((l) => l.id).sort());
  expect(new Set(capped.logs.map((l) => l.id)).size).toBe(capped.logs.length);
});
