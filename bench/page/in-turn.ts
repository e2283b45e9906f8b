// Two timed runs of one round, in turn: ours first on even rounds, the plain IndexedDB baseline first on odd ones, so
// that neither always meets a warm (or cold) cache.

/** Runs `ours` and `raw` in round `i`'s order; their results as [ours, raw]. */
export async function inTurn<A, B>(i: number, ours: () => Promise<A>, raw: () => Promise<B>): Promise<[A, B]> {
  if (i % 2 === 0) {
    const a = await ours();
    return [a, await raw()];
  }
  const b = await raw();
  return [await ours(), b];
}
