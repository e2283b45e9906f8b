// Media references in card text (Anki style): `<img src="cat.jpg">` and `[sound:meow.mp3]`, by file name.

const SRC = /<(?:img|audio|source|video)\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const SOUND = /\[sound:([^\]]+)\]/g;

/** A reference is a media file of the deck when it is a bare name, not a URL or a path. */
function isLocalName(ref: string): boolean {
  return ref !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(ref) && !ref.startsWith('/') && !ref.startsWith('#');
}

/** The media file names a text refers to, each once, in order of appearance. */
export function mediaNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(SRC)) {
    const ref = decodeRef(m[1] ?? m[2] ?? m[3] ?? '');
    if (isLocalName(ref)) names.add(ref);
  }
  for (const m of text.matchAll(SOUND)) names.add(m[1]!.trim());
  return [...names];
}

function decodeRef(ref: string): string {
  try {
    return decodeURIComponent(ref.replace(/&amp;/g, '&'));
  } catch {
    return ref;
  }
}

/**
 * Points media references at the URLs the app has for them (blob URLs of stored files) and turns `[sound:x]`
 * into an audio player. References with no URL are left as they are (the sanitiser drops them).
 */
export function resolveMedia(text: string, urlFor: (name: string) => string | undefined): string {
  const withSound = text.replace(SOUND, (m, name: string) => {
    const url = urlFor(name.trim());
    return url ? `<audio controls preload="none" src="${url}"></audio>` : m;
  });
  return withSound.replace(SRC, (m, dq?: string, sq?: string, bare?: string) => {
    const ref = dq ?? sq ?? bare ?? '';
    const url = isLocalName(decodeRef(ref)) ? urlFor(decodeRef(ref)) : undefined;
    return url ? m.replace(ref, url) : m;
  });
}

/** All media names a study card's content refers to (any language, any side). */
export function contentMediaNames(content: unknown): string[] {
  const names = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') for (const n of mediaNames(v)) names.add(n);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(content);
  return [...names];
}
