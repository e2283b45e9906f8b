// The update prompt's words, in English and Chinese: a new version of the app is ready and waits for the user.
import { defineMessages } from '../lib/i18n';

export const pwaMessages = defineMessages(
  {
    'pwa.update-ready': 'A new version of dockdeck is ready. {next}',
    'pwa.update-help': 'Reload to use it now, or it starts the next time you open dockdeck.',
    'pwa.reload': 'Reload',
    'pwa.later': 'Later',
    'pwa.updating': 'Loading the new version…',
  },
  {
    'pwa.update-ready': 'dockdeck 的新版本已准备好。{next}',
    'pwa.update-help': '重新加载即可使用；不然下次打开 dockdeck 时会启用新版本。',
    'pwa.reload': '重新加载',
    'pwa.later': '稍后',
    'pwa.updating': '正在加载新版本…',
  },
);
