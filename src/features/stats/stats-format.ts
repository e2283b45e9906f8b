// Number, percent and date formats of the statistics page, in the interface's language.
import { localeTag, type UiLang } from '../../lib/i18n';
import type { statsMessages } from './stats-messages';

export type M = (key: keyof (typeof statsMessages)['en'], params?: Record<string, string | number>) => string;

export interface Fmt {
  n(x: number, digits?: number): string;
  pct(x: number | null): string;
  /** A study day's date (`2026-12-01`) as the language writes it. */
  date(iso: string): string;
}

export function formats(lang: UiLang, none: string): Fmt {
  const tag = localeTag(lang);
  const dates = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  return {
    n: (x, digits = 0) => x.toLocaleString(tag, { maximumFractionDigits: digits }),
    pct: (x) => (x === null ? none : x.toLocaleString(tag, { style: 'percent', maximumFractionDigits: 1 })),
    date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
  };
}
