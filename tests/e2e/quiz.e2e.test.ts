// E2E: a 10-question quiz over the built-in decks taken by keyboard in Chromium — score, mistakes, their review, history after a reload.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserPerTest, idb, library, review } from './browser';
import { answerByKeyboard } from './quiz-helpers';

const session = browserPerTest({ timezoneId: 'UTC' });

interface StoredAttempt {
  id: string;
  score: number;
  total: number;
  questions: Array<{
    question: { kind: string; cardId?: string; keyPoints?: Array<{ cardId: string }> };
    result: { correct: boolean; response: { kind: string; ticked?: number[] } };
  }>;
}

/** The quiz attempts as stored in IndexedDB, read in the page without the app's code. */
function storedAttempts(page: Page): Promise<StoredAttempt[]> {
  return page.evaluate(
    () =>
      new Promise<StoredAttempt[]>((resolve, reject) => {
        const req = indexedDB.open('dockdeck');
        req.onerror = () => reject(req.error ?? new Error('open failed'));
        req.onsuccess = () => {
          const db = req.result;
          const all = db.transaction('quizAttempts', 'readonly').objectStore('quizAttempts').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as StoredAttempt[]);
          };
          all.onerror = () => reject(all.error ?? new Error('getAll failed'));
        };
      }),
  );
}

/** The cards "review my mistakes" should show: wrong answers, and the key points an interview answer missed. */
function mistakeIds(a: StoredAttempt): string[] {
  const ids = new Set<string>();
  for (const { question: q, result: r } of a.questions) {
    if (q.kind === 'open') q.keyPoints!.forEach((k, i) => !(r.response.ticked ?? []).includes(i) && ids.add(k.cardId));
    else if (!r.correct) ids.add(q.cardId!);
  }
  return [...ids];
}

/** Answers the question on screen with keys only (some wrong on purpose) and says whether the verdict was right. */
async function answerAndJudge(page: Page, i: number): Promise<{ kind: string; correct: boolean }> {
  const { kind, verdict, ticked } = await answerByKeyboard(page, i);
  // Key 1 ticks the first key point of an interview question's checklist.
  if (kind === 'open') expect(ticked).toBe(true);
  return { kind, correct: kind === 'open' ? /grade [A-D]/.test(verdict) : verdict.startsWith('Correct.') };
}

describe('quiz', () => {
  test('a 10-question quiz by keyboard: score and mistakes, the mistakes review, and the history after a reload', async () => {
    const { page } = session();
    await page.clock.install({ time: new Date('2026-03-10T12:00:00Z') });
    await library.open(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
    // Scope: every deck (choosing "Decks" selects them all); the other defaults: 10 questions, every kind.
    await page.getByRole('radio', { name: 'Decks' }).check();
    const decks = page.getByRole('group', { name: 'Decks' }).getByRole('checkbox');
    expect(await decks.count()).toBe(4);
    for (const box of await decks.all()) expect(await box.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Start quiz' }).press('Enter');

    const verdicts: Array<{ kind: string; correct: boolean }> = [];
    for (let i = 0; i < 10; i++) {
      await page.waitForSelector(`section.quiz-run[data-index="${i}"]`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(`Question ${i + 1} of 10`);
      verdicts.push(await answerAndJudge(page, i));
      await page.keyboard.press('Enter');
    }
    expect(new Set(verdicts.map((v) => v.kind)).size).toBeGreaterThanOrEqual(4);

    // The results: the score as marked question by question, and each mistake with its answer and source.
    await page.waitForSelector('[data-testid="quiz-score"]');
    expect(page.url()).toMatch(/#\/quiz\/attempt\//);
    const [attempt] = await storedAttempts(page);
    expect(attempt).toBeDefined();
    expect(attempt!.total).toBe(10);
    expect(attempt!.questions.map((q) => q.result.correct)).toEqual(verdicts.map((v) => v.correct));
    const scoreText = await page.getByTestId('quiz-score').textContent();
    expect(scoreText).toContain(`of 10 (${Math.round((attempt!.score / 10) * 100)}%)`);
    const wrongSingle = verdicts.filter((v) => v.kind !== 'open' && !v.correct).length;
    const openMissed = attempt!.questions.filter(
      (q) => q.question.kind === 'open' && (q.result.response.ticked?.length ?? 0) < q.question.keyPoints!.length,
    ).length;
    expect(await page.locator('.quiz-mistakes > li').count()).toBe(wrongSingle + openMissed);
    expect(await page.locator('.quiz-mistakes > li .card-source').first().textContent()).toMatch(
      /^Source: (.+, “.+”|.+ \([a-z0-9.-]+\))$/,
    );

    // Quiz answers went into the schedule as quiz reviews (an interview question reviews each key point).
    const logs = await idb.read(page, 'reviewLogs');
    const keyPoints = attempt!.questions.reduce(
      (n, q) => n + (q.question.kind === 'open' ? q.question.keyPoints!.length : 1),
      0,
    );
    expect(logs).toHaveLength(keyPoints);
    expect(logs.every((l) => (l as unknown as { kind: string }).kind === 'quiz')).toBe(true);

    // "Review my mistakes" reviews exactly those cards, whatever their due dates.
    const expected = mistakeIds(attempt!);
    expect(expected.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: `Review my mistakes (${expected.length} cards)` }).press('Enter');
    await page.getByRole('heading', { name: 'Review my mistakes' }).waitFor();
    await review.waitSettled(page);
    const reviewed: string[] = [];
    for (let i = 0; i < expected.length; i++) {
      const id = await review.currentCardId(page);
      reviewed.push(id);
      await review.reveal(page);
      await review.grade(page, 'easy');
    }
    expect(reviewed.sort()).toEqual([...expected].sort());
    await page.waitForSelector('section.review .session-end');

    // After a reload the history is there, with this quiz's score.
    await page.goto(page.url().replace(/#.*$/, '#/quiz'));
    await page.reload();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByRole('row').nth(1).waitFor();
    expect(await history.getByRole('row').count()).toBe(2);
    expect(await history.getByRole('img').getAttribute('aria-label')).toBe(
      `Score trend, oldest to newest: ${Math.round((attempt!.score / 10) * 100)}%`,
    );
    await history.getByRole('link').first().click();
    expect(await page.getByTestId('quiz-score').textContent()).toBe(scoreText);
  });
});
