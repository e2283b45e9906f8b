// @vitest-environment jsdom
// A quiz taken as a user takes it: by keyboard, with the leave dialog, "I was right", an interview question, a time limit.
import { screen, waitFor, within } from '@testing-library/react';
import { freshDb, openApp, review } from './helpers';
import { quiz, setQuizPrefs, termAnswer, termsDeck } from './quiz-helpers';

test('a 10-question quiz by keyboard: score and mistakes, then "review my mistakes" reviews just those cards', async () => {
  const clock = await freshDb(termsDeck(14));
  await setQuizPrefs(clock.db, { length: 10, kinds: ['mcq', 'true-false', 'type-in'] }, clock.now());
  const { user } = openApp('#/quiz');
  await quiz.start(user);

  const wrong: string[] = [];
  for (let i = 0; i < 10; i++) {
    await quiz.waitForIndex(i);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(`Question ${i + 1} of 10`);
    const right = i % 3 !== 1;
    if (!right) wrong.push(quiz.cardId()!);
    clock.advance(8000);
    await quiz.answer(user, right);
    expect(screen.getByTestId('quiz-verdict')).toHaveTextContent(right ? 'Correct.' : 'Not quite.');
    await quiz.next(user);
  }

  const score = await screen.findByTestId('quiz-score', {}, { timeout: 10_000 });
  expect(score).toHaveTextContent('7 of 10 (70%)');
  expect(screen.getByTestId('quiz-grade')).toHaveTextContent('C');
  expect(window.location.hash).toMatch(/^#\/quiz\/attempt\//);
  // Each mistake shows the right answer and where it comes from.
  const mistakes = document.querySelectorAll('.quiz-mistakes > li');
  expect(mistakes).toHaveLength(3);
  // A source line shows once its deck is known to cite sources (a deck file's do; an Anki or CSV import's do not).
  await waitFor(() => expect(document.querySelectorAll('.quiz-mistakes > li .card-source')).toHaveLength(3));
  for (const [i, li] of [...mistakes].entries()) {
    expect(li).toHaveTextContent(`The answer: ${termAnswer(wrong[i]!)}`);
    expect(li).toHaveTextContent('Source: doc.txt, “Terms”');
  }
  expect(screen.getByRole('heading', { name: 'Weakest tags' })).toBeInTheDocument();
  expect(document.querySelectorAll('.quiz-table tbody tr')).toHaveLength(10);

  // The attempt and ten quiz reviews were written.
  expect(await clock.db.quizAttempts.count()).toBe(1);
  const logs = await clock.db.reviewLogs.toArray();
  expect(logs).toHaveLength(10);
  expect(logs.every((l) => l.kind === 'quiz')).toBe(true);
  expect(
    logs
      .filter((l) => l.rating === 'again')
      .map((l) => l.cardId)
      .sort(),
  ).toEqual([...wrong].sort());

  const button = screen.getByRole('button', { name: 'Review my mistakes (3 cards)' });
  button.focus();
  await user.keyboard('{Enter}');
  await screen.findByRole('heading', { name: 'Review my mistakes' });
  const seen: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = await review.waitForOtherCard(seen.at(-1) ?? null);
    seen.push(id);
    await review.revealByKey(user);
    await user.keyboard('4');
    await review.waitForAnswered(i + 1);
  }
  expect(seen.sort()).toEqual([...wrong].sort());
  await screen.findByText('Session finished');
  expect(screen.queryByTestId('summary-tomorrow')).not.toBeInTheDocument();
});

