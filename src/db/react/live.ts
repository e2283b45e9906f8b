// React hook over Dexie's liveQuery: components re-render when the rows they read change, in any tab.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { reportStorageError } from '../connection';

/**
 * Runs `query` now and again whenever a table it read changes. Returns undefined until the first result.
 * A result for other deps is not returned, unless `keepWhile` (e.g. the deck id) is the same: then the last
 * result stays on screen while the new one loads, so a ticking clock does not make the screen flicker.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], keepWhile?: unknown): T | undefined {
  const [value, setValue] = useState<{ v: T; deps: readonly unknown[]; keep: unknown } | undefined>(undefined);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (v) => setValue({ v, deps, keep: keepWhile }),
      error: (e: unknown) => reportStorageError(e),
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  // A result computed for other deps (e.g. the previous deck) is not shown as this one's.
  if (!value) return undefined;
  if (sameDeps(value.deps, deps)) return value.v;
  return keepWhile !== undefined && Object.is(value.keep, keepWhile) ? value.v : undefined;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
