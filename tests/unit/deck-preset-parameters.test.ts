// Issue #13: views of cards of several decks use each card's own deck's preset's parameters and desired retention
// (the browser's retrievability and `prop:r`, quiz readiness), not the default preset's.
import { default_w, forgetting_curve } from 'ts-fsrs';
import { defaultBook, presetWeightsOf, type PresetBook } from '../../src/domain/presets';
import { makePlan, predictReadiness, type ReadinessCard } from '../../src/domain/quiz/readiness';
import { retrievabilityNow } from '../../src/domain/search/match';
import { CardState, DEFAULT_SCHEDULER_SETTINGS, newMemory, type Memory } from '../../src/domain/scheduler';

const DAY = 86_400_000;
// Another forgetting curve than the defaults' (w20 0.1542 → 0.1: lower recall before the stability is reached).
const STEEP = default_w.map((w, i) => (i === 20 ? 0.1 : w));

function book(): PresetBook {
  const base = defaultBook();
  const own = { ...base.presets[0]!, id: 'steep', name: 'Steep', weights: STEEP, desiredRetention: 0.97 };
  return { presets: [...base.presets, own], decks: { hard: 'steep' } };
}

function reviewed(stability: number, lastReview: number): Memory {
  return { ...newMemory(new Date(lastReview)), state: CardState.Review, stability, difficulty: 5, reps: 3, lastReview };
}

test('presetWeightsOf gives each deck its preset’s parameters; retrievability follows them', () => {
  const weightsOf = presetWeightsOf(book());
  expect(weightsOf('hard')).toEqual(STEEP);
  expect(weightsOf('other')).toEqual([...default_w]);
  const card = { ...reviewed(10, 0), deckId: 'hard' } as unknown as Parameters<typeof retrievabilityNow>[0];
  const steep = retrievabilityNow(card, 30 * DAY, weightsOf('hard'))!;
  const plain = retrievabilityNow(card, 30 * DAY, weightsOf('other'))!;
  expect(steep).toBeCloseTo(forgetting_curve(STEEP, 30, 10), 10);
  expect(plain).toBeCloseTo(forgetting_curve([...default_w], 30, 10), 10);
  expect(steep).not.toBeCloseTo(plain, 3);
});

test('readiness and its plan use each card’s own scheduling: its curve and its desired retention', () => {
  const last = new Date(2026, 2, 1, 9).getTime();
  const at = new Date(2026, 2, 11, 12);
  const base = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };
  const steep = { ...base, weights: STEEP, desiredRetention: 0.97 };
  const cards: ReadinessCard[] = [
    { id: 'plain', memory: reviewed(30, last) },
    { id: 'steep', memory: reviewed(30, last), settings: steep },
  ];
  const r = new Map(predictReadiness(cards, at, base).cards.map((c) => [c.id, c.r]));
  expect(r.get('steep')!).toBeLessThan(r.get('plain')!);
  // Both above the default 0.9, only the steep card below its own 0.97: only it is planned.
  expect(r.get('plain')!).toBeGreaterThan(0.9);
  expect(r.get('steep')!).toBeGreaterThan(0.9);
  const plan = makePlan(cards, { now: new Date(2026, 2, 2, 10), date: '2026-03-11', dayStartHour: 4, settings: base })!;
  expect(plan.days.flatMap((d) => d.cardIds)).toEqual(['steep']);
});
