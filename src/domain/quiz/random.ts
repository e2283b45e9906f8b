// Seeded randomness for quizzes: the same seed gives the same questions, options and order, so a quiz can be replayed.

export type Rng = () => number;

/** mulberry32: small, fast, and good enough to shuffle quiz options. Returns floats in [0, 1). */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed derived from a seed and a name (FNV-1a over the name), so that each card's options depend on the quiz
 * seed and the card alone, not on which other cards came before it.
 */
export function subSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(items: readonly T[], rand: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}

/**
 * `k` distinct indexes of `0..n-1` in random order, without building the whole permutation: a partial
 * Fisher–Yates whose swaps live in a map, so sampling 500 of 100,000 ids costs 500 steps.
 */
export function sampleIndexes(n: number, k: number, rand: Rng): number[] {
  const take = Math.min(n, Math.max(0, k));
  const swapped = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rand() * (n - i));
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out.push(atJ);
  }
  return out;
}

/** A fresh seed for a new quiz, from a random source the caller gives (the domain has no clock or Math.random). */
export function newSeed(random: () => number): number {
  return Math.floor(random() * 2 ** 31);
}
