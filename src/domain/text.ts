// Bilingual text: which language to show, and the other one on demand.
import type { Text } from './deck-schema';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

export function pick(text: Text, lang: Lang): string {
  return text[lang];
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}

/** Renders the cloze text for one cloze number: hidden (`[…]` or `[hint]`) on the front, marked on the back. */
export function renderCloze(text: string, index: number, revealed: boolean): string {
  return text.replace(/\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}/g, (_m, n: string, answer: string, hint?: string) => {
    if (Number(n) !== index) return answer;
    if (revealed) return `<mark class="cloze">${answer}</mark>`;
    return `<mark class="cloze">[${hint ?? '…'}]</mark>`;
  });
}
