// User settings with their defaults; stored settings pass through here so old or damaged data cannot break the app.
// The global part (languages, theme, day start) is here; what schedules and counts lives in the presets (presets.ts).
import './zod-config.ts';
import type { z } from 'zod';
import type { SchedulerSettings } from './scheduler';
import type { QueueLimits } from './queue';
import { LANGS, type Lang } from './text';
import { fsrsDayShift } from './day';
import {
  defaultBook,
  defaultPreset,
  presetLimits,
  presetOfDeck,
  presetScheduler,
  restorePresetBook,
  type PresetBook,
} from './presets';
import { lenient, oneOf, problemsOf, wholeNumber, type Rules, type SettingsProblem } from './setting-rules';

export type { SettingsProblem } from './setting-rules';

export interface StudySettings {
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
  /** The presets and which deck uses which. */
  presets: PresetBook;
  /**
   * The default preset's scheduling, derived from `presets` (never stored apart): for views that show cards of no
   * one deck's preset. Whatever knows the deck uses `schedulerAt(settings, now, deckId)`.
   */
  scheduler: SchedulerSettings;
}

/** Settings made from their parts, `scheduler` derived from the presets. */
export function makeSettings(study: StudySettings, presets: PresetBook): Settings {
  return { study, presets, scheduler: presetScheduler(defaultPreset(presets)) };
}

export const DEFAULT_STUDY_SETTINGS: StudySettings = {
  dayStartHour: 4,
  studyLang: 'en',
  uiLang: 'en',
  theme: 'system',
};

export const DEFAULT_SETTINGS: Settings = makeSettings(DEFAULT_STUDY_SETTINGS, defaultBook());

const studyRules = (): Rules<StudySettings> => ({
  dayStartHour: wholeNumber(0, 23),
  studyLang: oneOf(LANGS),
  uiLang: oneOf(LANGS),
  // Settings stored before there was a theme have none: they follow the system, as a first visit does.
  theme: oneOf(THEMES),
});

let made: { rules: Rules<StudySettings>; stored: z.ZodType<StudySettings> } | undefined;

// Made on first use, not when the module loads: an object schema reads Zod's `jitless` setting when it is made, and
// the app entry (main.tsx) sets it only after its imports, this module among them, have loaded.
function schemas() {
  made ??= { rules: studyRules(), stored: lenient(studyRules(), DEFAULT_STUDY_SETTINGS) };
  return made;
}

/**
 * The scheduler settings for grading at `now`, with the user's day boundary applied: the deck's preset's, or the
 * default preset's when no deck is given.
 */
export function schedulerAt(settings: Settings, now: Date, deckId?: string): SchedulerSettings {
  const base = deckId === undefined ? settings.scheduler : presetScheduler(presetOfDeck(settings.presets, deckId));
  return { ...base, dayShiftMs: fsrsDayShift(now, settings.study.dayStartHour) };
}

/** A deck's daily limits, from its preset. */
export function limitsOf(settings: Settings, deckId: string): QueueLimits {
  return presetLimits(presetOfDeck(settings.presets, deckId));
}

/** Settings as read from storage: whatever is there, valid fields kept and the others at their defaults. */
export function restoreSettings(stored: { study?: unknown; presets?: unknown }): Settings {
  return makeSettings(schemas().stored.parse(stored.study), restorePresetBook(stored.presets));
}

/** Validates the global settings the user is about to save: field path → problem (`study.dayStartHour`). */
export function checkSettings(settings: Pick<Settings, 'study'>): Record<string, SettingsProblem> {
  return problemsOf(schemas().rules, settings.study, 'study');
}
