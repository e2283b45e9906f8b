// The dialogs of the browser's bulk actions that need more than a click: move to a deck, add or remove tags, reset
// to new, set due date (each a small form that says why it cannot run, and changes nothing then), and the delete
// confirmation. Each keeps the focus inside it; Escape cancels.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { AlertDialog } from '../../ui/alert-dialog';
import { db } from '../../db/connection';
import { listDecks } from '../../db/deck-repo';
import type { DeckRow } from '../../db/database';
import { useUiLang } from '../../lib/i18n';
import { parseSetDue, type SetDueError } from '../../domain/set-due';
import type { BrowseT } from './browse-cells';
import type { EditAction } from './undo-store';

export type DialogKind = 'move' | 'add-tags' | 'remove-tags' | 'reset' | 'set-due' | 'delete';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), [tabindex="0"]';

/**
 * A modal form: the focus starts on its first field (once `ready`: what it lists is read) and goes round its
 * controls; Escape cancels.
 */
function FormDialog({
  title,
  onCancel,
  onSubmit,
  ready = true,
  children,
}: {
  title: string;
  onCancel(): void;
  onSubmit(): void;
  ready?: boolean;
  children: ReactNode;
}) {
  const box = useRef<HTMLFormElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (!ready) box.current?.focus();
    else (box.current?.querySelector<HTMLElement>(FOCUSABLE) ?? box.current)?.focus();
  }, [ready]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...(box.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    e.preventDefault();
    items[(i + (e.shiftKey ? items.length - 1 : 1)) % items.length]?.focus();
  };
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog bulk-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={box}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </form>
    </div>
  );
}

function Actions({ run, onCancel, t, disabled }: { run: string; onCancel(): void; t: BrowseT; disabled?: boolean }) {
  return (
    <div className="dialog-actions">
      <button type="submit" className="primary" disabled={disabled}>
        {run}
      </button>
      <button type="button" onClick={onCancel}>
        {t('bulk.cancel')}
      </button>
    </div>
  );
}

/** Tags as typed: separated by spaces or commas (either language's), each once (without regard to case). */
export function parseTagInput(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of text.split(/[\s,，、]+/u)) {
    if (t === '' || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

export function setDueErrorText(error: SetDueError, t: BrowseT): string {
  switch (error.code) {
    case 'empty':
      return t('due.error.empty');
    case 'not-days':
      return t('due.error.not-days', { text: error.text });
    case 'reversed':
      return t('due.error.reversed', { from: error.from, to: error.to });
    case 'too-far':
      return t('due.error.too-far', { max: error.max });
  }
}

interface Props {
  kind: DialogKind;
  /** "1 card", "12 cards". */
  cards: string;
  onRun(action: EditAction): void;
  onCancel(): void;
  t: BrowseT;
}

/** One text field with its help, and its problem (aria-invalid, described by it) once the user tried to run it. */
function TextField(props: {
  label: string;
  help: string;
  value: string;
  problem: string | null;
  onChange(v: string): void;
  inputMode?: 'text' | 'numeric';
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        value={props.value}
        inputMode={props.inputMode}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={`${id}-help${props.problem ? ` ${id}-problem` : ''}`}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <p className="help" id={`${id}-help`}>
        {props.help}
      </p>
      {props.problem && (
        <p className="error" id={`${id}-problem`} role="alert">
          {props.problem}
        </p>
      )}
    </div>
  );
}

function TagsDialog({ kind, cards, onRun, onCancel, t }: Props & { kind: 'add-tags' | 'remove-tags' }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = kind === 'add-tags';
  return (
    <FormDialog
      title={t(add ? 'bulk.tags-add-title' : 'bulk.tags-remove-title', { cards })}
      onCancel={onCancel}
      onSubmit={() => {
        const tags = parseTagInput(text);
        if (tags.length === 0) setProblem(t('bulk.tags-empty'));
        else onRun({ kind, tags });
      }}
    >
      <TextField
        label={t('bulk.tags-field')}
        help={t('bulk.tags-help')}
        value={text}
        problem={problem}
        onChange={setText}
      />
      <Actions run={t(add ? 'bulk.tags-add-run' : 'bulk.tags-remove-run')} onCancel={onCancel} t={t} />
    </FormDialog>
  );
}

function SetDueDialog({ cards, onRun, onCancel, t }: Props) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <FormDialog
      title={t('bulk.due-title', { cards })}
      onCancel={onCancel}
      onSubmit={() => {
        const parsed = parseSetDue(text);
        if (!parsed.ok) setProblem(setDueErrorText(parsed.error, t));
        else onRun({ kind: 'set-due', spec: parsed.spec });
      }}
    >
      <TextField
        label={t('bulk.due-field')}
        help={t('bulk.due-help')}
        value={text}
        problem={problem}
        onChange={setText}
      />
      <Actions run={t('bulk.due-run')} onCancel={onCancel} t={t} />
    </FormDialog>
  );
}

