// Saving an edited card (a deck card: one note, which may make several study cards): checked as the deck file's
// card would be, then its study cards rewritten in one transaction. A study card that stays keeps its memory, marks
// and history; one the edit removes (a cloze number taken out) is deleted, its log kept; one it adds starts new.
// An edit of a built-in deck's card is also kept in `noteEdits`, so that an update of the built-in deck keeps the
// user's version (see `applyNoteEdits`), until the user restores the original. Also: a card read back from its study
// cards (for the editor), a new empty deck of the user's, and a fresh id for a new card.
import type { DockdeckDB, CardRow, DeckRow } from './database';
import { deckFields, type DeckFields } from '../domain/deck-fields';
import type { Deck, DeckCard, DeckSource, Source, Text } from '../domain/deck-schema';
import { IssueError } from '../domain/errors';
import type { Issue } from '../domain/issue';
import { newMemory } from '../domain/scheduler';
import { slugOf, uniqueSlug } from '../domain/slug';
import { sourceName } from '../domain/source';
import { expandDeck } from '../domain/study-card';
import { rebuildCard } from '../formats/dockdeck/write';
import { parseDeck } from '../formats/dockdeck/validate';
import { dropMarks } from './marks-table';
import { activeContentIssues } from '../formats/import/active-content';
export { applyNoteEdits, noteEditsOf } from './note-edits';

/**
 * The file hash of a deck made in the app: no file stands behind it, so no file's hash matches it (importing a file of
 * the same id always writes), and the deck's page can say where it came from.
 */
export const MADE_IN_APP = 'made-in-app';

export interface CardEditResult {
  kept: string[];
  added: string[];
  removed: string[];
}

/** The study cards stored for one deck card: ids `deckId/cardId` and `deckId/cardId:…` of that note. */
async function noteRows(db: DockdeckDB, deckId: string, cardId: string): Promise<CardRow[]> {
  const noteId = `${deckId}/${cardId}`;
  return db.cards
    .where('id')
    .startsWith(noteId)
    .filter((r) => r.noteId === noteId)
    .toArray();
}

/**
 * The deck fields a card is checked against: the stored deck's, and for a deck of the user's also the source the card
 * cites when the deck does not list it yet (saving lists it). A built-in deck's sources are its file's.
 */
function deckFor(deck: DeckRow, card: unknown): DeckFields {
  // The card is checked alone: the deck's interview questions name its other cards (a saved card keeps its type, so
  // an interview's key point stays a basic card).
  const { interviews: _, ...fields } = deckFields(deck);
  if (deck.builtin || typeof card !== 'object' || card === null) return fields;
  const source = (card as { source?: { doc?: unknown; url?: unknown } }).source;
  const doc = typeof source?.doc === 'string' ? source.doc.trim() : '';
  const url = typeof source?.url === 'string' ? source.url : '';
  // Only a source that names one thing; a card naming neither or both gets that card's own message.
  if ((doc === '') === (url === '')) return fields;
  const listed: DeckSource = doc !== '' ? { doc: source!.doc as string } : { url };
  if (fields.sources.some((s) => sourceName(s) === sourceName(listed))) return fields;
  return { ...fields, sources: [...fields.sources, listed] };
}

export type CardCheck = { ok: true; card: DeckCard; deck: DeckFields } | { ok: false; issues: Issue[] };

/**
 * Whether `card` may be saved in `deck`: the deck file's door (shape, then rules), with the card alone in the deck.
 * Pure: the editor runs it as the user types; `saveCardEdit` runs it again inside its transaction.
 */
