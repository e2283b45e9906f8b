// Builds dockdeck decks from a parsed CSV table and the user's column mapping, with stable card ids.
//
// Card ids come from the id/guid column when one is mapped, else from a hash of the front text. So re-importing
// an edited CSV without an id column updates the cards whose front is unchanged (their reviews are kept); a card
// whose front was edited becomes a new card, and the old one is removed.
import type { Deck, DeckCard, Text } from '../../domain/deck-schema';
import { parseDeck } from '../dockdeck/validate';
import { activeContentIssues } from '../import/active-content';
import { parseDockdeckGuid } from '../anki/write-notes';
import { readEmbed, withSource } from '../dockdeck/embed';
import { ExportRowReader } from './read-notes-text';
import type { Issue, IssuePlace } from '../../domain/issue';
import type { DeckDraft } from '../import/draft';
import type { CsvTable } from './parse';
import { checkMapping, type CsvCardType, type CsvMapping } from './mapping';
import { plainTextToMarkdown, slugify } from './plain-text';
import { capIssues, hashText, type ParseOutcome, type ProgressHook } from '../import/progress';

export interface CsvDrafts {
  drafts: DeckDraft[];
  /** Things the user should know but that do not stop the import (e.g. tags renamed to fit the tag format). */
  warnings: Issue[];
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const ROW_CHUNK = 5000;

function typeOf(notetype: string | undefined, fallback: CsvCardType): CsvCardType {
  if (notetype === undefined || notetype.trim() === '') return fallback;
  if (/cloze/i.test(notetype)) return 'cloze';
  // "Basic (and reversed card)" makes both directions; "Basic (optional reversed card)" only on request: basic.
  if (/revers/i.test(notetype) && !/optional/i.test(notetype)) return 'reverse';
  return 'basic';
}

/** An id cell that is already a valid id is kept (readable); anything else (Anki guids) is hashed. */
function idFromCell(value: string): string {
  return SLUG.test(value) && value.length <= 80 ? value : `g-${hashText(value)}`;
}

interface RowCard {
  card: DeckCard;
  line: number;
}

interface RowDeck {
  name: string;
  cards: RowCard[];
  /** Card id → the line of the row that made it. */
  ids: Map<string, number>;
}

/** The rows of a table read into decks by the mapping: cards with the line they came from, and what went wrong. */
class RowReader {
  readonly issues: Issue[] = [];
  /** Tag → the issue saying what it was renamed to. */
  readonly warnings = new Map<string, Issue>();
  readonly decks = new Map<string, RowDeck>();
  /** Deck name → the dockdeck deck id its rows' `dd:` GUIDs name (null once a row names none or another). */
  readonly named = new Map<string, string | null>();
  /** A dockdeck text export: its rows can come back as exactly the cards they were made from. */
  readonly exported: ExportRowReader | null;
  private readonly file: string;
  // Rows repeat the same few tags: each is converted once.
  private readonly tagIds = new Map<string, string>();
  private readonly globalTags: string[];
  private readonly meta: Set<number | null>;

  constructor(
    private readonly table: CsvTable,
    private readonly mapping: CsvMapping,
  ) {
    this.file = table.file;
    this.exported = exportReader(table, mapping, this.file);
    this.globalTags = (table.headers.tags ?? []).map((t) => this.toTag(t));
    this.meta = new Set([mapping.id, mapping.notetype, mapping.deck, mapping.tags]);
  }

  private toTag(t: string): string {
    let id = this.tagIds.get(t);
    if (id === undefined) this.tagIds.set(t, (id = tagId(this.file, t, this.warnings)));
    return id;
  }

  private text(cell: string): Text {
    const t = this.mapping.html ? cell : plainTextToMarkdown(cell);
    return { en: t, zh: t };
  }

  private vote(deckName: string, id: string | null): void {
    const seen = this.named.get(deckName);
    this.named.set(deckName, seen === undefined || seen === id ? id : null);
  }

  private deck(name: string): RowDeck {
    let deck = this.decks.get(name);
    if (!deck) this.decks.set(name, (deck = { name, cards: [], ids: new Map() }));
    return deck;
  }

