// The words of a deck page's preset line, in English and Chinese.
import { defineMessages } from '../../lib/i18n';

export const deckPresetMessages = defineMessages(
  { uses: 'Options preset: {name}', change: 'Change the preset', default: 'Default' },
  { uses: '选项预设：{name}', change: '更改预设', default: '默认' },
);
