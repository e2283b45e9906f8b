// Media files of a deck as blob URLs for the cards on screen: loaded by name when needed, released when not.
import { useEffect, useMemo, useState } from 'react';
import { resolveMedia } from '../../domain/media-refs';
import { db } from '../connection';
import type { MediaRow } from '../database';

export function loadMedia(deckId: string, names: readonly string[]): Promise<(MediaRow | undefined)[]> {
  return db().media.bulkGet(names.map((n) => [deckId, n] as [string, string]));
}

/** A function that rewrites a text's media references to blob URLs of the given deck's files. */
export function useMediaResolver(deckId: string | null, names: readonly string[]): ((text: string) => string) | null {
  const key = names.join('\n');
  const [urls, setUrls] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!deckId || key === '') {
      setUrls(new Map());
      return;
    }
    let live = true;
    const made: string[] = [];
    void loadMedia(deckId, key.split('\n')).then((rows) => {
      if (!live) return;
      const map = new Map<string, string>();
      for (const row of rows) {
        if (!row) continue;
        const url = URL.createObjectURL(row.data);
        made.push(url);
        map.set(row.name, url);
      }
      setUrls(map);
    });
    return () => {
      live = false;
      for (const u of made) URL.revokeObjectURL(u);
    };
  }, [deckId, key]);
  return useMemo(() => (urls.size === 0 ? null : (text: string) => resolveMedia(text, (n) => urls.get(n))), [urls]);
}
