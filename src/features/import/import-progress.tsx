// The import's progress bar (phase, done of total) with its Cancel button.
import { formatBytes } from '../../formats/bytes';
import { useMessages } from '../../lib/i18n';
import { importMessages } from './import-messages';
import type { ImportProgress } from './import-steps';

export function ImportProgressBar({
  progress,
  onCancel,
  cancelling = false,
}: {
  progress: ImportProgress;
  /** Absent while saving: the write cannot be stopped half-way (it is one transaction). */
  onCancel?: () => void;
  cancelling?: boolean;
}) {
  const m = useMessages(importMessages);
  const { phase, done, total } = progress;
  const label = m(`import.phase.${phase}`);
  const known = total > 0;
  const pct = known ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const fmt = (n: number) => (phase === 'decode' ? formatBytes(n) : n.toLocaleString());
  const amount = known ? m('import.progress-of', { done: fmt(done), total: fmt(total) }) : '';
  return (
    <div className="import-progress" data-phase={phase}>
      <p className="import-progress-label" aria-live="polite">
        {cancelling ? m('import.cancelling') : label}
        {known && !cancelling && <span className="import-progress-amount"> {amount}</span>}
      </p>
      <div
        className={known ? 'progress' : 'progress indeterminate'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? pct : undefined}
        aria-valuetext={known ? `${label}: ${amount}` : label}
      >
        <div className="progress-fill" style={known ? { width: `${pct}%` } : undefined} />
      </div>
      {onCancel && (
        <div className="import-actions">
          <button type="button" onClick={onCancel} disabled={cancelling}>
            {cancelling ? m('import.cancelling') : m('import.cancel')}
          </button>
          <span className="hint">{m('import.escape-hint')}</span>
        </div>
      )}
    </div>
  );
}
