// The colours the page is drawn in, as <html data-theme> says ('light' or 'dark'), for the few components that need
// to know it in script (an Anki card's night-mode classes); everything else follows it in CSS.
import { useSyncExternalStore } from 'react';

export type DocumentTheme = 'light' | 'dark';

export const THEME_ATTRIBUTE = 'data-theme';

function read(): DocumentTheme {
  if (typeof document === 'undefined') return 'light';
  return document.documentElement.getAttribute(THEME_ATTRIBUTE) === 'dark' ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  if (typeof MutationObserver === 'undefined') return () => {};
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: [THEME_ATTRIBUTE] });
  return () => observer.disconnect();
}

/** The theme on <html> now, re-rendering when it changes. */
export function useDocumentTheme(): DocumentTheme {
  return useSyncExternalStore(subscribe, read, () => 'light');
}
