// The user's browser changes of built-in cards (taken out of the deck, tags added or removed), as the start-up sync
// applies them to the deck file's study cards: the user's change wins, the way note edits do (note-edits.ts).
import type { BuiltinOverrideRow, DockdeckDB } from './database';
import type { StudyCard } from '../domain/study-card';

/** The deck file's study cards with the user's changes: removed ones left out, tags added and taken off. */
export function applyOverrides<T extends Pick<StudyCard, 'id' | 'tags'>>(
  cards: readonly T[],
  overrides: readonly BuiltinOverrideRow[],
): T[] {
  if (overrides.length === 0) return [...cards];
  const byId = new Map(overrides.map((o) => [o.id, o]));
  const out: T[] = [];
  for (const card of cards) {
    const o = byId.get(card.id);
    if (!o) out.push(card);
    else if (!o.removed) out.push({ ...card, tags: overriddenTags(card.tags, o) });
  }
  return out;
}

/** Tags as Anki compares them: without regard to case. */
export const tagKey = (tag: string) => tag.toLowerCase();

export function overriddenTags(tags: readonly string[], o: Pick<BuiltinOverrideRow, 'addTags' | 'dropTags'>): string[] {
  const drop = new Set((o.dropTags ?? []).map(tagKey));
  const kept = tags.filter((t) => !drop.has(tagKey(t)));
  const have = new Set(kept.map(tagKey));
  for (const t of o.addTags ?? []) if (!have.has(tagKey(t))) kept.push(t);
  return kept;
}

export function overridesOf(db: DockdeckDB, deckId: string): Promise<BuiltinOverrideRow[]> {
  return db.builtinOverrides.where('deckId').equals(deckId).toArray();
}
