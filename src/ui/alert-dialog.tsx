// A modal alert dialog that keeps keyboard focus inside it and gives it back when it closes.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  /** Ids of the title and the text inside `children`, for screen readers. */
  labelledBy: string;
  describedBy: string;
  className?: string;
  /** Escape closes the dialog this way (the safe choice); without it Escape is left to the page. */
  onEscape?: () => void;
  children: ReactNode;
}

/** Focus starts on the button marked `data-autofocus` (else the first one); Tab and Shift+Tab go round the buttons. */
export function AlertDialog({ labelledBy, describedBy, className, onEscape, children }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const box = boxRef.current;
    (box?.querySelector<HTMLButtonElement>('button[data-autofocus]') ?? box?.querySelector('button'))?.focus();
    return () => before?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && onEscape) {
      e.preventDefault();
      onEscape();
      return;
    }
    if (e.key !== 'Tab') return;
    const buttons = [...(boxRef.current?.querySelectorAll('button:not(:disabled)') ?? [])] as HTMLButtonElement[];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    e.preventDefault();
    buttons[(i + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
  };
  return (
    <div className="dialog-backdrop">
      <div
        className={className ? `dialog ${className}` : 'dialog'}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        ref={boxRef}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}
