// What a deck's source lines can name: a deck file's documents by their titles. An Anki or CSV import cites nothing
// (its card's "source" is only its file), so its cards show no source line at all.
import type { UiLang } from './i18n';

/** A title in both languages (a deck's `Text`). */
export type Title = Readonly<Record<UiLang, string>>;

/**
 * What the deck on screen cites: false when its cards show no source line, else the titles of its source documents
 * by file name (a deck file's `sources`; empty while unknown or untitled, when the file name is shown).
 */
export type CitedSources = false | ReadonlyMap<string, Title>;

export const NO_TITLES: ReadonlyMap<string, Title> = new Map();

/** The titles of a deck's documents by file name, from its `sources`. */
export function sourceTitles(
  sources: readonly { doc?: string | undefined; title?: Title | undefined }[] | undefined,
): ReadonlyMap<string, Title> {
  const out = new Map<string, Title>();
  for (const s of sources ?? []) if (s.doc !== undefined && s.title !== undefined) out.set(s.doc, s.title);
  return out;
}
