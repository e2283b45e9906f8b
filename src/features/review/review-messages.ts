// The review screen's own words beyond the app-wide catalogue: what a screen reader hears once a choice is answered,
// and what the session says about answers it could not store yet or cards another tab changed.
import { defineMessages } from '../../lib/i18n';

export const reviewMessages = defineMessages(
  {
    'result.right': 'Correct. The answer is {letter}:',
    'result.wrong': 'Not quite: you chose {chosen}. The answer is {letter}:',
    'result.answer': 'The answer is {letter}:',
    'unsaved.one':
      '1 answer is not saved yet: the browser could not store it (its storage is full, or it refused the write). Free some space (other sites’ data, downloads, or this site’s old media), then press Retry; it is also tried again every 15 seconds. Keep this tab open until it is saved.',
    'unsaved.many':
      '{n} answers are not saved yet: the browser could not store them (its storage is full, or it refused the write). Free some space (other sites’ data, downloads, or this site’s old media), then press Retry; they are also tried again every 15 seconds. Keep this tab open until they are saved.',
    'unsaved.retry': 'Retry saving',
    'conflict.stale':
      'That card had just been answered in another tab, so your answer was not saved on top of it: it is shown as it is now.',
    'conflict.undo': 'That answer was not undone: the card was answered again since, in another tab.',
    'conflict.changed': 'This card was just answered in another tab: it is shown again as it is now.',
    'conflict.gone': 'The card you were on was just answered in another tab: here is the next one.',
  },
  {
    'result.right': '正确。答案是 {letter}：',
    'result.wrong': '不对：你选了 {chosen}。答案是 {letter}：',
    'result.answer': '答案是 {letter}：',
    'unsaved.one':
      '有 1 个回答尚未保存：浏览器无法存储它（存储空间已满，或拒绝了写入）。请释放一些空间（其他网站的数据、下载的文件或本站的旧媒体），然后点“重试”；它也会每 15 秒自动重试一次。保存之前请不要关闭此标签页。',
    'unsaved.many':
      '有 {n} 个回答尚未保存：浏览器无法存储它们（存储空间已满，或拒绝了写入）。请释放一些空间（其他网站的数据、下载的文件或本站的旧媒体），然后点“重试”；它们也会每 15 秒自动重试一次。保存之前请不要关闭此标签页。',
    'unsaved.retry': '重试保存',
    'conflict.stale': '这张卡片刚刚在另一个标签页中被回答过，所以你的回答没有覆盖保存：现在显示的是它的最新状态。',
    'conflict.undo': '没有撤销这个回答：这张卡片之后又在另一个标签页中被回答过。',
    'conflict.changed': '这张卡片刚刚在另一个标签页中被回答过：现在按它的最新状态重新显示。',
    'conflict.gone': '你刚才看的卡片已在另一个标签页中被回答：这是下一张。',
  },
);
