// Asks the browser to keep the app's data (persistent storage) by itself once, when it makes sense: not on the first
// visit, but when the user leaves a review, quiz or import with something of their own stored.
import { useEffect, useRef } from 'react';
import { db } from '../db/connection';
import { hasOwnData } from '../db/own-data';
import { clock } from '../lib/clock';
import { askedBefore, askPersistentStorage, readStorageState, rememberAsked } from '../lib/storage-persistence';
import type { Route } from './routes';

/** Screens where the user does something a reload would cut short, and whose end is a moment to ask. */
export const WORK_SCREENS: ReadonlySet<Route['name']> = new Set(['review', 'card-list', 'custom', 'quiz', 'import']);

export type AskOutcome = 'nothing-stored' | 'cannot-ask' | 'already-persisted' | 'granted' | 'declined';

/** Asks once there is something to lose; the flag is set only when the browser could be asked. */
export async function askOnce(): Promise<AskOutcome> {
  if (!(await hasOwnData(db()))) return 'nothing-stored';
  const { persisted, canAsk } = await readStorageState();
  if (!canAsk) return 'cannot-ask';
  rememberAsked(clock.ms());
  if (persisted) return 'already-persisted';
  return (await askPersistentStorage()) ? 'granted' : 'declined';
}

/** Calls `ask` when a work screen is left, until it has asked once (`ask` is for tests). */
export function useAskPersistence(route: Route['name'], ask: () => Promise<unknown> = askOnce): void {
  const previous = useRef(route);
  useEffect(() => {
    const left = previous.current;
    previous.current = route;
    if (left === route || !WORK_SCREENS.has(left) || askedBefore()) return;
    // Nothing to tell the user either way: the Backup screen shows the outcome and can ask again.
    ask().catch((error: unknown) => console.warn('dockdeck: could not ask for persistent storage', error));
  }, [route, ask]);
}
