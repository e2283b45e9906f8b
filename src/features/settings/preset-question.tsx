// The presets screen's questions: delete a preset (its decks fall back to the default), and reschedule existing cards
// when a retention or the parameters changed.
import { AlertDialog } from '../../ui/alert-dialog';
import { useMessages } from '../../lib/i18n';
import { presetMessages } from './preset-messages';

export type Question =
  | { kind: 'delete'; name: string; decks: number; onYes: () => void }
  | { kind: 'reschedule'; names: string; onYes: () => void; onNo: () => void };

export function PresetQuestion({ question: q, onCancel }: { question: Question; onCancel: () => void }) {
  const m = useMessages(presetMessages);
  return (
    <AlertDialog labelledBy="preset-q-title" describedBy="preset-q-text" onEscape={onCancel}>
      <h2 id="preset-q-title">{q.kind === 'delete' ? m('delete-title', { name: q.name }) : m('reschedule-title')}</h2>
      <p id="preset-q-text">
        {q.kind === 'delete' ? m('delete-text', { n: q.decks }) : m('reschedule-text', { names: q.names })}
      </p>
      <div className="dialog-actions">
        {q.kind === 'delete' ? (
          <button type="button" className="danger" onClick={q.onYes}>
            {m('delete-confirm')}
          </button>
        ) : (
          <>
            <button type="button" className="primary" onClick={q.onYes}>
              {m('reschedule-yes')}
            </button>
            <button type="button" onClick={q.onNo}>
              {m('reschedule-no')}
            </button>
          </>
        )}
        <button type="button" data-autofocus onClick={onCancel}>
          {m('cancel')}
        </button>
      </div>
    </AlertDialog>
  );
}
