// The CSV step: the first rows as read, rows with other field counts, the separator (changeable), header row, and columns.
import { useId } from 'react';
import type { RaggedRow } from '../../formats/csv/parse';
import type { CsvCardType, CsvMapping, CsvPreview } from '../../formats/csv/mapping';
import { useMessages } from '../../lib/i18n';
import { ImportIssues } from './import-issues';
import { importMessages } from './import-messages';
import { ImportProgressBar } from './import-progress';
import type { ImportStep } from './import-steps';
import { useFocusHeading } from './import-focus';

type CsvStep = Extract<ImportStep, { step: 'csv' }>;
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
const ROLES: readonly Role[] = ['front', 'back', 'tags', 'deck', 'id', 'notetype'];
const CARD_TYPES: readonly CsvCardType[] = ['basic', 'reverse', 'cloze'];

/** Column names as the user's header choice makes them: the first row when it is a header, Anki's `#columns:`. */
function columnNames(preview: CsvPreview, mapping: CsvMapping): string[] | null {
  if (mapping.hasHeader)
    return preview.mapping.hasHeader ? preview.columnNames : (preview.rows[0]?.map((c) => c.trim()) ?? null);
  return preview.mapping.hasHeader ? null : preview.columnNames;
}

export function ImportCsv({
  state,
  onSeparator,
  onMapping,
  onContinue,
  onCancel,
}: {
  state: CsvStep;
  onSeparator(separator: string): void;
  onMapping(change: Partial<CsvMapping>): void;
  onContinue(): void;
  onCancel(): void;
}) {
  const m = useMessages(importMessages);
  const heading = useFocusHeading<HTMLHeadingElement>();
  const { preview, mapping, busy, issues, cancelling } = state;
  const id = useId();
  const names = columnNames(preview, mapping);
  const columns = Array.from({ length: preview.columnCount }, (_, i) => i);
  const columnLabel = (i: number) =>
    names?.[i] ? m('import.csv-column-named', { n: i + 1, name: names[i] }) : m('import.csv-column', { n: i + 1 });
  const roleOf = (col: number) => ROLES.find((r) => mapping[r] === col);
  const total = preview.rowCount + (preview.mapping.hasHeader ? 1 : 0);
  const rows = total - (mapping.hasHeader ? 1 : 0);
  const separators = SEPARATORS.some(([c]) => c === preview.separator)
    ? SEPARATORS
    : [...SEPARATORS, [preview.separator, 'other'] as const];
  const sepLabel = (c: string, name: string) =>
    (name === 'other'
      ? m('import.csv-sep.other', { c: JSON.stringify(c) })
      : m(`import.csv-sep.${name as SeparatorName}`)) +
    (c === state.detected ? ` ${m('import.csv-separator-detected')}` : '');

  return (
    <div className="import-csv">
      <h2 ref={heading} tabIndex={-1}>
        {m('import.csv-heading', { file: state.file })}
      </h2>
      <p>{m('import.csv-rows', { n: rows.toLocaleString() })}</p>
      <div className="import-table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="import-table">
          <caption id={`${id}-caption`}>{m('import.csv-preview-caption', { n: preview.rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{m('import.csv-line')}</th>
              {columns.map((c) => {
                const role = roleOf(c);
                return (
                  <th scope="col" key={c} data-role={role}>
                    {columnLabel(c)}
                    {role && <span className="import-role-tag">{m(`import.csv-role.${role}`)}</span>}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => {
              const header = r === 0 && mapping.hasHeader;
              return (
                <tr key={r} className={header ? 'import-header-row' : undefined}>
                  <th scope="row">{header ? m('import.csv-header-row') : preview.lines[r]}</th>
                  {columns.map((c) => (
                    <td key={c}>{row[c] ?? ''}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <RaggedRows
        heading={m('import.csv-long-rows', { n: preview.columnCount })}
        rows={preview.longRows}
        count={preview.longCount}
        columns={preview.columnCount}
        kind="long"
      />
      <RaggedRows
        heading={m('import.csv-short-rows', { n: preview.columnCount })}
        rows={preview.shortRows}
        count={preview.shortCount}
        columns={preview.columnCount}
        kind="short"
      />
      {preview.problems.length > 0 && (
        <div className="import-problems import-csv-quotes">
          <p>{m('import.csv-quote-problems')}</p>
          <ImportIssues issues={preview.problems} />
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onContinue();
        }}
      >
        <fieldset className="import-mapping" disabled={busy !== null || cancelling}>
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
        {issues.length > 0 && (
          <div className="import-problems" role="alert">
            <p>{m('import.csv-problems')}</p>
            <ImportIssues issues={issues} />
          </div>
        )}
        {busy || cancelling ? (
          <ImportProgressBar
            progress={busy ?? { phase: 'build', done: 0, total: 0 }}
            onCancel={onCancel}
            cancelling={cancelling}
          />
        ) : (
          <div className="import-actions">
            <button type="submit" className="primary" disabled={state.stale}>
              {m('import.csv-continue')}
            </button>
            <button type="button" onClick={onCancel}>
              {m('import.cancel')}
            </button>
          </div>
        )}
      </form>
    </div>
  );
}

/** Rows with more (or fewer) fields than the others: which rows, how many fields, how many expected. */
function RaggedRows({
  heading,
  rows,
  count,
  columns,
  kind,
}: {
  heading: string;
  rows: readonly RaggedRow[];
  count: number;
  columns: number;
  kind: 'long' | 'short';
}) {
  const m = useMessages(importMessages);
  const id = useId();
  if (count === 0) return null;
  return (
    <div className={`import-ragged import-ragged-${kind}`}>
      <p id={id}>{heading}</p>
      <ul aria-labelledby={id}>
        {rows.map((r) => (
          <li key={r.line}>
            {r.fields === 1
              ? m('import.csv-ragged-row-one', { line: r.line, n: columns })
              : m('import.csv-ragged-row', { line: r.line, fields: r.fields, n: columns })}
          </li>
        ))}
        {count > rows.length && <li>{m('import.csv-ragged-more', { n: (count - rows.length).toLocaleString() })}</li>}
      </ul>
    </div>
  );
}
