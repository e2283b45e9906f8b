// Keyboard control of the review screen: Space/Enter show, 1–4 grade, A–H choose, U or Ctrl+Z undo, L language,
// - bury, @ suspend, Ctrl+1–7 flag, E edit, I info, Esc leaves. A focused control does its own job first: the keys act only when the focus is on no control.
import { useEffect, useRef } from 'react';
import { choiceLetterIndex, choiceOrder } from '../../domain/choice-order';
import { RATINGS } from '../../domain/scheduler';
import type { StudyContent } from '../../domain/study-card';
import { focusedControl, inDialog } from '../../ui/focused-control';
import type { ToolKind } from './card-tools';
import { draftOf, type ReviewStore, type ShownMemory, type Showing } from './review-store';

/** The card on screen as the keys need it. */
export interface KeyedCard {
  showing: Showing;
  id: string;
  /** Answers so far: with the id, it seeds the order the choices are shown in (a letter picks a position). */
  reps: number;
  /** Its scheduling state as shown: the answer is written only if the card is still so (no other tab answered it). */
  memory: ShownMemory;
  content: StudyContent;
}

/** The letter key's choice index on an unanswered mcq or classify card, or -1. */
function letterChoice(card: KeyedCard, key: string): number {
  const kind = card.content.kind;
  if (kind !== 'mcq' && kind !== 'classify') return -1;
  const n = kind === 'mcq' ? card.content.choices.length : card.content.categories.length;
  const i = choiceLetterIndex(key);
  return key.length === 1 && i >= 0 && i < n ? choiceOrder(card.id, card.reps, n)[i]! : -1;
}

export function useReviewKeys(
  store: ReviewStore,
  card: KeyedCard | null,
  onExit: () => void,
  /** Opens the editor (E) or the info (I) of the card on screen; absent when the screen has neither. */
  onTool?: (kind: ToolKind) => void,
) {
  // The screen's callbacks may be new functions every render: the listener reads the latest.
  const exit = useRef(onExit);
  exit.current = onExit;
  const tool = useRef(onTool);
  tool.current = onTool;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.metaKey || e.repeat || e.defaultPrevented || inDialog(e.target)) return;
      const focused = focusedControl(e.target);
      if (e.key === 'Escape') {
        e.preventDefault();
        // Esc in a field first leaves the field; from anywhere else it leaves the session, as Anki's does.
        if (focused === 'text' && e.target instanceof HTMLElement) e.target.blur();
        else exit.current();
        return;
      }
      const s = store.getState();
      const revealed = draftOf(s, card?.showing ?? null).revealed;
      if (focused !== null) {
        // The choice buttons' own keys are Enter and Space; a letter there still picks the choice at that letter.
        const choice = card && !revealed && !e.ctrlKey ? letterChoice(card, e.key) : -1;
        if (choice >= 0 && e.target instanceof Element && e.target.closest('ol.choices')) {
          e.preventDefault();
          s.choose(card!.showing, choice);
        }
        return;
      }
      if ((e.key === 'z' || e.key === 'Z') && e.ctrlKey) {
        e.preventDefault();
        void s.undo();
        return;
      }
      // Ctrl+1–7 flags the card (the same number again clears it), as Anki's. Chrome keeps Ctrl+1–8 for its tabs on
      // some systems; the flag menu under the card does the same.
      if (card && e.ctrlKey && /^[1-7]$/.test(e.key)) {
        e.preventDefault();
        void s.mark(card.showing, { kind: 'flag', flag: Number(e.key) }, card.reps);
        return;
      }
      if (e.ctrlKey) return;
      if (card && (e.key === '-' || e.key === '@')) {
        // "-" buries the card until the next study day, "@" suspends it, as Anki's.
        e.preventDefault();
        void s.mark(card.showing, { kind: e.key === '-' ? 'bury' : 'suspend' }, card.reps);
        return;
      }
      if (e.key === 'u' || e.key === 'U') {
        e.preventDefault();
        void s.undo();
        return;
      }
      if (!card) return;
      const key = e.key.toLowerCase();
      // E edits the card and I shows its info, as Anki's; on a choice card with a fifth choice, E is that choice's letter.
      if (tool.current && (key === 'i' || (key === 'e' && (revealed || letterChoice(card, e.key) < 0)))) {
        e.preventDefault();
        tool.current(key === 'e' ? 'edit' : 'info');
        return;
      }
      if (e.key === 'l' || e.key === 'L') {
        e.preventDefault();
        s.toggleOtherLang();
        return;
      }
      if (!revealed) {
        if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          s.reveal(card.showing);
          return;
        }
        const choice = letterChoice(card, e.key);
        if (choice >= 0) {
          e.preventDefault();
          s.choose(card.showing, choice);
        }
        return;
      }
      const i = ['1', '2', '3', '4'].indexOf(e.key);
      if (i >= 0) {
        e.preventDefault();
        void s.grade(card.showing, RATINGS[i]!, card.memory);
      } else if (e.key === ' ') {
        // Space on a shown answer does nothing (it would scroll the page).
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, card]);
}
