// Review log → the FSRS optimizer's CSV: its columns, integer card ids with a mapping back, ms times, 1–4, 0–3.
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { exportReviewLogCsv } from '../../src/db/export-repo';
import { answerCard } from '../../src/db/review-repo';
import { reviewLogsToFsrsCsv } from '../../src/formats/csv/fsrs-log';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import { ALL_KINDS } from './export-fixtures';

test('columns, integer ids numbered by card id, rows by time; rating 1–4, state before the answer 0–3, duration ms', () => {
  const { csv, cards } = reviewLogsToFsrsCsv([
    { cardId: 'd/b', rating: 'good', review: 2000, state: 2, durationMs: 3100.4 },
    { cardId: 'd/a', rating: 'again', review: 1000, state: 0, durationMs: 5000 },
    { cardId: 'd/a', rating: 'easy', review: 3000, state: 3, durationMs: -5 },
    { cardId: 'd/c', rating: 'hard', review: 3000, state: 1, durationMs: 0 },
  ]);
  expect(csv).toBe(
    [
      'card_id,review_time,review_rating,review_state,review_duration',
      '1,1000,1,0,5000',
      '2,2000,3,2,3100',
      '1,3000,4,3,0',
      '3,3000,2,1,0',
      '',
    ].join('\n'),
  );
  expect(cards).toEqual([
    { cardId: 1, id: 'd/a' },
    { cardId: 2, id: 'd/b' },
    { cardId: 3, id: 'd/c' },
  ]);
  expect(reviewLogsToFsrsCsv([]).csv).toBe('card_id,review_time,review_rating,review_state,review_duration\n');
});

test('from the database: all logs, or one deck’s', async () => {
  const db = new DockdeckDB(`fsrs-csv-${Math.random().toString(36).slice(2)}`);
  const t0 = Date.UTC(2026, 2, 2, 10);
  await upsertDeck(db, ALL_KINDS, expandDeck(ALL_KINDS), { hash: 'h', builtin: false, now: t0 });
  const opts = { durationMs: 1500, settings: DEFAULT_SCHEDULER_SETTINGS };
  await answerCard(db, 'all-kinds/b', 'good', new Date(t0 + 1000), opts);
  await answerCard(db, 'all-kinds/m', 'again', new Date(t0 + 2000), opts);
  await db.reviewLogs.add({
    ...(await db.reviewLogs.toArray())[0]!,
    id: 'other',
    deckId: 'other',
    cardId: 'other/x',
    review: t0,
  });
  const all = await exportReviewLogCsv(db);
  expect(all.csv.trim().split('\n')).toHaveLength(4);
  expect(all.fileName).toBe('dockdeck-revlog.csv');
  const one = await exportReviewLogCsv(db, 'all-kinds');
  expect(one.csv.trim().split('\n').slice(1)).toEqual([`1,${t0 + 1000},3,0,1500`, `2,${t0 + 2000},1,0,1500`]);
  expect(one.cards.map((c) => c.id)).toEqual(['all-kinds/b', 'all-kinds/m']);
  await db.delete();
});
