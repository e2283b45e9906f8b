// The browser's selection as a value: which cards are selected, the current row (the one the info panel shows and the
// keys move), and the anchor a Shift range runs from. Each change is a function of the rows in their shown order.

export interface Selection {
  selected: ReadonlySet<string>;
  current: string | null;
  anchor: string | null;
}

export const NO_SELECTION: Selection = { selected: new Set(), current: null, anchor: null };

/** The ids from the anchor to `index` (either way round), or just that one without an anchor on screen. */
function range(ids: readonly string[], anchor: string | null, index: number): Set<string> {
  const from = anchor === null ? -1 : ids.indexOf(anchor);
  if (from < 0) return new Set([ids[index]!]);
  const [a, b] = from < index ? [from, index] : [index, from];
  return new Set(ids.slice(a, b + 1));
}

export interface PickKeys {
  /** Shift: select from the anchor to here. */
  range: boolean;
  /** Ctrl or Cmd: add this row to the selection or take it out. */
  toggle: boolean;
}

/** A click on row `index`: select it alone, or toggle it (Ctrl/Cmd), or select the range to it (Shift). */
export function pick(sel: Selection, ids: readonly string[], index: number, keys: PickKeys): Selection {
  const id = ids[index];
  if (id === undefined) return sel;
  if (keys.range) return { selected: range(ids, sel.anchor, index), current: id, anchor: sel.anchor ?? id };
  if (keys.toggle) {
    const selected = new Set(sel.selected);
    if (!selected.delete(id)) selected.add(id);
    return { selected, current: id, anchor: id };
  }
  return { selected: new Set([id]), current: id, anchor: id };
}

/**
 * The current row moved to `index` by a key: the selection follows it (one row), or runs from the anchor to it
 * (Shift), or stays as it is (Ctrl, to move without selecting; Space then toggles).
 */
export function moveTo(sel: Selection, ids: readonly string[], index: number, keys: PickKeys): Selection {
  const clamped = Math.max(0, Math.min(ids.length - 1, index));
  const id = ids[clamped];
  if (id === undefined) return sel;
  if (keys.toggle) return { ...sel, current: id };
  return pick(sel, ids, clamped, { range: keys.range, toggle: false });
}

/** Space: the current row in or out of the selection. */
export function toggleCurrent(sel: Selection): Selection {
  if (sel.current === null) return sel;
  const selected = new Set(sel.selected);
  if (!selected.delete(sel.current)) selected.add(sel.current);
  return { ...sel, selected, anchor: sel.current };
}

export function selectAll(sel: Selection, ids: readonly string[]): Selection {
  return { ...sel, selected: new Set(ids), current: sel.current ?? ids[0] ?? null };
}

/**
 * The selection with only the rows on screen (after a search or a change, the actions act on what is shown); the
 * same value when nothing went, so that a re-read of the same rows does not re-render the table.
 */
export function keepShown(sel: Selection, ids: readonly string[]): Selection {
  const shown = new Set(ids);
  const gone = [...sel.selected].some((id) => !shown.has(id));
  const current = sel.current !== null && shown.has(sel.current) ? sel.current : null;
  const anchor = sel.anchor !== null && shown.has(sel.anchor) ? sel.anchor : null;
  if (!gone && current === sel.current && anchor === sel.anchor) return sel;
  return { selected: new Set([...sel.selected].filter((id) => shown.has(id))), current, anchor };
}
