// Every card of a deck as the Anki note an export writes, for the .apkg and the plain-text export alike:
// - a card read from an Anki package goes back as the note it was: its GUID, note id, note type and raw fields,
//   with each study card as the template ordinal it came from (sibling cards are one note again);
// - a dockdeck card becomes a note of a stock type: basic → Basic, reverse → Basic (and reversed card), cloze →
//   Cloze, type-in → Basic (type in the answer), mcq and classify → "dockdeck choice" (Question, Choices, Answer,
//   Explanation; one note per classify item), a trait-table row → Basic. Its GUID is `dd:<deck id>/<card id>`
//   (kept when the card came with a GUID of its own), so a re-import finds the card, and Anki updates the note
//   instead of adding a copy, on every export.
import type { AnkiNotetypeDef, Deck, DeckCard, Text } from '../../domain/deck-schema';
import { expandDeck, type StudyCard } from '../../domain/study-card';
import { joinHtml, noteHtml, studyFrontBack, textHtml, textPlain, type ExportLang } from './card-html';
import { CHOICE_LETTERS as LETTERS } from '../../domain/choice-order';

export type StockNotetype = 'basic' | 'reverse' | 'cloze' | 'typeIn' | 'choice';

export interface OutNote {
  guid: string;
  /** A stock note type, or the note type the note was read with. */
  notetype: { stock: StockNotetype } | { anki: AnkiNotetypeDef };
  fields: string[];
  tags: string[];
  /** Anki's note id, for notes read from Anki. */
  noteId?: string;
  /** The study cards of the note, each with its template ordinal (cloze: number − 1). */
  cards: Array<{ id: string; ord: number }>;
  /** The dockdeck card the note was made from (not for notes read from Anki, which are written back as they were). */
  source?: { card: DeckCard } | { table: string; row: string };
}

/** The GUID of a dockdeck card's note: readable back into the deck and card id (see `parseDockdeckGuid`). */
export function dockdeckGuid(deckId: string, cardId: string): string {
  return `dd:${deckId}/${cardId}`;
}

/** The deck and card id a `dd:` GUID names; null for any other GUID. */
export function parseDockdeckGuid(guid: string): { deckId: string; cardId: string } | null {
  const m = /^dd:([a-z0-9][a-z0-9-]*)\/(.+)$/.exec(guid);
  return m ? { deckId: m[1]!, cardId: m[2]! } : null;
}

function choiceFields(question: string, choices: string[], answer: number | string, extra: string): string[] {
  const right = typeof answer === 'number' ? `${LETTERS[answer] ?? answer + 1}. ${choices[answer] ?? ''}` : answer;
  return [question, `<ol type="A">${choices.map((c) => `<li>${c}</li>`).join('')}</ol>`, right, extra];
}

function nativeNotes(deck: Deck, card: DeckCard, lang: ExportLang): OutNote[] {
  const t = (x: Text) => textHtml(x, lang);
  const id = `${deck.id}/${card.id}`;
  const guid = card.anki?.guid ?? dockdeckGuid(deck.id, card.id);
  const note = (notetype: StockNotetype, fields: string[], cards: OutNote['cards'], g = guid): OutNote => ({
    guid: g,
    notetype: { stock: notetype },
    fields,
    tags: card.tags,
    ...(card.anki?.noteId ? { noteId: card.anki.noteId } : {}),
    cards,
    source: { card },
  });
  const extra = noteHtml(card.note, lang);
  switch (card.type) {
    case 'basic':
      return [note('basic', [t(card.front), joinHtml(t(card.back), extra)], [{ id, ord: 0 }])];
    case 'reverse':
      return [
        note(
          'reverse',
          [t(card.front), t(card.back)],
          [
            { id, ord: 0 },
            { id: `${id}:reverse`, ord: 1 },
          ],
        ),
      ];
    case 'cloze': {
      const cards = expandDeck({ ...deck, tables: [], cards: [card] }).map((c) => ({
        id: c.id,
        ord: c.content.kind === 'cloze' ? c.content.index - 1 : 0,
      }));
      return [note('cloze', [t(card.text), joinHtml(card.extra ? t(card.extra) : '', extra)], cards)];
    }
    case 'type-in':
      return [note('typeIn', [t(card.prompt), textPlain(card.answer, lang)], [{ id, ord: 0 }])];
    case 'mcq':
      return [
        note(
          'choice',
          choiceFields(
            t(card.question),
            card.choices.map(t),
            card.answer,
            joinHtml(card.explanation ? t(card.explanation) : '', extra),
          ),
          [{ id, ord: 0 }],
        ),
      ];
    case 'classify':
      return card.items.map((item) => {
        const right = card.categories.find((c) => c.id === item.category);
        return note(
          'choice',
          choiceFields(
            joinHtml(t(card.prompt), `<b>${t(item.text)}</b>`),
            card.categories.map((c) => t(c.label)),
            right ? t(right.label) : item.category,
            extra,
          ),
          [{ id: `${id}:${item.id}`, ord: 0 }],
          card.anki?.guid ?? dockdeckGuid(deck.id, `${card.id}:${item.id}`),
        );
      });
  }
}