export function checkCardEdit(deck: DeckRow, card: unknown): CardCheck {
  const fields = deckFor(deck, card);
  const parsed = parseDeck(`${deck.id}.json`, { format: 'dockdeck/deck@1', ...fields, tables: [], cards: [card] });
  if (parsed.ok) {
    // The deck file's import refuses scripts, event handlers and javascript: links: a card that holds one could be
    // exported but never imported back (and is only ever shown sanitised), so it is not saved either.
    const active = activeContentIssues(`${deck.id}.json`, { ...parsed.deck, tables: [] })
      .filter((i) => i.place !== undefined)
      .map((i): Issue => ({ ...i, code: 'deck.active-content' }));
    if (active.length > 0) return { ok: false, issues: active };
    return { ok: true, card: parsed.deck.cards[0]!, deck: fields };
  }
  // A badly written new source is the card's problem (said at its `source`), not a second one of the deck's list.
  const added = fields.sources.length > deck.sources.length;
  return { ok: false, issues: parsed.issues.filter((i) => !(added && i.field?.startsWith('sources'))) };
}

/**
 * Saves `edited` as the new version of its card in deck `deckId`. Refused with an IssueError naming each field when
 * the card would not be valid in the deck file (an empty front, an mcq answer out of range, a cloze with no gap…), or
 * when it changes the type of a saved card; then nothing is written. In a deck of the user's, a newly cited source is
 * listed in the deck, and the deck no longer counts as its file's last version (so importing that file again updates).
 */
export async function saveCardEdit(
  db: DockdeckDB,
  deckId: string,
  edited: DeckCard,
  now: number,
): Promise<CardEditResult> {
  return db.transaction('rw', db.decks, db.cards, db.cardMarks, db.noteEdits, async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) throw new IssueError([{ file: `${deckId}.json`, code: 'deck.not-found', params: { id: deckId } }]);
    const checked = checkCardEdit(deck, edited);
    if (!checked.ok) throw new IssueError(checked.issues);
    const { card } = checked;
    const stored = (await noteRows(db, deckId, card.id)).sort((a, b) => a.position - b.position);
    refuseTypeChange(deckId, card, stored);
    const byId = new Map(stored.map((r) => [r.id, r]));
    // New study cards of the note go where the note's cards stood (or after the deck's last card).
    const base = stored.length > 0 ? Math.min(...stored.map((r) => r.position)) : await nextPosition(db, deckId);
    const fresh = newMemory(new Date(now));
    const result: CardEditResult = { kept: [], added: [], removed: [] };
    const puts: CardRow[] = expandDeck({ ...checked.deck, format: 'dockdeck/deck@1', cards: [card] }).map((sc, i) => {
      const row = byId.get(sc.id);
      byId.delete(sc.id);
      (row ? result.kept : result.added).push(sc.id);
      const position = row?.position ?? base + i;
      return row
        ? { ...row, ...sc, position, updatedAt: now }
        : { ...fresh, ...sc, position, createdAt: now, updatedAt: now };
    });
    result.removed = [...byId.keys()];
    await db.cards.bulkPut(puts);
    if (result.removed.length > 0) {
      // A study card the note no longer makes goes with its marks.
      await db.cards.bulkDelete(result.removed);
      await dropMarks(db, result.removed);
    }
    if (deck.builtin) await db.noteEdits.put({ deckId, cardId: card.id, card, editedAt: now });
    else {
      // The deck is no longer what its file was: importing that file again updates it.
      const contentHash = deck.contentHash === MADE_IN_APP ? MADE_IN_APP : '';
      await db.decks.put({ ...deck, sources: checked.deck.sources, contentHash, updatedAt: now });
    }
    return result;
  });
}

/** A saved card's history is kept under its id and type: a basic card does not become an mcq. */
function refuseTypeChange(deckId: string, card: DeckCard, stored: CardRow[]): void {
  if (stored.length === 0) return;
  const was = rebuildCard(deckId, stored).type;
  if (was !== card.type)
    throw new IssueError([
      {
        file: `${deckId}.json`,
        place: { card: card.id },
        field: 'type',
        code: 'deck.type-changed',
        params: { type: card.type, was },
      },
    ]);
}

/** The deck card `cardId` of deck `deckId`, made again from its stored study cards; null when it has none. */
export async function loadDeckCard(db: DockdeckDB, deckId: string, cardId: string): Promise<DeckCard | null> {
  const rows = await noteRows(db, deckId, cardId);
  if (rows.length === 0) return null;
  return rebuildCard(
    deckId,
    rows.sort((a, b) => a.position - b.position),
  );
}

