// Rows of a dockdeck text export read back as the cards they were made from, using what the export embedded
// (`#dockdeck:` line, src/domain/export/embed.ts): a dockdeck card whose fields are unchanged comes back exactly,
// and a note read from Anki is rendered again with its note type, as the .apkg import renders it, so its cards get
// the same ids and text. Any other row is read as an ordinary CSV row.
import type { DeckCard } from '../deck-schema';
import { parseDockdeckGuid } from '../export/anki-notes-out';
import { embeddedCard, type ReadEmbed } from '../export/embed';
import type { AnkiNotetype, AnkiSchema } from './anki-collection';
import { NoteConverter } from './anki-notes';
import type { ImportIssue } from './draft';

export interface ExportRow {
  line: number;
  guid: string;
  notetype: string;
  deck: string;
  tags: string;
  fields: string[];
}

export class ExportRowReader {
  /** Deck name → the cards its rows came back as. */
  readonly decks = new Map<string, DeckCard[]>();
  private readonly converter: NoteConverter;
  private readonly deckKeys = new Map<string, string>();
  private readonly notetypes = new Map<string, AnkiNotetype>();
  private readonly schema: AnkiSchema;

  constructor(
    readonly embed: ReadEmbed,
    file: string,
    maxIssues: number,
  ) {
    for (const nt of embed.deck.ankiNotetypes ?? []) this.notetypes.set(nt.name, { ...nt });
    this.schema = {
      notetypes: new Map([...this.notetypes.values()].map((nt) => [nt.id, nt])),
      decks: new Map(),
      schedV1: false,
    };
    this.converter = new NoteConverter(this.schema, file, maxIssues);
  }

  private deckKey(name: string): string {
    let key = this.deckKeys.get(name);
    if (key === undefined) {
      key = String(this.deckKeys.size + 1);
      this.deckKeys.set(name, key);
      this.schema.decks.set(key, { id: key, name, description: '', filtered: false });
    }
    return key;
  }

  /** Takes the row if the embed knows it; false leaves it to the ordinary CSV reading. */
  read(row: ExportRow): boolean {
    const dd = parseDockdeckGuid(row.guid);
    const table = dd?.deckId === this.embed.deck.id ? /^table:([^/]+)\/(.+)$/.exec(dd.cardId) : null;
    // A trait-table row: the embedded deck's tables make its cards again.
    if (table && this.embed.deck.tables.some((t) => t.id === table[1] && t.rows.some((r) => r.id === table[2])))
      return true;
    const hit = embeddedCard(this.embed, row.guid, row.fields);
    if (hit) {
      const list = this.decks.get(row.deck) ?? [];
      if (!list.some((c) => c.id === hit.card.id)) list.push(hit.card);
      this.decks.set(row.deck, list);
      return true;
    }
    const note = this.embed.anki.get(row.guid);
    const nt = this.notetypes.get(row.notetype);
    if (!note || !nt || note.ords.length === 0) return false;
    const deck = this.deckKey(row.deck);
    this.converter.addNote(
      { id: note.noteId ?? '', guid: row.guid, mid: nt.id, tags: row.tags, flds: fit(row.fields, nt.fields.length) },
      note.ords.map((ord) => ({ id: `${row.line}:${ord}`, deck, ord })),
    );
    return true;
  }

  /** The cards of the notes read from Anki, by deck name, and the problems found in them. */
  finish(): { issues: ImportIssue[] } {
    for (const [name, key] of this.deckKeys) {
      const cards = this.converter.decks.get(key) ?? [];
      this.decks.set(name, [...(this.decks.get(name) ?? []), ...cards]);
    }
    return { issues: this.converter.issues };
  }
}

/**
 * A row's cells as the note's fields: a text export's rows have as many cells as their note has fields, and the CSV
 * reader pads a shorter row to the longest with empty cells; those are not fields.
 */
function fit(cells: readonly string[], count: number): string {
  const fields = cells.slice(0, count);
  while (fields.length < count) fields.push('');
  return fields.join('\x1f');
}
