// The theme on <html data-theme> (the stylesheet's colour sets key on it), resolved from the user's choice: "system"
// follows prefers-color-scheme and changes with it. Remembered in localStorage so the first frame has the right
// colours, before the stored settings are read (as document-lang.ts does for the language).
import { THEMES, type Theme } from '../domain/settings';
import { THEME_ATTRIBUTE, type DocumentTheme } from '../lib/document-theme';

const KEY = 'dockdeck.theme';

/** The browser bar's colour (`<meta name="theme-color">`) per theme: the light theme's accent, the dark page's ground. */
export const THEME_COLOURS: Readonly<Record<DocumentTheme, string>> = { light: '#2b6cb0', dark: '#14171c' };
const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemTheme(): DocumentTheme {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

export function resolveTheme(choice: Theme): DocumentTheme {
  return choice === 'system' ? systemTheme() : choice;
}

/** Stops following the system for the choice applied last. */
let unfollow = () => {};

/** Puts the theme on <html> now and, for "system", again whenever the system's changes, until another is applied. */
export function applyDocumentTheme(choice: Theme): void {
  unfollow();
  unfollow = () => {};
  const set = () => {
    const theme = resolveTheme(choice);
    document.documentElement.setAttribute(THEME_ATTRIBUTE, theme);
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', THEME_COLOURS[theme]);
  };
  set();
  if (choice !== 'system' || typeof matchMedia !== 'function') return;
  const query = matchMedia(DARK_QUERY);
  query.addEventListener('change', set);
  unfollow = () => query.removeEventListener('change', set);
}

/** The theme the settings held when last read, or null (first visit, or storage not available). */
export function rememberedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(KEY);
    return THEMES.find((t) => t === value) ?? null;
  } catch {
    // localStorage can throw (disabled storage, some private modes): the page then follows the system.
    return null;
  }
}

export function rememberTheme(choice: Theme): void {
  try {
    localStorage.setItem(KEY, choice);
  } catch {
    // Only a hint for the next start: the settings in IndexedDB stay the truth.
  }
}
