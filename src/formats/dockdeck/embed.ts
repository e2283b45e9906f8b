// What an export carries for dockdeck alone, so that re-importing it gives back exactly the deck it came from:
// the deck's own fields (both languages, sources, trait tables, text format) and each dockdeck card a note was
// made from, keyed by the note's GUID. Anki ignores it (a key of the deck's JSON in an .apkg, a `#dockdeck:` line
// in a text export). A note is read back from it only while its fields are still what the export wrote: a note
// edited in Anki is read from its fields, as any other note.
import { deckFields, type DeckFields } from '../../domain/deck-fields';
import type { Deck, DeckCard } from '../../domain/deck-schema';
import { parseDeck } from './validate';
import { activeContentIssues } from '../import/active-content';
import type { ExportLang } from '../anki/card-html';
import { deckNotes, type OutNote } from '../anki/write-notes';

export const EMBED_FORMAT = 'dockdeck/embed@1';

export interface DeckEmbed {
  format: typeof EMBED_FORMAT;
  lang: ExportLang;
  deck: DeckFields;
  /** GUID → the dockdeck card its note was made from (a classify card's items are notes of their own). */
  cards: Record<string, string>;
  /** The cards, once each (a classify card is named by each of its items' GUIDs). */
  list: DeckCard[];
  /**
   * GUID → the Anki note id and card ordinals of each note read from Anki: a text export has no other place for them,
   * and its re-import needs them to make the same cards (its note types are in `deck.ankiNotetypes`).
   */
  anki: Record<string, { noteId?: string; ords: number[] }>;
}

/**
 * The embed of a deck's export: its fields, and the card of every note made from a dockdeck card. An `.apkg` holds
 * its note types, note ids and cards itself (`inPackage`): only a text export carries them here as well.
 */
export function deckEmbed(deck: Deck, notes: readonly OutNote[], lang: ExportLang, inPackage = false): DeckEmbed {
  const cards: Record<string, string> = {};
  const list: DeckCard[] = [];
  const anki: DeckEmbed['anki'] = {};
  const seen = new Set<string>();
  for (const n of notes) {
    if (!inPackage && 'anki' in n.notetype)
      anki[n.guid] = { ...(n.noteId ? { noteId: n.noteId } : {}), ords: n.cards.map((c) => c.ord) };
    if (!n.source || !('card' in n.source)) continue;
    const card = n.source.card;
    cards[n.guid] = card.id;
    if (!seen.has(card.id)) list.push(card);
    seen.add(card.id);
  }
  const { ankiNotetypes: _, ...fields } = deckFields(deck);
  return { format: EMBED_FORMAT, lang, deck: inPackage ? fields : deckFields(deck), cards, list, anki };
}

export interface ReadEmbed {
  /** The deck as the export had it (its cards: those embedded). */
  deck: Deck;
  lang: ExportLang;
  /** GUID → the note the export wrote for it, and its card. */
  notes: Map<string, { note: OutNote; card: DeckCard }>;
  /** GUID → Anki note id and card ordinals of the notes read from Anki. */
  anki: Map<string, { noteId?: string; ords: number[] }>;
}

/** An embed read back: null when it is missing or is not one (a damaged or foreign value is simply not used). */
export function readEmbed(value: unknown, file: string): ReadEmbed | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<DeckEmbed>;
  if (v.format !== EMBED_FORMAT || typeof v.cards !== 'object' || v.cards === null || !Array.isArray(v.list))
    return null;
  if (v.lang !== 'en' && v.lang !== 'zh' && v.lang !== 'both') return null;
  const parsed = parseDeck(file, { ...v.deck, format: 'dockdeck/deck@1', cards: v.list });
  // What dockdeck would not import from a deck file (active content) it does not take from an embed either.
  if (!parsed.ok || activeContentIssues(file, parsed.deck).length > 0) return null;
  const deck = parsed.deck;
  const notes = new Map<string, { note: OutNote; card: DeckCard }>();
  const byId = new Map(deck.cards.map((c) => [c.id, c]));
  const written = new Map(deckNotes({ ...deck, tables: [] }, v.lang).map((n) => [n.guid, n]));
  for (const [guid, cardId] of Object.entries(v.cards)) {
    const card = typeof cardId === 'string' ? byId.get(cardId) : undefined;
    const note = written.get(guid);
    if (card && note) notes.set(guid, { note, card });
  }
  const anki = new Map<string, { noteId?: string; ords: number[] }>();
  for (const [guid, a] of Object.entries(typeof v.anki === 'object' && v.anki !== null ? v.anki : {})) {
    const ords = Array.isArray(a?.ords) ? a.ords.filter((o): o is number => Number.isInteger(o) && o >= 0) : [];
    const noteId = typeof a?.noteId === 'string' && /^\d+$/.test(a.noteId) ? a.noteId : undefined;
    anki.set(guid, { ...(noteId ? { noteId } : {}), ords });
  }
  return { deck, lang: v.lang, notes, anki };
}

/** The embedded card of a note, if the note's fields are still those the export wrote. */
export function embeddedCard(
  embed: ReadEmbed,
  guid: string,
  fields: readonly string[],
): { note: OutNote; card: DeckCard } | null {
  const hit = embed.notes.get(guid);
  if (!hit) return null;
  // Cells past the note's fields may be there, empty: a text file's short rows are padded to its longest.
  const same =
    hit.note.fields.every((f, i) => f === (fields[i] ?? '')) &&
    fields.slice(hit.note.fields.length).every((f) => f === '');
  return same ? hit : null;
}

/** An embedded deck's sources with the imported file (which cards edited since the export cite). */
export function withSource(sources: Deck['sources'], file: string): Deck['sources'] {
  return sources.some((s) => s.doc === file) ? sources : [...sources, { doc: file }];
}
