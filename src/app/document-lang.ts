// The interface language on <html lang> (screen readers and the browser's CJK font choice go by it), and remembered
// in localStorage so the page has the right one from its first frame, before the stored settings are read.
import { localeTag, type UiLang } from '../lib/i18n';

const KEY = 'dockdeck.uiLang';

export function applyDocumentLang(lang: UiLang): void {
  document.documentElement.lang = localeTag(lang);
}

/** The language the settings held when last read, or null (first visit, or storage not available). */
export function rememberedUiLang(): UiLang | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'en' || value === 'zh' ? value : null;
  } catch {
    // localStorage can throw (disabled storage, some private modes): the app then starts in English.
    return null;
  }
}

export function rememberUiLang(lang: UiLang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Only a hint for the next start: the settings in IndexedDB stay the truth.
  }
}
