// @vitest-environment jsdom
// The statistics page on a small seeded database: today's count, the true retention table of a hand-made log, and a
// chart's table view with the same numbers as the chart.
import { screen, waitFor, within } from '@testing-library/react';
import type { ReviewLogRow } from '../../src/db/database';
import { freshDb, openApp } from './helpers';
import { demoDeck } from './fixtures';

const DAY = 86_400_000;
const START = new Date(2026, 2, 2, 10, 0, 0).getTime();

function log(id: string, review: number, scheduledDays: number, rating: 'again' | 'good'): ReviewLogRow {
  const memory = { due: review, stability: 5, difficulty: 5, elapsedDays: 3, scheduledDays, learningSteps: 0 };
  return {
    id,
    cardId: `demo/c${id}`,
    deckId: 'demo',
    review,
    state: 2,
    elapsedDays: scheduledDays,
    scheduledDays,
    durationMs: 6000,
    rating,
    kind: 'review',
    before: { ...memory, reps: 1, lapses: 0, state: 2, lastReview: review - scheduledDays * DAY },
    after: { ...memory, reps: 2, lapses: 0, state: 2, lastReview: review },
  };
}

async function seeded() {
  const env = await freshDb(demoDeck, START);
  await env.db.reviewLogs.bulkPut([
    log('1', START - 60_000, 30, 'good'),
    log('2', START - 120_000, 5, 'again'),
    log('3', START - 180_000, 5, 'good'),
    log('4', START - DAY, 5, 'good'),
  ]);
  return env;
}

async function openStats() {
  const app = openApp('#/stats');
  await waitFor(() => expect(document.querySelector('section.stats[data-ready="true"]')).not.toBeNull(), {
    timeout: 10_000,
  });
  return app;
}

test("the page shows today's count and the true retention of a hand-made log", async () => {
  await seeded();
  await openStats();
  expect(screen.getByText(/Studied 3 cards in 0\.3 minutes today/)).toBeTruthy();
  expect(screen.getByText(/Again count: 1 \(33\.3%\)/)).toBeTruthy();
  const table = screen.getByRole('table', { name: /Share of passed reviews/ });
  const today = within(table).getByRole('row', { name: /^Today/ });
  const cells = within(today)
    .getAllByRole('cell')
    .map((c) => c.textContent);
  expect(cells).toEqual(['50% (1 passed, 1 failed)', '100% (1 passed, 0 failed)', '66.7% (2 passed, 1 failed)']);
  const yesterday = within(table).getByRole('row', { name: /^Yesterday/ });
  expect(
    within(yesterday)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['100% (1 passed, 0 failed)', '—', '100% (1 passed, 0 failed)']);
  const week = within(table).getByRole('row', { name: /^Last 7 days/ });
  expect(within(week).getAllByRole('cell')[2]!.textContent).toBe('75% (3 passed, 1 failed)');
});

test("a chart's table view shows the chart's numbers", async () => {
  await seeded();
  const { user } = await openStats();
  const section = document.querySelector<HTMLElement>('[data-section="buttons"]')!;
  const chart = within(section).getByRole('img', { name: /Times each answer button was pressed/ });
  // The young bar's tooltip: again + hard + good + easy = total.
  const titles = [...chart.querySelectorAll('title')].map((t) => t.textContent);
  expect(titles).toEqual(['Learning: 0 + 0 + 0 + 0 = 0', 'Young: 1 + 0 + 2 + 0 = 3', 'Mature: 0 + 0 + 1 + 0 = 1']);
  await user.click(within(section).getByRole('button', { name: 'Show as table' }));
  const table = within(section).getByRole('table');
  const young = within(table).getByRole('row', { name: /^Young/ });
  expect(
    within(young)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['1', '0', '2', '0', '66.7%']);
  const calendar = document.querySelector<HTMLElement>('[data-section="calendar"]')!;
  expect(within(calendar).getByRole('img', { name: 'Mar 2, 2026: 3 reviews' })).toBeTruthy();
  await user.click(within(calendar).getByRole('button', { name: 'Show as table' }));
  const rows = within(within(calendar).getByRole('table')).getAllByRole('row').slice(1);
  expect(rows.map((r) => r.textContent)).toEqual(['Mar 1, 2026' + '1', 'Mar 2, 2026' + '3']);
});

test('the page shows in Chinese with the same numbers', async () => {
  const { db } = await seeded();
  await db.settings.put({ key: 'study', value: { uiLang: 'zh', dayStartHour: 4 }, updatedAt: 1 });
  await openStats();
  expect(screen.getByText(/今天学习了 3 张卡片/)).toBeTruthy();
  expect(screen.getByRole('link', { name: '统计' }).getAttribute('aria-current')).toBe('page');
});
