// Quiz test helpers that read like a user's actions: set the quiz up, read the question, answer it right or wrong by keys.
import { screen, waitFor } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import type { DockdeckDB } from '../../src/db/database';
import { writeQuizPrefs } from '../../src/db/quiz-repo';
import type { DeckInput } from '../../src/domain/deck-schema';
import { DEFAULT_QUIZ_PREFS, type QuizPrefs } from '../../src/domain/quiz/quiz-prefs';

type User = ReturnType<typeof userEvent.setup>;
const t = (en: string, zh: string) => ({ en, zh });
const WORDS = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliet',
  'kilo',
  'lima',
  'mike',
  'november',
  'oscar',
  'papa',
];

/** A deck of `n` basic cards whose answers are short terms ("Term alpha"), all siblings of each other. */
export function termsDeck(n: number, id = 'qz'): DeckInput {
  return {
    format: 'dockdeck/deck@1',
    id,
    title: t('Quiz deck', '测验卡组'),
    sources: [{ doc: 'doc.txt' }],
    cards: Array.from({ length: n }, (_, i) => ({
      id: `c${i}`,
      type: 'basic' as const,
      tags: [i % 2 === 0 ? 'even' : 'odd'],
      source: { doc: 'doc.txt', section: 'Terms' },
      front: t(`What is term number ${i}?`, `第 ${i} 个术语是什么？`),
      back: t(`Term ${WORDS[i % WORDS.length]}`, `术语 ${WORDS[i % WORDS.length]}`),
    })),
  };
}

/** The answer of card `qz/c<i>` in English. */
export const termAnswer = (cardId: string) => `Term ${WORDS[Number(cardId.split('/c')[1]) % WORDS.length]}`;

export async function setQuizPrefs(db: DockdeckDB, prefs: Partial<QuizPrefs>, now: number) {
  await writeQuizPrefs(db, { ...DEFAULT_QUIZ_PREFS, scope: { kind: 'decks', deckIds: ['qz'] }, ...prefs }, now);
}

export const quiz = {
  section: () => document.querySelector<HTMLElement>('section.quiz-run'),
  kind: () => document.querySelector<HTMLElement>('.quiz-question')?.dataset.kind ?? null,
  cardId: () => document.querySelector<HTMLElement>('article.quiz-card')?.dataset.cardId ?? null,
  index: () => Number(quiz.section()?.dataset.index ?? -1),
  async start(user: User) {
    const start = await screen.findByRole('button', { name: 'Start quiz' }, { timeout: 10_000 });
    start.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(quiz.section()).not.toBeNull(), { timeout: 10_000 });
  },
  async waitForIndex(i: number) {
    await waitFor(() => expect(quiz.index()).toBe(i), { timeout: 10_000 });
  },
  /** Answers the question on screen by keyboard only (right or wrong), submits with Enter and waits for the verdict. */
  async answer(user: User, right: boolean, answerOf: (cardId: string) => string = termAnswer) {
    const kind = quiz.kind();
    const cardId = quiz.cardId()!;
    const expected = answerOf(cardId);
    if (kind === 'mcq' || kind === 'classify') {
      const options = [...document.querySelectorAll<HTMLElement>('.choices button')].map((b) =>
        b.textContent!.replace(/^[A-H]\s*/, '').trim(),
      );
      const good = options.indexOf(expected);
      expect(good, `options of ${cardId}: ${options.join(' | ')}`).toBeGreaterThanOrEqual(0);
      const pick = right ? good : (good + 1) % options.length;
      await user.keyboard('ABCDEFGH'[pick]!.toLowerCase());
    } else if (kind === 'true-false') {
      const statement = document.querySelector('.quiz-statement .card-text')!.textContent!.trim();
      const isTrue = statement === expected;
      await user.keyboard(isTrue === right ? 't' : 'f');
    } else if (kind === 'type-in') {
      await user.keyboard(right ? expected : 'something else entirely');
    } else {
      throw new Error(`quiz.answer does not answer ${kind} questions`);
    }
    await user.keyboard('{Enter}');
    await screen.findByTestId('quiz-verdict');
  },
  /** Enter: the next question, or the results after the last one. */
  async next(user: User) {
    await user.keyboard('{Enter}');
  },
};
