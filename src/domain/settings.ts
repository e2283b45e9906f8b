// User settings with their defaults; stored settings pass through here so old or damaged data cannot break the app.
import './zod-config.ts';
import { z } from 'zod';
import type { StepUnit } from 'ts-fsrs';
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from './scheduler';
import { DEFAULT_QUEUE_LIMITS } from './queue';
import { LANGS, type Lang } from './text';
import { fsrsDayShift } from './day';

export interface StudySettings {
  newPerDay: number;
  reviewsPerDay: number;
  /** Hour (0–23, local time) at which a new study day starts. */
  dayStartHour: number;
  /** Language the cards are studied in; the other one is shown on demand. */
  studyLang: Lang;
  /** Language of the app itself. */
  uiLang: Lang;
  /** Light or dark colours, or whichever the system asks for (`prefers-color-scheme`). */
  theme: Theme;
}

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Settings {
  study: StudySettings;
  scheduler: SchedulerSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  study: {
    newPerDay: DEFAULT_QUEUE_LIMITS.newPerDay,
    reviewsPerDay: DEFAULT_QUEUE_LIMITS.reviewsPerDay,
    dayStartHour: 4,
    studyLang: 'en',
    uiLang: 'en',
    theme: 'system',
  },
  scheduler: DEFAULT_SCHEDULER_SETTINGS,
};

/**
 * What is wrong with a setting, as a code with its parameters: the settings screen puts it into words in the
 * user's language (domain holds no interface text).
 */
export type SettingsProblem =
  | { code: 'whole-number'; min: number; max: number }
  | { code: 'number'; min: number; max: number }
  | { code: 'one-of'; options: readonly string[] }
  | { code: 'true-or-false' }
  | { code: 'step' }
  | { code: 'steps' }
  | { code: 'weights'; count: number };

/** A field's schema, and the problem reported when a value fails it (`item`: when one element of a list does). */
interface Rule<T> {
  schema: z.ZodType<T>;
  problem: SettingsProblem;
  item?: SettingsProblem;
}

type Rules<T> = { [K in keyof T]-?: Rule<T[K]> };

const wholeNumber = (min: number, max: number): Rule<number> => ({
  schema: z.int().min(min).max(max),
  problem: { code: 'whole-number', min, max },
});
const number = (min: number, max: number): Rule<number> => ({
  // z.number() refuses NaN and ±Infinity.
  schema: z.number().min(min).max(max),
  problem: { code: 'number', min, max },
});
const lang = (): Rule<Lang> => ({ schema: z.enum(LANGS), problem: { code: 'one-of', options: LANGS } });
// ts-fsrs reads steps with parseInt: fractions or zero would be silently wrong, so only whole numbers from 1.
const STEP = /^[1-9]\d*[mhd]$/;
const steps = (): Rule<StepUnit[]> => ({
  schema: z.array(z.custom<StepUnit>((v) => typeof v === 'string' && STEP.test(v))),
  problem: { code: 'steps' },
  item: { code: 'step' },
});
const WEIGHT_COUNT = 21;

/** A fresh copy of a default, so that restored settings never share a list with DEFAULT_SETTINGS. */
const copy = <T>(value: T): T => (Array.isArray(value) ? ([...value] as T) : value);

/**
 * The schema stored settings are read with: each field that fails its rule (or is missing) falls back to its default
 * on its own, the rest is kept; a part that is not an object at all gives all the defaults. Unknown keys are dropped.
 */
function lenient<T extends object>(rules: Rules<T>, defaults: T): z.ZodType<T> {
  const shape = Object.fromEntries(
    Object.entries<Rule<unknown>>(rules).map(([key, rule]) => [
      key,
      rule.schema.catch(() => copy(defaults[key as keyof T])),
    ]),
  );
  const all = () => Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, copy(v)]));
  return z.object(shape).catch(all) as unknown as z.ZodType<T>;
}

const studyRules = (): Rules<StudySettings> => ({
  newPerDay: wholeNumber(0, 9999),
  reviewsPerDay: wholeNumber(0, 99999),
  dayStartHour: wholeNumber(0, 23),
  studyLang: lang(),
  uiLang: lang(),
  // Settings stored before there was a theme have none: they follow the system, as a first visit does.
  theme: { schema: z.enum(THEMES), problem: { code: 'one-of', options: THEMES } },
});

const schedulerRules = (): Rules<Omit<SchedulerSettings, 'dayShiftMs'>> => ({
  desiredRetention: number(0.7, 0.99),
  learningSteps: steps(),
  relearningSteps: steps(),
  maximumInterval: wholeNumber(1, 36500),
  enableFuzz: { schema: z.boolean(), problem: { code: 'true-or-false' } },
  weights: {
    schema: z.array(z.number()).length(WEIGHT_COUNT),
    problem: { code: 'weights', count: WEIGHT_COUNT },
  },
});

interface Schemas {
  rules: { study: Rules<StudySettings>; scheduler: Rules<Omit<SchedulerSettings, 'dayShiftMs'>> };
  stored: { study: z.ZodType<StudySettings>; scheduler: z.ZodType<SchedulerSettings> };
}
let made: Schemas | undefined;

// Made on first use, not when the module loads: an object schema reads Zod's `jitless` setting when it is made, and
// the app entry (main.tsx) sets it only after its imports, this module among them, have loaded.
function schemas(): Schemas {
  if (made) return made;
  const rules = { study: studyRules(), scheduler: schedulerRules() };
  made = {
    rules,
    stored: {
      study: lenient(rules.study, DEFAULT_SETTINGS.study),
      scheduler: lenient(rules.scheduler, DEFAULT_SETTINGS.scheduler),
    },
  };
  return made;
}

/** The scheduler settings for grading at `now`, with the user's day boundary applied. */
export function schedulerAt(settings: Settings, now: Date): SchedulerSettings {
  return { ...settings.scheduler, dayShiftMs: fsrsDayShift(now, settings.study.dayStartHour) };
}

/** Settings as read from storage: whatever is there, valid fields kept and the others at their defaults. */
export function restoreSettings(stored: { study?: unknown; scheduler?: unknown }): Settings {
  return {
    study: schemas().stored.study.parse(stored.study),
    scheduler: schemas().stored.scheduler.parse(stored.scheduler),
  };
}

/**
 * Validates settings the user is about to save: field path → problem, for each bad field (`study.newPerDay`), or
 * for each bad element of a list (`scheduler.learningSteps.1`).
 */
export function checkSettings(settings: Settings): Record<string, SettingsProblem> {
  const problems: Record<string, SettingsProblem> = {};
  const { rules: all } = schemas();
  const parts = [
    ['study', all.study],
    ['scheduler', all.scheduler],
  ] as const;
  for (const [part, rules] of parts) {
    const values = settings[part] as unknown as Record<string, unknown>;
    for (const [key, rule] of Object.entries<Rule<unknown>>(rules)) {
      const result = rule.schema.safeParse(values[key]);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        const index = issue.path[0];
        if (rule.item && typeof index === 'number') problems[`${part}.${key}.${index}`] = rule.item;
        else problems[`${part}.${key}`] = rule.problem;
      }
    }
  }
  return problems;
}
