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

/** True when some text of the value differs between the languages (imported cards are one language only). */
export function hasSecondLanguage(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasSecondLanguage);
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.en === 'string' && typeof v.zh === 'string' && v.en !== v.zh) return true;
  return Object.values(v).some(hasSecondLanguage);
}
