// Pins the workload simulation: a tiny case checked by hand, the same seed giving the same days, and a higher
// retention always bringing more reviews; and the reschedule of a review card from its memory.
import { describe, expect, test } from 'vitest';
import { default_w } from 'ts-fsrs';
import { DEFAULT_PRESET, presetScheduler } from '../../src/domain/presets';
import { rescheduledMemory } from '../../src/domain/reschedule';
import { CardState, newMemory } from '../../src/domain/scheduler';
import { simulateWorkload, startWorkload, workloadSummary, type WorkloadInput } from '../../src/domain/workload';

const DAY = 86_400_000;
const today = new Date('2026-12-01T04:00:00').getTime();
const fresh = (n: number) => Array.from({ length: n }, () => ({ memory: newMemory(new Date(today)) }));
const input = (over: Partial<WorkloadInput>): WorkloadInput => ({
  cards: [],
  desiredRetention: 0.9,
  weights: default_w,
  maximumInterval: 36500,
  newPerDay: 10,
  learningSteps: 2,
  relearningSteps: 1,
  todayStart: today,
  days: 30,
  seed: 7,
  ...over,
});

describe('simulateWorkload', () => {
  test('by hand: one new card is learned today (1 answer + 2 steps), then due in 2 days (S0(Good) = 2.31)', () => {
    const w = simulateWorkload(input({ cards: fresh(1), days: 3 }));
    expect(w.perDay[0]).toBe(3);
    expect(w.perDay[1]).toBe(0);
    expect(w.perDay[2]).toBeGreaterThanOrEqual(1);
    expect(w.total).toBe(w.perDay.reduce((a, b) => a + b, 0));
  });

  test('no cards, no reviews; a review due after the horizon is never counted', () => {
    expect(simulateWorkload(input({})).total).toBe(0);
    const later = {
      ...newMemory(new Date(today)),
      state: CardState.Review,
      stability: 50,
      difficulty: 5,
      due: today + 40 * DAY,
      lastReview: today - 10 * DAY,
    };
    expect(simulateWorkload(input({ cards: [{ memory: later }] })).total).toBe(0);
  });

  test('seeded: the same input gives the same days; run in steps gives the same as at once', () => {
    const i = input({ cards: fresh(50), days: 120 });
    const whole = simulateWorkload(i);
    expect(simulateWorkload(i)).toEqual(whole);
    const run = startWorkload(i);
    let steps = 0;
    while (!run.step(7)) steps++;
    expect(steps).toBe(17);
    expect(run.result()).toEqual(whole);
    expect(workloadSummary(whole).firstMonth).toBe(whole.perDay.slice(0, 30).reduce((a, b) => a + b, 0));
  });

  test('a step simulates at most the cards it is given: 500 overdue cards on day 0 take several steps, same result', () => {
    const overdue = Array.from({ length: 500 }, (_, k) => ({
      memory: {
        state: CardState.Review,
        stability: 3 + (k % 20),
        difficulty: 5,
        due: today - (1 + (k % 30)) * DAY,
        lastReview: today - (10 + (k % 30)) * DAY,
      },
    }));
    const i = input({ cards: [...overdue, ...fresh(20)], days: 60 });
    const whole = simulateWorkload(i);
    expect(whole.perDay[0]).toBeGreaterThanOrEqual(500);
    const run = startWorkload(i);
    let steps = 1;
    while (!run.step(7, 37)) steps++;
    // Day 0 alone needs 14 steps of 37 cards; every card due later is counted too.
    expect(steps).toBeGreaterThan(500 / 37);
    expect(run.result()).toEqual(whole);
  });

  test('monotonic: a higher desired retention brings more reviews over a year', () => {
    const totals = [0.7, 0.8, 0.9, 0.97].map(
      (r) => simulateWorkload(input({ cards: fresh(300), days: 365, desiredRetention: r })).total,
    );
    for (let k = 1; k < totals.length; k++) expect(totals[k]!).toBeGreaterThan(totals[k - 1]!);
  });
});

describe('rescheduledMemory', () => {
  const review = {
    ...newMemory(new Date(today)),
    state: CardState.Review,
    stability: 20,
    difficulty: 5,
    scheduledDays: 20,
    due: today + 10 * DAY,
    lastReview: today - 10 * DAY,
  };

  test('the due date is the last review plus the interval the new retention gives; the memory stays', () => {
    const higher = rescheduledMemory(review, presetScheduler({ ...DEFAULT_PRESET, desiredRetention: 0.95 }))!;
    expect(higher.stability).toBe(20);
    expect(higher.scheduledDays).toBeLessThan(20);
    expect(higher.due).toBe(review.lastReview + higher.scheduledDays * DAY);
    // At 90 %, FSRS's interval is the stability itself.
    expect(rescheduledMemory(review, presetScheduler(DEFAULT_PRESET))).toBeNull();
  });

  test('new and learning cards are not rescheduled', () => {
    expect(rescheduledMemory(newMemory(new Date(today)), presetScheduler(DEFAULT_PRESET))).toBeNull();
  });
});
