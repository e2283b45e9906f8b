// The browser's bulk actions on the selection, each one transaction: marks (suspend, unsuspend, bury, unbury, flag)
// through marks-repo, and move, tags, reset, set due date and delete through bulk-repo / bulk-move; and their undo
// (undo-store.ts): Ctrl+Z or the toast's Undo takes the last one back, exactly, or says why not.
import { useCallback, useRef, useState } from 'react';
import { dayWindow } from '../../domain/day-window';
import { schedulerAt, type Settings } from '../../domain/settings';
import { db, reportStorageError } from '../../db/connection';
import { MarksConflictError } from '../../db/errors';
import { buryCards, flagCards, suspendCards, undoMarks } from '../../db/marks-repo';
import { changeTags, deleteCards, resetCards, setDueCards } from '../../db/bulk-repo';
import { moveCards } from '../../db/bulk-move';
import { undoBulk, undoCount } from '../../db/bulk-undo';
import { useSettings } from '../../db/react/use-settings';
import { clock } from '../../lib/clock';
import { isMarksAction, popDone, pushDone, type BulkAction, type EditAction, type MarksAction } from './undo-store';

/** What the toast says: an action done (and how many cards it changed), undone, or why nothing happened. */
export type BulkToast =
  | { kind: 'done'; action: BulkAction; count: number; undoable: boolean }
  | { kind: 'undone'; action: BulkAction; count: number }
  | { kind: 'conflict'; action: BulkAction }
  | { kind: 'nothing-to-undo' };

function applyMarks(action: MarksAction, ids: readonly string[], now: number, dayStartHour: number) {
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

function applyEdit(action: EditAction, ids: readonly string[], now: number, settings: Settings) {
  const d = db();
  switch (action.kind) {
    case 'move':
      return moveCards(d, ids, action.deckId, now);
    case 'add-tags':
      return changeTags(d, ids, { add: action.tags }, now);
    case 'remove-tags':
      return changeTags(d, ids, { drop: action.tags }, now);
    case 'reset':
      return resetCards(d, ids, action.resetCounts, now);
    case 'set-due':
      return setDueCards(d, ids, action.spec, {
        now,
        todayStart: dayWindow(now, settings.study.dayStartHour).start,
        // A new seed each time: the range's days are spread afresh, as Anki's.
        seed: now >>> 0,
        settings: (deckId) => schedulerAt(settings, new Date(now), deckId),
      });
    case 'delete':
      return deleteCards(d, ids, now);
  }
}

export function useBulkActions() {
  const { settings } = useSettings();
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
        const now = clock.ms();
        let count: number;
        if (isMarksAction(action)) {
          const changes = await applyMarks(action, ids, now, settings.study.dayStartHour);
          count = changes.length;
          if (count > 0) pushDone({ action, changes });
        } else {
          const undo = await applyEdit(action, ids, now, settings);
          count = undoCount(undo);
          if (count > 0) pushDone({ action, undo, count });
        }
        setToast({ kind: 'done', action, count, undoable: count > 0 });
      }),
    [guard, settings],
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
          if ('changes' in last) await undoMarks(db(), last.changes, clock.ms());
          else await undoBulk(db(), last.undo, clock.ms());
          const count = 'changes' in last ? last.changes.length : last.count;
          setToast({ kind: 'undone', action: last.action, count });
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
