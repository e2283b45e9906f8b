// The user's settings as a live value: every screen sees a change at once, in every tab.
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import { db } from './connection';
import { useLiveQuery } from './live';
import { readSettings } from './settings-repo';

export function useSettings(): { settings: Settings; loaded: boolean } {
  const settings = useLiveQuery(() => readSettings(db()), []);
  return { settings: settings ?? DEFAULT_SETTINGS, loaded: settings !== undefined };
}
