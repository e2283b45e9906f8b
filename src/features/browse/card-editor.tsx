// The card editor: writes a new card of a deck or edits a saved one, of any type, in both languages, with a live
// preview. The card is checked as a deck file's card as the user types; an invalid one cannot be saved, and each field
// says what is wrong with it. Saving says which study cards were kept, added and removed. Escape cancels.
import { useDeferredValue, useEffect, useId, useState } from 'react';
import { db, reportStorageError } from '../../db/connection';
import type { DeckRow } from '../../db/database';
import { checkCardEdit, newCardSource, nextCardId, saveCardEdit, type CardEditResult } from '../../db/card-edit-repo';
import { getDeck } from '../../db/deck-repo';
import { useLiveQuery } from '../../db/react/live';
import type { DeckCard } from '../../domain/deck-schema';
import { IssueError } from '../../domain/errors';
import type { Issue } from '../../domain/issue';
import { clock } from '../../lib/clock';
import { useMessages, useUiLang } from '../../lib/i18n';
import { AlertDialog } from '../../ui/alert-dialog';
import { CARD_TYPES, cardOf, draftOf, emptyDraft, firstSlot, type CardType, type Draft } from './card-editor-draft';
import { EditorContext, FieldError, useEditor, type EditorApi } from './card-editor-fields';
import { cardEditorMessages } from './card-editor-messages';
import { CardPreview } from './card-editor-preview';
import { problemsOf, slotLabel, type EditorT, type Problem } from './card-editor-problems';
import { CommonFields, TypeFields } from './card-editor-types';

export interface SavedCard {
  card: DeckCard;
  result: CardEditResult;
  /** What the save did, in the interface language: "Saved. 1 new study card; 1 removed (its history is kept)." */
  summary: string;
}

export interface CardEditorProps {
  deckId: string;
  /** The card to edit (as `loadDeckCard` gives it); without one, a new card of the deck. */
  card?: DeckCard;
  /** After each save. A new card's editor stays open, empty, for the next card; an edited card's shows it saved. */
  onSaved?(saved: SavedCard): void;
  onCancel(): void;
}

export function CardEditor({ deckId, card, onSaved, onCancel }: CardEditorProps) {
  const m = useMessages(cardEditorMessages);
  const deck = useLiveQuery(async () => (await getDeck(db(), deckId)) ?? null, [deckId], deckId);
  const isNew = card === undefined;
  const source = useLiveQuery(() => (isNew ? newCardSource(db(), deckId) : Promise.resolve(null)), [deckId, isNew]);
  if (deck === undefined || source === undefined) return <p className="card-editor">{m('editor.loading')}</p>;
  if (deck === null)
    return (
      <p className="card-editor" role="alert">
        {m('editor.missing-deck', { id: deckId })}
      </p>
    );
  if (isNew && deck.builtin)
    return (
      <div className="card-editor">
        <p>{m('editor.builtin-new')}</p>
        <button type="button" onClick={onCancel}>
          {m('editor.close')}
        </button>
      </div>
    );
  return (
    <EditorForm
      key={card?.id ?? 'new'}
      deck={deck}
      start={card ? draftOf(card) : emptyDraft('basic', source ?? undefined)}
      onCancel={onCancel}
      {...(onSaved ? { onSaved } : {})}
    />
  );
}

/** What a save did, in words: each of kept, added and removed that is not zero. */
export function savedSummary(result: CardEditResult, m: EditorT): string {
  const part = (what: 'kept' | 'added' | 'removed', n: number) =>
    n === 0 ? [] : [n === 1 ? m(`saved.${what}#1`) : m(`saved.${what}`, { n })];
  const parts = [
    ...part('kept', result.kept.length),
    ...part('added', result.added.length),
    ...part('removed', result.removed.length),
  ];
  return m('saved.done', { parts: parts.join(m('saved.join')) });
}

/** The text a new card's id is made from: its question, without cloze markers. */
function idText(card: DeckCard): string {
  switch (card.type) {
    case 'basic':
    case 'reverse':
      return card.front.en;
    case 'cloze':
      return card.text.en.replace(/\{\{c\d+::(.*?)(?:::.*?)?\}\}/g, '$1');
    case 'mcq':
      return card.question.en;
    default:
      return card.prompt.en;
  }
}

