// User settings with their defaults; stored settings pass through here so old or damaged data cannot break the app.
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from './scheduler';
import { DEFAULT_QUEUE_LIMITS } from './queue';
import type { Lang } from './text';
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
}

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
  },
  scheduler: DEFAULT_SCHEDULER_SETTINGS,
};

// Settings are checked by hand rather than with Zod: they are read at start-up, and the review screen should
// not carry a schema library for eleven fields. Each check returns a message, or null when the value is good.
type Check = (value: unknown) => string | null;
type Problem = { path: string; message: string };

const int =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? null
      : `must be a whole number from ${min} to ${max}`;
const num =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
      ? null
      : `must be a number from ${min} to ${max}`;
const oneOf =
  (...options: string[]): Check =>
  (v) =>
    typeof v === 'string' && options.includes(v) ? null : `must be one of ${options.join(', ')}`;
const bool: Check = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
// ts-fsrs reads steps with parseInt: fractions or zero would be silently wrong, so only whole numbers from 1.
const STEP_MESSAGE = 'a step is a whole number from 1 and m, h or d, e.g. 10m';
const steps = (v: unknown, path: string): Problem[] =>
  Array.isArray(v)
    ? v.flatMap((x, i) =>
        typeof x === 'string' && /^[1-9]\d*[mhd]$/.test(x) ? [] : [{ path: `${path}.${i}`, message: STEP_MESSAGE }],
      )
    : [{ path, message: 'must be a list of steps' }];
const weights = (v: unknown, path: string): Problem[] =>
  Array.isArray(v) && v.length === 21 && v.every((x) => typeof x === 'number' && Number.isFinite(x))
    ? []
    : [{ path, message: 'must be 21 numbers' }];

type FieldCheck = (value: unknown, path: string) => Problem[];
const field =
  (check: Check): FieldCheck =>
  (value, path) => {
    const message = check(value);
    return message === null ? [] : [{ path, message }];
  };

const STUDY_FIELDS: Record<keyof StudySettings, FieldCheck> = {
  newPerDay: field(int(0, 9999)),
  reviewsPerDay: field(int(0, 99999)),
  dayStartHour: field(int(0, 23)),
  studyLang: field(oneOf('en', 'zh')),
  uiLang: field(oneOf('en', 'zh')),
};

const SCHEDULER_FIELDS: Record<Exclude<keyof SchedulerSettings, 'dayShiftMs'>, FieldCheck> = {
  desiredRetention: field(num(0.7, 0.99)),
  learningSteps: steps,
  relearningSteps: steps,
  maximumInterval: field(int(1, 36500)),
  enableFuzz: field(bool),
  weights,
};

/** Fields of stored settings that are valid are kept; the rest fall back to defaults, field by field. */
function restore<T>(fields: Record<string, FieldCheck>, defaults: T, stored: unknown): T {
  if (typeof stored !== 'object' || stored === null) return defaults;
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, check] of Object.entries(fields)) {
    const value = (stored as Record<string, unknown>)[key];
    if (value !== undefined && check(value, key).length === 0) out[key] = value;
  }
  return out as T;
}

/** The scheduler settings for grading at `now`, with the user's day boundary applied. */
export function schedulerAt(settings: Settings, now: Date): SchedulerSettings {
  return { ...settings.scheduler, dayShiftMs: fsrsDayShift(now, settings.study.dayStartHour) };
}

export function restoreSettings(stored: { study?: unknown; scheduler?: unknown }): Settings {
  return {
    study: restore(STUDY_FIELDS, DEFAULT_SETTINGS.study, stored.study),
    scheduler: restore(SCHEDULER_FIELDS, DEFAULT_SETTINGS.scheduler, stored.scheduler),
  };
}

/** Validates settings the user is about to save; returns field → message for each problem. */
export function checkSettings(settings: Settings): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [part, fields] of [
    ['study', STUDY_FIELDS],
    ['scheduler', SCHEDULER_FIELDS],
  ] as const) {
    const values = settings[part] as unknown as Record<string, unknown>;
    for (const [key, check] of Object.entries(fields) as [string, FieldCheck][]) {
      for (const p of check(values[key], `${part}.${key}`)) problems[p.path] = p.message;
    }
  }
  return problems;
}
