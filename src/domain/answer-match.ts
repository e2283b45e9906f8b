// Forgiving match of a typed answer: case, spacing, punctuation and small typos do not count; either language does.
import type { Text } from './deck-schema';

/** Lower-case, full-width → half-width, punctuation and Markdown marks out, spaces folded. */
export function normalizeAnswer(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[`*_~"'“”‘’()[\]{}<>.,;:!?，。；：！？、（）《》【】「」『』〈〉·—…/\\-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Edit distance where swapping two neighbouring letters counts as one typo, as people make it
 * (optimal string alignment), stopping early once it is over `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Typos allowed for an answer of this length: none for short terms, one up to 8 characters, then two. */
function allowedTypos(n: number): number {
  if (n <= 3) return 0;
  if (n <= 8) return 1;
  return 2;
}

export type MatchResult = { correct: true; exact: boolean } | { correct: false };

export function matchTypedAnswer(typed: string, answer: Text, accept: readonly string[] = []): MatchResult {
  const t = normalizeAnswer(typed);
  if (t === '') return { correct: false };
  // Answers may be written with Markdown (`cgroups`); what counts is the plain words.
  const targets = [answer.en, answer.zh, ...accept].map(normalizeAnswer).filter((s) => s !== '');
  for (const target of targets)
    if (t === target || t.replace(/ /g, '') === target.replace(/ /g, '')) return { correct: true, exact: true };
  for (const target of targets) {
    const cjk = /[\u3400-\u9fff]/.test(target);
    // A typo in Chinese changes meaning more than one in English: only exact matches count there.
    const max = cjk ? 0 : allowedTypos(target.length);
    if (max > 0 && editDistance(t, target, max) <= max) return { correct: true, exact: false };
  }
  return { correct: false };
}
