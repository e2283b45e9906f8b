// The quiz's database layer on fake IndexedDB: scopes by index, sampling, one transaction for attempt + schedule, cramming.
import { DockdeckDB, type QuizAttemptRow } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import {
  customReviewIds,
  getAttempt,
  listAttempts,
  loadCardListQueue,
  loadQuizSource,
  readQuizPrefs,
  saveAttempt,
  scopeCardIds,
  scopeChoices,
  writeQuizPrefs,
} from '../../src/db/quiz-repo';
import { generateQuiz } from '../../src/domain/quiz/generate';
import { DEFAULT_QUIZ_PREFS } from '../../src/domain/quiz/quiz-prefs';
import type { AttemptQuestion, QuizConfig } from '../../src/domain/quiz/quiz-schema';
import { CardState, DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { expandDeck } from '../../src/domain/study-card';
import { builtinDecks, parsed, t, termDeck } from './quiz-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T = new Date(2026, 2, 10, 10).getTime();
const settings = { ...DEFAULT_SETTINGS, scheduler: { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false } };

let db: DockdeckDB;
beforeEach(() => {
  db = new DockdeckDB(`quiz-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  await db.delete();
});

async function load(...decks: ReturnType<typeof parsed>[]) {
  for (const d of decks) await upsertDeck(db, d, expandDeck(d), { hash: d.id, builtin: false, now: T - 30 * DAY });
}

async function makeReview(id: string, stability: number, lastReview: number) {
  await db.cards.update(id, {
    state: CardState.Review,
    stability,
    difficulty: 5,
    reps: 3,
    lastReview,
    due: lastReview + stability * DAY,
    scheduledDays: stability,
  });
}

const config = (over: Partial<QuizConfig> = {}): QuizConfig => ({
  scope: { kind: 'decks', deckIds: ['a'] },
  length: 10,
  kinds: ['type-in'],
  timeLimitMin: null,
  seed: 1,
  updateSchedule: true,
  ...over,
});

const typedItem = (cardId: string, correct: boolean, answeredAt: number, durationMs = 15_000): AttemptQuestion => ({
  question: {
    id: 'q',
    kind: 'type-in',
    cardId,
    deckId: 'a',
    tags: [],
    source: { doc: 'doc.txt', section: 'S0' },
    prompt: t('Q', '问'),
    answer: t('A', '答'),
    accept: [],
  },
  result: {
    response: { kind: 'typed', text: correct ? 'A' : 'nope' },
    correct,
    score: correct ? 1 : 0,
    overridden: false,
    durationMs,
    answeredAt,
  },
});

const attempt = (
  id: string,
  questions: AttemptQuestion[],
  over: Partial<QuizConfig> = {},
  startedAt = T,
): QuizAttemptRow => ({
  id,
  startedAt,
  finishedAt: startedAt + 60_000,
  scope: { config: config(over), lang: 'en' },
  questions,
  score: questions.filter((q) => q.result.correct).length,
  total: questions.length,
});

describe('scopes', () => {
  test('by deck, by tag (multi-entry index) and "everything studied"', async () => {
    await load(parsed(termDeck('a', 4, ['net', 'io'])), parsed(termDeck('b', 3, ['io'])));
    await makeReview('b/c1', 5, T - DAY);
    expect(await scopeCardIds(db, { kind: 'decks', deckIds: ['b'] })).toEqual(['b/c0', 'b/c1', 'b/c2']);
    expect((await scopeCardIds(db, { kind: 'tags', tags: ['net'] })).sort()).toEqual(['a/c0', 'a/c2']);
    expect((await scopeCardIds(db, { kind: 'tags', tags: ['net', 'io'] })).sort()).toEqual([
      'a/c0',
      'a/c1',
      'a/c2',
      'a/c3',
      'b/c0',
      'b/c1',
      'b/c2',
    ]);
    expect(await scopeCardIds(db, { kind: 'studied' })).toEqual(['b/c1']);
    expect(await scopeChoices(db)).toEqual({
      decks: [
        { id: 'a', title: t('Deck a', '卡组 a') },
        { id: 'b', title: t('Deck b', '卡组 b') },
      ],
      tags: ['io', 'net'],
    });
  });

  test('a small scope is read whole; a big one as a sample chosen by the seed (decks: by position), with whole trait tables', async () => {
    await load(...builtinDecks());
    const small = await loadQuizSource(db, { kind: 'decks', deckIds: ['containers-vs-vms'] }, 1, 10);
    expect(small.sampled).toBe(false);
    expect(small.source.cards).toHaveLength(small.scopeSize);

    const big = parsed(termDeck('big', 2000, ['x']));
    await load(big);
    const scope = { kind: 'decks' as const, deckIds: ['big', 'containers-vs-vms'] };
    const a = await loadQuizSource(db, scope, 7, 10);
    expect(a).toMatchObject({ sampled: true, scopeSize: 2000 + small.scopeSize });
    const sampledIds = a.source.cards.map((c) => c.id);
    expect(sampledIds.length).toBeGreaterThanOrEqual(600);
    // Every row of the containers table is there for its open question, sampled or not.
    const rows = builtinDecks()[0]!.tables[0]!.rows.map((r) => `containers-vs-vms/table:container-vs-vm/${r.id}`);
    for (const id of rows) expect(sampledIds).toContain(id);
    const again = await loadQuizSource(db, scope, 7, 10);
    expect(again.source.cards.map((c) => c.id)).toEqual(sampledIds);
    expect((await loadQuizSource(db, scope, 8, 10)).source.cards.map((c) => c.id)).not.toEqual(sampledIds);
    // A tag scope reads its ids through the tag index, then samples them the same way.
    expect(await loadQuizSource(db, { kind: 'tags', tags: ['x'] }, 7, 10)).toMatchObject({
      sampled: true,
      scopeSize: 2000,
    });
    // The same seed over the same scope replays the same quiz.
    const req = { length: 10, kinds: ['mcq', 'true-false', 'open'] as const, seed: 7 };
    expect(generateQuiz(again.source, req)).toEqual(generateQuiz(a.source, req));
  });
});

describe('saving an attempt', () => {
  beforeEach(async () => {
    await load(parsed(termDeck('a', 4)));
    await makeReview('a/c0', 5, T - 3 * DAY);
  });

  test('attempt, card states and quiz review logs are written together', async () => {
    const r = await saveAttempt(
      db,
      attempt('x1', [typedItem('a/c0', true, T + 1000), typedItem('a/c1', false, T + 2000)]),
      settings,
    );
    expect(r).toEqual({ reviews: 2 });
    expect(await getAttempt(db, 'x1')).toMatchObject({ id: 'x1', total: 2 });
    const logs = (await db.reviewLogs.toArray()).sort((x, y) => x.review - y.review);
    expect(logs.map((l) => [l.cardId, l.rating, l.kind, l.review, l.durationMs])).toEqual([
      ['a/c0', 'good', 'quiz', T + 1000, 15_000],
      ['a/c1', 'again', 'quiz', T + 2000, 15_000],
    ]);
    expect(await db.cards.get('a/c0')).toMatchObject({ reps: 4, state: CardState.Review, lastReview: T + 1000 });
    expect(await db.cards.get('a/c1')).toMatchObject({ reps: 1, state: CardState.Learning });
  });

  test('with the switch off only the attempt is written', async () => {
    await saveAttempt(db, attempt('x2', [typedItem('a/c0', true, T)], { updateSchedule: false }), settings);
    expect(await db.quizAttempts.count()).toBe(1);
    expect(await db.reviewLogs.count()).toBe(0);
    expect(await db.cards.get('a/c0')).toMatchObject({ reps: 3, lastReview: T - 3 * DAY });
  });

  test('a failed write leaves nothing behind: no attempt, no card change, no log', async () => {
    db.reviewLogs.hook('creating', (_k, obj) => {
      if ((obj as { cardId: string }).cardId === 'a/c1') throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(
      saveAttempt(db, attempt('x3', [typedItem('a/c0', true, T), typedItem('a/c1', true, T + 1)]), settings),
    ).rejects.toThrow();
    expect(await db.quizAttempts.count()).toBe(0);
    expect(await db.reviewLogs.count()).toBe(0);
    expect(await db.cards.get('a/c0')).toMatchObject({ reps: 3, lastReview: T - 3 * DAY });
  });

  test('cramming: a card quizzed twice in one study day gets a ts-fsrs short-term review the second time', async () => {
    await saveAttempt(db, attempt('first', [typedItem('a/c0', true, T)]), settings);
    const s1 = (await db.cards.get('a/c0'))!.stability;
    await saveAttempt(db, attempt('second', [typedItem('a/c0', false, T + HOUR)], {}, T + HOUR), settings);
    const logs = (await db.reviewLogs.toArray()).sort((x, y) => x.review - y.review);
    expect(logs.map((l) => l.elapsedDays)).toEqual([3, 0]);
    // Short-term stability, by hand (FSRS-6): S' = S · S^(−w19) · e^(w17·(G − 3 + w18)), G = 1 for again.
    const [w17, w18, w19] = [0.5425, 0.0912, 0.0658];
    const card = (await db.cards.get('a/c0'))!;
    expect(card.stability).toBeCloseTo(s1 * s1 ** -w19 * Math.exp(w17 * (1 - 3 + w18)), 6);
    expect(card).toMatchObject({ state: CardState.Relearning, lapses: 1 });
  });

  test('a review never goes back in time: a card answered later in another tab is graded from that moment', async () => {
    await db.cards.update('a/c0', { lastReview: T + 5000 });
    await saveAttempt(db, attempt('x4', [typedItem('a/c0', true, T)]), settings);
    expect((await db.reviewLogs.toArray())[0]!.review).toBe(T + 5000);
  });
});

describe('history, preferences and custom reviews', () => {
  test('attempts oldest first; a damaged row is left out', async () => {
    await load(parsed(termDeck('a', 4)));
    await saveAttempt(db, attempt('late', [typedItem('a/c0', true, T)], {}, T + DAY), settings);
    await saveAttempt(db, attempt('early', [typedItem('a/c1', false, T)], {}, T), settings);
    await db.quizAttempts.add({ ...attempt('bad', [], {}, T + 2 * DAY), scope: { nonsense: true } as never });
    expect((await listAttempts(db)).map((a) => a.id)).toEqual(['early', 'late']);
    expect(await getAttempt(db, 'bad')).toBeUndefined();
  });

  test('preferences round-trip; damaged fields fall back one by one', async () => {
    expect(await readQuizPrefs(db)).toEqual(DEFAULT_QUIZ_PREFS);
    const prefs = {
      ...DEFAULT_QUIZ_PREFS,
      length: 25,
      interviewDate: '2026-04-01',
      scope: { kind: 'tags' as const, tags: ['io'] },
    };
    await writeQuizPrefs(db, prefs, T);
    expect(await readQuizPrefs(db)).toEqual(prefs);
    await db.settings.put({
      key: 'quiz',
      value: { ...prefs, length: -3, kinds: [], interviewDate: 'tomorrow' },
      updatedAt: T,
    });
    expect(await readQuizPrefs(db)).toEqual({
      ...prefs,
      length: 10,
      kinds: DEFAULT_QUIZ_PREFS.kinds,
      interviewDate: null,
    });
  });

  test('"review my mistakes" lists the wrong answers of an attempt; a plan day lists its cards', async () => {
    await load(parsed(termDeck('a', 4)));
    await saveAttempt(
      db,
      attempt('m', [typedItem('a/c0', true, T), typedItem('a/c2', false, T), typedItem('a/c3', false, T)]),
      settings,
    );
    expect(await customReviewIds(db, 'mistakes', 'm')).toEqual(['a/c2', 'a/c3']);
    expect(await customReviewIds(db, 'mistakes', 'nope')).toEqual([]);
    const plan = {
      scope: { kind: 'studied' as const },
      date: '2026-03-12',
      days: [{ day: '2026-03-10', cardIds: ['a/c1'] }],
      share: 0.2,
      projectedShare: 0.5,
      leftOut: 0,
    };
    await writeQuizPrefs(db, { ...DEFAULT_QUIZ_PREFS, plan }, T);
    expect(await customReviewIds(db, 'plan', '2026-03-10')).toEqual(['a/c1']);
  });

  test('a card-list review shows every listed card whatever its due date, then learning cards when their step is due', async () => {
    await load(parsed(termDeck('a', 4)));
    await makeReview('a/c2', 50, T - DAY);
    await db.cards.update('a/c3', { state: CardState.Learning, due: T + 5 * 60_000 });
    const ids = ['a/c2', 'a/c3', 'gone/c9'];
    let snap = await loadCardListQueue(db, ids, T, [], 20 * 60_000);
    expect(snap.queue.cards.map((c) => c.id)).toEqual(['a/c2', 'a/c3']);
    expect(snap.queue.counts).toEqual({ new: 0, learning: 0, review: 2 });
    snap = await loadCardListQueue(db, ids, T, ['a/c2', 'a/c3'], 20 * 60_000);
    // Both answered: the learning one comes early (learn-ahead), the review card is done.
    expect(snap.queue.cards.map((c) => c.id)).toEqual(['a/c3']);
    snap = await loadCardListQueue(db, ids, T, ['a/c2', 'a/c3'], 0);
    expect(snap.queue).toMatchObject({ cards: [], nextDue: T + 5 * 60_000 });
  });
});
