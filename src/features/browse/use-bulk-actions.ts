// The browser's bulk actions on the selection (suspend, unsuspend, bury, unbury, flag), each one transaction through
// marks-repo, and their undo (undo-store.ts): Ctrl+Z or the toast's Undo takes the last one back, exactly, or says why not.
import { useCallback, useRef, useState } from 'react';
import { dayWindow } from '../../domain/day-window';
import { db, reportStorageError } from '../../db/connection';
import { MarksConflictError } from '../../db/errors';
import { buryCards, flagCards, suspendCards, undoMarks } from '../../db/marks-repo';
import { useSettings } from '../../db/react/use-settings';
import { clock } from '../../lib/clock';
import { popDone, pushDone, type BulkAction } from './undo-store';

/** What the toast says: an action done (and how many cards it changed), undone, or why nothing happened. */
export type BulkToast =
  | { kind: 'done'; action: BulkAction; count: number; undoable: boolean }
  | { kind: 'undone'; action: BulkAction; count: number }
  | { kind: 'conflict'; action: BulkAction }
  | { kind: 'nothing-to-undo' };

function apply(action: BulkAction, ids: readonly string[], now: number, dayStartHour: number) {
  const d = db();
  switch (action.kind) {
    case 'suspend':
    case 'unsuspend':
      return suspendCards(d, ids, action.kind === 'suspend', now);
    case 'bury':
      // Until the next study day starts, as Anki's.
      return buryCards(d, ids, dayWindow(now, dayStartHour).end, now);
    case 'unbury':
      return buryCards(d, ids, null, now);
    case 'flag':
      return flagCards(d, ids, action.flag, now);
  }
}

export function useBulkActions() {
  const { dayStartHour } = useSettings().settings.study;
  const [toast, setToast] = useState<BulkToast | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const guard = useCallback(async (work: () => Promise<void>) => {
    // One action at a time: a second click while the first is written would race it.
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await work();
    } catch (e) {
      reportStorageError(e);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  const run = useCallback(
    (action: BulkAction, ids: readonly string[]) =>
      guard(async () => {
        const changes = await apply(action, ids, clock.ms(), dayStartHour);
        if (changes.length > 0) pushDone({ action, changes });
        setToast({ kind: 'done', action, count: changes.length, undoable: changes.length > 0 });
      }),
    [guard, dayStartHour],
  );

  const undo = useCallback(
    () =>
      guard(async () => {
        const last = popDone();
        if (!last) {
          setToast({ kind: 'nothing-to-undo' });
          return;
        }
        try {
          await undoMarks(db(), last.changes, clock.ms());
          setToast({ kind: 'undone', action: last.action, count: last.changes.length });
        } catch (e) {
          if (!(e instanceof MarksConflictError)) throw e;
          // The cards moved on since (another action, another tab): that change cannot come back exactly.
          setToast({ kind: 'conflict', action: last.action });
        }
      }),
    [guard],
  );

  return { run, undo, toast, busy, dismiss: () => setToast(null) };
}
