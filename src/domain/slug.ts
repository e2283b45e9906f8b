// Ids made from what a user wrote (a deck's title, a card's question): lower-case slugs, as deck files need them.

/** `"Docker's  Engine (2026)"` → `docker-s-engine-2026`; text with no Latin letters or digits gives `''`. */
export function slugOf(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '');
  // Cut at a word's end where one is near, and never leave a trailing dash.
  const cut = slug.length <= max ? slug : slug.slice(0, max).replace(/-[^-]*$/, '') || slug.slice(0, max);
  return cut.replace(/-+$/, '');
}

/** `base`, else `base-2`, `base-3`… the first that `taken` does not hold. */
export function uniqueSlug(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
