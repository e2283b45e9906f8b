// Counts values into bins with chosen edges: the intervals, stability, difficulty and retrievability charts.

export interface HistogramBin {
  /** Lower edge, included. */
  from: number;
  /** Upper edge, left out, except for the last bin, which includes it (an edge of Infinity leaves it open). */
  to: number;
  count: number;
}

export interface Histogram {
  bins: HistogramBin[];
  /** Values under the first edge, or over the last, or not numbers: counted apart, so the bins' sum is honest. */
  outside: number;
}

/** Bins `[edges[i], edges[i+1])`, the last one closed; `edges` must be two or more ascending numbers. */
export function histogram(values: Iterable<number>, edges: readonly number[]): Histogram {
  if (edges.length < 2 || edges.some((e, i) => i > 0 && !(e > (edges[i - 1] as number)))) {
    throw new RangeError(`histogram edges must be two or more ascending numbers, not [${edges.join(', ')}]`);
  }
  const counts = Array<number>(edges.length - 1).fill(0);
  const first = edges[0] as number;
  const last = edges[edges.length - 1] as number;
  let outside = 0;
  for (const v of values) {
    if (!(v >= first && v <= last)) {
      outside += 1;
      continue;
    }
    // The last edge whose value is ≤ v, by bisection; v equal to the last edge goes in the last bin.
    let lo = 0;
    let hi = edges.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((edges[mid] as number) <= v) lo = mid;
      else hi = mid - 1;
    }
    counts[lo] = (counts[lo] ?? 0) + 1;
  }
  return {
    bins: counts.map((count, i) => ({ from: edges[i] as number, to: edges[i + 1] as number, count })),
    outside,
  };
}

/** The median (Anki shows the median difficulty as its "average"); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 0 ? ((s[mid - 1] as number) + (s[mid] as number)) / 2 : (s[mid] as number);
}
