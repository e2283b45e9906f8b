// Text of the automatic backups (the Backup screen's list, its settings and folder, the library's folder prompt), in
// English and Chinese.
import { defineMessages } from '../../lib/i18n';

export const autoBackupMessages = defineMessages(
  {
    'auto.heading': 'Automatic backups',
    'auto.intro':
      'dockdeck makes a backup by itself on the first start of each study day, and another just before a restore replaces everything (restore that one to undo the restore). It keeps the newest {keep}.',
    'auto.in-browser':
      'These backups are kept in this browser, with the rest of dockdeck’s data: clearing the browser’s data for this site deletes them too. Download the ones you want to keep elsewhere, or choose a folder for copies.',
    'auto.keep': 'Automatic backups to keep',
    'auto.keep-save': 'Save',
    'auto.keep-saved': 'Saved: the newest {keep} automatic backups are kept.',
    'auto.keep-bad': 'Enter a whole number from {min} to {max}. Nothing was changed.',
    'auto.folder-none':
      'Where this browser lets dockdeck write to a folder of your choice, each automatic backup is also copied there, out of reach of a wipe of the browser’s data.',
    'auto.folder-unsupported':
      'This browser cannot write to a folder of your choice: download the automatic backups you want to keep.',
    'auto.folder-choose': 'Choose a folder…',
    'auto.folder-change': 'Choose another folder…',
    'auto.folder-forget': 'Stop copying to {folder}',
    'auto.folder-set':
      'Each automatic backup is also written to the folder “{folder}” (the newest {keep} are kept there).',
    'auto.folder-allow': 'Allow writing to {folder}',
    'auto.folder-needs-permission':
      'The browser asks again before dockdeck may write to “{folder}”: the backups not yet copied there are waiting.',
    'auto.folder-written': 'Copied to “{folder}”: {n} new file(s).',
    'auto.folder-up-to-date': 'Every automatic backup is in “{folder}”.',
    'auto.folder-refused': 'The browser did not allow writing to “{folder}”. The backups stay in this browser.',
    'auto.error.permission': 'Not copied to “{folder}” yet: the browser needs your permission to write there.',
    'auto.error.folder': 'Writing to “{folder}” failed on {date}: {detail}',
    'auto.error.backup': 'The automatic backup of {date} could not be made: {detail}',
    'auto.none':
      'No automatic backup yet: the first is made when you open dockdeck on a study day with something of yours to keep.',
    'auto.list': 'Automatic backups, newest first',
    'auto.kind.daily': 'Start of the day',
    'auto.kind.before-restore': 'Before a restore',
    'auto.row': 'Cards: {cards}, reviews: {reviews}, {size}',
    'auto.in-folder': 'in the folder',
    'auto.download': 'Download',
    'auto.download-label': 'Download the automatic backup of {date}',
    'auto.restore': 'Restore…',
    'auto.restore-label': 'Restore the automatic backup of {date}',
    'auto.gone': 'That automatic backup is no longer kept.',
    'auto.before-restore-failed':
      'The backup of the current data, made before each restore, could not be made; nothing was restored or changed.',
    'auto.before-restore-kept':
      'What was there before is kept as the automatic backup “Before a restore” of {date}: restore it to undo this.',
    'auto.prompt-label': 'Automatic backups',
  },
  {
    'auto.heading': '自动备份',
    'auto.intro':
      'dockdeck 会在每个学习日第一次启动时自动备份一次，并在恢复替换所有内容之前再备份一次（恢复那一份即可撤销这次恢复）。保留最新的 {keep} 份。',
    'auto.in-browser':
      '这些备份和 dockdeck 的其他数据一样保存在这个浏览器中：清除浏览器中本网站的数据会把它们一并删除。请下载想另外保存的备份，或选择一个文件夹存放副本。',
    'auto.keep': '保留的自动备份数量',
    'auto.keep-save': '保存',
    'auto.keep-saved': '已保存：保留最新的 {keep} 份自动备份。',
    'auto.keep-bad': '请输入 {min} 到 {max} 之间的整数。没有做任何更改。',
    'auto.folder-none':
      '在允许 dockdeck 写入你所选文件夹的浏览器中，每份自动备份还会复制到那里，清除浏览器数据也不会删除它们。',
    'auto.folder-unsupported': '此浏览器无法写入你选择的文件夹：请下载想保留的自动备份。',
    'auto.folder-choose': '选择文件夹…',
    'auto.folder-change': '选择其他文件夹…',
    'auto.folder-forget': '不再复制到 {folder}',
    'auto.folder-set': '每份自动备份也会写入文件夹“{folder}”（那里保留最新的 {keep} 份）。',
    'auto.folder-allow': '允许写入 {folder}',
    'auto.folder-needs-permission': '浏览器需要再次确认 dockdeck 才能写入“{folder}”：尚未复制过去的备份正在等待。',
    'auto.folder-written': '已复制到“{folder}”：{n} 个新文件。',
    'auto.folder-up-to-date': '所有自动备份都已在“{folder}”中。',
    'auto.folder-refused': '浏览器没有允许写入“{folder}”。备份仍保存在这个浏览器中。',
    'auto.error.permission': '尚未复制到“{folder}”：浏览器需要你允许写入那里。',
    'auto.error.folder': '{date} 写入“{folder}”失败：{detail}',
    'auto.error.backup': '无法生成 {date} 的自动备份：{detail}',
    'auto.none': '还没有自动备份：当你在某个学习日打开 dockdeck 且有自己的数据需要保留时，会生成第一份。',
    'auto.list': '自动备份，最新的在前',
    'auto.kind.daily': '当天开始时',
    'auto.kind.before-restore': '恢复之前',
    'auto.row': '卡片：{cards}，复习记录：{reviews}，{size}',
    'auto.in-folder': '已在文件夹中',
    'auto.download': '下载',
    'auto.download-label': '下载 {date} 的自动备份',
    'auto.restore': '恢复…',
    'auto.restore-label': '恢复 {date} 的自动备份',
    'auto.gone': '那份自动备份已不再保留。',
    'auto.before-restore-failed': '每次恢复之前都会先备份当前数据，这次备份没有成功；没有恢复，也没有做任何更改。',
    'auto.before-restore-kept': '恢复之前的内容已保存为 {date} 的自动备份“恢复之前”：恢复它即可撤销这次恢复。',
    'auto.prompt-label': '自动备份',
  },
);
