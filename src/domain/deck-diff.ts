// How a card from a deck file is compared with the one stored under its id: by a hash of its content.
import { hashText } from './import/progress';
import type { StudyCard } from './study-card';

/**
 * A hash of the parts of a study card that come from the deck file: not its review state, and not its position (a
 * card that only moved because a row above it was added is not "changed" for the user; the write still stores the
 * new position). Stored rows and incoming cards are hashed alike, so the two sides compare.
 */
export function contentHash(c: Pick<StudyCard, 'noteId' | 'tags' | 'source' | 'content'> & { note?: unknown }): string {
  return hashText(JSON.stringify([c.noteId, c.tags, c.source, c.note ?? null, c.content]));
}
