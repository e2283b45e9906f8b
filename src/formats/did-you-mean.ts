// "Did you mean …?": the allowed field a mistyped key is one or two typos away from.

/** The allowed key `key` is most likely a typo of (at most two edits, fewer for short keys), if any. */
export function closestKey(key: string, allowed: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(k.length / 2));
  for (const a of allowed) {
    const d = editDistance(k, a.toLowerCase());
    if (d <= bestDistance && a !== key) [best, bestDistance] = [a, d];
  }
  return best;
}

/** Levenshtein distance, with a transposition counted as one edit ("fornt" is one away from "front"). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    [prev2, prev] = [prev, row];
  }
  return prev[b.length]!;
}
