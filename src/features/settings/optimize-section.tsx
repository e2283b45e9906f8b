// The optimizer as the settings screen shows it: over every review, fitting the default preset's parameters (a
// preset's own panel can render OptimizePanel with its decks and its parameters instead).
import { useCallback } from 'react';
import { DEFAULT_PRESET_ID, defaultPreset, updatePreset } from '../../domain/presets';
import { db, reportStorageError } from '../../db/connection';
import { readSettings, writePresetBook } from '../../db/settings-repo';
import { useSettings } from '../../db/react/use-settings';
import { clock } from '../../lib/clock';
import { OptimizePanel } from './optimize-panel';

/** Saves parameters into a preset, reading the presets afresh in the same transaction (another tab may have saved). */
export async function savePresetWeights(presetId: string, weights: number[]): Promise<void> {
  const d = db();
  await d.transaction('rw', d.settings, async () => {
    const { presets } = await readSettings(d);
    await writePresetBook(d, updatePreset(presets, presetId, { weights }), clock.ms());
  });
}

export function OptimizeSection() {
  const { settings, loaded } = useSettings();
  const onSave = useCallback(async (weights: number[]) => {
    try {
      await savePresetWeights(DEFAULT_PRESET_ID, weights);
    } catch (error) {
      reportStorageError(error);
      throw error;
    }
  }, []);
  if (!loaded) return null;
  return (
    <OptimizePanel
      weights={defaultPreset(settings.presets).weights}
      dayStartHour={settings.study.dayStartHour}
      deckIds={null}
      now={() => clock.ms()}
      onSave={onSave}
    />
  );
}
