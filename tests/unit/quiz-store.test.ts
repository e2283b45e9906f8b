// The quiz session store driven without rendering: answering, feedback, "I was right", time up, leaving, a failed save.
import type { QuizAttemptRow } from '../../src/db/database';
import type { Question, QuizConfig } from '../../src/domain/quiz/quiz-schema';
import { createQuizStore, responseOf, type QuizDeps } from '../../src/features/quiz/quiz-store';

const t = (en: string, zh: string) => ({ en, zh });
const base = { deckId: 'd', tags: [], source: { doc: 'doc.txt', section: 'S' }, prompt: t('Q', '问') };
const QUESTIONS: Question[] = [
  { ...base, id: 'q1', kind: 'mcq', cardId: 'd/1', options: [t('a', '甲'), t('b', '乙'), t('c', '丙')], answer: 1 },
  { ...base, id: 'q2', kind: 'type-in', cardId: 'd/2', answer: t('cgroups', '控制组'), accept: [] },
  {
    ...base,
    id: 'q3',
    kind: 'open',
    keyPoints: [
      { cardId: 'd/3', text: t('x', 'x') },
      { cardId: 'd/4', text: t('y', 'y') },
    ],
  },
];
const config = (over: Partial<QuizConfig> = {}): QuizConfig => ({
  scope: { kind: 'studied' },
  length: 10,
  kinds: ['mcq'],
  timeLimitMin: null,
  seed: 1,
  updateSchedule: true,
  ...over,
});

function setup(over: Partial<QuizConfig> = {}, save: QuizDeps['save'] = async () => {}) {
  let now = 1_000;
  const saved: QuizAttemptRow[] = [];
  const errors: unknown[] = [];
  const store = createQuizStore(
    { config: config(over), lang: 'en', questions: QUESTIONS },
    {
      now: () => now,
      newId: () => 'attempt-1',
      save: async (a) => {
        await save(a);
        saved.push(a);
      },
      report: (e) => errors.push(e),
    },
  );
  return { store, saved, errors, advance: (ms: number) => (now += ms) };
}

test('a whole quiz: choose, submit, feedback, next; the attempt holds every answer with its time', async () => {
  const { store, saved, advance } = setup();
  const s = () => store.getState();
  s().submit();
  expect(s().results[0]).toBeNull();
  s().choose(7);
  expect(s().draft.choice).toBeNull();
  s().choose(1);
  advance(4000);
  s().submit();
  expect(s().results[0]).toMatchObject({ correct: true, score: 1, durationMs: 4000, answeredAt: 5000 });
  // After the answer nothing changes it.
  s().choose(0);
  s().submit();
  expect(s().results[0]?.response).toEqual({ kind: 'choice', index: 1 });

  await s().next();
  expect(s().index).toBe(1);
  s().type('namespaces');
  advance(2000);
  s().submit();
  expect(s().results[1]).toMatchObject({ correct: false, overridden: false });
  s().override();
  expect(s().results[1]).toMatchObject({ correct: true, score: 1, overridden: true });

  await s().next();
  s().submit();
  expect(s().results[2]).toBeNull();
  s().toggleTick(0);
  expect(s().draft.ticked).toEqual([]);
  s().reveal();
  s().toggleTick(1);
  s().submit();
  expect(s().results[2]).toMatchObject({
    correct: false,
    score: 0.5,
    response: { kind: 'open', ticked: [1], text: '' },
  });

  await s().next();
  expect(s().phase).toBe('saved');
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({
    id: 'attempt-1',
    startedAt: 1000,
    score: 2.5,
    total: 3,
    scope: { lang: 'en', config: config() },
  });
});

test('time up: unanswered questions are stored as not answered', async () => {
  const { store, saved } = setup({ timeLimitMin: 5 });
  expect(store.getState().deadline).toBe(1000 + 5 * 60_000);
  store.getState().choose(0);
  store.getState().submit();
  await store.getState().timeUp();
  expect(saved[0]!.questions.map((q) => q.result.response.kind)).toEqual(['choice', 'none', 'none']);
});

test('leaving asks first; while the dialog is open answers are frozen; leaving saves nothing', () => {
  const { store, saved } = setup();
  store.getState().askLeave();
  expect(store.getState().leaving).toBe(true);
  store.getState().choose(1);
  expect(store.getState().draft.choice).toBeNull();
  store.getState().stay();
  store.getState().askLeave();
  store.getState().leave();
  expect(store.getState().phase).toBe('left');
  expect(saved).toEqual([]);
});

test('a failed save is reported and can be tried again with the same attempt id', async () => {
  let fail = true;
  const { store, saved, errors } = setup({}, async () => {
    if (fail) throw new Error('quota');
  });
  store.getState().choose(1);
  store.getState().submit();
  await store.getState().timeUp();
  expect(store.getState().phase).toBe('save-failed');
  expect(errors).toHaveLength(1);
  fail = false;
  await store.getState().save();
  expect(store.getState().phase).toBe('saved');
  expect(saved.map((a) => a.id)).toEqual(['attempt-1']);
});

test('the response a draft stands for', () => {
  const draft = { choice: 1, typed: ' x ', revealed: false, ticked: [2, 0], note: 'n' };
  expect(responseOf(QUESTIONS[0]!, draft)).toEqual({ kind: 'choice', index: 1 });
  expect(
    responseOf(
      { ...base, id: 'q', kind: 'true-false', cardId: 'c', statement: t('', ''), answer: true, correct: t('', '') },
      draft,
    ),
  ).toEqual({ kind: 'bool', value: false });
  expect(responseOf(QUESTIONS[1]!, draft)).toEqual({ kind: 'typed', text: ' x ' });
  expect(responseOf(QUESTIONS[2]!, draft)).toBeNull();
  expect(responseOf(QUESTIONS[2]!, { ...draft, revealed: true })).toEqual({ kind: 'open', ticked: [0, 2], text: 'n' });
});
