// Keyboard control of a quiz: 1–4 / A–D choose (T/F on true-or-false), Enter submits and then goes on, Esc asks to
// leave. A focused control does its own job first: letters go to the answer field while typing, Enter and Space on a
// focused button are left to the button, and Esc in a field first leaves the field.
import { useEffect } from 'react';
import type { QuizStore } from './quiz-store';
import { choiceLetterIndex } from '../../domain/choice-order';
import { focusedControl } from '../../ui/focused-control';

/**
 * Whether the key is the quiz's although a control has the focus: the options' letters and numbers while on an option
 * (an option's own keys are Enter and Space), and a checklist's numbers and Enter while on one of its boxes (a box's
 * own key is Space; the checklist takes the focus when it appears, so that its keys work at once).
 */
function groupKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element) || key === ' ') return false;
  if (target.closest('ol.choices')) return key.length === 1;
  if (target.closest('fieldset.checklist')) return key === 'Enter' || /^[1-9]$/.test(key);
  return false;
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
      const focused = focusedControl(e.target);
      if (e.key === 'Escape') {
        e.preventDefault();
        if (focused === 'text' && e.target instanceof HTMLElement) e.target.blur();
        else s.askLeave();
        return;
      }
      const q = s.questions[s.index];
      if (!q) return;
      const done = s.results[s.index] != null;
      if (focused === 'control' && !groupKey(e.target, e.key)) return;
      if (e.key === 'Enter') {
        // In the open question's notes, Enter is a new line; Ctrl+Enter moves on. In the answer field, Enter submits.
        if (e.target instanceof HTMLTextAreaElement && focused === 'text' && !e.ctrlKey) return;
        e.preventDefault();
        if (done) void s.next();
        else if (q.kind === 'open' && !s.draft.revealed) s.reveal();
        else s.submit();
        return;
      }
      if (done || focused === 'text' || e.ctrlKey || e.key.length !== 1) return;
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
