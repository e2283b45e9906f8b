// The backup screen's own failure texts, in English and Chinese: what the screen says when something other than the
// backup file went wrong (the restore issues, what is wrong with a file, are worded in backup-messages.ts).
import { defineMessages } from '../../lib/i18n';

export const backupScreenMessages = defineMessages(
  {
    'backup.make-failed': 'The backup could not be made. Nothing was changed; try again.',
    'backup.revlog-failed': 'The review log could not be made. Nothing was changed; try again.',
    'backup.file-too-large': 'The file is too large to restore in the browser.',
    'backup.file-unreadable': 'The file could not be read.',
    'backup.restore-stopped': 'The backup could not be restored; nothing was changed.',
  },
  {
    'backup.make-failed': '无法生成备份。没有做任何更改，请重试。',
    'backup.revlog-failed': '无法生成复习日志。没有做任何更改，请重试。',
    'backup.file-too-large': '文件太大，无法在浏览器中恢复。',
    'backup.file-unreadable': '无法读取该文件。',
    'backup.restore-stopped': '无法恢复备份，没有做任何更改。',
  },
);
