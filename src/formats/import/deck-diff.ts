// How a card from a deck file is compared with the one stored under its id: by a hash of its content.
import { hashText } from './progress';
import type { Source } from '../../domain/deck-schema';
import type { StudyCard } from '../../domain/study-card';

/**
 * A hash of the parts of a study card that come from the deck file: not its review state, not its position (a
 * card that only moved because a row above it was added is not "changed" for the user; the write still stores the
 * new position), and not its source (an imported card cites the file it came from, and the same cards re-imported
 * from a file of another name, such as an export, are the same cards). Stored rows and incoming cards are hashed alike, so the two sides compare.
 */
export function contentHash(
  c: Pick<StudyCard, 'noteId' | 'tags' | 'content'> & { note?: unknown; anki?: { noteId?: string | undefined } },
): string {
  const parts: unknown[] = [c.noteId, c.tags, c.note ?? null, c.content];
  // Only cards from an Anki note carry it; others hash as they always have. Anki's note id is not content: two
  // unrelated packages can use the same one, and an export then gives one of them another.
  if (c.anki !== undefined) {
    const { noteId: _, ...note } = c.anki;
    parts.push(note);
  }
  return hashText(JSON.stringify(parts));
}

/** Same citation: a card whose only difference is its source is rewritten, but not counted as changed. */
export function sameSource(a: Source, b: Source): boolean {
  return a.doc === b.doc && a.url === b.url && a.section === b.section;
}
