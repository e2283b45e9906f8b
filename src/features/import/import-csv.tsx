// The CSV step: the first rows as read, rows with other field counts, quoting problems, and the choices (import-csv-mapping.tsx).
import { useId } from 'react';
import type { RaggedRow } from '../../formats/csv/parse';
import type { CsvMapping, CsvPreview } from '../../formats/csv/mapping';
import { useMessages } from '../../lib/i18n';
import { ImportIssues } from './import-issues';
import { importMessages } from './import-messages';
import { ImportProgressBar } from './import-progress';
import type { ImportStep } from './import-steps';
import { useFocusHeading } from './import-focus';
import { CsvMappingFields, ROLES } from './import-csv-mapping';

type CsvStep = Extract<ImportStep, { step: 'csv' }>;

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
  const names = columnNames(preview, mapping);
  const columnLabel = (i: number) =>
    names?.[i] ? m('import.csv-column-named', { n: i + 1, name: names[i] }) : m('import.csv-column', { n: i + 1 });
  const total = preview.rowCount + (preview.mapping.hasHeader ? 1 : 0);
  const rows = total - (mapping.hasHeader ? 1 : 0);

  return (
    <div className="import-csv">
      <h2 ref={heading} tabIndex={-1}>
        {m('import.csv-heading', { file: state.file })}
      </h2>
      <p>{m('import.csv-rows', { n: rows.toLocaleString() })}</p>
      <PreviewTable preview={preview} mapping={mapping} columnLabel={columnLabel} />
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
        <CsvMappingFields
          state={state}
          columnLabel={columnLabel}
          disabled={busy !== null || cancelling}
          onSeparator={onSeparator}
          onMapping={onMapping}
        />
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

/** The first rows as read with this separator, each column headed by its name and the role it is mapped to. */
function PreviewTable({
  preview,
  mapping,
  columnLabel,
}: {
  preview: CsvPreview;
  mapping: CsvMapping;
  columnLabel: (column: number) => string;
}) {
  const m = useMessages(importMessages);
  const id = useId();
  const columns = Array.from({ length: preview.columnCount }, (_, i) => i);
  const roleOf = (col: number) => ROLES.find((r) => mapping[r] === col);
  return (
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