function ResetDialog({ cards, onRun, onCancel, t }: Props) {
  const [resetCounts, setResetCounts] = useState(false);
  const helpId = useId();
  return (
    <FormDialog
      title={t('bulk.reset-title', { cards })}
      onCancel={onCancel}
      onSubmit={() => onRun({ kind: 'reset', resetCounts })}
    >
      <p className="help" id={helpId}>
        {t('bulk.reset-help')}
      </p>
      <label className="field checkbox">
        <input type="checkbox" checked={resetCounts} onChange={(e) => setResetCounts(e.target.checked)} />
        {t('bulk.reset-counts')}
      </label>
      <Actions run={t('bulk.reset-run')} onCancel={onCancel} t={t} />
    </FormDialog>
  );
}

function MoveDialog({ cards, onRun, onCancel, t }: Props) {
  const lang = useUiLang();
  const [decks, setDecks] = useState<DeckRow[] | null>(null);
  const [target, setTarget] = useState('');
  const selectId = useId();
  useEffect(() => {
    let live = true;
    void listDecks(db()).then((all) => {
      if (!live) return;
      const own = all.filter((d) => !d.builtin).sort((a, b) => a.title[lang].localeCompare(b.title[lang]));
      setDecks(own);
      setTarget((t) => t || (own[0]?.id ?? ''));
    });
    return () => {
      live = false;
    };
  }, [lang]);
  const chosen = decks?.find((d) => d.id === target);
  return (
    <FormDialog
      title={t('bulk.move-title', { cards })}
      ready={decks !== null}
      onCancel={onCancel}
      onSubmit={() => chosen && onRun({ kind: 'move', deckId: chosen.id, deckName: chosen.title[lang] })}
    >
      {decks === null ? null : decks.length === 0 ? (
        <p className="help">{t('bulk.move-none')}</p>
      ) : (
        <div className="field">
          <label htmlFor={selectId}>{t('bulk.move-deck')}</label>
          <select
            id={selectId}
            value={target}
            aria-describedby={`${selectId}-help`}
            onChange={(e) => setTarget(e.target.value)}
          >
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title[lang]}
              </option>
            ))}
          </select>
          <p className="help" id={`${selectId}-help`}>
            {t('bulk.move-help')}
          </p>
        </div>
      )}
      <Actions run={t('bulk.move-run')} onCancel={onCancel} t={t} disabled={!chosen} />
    </FormDialog>
  );
}

function DeleteDialog({ cards, onRun, onCancel, t }: Props) {
  return (
    <AlertDialog labelledBy="bulk-delete-title" describedBy="bulk-delete-body" onEscape={onCancel}>
      <h2 id="bulk-delete-title">{t('bulk.delete-title', { cards })}</h2>
      <p id="bulk-delete-body">{t('bulk.delete-body')}</p>
      <div className="dialog-actions">
        <button type="button" className="danger" onClick={() => onRun({ kind: 'delete' })}>
          {t('bulk.delete-run', { cards })}
        </button>
        <button type="button" data-autofocus onClick={onCancel}>
          {t('bulk.cancel')}
        </button>
      </div>
    </AlertDialog>
  );
}

export function BulkDialog(props: Props) {
  switch (props.kind) {
    case 'move':
      return <MoveDialog {...props} />;
    case 'add-tags':
    case 'remove-tags':
      return <TagsDialog {...props} kind={props.kind} />;
    case 'reset':
      return <ResetDialog {...props} />;
    case 'set-due':
      return <SetDueDialog {...props} />;
    case 'delete':
      return <DeleteDialog {...props} />;
  }
}
