// Pins the message catalogues: every Chinese message has its English one's placeholders and no English words (the
// names of formats, programs and keys aside), for every screen, visited by the end-to-end test or not.
import { describe, expect, test } from 'vitest';
import { catalogue } from '../../src/lib/i18n';

/** Names and formats that stay as they are in Chinese, and the names of keys (as in tests/e2e/chinese-ui). */
const ALLOWED = new Set([
  ...['dockdeck', 'FSRS', 'Anki', 'CSV', 'TSV', 'JSON', 'HTML', 'Markdown', 'GUID'],
  ...['json', 'csv', 'tsv', 'txt', 'apkg', 'colpkg', 'https'],
  ...['Enter', 'Space', 'Esc', 'Tab', 'Shift', 'Ctrl', 'Alt'],
]);
/** A language's own name, as a language picker shows it. */
const AUTONYMS: Record<string, string> = { 'lang.en': 'English' };

type Catalogues = { en: Record<string, string>; zh: Record<string, string> };
const isCatalogues = (v: unknown): v is Catalogues =>
  typeof v === 'object' && v !== null && 'en' in v && 'zh' in v && typeof (v as Catalogues).zh === 'object';

/** Every feature's catalogue (`defineMessages` in a *-messages.ts file), by file and export, and the app-wide one. */
function allCatalogues(): Array<[string, Catalogues]> {
  const modules = import.meta.glob<Record<string, unknown>>('../../src/**/*-messages.ts', { eager: true });
  const found: Array<[string, Catalogues]> = [['src/lib/i18n.tsx', { en: catalogue('en'), zh: catalogue('zh') }]];
  for (const [file, mod] of Object.entries(modules))
    for (const [name, value] of Object.entries(mod)) if (isCatalogues(value)) found.push([`${file} ${name}`, value]);
  return found;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const all = allCatalogues();

  test('every feature catalogue is found (a glob that matched nothing would pass everything)', () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
  });

  test.each(all)('%s: the Chinese messages have no English words', (_, { zh }) => {
    const english = Object.entries(zh).flatMap(([key, text]) => {
      if (AUTONYMS[key] === text) return [];
      const words = text.replace(/\{\w+\}/g, ' ').match(/[A-Za-z]{3,}/g) ?? [];
      return words.some((w) => !ALLOWED.has(w)) ? [`${key}: ${text}`] : [];
    });
    expect(english).toEqual([]);
  });

  test.each(all)('%s: each Chinese message has the placeholders of the English one', (_, { en, zh }) => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(placeholders(zh[key] ?? ''), key).toEqual(placeholders(en[key]!));
  });
});
