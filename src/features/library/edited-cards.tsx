// On a built-in deck's page: how many of its cards the user changed (their version wins when the app updates the
// deck), the list of them, and "Restore the original" for each, which writes the app's version back (and can be
// undone: the user's version is saved again).
import { useState } from 'react';
import { db, reportStorageError } from '../../db/connection';
import type { NoteEditRow } from '../../db/database';
import { noteEditsOf, restoreOriginal, saveCardEdit } from '../../db/card-edit-repo';
import { useLiveQuery } from '../../db/react/live';
import type { DeckCard } from '../../domain/deck-schema';
import type { Lang } from '../../domain/text';
import { clock } from '../../lib/clock';
import { localeTag, useMessages, useUiLang } from '../../lib/i18n';
import { CardText } from '../../ui/card-text';
import { builtinOriginal } from './builtin-original';
import { editMessages } from './edit-messages';

/** The question of a card, as one line of text (cloze gaps shown as their answers). */
export function cardQuestion(card: DeckCard, lang: Lang): string {
  switch (card.type) {
    case 'basic':
    case 'reverse':
      return card.front[lang];
    case 'cloze':
      return card.text[lang].replace(/\{\{c\d+::(.*?)(?:::.*?)?\}\}/g, '$1');
    case 'mcq':
      return card.question[lang];
    default:
      return card.prompt[lang];
  }
}

/** A card's name in a button's label: its question, in plain words, cut short. */
function cardName(card: DeckCard, lang: Lang): string {
  const plain = cardQuestion(card, lang)
    .replace(/[`*_#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 60 ? `${plain.slice(0, 59)}…` : plain;
}

interface Status {
  text: string;
  undo?: () => Promise<void>;
}

export function EditedCards({ deckId, onEdit }: { deckId: string; onEdit?: (card: DeckCard) => void }) {
  const m = useMessages(editMessages);
  const lang = useUiLang();
  const edits = useLiveQuery(() => noteEditsOf(db(), deckId), [deckId], deckId);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const n = edits?.length ?? 0;

  const restore = async (edit: NoteEditRow) => {
    setBusy(edit.cardId);
    try {
      const original = await builtinOriginal(deckId, edit.cardId);
      if (!original) {
        setStatus({ text: m('edits.gone') });
        return;
      }
      await restoreOriginal(db(), deckId, original, clock.ms());
      const card = cardName(edit.card, lang);
      setStatus({
        text: m('edits.restored', { card }),
        undo: async () => {
          await saveCardEdit(db(), deckId, edit.card, clock.ms());
          setStatus({ text: m('edits.undone', { card }) });
        },
      });
    } catch (e) {
      reportStorageError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="edited-cards">
      {n > 0 && (
        <>
          <p>
            <strong>{n === 1 ? m('edits.count#1') : m('edits.count', { n })}</strong> {m('edits.help')}
          </p>
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? m('edits.hide') : m('edits.show')}
          </button>
        </>
      )}
      {n > 0 && open && (
        <ul className="edited-list" aria-label={m('edits.list')}>
          {edits!.map((edit) => {
            const card = cardName(edit.card, lang);
            return (
              <li key={edit.cardId} data-card-id={edit.cardId}>
                <CardText inline text={cardQuestion(edit.card, lang)} lang={lang} />{' '}
                <span className="help">
                  {m('edits.changed', { date: new Date(edit.editedAt).toLocaleDateString(localeTag(lang)) })}
                </span>
                <span className="edited-actions">
                  {onEdit && (
                    <button type="button" aria-label={m('edits.edit-of', { card })} onClick={() => onEdit(edit.card)}>
                      {m('edits.edit')}
                    </button>
                  )}
                  <button
                    type="button"
                    aria-label={m('edits.restore-of', { card })}
                    aria-disabled={busy !== null ? true : undefined}
                    onClick={() => void (busy === null && restore(edit))}
                  >
                    {busy === edit.cardId ? m('edits.restoring') : m('edits.restore')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <p className="edits-status" role="status">
        {status?.text}{' '}
        {status?.undo && (
          <button type="button" onClick={() => void status.undo!().catch(reportStorageError)}>
            {m('edits.undo')}
          </button>
        )}
      </p>
    </div>
  );
}
