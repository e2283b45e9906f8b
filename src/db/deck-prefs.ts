// A deck's own display choices, one settings row per deck and choice: deck rows are rewritten by every import,
// settings rows are not, so a choice survives re-importing its deck (and goes along in a backup).
import type { DeckOrigin, DockdeckDB, DeckRow } from './database';
import { sourceTitles, type CitedSources } from '../lib/cited-sources';

/** The settings key of "load remote images" for a deck. */
export function remoteImagesKey(deckId: string): string {
  return `deck-remote-images:${deckId}`;
}

/** Whether the user let this deck show images from other sites (no, unless they said so). */
export async function readRemoteImages(db: DockdeckDB, deckId: string): Promise<boolean> {
  return (await db.settings.get(remoteImagesKey(deckId)))?.value === true;
}

export async function writeRemoteImages(db: DockdeckDB, deckId: string, allow: boolean, now: number): Promise<void> {
  await db.settings.put({ key: remoteImagesKey(deckId), value: allow, updatedAt: now });
}

/**
 * Whether a deck's cards cite where their facts stand: a deck file's (built-in or dockdeck JSON) cards name a document
 * or page and its heading; an Anki or CSV card's source is only the file and deck it came from, noise under an answer.
 */
export function citesSources(origin: DeckOrigin | undefined): boolean {
  return origin === undefined || origin === 'builtin' || origin === 'json';
}

/** What a deck's source lines show: nothing (see citesSources), or its documents' titles; a deck not stored cites. */
export function citedSources(deck: DeckRow | undefined): CitedSources {
  return citesSources(deck?.origin) ? sourceTitles(deck?.sources) : false;
}

export async function readCitedSources(db: DockdeckDB, deckId: string): Promise<CitedSources> {
  return citedSources(await db.decks.get(deckId));
}

/**
 * How a deck's cards are drawn: text format, the note types' CSS by note type id, the remote-image choice, and
 * whether their source line shows.
 */
export interface DeckDisplay {
  textFormat: 'markdown' | 'html';
  notetypeCss: ReadonlyMap<string, string>;
  remoteImages: boolean;
  cited: CitedSources;
}

/** One read for a live query: it re-runs when the deck (a re-import) or the choice changes. */
export async function readDeckDisplay(db: DockdeckDB, deckId: string): Promise<DeckDisplay> {
  const [deck, remoteImages] = await Promise.all([db.decks.get(deckId), readRemoteImages(db, deckId)]);
  const notetypeCss = new Map((deck?.ankiNotetypes ?? []).filter((n) => n.css.trim()).map((n) => [n.id, n.css]));
  return {
    textFormat: deck?.textFormat ?? 'markdown',
    notetypeCss,
    remoteImages,
    cited: citedSources(deck),
  };
}
