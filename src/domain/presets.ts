// Deck options presets, as Anki's: named sets of scheduling options (retention, FSRS parameters, steps, daily limits,
// orders, burying); one is the default and cannot be deleted, and each deck uses one (the default unless assigned).
import './zod-config.ts';
import type { z } from 'zod';
import { default_w } from 'ts-fsrs';
import { DEFAULT_QUEUE_LIMITS, type QueueLimits } from './queue';
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from './scheduler';
import {
  copy,
  lenient,
  number,
  oneOf,
  problemsOf,
  steps,
  trueOrFalse,
  weights,
  wholeNumber,
  type Rules,
  type SettingsProblem,
} from './setting-rules';

export const NEW_ORDERS = ['deck', 'random'] as const;
export type NewOrder = (typeof NEW_ORDERS)[number];
export const REVIEW_ORDERS = ['due', 'retrievability'] as const;
export type ReviewOrder = (typeof REVIEW_ORDERS)[number];

/** What a preset decides about its decks' study. */
export interface PresetOptions {
  desiredRetention: number;
  /** FSRS-6 parameters (21 numbers). */
  weights: number[];
  learningSteps: SchedulerSettings['learningSteps'];
  relearningSteps: SchedulerSettings['relearningSteps'];
  newPerDay: number;
  reviewsPerDay: number;
  maximumInterval: number;
  enableFuzz: boolean;
  /** ts-fsrs `enable_short_term`: learning steps and same-day reviews count; off, every answer schedules in days. */
  enableShortTerm: boolean;
  /** New cards in the deck's order, or shuffled (a stable order for each study day). */
  newOrder: NewOrder;
  /** Due reviews oldest due first, or the ones most likely forgotten (lowest retrievability) first. */
  reviewOrder: ReviewOrder;
  /** When a card is answered, its note's other new and review cards wait until the next study day (Anki's bury). */
  burySiblings: boolean;
}

export interface Preset extends PresetOptions {
  id: string;
  /** The user's name for it; the default preset's may be empty (shown as "Default" in the user's language). */
  name: string;
}

/** Every preset and which deck uses which; a deck not listed uses the default. */
export interface PresetBook {
  presets: Preset[];
  decks: Record<string, string>;
}

export const DEFAULT_PRESET_ID = 'default';
/** The settings row (key) that holds the presets and which deck uses which (since database version 9). */
export const PRESETS_KEY = 'presets';
export const MAX_PRESET_NAME = 60;

export const DEFAULT_PRESET_OPTIONS: PresetOptions = {
  desiredRetention: DEFAULT_SCHEDULER_SETTINGS.desiredRetention,
  weights: [...default_w],
  learningSteps: [...DEFAULT_SCHEDULER_SETTINGS.learningSteps],
  relearningSteps: [...DEFAULT_SCHEDULER_SETTINGS.relearningSteps],
  newPerDay: DEFAULT_QUEUE_LIMITS.newPerDay,
  reviewsPerDay: DEFAULT_QUEUE_LIMITS.reviewsPerDay,
  maximumInterval: DEFAULT_SCHEDULER_SETTINGS.maximumInterval,
  enableFuzz: DEFAULT_SCHEDULER_SETTINGS.enableFuzz,
  enableShortTerm: true,
  newOrder: 'deck',
  reviewOrder: 'due',
  burySiblings: false,
};

export const DEFAULT_PRESET: Preset = { id: DEFAULT_PRESET_ID, name: '', ...DEFAULT_PRESET_OPTIONS };

export function defaultBook(): PresetBook {
  return { presets: [copyPreset(DEFAULT_PRESET)], decks: {} };
}

function copyPreset(p: Preset): Preset {
  return {
    ...p,
    weights: [...p.weights],
    learningSteps: [...p.learningSteps],
    relearningSteps: [...p.relearningSteps],
  };
}

const optionRules = (): Rules<PresetOptions> => ({
  desiredRetention: number(0.7, 0.99),
  weights: weights(),
  learningSteps: steps(),
  relearningSteps: steps(),
  newPerDay: wholeNumber(0, 9999),
  reviewsPerDay: wholeNumber(0, 99999),
  maximumInterval: wholeNumber(1, 36500),
  enableFuzz: trueOrFalse(),
  enableShortTerm: trueOrFalse(),
  newOrder: oneOf(NEW_ORDERS),
  reviewOrder: oneOf(REVIEW_ORDERS),
  burySiblings: trueOrFalse(),
});

