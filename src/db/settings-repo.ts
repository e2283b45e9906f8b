// Reads and writes user settings; what is read always passes through restoreSettings.
import { restoreSettings, type Settings } from '../domain/settings';
import type { DockdeckDB } from './database';

export async function readSettings(db: DockdeckDB): Promise<Settings> {
  const [study, scheduler] = await Promise.all([db.settings.get('study'), db.settings.get('scheduler')]);
  return restoreSettings({ study: study?.value, scheduler: scheduler?.value });
}

export async function writeSettings(db: DockdeckDB, settings: Settings, now: number): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.bulkPut([
      { key: 'study', value: settings.study, updatedAt: now },
      { key: 'scheduler', value: settings.scheduler, updatedAt: now },
    ]);
  });
}
