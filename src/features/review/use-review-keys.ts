// Keyboard control of the review screen: Space/Enter show, 1–4 grade, A–H choose, U or Ctrl+Z undo, L language.
import { useEffect } from 'react';
import { RATINGS } from '../../domain/scheduler';
import type { StudyContent } from '../../domain/study-card';
import type { ReviewStore } from './review-store';

function isTextField(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

export function useReviewKeys(store: ReviewStore, card: { id: string; reps: number; content: StudyContent } | null) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.metaKey || e.repeat) return;
      const s = store.getState();
      const typing = isTextField(e.target) && !s.revealed;
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
      if (!card || s.cardId !== card.id) return;
      if (e.key === 'l' || e.key === 'L') {
        e.preventDefault();
        s.toggleOtherLang();
        return;
      }
      if (!s.revealed) {
        if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          s.reveal();
          return;
        }
        const kind = card.content.kind;
        if (kind === 'mcq' || kind === 'classify') {
          const n = kind === 'mcq' ? card.content.choices.length : card.content.categories.length;
          const i = 'abcdefgh'.indexOf(e.key.toLowerCase());
          if (e.key.length === 1 && i >= 0 && i < n) {
            e.preventDefault();
            s.choose(i);
          }
        }
        return;
      }
      const i = ['1', '2', '3', '4'].indexOf(e.key);
      if (i >= 0) {
        e.preventDefault();
        void s.grade(RATINGS[i]!, card.reps);
      } else if (e.key === ' ') {
        // Space on a revealed card must not press whichever grade button has focus.
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, card]);
}
