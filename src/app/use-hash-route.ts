// A tiny hash router: the app has three screens and no server, so `#/review/<deck>` is all the routing it needs.
import { useEffect, useState } from 'react';

export type Route = { name: 'library' } | { name: 'review'; deckId: string } | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'review' && parts[1]) return { name: 'review', deckId: parts[1] };
  if (parts[0] === 'settings') return { name: 'settings' };
  return { name: 'library' };
}

export function routeHash(route: Route): string {
  if (route.name === 'review') return `#/review/${encodeURIComponent(route.deckId)}`;
  if (route.name === 'settings') return '#/settings';
  return '#/';
}

export function useHashRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (r) => (window.location.hash = routeHash(r))];
}
