// The media files an Anki package's decks use: found by the cards' own references, read from the package once each,
// and what was left out (unused, unusable names, missing from the package) as warnings.
import { IssueError, PartError } from '../../domain/errors';
import type { Issue } from '../../domain/issue';
import type { DeckCard } from '../../domain/deck-schema';
import { mediaNames } from '../../domain/media-refs';
import type { ImportedMedia } from '../import/draft';
import type { Container } from './container';
import { isSafeMediaName, mimeType } from './media';

/**
 * The HTML of a card the reader made (both languages hold the same text), and its note's raw fields: a file only a
 * field uses, that no template shows, still goes along, so an export writes the note with all its files.
 */
function cardHtml(card: DeckCard): string[] {
  return [...shownHtml(card), ...(card.anki?.fields ?? [])];
}

function shownHtml(card: DeckCard): string[] {
  switch (card.type) {
    case 'basic':
    case 'reverse':
      return [card.front.en, card.back.en];
    case 'cloze':
      return card.extra ? [card.text.en, card.extra.en] : [card.text.en];
    case 'type-in':
      return [card.prompt.en, card.answer.en];
    default:
      return [];
  }
}

export interface MediaRead {
  /** Anki deck id → the media its cards use, by name. */
  byDeck: Map<string, ImportedMedia[]>;
  warnings: Issue[];
}

/**
 * The media each deck's cards use, read from the package once per file. References are found with the app's own
 * `mediaNames` (src/domain/media-refs.ts), so a deck gets exactly the names its cards will ask for; a reference finds
 * its file also when only Unicode normalisation differs (Anki stores NFC names). A damaged media file refuses the
 * import (an `IssueError` naming it).
 */
export async function readMedia(
  container: Container,
  decks: Map<string, DeckCard[]>,
  file: string,
  between: () => Promise<void>,
  progress: (done: number, total: number) => void,
): Promise<MediaRead> {
  const byName = new Map<string, string>();
  let unsafe = 0;
  for (const m of container.media) {
    const name = m.name.normalize('NFC');
    if (!isSafeMediaName(name)) unsafe++;
    else if (!byName.has(name)) byName.set(name, m.zipName);
  }
  const refs = new Map<string, Set<string>>();
  const needed = new Map<string, string>();
  // A package without media files (most big ones) has no reference to look for.
  for (const [d, cards] of byName.size === 0 ? [] : decks) {
    const set = new Set<string>();
    for (const card of cards) {
      for (const html of cardHtml(card)) {
        for (const ref of mediaNames(html)) {
          const zipName = byName.get(ref.normalize('NFC'));
          if (zipName === undefined) continue;
          set.add(ref);
          needed.set(ref, zipName);
        }
      }
    }
    refs.set(d, set);
  }
  const loaded = new Map<string, ImportedMedia>();
  const byZip = new Map<string, Uint8Array | undefined>();
  const missingFiles = new Set<string>();
  progress(0, needed.size);
  let done = 0;
  for (const [name, zipName] of needed) {
    if (done % 50 === 0) await between();
    let data = byZip.get(zipName);
    if (!byZip.has(zipName)) {
      try {
        data = container.mediaFile(zipName);
      } catch (e) {
        if (e instanceof PartError) throw new IssueError([{ file, ...e.issue, place: { media: name } }]);
        throw e;
      }
      byZip.set(zipName, data);
    }
    // A stored entry is a view into the whole package: copy it, or posting or storing the file would take the
    // whole package with it (structured clone keeps a view's entire buffer).
    if (data)
      loaded.set(name, {
        name,
        type: mimeType(name, data),
        data: data.byteLength === data.buffer.byteLength ? data : data.slice(),
      });
    else missingFiles.add(name);
    progress(++done, needed.size);
  }
  const byDeck = new Map<string, ImportedMedia[]>();
  for (const [d, set] of refs)
    byDeck.set(
      d,
      [...set].flatMap((n) => loaded.get(n) ?? []).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    );
  const warnings: Issue[] = [];
  const unused = byName.size - new Set(needed.values()).size;
  if (unused > 0) warnings.push({ file, code: 'warn.media-unused', params: { n: unused } });
  if (unsafe > 0) warnings.push({ file, code: 'warn.media-bad-name', params: { n: unsafe } });
  const missing = [...missingFiles];
  if (missing.length > 0)
    warnings.push({ file, code: 'warn.media-missing', params: { n: missing.length, names: missing.slice(0, 5) } });
  return { byDeck, warnings };
}
