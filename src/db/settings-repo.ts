// Reads and writes user settings; what is read always passes through restoreSettings.
import { z } from 'zod';
import { restoreSettings, type Settings } from '../domain/settings';
import type { DockdeckDB } from './database';

// The built app's Content-Security-Policy allows no eval (scripts/vite-csp.ts), and Zod, unless told otherwise,
// probes for it with `new Function` on its first parse, which the page reports as a policy violation. This module is
// loaded with the app's first screen, before anything is parsed. Workers have no such policy and keep Zod's JIT.
if (typeof document !== 'undefined') z.config({ jitless: true });

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
