// Pins stored global settings read through Zod field by field (one bad field falls back alone) and the problem codes
// of checkSettings; the scheduling options are the presets' (tests/unit/presets.test.ts).
import { describe, expect, test } from 'vitest';
import { DEFAULT_PRESET, presetScheduler } from '../../src/domain/presets';
import { DEFAULT_SETTINGS, checkSettings, restoreSettings, type StudySettings } from '../../src/domain/settings';

const good: StudySettings = { dayStartHour: 2, studyLang: 'zh', uiLang: 'zh', theme: 'dark' };

// For each field: values a stored row might hold that must not reach the app.
const BAD: Record<keyof StudySettings, unknown[]> = {
  dayStartHour: [24, -1, 1.5, '4', NaN, null],
  studyLang: ['fr', 'EN', 1, null],
  uiLang: ['fr', '', ['zh']],
  theme: ['night', 'Dark', '', 1, null, true],
};

const cases = Object.entries(BAD).flatMap(([key, values]) => values.map((v) => [key, v] as const));

describe('restoreSettings', () => {
  test('valid stored settings come back as they were', () => {
    expect(restoreSettings({ study: good }).study).toEqual(good);
  });

  test.each(cases)('one bad field (%s = %j) falls back to its default; every other field is kept', (key, value) => {
    const restored = restoreSettings({ study: { ...good, [key]: value } });
    expect(restored.study).toEqual({ ...good, [key]: DEFAULT_SETTINGS.study[key as keyof StudySettings] });
  });

  test('settings stored before there was a theme keep every field and follow the system', () => {
    const { theme: _, ...before } = good;
    expect(restoreSettings({ study: before }).study).toEqual({ ...good, theme: 'system' });
  });

  test('unknown keys are dropped (the daily limits moved to the presets)', () => {
    expect(restoreSettings({ study: { ...good, newPerDay: 7, extra: 1 } }).study).toEqual(good);
  });

  test("without stored presets, the scheduling is the default preset's", () => {
    for (const bad of [undefined, null, 'x', 3, [1, 2]])
      expect(restoreSettings({ study: bad, presets: bad })).toEqual(DEFAULT_SETTINGS);
    expect(restoreSettings({}).scheduler).toEqual(presetScheduler(DEFAULT_PRESET));
  });
});

describe('checkSettings', () => {
  test.each(cases)('%s = %j is refused exactly as restoreSettings would not keep it', (key, value) => {
    expect(Object.keys(checkSettings({ study: { ...good, [key]: value } as StudySettings }))).toEqual([`study.${key}`]);
  });

  test('problems are codes with their parameters, for the screen to put into words (no English from domain)', () => {
    expect(checkSettings({ study: { ...good, dayStartHour: 24, uiLang: 'fr' as 'en' } })).toEqual({
      'study.dayStartHour': { code: 'whole-number', min: 0, max: 23 },
      'study.uiLang': { code: 'one-of', options: ['en', 'zh'] },
    });
    expect(checkSettings({ study: good })).toEqual({});
  });
});
