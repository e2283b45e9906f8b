// Reads and writes user settings: the global ones (row `study`) and the presets (row `presets`); what is read always
// passes through restoreSettings.
import { PRESETS_KEY, type PresetBook } from '../domain/presets';
import { restoreSettings, type Settings, type StudySettings } from '../domain/settings';
import type { DockdeckDB } from './database';

export async function readSettings(db: DockdeckDB): Promise<Settings> {
  const [study, presets] = await Promise.all([db.settings.get('study'), db.settings.get(PRESETS_KEY)]);
  return restoreSettings({ study: study?.value, presets: presets?.value });
}

/** Writes the global settings (languages, theme, day start); the presets are written by preset-repo. */
export async function writeSettings(db: DockdeckDB, settings: { study: StudySettings }, now: number): Promise<void> {
  await db.settings.put({ key: 'study', value: settings.study, updatedAt: now });
}

/** Writes the presets as they are (preset-repo's save checks, and keeps what it replaced for undo). */
export async function writePresetBook(db: DockdeckDB, book: PresetBook, now: number): Promise<void> {
  await db.settings.put({ key: PRESETS_KEY, value: book, updatedAt: now });
}
