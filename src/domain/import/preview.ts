// What an import would do, per deck, for the confirm step: "N new, M changed, K removed", and what refuses it.
import type { Text } from '../deck-schema';
import { cardFingerprint, diffDeck } from '../deck-diff';
import { expandDeck } from '../study-card';
import type { DeckDraft, ImportFormat, ImportIssue } from './draft';

/** What is stored for a deck the import touches: its row and each card's `contentFingerprint`. */
export interface StoredDeck {
  id: string;
  title: Text;
  builtin: boolean;
  origin: string;
  cards: ReadonlyArray<{ id: string; fingerprint: string }>;
}

/**
 * `cardFingerprint` without the card's position: a card that only moved (because a row above it was added or
 * deleted) is not "changed" for the user. The write still stores the new positions.
 */
export function contentFingerprint(card: Parameters<typeof cardFingerprint>[0]): string {
  return cardFingerprint({ ...card, position: 0 });
}

export interface DeckImportPreview {
  deckId: string;
  title: Text;
  format: ImportFormat;
  /** The deck is already stored (it will be updated in place); `storedOrigin` says where it came from. */
  exists: boolean;
  storedOrigin: string | null;
  /** Study cards: new, with changed content, gone from the file (deleted; their review logs stay), unchanged (moves do not count). */
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  media: number;
  /** Imported answers that will be written: only those of new cards (a stored card keeps its own reviews). */
  reviews: number;
}

export interface ImportPreview {
  decks: DeckImportPreview[];
  /** Problems that refuse the whole import (a built-in deck's id, the same deck twice). */
  issues: ImportIssue[];
}

/** Cheap checks on drafts before anything is read from the database. */
export function checkDrafts(file: string, drafts: readonly DeckDraft[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    if (seen.has(d.deck.id))
      issues.push({ file, where: `deck "${d.deck.id}"`, message: 'appears twice in the import' });
    seen.add(d.deck.id);
  }
  return issues;
}

export function builtinIssue(file: string, deckId: string): ImportIssue {
  return {
    file,
    where: `deck "${deckId}"`,
    field: 'id',
    message: 'is the id of a built-in deck; importing it would replace the built-in cards. Give the deck another id',
  };
}

export function previewImport(
  file: string,
  drafts: readonly DeckDraft[],
  stored: ReadonlyMap<string, StoredDeck>,
  opts: { includeScheduling: boolean },
): ImportPreview {
  const issues = checkDrafts(file, drafts);
  const decks = drafts.map((draft): DeckImportPreview => {
    const old = stored.get(draft.deck.id);
    if (old?.builtin) issues.push(builtinIssue(file, draft.deck.id));
    const diff = diffDeck(
      old?.cards ?? [],
      expandDeck(draft.deck).map((c) => ({ ...c, position: 0 })),
    );
    const added = new Set(diff.added.map((c) => c.id));
    return {
      deckId: draft.deck.id,
      title: draft.deck.title,
      format: draft.format,
      exists: old !== undefined,
      storedOrigin: old?.origin ?? null,
      added: diff.added.length,
      changed: diff.changed.length,
      removed: diff.removed.length,
      unchanged: diff.unchanged,
      media: draft.media.length,
      reviews: opts.includeScheduling
        ? draft.history.filter((r) => added.has(r.cardId) && r.rating !== 'manual').length
        : 0,
    };
  });
  return { decks, issues };
}
