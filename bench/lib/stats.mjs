// Summary statistics for bench samples: median and p95 (linear interpolation between closest ranks).
/** The q-quantile (0–1) of the values, interpolating linearly between the closest ranks; NaN when empty. */
export function quantile(values, q) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);

/** Rounds to `digits` decimals (for the JSON file and the table), keeping null for missing values. */
export function round(x, digits = 2) {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function summarize(values) {
  return {
    runs: values.length,
    median: median(values),
    p95: p95(values),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}
