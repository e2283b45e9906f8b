// A deck's own display choices, one settings row per deck and choice: deck rows are rewritten by every import,
// settings rows are not, so a choice survives re-importing its deck (and goes along in a backup).
import type { DockdeckDB } from './database';

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

/** How a deck's cards are drawn: text format, the note types' CSS by note type id, and the remote-image choice. */
export interface DeckDisplay {
  textFormat: 'markdown' | 'html';
  notetypeCss: ReadonlyMap<string, string>;
  remoteImages: boolean;
}

/** One read for a live query: it re-runs when the deck (a re-import) or the choice changes. */
export async function readDeckDisplay(db: DockdeckDB, deckId: string): Promise<DeckDisplay> {
  const [deck, remoteImages] = await Promise.all([db.decks.get(deckId), readRemoteImages(db, deckId)]);
  const notetypeCss = new Map((deck?.ankiNotetypes ?? []).filter((n) => n.css.trim()).map((n) => [n.id, n.css]));
  return { textFormat: deck?.textFormat ?? 'markdown', notetypeCss, remoteImages };
}