/**
 * An id for a new card of deck `deckId`, made from its text (`"What is a cgroup?"` → `what-is-a-cgroup`): used by no
 * stored card and by no review-log entry, since a card whose id an old card had would take that card's history.
 */
export async function nextCardId(db: DockdeckDB, deckId: string, text: string): Promise<string> {
  const base = slugOf(text, 50) || 'card';
  const prefix = `${deckId}/${base}`;
  const noteOf = (id: string) => id.slice(deckId.length + 1).split(':')[0]!;
  const used = new Set<string>();
  for (const id of await db.cards.where('id').startsWith(prefix).primaryKeys()) used.add(noteOf(id));
  for (const id of await db.reviewLogs.where('cardId').startsWith(prefix).uniqueKeys()) used.add(noteOf(String(id)));
  return uniqueSlug(base, (id) => used.has(id));
}

/**
 * The source a new card of the deck starts with: its last card's (cards are mostly written one section after
 * another), else the deck's first listed document or page, with no section yet.
 */
export async function newCardSource(db: DockdeckDB, deckId: string): Promise<Source | null> {
  const last = await db.cards.where('[deckId+position]').between([deckId, -Infinity], [deckId, Infinity]).last();
  if (last) return last.source;
  const first = (await db.decks.get(deckId))?.sources[0];
  if (first?.url) return { url: first.url, section: '' };
  return first?.doc ? { doc: first.doc, section: '' } : null;
}

export interface NewDeck {
  /** A slug; made from the title when left out. */
  id?: string;
  title: Text;
  description?: Text;
}

/**
 * A new empty deck of the user's (a dockdeck deck, as if its file had been imported), with an id of its own: from the
 * title (`"Kubernetes basics"` → `kubernetes-basics`, `-2` when taken). Refused with an IssueError naming the field
 * when the title is blank in a language, or when a given id is not a slug or is taken.
 */
export async function createDeck(db: DockdeckDB, input: NewDeck, now: number): Promise<DeckRow> {
  return db.transaction('rw', db.decks, async () => {
    const taken = new Set(await db.decks.toCollection().primaryKeys());
    const id = input.id ?? uniqueSlug(slugOf(input.title.en) || slugOf(input.title.zh) || 'deck', (x) => taken.has(x));
    const file: Omit<Deck, 'tags' | 'sources' | 'tables'> = {
      format: 'dockdeck/deck@1',
      id,
      title: input.title,
      ...(input.description ? { description: input.description } : {}),
      cards: [],
    };
    const parsed = parseDeck(`${id}.json`, file);
    if (!parsed.ok) throw new IssueError(parsed.issues);
    const existing = input.id === undefined ? undefined : await db.decks.get(id);
    if (existing)
      throw new IssueError([
        { file: `${id}.json`, field: 'id', code: 'deck.id-taken', params: { id, owner: `"${existing.title.en}"` } },
      ]);
    const row: DeckRow = {
      ...deckFields(parsed.deck),
      builtin: false,
      origin: 'json',
      contentHash: MADE_IN_APP,
      createdAt: now,
      updatedAt: now,
    };
    await db.decks.add(row);
    return row;
  });
}

async function nextPosition(db: DockdeckDB, deckId: string): Promise<number> {
  const last = await db.cards.where('[deckId+position]').between([deckId, -Infinity], [deckId, Infinity]).last();
  return last ? last.position + 1 : 0;
}

/** Drops the user's version of a built-in card and writes the file's `original` back (history kept as for any edit). */
export async function restoreOriginal(
  db: DockdeckDB,
  deckId: string,
  original: DeckCard,
  now: number,
): Promise<CardEditResult> {
  return db.transaction('rw', db.decks, db.cards, db.cardMarks, db.noteEdits, async () => {
    const result = await saveCardEdit(db, deckId, original, now);
    await db.noteEdits.delete([deckId, original.id]);
    return result;
  });
}
