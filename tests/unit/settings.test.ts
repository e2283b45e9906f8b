// Pins stored settings read through Zod field by field (one bad field falls back alone) and the problem codes of checkSettings.
import { describe, expect, test } from 'vitest';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { DEFAULT_SETTINGS, checkSettings, restoreSettings, type Settings } from '../../src/domain/settings';

const good: Settings = {
  study: { newPerDay: 7, reviewsPerDay: 70, dayStartHour: 2, studyLang: 'zh', uiLang: 'zh', theme: 'dark' },
  scheduler: {
    ...DEFAULT_SCHEDULER_SETTINGS,
    desiredRetention: 0.85,
    learningSteps: ['5m', '1h'],
    relearningSteps: ['30m'],
    maximumInterval: 365,
    enableFuzz: false,
    weights: Array.from({ length: 21 }, (_, i) => i / 10),
  },
};

// For each field: values a stored row might hold that must not reach the app.
const BAD: Record<string, unknown[]> = {
  'study.newPerDay': [-1, 3.5, 10_000, '20', NaN, null, Infinity],
  'study.reviewsPerDay': [-5, 100_000, '9', true],
  'study.dayStartHour': [24, -1, 1.5, '4'],
  'study.studyLang': ['fr', 'EN', 1, null],
  'study.uiLang': ['fr', '', ['zh']],
  'study.theme': ['night', 'Dark', '', 1, null, true],
  'scheduler.desiredRetention': [0.5, 1, NaN, '0.9', Infinity],
  'scheduler.learningSteps': ['1m 10m', ['1.5h'], ['0m'], ['10x'], [10], null],
  'scheduler.relearningSteps': [{}, ['soon'], ['-1m']],
  'scheduler.maximumInterval': [0, 36_501, 1.5],
  'scheduler.enableFuzz': ['yes', 1, null],
  'scheduler.weights': [[1, 2, 3], Array(21).fill('1'), [...Array(20).fill(1), NaN], 'w'],
};

function withField(path: string, value: unknown): { study: unknown; scheduler: unknown } {
  const [part, key] = path.split('.') as ['study' | 'scheduler', string];
  const stored = { study: { ...good.study }, scheduler: { ...good.scheduler } } as Record<
    string,
    Record<string, unknown>
  >;
  stored[part]![key] = value;
  return stored as { study: unknown; scheduler: unknown };
}

const defaultOf = (path: string) => {
  const [part, key] = path.split('.') as ['study' | 'scheduler', string];
  return (DEFAULT_SETTINGS[part] as unknown as Record<string, unknown>)[key];
};

describe('restoreSettings', () => {
  test('valid stored settings come back as they were', () => {
    expect(restoreSettings({ study: good.study, scheduler: good.scheduler })).toEqual(good);
  });

  test.each(Object.entries(BAD).flatMap(([path, values]) => values.map((v) => [path, v] as const)))(
    'one bad field (%s = %j) falls back to its default; every other field is kept',
    (path, value) => {
      const restored = restoreSettings(withField(path, value));
      const expected = withField(path, defaultOf(path));
      expect(restored).toEqual(expected);
    },
  );

  test('a missing field takes its default, the fields that are there are kept', () => {
    const { newPerDay: _, ...study } = good.study;
    expect(restoreSettings({ study, scheduler: good.scheduler }).study).toEqual({
      ...good.study,
      newPerDay: DEFAULT_SETTINGS.study.newPerDay,
    });
  });

  test('settings stored before there was a theme keep every field and follow the system', () => {
    const { theme: _, ...before } = good.study;
    expect(restoreSettings({ study: before, scheduler: good.scheduler })).toEqual({
      ...good,
      study: { ...good.study, theme: 'system' },
    });
  });

  test('unknown keys are dropped, and the day shift (worked out at each answer) is never read from storage', () => {
    const restored = restoreSettings({
      study: { ...good.study, extra: 1 },
      scheduler: { ...good.scheduler, dayShiftMs: 5, x: 'y' },
    });
    expect(restored).toEqual(good);
    expect('dayShiftMs' in restored.scheduler).toBe(false);
  });

  test('parts that are not objects give all their defaults, as copies that do not share lists with DEFAULT_SETTINGS', () => {
    for (const bad of [undefined, null, 'x', 3, [1, 2]]) {
      expect(restoreSettings({ study: bad, scheduler: bad })).toEqual(DEFAULT_SETTINGS);
    }
    const a = restoreSettings({});
    a.scheduler.weights.push(99);
    a.scheduler.learningSteps.push('3d');
    expect(DEFAULT_SETTINGS.scheduler.weights).toHaveLength(21);
    expect(DEFAULT_SETTINGS.scheduler.learningSteps).toEqual(['1m', '10m']);
    const b = restoreSettings({ scheduler: { learningSteps: 'bad' } });
    expect(b.scheduler.learningSteps).not.toBe(DEFAULT_SETTINGS.scheduler.learningSteps);
  });
});

describe('checkSettings', () => {
  test('a field is refused by checkSettings exactly when restoreSettings would not keep it', () => {
    for (const [path, values] of Object.entries(BAD)) {
      for (const value of values) {
        const problems = checkSettings(withField(path, value) as Settings);
        expect(
          Object.keys(problems).some((p) => p === path || p.startsWith(`${path}.`)),
          `${path} = ${value}`,
        ).toBe(true);
      }
    }
    expect(checkSettings(good)).toEqual({});
  });

  test('problems are codes with their parameters, for the screen to put into words (no English from domain)', () => {
    const problems = checkSettings({
      study: { ...good.study, newPerDay: -1, uiLang: 'fr' as 'en' },
      scheduler: {
        ...good.scheduler,
        desiredRetention: NaN,
        learningSteps: ['5m', '10x', '1.5h'] as unknown as Settings['scheduler']['learningSteps'],
        relearningSteps: 'soon' as unknown as Settings['scheduler']['relearningSteps'],
        enableFuzz: 'yes' as unknown as boolean,
        weights: [1, 2],
      },
    });
    expect(problems).toEqual({
      'study.newPerDay': { code: 'whole-number', min: 0, max: 9999 },
      'study.uiLang': { code: 'one-of', options: ['en', 'zh'] },
      'scheduler.desiredRetention': { code: 'number', min: 0.7, max: 0.99 },
      'scheduler.learningSteps.1': { code: 'step' },
      'scheduler.learningSteps.2': { code: 'step' },
      'scheduler.relearningSteps': { code: 'steps' },
      'scheduler.enableFuzz': { code: 'true-or-false' },
      'scheduler.weights': { code: 'weights', count: 21 },
    });
    for (const p of Object.values(problems)) expect(Object.keys(p)).not.toContain('message');
  });
});
