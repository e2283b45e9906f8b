// The browser's undo stack, outside React: it outlives the screen, so that an action can be undone after a look at the
// library (the changes themselves are in the database; this holds only what each one changed, to take it back).
import { createStore } from 'zustand/vanilla';
import type { MarksChange } from '../../db/marks-repo';
import type { BulkUndo } from '../../db/bulk-undo';
import type { SetDueSpec } from '../../domain/set-due';

export type MarksAction =
  { kind: 'suspend' } | { kind: 'unsuspend' } | { kind: 'bury' } | { kind: 'unbury' } | { kind: 'flag'; flag: number };

/** The actions that are no marks: what each says in its toast. */
export type EditAction =
  | { kind: 'move'; deckId: string; deckName: string }
  | { kind: 'add-tags'; tags: string[] }
  | { kind: 'remove-tags'; tags: string[] }
  | { kind: 'reset'; resetCounts: boolean }
  | { kind: 'set-due'; spec: SetDueSpec }
  | { kind: 'delete' };

export type BulkAction = MarksAction | EditAction;

export function isMarksAction(a: BulkAction): a is MarksAction {
  return (
    a.kind === 'suspend' || a.kind === 'unsuspend' || a.kind === 'bury' || a.kind === 'unbury' || a.kind === 'flag'
  );
}

export type DoneAction =
  { action: MarksAction; changes: MarksChange[] } | { action: EditAction; undo: BulkUndo; count: number };

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
