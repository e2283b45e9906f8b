// What the browser keeps across a reload, in this browser's localStorage: the search, the sort, the columns shown and
// the selection. Read back through `restoreView`, so a damaged or older value gives the defaults, never an error.
import { readLocal, writeLocal } from '../../lib/local-store';
import { COLUMN_IDS, DEFAULT_COLUMNS, DEFAULT_SORT, type ColumnId, type SortOrder } from './browse-columns';

export const VIEW_KEY = 'dockdeck.browse';
/** A bigger selection is kept only when it is every row of the search ("all"): a long id list is no small choice. */
export const MAX_KEPT_SELECTION = 2000;

export interface BrowseView {
  /** The search as last run (what the table shows). */
  query: string;
  sort: SortOrder;
  columns: ColumnId[];
  /** The selected card ids, or every row of the search. */
  selected: string[] | 'all';
  current: string | null;
}

export const DEFAULT_VIEW: BrowseView = {
  query: '',
  sort: DEFAULT_SORT,
  columns: [...DEFAULT_COLUMNS],
  selected: [],
  current: null,
};

const isColumn = (v: unknown): v is ColumnId => typeof v === 'string' && (COLUMN_IDS as readonly string[]).includes(v);

/** Each part of a stored view that is sound is kept; the others are the defaults. */
export function restoreView(stored: unknown): BrowseView {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_VIEW;
  const v = stored as Record<string, unknown>;
  const sort = v.sort as Record<string, unknown> | undefined;
  const columns = Array.isArray(v.columns) ? [...new Set(v.columns.filter(isColumn))] : [];
  const selected =
    v.selected === 'all'
      ? 'all'
      : Array.isArray(v.selected)
        ? v.selected.filter((id): id is string => typeof id === 'string').slice(0, MAX_KEPT_SELECTION)
        : [];
  return {
    query: typeof v.query === 'string' ? v.query : '',
    sort:
      sort && isColumn(sort.column) && typeof sort.descending === 'boolean'
        ? { column: sort.column, descending: sort.descending }
        : DEFAULT_SORT,
    columns: columns.length > 0 ? columns : [...DEFAULT_COLUMNS],
    selected,
    current: typeof v.current === 'string' ? v.current : null,
  };
}

export function readView(): BrowseView {
  return restoreView(readLocal(VIEW_KEY));
}

export function writeView(view: BrowseView): void {
  writeLocal(VIEW_KEY, view);
}

/** The selection as kept: "all" when it is every row shown, the ids when few enough, else nothing. */
export function keptSelection(selected: ReadonlySet<string>, shown: number): BrowseView['selected'] {
  if (selected.size > 0 && selected.size === shown && shown > 1) return 'all';
  return selected.size <= MAX_KEPT_SELECTION ? [...selected] : [];
}
