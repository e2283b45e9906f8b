// The dockdeck decks an Anki package's decks become: their ids (a dockdeck export's own, else a slug of the name) and
// each deck with its cards, note types and sources, checked by the deck validator.
import { IssueError } from '../../domain/errors';
import type { AnkiNotetypeDef, Deck } from '../../domain/deck-schema';
import { IMPORT_LIMITS } from '../import/draft';
import { parseDeck } from '../dockdeck/validate';
import { withSource, type ReadEmbed } from '../dockdeck/embed';
import type { AnkiNotetype, AnkiSchema } from './collection';
import { deckIdFromName, hashHex } from './ids';
import { deckNameOf, type NoteConverter } from './read-notes';

/** Code-unit order of deck names, not localeCompare: the same on every machine, so a deck gets the same id everywhere. */
export function byName(schema: AnkiSchema) {
  return (a: string, b: string) => {
    const [x, y] = [deckNameOf(schema, a), deckNameOf(schema, b)];
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/**
 * dockdeck deck ids: a deck of a dockdeck export keeps its dockdeck id (the one its embed names, or that all its
 * notes' GUIDs name); any other is a slug of its name, and names that slug alike are told apart by a hash, in name order.
 */
export function assignDeckIds(
  schema: AnkiSchema,
  ankiDecks: readonly string[],
  converter: NoteConverter,
  embeds: Map<string, ReadEmbed>,
): Map<string, string> {
  const deckIds = new Map<string, string>();
  const used = new Set<string>();
  for (const d of ankiDecks) {
    const votes = [...(converter.dockdeckIds.get(d) ?? [])];
    const named = embeds.get(d)?.deck.id ?? (votes.length === 1 ? votes[0] : null);
    if (named && !used.has(named)) {
      used.add(named);
      deckIds.set(d, named);
    }
  }
  for (const d of ankiDecks) {
    if (deckIds.has(d)) continue;
    const name = deckNameOf(schema, d);
    let id = deckIdFromName(name);
    if (used.has(id)) id = `${id.slice(0, 71).replace(/-+$/, '')}-${hashHex(name).slice(0, 8)}`;
    for (let n = 2; used.has(id); n++) id = `${id.slice(0, 76)}-${n}`;
    used.add(id);
    deckIds.set(d, id);
  }
  return deckIds;
}

/** The dockdeck deck of one Anki deck: its embed's deck when a dockdeck export wrote one, else made from its name. */
export function deckOf(
  file: string,
  schema: AnkiSchema,
  d: string,
  id: string,
  converter: NoteConverter,
  embedded: Deck | undefined,
): Deck {
  const info = schema.decks.get(d);
  const name = deckNameOf(schema, d);
  const description = info?.description.trim() ?? '';
  const typesUsed = converter.notetypesOf.get(d) ?? new Set<string>();
  const ankiNotetypes = [...typesUsed].flatMap((mid) => {
    const nt = schema.notetypes.get(mid);
    return nt ? [notetypeDef(nt)] : [];
  });
  const notetypes = ankiNotetypes.length > 0 ? { ankiNotetypes } : {};
  const cards = converter.decks.get(d)!;
  const deck: Deck = embedded
    ? { ...embedded, id, sources: withSource(embedded.sources, file), ...notetypes, cards }
    : {
        format: 'dockdeck/deck@1',
        id,
        title: { en: name, zh: name },
        ...(description === '' ? {} : { description: { en: description, zh: description } }),
        tags: [],
        sources: [{ doc: file }],
        tables: [],
        textFormat: 'html',
        ...notetypes,
        cards,
      };
  // The mapping should only ever make valid decks; a failure here is a bug, reported rather than written.
  const checked = parseDeck(file, deck);
  if (!checked.ok)
    throw new IssueError(
      checked.issues
        .slice(0, IMPORT_LIMITS.maxListedIssues)
        .map((i) => ({ ...i, place: { deck: name, ...(i.place?.card === undefined ? {} : { card: i.place.card }) } })),
    );
  return checked.deck;
}

/** A note type as a deck keeps it (deck-schema.ts `ankiNotetypeSchema`). */
function notetypeDef(nt: AnkiNotetype): AnkiNotetypeDef {
  return {
    id: nt.id,
    name: nt.name,
    cloze: nt.cloze,
    fields: nt.fields,
    templates: nt.templates.map((t) => ({ name: t.name, ord: t.ord, qfmt: t.qfmt, afmt: t.afmt })),
    css: nt.css,
    sortField: nt.sortField,
  };
}
