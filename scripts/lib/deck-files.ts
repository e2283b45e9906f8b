// Validates a set of deck files together: each file alone, then ids that must be unique across decks.
import { parseDeckText } from '../../src/formats/dockdeck/validate.ts';
import type { Issue } from '../../src/domain/issue.ts';
import type { Deck } from '../../src/domain/deck-schema';

export function parseDeckFiles(files: ReadonlyArray<{ name: string; text: string }>): {
  decks: Deck[];
  issues: Issue[];
} {
  const decks: Deck[] = [];
  const issues: Issue[] = [];
  const owner = new Map<string, string>();
  for (const { name, text } of files) {
    const r = parseDeckText(name, text);
    if (!r.ok) {
      issues.push(...r.issues);
      continue;
    }
    const other = owner.get(r.deck.id);
    if (other !== undefined) {
      issues.push({ file: name, field: 'id', code: 'deck.id-taken', params: { id: r.deck.id, owner: other } });
      continue;
    }
    owner.set(r.deck.id, name);
    decks.push(r.deck);
  }
  return { decks, issues };
}
