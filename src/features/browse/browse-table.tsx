// The browser's table: only the rows in view are in the page (@tanstack/react-virtual), so 100,000 cards scroll as
// smoothly as 100. A grid: one Tab stop, the arrow keys move the current row, Shift and Ctrl/Cmd extend or toggle.
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { BrowseRow } from '../../db/browse-repo';
import { useUiLang, type UiLang } from '../../lib/i18n';
import { COLUMN_WIDTH, NUMERIC, type ColumnEnv, type ColumnId, type SortOrder } from './browse-columns';
import { cellText, type BrowseT } from './browse-cells';
import { moveTo, pick, selectAll, toggleCurrent, type Selection } from './selection';

/** Columns that show the user's data (card text, deck titles, tags), not the app's words. */
const CONTENT: ReadonlySet<ColumnId> = new Set(['question', 'answer', 'deck', 'tags']);
const CARD_TEXT: ReadonlySet<ColumnId> = new Set(['question', 'answer']);

/** Rows are one fixed height (touch-sized): no measuring as they scroll by. */
export const ROW_HEIGHT = 44;
/** The height the scroll box is taken to have while it is not laid out (a test's DOM): enough rows to work with. */
const UNLAID_HEIGHT = 600;
const estimateSize = () => ROW_HEIGHT;

function observeRect(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: { width: number; height: number }) => void,
) {
  return observeElementRect(instance, (r) => cb(r.height > 0 ? r : { width: r.width, height: UNLAID_HEIGHT }));
}

export interface BrowseTableProps {
  rows: readonly BrowseRow[];
  columns: readonly ColumnId[];
  sort: SortOrder;
  onSort(column: ColumnId): void;
  selection: Selection;
  onSelection(next: Selection): void;
  env: ColumnEnv;
  t: BrowseT;
}

interface KeyMove {
  to: number;
  range: boolean;
  toggle: boolean;
}

/** Where a navigation key moves the current row, or null for a key the grid does not take. */
function keyMove(e: KeyboardEvent, current: number, count: number, page: number): KeyMove | null {
  const keys = { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey };
  const from = current < 0 ? -1 : current;
  switch (e.key) {
    case 'ArrowDown':
      return { to: from + 1, ...keys };
    case 'ArrowUp':
      return { to: Math.max(0, from - 1), ...keys };
    case 'PageDown':
      return { to: from + page, ...keys };
    case 'PageUp':
      return { to: Math.max(0, from - page), ...keys };
    case 'Home':
      return { to: 0, ...keys };
    case 'End':
      return { to: count - 1, ...keys };
    default:
      return null;
  }
}

function SortHeader({
  column,
  sort,
  onSort,
  t,
}: Pick<BrowseTableProps, 'sort' | 'onSort' | 't'> & { column: ColumnId }) {
  const sorted = sort.column === column;
  return (
    <th
      scope="col"
      role="columnheader"
      className={NUMERIC.has(column) ? 'num' : undefined}
      aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <button type="button" className="sort" onClick={() => onSort(column)}>
        {t(`column.${column}`)}
        <span aria-hidden="true" className="sort-mark">
          {sorted ? (sort.descending ? ' ▼' : ' ▲') : ''}
        </span>
      </button>
    </th>
  );
}

interface RowProps {
  id: string;
  index: number;
  row: BrowseRow;
  columns: readonly ColumnId[];
  selected: boolean;
  current: boolean;
  env: ColumnEnv;
  /** The interface language `t` speaks: a row is drawn again when it changes, not when `t` is a new function. */
  lang: UiLang;
  t: BrowseT;
  onClick(e: MouseEvent, index: number): void;
}

function RowView({ id, index, row, columns, selected, current, env, t, onClick }: RowProps) {
  const c = row.card;
  const classes = [
    selected ? 'selected' : '',
    current ? 'current' : '',
    c.suspended ? 'suspended' : '',
    c.flag ? `flag-${c.flag}` : '',
  ].filter(Boolean);
  const cardLang = env.cardLang === 'zh' ? 'zh-CN' : 'en';
  return (
    <tr
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-card-id={c.id}
      className={classes.join(' ') || undefined}
      // Shift+click selects rows, not the page's text.
      onMouseDown={(e) => e.shiftKey && e.preventDefault()}
      onClick={(e) => onClick(e, index)}
    >
      {columns.map((col) => (
        <td
          key={col}
          role="gridcell"
          className={NUMERIC.has(col) ? `num col-${col}` : `col-${col}`}
          {...(CONTENT.has(col) ? { 'data-content': '' } : {})}
          {...(CARD_TEXT.has(col) ? { lang: cardLang } : {})}
        >
          {col === 'marks' && c.flag ? <span className={`flag-dot flag-${c.flag}`} aria-hidden="true" /> : null}
          {cellText(col, row, env, t)}
        </td>
      ))}
    </tr>
  );
}

