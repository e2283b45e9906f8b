// Tap to reveal, as Anki's: a tap (or a click) on the face of a card with nothing to answer shows its back.
import type { MouseEvent } from 'react';
import type { StudyContent } from '../../domain/study-card';

/** What a tap on the card leaves to its own element: a control, a link, a field, media, or a label of one. */
const OWN_TAP =
  'button, a[href], input, select, textarea, label, summary, details, audio, video, iframe, [role], [tabindex], [contenteditable]';

/** Cards answered with their own controls (a choice, a typed answer) are shown by those, never by a stray tap. */
export function revealsOnTap(kind: StudyContent['kind']): boolean {
  return kind !== 'mcq' && kind !== 'classify' && kind !== 'type-in';
}

/** Whether a click on the card (its handler on `currentTarget`) is a plain tap on its face. */
export function isRevealTap(e: MouseEvent<HTMLElement>): boolean {
  if (e.button !== 0 || e.defaultPrevented || e.detail > 1) return false;
  const own = e.target instanceof Element ? e.target.closest(OWN_TAP) : null;
  if (own && e.currentTarget.contains(own)) return false;
  // A drag that selected text is not a tap.
  const selection = window.getSelection();
  return !selection || selection.isCollapsed;
}
