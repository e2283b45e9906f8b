// Compares the study cards a deck file makes with those already stored: what is new, changed, removed.
import type { StudyCard } from './study-card';

export interface DeckDiff {
  added: StudyCard[];
  changed: StudyCard[];
  removed: string[];
  unchanged: number;
}

/** The parts of a study card that come from the deck file (not review state), as a comparable string. */
export function cardFingerprint(
  c: Pick<StudyCard, 'noteId' | 'tags' | 'source' | 'content' | 'position'> & { note?: unknown },
): string {
  return JSON.stringify([c.noteId, c.tags, c.source, c.note ?? null, c.content, c.position]);
}

export function diffDeck(
  stored: ReadonlyArray<{ id: string; fingerprint: string }>,
  incoming: readonly StudyCard[],
): DeckDiff {
  const old = new Map(stored.map((s) => [s.id, s.fingerprint]));
  const diff: DeckDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const card of incoming) {
    const fp = old.get(card.id);
    if (fp === undefined) diff.added.push(card);
    else if (fp !== cardFingerprint(card)) diff.changed.push(card);
    else diff.unchanged++;
    old.delete(card.id);
  }
  diff.removed = [...old.keys()];
  return diff;
}