test('Esc asks before leaving: Esc again keeps going, "Leave" drops the quiz and saves nothing', async () => {
  const clock = await freshDb(termsDeck(12));
  await setQuizPrefs(clock.db, { length: 10, kinds: ['type-in'] }, clock.now());
  const { user } = openApp('#/quiz');
  await quiz.start(user);
  // The answer field has the focus: Esc first leaves the field, as in any field, then asks.
  expect(screen.getByRole('textbox', { name: 'Your answer' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(screen.getByRole('textbox', { name: 'Your answer' })).not.toHaveFocus();
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  await user.keyboard('{Escape}');
  const dialog = await screen.findByRole('alertdialog', { name: 'Leave the quiz?' });
  expect(within(dialog).getByRole('button', { name: 'Keep going' })).toHaveFocus();
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  expect(quiz.section()).not.toBeNull();

  await user.keyboard('{Escape}');
  await screen.findByRole('alertdialog');
  await user.keyboard('{Tab}');
  expect(screen.getByRole('button', { name: 'Leave' })).toHaveFocus();
  await user.keyboard('{Enter}');
  await screen.findByRole('button', { name: 'Start quiz' });
  expect(await clock.db.quizAttempts.count()).toBe(0);
  expect(await clock.db.reviewLogs.count()).toBe(0);
});

test('too few cards: the quiz says so and offers what it can', async () => {
  const clock = await freshDb(termsDeck(3));
  await setQuizPrefs(clock.db, { length: 10, kinds: ['type-in', 'mcq'] }, clock.now());
  const { user } = openApp('#/quiz');
  await user.click(await screen.findByRole('button', { name: 'Start quiz' }));
  const alert = await screen.findByText('This scope has only enough for 3 of the 10 questions asked.');
  expect(alert.closest('[role=alert]')).not.toBeNull();
  await user.click(screen.getByRole('button', { name: 'Start with 3 questions' }));
  await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Question 1 of 3'));
});

test('a typed answer marked wrong can be overridden with "I was right", and counts as right', async () => {
  const clock = await freshDb(termsDeck(4));
  await setQuizPrefs(clock.db, { length: 10, kinds: ['type-in'], updateSchedule: false }, clock.now());
  const { user } = openApp('#/quiz');
  await user.click(await screen.findByRole('button', { name: 'Start quiz' }));
  await user.click(await screen.findByRole('button', { name: 'Start with 4 questions' }));
  await quiz.waitForIndex(0);
  await user.keyboard('my own wording');
  await user.keyboard('{Enter}');
  expect(await screen.findByTestId('quiz-verdict')).toHaveTextContent('Not quite.');
  await user.click(screen.getByRole('button', { name: 'I was right' }));
  expect(screen.getByTestId('quiz-verdict')).toHaveTextContent('Marked right at your word.');
  expect(screen.queryByRole('button', { name: 'I was right' })).not.toBeInTheDocument();
  for (let i = 0; i < 3; i++) {
    await quiz.next(user);
    await quiz.waitForIndex(i + 1);
    await quiz.answer(user, true);
  }
  await quiz.next(user);
  expect(await screen.findByTestId('quiz-score', {}, { timeout: 10_000 })).toHaveTextContent('4 of 4 (100%)');
  // The switch was off: the schedule is untouched.
  expect(await clock.db.reviewLogs.count()).toBe(0);
});

test('an interview question: Enter shows the model answer as a checklist, 1–9 tick key points, the score maps to a grade', async () => {
  const clock = await freshDb(termsDeck(5));
  await setQuizPrefs(clock.db, { length: 10, kinds: ['open'] }, clock.now());
  const { user } = openApp('#/quiz');
  await user.click(await screen.findByRole('button', { name: 'Start quiz' }));
  await user.click(await screen.findByRole('button', { name: 'Start with 1 questions' }));
  expect(await screen.findByText('Explain “Terms”: what are the key points?')).toBeInTheDocument();
  // Writing is optional (Tab reaches the notes, after the leave button); Enter in the notes is a new line, Ctrl+Enter shows the model answer.
  await user.tab();
  expect(screen.getByRole('button', { name: 'Leave quiz' })).toHaveFocus();
  await user.tab();
  expect(screen.getByLabelText('Answer aloud or write it here (optional)')).toHaveFocus();
  await user.keyboard('Terms alpha and bravo{Enter}more');
  expect(screen.queryByRole('group', { name: 'Tick the key points you covered' })).not.toBeInTheDocument();
  await user.keyboard('{Control>}{Enter}{/Control}');
  const list = await screen.findByRole('group', { name: 'Tick the key points you covered' });
  const boxes = within(list).getAllByRole('checkbox');
  expect(boxes).toHaveLength(5);
  expect(list).toHaveTextContent('Asked as: What is term number 0?');
  await user.keyboard('13');
  expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, false, true, false, false]);
  await user.keyboard('{Enter}');
  expect(await screen.findByTestId('quiz-verdict')).toHaveTextContent('You covered 2 of 5 key points: grade F.');
  await quiz.next(user);
  expect(await screen.findByTestId('quiz-score', {}, { timeout: 10_000 })).toHaveTextContent('0.4 of 1 (40%)');
  // Each key point reviewed its card: covered good, missed again; the missed ones are the mistakes to review.
  const logs = await clock.db.reviewLogs.toArray();
  expect(logs.map((l) => [l.cardId, l.rating]).sort()).toEqual([
    ['qz/c0', 'good'],
    ['qz/c1', 'again'],
    ['qz/c2', 'good'],
    ['qz/c3', 'again'],
    ['qz/c4', 'again'],
  ]);
  // One mistake listed, three cards to review: the results say which number counts what (issue #11).
  expect(screen.getByRole('button', { name: 'Review my mistakes (3 cards)' })).toBeEnabled();
  expect(screen.getByRole('heading', { name: 'Mistakes (1)' })).toBeInTheDocument();
  expect(document.querySelectorAll('.quiz-mistakes > li')).toHaveLength(1);
  expect(
    screen.getByText(
      'Mistakes: 1; cards to review: 3. Each wrong answer is one card, and each key point missed in an interview question is one more.',
    ),
  ).toBeInTheDocument();
});

test('with a time limit the quiz ends by itself when time is up; unanswered questions count as not answered', async () => {
  const clock = await freshDb(termsDeck(6));
  await setQuizPrefs(clock.db, { length: 0, kinds: ['type-in'], timeLimitMin: 5 }, clock.now());
  const { user } = openApp('#/quiz');
  await quiz.start(user);
  expect(screen.getByRole('timer')).toHaveTextContent('Time left: 5:00');
  await quiz.answer(user, true);
  clock.advance(5 * 60_000);
  expect(await screen.findByTestId('quiz-score', {}, { timeout: 10_000 })).toHaveTextContent('1 of 6');
  expect(screen.getAllByText('Not answered')).toHaveLength(5);
  // Only the answered question reviewed its card.
  expect(await clock.db.reviewLogs.count()).toBe(1);
});

test('questions are drawn in their deck text format: an HTML deck is not read as Markdown', async () => {
  const deck = termsDeck(4);
  const clock = await freshDb({
    ...deck,
    textFormat: 'html',
    cards: deck.cards.map((c) =>
      c.type === 'basic' ? { ...c, front: { en: `<b>Bold</b> and *not emphasis* ${c.id}?`, zh: `${c.id}？` } } : c,
    ),
  });
  await setQuizPrefs(clock.db, { length: 10, kinds: ['type-in'] }, clock.now());
  const { user } = openApp('#/quiz');
  await user.click(await screen.findByRole('button', { name: 'Start quiz' }));
  await user.click(await screen.findByRole('button', { name: 'Start with 4 questions' }));
  const prompt = await waitFor(() => {
    const el = document.querySelector('.quiz-prompt');
    expect(el).not.toBeNull();
    return el!;
  });
  expect(prompt.querySelector('b')).toHaveTextContent('Bold');
  expect(prompt).toHaveTextContent('*not emphasis*');
  expect(prompt.querySelector('em')).toBeNull();
  // The answer field still has the focus, as on any type-in question.
  expect(screen.getByLabelText('Your answer')).toHaveFocus();
});
