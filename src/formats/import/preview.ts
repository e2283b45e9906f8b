// What an import would do, per deck, for the confirm step: "N new, M changed, K removed", and what refuses it.
import type { Text } from '../../domain/deck-schema';
import type { Issue } from '../../domain/issue';
import type { ImportFormat } from './draft';
import type { PreparedDeck } from './prepare';

/** What is stored for a deck the import touches: its row and each card's `contentHash`. */
export interface StoredDeck {
  id: string;
  title: Text;
  builtin: boolean;
  origin: string;
  cards: ReadonlyArray<{ id: string; fingerprint: string }>;
}

export interface DeckImportPreview {
  deckId: string;
  title: Text;
  format: ImportFormat;
  /** The deck is already stored (it will be updated in place); `storedOrigin` says where it came from. */
  exists: boolean;
  storedOrigin: string | null;
  /** Study cards: new, with changed content, unchanged (moves do not count). */
  added: number;
  changed: number;
  unchanged: number;
  /** Stored cards of the deck that the file does not hold: kept, unless the user asks to remove them (`removable`). */
  missing: number;
  /**
   * The file is a dockdeck deck file updating the same dockdeck deck, so it may replace it: only then can the user
   * tick "remove the cards this file no longer has". Anki and CSV imports only add and update, as Anki's do.
   */
  removable: boolean;
  media: number;
  /** Imported answers that will be written: only those of new cards (a stored card keeps its own reviews). */
  reviews: number;
}

export interface ImportPreview {
  decks: DeckImportPreview[];
  /** Problems that refuse the whole import (changes to a built-in deck, the same deck twice). */
  issues: Issue[];
}

/** Cheap checks on the decks before anything is read from the database. */
export function checkDeckIds(file: string, deckIds: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const id of deckIds) {
    if (seen.has(id)) issues.push({ file, place: { deck: id }, code: 'import.duplicate-deck' });
    seen.add(id);
  }
  return issues;
}

export function builtinIssue(file: string, deckId: string): Issue {
  return { file, place: { deck: deckId }, field: 'id', code: 'import.builtin-deck' };
}

/** Whether a file of `format` may replace the stored deck (remove the cards it no longer has), if the user asks. */
export function canRemoveMissing(format: ImportFormat, stored: Pick<StoredDeck, 'origin' | 'builtin'> | undefined) {
  return format === 'json' && stored !== undefined && !stored.builtin && stored.origin === 'json';
}

export function previewImport(
  file: string,
  decks: readonly PreparedDeck[],
  stored: ReadonlyMap<string, StoredDeck>,
): ImportPreview {
  const issues = checkDeckIds(
    file,
    decks.map((d) => d.meta.id),
  );
  const out = decks.map((deck): DeckImportPreview => {
    const old = stored.get(deck.meta.id);
    const left = new Map(old?.cards.map((c) => [c.id, c.fingerprint]));
    let added = 0;
    let changed = 0;
    let unchanged = 0;
    let reviews = 0;
    for (const { card, content, replayed } of deck.cards) {
      const fingerprint = left.get(card.id);
      if (fingerprint === undefined) {
        added++;
        // Only cards new to the database take the imported history; a stored card keeps its own reviews.
        reviews += replayed?.records.length ?? 0;
      } else if (fingerprint !== content) changed++;
      else unchanged++;
      left.delete(card.id);
    }
    // A built-in deck can be "imported" only as it is (its own export coming back): nothing is written then.
    if (old?.builtin && (added > 0 || changed > 0)) issues.push(builtinIssue(file, deck.meta.id));
    return {
      deckId: deck.meta.id,
      title: deck.meta.title,
      format: deck.format,
      exists: old !== undefined,
      storedOrigin: old?.origin ?? null,
      added,
      changed,
      unchanged,
      missing: left.size,
      removable: canRemoveMissing(deck.format, old),
      media: deck.media.length,
      reviews,
    };
  });
  return { decks: out, issues };
}
