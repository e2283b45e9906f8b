// One preset's fields: name, daily limits, retention (with the workload it would bring), FSRS parameters, steps,
// orders and burying; each field says what is wrong with it in the user's language.
import type { ComponentType, ReactNode } from 'react';
import { NEW_ORDERS, REVIEW_ORDERS, DEFAULT_PRESET_ID } from '../../domain/presets';
import { useMessages, useT, type MessageKey } from '../../lib/i18n';
import type { PresetDraft } from './preset-draft';
import { presetMessages } from './preset-messages';

type PM = keyof (typeof presetMessages)['en'];

/**
 * What the optimizer panel is handed, when there is one: the preset's current parameters and its decks; it gives
 * back fitted parameters, which go into the draft (saved, with the offer to reschedule, when the user saves).
 */
export interface PresetOptimizerProps {
  presetId: string;
  weights: readonly number[];
  deckIds: readonly string[];
  onWeights: (weights: number[]) => void;
}

interface Props {
  draft: PresetDraft;
  /** The draft's parameters as numbers (the stored ones in full precision while their text is unchanged). */
  weights: readonly number[];
  /** Problem words by field name (`newPerDay`). */
  problems: Record<string, string>;
  onChange: (change: Partial<PresetDraft>) => void;
  deckIds: readonly string[];
  workload: ReactNode;
  optimizer?: ComponentType<PresetOptimizerProps> | undefined;
}

export function PresetEditor({ draft, weights, problems, onChange, deckIds, workload, optimizer: Optimizer }: Props) {
  const t = useT();
  const m = useMessages(presetMessages);
  const id = draft.id;
  const field = (key: keyof PresetDraft, label: string, input: object = {}, help?: string) => {
    const errorId = `${id}-${key}-error`;
    const helpId = help ? `${id}-${key}-help` : undefined;
    const described = [key in problems ? errorId : null, helpId].filter(Boolean).join(' ') || undefined;
    return (
      <label className="field">
        <span>{label}</span>
        <input
          value={String(draft[key])}
          onChange={(e) => onChange({ [key]: e.target.value })}
          aria-invalid={key in problems}
          aria-describedby={described}
          {...input}
        />
        {help && (
          <span className="help" id={helpId}>
            {help}
          </span>
        )}
        {key in problems && (
          <span className="error" id={errorId}>
            {problems[key]}
          </span>
        )}
      </label>
    );
  };
  const check = (key: 'enableFuzz' | 'enableShortTerm' | 'burySiblings', label: string) => (
    <label className="field checkbox">
      <input type="checkbox" checked={draft[key]} onChange={(e) => onChange({ [key]: e.target.checked })} />
      <span>{label}</span>
    </label>
  );
  const select = <V extends string>(key: 'newOrder' | 'reviewOrder', label: PM, options: readonly V[]) => (
    <label className="field">
      <span>{m(label)}</span>
      <select value={draft[key]} onChange={(e) => onChange({ [key]: e.target.value as V })}>
        {options.map((o) => (
          <option key={o} value={o}>
            {m(`${key === 'newOrder' ? 'new-order' : 'review-order'}.${o}` as PM)}
          </option>
        ))}
      </select>
    </label>
  );
  const retention = Number(draft.desiredRetention);
  const tk = (k: MessageKey) => t(k);
  return (
    <div className="preset-editor">
      {field('name', m('name'), { type: 'text', maxLength: 60, autoComplete: 'off' })}
      {id === DEFAULT_PRESET_ID && <p className="help">{m('default-note')}</p>}
      <fieldset>
        <legend>{m('daily-limits')}</legend>
        {field('newPerDay', m('new-per-day'), { type: 'number', min: 0, inputMode: 'numeric' })}
        {field('reviewsPerDay', m('reviews-per-day'), { type: 'number', min: 0, inputMode: 'numeric' })}
      </fieldset>
      <fieldset>
        <legend>{m('fsrs')}</legend>
        <label className="field retention-slider">
          <span>
            {m('retention')}:{' '}
            <output>
              {Number.isFinite(retention) ? m('retention-value', { pct: Math.round(retention * 100) }) : '—'}
            </output>
          </span>
          <input
            type="range"
            min={0.7}
            max={0.99}
            step={0.01}
            value={Number.isFinite(retention) ? Math.min(0.99, Math.max(0.7, retention)) : 0.9}
            onChange={(e) => onChange({ desiredRetention: e.target.value })}
            aria-describedby={`${id}-retention-help`}
          />
        </label>
        {field('desiredRetention', m('retention'), { type: 'number', min: 0.7, max: 0.99, step: 0.01 })}
        <p className="help" id={`${id}-retention-help`}>
          {tk('settings.retention-help')}
        </p>
        {workload}
        <ParametersField draft={draft} problem={problems.weights} onChange={onChange} />
        {Optimizer && (
          <Optimizer
            presetId={id}
            weights={weights}
            deckIds={deckIds}
            onWeights={(w) => onChange({ weights: w.map(String).join(', ') })}
          />
        )}
        {field('learningSteps', tk('settings.learning-steps'), { type: 'text' }, tk('settings.steps-help'))}
        {field('relearningSteps', tk('settings.relearning-steps'), { type: 'text' })}
        {field('maximumInterval', tk('settings.max-interval'), { type: 'number', min: 1 })}
        {check('enableFuzz', tk('settings.fuzz'))}
        {check('enableShortTerm', m('short-term'))}
      </fieldset>
      <fieldset>
        <legend>{m('order')}</legend>
        {select('newOrder', 'new-order', NEW_ORDERS)}
        {select('reviewOrder', 'review-order', REVIEW_ORDERS)}
      </fieldset>
      <fieldset>
        <legend>{m('bury')}</legend>
        {check('burySiblings', m('bury-siblings'))}
      </fieldset>
    </div>
  );
}

/** The 21 parameters as text: pasted from Anki or elsewhere, checked on Save. */
function ParametersField({
  draft,
  problem,
  onChange,
}: {
  draft: PresetDraft;
  problem: string | undefined;
  onChange: (change: Partial<PresetDraft>) => void;
}) {
  const m = useMessages(presetMessages);
  const id = draft.id;
  return (
    <label className="field">
      <span>{m('parameters')}</span>
      <textarea
        rows={3}
        value={draft.weights}
        onChange={(e) => onChange({ weights: e.target.value })}
        aria-invalid={problem !== undefined}
        aria-describedby={`${id}-weights-help${problem !== undefined ? ` ${id}-weights-error` : ''}`}
        spellCheck={false}
      />
      <span className="help" id={`${id}-weights-help`}>
        {m('parameters-help')}
      </span>
      {problem !== undefined && (
        <span className="error" id={`${id}-weights-error`}>
          {problem}
        </span>
      )}
    </label>
  );
}
