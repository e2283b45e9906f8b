// The confirm step: per deck what the import would change ("12 new, 3 changed, 0 removed"), warnings, Import / Cancel.
import type { Issue } from '../../domain/issue';
import { issueText } from '../../formats/issue-text';
import { useMessages, useUiLang } from '../../lib/i18n';
import { ImportIssues } from './import-issues';
import { importMessages } from './import-messages';
import type { ImportStep } from './import-steps';
import { useFocusHeading } from './import-focus';

type ConfirmStep = Extract<ImportStep, { step: 'confirm' }>;

/** What the import leaves out or changes (it does not refuse it), in the user's language, without the file's name. */
export function ImportWarnings({ warnings }: { warnings: readonly Issue[] }) {
  const m = useMessages(importMessages);
  const lang = useUiLang();
  if (warnings.length === 0) return null;
  return (
    <div className="import-warnings">
      <p>{m('import.warnings')}</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{issueText(w, lang, { file: false })}</li>
        ))}
      </ul>
    </div>
  );
}

export function ImportConfirm({
  state,
  onImport,
  onCancel,
  onRemoveMissing,
}: {
  state: ConfirmStep;
  onImport(): void;
  onCancel(): void;
  onRemoveMissing(deckId: string, on: boolean): void;
}) {
  const m = useMessages(importMessages);
  const lang = useUiLang();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const { decks, issues } = state.preview;
  const blocked = issues.length > 0;
  const removing = new Set(state.remove);
  const removedOf = (d: (typeof decks)[number]) => (removing.has(d.deckId) ? d.missing : 0);
  const nothing = decks.every((d) => d.added === 0 && d.changed === 0 && removedOf(d) === 0 && d.reviews === 0);
  const removes = decks.some((d) => removedOf(d) > 0);
  return (
    <div className="import-confirm">
      <h2 ref={heading} tabIndex={-1}>
        {m('import.confirm-heading', { file: state.file })}
      </h2>
      <p>{m('import.confirm-intro')}</p>
      <ul className="import-decks">
        {decks.map((d) => (
          <li key={d.deckId} data-deck-id={d.deckId} className="import-deck">
            <h3>{d.title[lang]}</h3>
            <p className="import-deck-kind">
              {d.exists ? m('import.confirm-deck-exists') : m('import.confirm-deck-new')}
            </p>
            <p className="import-counts" data-testid="import-counts">
              {m('import.confirm-counts', { added: d.added, changed: d.changed, removed: removedOf(d) })}
            </p>
            {d.missing > 0 &&
              (d.removable ? (
                <label className="import-remove">
                  <input
                    type="checkbox"
                    checked={removing.has(d.deckId)}
                    onChange={(e) => onRemoveMissing(d.deckId, e.currentTarget.checked)}
                  />{' '}
                  {m('import.confirm-remove-missing', { n: d.missing })}
                </label>
              ) : (
                <p className="import-kept">{m('import.confirm-kept', { n: d.missing })}</p>
              ))}
            <p className="import-extra">
              {[
                d.unchanged > 0 ? m('import.confirm-unchanged', { n: d.unchanged }) : null,
                d.media > 0 ? m('import.confirm-media', { n: d.media }) : null,
                d.reviews > 0 ? m('import.confirm-reviews', { n: d.reviews }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ul>
      {removes && <p className="help">{m('import.confirm-removed-note')}</p>}
      {nothing && !blocked && <p className="import-notice">{m('import.confirm-nothing')}</p>}
      <ImportWarnings warnings={state.warnings} />
      {blocked && (
        <div className="import-problems" role="alert">
          <p>{m('import.confirm-blocked')}</p>
          <ImportIssues issues={issues} />
        </div>
      )}
      <div className="import-actions">
        <button type="button" className="primary" onClick={onImport} disabled={blocked}>
          {m('import.confirm-import')}
        </button>
        <button type="button" onClick={onCancel}>
          {m('import.cancel')}
        </button>
      </div>
    </div>
  );
}
