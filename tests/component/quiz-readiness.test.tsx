// @vitest-environment jsdom
// Quiz history (trend and table) and interview readiness: the prediction for a date, what to study, a plan and its study day.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { QuizAttemptRow } from '../../src/db/database';
import { cardsOfDeck } from '../../src/db/deck-cards';
import { saveAttempt } from '../../src/db/quiz-repo';
import { memoryOf } from '../../src/db/review-repo';
import { interviewMoment, predictReadiness } from '../../src/domain/quiz/readiness';
import type { AttemptQuestion } from '../../src/domain/quiz/quiz-schema';
import { CardState } from '../../src/domain/scheduler';
import { DEFAULT_SETTINGS, schedulerAt } from '../../src/domain/settings';
import { freshDb, openApp, review } from './helpers';
import { setQuizPrefs, termsDeck } from './quiz-helpers';

const DAY = 86_400_000;
const t = (en: string, zh: string) => ({ en, zh });

function attempt(id: string, startedAt: number, rights: boolean[]): QuizAttemptRow {
  const questions: AttemptQuestion[] = rights.map((right, i) => ({
    question: {
      id: `q${i}`,
      kind: 'type-in',
      cardId: `qz/c${i}`,
      deckId: 'qz',
      tags: [],
      source: { doc: 'doc.txt', section: 'Terms' },
      prompt: t(`Q${i}`, `问${i}`),
      answer: t('A', '答'),
      accept: [],
    },
    result: {
      response: { kind: 'typed', text: right ? 'A' : 'B' },
      correct: right,
      score: right ? 1 : 0,
      overridden: false,
      durationMs: 5000,
      answeredAt: startedAt,
    },
  }));
  const score = rights.filter(Boolean).length;
  return {
    id,
    startedAt,
    finishedAt: startedAt + 60_000,
    scope: {
      config: {
        scope: { kind: 'studied' },
        length: 10,
        kinds: ['type-in'],
        timeLimitMin: null,
        seed: 1,
        updateSchedule: false,
      },
      lang: 'en',
    },
    questions,
    score,
    total: rights.length,
  };
}

test('the history lists past quizzes newest first, with a described trend line, and opens their results', async () => {
  const clock = await freshDb(termsDeck(6));
  await saveAttempt(
    clock.db,
    attempt('old', clock.now() - 2 * DAY, [true, false, false, false, true]),
    DEFAULT_SETTINGS,
  );
  await saveAttempt(clock.db, attempt('new', clock.now() - DAY, [true, true, true, true, false]), DEFAULT_SETTINGS);
  const { user } = openApp('#/quiz');
  const history = await screen.findByRole('region', { name: 'History' });
  expect(within(history).getByRole('img', { name: 'Score trend, oldest to newest: 40%, 80%' })).toBeInTheDocument();
  const rows = within(history).getAllByRole('row').slice(1);
  expect(rows.map((r) => r.dataset.attemptId)).toEqual(['new', 'old']);
  expect(rows[0]).toHaveTextContent('80% (4/5)');
  expect(rows[0]).toHaveTextContent('Everything studied');
  await user.click(within(rows[1]!).getByRole('link'));
  expect(await screen.findByTestId('quiz-score')).toHaveTextContent('2 of 5 (40%)');
  expect(window.location.hash).toBe('#/quiz/attempt/old');
});

test('readiness: the predicted share for the interview date, the weakest cards, and a plan whose day can be studied now', async () => {
  const clock = await freshDb(termsDeck(6));
  const now = clock.now();
  // Two cards learned a while ago (one weak, one strong); the rest are new and count as 0.
  await clock.db.cards.update('qz/c0', {
    state: CardState.Review,
    stability: 3,
    difficulty: 5,
    reps: 2,
    lastReview: now - 2 * DAY,
    due: now + DAY,
  });
  await clock.db.cards.update('qz/c1', {
    state: CardState.Review,
    stability: 300,
    difficulty: 3,
    reps: 6,
    lastReview: now - 2 * DAY,
    due: now + 200 * DAY,
  });
  await setQuizPrefs(clock.db, {}, now);
  const { user } = openApp('#/quiz');
  const panel = await screen.findByRole('region', { name: 'Interview readiness' });
  expect(within(panel).getByText(/Set a date/)).toBeInTheDocument();

  fireEvent.change(within(panel).getByLabelText('Interview date'), { target: { value: '2026-03-06' } });
  const prediction = await within(panel).findByTestId('quiz-prediction', {}, { timeout: 10_000 });
  const rows = await cardsOfDeck(clock.db, 'qz').toArray();
  const at = interviewMoment('2026-03-06')!;
  const expected = predictReadiness(
    rows.map((r) => ({ id: r.id, memory: memoryOf(r) })),
    at,
    schedulerAt(DEFAULT_SETTINGS, at),
  );
  expect(prediction).toHaveTextContent(
    `Predicted recall on 2026-03-06: ${Math.round(expected.share * 100)}% of 6 cards`,
  );
  // What to study: lowest first, the strong card last.
  const weakest = within(panel)
    .getAllByRole('listitem')
    .filter((li) => li.dataset.cardId);
  expect(weakest.map((li) => li.dataset.cardId).at(-1)).toBe('qz/c1');
  expect(weakest[0]).toHaveTextContent('0%');

  await user.click(within(panel).getByRole('button', { name: 'Make a study plan' }));
  const plan = await within(panel).findByRole('heading', { name: 'Plan for 2026-03-06' });
  const days = [...plan.parentElement!.querySelectorAll<HTMLElement>('li[data-day]')];
  expect(days.map((d) => d.dataset.day)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
  expect(within(panel).getByText(/raises the prediction from \d+% to about \d+%/)).toBeInTheDocument();
  const stored = (await clock.db.settings.get('quiz'))!.value as { plan: { days: Array<{ cardIds: string[] }> } };
  const todays = stored.plan.days[0]!.cardIds;
  expect(todays.length).toBeGreaterThan(0);

  await user.click(within(days[0]!).getByRole('button', { name: 'Study these now' }));
  await screen.findByRole('heading', { name: 'Study plan: 2026-03-02' });
  const first = await review.waitForCard();
  expect(todays).toContain(first);
  await waitFor(() =>
    expect(
      screen.getByText(
        `Remaining: ${todays.filter((id) => id !== 'qz/c0').length} new, 0 learning, ${todays.includes('qz/c0') ? 1 : 0} review`,
      ),
    ).toBeInTheDocument(),
  );
});
