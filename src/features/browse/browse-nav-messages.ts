// The browser's entry in the main navigation, kept apart from the feature's other text so the shell loads only this.
import { defineMessages } from '../../lib/i18n';

export const browseNavMessages = defineMessages({ 'nav.browse': 'Browse' }, { 'nav.browse': '浏览' });