/** The notes of cards read from Anki: their study cards grouped by GUID, each at the ordinal it came from. */
function ankiNotes(deck: Deck, studyCards: readonly StudyCard[]): Map<string, OutNote> {
  const types = new Map((deck.ankiNotetypes ?? []).map((nt) => [nt.id, nt]));
  const byCard = new Map(deck.cards.map((c) => [`${deck.id}/${c.id}`, c]));
  const notes = new Map<string, OutNote>();
  for (const sc of studyCards) {
    const ref = sc.anki;
    const nt = ref?.notetype === undefined ? undefined : types.get(ref.notetype);
    if (!ref || !nt || !ref.fields) continue;
    const ord = sc.content.kind === 'cloze' ? sc.content.index - 1 : (ref.ord ?? 0);
    const known = notes.get(ref.guid);
    if (known) {
      known.cards.push({ id: sc.id, ord });
      continue;
    }
    notes.set(ref.guid, {
      guid: ref.guid,
      notetype: { anki: nt },
      fields: ref.fields,
      tags: byCard.get(sc.noteId)?.tags ?? sc.tags,
      ...(ref.noteId ? { noteId: ref.noteId } : {}),
      cards: [{ id: sc.id, ord }],
    });
  }
  return notes;
}

/**
 * The deck's notes in deck order: cards first (a note read from Anki where its first card stands), then one Basic
 * note per trait-table row ("table: trait" / each column with its cell; the table's classify cards are made again
 * from the row by dockdeck and have no note of their own).
 */
export function deckNotes(deck: Deck, lang: ExportLang): OutNote[] {
  const studyCards = expandDeck({ ...deck, tables: [] });
  const anki = ankiNotes(deck, studyCards);
  const out: OutNote[] = [];
  const written = new Set<string>();
  for (const card of deck.cards) {
    const ref = card.anki;
    const fromAnki = ref ? anki.get(ref.guid) : undefined;
    if (fromAnki) {
      if (!written.has(ref!.guid)) out.push(fromAnki);
      written.add(ref!.guid);
      continue;
    }
    out.push(...nativeNotes(deck, card, lang));
  }
  for (const table of deck.tables) {
    for (const row of table.rows) {
      const noteId = `table:${table.id}/${row.id}`;
      const columns = table.columns.map((c) => ({
        id: c.id,
        label: c.label,
        cell: Object.hasOwn(row.cells, c.id) ? row.cells[c.id]! : { en: '', zh: '' },
      }));
      const fb = studyFrontBack({ kind: 'compare', title: table.title, trait: row.trait, columns }, lang, row.note);
      out.push({
        guid: dockdeckGuid(deck.id, noteId),
        notetype: { stock: 'basic' },
        fields: [fb.front, fb.back],
        tags: row.tags,
        cards: [{ id: `${deck.id}/${noteId}`, ord: 0 }],
        source: { table: table.id, row: row.id },
      });
    }
  }
  return out;
}
