// The box an Anki card is drawn in: Anki's `.card` (its body), carrying the note type's CSS scoped to it.
//
// The CSS goes in as a constructed stylesheet (document.adoptedStyleSheets), not a <style> element: the app's
// Content-Security-Policy allows stylesheet files only, and a constructed sheet is not subject to it. It is
// scoped and cleaned first (css-scope.ts), so what the policy does not check has nothing to load or reach.
//
// In the dark theme the box has Anki's night-mode classes, so that note types that style night mode do; one whose
// CSS sets colours for a light page only keeps a light page of its own (`card-scope-paper`), where it stays readable.
import { useLayoutEffect, type ReactNode } from 'react';
import { useDocumentTheme } from '../lib/document-theme';
import { cardOrdClass, nightStyle, scopeCss } from './css-scope';

/** The classes Anki puts on the card in night mode (desktop, and AnkiDroid's older one). */
const NIGHT_CLASSES = ['nightMode', 'night_mode'];

interface Shared {
  sheet: CSSStyleSheet;
  users: number;
}

/** One sheet per scope and text, shared by every card on screen that uses it, removed with the last of them. */
const sheets = new Map<string, Shared>();

function canAdopt(): boolean {
  return (
    typeof document !== 'undefined' &&
    'adoptedStyleSheets' in document &&
    typeof CSSStyleSheet !== 'undefined' &&
    typeof CSSStyleSheet.prototype.replaceSync === 'function'
  );
}

function adopt(key: string, scopeClass: string, css: string): () => void {
  let shared = sheets.get(key);
  if (!shared) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(scopeCss(css, scopeClass));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    shared = { sheet, users: 0 };
    sheets.set(key, shared);
  }
  shared.users++;
  const mine = shared;
  return () => {
    if (--mine.users > 0) return;
    sheets.delete(key);
    if (canAdopt()) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== mine.sheet);
  };
}

/** A class name for a scope made of any text (a deck and note type id). */
export function scopeClassFor(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return `dd-nt-${h.toString(36)}`;
}

export function CardScope({
  scopeId,
  css,
  ord,
  children,
}: {
  /** What the CSS belongs to (deck and note type): cards of the same note type share one sheet. */
  scopeId: string;
  css: string;
  /** The card's template ordinal, for Anki's `.card1`, `.card2`… */
  ord?: number | undefined;
  children: ReactNode;
}) {
  const scopeClass = scopeClassFor(scopeId);
  const dark = useDocumentTheme() === 'dark';
  useLayoutEffect(() => {
    if (!css.trim() || !canAdopt()) return;
    return adopt(`${scopeClass}\n${css}`, scopeClass, css);
  }, [scopeClass, css]);
  const classes = ['card-scope', scopeClass, ...(ord !== undefined ? [cardOrdClass(ord)] : [])];
  if (dark) classes.push(...NIGHT_CLASSES, ...(nightStyle(css) === 'paper' ? ['card-scope-paper'] : []));
  return <div className={classes.join(' ')}>{children}</div>;
}
