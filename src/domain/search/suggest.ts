// "Did you mean": the known name closest to a mistyped one, if it is close enough to be what was meant.

/** Edit distance (insert, delete, replace, swap of neighbours), stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The name of `known` that `word` most likely meant: a name it spells out (`aliases`: `interval` → `ivl`), or one
 * within a few edits (none for one-letter names, one for two- and three-letter ones, two for longer ones), or a name
 * `word` starts with (`tags` → `tag`). Undefined when nothing is that close.
 */
export function closest(
  word: string,
  known: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string | undefined {
  const w = word.toLowerCase();
  if (Object.hasOwn(aliases, w)) return aliases[w];
  if (w.length === 0 || w.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const max = Math.min(2, Math.floor(name.length / 2));
    const d = w.startsWith(name) && w.length - name.length <= 2 ? 1 : distance(w, name, max);
    if (d <= max && d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}