const fingerprint = (d: Draft) => JSON.stringify(cardOf(d, d.id ?? ''));

interface FormProps {
  deck: DeckRow;
  start: Draft;
  onSaved?: (saved: SavedCard) => void;
  onCancel(): void;
}

/** The draft, which of its problems show, and saving: the state the fields share (EditorApi). */
function useEditorState(deck: DeckRow, start: Draft) {
  const m = useMessages(cardEditorMessages);
  const lang = useUiLang();
  const uid = useId();
  const [draft, setDraft] = useState(start);
  const [saved, setSaved] = useState(() => fingerprint(start));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [failed, setFailed] = useState<readonly Issue[]>([]);
  const [status, setStatus] = useState('');
  const card = cardOf(draft, draft.id ?? 'new-card');
  const check = checkCardEdit(deck, card);
  const problems = problemsOf(draft, [...(check.ok ? [] : check.issues), ...failed], lang, m);
  const bySlot = new Map<string, string[]>();
  for (const p of problems) bySlot.set(p.slot, [...(bySlot.get(p.slot) ?? []), p.message]);
  const idOf = (slot: string) => `${uid}-${slot.replace(/[^\w-]/g, '_')}`;
  const api: EditorApi = {
    draft,
    m,
    update(change, slots = []) {
      const next = change(draft);
      setDraft(next);
      // Another type of card: its fields start unmarked again.
      if (next.type !== draft.type) setAttempted(false);
      if (slots.length > 0) setTouched((t) => new Set([...t, ...slots]));
      setFailed([]);
      setStatus('');
    },
    touch(slot) {
      if (!touched.has(slot)) setTouched(new Set([...touched, slot]));
    },
    shown(slot) {
      const msgs = bySlot.get(slot);
      return msgs && (attempted || touched.has(slot)) ? msgs : undefined;
    },
    idOf,
  };
  /** A fresh start: after a new card is saved, the next one (same type, source and tags), or the saved card. */
  const restart = (next: Draft) => {
    setDraft(next);
    setSaved(fingerprint(next));
    setTouched(new Set());
    setAttempted(false);
  };
  return {
    api,
    card,
    problems,
    dirty: fingerprint(draft) !== saved,
    status,
    setStatus,
    setFailed,
    setAttempted,
    restart,
  };
}

/** Moves focus to a slot's input (a list's first input for a list, the save note for the card as a whole). */
function focusSlot(api: EditorApi, slot: string, fallback: string) {
  const el = document.getElementById(api.idOf(slot));
  const target =
    el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement
      ? el
      : (el?.querySelector<HTMLElement>('input, textarea, select, button') ?? document.getElementById(fallback));
  target?.focus();
}

