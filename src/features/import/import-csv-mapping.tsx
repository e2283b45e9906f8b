// The CSV step's choices: the separator (changeable), whether the first row is a header, which column is which, the
// card type, the deck name and whether cells are HTML.
import { useId } from 'react';
import type { CsvCardType, CsvMapping } from '../../formats/csv/mapping';
import { useMessages } from '../../lib/i18n';
import { importMessages } from './import-messages';
import type { ImportStep } from './import-steps';

type Role = 'front' | 'back' | 'tags' | 'deck' | 'id' | 'notetype';
type SeparatorName = 'comma' | 'tab' | 'semicolon' | 'pipe' | 'colon' | 'space';

/** Every separator Anki detects is offered, so a wrong guess can always be corrected. */
const SEPARATORS: ReadonlyArray<[string, SeparatorName]> = [
  [',', 'comma'],
  ['\t', 'tab'],
  [';', 'semicolon'],
  ['|', 'pipe'],
  [':', 'colon'],
  [' ', 'space'],
];
export const ROLES: readonly Role[] = ['front', 'back', 'tags', 'deck', 'id', 'notetype'];
const CARD_TYPES: readonly CsvCardType[] = ['basic', 'reverse', 'cloze'];

export function CsvMappingFields({
  state,
  columnLabel,
  disabled,
  onSeparator,
  onMapping,
}: {
  state: Extract<ImportStep, { step: 'csv' }>;
  columnLabel: (column: number) => string;
  disabled: boolean;
  onSeparator(separator: string): void;
  onMapping(change: Partial<CsvMapping>): void;
}) {
  const m = useMessages(importMessages);
  const id = useId();
  const { preview, mapping } = state;
  const columns = Array.from({ length: preview.columnCount }, (_, i) => i);
  const separators = SEPARATORS.some(([c]) => c === preview.separator)
    ? SEPARATORS
    : [...SEPARATORS, [preview.separator, 'other'] as const];
  const sepLabel = (c: string, name: string) =>
    (name === 'other'
      ? m('import.csv-sep.other', { c: JSON.stringify(c) })
      : m(`import.csv-sep.${name as SeparatorName}`)) +
    (c === state.detected ? ` ${m('import.csv-separator-detected')}` : '');
  return (
    <fieldset className="import-mapping" disabled={disabled}>
      <legend>{m('import.csv-mapping')}</legend>
      <div className="field">
        <label htmlFor={`${id}-sep`}>{m('import.csv-separator')}</label>
        <select id={`${id}-sep`} value={preview.separator} onChange={(e) => onSeparator(e.currentTarget.value)}>
          {separators.map(([c, name]) => (
            <option key={c} value={c}>
              {sepLabel(c, name)}
            </option>
          ))}
        </select>
      </div>
      <div className="field checkbox">
        <input
          id={`${id}-header`}
          type="checkbox"
          checked={mapping.hasHeader}
          onChange={(e) => onMapping({ hasHeader: e.currentTarget.checked })}
        />
        <label htmlFor={`${id}-header`}>{m('import.csv-header')}</label>
      </div>
      <div className="import-roles">
        {ROLES.map((role) => (
          <div className="field" key={role}>
            <label htmlFor={`${id}-${role}`}>{m(`import.csv-role.${role}`)}</label>
            <select
              id={`${id}-${role}`}
              data-role={role}
              value={mapping[role] === null ? '' : String(mapping[role])}
              onChange={(e) => {
                const v = e.currentTarget.value;
                onMapping({ [role]: v === '' ? null : Number(v) } as Partial<CsvMapping>);
              }}
            >
              {role !== 'front' && <option value="">{m('import.csv-none')}</option>}
              {columns.map((c) => (
                <option key={c} value={c}>
                  {columnLabel(c)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {mapping.id === null && <p className="help">{m('import.csv-id-help')}</p>}
      <div className="field">
        <label htmlFor={`${id}-type`}>{m('import.csv-card-type')}</label>
        <select
          id={`${id}-type`}
          value={mapping.cardType}
          onChange={(e) => onMapping({ cardType: e.currentTarget.value as CsvCardType })}
        >
          {CARD_TYPES.map((t) => (
            <option key={t} value={t}>
              {m(`import.csv-type.${t}`)}
            </option>
          ))}
        </select>
      </div>
      {mapping.deck === null && (
        <div className="field">
          <label htmlFor={`${id}-deck-name`}>{m('import.csv-deck-name')}</label>
          <input
            id={`${id}-deck-name`}
            value={mapping.deckName}
            onChange={(e) => onMapping({ deckName: e.currentTarget.value })}
          />
        </div>
      )}
      <div className="field checkbox">
        <input
          id={`${id}-html`}
          type="checkbox"
          checked={mapping.html}
          onChange={(e) => onMapping({ html: e.currentTarget.checked })}
        />
        <label htmlFor={`${id}-html`}>{m('import.csv-html')}</label>
      </div>
    </fieldset>
  );
}
