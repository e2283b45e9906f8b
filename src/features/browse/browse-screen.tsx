// The card browser (`#/browse`): every card of every deck in one searchable, sortable table, the current card's info
// beside it, and actions on the selection that Ctrl+Z (or the toast's Undo) takes back. The search, sort, columns and
// selection are kept across a reload (browse-view.ts).
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { focusedControl, inDialog } from '../../ui/focused-control';
import { ModalDialog } from '../../ui/modal-dialog';
import { useMessages } from '../../lib/i18n';
import type { ColumnId, SortOrder } from './browse-columns';
import { browseMessages } from './browse-messages';
import { BrowseTable } from './browse-table';
import { keptSelection, readView, writeView, type BrowseView } from './browse-view';
import { BulkBar, BulkToastView } from './bulk-bar';
import { CardInfoPanel } from './card-info';
import { StudyCardEditor } from './card-tools';
import { ColumnChooser, SearchBar } from './browse-search';
import { keepShown, selectAll, type Selection } from './selection';
import { useBrowseRows } from './use-browse-rows';
import { useBulkActions } from './use-bulk-actions';
import './browse.css';

/** A click on a column's header: sort by it, or the other way round if it is the sort already. */
function nextSort(sort: SortOrder, column: ColumnId): SortOrder {
  return sort.column === column ? { column, descending: !sort.descending } : { column, descending: false };
}

/**
 * Ctrl+Z (Cmd+Z) anywhere on the browser takes the last action back, also when the focus went with a button that is
 * gone (the toast's Undo); in the search box it is the box's own, undoing typing.
 */
function useUndoKey(undo: () => Promise<void>) {
  const latest = useRef(undo);
  latest.current = undo;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
      if (e.defaultPrevented || focusedControl(e.target) === 'text' || inDialog(e.target)) return;
      e.preventDefault();
      void latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** Ctrl+E (Cmd+E) on the browser opens the editor on the current card, as Anki's browser puts its editor at hand. */
function useEditKey(edit: (() => void) | null) {
  const latest = useRef(edit);
  latest.current = edit;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'e') return;
      if (e.defaultPrevented || focusedControl(e.target) === 'text' || inDialog(e.target) || !latest.current) return;
      e.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** An open menu (Columns, Flag) closes on a click elsewhere, and on Escape with the focus back on its summary. */
function useMenusClose(root: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const open = () => [...(root.current?.querySelectorAll<HTMLDetailsElement>('details.menu[open]') ?? [])];
    const onPointer = (e: PointerEvent) => {
      for (const d of open()) if (!(e.target instanceof Node && d.contains(e.target))) d.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      for (const d of open()) {
        if (d.contains(document.activeElement)) d.querySelector('summary')?.focus();
        d.open = false;
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [root]);
}

function initialSelection(view: BrowseView): Selection {
  return {
    selected: new Set(view.selected === 'all' ? [] : view.selected),
    current: view.current,
    anchor: view.current,
  };
}

export function BrowseScreen() {
  const t = useMessages(browseMessages);
  const [view, setView] = useState(readView);
  const [selection, setSelection] = useState(() => initialSelection(view));
  // A kept "all" is every row of the search, once its rows are read.
  const pendingAll = useRef(view.selected === 'all');
  const { rows, error, env, loading } = useBrowseRows(view.query, view.sort);
  const ids = useMemo(() => rows?.map((r) => r.card.id), [rows]);
  const bulk = useBulkActions();
  const section = useRef<HTMLElement>(null);
  useMenusClose(section);

  useEffect(() => {
    if (!ids || loading) return;
    if (pendingAll.current) {
      pendingAll.current = false;
      setSelection((s) => selectAll(s, ids));
    } else setSelection((s) => keepShown(s, ids));
  }, [ids, loading]);

  useEffect(() => {
    // Until the rows are read, the kept selection is not known to be gone: keep it as it was.
    if (!ids || loading || pendingAll.current) return;
    writeView({ ...view, selected: keptSelection(selection.selected, ids.length), current: selection.current });
  }, [view, selection, ids, loading]);

  const selectedIds = () => (ids ?? []).filter((id) => selection.selected.has(id));
  useUndoKey(bulk.undo);
  // The card the editor is open on, and what the last save did (said in a polite live region).
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const current = selection.current;
  useEditKey(current === null ? null : () => setEditing(current));

  const count = rows?.length ?? 0;
  return (
    <section className="browse" aria-labelledby="browse-title" data-loading={loading} ref={section}>
      <h1 id="browse-title">{t('title')}</h1>
      <SearchBar
        query={view.query}
        error={error}
        onSearch={(query) => setView((v) => ({ ...v, query: query.trim() }))}
        t={t}
      />
      <div className="browse-bar">
        <p className="browse-count">
          {/* The number of cards a search finds is announced; the selection's count, changing with every key, is not. */}
          <span role="status" data-count={rows ? count : undefined}>
            {rows === undefined ? t('loading') : count === 1 ? t('count.one') : t('count', { n: count })}
          </span>
          {selection.selected.size > 0 && (
            <span className="selected-count"> · {t('count.selected', { n: selection.selected.size })}</span>
          )}
        </p>
        <ColumnChooser columns={view.columns} onChange={(columns) => setView((v) => ({ ...v, columns }))} t={t} />
        <BulkBar
          count={selection.selected.size}
          busy={bulk.busy}
          onRun={(action) => void bulk.run(action, selectedIds())}
          t={t}
        />
      </div>
      <div className="browse-main">
        {rows && rows.length === 0 ? (
          <p className="browse-empty">{t('empty')}</p>
        ) : (
          <BrowseTable
            rows={rows ?? []}
            columns={view.columns}
            sort={view.sort}
            onSort={(column) => setView((v) => ({ ...v, sort: nextSort(v.sort, column) }))}
            selection={selection}
            onSelection={setSelection}
            env={env}
            t={t}
          />
        )}
        <CardInfoPanel
          cardId={selection.current}
          now={env.now}
          t={t}
          {...(current === null ? {} : { onEdit: () => setEditing(current) })}
        />
      </div>
      <p className="browse-saved" role="status">
        {saved}
      </p>
      {editing !== null && (
        <ModalDialog
          label={t('info.edit-title')}
          className="card-tool card-tool-edit"
          onEscape={() => setEditing(null)}
        >
          <StudyCardEditor
            cardId={editing}
            onSaved={(summary) => {
              setSaved(summary);
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        </ModalDialog>
      )}
      <BulkToastView
        toast={bulk.toast}
        busy={bulk.busy}
        onUndo={() => {
          void bulk.undo();
          // The Undo button goes with the toast's words: the focus goes back to the table, not to the page.
          section.current?.querySelector<HTMLElement>('table.browse-table')?.focus();
        }}
        onDismiss={bulk.dismiss}
        t={t}
      />
    </section>
  );
}
