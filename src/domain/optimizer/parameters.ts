// FSRS-6 parameters as text (copied out, pasted in) and the checks a parameter set passes before it is saved.
import { CLAMP_PARAMETERS, W17_W18_Ceiling, checkParameters } from 'ts-fsrs';

export const PARAMETER_COUNT = 21;

/** What is wrong with a parameter set, as a code the settings screen puts into words. */
export type ParameterProblem =
  | { code: 'empty' }
  | { code: 'not-a-number'; index: number; text: string }
  | { code: 'count'; count: number; expected: number }
  | { code: 'out-of-range'; index: number; value: number; min: number; max: number }
  | { code: 'rejected'; message: string };

/** The parameters as text to copy: comma-separated, four decimals, as Anki shows them. */
export function formatParameters(w: readonly number[]): string {
  return w.map((x) => String(Math.round(x * 10_000) / 10_000)).join(', ');
}

// Rounding to four decimals can move a value at an edge a hair outside its range.
const SLACK = 1e-4;

/** The problem with a parameter set, or null when it can be saved: 21 finite numbers, each within ts-fsrs's range. */
export function checkParameterSet(w: readonly number[]): ParameterProblem | null {
  if (w.length !== PARAMETER_COUNT) return { code: 'count', count: w.length, expected: PARAMETER_COUNT };
  try {
    checkParameters(w);
  } catch (error) {
    return { code: 'rejected', message: error instanceof Error ? error.message : String(error) };
  }
  const ranges = CLAMP_PARAMETERS(W17_W18_Ceiling, true);
  for (let i = 0; i < w.length; i++) {
    const [min, max] = ranges[i]! as [number, number];
    if (w[i]! < min - SLACK || w[i]! > max + SLACK) return { code: 'out-of-range', index: i, value: w[i]!, min, max };
  }
  return null;
}

/**
 * Reads pasted parameters: numbers separated by commas, spaces or new lines (brackets allowed, as a copied list has
 * them). Returns the parameters, or the first problem.
 */
export function parseParameters(
  text: string,
): { ok: true; weights: number[] } | { ok: false; problem: ParameterProblem } {
  const parts = text
    .replace(/[[\]]/g, ' ')
    .split(/[\s,;]+/)
    .filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, problem: { code: 'empty' } };
  const weights: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    // Number() would read '' as 0 and '0x10' as 16: only plain decimals count.
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(part)) {
      return { ok: false, problem: { code: 'not-a-number', index: i, text: part } };
    }
    weights.push(Number(part));
  }
  const problem = checkParameterSet(weights);
  return problem ? { ok: false, problem } : { ok: true, weights };
}
