// What the card renderer writes in place of content from other sites, in English and Chinese.
import { defineMessages, type UiLang } from '../lib/i18n';

export const remoteMessages = defineMessages(
  {
    'remote.image': 'Remote image from {host} — blocked',
    'remote.sound': 'Remote sound from {host} — blocked',
    'remote.video': 'Remote video from {host} — blocked',
    'remote.frame': 'Image from {host}',
  },
  {
    'remote.image': '来自 {host} 的远程图片 — 已阻止',
    'remote.sound': '来自 {host} 的远程音频 — 已阻止',
    'remote.video': '来自 {host} 的远程视频 — 已阻止',
    'remote.frame': '来自 {host} 的图片',
  },
);

export type RemoteMessageKey = keyof (typeof remoteMessages)['en'];

/** A message outside React (the renderer is a pure function of its text and options). */
export function remoteMessage(lang: UiLang, key: RemoteMessageKey, host: string): string {
  return remoteMessages[lang][key].replace('{host}', host);
}