let made: { rules: Rules<PresetOptions>; stored: z.ZodType<PresetOptions> } | undefined;

// Made on first use, not at load: an object schema reads Zod's `jitless` setting when it is made (see settings.ts).
function schemas() {
  made ??= { rules: optionRules(), stored: lenient(optionRules(), DEFAULT_PRESET_OPTIONS) };
  return made;
}

/** A preset's options as read from storage: valid fields kept, the others at their defaults. */
export function restorePresetOptions(stored: unknown): PresetOptions {
  const out = schemas().stored.parse(stored);
  return { ...out, weights: copy(out.weights) };
}

function restorePreset(stored: unknown): Preset | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { id, name } = stored as { id?: unknown; name?: unknown };
  if (typeof id !== 'string' || id === '') return null;
  const cleanName = typeof name === 'string' ? name.trim().slice(0, MAX_PRESET_NAME) : '';
  return { id, name: cleanName, ...restorePresetOptions(stored) };
}

/**
 * The presets as read from storage: each kept preset's options restored field by field, presets without an id (or
 * with one seen before) dropped, the default put back first if it is missing, and assignments to presets that do
 * not exist dropped (those decks use the default).
 */
export function restorePresetBook(stored: unknown): PresetBook {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as { presets?: unknown; decks?: unknown };
  const seen = new Set<string>();
  const presets: Preset[] = [];
  for (const raw of Array.isArray(value.presets) ? value.presets : []) {
    const p = restorePreset(raw);
    if (!p || seen.has(p.id)) continue;
    seen.add(p.id);
    presets.push(p);
  }
  const at = presets.findIndex((p) => p.id === DEFAULT_PRESET_ID);
  const fallback = at >= 0 ? presets.splice(at, 1)[0]! : copyPreset(DEFAULT_PRESET);
  presets.unshift(fallback);
  const decks: Record<string, string> = {};
  if (typeof value.decks === 'object' && value.decks !== null) {
    for (const [deckId, presetId] of Object.entries(value.decks)) {
      if (typeof presetId === 'string' && presetId !== DEFAULT_PRESET_ID && seen.has(presetId))
        decks[deckId] = presetId;
    }
  }
  return { presets, decks };
}

/**
 * What is wrong with presets the user is about to save: `<presetId>.<field>` → problem (`<presetId>.learningSteps.1`
 * for one bad step); a preset other than the default needs a name.
 */
export function checkPresetBook(book: PresetBook): Record<string, SettingsProblem> {
  let problems: Record<string, SettingsProblem> = {};
  for (const p of book.presets) {
    problems = { ...problems, ...problemsOf(schemas().rules, p, p.id) };
    const name = p.name.trim();
    if ((name === '' && p.id !== DEFAULT_PRESET_ID) || name.length > MAX_PRESET_NAME)
      problems[`${p.id}.name`] = { code: 'name' };
  }
  return problems;
}

export function defaultPreset(book: PresetBook): Preset {
  return book.presets.find((p) => p.id === DEFAULT_PRESET_ID) ?? DEFAULT_PRESET;
}

/** The preset a deck uses: its own, or the default. */
export function presetOfDeck(book: PresetBook, deckId: string): Preset {
  const id = book.decks[deckId];
  return (id && book.presets.find((p) => p.id === id)) || defaultPreset(book);
}

/**
 * Each deck's preset's FSRS parameters, looked up once per deck: for views of cards of many decks (the browser's
 * retrievability, card info, a search's `prop:r`), so that a card's recall is its own deck's forgetting curve.
 */
export function presetWeightsOf(book: PresetBook): (deckId: string) => readonly number[] {
  const byDeck = new Map<string, readonly number[]>();
  return (deckId) => {
    let w = byDeck.get(deckId);
    if (w === undefined) byDeck.set(deckId, (w = presetOfDeck(book, deckId).weights));
    return w;
  };
}

