// "Leave the quiz?": Esc or "Keep going" closes it, "Leave" leaves.
import { useMessages } from '../../lib/i18n';
import { AlertDialog } from '../../ui/alert-dialog';
import { quizMessages } from './quiz-messages';

export function LeaveDialog({ onStay, onLeave }: { onStay(): void; onLeave(): void }) {
  const m = useMessages(quizMessages);
  return (
    <AlertDialog labelledBy="leave-title" describedBy="leave-body">
      <h2 id="leave-title">{m('leave.title')}</h2>
      <p id="leave-body">{m('leave.body')}</p>
      <div className="dialog-actions">
        <button type="button" data-autofocus onClick={onStay}>
          {m('leave.stay')}
        </button>
        <button type="button" className="danger" onClick={onLeave}>
          {m('leave.confirm')}
        </button>
      </div>
    </AlertDialog>
  );
}
