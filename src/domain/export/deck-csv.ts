// A deck as the plain text Anki's "Notes in Plain Text" export writes and its importer reads: tab-separated,
// `#` header lines naming the guid, notetype, deck and tags columns (ankitects/anki,
// rslib/src/import_export/text/csv/export.rs: `write_file_header`, `write_column_header`).
import type { Deck, DeckCard, Text } from '../deck-schema';
import { ankiGuid } from './anki-ids';
import { joinHtml, noteHtml, studyFrontBack, textHtml, textPlain, type ExportLang } from './anki-text';

/** The stock Anki note types the rows name; they exist in every Anki collection (English names). */
export const CSV_NOTETYPES = {
  basic: 'Basic',
  reverse: 'Basic (and reversed card)',
  cloze: 'Cloze',
  typeIn: 'Basic (type in the answer)',
} as const;

export interface CsvRow {
  guid: string;
  notetype: string;
  deck: string;
  fields: [string, string];
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

function classifyFields(card: Extract<DeckCard, { type: 'classify' }>, lang: ExportLang): [string, string] {
  const t = (x: Text) => textHtml(x, lang);
  const label = (id: string) => {
    const cat = card.categories.find((c) => c.id === id);
    return cat ? t(cat.label) : id;
  };
  return [
    `${t(card.prompt)}<br>${card.categories.map((c) => t(c.label)).join(' / ')}<ol>${card.items.map((i) => `<li>${t(i.text)}</li>`).join('')}</ol>`,
    `<ol>${card.items.map((i) => `<li>${t(i.text)}: ${label(i.category)}</li>`).join('')}</ol>`,
  ];
}

/**
 * One row per deck card, and one per trait-table row:
 * - `basic` → Basic (Front, Back); `reverse` → Basic (and reversed card); `cloze` → Cloze (Text, Back Extra) with
 *   the `{{c1::…}}` markers as they are; `type-in` → Basic (type in the answer), the answer as plain text;
 * - `mcq` → Basic: the question with lettered choices / the right choice and the explanation;
 * - `classify` → Basic: the prompt, the categories and the items / each item with its category;
 * - a trait-table row → Basic: "table: trait" / each column with its cell.
 * An outdated-fact `note` is added to the answer side, except on reverse and type-in cards, where the back is also
 * a question or the typed answer.
 */
export function deckCsvRows(deck: Deck, opts: DeckCsvOptions): CsvRow[] {
  const deckName = opts.deckName ?? textPlain(deck.title, opts.lang);
  const t = (x: Text) => textHtml(x, opts.lang);
  const rows: CsvRow[] = [];
  const add = (id: string, notetype: string, fields: [string, string], tags: string[]) =>
    rows.push({ guid: ankiGuid(`${deck.id}/${id}`), notetype, deck: deckName, fields, tags });
  for (const card of deck.cards) {
    const note = card.note;
    switch (card.type) {
      case 'basic':
      case 'mcq': {
        const content =
          card.type === 'basic'
            ? ({ kind: 'basic', front: card.front, back: card.back } as const)
            : ({
                kind: 'mcq',
                question: card.question,
                choices: card.choices,
                answer: card.answer,
                ...(card.explanation ? { explanation: card.explanation } : {}),
              } as const);
        const fb = studyFrontBack(content, opts.lang, note);
        add(card.id, CSV_NOTETYPES.basic, [fb.front, fb.back], card.tags);
        break;
      }
      case 'reverse':
        add(card.id, CSV_NOTETYPES.reverse, [t(card.front), t(card.back)], card.tags);
        break;
      case 'cloze': {
        add(
          card.id,
          CSV_NOTETYPES.cloze,
          [t(card.text), joinHtml(card.extra ? t(card.extra) : '', noteHtml(note, opts.lang))],
          card.tags,
        );
        break;
      }
      case 'type-in':
        add(card.id, CSV_NOTETYPES.typeIn, [t(card.prompt), textPlain(card.answer, opts.lang)], card.tags);
        break;
      case 'classify':
        add(card.id, CSV_NOTETYPES.basic, classifyFields(card, opts.lang), card.tags);
        break;
    }
  }
  for (const table of deck.tables) {
    for (const row of table.rows) {
      const columns = table.columns.map((c) => ({
        id: c.id,
        label: c.label,
        cell: Object.hasOwn(row.cells, c.id) ? row.cells[c.id]! : { en: '', zh: '' },
      }));
      const fb = studyFrontBack(
        { kind: 'compare', title: table.title, trait: row.trait, columns },
        opts.lang,
        row.note,
      );
      add(`table:${table.id}/${row.id}`, CSV_NOTETYPES.basic, [fb.front, fb.back], row.tags);
    }
  }
  return rows;
}

/** The file text: header lines, then guid, notetype, deck, the two fields and the tags (space-separated). */
export function deckToCsv(deck: Deck, opts: DeckCsvOptions): string {
  const header = [
    '#separator:tab',
    '#html:true',
    '#guid column:1',
    '#notetype column:2',
    '#deck column:3',
    '#tags column:6',
  ];
  const lines = deckCsvRows(deck, opts).map((r) =>
    [r.guid, r.notetype, r.deck, ...r.fields, r.tags.join(' ')].map(csvField).join('\t'),
  );
  return `${[...header, ...lines].join('\n')}\n`;
}
