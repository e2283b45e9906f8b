// User settings with their defaults; stored settings pass through here so old or damaged data cannot break the app.
import * as z from 'zod/mini';
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

// ts-fsrs reads steps with parseInt: fractions or zero would be silently wrong, so only whole numbers from 1.
const step = z.string().check(z.regex(/^[1-9]\d*[mhd]$/, 'a step is a whole number from 1 and m, h or d, e.g. 10m'));
const lang = z.enum(['en', 'zh']);

export const studySettingsSchema = z.object({
  newPerDay: z.number().check(z.int(), z.minimum(0), z.maximum(9999)),
  reviewsPerDay: z.number().check(z.int(), z.minimum(0), z.maximum(99999)),
  dayStartHour: z.number().check(z.int(), z.minimum(0), z.maximum(23)),
  studyLang: lang,
  uiLang: lang,
});

export const schedulerSettingsSchema = z.object({
  desiredRetention: z.number().check(z.minimum(0.7), z.maximum(0.99)),
  learningSteps: z.array(step),
  relearningSteps: z.array(step),
  maximumInterval: z.number().check(z.int(), z.minimum(1), z.maximum(36500)),
  enableFuzz: z.boolean(),
  weights: z.array(z.number()).check(z.length(21)),
});

/** Fields of stored settings that are valid are kept; the rest fall back to defaults, field by field. */
function restore<T>(schema: z.ZodMiniObject, defaults: T, stored: unknown): T {
  if (typeof stored !== 'object' || stored === null) return defaults;
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, fieldSchema] of Object.entries(schema.def.shape)) {
    const value = (stored as Record<string, unknown>)[key];
    if (value !== undefined && (fieldSchema as z.ZodMiniType).safeParse(value).success) out[key] = value;
  }
  return out as T;
}

/** The scheduler settings for grading at `now`, with the user's day boundary applied. */
export function schedulerAt(settings: Settings, now: Date): SchedulerSettings {
  return { ...settings.scheduler, dayShiftMs: fsrsDayShift(now, settings.study.dayStartHour) };
}

export function restoreSettings(stored: { study?: unknown; scheduler?: unknown }): Settings {
  return {
    study: restore(studySettingsSchema, DEFAULT_SETTINGS.study, stored.study),
    scheduler: restore(schedulerSettingsSchema, DEFAULT_SETTINGS.scheduler, stored.scheduler),
  };
}

/** Validates settings the user is about to save; returns field → message for each problem. */
export function checkSettings(settings: Settings): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [part, schema] of [
    ['study', studySettingsSchema],
    ['scheduler', schedulerSettingsSchema],
  ] as const) {
    const r = schema.safeParse(settings[part]);
    if (!r.success) for (const issue of r.error.issues) problems[`${part}.${issue.path.join('.')}`] = issue.message;
  }
  return problems;
}
