// Which decks use the preset being edited: a tick per deck (unticked, a deck uses the default preset).
import type { DeckRow } from '../../db/database';
import { DEFAULT_PRESET_ID } from '../../domain/presets';
import { useMessages, useUiLang } from '../../lib/i18n';
import { presetMessages } from './preset-messages';

interface Props {
  decks: DeckRow[] | undefined;
  presetId: string;
  assigned: Record<string, string>;
  onAssign: (deckId: string, presetId: string) => void;
}

export function PresetDecks({ decks, presetId, assigned, onAssign }: Props) {
  const m = useMessages(presetMessages);
  const lang = useUiLang();
  const isDefault = presetId === DEFAULT_PRESET_ID;
  return (
    <fieldset className="preset-decks">
      <legend>{m('decks')}</legend>
      {!isDefault && <p className="help">{m('decks-help')}</p>}
      {decks && decks.length === 0 && <p>{m('no-decks')}</p>}
      <ul>
        {(decks ?? [])
          .slice()
          .sort((a, b) => a.title[lang].localeCompare(b.title[lang]))
          .map((d) => {
            const uses = (assigned[d.id] ?? DEFAULT_PRESET_ID) === presetId;
            return (
              <li key={d.id}>
                <label className="field checkbox">
                  <input
                    type="checkbox"
                    checked={uses}
                    // The default preset is where a deck goes when unticked elsewhere: it cannot be unticked here.
                    disabled={isDefault && uses}
                    onChange={(e) => onAssign(d.id, e.target.checked ? presetId : DEFAULT_PRESET_ID)}
                  />
                  <span data-content>{d.title[lang]}</span>
                </label>
              </li>
            );
          })}
      </ul>
    </fieldset>
  );
}