function EditorForm({ deck, start, onSaved, onCancel }: FormProps) {
  const state = useEditorState(deck, start);
  const { api, card, problems, dirty } = state;
  const { draft, m } = api;
  const lang = useUiLang();
  const [saving, setSaving] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const whyId = api.idOf('why');
  const preview = useDeferredValue(card);
  useEffect(() => {
    focusSlot(api, firstSlot(start.type), whyId);
    // Once, when the editor opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = async () => {
    state.setAttempted(true);
    if (problems.length > 0) {
      focusSlot(api, problems[0]!.slot, whyId);
      return;
    }
    if (saving) return;
    setSaving(true);
    try {
      const id = draft.id ?? (await nextCardId(db(), deck.id, idText(card)));
      const toSave = cardOf(draft, id);
      const result = await saveCardEdit(db(), deck.id, toSave, clock.ms());
      const summary = savedSummary(result, m);
      if (draft.id === null) {
        state.restart(emptyDraft(draft.type, toSave.source, toSave.tags));
        focusSlot(api, firstSlot(draft.type), whyId);
      } else state.restart({ ...draft });
      state.setStatus(summary);
      onSaved?.({ card: toSave, result, summary });
    } catch (e) {
      if (e instanceof IssueError) state.setFailed(e.issues);
      else reportStorageError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <EditorContext.Provider value={api}>
      <form
        className="card-editor"
        aria-labelledby={api.idOf('title')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            // The editor's own: never also a screen's shortcut (leaving a review) behind it.
            e.stopPropagation();
            if (e.defaultPrevented) return;
            e.preventDefault();
            if (dirty) setDiscarding(true);
            else onCancel();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <h2 id={api.idOf('title')}>
          {draft.id === null ? m('editor.new-title', { deck: deck.title[lang] }) : m('editor.edit-title')}
        </h2>
        <p className="help">{m(deck.textFormat === 'html' ? 'editor.html' : 'editor.markdown')}</p>
        <TypeChoice fixed={start.id !== null} onChange={(type) => api.update((d) => ({ ...d, type }))} />
        <TypeFields />
        <CommonFields sources={deck.sources} />
        <CardPreview
          card={preview}
          answer={draft.answer}
          deckId={deck.id}
          format={deck.textFormat ?? 'markdown'}
          m={m}
        />
        <SaveBar
          problems={problems}
          whyId={whyId}
          saving={saving}
          dirty={dirty}
          onCancel={() => (dirty ? setDiscarding(true) : onCancel())}
        />
        <p className="editor-status" role="status">
          {state.status}
        </p>
        {discarding && (
          <DiscardDialog
            m={m}
            onKeep={() => setDiscarding(false)}
            onDiscard={() => {
              setDiscarding(false);
              onCancel();
            }}
          />
        )}
      </form>
    </EditorContext.Provider>
  );
}

/** A new card's type is chosen; a saved card's is shown, with why it stays. */
function TypeChoice({ fixed, onChange }: { fixed: boolean; onChange(t: CardType): void }) {
  const api = useEditor();
  const id = api.idOf('type');
  if (fixed)
    return (
      <div className="field editor-type">
        <p id={id} tabIndex={-1}>
          {api.m('type.label')}: <strong>{api.m(`type.${api.draft.type}`)}</strong>
        </p>
        <p className="help">{api.m('type.fixed')}</p>
        <FieldError slot="type" />
      </div>
    );
  return (
    <div className="field editor-type">
      <label htmlFor={id}>{api.m('type.label')}</label>
      <select id={id} value={api.draft.type} onChange={(e) => onChange(e.target.value as CardType)}>
        {CARD_TYPES.map((t) => (
          <option key={t} value={t}>
            {api.m(`type.${t}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

interface SaveBarProps {
  problems: readonly Problem[];
  whyId: string;
  saving: boolean;
  dirty: boolean;
  onCancel(): void;
}

/** Save and Cancel; while the card cannot be saved, Save says why (the first problem, and how many more). */
function SaveBar({ problems, whyId, saving, dirty, onCancel }: SaveBarProps) {
  const api = useEditor();
  const { m, draft } = api;
  const first = problems[0];
  const why = first
    ? m(problems.length > 1 ? 'editor.cant-save-more' : 'editor.cant-save', {
        first: m('editor.problem', { field: slotLabel(first.slot, draft, m), message: first.message }),
        n: problems.length - 1,
      })
    : '';
  return (
    <div className="editor-actions">
      <p className="save-why" id={whyId} tabIndex={-1} hidden={!first}>
        {why}
      </p>
      <div className="dialog-actions">
        <button
          type="submit"
          className="primary"
          aria-disabled={first || saving ? true : undefined}
          aria-describedby={first ? whyId : undefined}
        >
          {saving ? m('editor.saving') : m('editor.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {dirty ? m('editor.cancel') : m('editor.close')}
        </button>
      </div>
      <p className="help">{m('editor.keys')}</p>
    </div>
  );
}

function DiscardDialog({ m, onKeep, onDiscard }: { m: EditorT; onKeep(): void; onDiscard(): void }) {
  const id = useId();
  return (
    <AlertDialog labelledBy={`${id}-title`} describedBy={`${id}-text`} onEscape={onKeep}>
      <h2 id={`${id}-title`}>{m('discard.title')}</h2>
      <p id={`${id}-text`}>{m('discard.text')}</p>
      <div className="dialog-actions">
        <button type="button" data-autofocus onClick={onKeep}>
          {m('discard.keep')}
        </button>
        <button type="button" onClick={onDiscard}>
          {m('discard.discard')}
        </button>
      </div>
    </AlertDialog>
  );
}
