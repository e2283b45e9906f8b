// Rows of a dockdeck text export read back as the cards they were made from, using what the export embedded
// (`#dockdeck:` line, src/formats/dockdeck/embed.ts): a dockdeck card whose fields are unchanged comes back exactly,
// and a note read from Anki is rendered again with its note type, as the .apkg import renders it, so its cards get
// the same ids and text. Any other row is read as an ordinary CSV row.
import type { DeckCard } from '../../domain/deck-schema';
import { parseDockdeckGuid } from '../anki/write-notes';
import { embeddedCard, type ReadEmbed } from '../dockdeck/embed';
import type { AnkiNotetype, AnkiSchema } from '../anki/collection';
import { NoteConverter } from '../anki/read-notes';
import type { Issue } from '../../domain/issue';

export interface ExportRow {
  line: number;
  guid: string;
  notetype: string;
  deck: string;
  tags: string;
  fields: string[];
}

export class ExportRowReader {
  private readonly converter: NoteConverter;
  private readonly deckKeys = new Map<string, string>();
  private readonly notetypes = new Map<string, AnkiNotetype>();
  private readonly schema: AnkiSchema;
  /** Card ids already given back (a classify card's items are rows of their own, the card is one). */
  private readonly given = new Set<string>();

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

  /** Problems found in the notes read from Anki (a damaged row of an edited file). */
  get issues(): Issue[] {
    return this.converter.issues;
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

  /** The cards the row comes back as, if the embed knows it; null leaves it to the ordinary CSV reading. */
  read(row: ExportRow): DeckCard[] | null {
    const dd = parseDockdeckGuid(row.guid);
    const table = dd?.deckId === this.embed.deck.id ? /^table:([^/]+)\/(.+)$/.exec(dd.cardId) : null;
    // A trait-table row: the embedded deck's tables make its cards again.
    if (table && this.embed.deck.tables.some((t) => t.id === table[1] && t.rows.some((r) => r.id === table[2])))
      return [];
    const hit = embeddedCard(this.embed, row.guid, row.fields);
    if (hit) return this.once([hit.card]);
    const note = this.embed.anki.get(row.guid);
    const nt = this.notetypes.get(row.notetype);
    if (!note || !nt || note.ords.length === 0) return null;
    const deck = this.deckKey(row.deck);
    const before = this.converter.decks.get(deck)?.length ?? 0;
    this.converter.addNote(
      { id: note.noteId ?? '', guid: row.guid, mid: nt.id, tags: row.tags, flds: fit(row.fields, nt.fields.length) },
      note.ords.map((ord) => ({ id: `${row.line}:${ord}`, deck, ord })),
    );
    return this.once((this.converter.decks.get(deck) ?? []).slice(before));
  }

  private once(cards: DeckCard[]): DeckCard[] {
    const out = cards.filter((c) => !this.given.has(c.id));
    for (const c of out) this.given.add(c.id);
    return out;
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
