// The Backup screen's storage panel, in English and Chinese: whether the browser keeps the data, how much it takes,
// and what it would mean if the browser cleared it.
import { defineMessages } from '../../lib/i18n';

export const storageMessages = defineMessages(
  {
    'storage.heading': 'Storage on this device',
    'storage.persisted': 'Protected: the browser has agreed not to clear dockdeck’s data to free up space.',
    'storage.not-persisted':
      'Not protected: when the device runs low on space, the browser may clear dockdeck’s data without asking.',
    'storage.unknown': 'This browser does not say whether it keeps dockdeck’s data when space runs low.',
    'storage.usage': 'dockdeck uses {used} of the {quota} this browser allows it.',
    'storage.usage-only': 'dockdeck uses {used}.',
    'storage.usage-unknown': 'This browser does not say how much space dockdeck uses.',
    'storage.eviction':
      'If the data were cleared, your own decks, every answer and its schedule, your quiz history and your settings would be gone; the app would start again with only the built-in decks. A backup file is the way back: use “{download}” above now and then, and after a big import.',
    'storage.ask': 'Ask the browser to keep dockdeck’s data',
    'storage.asking': 'Asking the browser…',
    'storage.granted': 'The browser agreed: dockdeck’s data is protected.',
    'storage.declined':
      'The browser said no. Browsers usually agree for sites you visit often, bookmark or install; until then, keep downloading backups.',
    'storage.cannot-ask': 'This browser cannot be asked; keep downloading backups.',
    'storage.loading': 'Reading storage…',
  },
  {
    'storage.heading': '本设备上的存储',
    'storage.persisted': '已受保护：浏览器已同意不会为了腾出空间而清除 dockdeck 的数据。',
    'storage.not-persisted': '未受保护：设备空间不足时，浏览器可能不经询问就清除 dockdeck 的数据。',
    'storage.unknown': '此浏览器没有说明空间不足时是否会保留 dockdeck 的数据。',
    'storage.usage': 'dockdeck 已使用 {used}，此浏览器最多允许 {quota}。',
    'storage.usage-only': 'dockdeck 已使用 {used}。',
    'storage.usage-unknown': '此浏览器没有说明 dockdeck 使用了多少空间。',
    'storage.eviction':
      '如果数据被清除，你自己的卡组、每一次作答及其复习安排、测验记录和设置都会丢失，应用会重新开始，只剩内置卡组。备份文件是恢复的唯一途径：请不时使用上方的“{download}”，大批导入之后也请备份一次。',
    'storage.ask': '请求浏览器保留 dockdeck 的数据',
    'storage.asking': '正在询问浏览器…',
    'storage.granted': '浏览器已同意：dockdeck 的数据已受保护。',
    'storage.declined':
      '浏览器拒绝了。浏览器通常会对经常访问、加入书签或已安装的网站同意；在此之前，请继续定期下载备份。',
    'storage.cannot-ask': '无法向此浏览器请求；请继续定期下载备份。',
    'storage.loading': '正在读取存储信息…',
  },
);
