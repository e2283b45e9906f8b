// The statistics page's entry in the main navigation, apart from its other text so the shell loads only this.
import { defineMessages } from '../../lib/i18n';

export const statsNavMessages = defineMessages({ 'nav.stats': 'Statistics' }, { 'nav.stats': '统计' });
