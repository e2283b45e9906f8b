// Keyboard control of a quiz: 1–4 / A–D choose (T/F on true-or-false), Enter submits and then goes on, Esc asks to
// leave. Letters go to the answer field while typing; Enter on a focused button is left to the button.
import { useEffect } from 'react';
import type { QuizStore } from './quiz-store';
import { choiceLetterIndex } from '../../domain/choice-order';

function isTextField(el: EventTarget | null): el is HTMLElement {
  return (
    el instanceof HTMLElement &&
    ((el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text') ||
      el.tagName === 'TEXTAREA' ||
      el.isContentEditable)
  );
}

/** Controls that act on Enter themselves. */
function activatesOnEnter(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SELECT');
}

export function useQuizKeys(store: QuizStore) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.metaKey || e.repeat || e.defaultPrevented) return;
      const s = store.getState();
      if (s.phase !== 'running') return;
      if (s.leaving) {
        if (e.key === 'Escape') {
          e.preventDefault();
          s.stay();
        }
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        s.askLeave();
        return;
      }
      const q = s.questions[s.index];
      if (!q) return;
      const done = s.results[s.index] != null;
      const inText = isTextField(e.target);
      if (e.key === 'Enter') {
        if (activatesOnEnter(e.target)) return;
        // In the open question's notes, Enter is a new line; Ctrl+Enter moves on.
        if (e.target instanceof HTMLTextAreaElement && !e.ctrlKey) return;
        e.preventDefault();
        if (done) void s.next();
        else if (q.kind === 'open' && !s.draft.revealed) s.reveal();
        else s.submit();
        return;
      }
      if (done || inText || e.ctrlKey || e.key.length !== 1) return;
      const key = e.key.toLowerCase();
      if (q.kind === 'true-false') {
        const i = ['1', 'a', 't'].includes(key) ? 0 : ['2', 'b', 'f'].includes(key) ? 1 : -1;
        if (i >= 0) {
          e.preventDefault();
          s.choose(i);
        }
      } else if (q.kind === 'mcq' || q.kind === 'classify') {
        const i = /^[1-8]$/.test(key) ? Number(key) - 1 : choiceLetterIndex(key);
        if (i >= 0 && i < q.options.length) {
          e.preventDefault();
          s.choose(i);
        }
      } else if (q.kind === 'open' && s.draft.revealed && /^[1-9]$/.test(key)) {
        e.preventDefault();
        s.toggleTick(Number(key) - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
