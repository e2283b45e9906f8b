// The optimizer as the presets editor shows it (PresetsPanel's `optimizer`): fits the parameters of the preset being
// edited to the reviews of its decks (as Anki does), and puts the parameters the user takes into the editor's draft,
// which the editor's Save writes (one save path, with its Undo and its offer to reschedule).
import { useSettings } from '../../db/react/use-settings';
import { clock } from '../../lib/clock';
import { OptimizePanel } from './optimize-panel';
import type { PresetOptimizerProps } from './preset-editor';

const now = () => clock.ms();

export function PresetOptimizer({ weights, deckIds, onWeights }: PresetOptimizerProps) {
  const { settings, loaded } = useSettings();
  if (!loaded) return null;
  return (
    <OptimizePanel
      weights={weights}
      dayStartHour={settings.study.dayStartHour}
      deckIds={[...deckIds]}
      now={now}
      onUse={onWeights}
    />
  );
}
