// Cloze markers: `{{c1::answer}}` or `{{c1::answer::hint}}`.

/** The cloze numbers used in a text, ascending: `{{c2::a}} {{c1::b}}` → [1, 2]. */
export function clozeNumbers(text: string): number[] {
  const nums = new Set<number>();
  for (const m of text.matchAll(/\{\{c(\d+)::/g)) nums.add(Number(m[1]));
  return [...nums].sort((a, b) => a - b);
}
