// The browser's search box (run with Enter, as Anki's), the help panel one click away, and the syntax-error note that
// the box names as its description; and the column chooser.
import { useId, useRef, useState } from 'react';
import type { SearchError } from '../../domain/search/query';
import { SearchErrorNote } from './search-error';
import { SearchHelp } from './search-help';
import { COLUMN_IDS, type ColumnId } from './browse-columns';
import type { BrowseT } from './browse-cells';

export function SearchBar({
  query,
  error,
  onSearch,
  t,
}: {
  query: string;
  error: SearchError | null;
  onSearch(text: string): void;
  t: BrowseT;
}) {
  const id = useId();
  const [draft, setDraft] = useState(query);
  const [help, setHelp] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const pickExample = (example: string) => {
    const text = draft.trim() === '' ? example : `${draft.trim()} ${example}`;
    setDraft(text);
    onSearch(text);
    input.current?.focus();
  };
  return (
    <div className="browse-search">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(draft);
        }}
      >
        <label htmlFor={`${id}-q`}>{t('search.label')}</label>
        <div className="search-row">
          <input
            id={`${id}-q`}
            ref={input}
            type="search"
            value={draft}
            placeholder={t('search.placeholder', { example: 'deck:containers-today is:due' })}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="primary">
            {t('search.run')}
          </button>
          <button type="button" aria-expanded={help} aria-controls={helpId} onClick={() => setHelp((h) => !h)}>
            {help ? t('search.help-hide') : t('search.help-show')}
          </button>
        </div>
      </form>
      {error && <SearchErrorNote id={errorId} query={query} error={error} />}
      <div id={helpId} hidden={!help}>
        {help && <SearchHelp onPick={pickExample} />}
      </div>
    </div>
  );
}

export function ColumnChooser({
  columns,
  onChange,
  t,
}: {
  columns: readonly ColumnId[];
  onChange(next: ColumnId[]): void;
  t: BrowseT;
}) {
  const toggle = (c: ColumnId, on: boolean) =>
    // In the table's order, whatever order they were ticked in.
    onChange(COLUMN_IDS.filter((x) => (x === c ? on : columns.includes(x))));
  return (
    <details className="menu column-menu">
      <summary>{t('columns.button')}</summary>
      <fieldset className="menu-items">
        <legend>{t('columns.legend')}</legend>
        {COLUMN_IDS.map((c) => {
          const on = columns.includes(c);
          return (
            <label key={c} className="check">
              <input
                type="checkbox"
                checked={on}
                // The last column stays: a table of no columns shows nothing to select.
                disabled={on && columns.length === 1}
                onChange={(e) => toggle(c, e.target.checked)}
              />
              {t(`column.${c}`)}
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
