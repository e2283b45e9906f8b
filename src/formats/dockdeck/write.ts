// Rebuilds a dockdeck deck file (`dockdeck/deck@1`) from stored rows: the inverse of `expandDeck`.
import { deckFields, type DeckFields } from '../../domain/deck-fields';
import type { AnkiNoteRef, Deck, DeckCard, Source, Text } from '../../domain/deck-schema';
import { IssueError } from '../../domain/errors';
import type { IssueCode, IssueParams } from '../../domain/issue';
import { parseDeck } from './validate';
import type { StudyAnkiRef, StudyCard, StudyContent } from '../../domain/study-card';

/** What the export needs of a stored deck (a `DeckRow` fits). */
export type ExportDeckRow = DeckFields;

/** What the export needs of a stored card (a `CardRow` fits): the study card as `expandDeck` made it. */
export type ExportCardRow = Pick<StudyCard, 'id' | 'noteId' | 'tags' | 'source' | 'content' | 'position'> & {
  note?: Text;
  anki?: StudyAnkiRef;
};

type Part = ExportCardRow;

/**
 * Stored rows that cannot be one deck file (only a damaged database has them): refused with an `IssueError` naming
 * the deck file and the card, rather than exported half right.
 */
function fail(deckId: string, card: string, code: IssueCode, params?: IssueParams): never {
  throw new IssueError([
    { file: `${deckId}.json`, place: { card }, code, ...(params === undefined ? {} : { params }) },
  ]);
}

/** The part of a study card id after `noteId:` (`deck/card:item` → `item`). */
function suffix(part: Part): string {
  return part.id.startsWith(`${part.noteId}:`) ? part.id.slice(part.noteId.length + 1) : '';
}

function only<K extends StudyContent['kind']>(
  deckId: string,
  parts: readonly Part[],
  kind: K,
): Extract<StudyContent, { kind: K }>[] {
  const noteId = parts[0]!.noteId;
  return parts.map((p) => {
    if (p.content.kind !== kind)
      fail(deckId, noteId, 'export.mixed-kinds', { cardKind: kind, otherKind: p.content.kind });
    return p.content as Extract<StudyContent, { kind: K }>;
  });
}

/** The card's Anki note, from its study cards: the note, and each study card's ordinal (cloze numbers say theirs). */
function ankiRef(parts: readonly Part[]): AnkiNoteRef | undefined {
  const first = parts[0]!.anki;
  if (!first) return undefined;
  const { ord: _, ...note } = first;
  const ords = parts.map((p) => p.anki?.ord);
  const withOrds = parts[0]!.content.kind !== 'cloze' && ords.every((o) => o !== undefined);
  return withOrds ? { ...note, ords: ords as number[] } : note;
}

/** One deck card from the study cards that share its `noteId` (sorted by position). */
export function rebuildCard(deckId: string, parts: readonly Part[]): DeckCard {
  const first = parts[0]!;
  const id = first.noteId.slice(deckId.length + 1);
  const anki = ankiRef(parts);
  const base: { id: string; tags: string[]; source: Source; note?: Text; anki?: AnkiNoteRef } = {
    id,
    tags: first.tags,
    source: first.source,
    ...(first.note ? { note: first.note } : {}),
    ...(anki ? { anki } : {}),
  };
  switch (first.content.kind) {
    case 'basic': {
      const [fwd, ...rest] = only(deckId, parts, 'basic');
      if (rest.length === 0 && !fwd!.reversed) return { ...base, type: 'basic', front: fwd!.front, back: fwd!.back };
      const forward = parts.find((p) => p.id === p.noteId && p.content.kind === 'basic' && !p.content.reversed);
      if (parts.length !== 2 || !forward) fail(deckId, first.noteId, 'export.bad-basic');
      const c = forward.content as Extract<StudyContent, { kind: 'basic' }>;
      return { ...base, type: 'reverse', front: c.front, back: c.back };
    }
    case 'cloze': {
      const [c] = only(deckId, parts, 'cloze');
      return { ...base, type: 'cloze', text: c!.text, ...(c!.extra ? { extra: c!.extra } : {}) };
    }
    case 'mcq': {
      const [c] = only(deckId, parts, 'mcq');
      if (parts.length !== 1) fail(deckId, first.noteId, 'export.several', { cardKind: 'mcq' });
      return {
        ...base,
        type: 'mcq',
        question: c!.question,
        choices: c!.choices,
        answer: c!.answer,
        ...(c!.explanation ? { explanation: c!.explanation } : {}),
      };
    }
    case 'type-in': {
      const [c] = only(deckId, parts, 'type-in');
      if (parts.length !== 1) fail(deckId, first.noteId, 'export.several', { cardKind: 'type-in' });
      return { ...base, type: 'type-in', prompt: c!.prompt, answer: c!.answer, accept: c!.accept };
    }
    case 'classify': {
      const items = only(deckId, parts, 'classify');
      return {
        ...base,
        type: 'classify',
        prompt: items[0]!.prompt,
        categories: items[0]!.categories,
        items: parts.map((p, i) => ({ id: suffix(p), text: items[i]!.item, category: items[i]!.answer })),
      };
    }
    case 'compare':
      return fail(deckId, first.noteId, 'export.table-card');
  }
}

/**
 * The deck file the rows came from: deck fields from the deck row, cards regrouped from their study cards
 * (by `noteId`, in position order); trait-table cards are skipped, since `deck.tables` makes them again.
 * The result is checked with `parseDeck`, so what is exported can always be imported; rows that cannot be one deck
 * are refused with an `IssueError`.
 */
export function exportDeck(deck: ExportDeckRow, cards: readonly ExportCardRow[]): Deck {
  const tablePrefix = `${deck.id}/table:`;
  const groups = new Map<string, Part[]>();
  for (const card of [...cards].sort((a, b) => a.position - b.position)) {
    if (card.noteId.startsWith(tablePrefix)) continue;
    if (!card.noteId.startsWith(`${deck.id}/`)) fail(deck.id, card.id, 'export.other-deck', { noteId: card.noteId });
    const group = groups.get(card.noteId);
    if (group) group.push(card);
    else groups.set(card.noteId, [card]);
  }
  const out: Deck = {
    format: 'dockdeck/deck@1',
    ...deckFields(deck),
    cards: [...groups.values()].map((parts) => rebuildCard(deck.id, parts)),
  };
  // Through the import door: what comes out is exactly what importing the file gives.
  const parsed = parseDeck(`${deck.id}.json`, out);
  if (!parsed.ok) throw new IssueError(parsed.issues);
  return parsed.deck;
}

/** The deck file's text, as the built-in deck files are written (two-space indent, final newline). */
export function deckToJson(deck: Deck): string {
  return `${JSON.stringify(deck, null, 2)}\n`;
}
