// A deck as the plain text Anki's "Notes in Plain Text" export writes and its importer reads: tab-separated,
// `#` header lines naming the guid, notetype, deck and tags columns (ankitects/anki,
// rslib/src/import_export/text/csv/export.rs: `write_file_header`, `write_column_header`). Each row is one note of
// `deckNotes` (anki-notes-out.ts): a note read from Anki goes back with its own GUID, note type name and raw fields.
// A `#dockdeck:` line carries the deck and its dockdeck cards for dockdeck's own re-import (Anki skips it).
import type { Deck } from '../../domain/deck-schema';
import { CHOICE_NOTETYPE_NAME } from '../anki/schema11';
import { deckNotes, type OutNote, type StockNotetype } from '../anki/write-notes';
import { textPlain, type ExportLang } from '../anki/card-html';
import { deckEmbed } from '../dockdeck/embed';

/** The stock Anki note types the rows name; they exist in every Anki collection (English names). */
export const CSV_NOTETYPES: Record<StockNotetype, string> = {
  basic: 'Basic',
  reverse: 'Basic (and reversed card)',
  cloze: 'Cloze',
  typeIn: 'Basic (type in the answer)',
  choice: CHOICE_NOTETYPE_NAME,
};

export interface CsvRow {
  guid: string;
  notetype: string;
  deck: string;
  fields: string[];
  tags: string[];
}

export interface DeckCsvOptions {
  lang: ExportLang;
  /** Anki deck name; by default the deck title (English for `both`). */
  deckName?: string;
}

/** A field as Anki's CSV writer quotes it: only when it holds a tab, quote or line break, or starts with `#`. */
export function csvField(value: string): string {
  return /[\t"\r\n]|^#/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const notetypeName = (n: OutNote) => ('stock' in n.notetype ? CSV_NOTETYPES[n.notetype.stock] : n.notetype.anki.name);

/** One row per note of `deckNotes`. */
export function deckCsvRows(deck: Deck, opts: DeckCsvOptions): CsvRow[] {
  const deckName = opts.deckName ?? textPlain(deck.title, opts.lang);
  return deckNotes(deck, opts.lang).map((n) => ({
    guid: n.guid,
    notetype: notetypeName(n),
    deck: deckName,
    fields: n.fields,
    tags: n.tags,
  }));
}

/**
 * The file text: header lines, then guid, notetype, deck, tags (space-separated) and the note's fields. Tags come
 * before the fields because notes of different note types have different numbers of fields.
 */
export function deckToCsv(deck: Deck, opts: DeckCsvOptions): string {
  const notes = deckNotes(deck, opts.lang);
  const deckName = opts.deckName ?? textPlain(deck.title, opts.lang);
  const header = [
    '#separator:tab',
    '#html:true',
    '#guid column:1',
    '#notetype column:2',
    '#deck column:3',
    '#tags column:4',
    `#dockdeck:${JSON.stringify(deckEmbed(deck, notes, opts.lang))}`,
  ];
  const lines = notes.map((n) =>
    [n.guid, notetypeName(n), deckName, n.tags.join(' '), ...n.fields].map(csvField).join('\t'),
  );
  return `${[...header, ...lines].join('\n')}\n`;
}
