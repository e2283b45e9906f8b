// The browser's undo stack, outside React: it outlives the screen, so that an action can be undone after a look at the
// library (the changes themselves are in the database; this holds only what each one changed, to take it back).
import { createStore } from 'zustand/vanilla';
import type { MarksChange } from '../../db/marks-repo';

export type BulkAction =
  { kind: 'suspend' } | { kind: 'unsuspend' } | { kind: 'bury' } | { kind: 'unbury' } | { kind: 'flag'; flag: number };

export interface DoneAction {
  action: BulkAction;
  changes: MarksChange[];
}

/** Enough to walk back a session's work; older changes are the user's to redo by hand. */
const MAX_UNDO = 50;

export const browseUndoStore = createStore<{ done: DoneAction[] }>(() => ({ done: [] }));

export function pushDone(entry: DoneAction): void {
  browseUndoStore.setState((s) => ({ done: [...s.done, entry].slice(-MAX_UNDO) }));
}

/** Takes the last action off the stack (undefined when there is none). */
export function popDone(): DoneAction | undefined {
  const { done } = browseUndoStore.getState();
  const last = done.at(-1);
  if (last) browseUndoStore.setState({ done: done.slice(0, -1) });
  return last;
}