/**
 * A row is drawn again only when what it shows changes: scrolling adds the rows coming into view and drops the ones
 * leaving it, and leaves the rest alone (`t` and `onClick` are new functions on every render of the table).
 */
const Row = memo(
  RowView,
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.id === b.id &&
    a.columns === b.columns &&
    a.selected === b.selected &&
    a.current === b.current &&
    a.env === b.env &&
    a.lang === b.lang,
);

/**
 * A row's key is its slot, not its card: as the table scrolls, the rows leaving the view are used again for the rows
 * coming into it (their cells' text changes in place), instead of new elements being made, styled and laid out and the
 * old ones dropped at every step. The rows in view are consecutive, so slots of `index mod SLOTS` never clash while
 * fewer than SLOTS rows are drawn (a tall screen draws about 25).
 */
const SLOTS = 64;
function slotKey(index: number, drawn: number): string {
  const slots = Math.max(SLOTS, drawn);
  return `s${index % slots}`;
}

export function BrowseTable({ rows, columns, sort, onSort, selection, onSelection, env, t }: BrowseTableProps) {
  const id = useId();
  const lang = useUiLang();
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(ROW_HEIGHT);
  useLayoutEffect(() => {
    const h = head.current?.offsetHeight;
    if (h) setHeadHeight(h);
  }, [columns]);
  const ids = useMemo(() => rows.map((r) => r.card.id), [rows]);
  // The virtualizer lays out every row again when its key function changes: one per list of rows, not per render.
  const getItemKey = useCallback((i: number) => ids[i] ?? i, [ids]);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    // Rows are drawn in the scroll event that brings them into view (flushSync), so a few beyond each edge are enough.
    overscan: 4,
    paddingStart: headHeight,
    scrollPaddingStart: headHeight,
    observeElementRect: observeRect,
    getItemKey,
  });
  const current = selection.current;
  const currentIndex = useMemo(() => (current === null ? -1 : ids.indexOf(current)), [ids, current]);
  const items = virtual.getVirtualItems();
  // The rows in view follow each other in the body, which is moved down to the first of them: one transform changes
  // as the table scrolls, and no row's style is its own (rows of one look share their computed style).
  const windowTop = items[0] ? items[0].start - headHeight : 0;
  const rowId = (i: number) => `${id}-r${i}`;
  const shown = currentIndex >= 0 && items.some((it) => it.index === currentIndex);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    // Keys on a header's sort button are the button's.
    if (e.target !== e.currentTarget || rows.length === 0) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight || UNLAID_HEIGHT) / ROW_HEIGHT) - 1);
    const move = keyMove(e, currentIndex, rows.length, page);
    if (move) {
      e.preventDefault();
      const to = Math.min(rows.length - 1, move.to);
      onSelection(moveTo(selection, ids, to, move));
      virtual.scrollToIndex(to, { align: 'auto' });
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      onSelection(selectAll(selection, ids));
    } else if (e.key === ' ' && currentIndex >= 0) {
      e.preventDefault();
      onSelection(toggleCurrent(selection));
    }
  };
  // One click handler for every row, the same function on every render (so rows are not drawn again for it).
  const latest = useRef({ selection, ids, onSelection });
  latest.current = { selection, ids, onSelection };
  const onRowClick = useCallback((e: MouseEvent, index: number) => {
    const { selection, ids, onSelection } = latest.current;
    onSelection(pick(selection, ids, index, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey }));
  }, []);
  const widths = columns.map((c) => COLUMN_WIDTH[c]);

  return (
    <div className="browse-scroll" ref={scroller}>
      <table
        role="grid"
        className="browse-table"
        aria-label={t('table.label')}
        aria-multiselectable="true"
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        aria-activedescendant={shown ? rowId(currentIndex) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        // As tall as every row, so the scroll box scrolls through them all; every row is a grid of the same columns,
        // each as wide as its column, the spare width shared out (elements and roles stay a table's: grid, rows, cells).
        style={
          {
            width: `${widths.reduce((sum, w) => sum + w, 0)}rem`,
            height: headHeight + rows.length * ROW_HEIGHT,
            '--browse-columns': widths.map((w) => `minmax(${w}rem, ${w}fr)`).join(' '),
          } as CSSProperties
        }
      >
        <thead ref={head} role="rowgroup">
          <tr role="row" aria-rowindex={1}>
            {columns.map((c) => (
              <SortHeader key={c} column={c} sort={sort} onSort={onSort} t={t} />
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" style={{ transform: `translateY(${windowTop}px)` }}>
          {items.map((item) => (
            <Row
              key={slotKey(item.index, items.length)}
              id={rowId(item.index)}
              index={item.index}
              row={rows[item.index]!}
              columns={columns}
              selected={selection.selected.has(ids[item.index]!)}
              current={item.index === currentIndex}
              env={env}
              lang={lang}
              t={t}
              onClick={onRowClick}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
