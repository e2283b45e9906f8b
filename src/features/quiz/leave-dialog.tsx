// "Leave the quiz?": a modal dialog that keeps focus inside it; Esc or "Keep going" closes it, "Leave" leaves.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useMessages } from '../../lib/i18n';
import { quizMessages } from './quiz-messages';

export function LeaveDialog({ onStay, onLeave }: { onStay(): void; onLeave(): void }) {
  const m = useMessages(quizMessages);
  const stayRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    stayRef.current?.focus();
    return () => before?.focus();
  }, []);
  // Tab and Shift+Tab go round the dialog's two buttons, never behind it.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    const buttons = [...(boxRef.current?.querySelectorAll('button') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    e.preventDefault();
    buttons[(i + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
  };
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        aria-describedby="leave-body"
        ref={boxRef}
        onKeyDown={onKeyDown}
      >
        <h2 id="leave-title">{m('leave.title')}</h2>
        <p id="leave-body">{m('leave.body')}</p>
        <div className="dialog-actions">
          <button type="button" ref={stayRef} onClick={onStay}>
            {m('leave.stay')}
          </button>
          <button type="button" className="danger" onClick={onLeave}>
            {m('leave.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
