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

  const issues: Issue[] = [];
  /** Tag → the issue saying what it was renamed to. */
  const warnings = new Map<string, Issue>();
  const decks = new Map<string, { name: string; cards: RowCard[]; ids: Map<string, number> }>();
  // Rows repeat the same few tags: convert each once.
  const tagIds = new Map<string, string>();
  const toTag = (t: string) => {
    let id = tagIds.get(t);
    if (id === undefined) tagIds.set(t, (id = tagId(file, t, warnings)));
    return id;
  };
  const globalTags = (table.headers.tags ?? []).map(toTag);
  const text = (cell: string): Text => {
    const t = mapping.html ? cell : plainTextToMarkdown(cell);
    return { en: t, zh: t };
  };
  const first = mapping.hasHeader ? 1 : 0;
  const total = table.rows.length - first;
  // A dockdeck text export: its rows can come back as exactly the cards they were made from.
  const exported = exportReader(table, mapping, file);
  const meta = new Set([mapping.id, mapping.notetype, mapping.deck, mapping.tags]);
  /** Deck name → the dockdeck deck id its rows' `dd:` GUIDs name (null once a row names none or another). */
  const named = new Map<string, string | null>();
  const vote = (deckName: string, id: string | null) => {
    const seen = named.get(deckName);
    named.set(deckName, seen === undefined || seen === id ? id : null);
  };

  for (let i = first; i < table.rows.length; i++) {
    if (onProgress && (i - first) % ROW_CHUNK === 0 && i > first) await onProgress(i - first, total);
    const row = table.rows[i]!;
    const line = table.lines[i]!;
    const place = { row: line };
    const cell = (col: number | null) => (col === null ? '' : (row[col] ?? '').trim());
    const guid = cell(mapping.id);
    const dd = parseDockdeckGuid(guid);
    if (exported && guid !== '') {
      const deckName = cell(mapping.deck) || mapping.deckName.trim();
      const cards = exported.read({
        line,
        guid,
        notetype: cell(mapping.notetype),
        deck: deckName,
        tags: cell(mapping.tags),
        fields: row.filter((_, c) => !meta.has(c)),
      });
      if (cards) {
        vote(deckName, dd?.deckId ?? exported.embed.deck.id);
        let deck = decks.get(deckName);
        if (!deck) decks.set(deckName, (deck = { name: deckName, cards: [], ids: new Map() }));
        for (const card of cards) deck.cards.push({ card, line });
        continue;
      }
    }
    const front = cell(mapping.front);
    const back = cell(mapping.back);
    const type = typeOf(mapping.notetype === null ? table.headers.notetype : cell(mapping.notetype), mapping.cardType);
    if (front === '') {
      issues.push({ file, place, field: 'front', code: 'csv.empty-cell', params: { column: mapping.front + 1 } });
      continue;
    }
    if (back === '' && type !== 'cloze') {
      issues.push(
        mapping.back === null
          ? { file, place, field: 'back', code: 'csv.no-back-column' }
          : { file, place, field: 'back', code: 'csv.empty-cell', params: { column: mapping.back + 1 } },
      );
      continue;
    }
    const deckName = cell(mapping.deck) || mapping.deckName.trim();
    let deck = decks.get(deckName);
    if (!deck) decks.set(deckName, (deck = { name: deckName, cards: [], ids: new Map() }));

    const idCell = cell(mapping.id);
    if (mapping.id !== null && idCell === '') {
      issues.push({ file, place, field: 'id', code: 'csv.empty-id', params: { column: mapping.id + 1 } });
      continue;
    }
    // A `dd:` GUID names the dockdeck card the row was exported from; any other id is the card's own.
    const ddCard = dd && SLUG.test(dd.cardId) && dd.cardId.length <= 80 ? dd.cardId : null;
    const id = ddCard ?? (mapping.id !== null ? idFromCell(idCell) : `f-${hashText(front)}`);
    vote(deckName, dd?.deckId ?? null);
    const seen = deck.ids.get(id);
    if (seen !== undefined) {
      issues.push(
        mapping.id !== null
          ? { file, place, field: 'id', code: 'csv.duplicate-id', params: { otherRow: seen, id: idCell } }
          : { file, place, field: 'front', code: 'csv.duplicate-front', params: { otherRow: seen } },
      );
      continue;
    }
    deck.ids.set(id, line);
    const tags = [
      ...new Set([
        ...globalTags,
        ...cell(mapping.tags)
          .split(/\s+/)
          .filter((t) => t !== '')
          .map(toTag),
      ]),
    ];
    // A row's own GUID goes back out with its card, so Anki and a re-import both know it again.
    const anki = mapping.id !== null && !dd ? { anki: { guid: idCell } } : {};
    const base = { id, tags, source: { doc: file, section: deckName }, ...anki };
    const card: DeckCard =
      type === 'cloze'
        ? { ...base, type, text: text(front), ...(back === '' ? {} : { extra: text(back) }) }
        : { ...base, type, front: text(front), back: text(back) };
    deck.cards.push({ card, line });
  }
  if (exported) issues.push(...exported.issues);
  if (issues.length > 0) return { ok: false, issues: capIssues(issues, file) };
  if (decks.size === 0) return { ok: false, issues: [{ file, code: 'csv.no-rows' }] };

  const drafts: DeckDraft[] = [];
  const deckIds = new Set<string>();
  for (const { name, cards } of decks.values()) {
    const dockdeckId = named.get(name);
    const id = dockdeckId && !deckIds.has(dockdeckId) ? (deckIds.add(dockdeckId), dockdeckId) : deckId(name, deckIds);
    const embedded = exported?.embed.deck.id === id ? exported.embed.deck : null;
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
    const placeOf = (card: string): IssuePlace => {
      const row = lineOf.get(card);
      return row === undefined ? { card } : { row };
    };
    // Issues name the row (its line) and the column role, not the card and its field.
    const inRow = (i: Issue): Issue => {
      const { place, field, ...rest } = i;
      return {
        ...rest,
        ...(place?.card === undefined ? {} : { place: placeOf(place.card) }),
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
  if (unique.length > 0) return { ok: false, issues: capIssues(unique, file) };
  return { ok: true, value: { drafts, warnings: [...warnings.values()] } };
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
