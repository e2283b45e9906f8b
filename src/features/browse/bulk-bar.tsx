// The actions on the browser's selection, and the toast that says what the last one did with its Undo button.
import { useRef, useState } from 'react';
import { FLAG_COLOURS } from '../../domain/marks';
import type { BrowseT } from './browse-cells';
import { flagName } from './browse-cells';
import type { BulkToast } from './use-bulk-actions';
import type { BulkAction, EditAction } from './undo-store';
import { BulkDialog, type DialogKind } from './bulk-dialogs';

const MORE: readonly { kind: Exclude<DialogKind, 'delete'>; key: `bulk.${Exclude<DialogKind, 'delete'>}` }[] = [
  { kind: 'move', key: 'bulk.move' },
  { kind: 'add-tags', key: 'bulk.add-tags' },
  { kind: 'remove-tags', key: 'bulk.remove-tags' },
  { kind: 'reset', key: 'bulk.reset' },
  { kind: 'set-due', key: 'bulk.set-due' },
];

const cardsText = (count: number, t: BrowseT) => (count === 1 ? t('cards.one') : t('cards.many', { n: count }));

export function BulkBar({
  count,
  busy,
  onRun,
  t,
}: {
  count: number;
  busy: boolean;
  onRun(action: BulkAction): void;
  t: BrowseT;
}) {
  const menu = useRef<HTMLDetailsElement>(null);
  const more = useRef<HTMLDetailsElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const disabled = count === 0 || busy;
  const flag = (n: number) => {
    if (menu.current) menu.current.open = false;
    onRun({ kind: 'flag', flag: n });
  };
  const open = (kind: DialogKind) => {
    if (more.current) more.current.open = false;
    setDialog(kind);
  };
  const close = () => {
    const back = dialog === 'delete' ? deleteButton.current : more.current?.querySelector('summary');
    setDialog(null);
    // The item that opened the dialog is in a closed menu: the focus goes back to the menu's button.
    queueMicrotask(() => back?.focus());
  };
  const runEdit = (action: EditAction) => {
    close();
    onRun(action);
  };
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('bulk.label', { n: count })}>
      <button type="button" disabled={disabled} onClick={() => onRun({ kind: 'suspend' })}>
        {t('bulk.suspend')}
      </button>
      <button type="button" disabled={disabled} onClick={() => onRun({ kind: 'unsuspend' })}>
        {t('bulk.unsuspend')}
      </button>
      <button type="button" disabled={disabled} onClick={() => onRun({ kind: 'bury' })}>
        {t('bulk.bury')}
      </button>
      <button type="button" disabled={disabled} onClick={() => onRun({ kind: 'unbury' })}>
        {t('bulk.unbury')}
      </button>
      <details className="menu flag-menu" ref={menu}>
        {/* A closed <details> cannot be disabled: the summary says so, and the buttons inside are. */}
        <summary aria-disabled={disabled || undefined}>{t('bulk.flag')}</summary>
        <div className="menu-items">
          {FLAG_COLOURS.map((_, i) => (
            <button key={i} type="button" disabled={disabled} onClick={() => flag(i + 1)}>
              <span className={`flag-dot flag-${i + 1}`} aria-hidden="true" />
              {t('bulk.flag-n', { n: i + 1, colour: flagName(i + 1, t) })}
            </button>
          ))}
          <button type="button" disabled={disabled} onClick={() => flag(0)}>
            {t('flag.none')}
          </button>
        </div>
      </details>
      <details className="menu more-menu" ref={more}>
        <summary aria-disabled={disabled || undefined}>{t('bulk.more')}</summary>
        <div className="menu-items">
          {MORE.map((m) => (
            <button key={m.kind} type="button" disabled={disabled} onClick={() => open(m.kind)}>
              {t(m.key)}
            </button>
          ))}
        </div>
      </details>
      <button type="button" className="danger" ref={deleteButton} disabled={disabled} onClick={() => open('delete')}>
        {t('bulk.delete')}
      </button>
      {dialog && <BulkDialog kind={dialog} cards={cardsText(count, t)} onRun={runEdit} onCancel={close} t={t} />}
    </div>
  );
}

function dueWhen(action: Extract<BulkAction, { kind: 'set-due' }>, t: BrowseT): string {
  const { from, to, setInterval } = action.spec;
  const when =
    from !== to
      ? t('due.when-range', { from, to })
      : from === 0
        ? t('due.when-today')
        : from === 1
          ? t('due.when-tomorrow')
          : t('due.when-day', { n: from });
  return setInterval ? t('due.when-interval', { when }) : when;
}

function actionWords(action: BulkAction, count: number, t: BrowseT): string {
  const cards = cardsText(count, t);
  switch (action.kind) {
    case 'flag':
      return action.flag === 0
        ? t('done.unflag', { cards })
        : t('done.flag', { cards, colour: flagName(action.flag, t) });
    case 'move':
      return t('done.move', { cards, deck: action.deckName });
    case 'add-tags':
    case 'remove-tags':
      return t(`done.${action.kind}`, { cards, tags: action.tags.join(t('list.sep')) });
    case 'set-due':
      return t('done.set-due', { cards, when: dueWhen(action, t) });
    default:
      return t(`done.${action.kind}`, { cards });
  }
}

function toastText(toast: BulkToast, t: BrowseT): string {
  switch (toast.kind) {
    case 'done':
      return toast.count === 0 ? t('done.nothing') : actionWords(toast.action, toast.count, t);
    case 'undone':
      return t('undone', { what: actionWords(toast.action, toast.count, t) });
    case 'conflict':
      return t('undo.conflict');
    case 'nothing-to-undo':
      return t('undo.nothing');
  }
}

/** Always in the page (a live region must be there before what it announces); empty until an action. */
export function BulkToastView({
  toast,
  busy,
  onUndo,
  onDismiss,
  t,
}: {
  toast: BulkToast | null;
  busy: boolean;
  onUndo(): void;
  onDismiss(): void;
  t: BrowseT;
}) {
  return (
    <div className={toast ? 'browse-toast shown' : 'browse-toast'} role="status">
      {toast && (
        <>
          <span className="toast-text">{toastText(toast, t)}</span>
          {toast.kind === 'done' && toast.undoable && (
            <button type="button" disabled={busy} onClick={onUndo}>
              {t('undo.button')}
            </button>
          )}
          <button type="button" className="link" onClick={onDismiss} aria-label={t('toast.dismiss')}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
