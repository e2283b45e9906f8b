// The user's settings as a live value, read once for the whole app: every screen sees a change at once, in every tab.
import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../domain/settings';
import { db } from '../connection';
import { useLiveQuery } from './live';
import { readSettings } from '../settings-repo';

interface SettingsValue {
  settings: Settings;
  loaded: boolean;
}

const SettingsContext = createContext<SettingsValue | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const settings = useLiveQuery(() => readSettings(db()), []);
  return (
    <SettingsContext.Provider value={{ settings: settings ?? DEFAULT_SETTINGS, loaded: settings !== undefined }}>
      {children}
    </SettingsContext.Provider>
  );
}

export function useSettings(): SettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings needs a SettingsProvider above it');
  return value;
}
