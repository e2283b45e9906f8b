// The presets part of Settings: choose, add, rename and delete presets, say which decks use which, edit the options;
// nothing is written until Save (which offers to reschedule when a retention or the parameters changed), and the last
// save can be undone.
import type { ComponentType } from 'react';
import { DEFAULT_PRESET_ID } from '../../domain/presets';
import { useMessages } from '../../lib/i18n';
import { PresetDecks } from './preset-decks';
import { PresetEditor, type PresetOptimizerProps } from './preset-editor';
import { presetMessages } from './preset-messages';
import { PresetQuestion } from './preset-question';
import { usePresetForm } from './use-preset-form';
import { WorkloadPanel } from './workload-panel';

/**
 * `initial`: the preset shown first (else the default); `optimizer`: the panel that fits a preset's parameters to its
 * decks' reviews, when the app has one.
 */
export function PresetsPanel({
  initial,
  optimizer,
}: {
  initial?: string;
  optimizer?: ComponentType<PresetOptimizerProps>;
}) {
  const m = useMessages(presetMessages);
  const form = usePresetForm(initial);
  if (!form) return null;
  const { draft, decks, preset, presetDecks, estimate, retention, busy, status, dirty, question } = form;
  const { nameOf, edit, change, add, save, undo, select, askDelete, closeQuestion } = form;
  const count = (id: string) => form.deckIds.filter((d) => (draft.decks[d] ?? DEFAULT_PRESET_ID) === id).length;
  return (
    <section className="presets" aria-labelledby="presets-title">
      <h2 id="presets-title">{m('heading')}</h2>
      <p className="help">{m('intro')}</p>
      <div className="preset-bar">
        <label className="field">
          <span>{m('choose')}</span>
          <select value={preset.id} onChange={(e) => select(e.target.value)}>
            {draft.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {m('uses-decks', { name: nameOf(p) || '—', n: count(p.id) })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={add}>
          {m('add')}
        </button>
        {preset.id !== DEFAULT_PRESET_ID && (
          <button type="button" className="danger" onClick={askDelete}>
            {m('delete')}
          </button>
        )}
      </div>
      <PresetEditor
        key={preset.id}
        draft={preset}
        weights={form.weights}
        problems={form.problems}
        onChange={change}
        deckIds={presetDecks}
        optimizer={optimizer}
        workload={<WorkloadPanel estimate={estimate} retention={retention} />}
      />
      <PresetDecks
        decks={decks}
        presetId={preset.id}
        assigned={draft.decks}
        onAssign={(deckId, presetId) => {
          const { [deckId]: _, ...rest } = draft.decks;
          edit({ ...draft, decks: presetId === DEFAULT_PRESET_ID ? rest : { ...rest, [deckId]: presetId } });
        }}
      />
      <div className="preset-actions">
        <button type="button" className="primary" onClick={save} disabled={busy}>
          {m('save')}
        </button>
        {form.canUndo && (
          <button type="button" onClick={() => void undo()} disabled={busy}>
            {m('undo')}
          </button>
        )}
      </div>
      <p role="status" className={status?.error ? 'error' : 'ok'}>
        {status ? m(status.key, status.params) : dirty ? m('unsaved') : ''}
      </p>
      {question && <PresetQuestion question={question} onCancel={closeQuestion} />}
    </section>
  );
}
