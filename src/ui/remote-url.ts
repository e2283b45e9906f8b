// Whether a URL in card text points at another site, and which: read as the browser would read it.

export interface RemoteUrl {
  /** The URL as it would be fetched (http: is upgraded to https:, as a secure page upgrades images). */
  url: string;
  /** The site, for the note that says what was blocked. */
  host: string;
}

// What a browser ignores in a URL attribute: spaces and controls anywhere (tab, newline) or at the ends.
// eslint-disable-next-line no-control-regex
const IGNORED = /[\u0000-\u0020\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000]/g;

/** The URLs an attribute value holds: itself, or each candidate of a `srcset`. */
export function resourceUrls(value: string, srcset: boolean): string[] {
  if (!srcset) return [value];
  return value
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter((u) => u !== '');
}

/** The remote site a URL would be fetched from, or null for the app's own, blob:, data: and fragment URLs. */
export function remoteUrl(value: string): RemoteUrl | null {
  // Browsers read `\` as `/` in web URLs, so `\\host` is `//host`.
  const v = value.replace(IGNORED, '').replace(/\\/g, '/');
  const m = /^(?:(https?):)?\/\//i.exec(v) ?? /^(https?):/i.exec(v);
  if (!m) return null;
  const absolute = m[1] ? `https:${v.slice(m[1].length + 1)}` : `https:${v}`;
  try {
    const url = new URL(absolute);
    return { url: url.href, host: url.host || '?' };
  } catch {
    return { url: absolute, host: '?' };
  }
}
