// The one clock: everything asks it for `now`, and tests set it.
let source: () => number = () => Date.now();

export const clock = {
  now(): Date {
    return new Date(source());
  },
  ms(): number {
    return source();
  },
};

/** For tests: fix the clock (pass a function to move it), or pass null to go back to real time. */
export function setClock(fn: (() => number) | null): void {
  source = fn ?? (() => Date.now());
}
