// The field rules settings and presets are checked with: a Zod schema per field and the problem it reports, and the
// lenient reader stored values pass through (one bad field falls back to its default alone).
import './zod-config.ts';
import { z } from 'zod';
import type { StepUnit } from 'ts-fsrs';
import { checkParameters } from 'ts-fsrs';

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
  | { code: 'weights'; count: number }
  | { code: 'name' };

/** A field's schema, and the problem reported when a value fails it (`item`: when one element of a list does). */
export interface Rule<T> {
  schema: z.ZodType<T>;
  problem: SettingsProblem;
  item?: SettingsProblem;
}

export type Rules<T> = { [K in keyof T]-?: Rule<T[K]> };

export const wholeNumber = (min: number, max: number): Rule<number> => ({
  schema: z.int().min(min).max(max),
  problem: { code: 'whole-number', min, max },
});

export const number = (min: number, max: number): Rule<number> => ({
  // z.number() refuses NaN and ±Infinity.
  schema: z.number().min(min).max(max),
  problem: { code: 'number', min, max },
});

export const oneOf = <T extends string>(options: readonly T[]): Rule<T> => ({
  schema: z.enum(options as readonly [T, ...T[]]) as unknown as z.ZodType<T>,
  problem: { code: 'one-of', options },
});

export const trueOrFalse = (): Rule<boolean> => ({ schema: z.boolean(), problem: { code: 'true-or-false' } });

// ts-fsrs reads steps with parseInt: fractions or zero would be silently wrong, so only whole numbers from 1.
const STEP = /^[1-9]\d*[mhd]$/;
export const steps = (): Rule<StepUnit[]> => ({
  schema: z.array(z.custom<StepUnit>((v) => typeof v === 'string' && STEP.test(v))),
  problem: { code: 'steps' },
  item: { code: 'step' },
});

/** FSRS-6 has 21 parameters. */
export const WEIGHT_COUNT = 21;

/** ts-fsrs's own check (finite numbers, a known length), held to FSRS-6's 21. */
function fsrs6Parameters(w: unknown): boolean {
  if (!Array.isArray(w) || w.length !== WEIGHT_COUNT || !w.every((x) => typeof x === 'number')) return false;
  try {
    checkParameters(w);
    return true;
  } catch {
    return false;
  }
}

export const weights = (): Rule<number[]> => ({
  schema: z.custom<number[]>(fsrs6Parameters),
  problem: { code: 'weights', count: WEIGHT_COUNT },
});

/** A fresh copy of a default, so that restored values never share a list with the defaults. */
export const copy = <T>(value: T): T => (Array.isArray(value) ? ([...value] as T) : value);

/**
 * The schema stored values are read with: each field that fails its rule (or is missing) falls back to its default
 * on its own, the rest is kept; a part that is not an object at all gives all the defaults. Unknown keys are dropped.
 */
export function lenient<T extends object>(rules: Rules<T>, defaults: T): z.ZodType<T> {
  const shape = Object.fromEntries(
    Object.entries<Rule<unknown>>(rules).map(([key, rule]) => [
      key,
      rule.schema.catch(() => copy(defaults[key as keyof T])),
    ]),
  );
  const all = () => Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, copy(v)]));
  return z.object(shape).catch(all) as unknown as z.ZodType<T>;
}

/**
 * Each field of `values` that fails its rule, as `prefix.key` → problem, or `prefix.key.i` for a bad element of a
 * list (a learning step).
 */
export function problemsOf<T>(rules: Rules<T>, values: T, prefix: string): Record<string, SettingsProblem> {
  const problems: Record<string, SettingsProblem> = {};
  const record = values as unknown as Record<string, unknown>;
  for (const [key, rule] of Object.entries<Rule<unknown>>(rules)) {
    const result = rule.schema.safeParse(record[key]);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      const index = issue.path[0];
      if (rule.item && typeof index === 'number') problems[`${prefix}.${key}.${index}`] = rule.item;
      else problems[`${prefix}.${key}`] = rule.problem;
    }
  }
  return problems;
}
