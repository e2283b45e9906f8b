// How long-running import steps report progress and learn that the user cancelled: through one hook that may throw.
import type { Issue } from '../../domain/issue';
import { IMPORT_LIMITS } from './draft';

/**
 * Called now and then by parsers: `done` of `total` units (bytes or rows). The worker posts a progress message
 * and yields to its event loop here (so a `cancel` message can arrive), then throws `CancelledError`
 * (src/domain/errors.ts) if the user cancelled. Parsers stay pure: they never look at a clock or a global flag.
 */
export type ProgressHook = (done: number, total: number) => void | Promise<void>;

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** The first `IMPORT_LIMITS.maxListedIssues` issues, then one line saying how many more there are. */
export function capIssues(issues: readonly Issue[], file: string): Issue[] {
  const max = IMPORT_LIMITS.maxListedIssues;
  if (issues.length <= max) return [...issues];
  return [...issues.slice(0, max), moreIssues(file, issues.length - max)];
}

/** The line after a capped list: "and 3 more problems". */
export function moreIssues(file: string, n: number): Issue {
  return { file, code: 'import.more', params: { n } };
}

/** A 53-bit string hash (cyrb53), in base 36: stable card and deck ids from text, and content hashes. */
export function hashText(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
