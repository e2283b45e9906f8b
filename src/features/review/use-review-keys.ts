// Keyboard control of the review screen: Space/Enter show, 1–4 grade, A–H choose, U or Ctrl+Z undo, L language.
import { useEffect } from 'react';
import { choiceLetterIndex, choiceOrder } from '../../domain/choice-order';
import { RATINGS } from '../../domain/scheduler';
import type { StudyContent } from '../../domain/study-card';
import { draftOf, type ReviewStore, type Showing } from './review-store';

/** The card on screen as the keys need it. */
export interface KeyedCard {
  showing: Showing;
  id: string;
  /** Answers so far: with the id, it seeds the order the choices are shown in (a letter picks a position). */
  reps: number;
  content: StudyContent;
}

function isTextField(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

export function useReviewKeys(store: ReviewStore, card: KeyedCard | null) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.metaKey || e.repeat) return;
      const s = store.getState();
      const revealed = draftOf(s, card?.showing ?? null).revealed;
      const typing = isTextField(e.target) && !revealed;
      if ((e.key === 'z' || e.key === 'Z') && e.ctrlKey) {
        if (typing) return;
        e.preventDefault();
        void s.undo();
        return;
      }
      if (e.ctrlKey || typing) return;
      if (e.key === 'u' || e.key === 'U') {
        e.preventDefault();
        void s.undo();
        return;
      }
      if (!card) return;
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
        const kind = card.content.kind;
        if (kind === 'mcq' || kind === 'classify') {
          const n = kind === 'mcq' ? card.content.choices.length : card.content.categories.length;
          const i = choiceLetterIndex(e.key);
          if (e.key.length === 1 && i >= 0 && i < n) {
            e.preventDefault();
            s.choose(card.showing, choiceOrder(card.id, card.reps, n)[i]!);
          }
        }
        return;
      }
      const i = ['1', '2', '3', '4'].indexOf(e.key);
      if (i >= 0) {
        e.preventDefault();
        void s.grade(card.showing, RATINGS[i]!, card.reps);
      } else if (e.key === ' ') {
        // Space on a revealed card must not press whichever grade button has focus.
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, card]);
}
