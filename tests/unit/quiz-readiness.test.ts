// Readiness for an interview date against hand-computed FSRS-6 retrievability, and the plan that raises it.
import { CardState, DEFAULT_SCHEDULER_SETTINGS, newMemory, type Memory } from '../../src/domain/scheduler';
import {
  interviewMoment,
  makePlan,
  planDays,
  predictReadiness,
  recallAfterReview,
  type ReadinessCard,
} from '../../src/domain/quiz/readiness';

const DAY = 86_400_000;
const settings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };

/**
 * FSRS-6 forgetting curve, by hand: R(t, S) = (1 + F·t/S)^(−w20), F = 0.9^(−1/w20) − 1, t in whole days since the last
 * review. With the default w20 = 0.1542, F = 0.98034649…, and R(S, S) = 0.9.
 */
const W20 = 0.1542;
const F = 0.9 ** (-1 / W20) - 1;
const byHand = (t: number, s: number) => (1 + (F * t) / s) ** -W20;

function reviewed(stability: number, lastReview: number): Memory {
  return {
    ...newMemory(new Date(lastReview)),
    state: CardState.Review,
    stability,
    difficulty: 5,
    reps: 3,
    lastReview,
    due: lastReview + stability * DAY,
    scheduledDays: stability,
  };
}

describe('predicted recall at the date', () => {
  // Last reviews at 9:00, the interview at noon: 20 whole days and 3 hours later (a DST change moves it by an hour).
  const last = new Date(2026, 2, 1, 9).getTime();
  const at = interviewMoment('2026-03-21')!;

  test('the formula by hand agrees with the numbers quoted', () => {
    expect(F).toBeCloseTo(0.98034649, 7);
    expect(byHand(10, 10)).toBeCloseTo(0.9, 10);
    expect(byHand(20, 10)).toBeCloseTo(0.84588465, 7);
  });

  test('each card is its FSRS retrievability at noon on the date; new cards count as 0; the share is the mean', () => {
    const cards: ReadinessCard[] = [
      { id: 'weak', memory: reviewed(10, last) },
      { id: 'strong', memory: reviewed(100, last) },
      { id: 'new', memory: newMemory(new Date(last)) },
    ];
    const r = predictReadiness(cards, at, settings);
    expect(r.at).toBe(new Date(2026, 2, 21, 12).getTime());
    expect(r.cards.map((c) => c.id)).toEqual(['new', 'weak', 'strong']);
    const [fresh, weak, strong] = r.cards;
    expect(fresh!.r).toBe(0);
    expect(weak!.r).toBeCloseTo(byHand(20, 10), 6);
    expect(weak!.r).toBeCloseTo(0.84588465, 6);
    expect(strong!.r).toBeCloseTo(byHand(20, 100), 6);
    expect(r.share).toBeCloseTo((byHand(20, 10) + byHand(20, 100)) / 3, 6);
  });

  test('an empty scope predicts 0', () => {
    expect(predictReadiness([], at, settings).share).toBe(0);
  });

  test('interview dates: noon local time; not a date is null', () => {
    expect(interviewMoment('2026-03-21')?.getHours()).toBe(12);
    expect(interviewMoment('2026-02-30')).toBeNull();
    expect(interviewMoment('21/03/2026')).toBeNull();
  });

  test('a new card learned three days before the date: good gives the first stability w2, recall by hand', () => {
    const reviewAt = new Date(2026, 2, 18, 12);
    const r = recallAfterReview({ id: 'n', memory: newMemory(reviewAt) }, reviewAt, at, settings);
    expect(r).toBeCloseTo(byHand(3, 2.3065), 6);
  });
});

describe('the plan', () => {
  const now = new Date(2026, 2, 10, 10);
  const last = new Date(2026, 2, 1, 9).getTime();
  const cards: ReadinessCard[] = [
    ...[1, 2, 3, 5, 8, 13, 21].map((s) => ({ id: `s${s}`, memory: reviewed(s, last) })),
    { id: 'solid', memory: reviewed(400, last) },
    { id: 'new-a', memory: newMemory(now) },
    { id: 'new-b', memory: newMemory(now) },
  ];
  const opts = { now, date: '2026-03-14', dayStartHour: 4, settings };

  test('study days run from today to the day before the interview', () => {
    expect(planDays(now, interviewMoment('2026-03-14')!, 4).map((d) => d.day)).toEqual([
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
    ]);
    // Today's reviews are assumed now if noon has passed, otherwise at noon.
    expect(
      planDays(new Date(2026, 2, 10, 15), interviewMoment('2026-03-12')!, 4).map((d) => d.reviewAt.getHours()),
    ).toEqual([15, 12]);
    expect(planDays(now, interviewMoment('2026-03-10')!, 4).map((d) => d.day)).toEqual(['2026-03-10']);
  });

  test('every card below the target, weakest first, spread evenly; following it raises the prediction', () => {
    const plan = makePlan(cards, opts)!;
    const at = interviewMoment('2026-03-14')!;
    const r = predictReadiness(cards, at, settings);
    const weak = r.cards.filter((c) => c.r < 0.9).map((c) => c.id);
    expect(weak).not.toContain('solid');
    expect(weak.slice(0, 2).sort()).toEqual(['new-a', 'new-b']);
    expect(plan.days.map((d) => d.day)).toEqual(
      ['2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'].slice(0, plan.days.length),
    );
    expect(plan.days.flatMap((d) => d.cardIds)).toEqual(weak);
    const sizes = plan.days.map((d) => d.cardIds.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(plan.share).toBeCloseTo(r.share, 10);
    expect(plan.projectedShare).toBeGreaterThan(plan.share);
    expect(plan.leftOut).toBe(0);
  });

  test('a daily cap leaves the rest out and says how many', () => {
    const plan = makePlan(cards, { ...opts, maxPerDay: 1 })!;
    expect(plan.days.map((d) => d.cardIds.length)).toEqual([1, 1, 1, 1]);
    expect(plan.leftOut).toBe(
      plan.days.length === 4
        ? predictReadiness(cards, interviewMoment('2026-03-14')!, settings).cards.filter((c) => c.r < 0.9).length - 4
        : -1,
    );
  });

  test('no plan for a date that has passed or is not a date', () => {
    expect(makePlan(cards, { ...opts, date: '2026-03-09' })).toBeNull();
    expect(makePlan(cards, { ...opts, date: 'soon' })).toBeNull();
  });
});