/** The decks of `deckIds` that use the preset. */
export function decksOfPreset(book: PresetBook, presetId: string, deckIds: readonly string[]): string[] {
  return deckIds.filter((d) => presetOfDeck(book, d).id === presetId);
}

/** The scheduler settings a preset grades with (the day shift is added at the moment of grading). */
export function presetScheduler(p: PresetOptions): SchedulerSettings {
  return {
    desiredRetention: p.desiredRetention,
    learningSteps: p.learningSteps,
    relearningSteps: p.relearningSteps,
    maximumInterval: p.maximumInterval,
    enableFuzz: p.enableFuzz,
    enableShortTerm: p.enableShortTerm,
    weights: p.weights,
  };
}

export function presetLimits(p: PresetOptions): QueueLimits {
  return { ...DEFAULT_QUEUE_LIMITS, newPerDay: p.newPerDay, reviewsPerDay: p.reviewsPerDay };
}

/** A new preset, a copy of the default's options, under a new id and name. */
export function addPreset(book: PresetBook, id: string, name: string): PresetBook {
  const base = copyPreset(defaultPreset(book));
  return { ...book, presets: [...book.presets, { ...base, id, name }] };
}

/** Removes a preset (never the default); its decks fall back to the default. */
export function removePreset(book: PresetBook, id: string): PresetBook {
  if (id === DEFAULT_PRESET_ID) return book;
  const decks = Object.fromEntries(Object.entries(book.decks).filter(([, p]) => p !== id));
  return { presets: book.presets.filter((p) => p.id !== id), decks };
}

export function updatePreset(book: PresetBook, id: string, change: Partial<Omit<Preset, 'id'>>): PresetBook {
  return { ...book, presets: book.presets.map((p) => (p.id === id ? { ...p, ...change } : p)) };
}

/** Lets a deck use a preset (the default: the deck's entry goes). */
export function assignDeck(book: PresetBook, deckId: string, presetId: string): PresetBook {
  const { [deckId]: _, ...rest } = book.decks;
  return { ...book, decks: presetId === DEFAULT_PRESET_ID ? rest : { ...rest, [deckId]: presetId } };
}

/** Whether the change from `before` to `after` moves reviews' due dates: the retention or the parameters changed. */
export function changesSchedule(before: PresetOptions, after: PresetOptions): boolean {
  return (
    before.desiredRetention !== after.desiredRetention ||
    before.weights.length !== after.weights.length ||
    before.weights.some((w, i) => w !== after.weights[i])
  );
}

/**
 * The data change of database version 9: the old global study settings' daily limits and the old scheduler settings
 * become the default preset; the rest of the study settings (languages, theme, day start) stays where it was.
 */
export function presetsFromOldSettings(
  study: unknown,
  scheduler: unknown,
): { study: Record<string, unknown> | undefined; book: PresetBook } {
  const old = typeof study === 'object' && study !== null ? (study as Record<string, unknown>) : undefined;
  const { newPerDay, reviewsPerDay, ...rest } = old ?? {};
  const sched = typeof scheduler === 'object' && scheduler !== null ? scheduler : {};
  const options = restorePresetOptions({ ...sched, newPerDay, reviewsPerDay });
  return {
    study: old ? rest : undefined,
    book: { presets: [{ id: DEFAULT_PRESET_ID, name: '', ...options }], decks: {} },
  };
}

/** Version 9's change over the rows of the settings table (the Dexie upgrade and a restored older backup alike). */
export function settingsRowsWithPresets<R extends { key: string; value: unknown; updatedAt: number }>(rows: R[]): R[] {
  const study = rows.find((r) => r.key === 'study');
  const scheduler = rows.find((r) => r.key === 'scheduler');
  if ((!study && !scheduler) || rows.some((r) => r.key === PRESETS_KEY)) return rows;
  const moved = presetsFromOldSettings(study?.value, scheduler?.value);
  const updatedAt = Math.max(study?.updatedAt ?? 0, scheduler?.updatedAt ?? 0);
  const out: R[] = rows.filter((r) => r.key !== 'scheduler' && r.key !== 'study');
  if (study && moved.study) out.push({ ...study, value: moved.study });
  out.push({ ...(study ?? scheduler)!, key: PRESETS_KEY, value: moved.book, updatedAt });
  return out;
}
