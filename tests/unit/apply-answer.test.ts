// The one answer write shared by the daily review (answerCard) and the quiz (saveAttempt): the same grade, card and
// log from either kind, never graded before the card's last review, and nothing for a card that is gone.
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { applyAnswer, memoryOf } from '../../src/db/review-repo';
import type { Deck } from '../../src/domain/deck-schema';
import { DEFAULT_SETTINGS, schedulerAt } from '../../src/domain/settings';
import { expandDeck } from '../../src/domain/study-card';

const MIN = 60_000;
const T = new Date('2026-03-02T10:00:00').getTime();
const t = (s: string) => ({ en: s, zh: s });
const DECK: Deck = {
  format: 'dockdeck/deck@1',
  id: 'demo',
  title: t('Demo'),
  tags: [],
  sources: [{ doc: 'doc.txt' }],
  tables: [],
  cards: [1, 2].map((i) => ({
    id: `c${i}`,
    type: 'basic' as const,
    tags: [],
    source: { doc: 'doc.txt', section: 'S' },
    front: t(`Q${i}`),
    back: t(`A${i}`),
  })),
};

let db: DockdeckDB;
beforeEach(async () => {
  db = new DockdeckDB(`apply-answer-${Math.random().toString(36).slice(2)}`);
  await upsertDeck(db, DECK, expandDeck(DECK), { hash: 'h', builtin: false, now: T });
});
afterEach(async () => {
  await db.delete();
});

const write = (cardId: string, at: number, kind: 'review' | 'quiz' = 'review') =>
  db.transaction('rw', db.cards, db.reviewLogs, () =>
    applyAnswer(db, { cardId, rating: 'good', at: new Date(at), durationMs: 2000.4, kind }, (d) =>
      schedulerAt(DEFAULT_SETTINGS, d),
    ),
  );

test('a review and a quiz answer at the same moment change the card alike; only the kind differs', async () => {
  const review = await write('demo/c1', T, 'review');
  const quiz = await write('demo/c2', T, 'quiz');
  expect(review).toMatchObject({ kind: 'review', durationMs: 2000, review: T, rating: 'good' });
  expect(quiz).toMatchObject({ kind: 'quiz', durationMs: 2000, review: T, rating: 'good' });
  expect(quiz!.after).toEqual(review!.after);
  const [c1, c2] = await db.cards.bulkGet(['demo/c1', 'demo/c2']);
  expect(memoryOf(c1!)).toEqual(memoryOf(c2!));
  expect(c1).toMatchObject({ due: T + 10 * MIN, updatedAt: T });
});

test('an answer timed before the card’s last review is graded at that review (time only moves forward)', async () => {
  await write('demo/c1', T + 5 * MIN);
  const late = await write('demo/c1', T);
  expect(late!.review).toBe(T + 5 * MIN);
  expect((await db.cards.get('demo/c1'))!.updatedAt).toBe(T + 5 * MIN);
});

test('a card that is gone gives null and writes nothing', async () => {
  expect(await write('demo/gone', T)).toBeNull();
  expect(await db.reviewLogs.count()).toBe(0);
});
