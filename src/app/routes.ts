// The app's typed routes and the one link helper. A tiny hash router: the app has a few screens and no server, so
// `#/review/<deck>` is all the routing it needs. Features never build a `#/…` string: the shell hands them
// links made here (`href`), so a route changes in one place.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'library' }
  | { name: 'review'; deckId: string }
  /** Settings, with a preset chosen in the presets editor (a deck page's link to its preset). */
  | { name: 'settings'; preset?: string }
  /** The quiz home, or the results of one attempt. */
  | { name: 'quiz'; attemptId: string | null }
  /** A review of a list of cards: an attempt's mistakes, or a day of the interview plan. */
  | { name: 'card-list'; source: 'mistakes' | 'plan'; key: string }
  /** Import a file; a deck's page with its exports; backup and restore. */
  | { name: 'import' }
  | { name: 'deck'; deckId: string }
  | { name: 'backup' }
  /** The card browser. */
  | { name: 'browse' }
  /** Custom study of a deck, beyond today's limits. */
  | { name: 'custom'; deckId: string }
  /** The statistics page. */
  | { name: 'stats' };

/** A malformed escape (`#/deck/%E0`, a hand-edited or cut-off link) is kept as it is instead of crashing the app. */
function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodePart);
  if (parts[0] === 'review' && (parts[1] === 'mistakes' || parts[1] === 'plan') && parts[2])
    return { name: 'card-list', source: parts[1], key: parts[2] };
  if (parts[0] === 'review' && parts[1]) return { name: 'review', deckId: parts[1] };
  if (parts[0] === 'quiz') return { name: 'quiz', attemptId: parts[1] === 'attempt' && parts[2] ? parts[2] : null };
  if (parts[0] === 'settings')
    return parts[1] === 'preset' && parts[2] ? { name: 'settings', preset: parts[2] } : { name: 'settings' };
  if (parts[0] === 'import') return { name: 'import' };
  if (parts[0] === 'deck' && parts[1]) return { name: 'deck', deckId: parts[1] };
  if (parts[0] === 'backup') return { name: 'backup' };
  if (parts[0] === 'browse') return { name: 'browse' };
  if (parts[0] === 'stats') return { name: 'stats' };
  if (parts[0] === 'custom' && parts[1]) return { name: 'custom', deckId: parts[1] };
  return { name: 'library' };
}

/** The link of a route: every `href` in the app is made by this one function. */
export function href(route: Route): string {
  if (route.name === 'review') return `#/review/${encodeURIComponent(route.deckId)}`;
  if (route.name === 'settings')
    return route.preset === undefined ? '#/settings' : `#/settings/preset/${encodeURIComponent(route.preset)}`;
  if (route.name === 'quiz')
    return route.attemptId === null ? '#/quiz' : `#/quiz/attempt/${encodeURIComponent(route.attemptId)}`;
  if (route.name === 'card-list') return `#/review/${route.source}/${encodeURIComponent(route.key)}`;
  if (route.name === 'import') return '#/import';
  if (route.name === 'deck') return `#/deck/${encodeURIComponent(route.deckId)}`;
  if (route.name === 'backup') return '#/backup';
  if (route.name === 'browse') return '#/browse';
  if (route.name === 'stats') return '#/stats';
  if (route.name === 'custom') return `#/custom/${encodeURIComponent(route.deckId)}`;
  return '#/';
}

export function useHashRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (r) => (window.location.hash = href(r))];
}