  /** Reads row `i` of the table: a card of its deck, or an issue naming the row (its line) and the column's role. */
  read(i: number): void {
    const { mapping, file } = this;
    const row = this.table.rows[i]!;
    const line = this.table.lines[i]!;
    const place = { row: line };
    const cell = (col: number | null) => (col === null ? '' : (row[col] ?? '').trim());
    const guid = cell(mapping.id);
    const dd = parseDockdeckGuid(guid);
    const deckName = cell(mapping.deck) || mapping.deckName.trim();
    if (this.exported && guid !== '') {
      const fields = row.filter((_, c) => !this.meta.has(c));
      const tags = cell(mapping.tags);
      const cards = this.exported.read({ line, guid, notetype: cell(mapping.notetype), deck: deckName, tags, fields });
      if (cards) {
        this.vote(deckName, dd?.deckId ?? this.exported.embed.deck.id);
        const deck = this.deck(deckName);
        for (const card of cards) deck.cards.push({ card, line });
        return;
      }
    }
    const front = cell(mapping.front);
    const back = cell(mapping.back);
    const notetype = mapping.notetype === null ? this.table.headers.notetype : cell(mapping.notetype);
    const type = typeOf(notetype, mapping.cardType);
    if (front === '')
      return void this.issues.push({
        file,
        place,
        field: 'front',
        code: 'csv.empty-cell',
        params: { column: mapping.front + 1 },
      });
    if (back === '' && type !== 'cloze')
      return void this.issues.push(
        mapping.back === null
          ? { file, place, field: 'back', code: 'csv.no-back-column' }
          : { file, place, field: 'back', code: 'csv.empty-cell', params: { column: mapping.back + 1 } },
      );
    const deck = this.deck(deckName);
    const idCell = cell(mapping.id);
    if (mapping.id !== null && idCell === '')
      return void this.issues.push({
        file,
        place,
        field: 'id',
        code: 'csv.empty-id',
        params: { column: mapping.id + 1 },
      });
    // A `dd:` GUID names the dockdeck card the row was exported from; any other id is the card's own.
    const ddCard = dd && SLUG.test(dd.cardId) && dd.cardId.length <= 80 ? dd.cardId : null;
    const id = ddCard ?? (mapping.id !== null ? idFromCell(idCell) : `f-${hashText(front)}`);
    this.vote(deckName, dd?.deckId ?? null);
    const seen = deck.ids.get(id);
    if (seen !== undefined)
      return void this.issues.push(
        mapping.id !== null
          ? { file, place, field: 'id', code: 'csv.duplicate-id', params: { otherRow: seen, id: idCell } }
          : { file, place, field: 'front', code: 'csv.duplicate-front', params: { otherRow: seen } },
      );
    deck.ids.set(id, line);
    const own = cell(mapping.tags)
      .split(/\s+/)
      .filter((t) => t !== '')
      .map((t) => this.toTag(t));
    // A row's own GUID goes back out with its card, so Anki and a re-import both know it again.
    const anki = mapping.id !== null && !dd ? { anki: { guid: idCell } } : {};
    const base = {
      id,
      tags: [...new Set([...this.globalTags, ...own])],
      source: { doc: file, section: deckName },
      ...anki,
    };
    const card: DeckCard =
      type === 'cloze'
        ? { ...base, type, text: this.text(front), ...(back === '' ? {} : { extra: this.text(back) }) }
        : { ...base, type, front: this.text(front), back: this.text(back) };
    deck.cards.push({ card, line });
  }
}

/**
 * One deck per deck-column value (or one deck named `mapping.deckName`); text goes in both `en` and `zh`, each
 * card cites the file and its deck. Then every deck passes the same validation as a dockdeck JSON file. Issues
 * name the row (its line in the file) and the column role (front, back, id…).
 */
export async function buildCsvDrafts(
  table: CsvTable,
  mapping: CsvMapping,
  onProgress?: ProgressHook,
): Promise<ParseOutcome<CsvDrafts>> {
  const file = table.file;
  const mappingIssues = checkMapping(table, mapping);
  if (mappingIssues.length > 0) return { ok: false, issues: mappingIssues };
  const rows = new RowReader(table, mapping);
  const first = mapping.hasHeader ? 1 : 0;
  for (let i = first; i < table.rows.length; i++) {
    if (onProgress && (i - first) % ROW_CHUNK === 0 && i > first)
      await onProgress(i - first, table.rows.length - first);
    rows.read(i);
  }
  const issues = [...rows.issues, ...(rows.exported?.issues ?? [])];
  if (issues.length > 0) return { ok: false, issues: capIssues(issues, file) };
  if (rows.decks.size === 0) return { ok: false, issues: [{ file, code: 'csv.no-rows' }] };
  const made = makeDrafts(file, mapping, rows);
  if (!made.ok) return made;
  return { ok: true, value: { drafts: made.value, warnings: [...rows.warnings.values()] } };
}

/** The decks the rows made, each through the deck validator (and, for HTML cells, the active-content check). */
function makeDrafts(file: string, mapping: CsvMapping, rows: RowReader): ParseOutcome<DeckDraft[]> {
  const issues: Issue[] = [];
  const drafts: DeckDraft[] = [];
  const deckIds = new Set<string>();
  for (const { name, cards } of rows.decks.values()) {
    const dockdeckId = rows.named.get(name);
    const id = dockdeckId && !deckIds.has(dockdeckId) ? (deckIds.add(dockdeckId), dockdeckId) : deckId(name, deckIds);
    const embedded = rows.exported?.embed.deck.id === id ? rows.exported.embed.deck : null;
    const raw: Deck = embedded
      ? { ...embedded, sources: withSource(embedded.sources, file), cards: cards.map((c) => c.card) }
      : {
          format: 'dockdeck/deck@1',
          id,
          title: { en: name, zh: name },
          tags: [],
          sources: [{ doc: file }],
          tables: [],
          ...(mapping.html ? { textFormat: 'html' as const } : {}),
          cards: cards.map((c) => c.card),
        };
    const lineOf = new Map(cards.map((c) => [c.card.id, c.line]));
    // Issues name the row (its line) and the column role, not the card and its field.
    const inRow = (i: Issue): Issue => {
      const { place, field, ...rest } = i;
      const row = place?.card === undefined ? undefined : lineOf.get(place.card);
      const at: IssuePlace | undefined = place?.card === undefined ? undefined : row === undefined ? place : { row };
      return {
        ...rest,
        ...(at === undefined ? {} : { place: at }),
        ...(field === undefined ? {} : { field: fieldName(field) }),
      };
    };
    const parsed = parseDeck(file, raw);
    if (!parsed.ok) {
      issues.push(...parsed.issues.map(inRow));
      continue;
    }
    if (mapping.html) issues.push(...activeContentIssues(file, parsed.deck).map(inRow));
    drafts.push({ deck: parsed.deck, format: 'csv', media: [], history: [] });
  }
  // Both languages hold the same cell, so a problem with it is reported for `en` and `zh`: name it once.
  const unique = [...new Map(issues.map((i) => [JSON.stringify(i), i])).values()];
  return unique.length > 0 ? { ok: false, issues: capIssues(unique, file) } : { ok: true, value: drafts };
}

/** Card fields in messages are the mapping's column roles: `text.en` of a cloze card is the front column. */
function fieldName(field: string): string {
  const head = field.split(/[.[]/)[0] ?? field;
  return head === 'text' ? 'front' : head === 'extra' ? 'back' : head;
}

/** The reader for a dockdeck text export's rows, when the file is one (its `#dockdeck:` line and a GUID column). */
function exportReader(table: CsvTable, mapping: CsvMapping, file: string): ExportRowReader | null {
  if (table.headers.dockdeck === undefined || mapping.id === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(table.headers.dockdeck);
  } catch {
    return null;
  }
  const embed = readEmbed(value, file);
  return embed ? new ExportRowReader(embed, file, 20) : null;
}

function tagId(file: string, tag: string, warnings: Map<string, Issue>): string {
  const slug = slugify(tag.replace(/::/g, '-'), 80);
  if (slug !== '') return slug;
  // A tag with no Latin letters or digits (e.g. 日本語) still needs an id; keep tags apart by hashing them.
  const id = `tag-${hashText(tag)}`;
  warnings.set(tag, { file, code: 'warn.tag-renamed', params: { tag, id } });
  return id;
}

function deckId(name: string, taken: Set<string>): string {
  const slug = slugify(name);
  let id = slug === '' ? `deck-${hashText(name)}` : slug;
  if (taken.has(id)) id = `${id.slice(0, 60)}-${hashText(name)}`;
  taken.add(id);
  return id;
}
