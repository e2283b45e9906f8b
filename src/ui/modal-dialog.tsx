// A modal dialog for a form or a panel: focus moves into it, Tab and Shift+Tab go round its controls, Escape closes it
// (unless a control inside took the key first), and focus goes back where it was when it closes.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './modal-dialog.css';

const FOCUSABLE = [
  'a[href]',
  'button:not(:disabled)',
  'input:not(:disabled)',
  'select:not(:disabled)',
  'textarea:not(:disabled)',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

interface Props {
  /** The dialog's name for screen readers. */
  label: string;
  className?: string;
  onEscape(): void;
  children: ReactNode;
}

export function ModalDialog({ label, className, onEscape, children }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  // Read at the first render: the content's own effects (an editor focusing its first field) run before this one's.
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const box = boxRef.current;
    if (box && !box.contains(document.activeElement))
      (box.querySelector<HTMLElement>('[data-autofocus]') ?? box).focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, [before]);
  const onKeyDown = (e: KeyboardEvent) => {
    // A dialog inside this one (an editor's "discard changes?") has taken the key.
    if (e.defaultPrevented) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onEscape();
      return;
    }
    if (e.key !== 'Tab') return;
    const all = [...(boxRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])]
      .filter((el) => !el.closest('[hidden]'))
      // In document order (not every selector engine keeps it for a list of selectors).
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    if (all.length === 0) return e.preventDefault();
    const first = all[0]!;
    const last = all[all.length - 1]!;
    const active = document.activeElement;
    // From the dialog itself (focused when it opened) Tab goes to its first control, Shift+Tab to its last.
    const atBox = active === boxRef.current || !(active instanceof Node && boxRef.current?.contains(active));
    if (e.shiftKey && (active === first || atBox)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || atBox)) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <div className="dialog-backdrop">
      <div
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        tabIndex={-1}
        ref={boxRef}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}
