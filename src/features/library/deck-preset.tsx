// The line of a deck's page that names the options preset the deck uses, with a link to it in Settings.
import { useSettings } from '../../db/react/use-settings';
import { DEFAULT_PRESET_ID, presetOfDeck } from '../../domain/presets';
import { useMessages } from '../../lib/i18n';
import { deckPresetMessages } from './deck-preset-messages';

export function DeckPreset({ deckId, presetHref }: { deckId: string; presetHref: (presetId: string) => string }) {
  const m = useMessages(deckPresetMessages);
  const preset = presetOfDeck(useSettings().settings.presets, deckId);
  const name = preset.id === DEFAULT_PRESET_ID && preset.name === '' ? m('default') : preset.name;
  return (
    <p className="deck-preset">
      <span>{m('uses', { name })}</span> <a href={presetHref(preset.id)}>{m('change')}</a>
    </p>
  );
}
