// The user's settings as a live value, read once for the whole app: every screen sees a change at once, in every tab.
import { liveQuery } from 'dexie';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../domain/settings';
import { db, reportStorageError } from '../connection';
import { readSettings } from '../settings-repo';

interface SettingsValue {
  settings: Settings;
  /** The stored settings have been read (until then `settings` are the defaults). */
  loaded: boolean;
  /** They could not be read (the user was told): the app goes on with the defaults rather than wait forever. */
  failed: boolean;
}

const SettingsContext = createContext<SettingsValue | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [value, setValue] = useState<SettingsValue>({ settings: DEFAULT_SETTINGS, loaded: false, failed: false });
  useEffect(() => {
    const sub = liveQuery(() => readSettings(db())).subscribe({
      next: (settings) => setValue({ settings, loaded: true, failed: false }),
      error: (e: unknown) => {
        reportStorageError(e);
        setValue((v) => ({ ...v, failed: true }));
      },
    });
    return () => sub.unsubscribe();
  }, []);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings needs a SettingsProvider above it');
  return value;
}
