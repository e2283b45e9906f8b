// Text of the library's links to import, backup and deck pages, and the main navigation's entries, in English and Chinese.
import { defineMessages } from '../../lib/i18n';

export const libraryMessages = defineMessages(
  {
    'nav.import': 'Import',
    'nav.backup': 'Backup',
    'library.import': 'Import a deck',
    'library.backup': 'Backup and restore',
    'library.deck-page': 'Deck page and export',
    'library.deck-page-of': 'Deck page and export: {deck}',
  },
  {
    'nav.import': '导入',
    'nav.backup': '备份',
    'library.import': '导入卡组',
    'library.backup': '备份与恢复',
    'library.deck-page': '卡组页面与导出',
    'library.deck-page-of': '卡组页面与导出：{deck}',
  },
);
