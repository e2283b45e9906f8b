// Turns a deck into the study cards the scheduler tracks, each with a stable id: `deckId/cardId[:part]`.
import { clozeNumbers } from './cloze.ts';
import type { AnkiNoteRef, Deck, DeckCard, Source, Text } from './deck-schema';

export type StudyContent =
  | { kind: 'basic'; front: Text; back: Text; reversed?: boolean }
  | { kind: 'cloze'; text: Text; index: number; extra?: Text }
  | { kind: 'mcq'; question: Text; choices: Text[]; answer: number; explanation?: Text }
  | { kind: 'classify'; prompt: Text; item: Text; categories: { id: string; label: Text }[]; answer: string }
  | { kind: 'type-in'; prompt: Text; answer: Text; accept: string[] }
  | { kind: 'compare'; title: Text; trait: Text; columns: { id: string; label: Text; cell: Text }[] };

/** The Anki note a study card belongs to, and which of its cards (template ordinal) it is. */
export type StudyAnkiRef = Omit<AnkiNoteRef, 'ords'> & { ord?: number };

export interface StudyCard {
  /** `deckId/cardId` plus a part suffix for cards that make several (reverse, cloze, classify, tables). */
  id: string;
  deckId: string;
  /** The id of the deck card (or table row) this study card comes from. */
  noteId: string;
  tags: string[];
  source: Source;
  note?: Text;
  content: StudyContent;
  /** Imported from (or exported to) this Anki note: kept so exports write the same note back. */
  anki?: StudyAnkiRef;
  /** Order in which new cards are introduced. */
  position: number;
}

/** The study card's share of the card's Anki note: the note, and the `part`-th of its ordinals. */
function ankiPart(ref: AnkiNoteRef | undefined, part: number, ord?: number): { anki?: StudyAnkiRef } {
  if (!ref) return {};
  const { ords, ...note } = ref;
  const o = ord ?? ords?.[part];
  return { anki: o === undefined ? note : { ...note, ord: o } };
}

function expandCard(deckId: string, card: DeckCard): Omit<StudyCard, 'position'>[] {
  const base = {
    deckId,
    noteId: `${deckId}/${card.id}`,
    tags: card.tags,
    source: card.source,
    ...(card.note ? { note: card.note } : {}),
  };
  const id = base.noteId;
  const ref = card.anki;
  switch (card.type) {
    case 'basic':
      return [{ ...base, ...ankiPart(ref, 0), id, content: { kind: 'basic', front: card.front, back: card.back } }];
    case 'reverse':
      return [
        { ...base, ...ankiPart(ref, 0), id, content: { kind: 'basic', front: card.front, back: card.back } },
        {
          ...base,
          ...ankiPart(ref, 1),
          id: `${id}:reverse`,
          content: { kind: 'basic', front: card.back, back: card.front, reversed: true },
        },
      ];
    case 'cloze': {
      const nums = new Set([...clozeNumbers(card.text.en), ...clozeNumbers(card.text.zh)]);
      return [...nums]
        .sort((a, b) => a - b)
        .map((index) => ({
          ...base,
          ...ankiPart(ref, 0, index - 1),
          id: `${id}:c${index}`,
          content: { kind: 'cloze', text: card.text, index, ...(card.extra ? { extra: card.extra } : {}) },
        }));
    }
    case 'mcq':
      return [
        {
          ...base,
          ...ankiPart(ref, 0),
          id,
          content: {
            kind: 'mcq',
            question: card.question,
            choices: card.choices,
            answer: card.answer,
            ...(card.explanation ? { explanation: card.explanation } : {}),
          },
        },
      ];
    case 'classify':
      return card.items.map((item, i) => ({
        ...base,
        ...ankiPart(ref, i),
        id: `${id}:${item.id}`,
        content: {
          kind: 'classify',
          prompt: card.prompt,
          item: item.text,
          categories: card.categories,
          answer: item.category,
        },
      }));
    case 'type-in':
      return [
        {
          ...base,
          ...ankiPart(ref, 0),
          id,
          content: { kind: 'type-in', prompt: card.prompt, answer: card.answer, accept: card.accept },
        },
      ];
  }
}

const WHICH: Text = { en: 'Which one is this?', zh: '这说的是哪一个？' };

/** All study cards of a deck, in deck order: cards first, then trait-table cards row by row. */
export function expandDeck(deck: Deck): StudyCard[] {
  const out: Omit<StudyCard, 'position'>[] = [];
  for (const card of deck.cards) out.push(...expandCard(deck.id, card));
  for (const table of deck.tables) {
    for (const row of table.rows) {
      const noteId = `${deck.id}/table:${table.id}/${row.id}`;
      const base = {
        deckId: deck.id,
        noteId,
        tags: row.tags,
        source: row.source,
        ...(row.note ? { note: row.note } : {}),
      };
      const columns = table.columns.map((c) => ({
        id: c.id,
        label: c.label,
        cell: Object.hasOwn(row.cells, c.id) ? row.cells[c.id]! : { en: '', zh: '' },
      }));
      out.push({ ...base, id: noteId, content: { kind: 'compare', title: table.title, trait: row.trait, columns } });
      for (const col of columns) {
        out.push({
          ...base,
          id: `${noteId}:${col.id}`,
          content: {
            kind: 'classify',
            prompt: { en: `${WHICH.en} (${row.trait.en})`, zh: `${WHICH.zh}（${row.trait.zh}）` },
            item: col.cell,
            categories: table.columns.map((c) => ({ id: c.id, label: c.label })),
            answer: col.id,
          },
        });
      }
    }
  }
  return out.map((c, position) => ({ ...c, position }));
}
