// The card editor and the card info panel of one study card, for other screens to open (the review's E and I): the
// shell hands them over (features do not import each other), and they load with this module when first opened.
import { useEffect, useState } from 'react';
import { loadDeckCard } from '../../db/card-edit-repo';
import { db, reportStorageError } from '../../db/connection';
import type { DeckCard } from '../../domain/deck-schema';
import { IssueError } from '../../domain/errors';
import { clock } from '../../lib/clock';
import { useMessages } from '../../lib/i18n';
import { browseMessages } from './browse-messages';
import { CardEditor } from './card-editor';
import { cardEditorMessages } from './card-editor-messages';
import { CardInfoPanel } from './card-info';
import './browse.css';

/** The deck card a study card was made from, or why it cannot be edited. */
type Target =
  | { deckId: string; card: DeckCard }
  | { problem: 'editor.missing-card' | 'editor.table-card' | 'editor.missing-deck'; deckId?: string };

async function editTarget(cardId: string): Promise<Target> {
  const row = await db().cards.get(cardId);
  if (!row) return { problem: 'editor.missing-card' };
  const noteCardId = row.noteId.slice(row.deckId.length + 1);
  // A trait table's row makes its cards; the table is the deck file's, not one card's.
  if (noteCardId.startsWith('table:')) return { problem: 'editor.table-card' };
  try {
    const card = await loadDeckCard(db(), row.deckId, noteCardId);
    return card ? { deckId: row.deckId, card } : { problem: 'editor.missing-card' };
  } catch (e) {
    // Stored rows that make no deck card (only a damaged database has them) are not edited half right.
    if (e instanceof IssueError) return { problem: 'editor.missing-deck', deckId: row.deckId };
    throw e;
  }
}

export interface StudyCardEditorProps {
  cardId: string;
  /** After the save, with what it did in words ("Saved. 1 study card kept with its history."). */
  onSaved(summary: string): void;
  onCancel(): void;
}

/** The editor of the deck card that study card `cardId` was made from (both sides of a reversed card, a cloze note). */
export function StudyCardEditor({ cardId, onSaved, onCancel }: StudyCardEditorProps) {
  const m = useMessages(cardEditorMessages);
  const [target, setTarget] = useState<Target | undefined>(undefined);
  useEffect(() => {
    let live = true;
    // Read once: the editor holds the draft from then on (a live read would restart it under the user's typing).
    editTarget(cardId)
      .then((t) => live && setTarget(t))
      .catch(reportStorageError);
    return () => {
      live = false;
    };
  }, [cardId]);
  if (target === undefined) return <p className="card-editor">{m('editor.loading')}</p>;
  if ('problem' in target)
    return (
      <div className="card-editor">
        <p role="alert">{m(target.problem, { id: target.deckId ?? '' })}</p>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel} data-autofocus>
            {m('editor.close')}
          </button>
        </div>
      </div>
    );
  return (
    <CardEditor
      deckId={target.deckId}
      card={target.card}
      onSaved={(saved) => onSaved(saved.summary)}
      onCancel={onCancel}
    />
  );
}

/** The info panel of study card `cardId`: fields, source, memory, review history and forgetting curve, as now. */
export function StudyCardInfo({ cardId }: { cardId: string }) {
  const t = useMessages(browseMessages);
  // The time it opened: the curve and the chance of recall are as of then.
  const [now] = useState(() => clock.ms());
  return <CardInfoPanel cardId={cardId} now={now} t={t} />;
}
