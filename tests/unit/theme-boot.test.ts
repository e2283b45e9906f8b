// @vitest-environment jsdom
// Issue 12: public/theme-boot.js (run before the first frame) and the app's document-theme.ts (run after) put the same
// theme on <html> for every remembered choice and system scheme, so that the page never switches colours as it starts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyDocumentTheme, rememberedTheme, THEME_COLOURS } from '../../src/app/document-theme';

const BOOT = readFileSync(resolve(import.meta.dirname, '../../public/theme-boot.js'), 'utf8');

function systemScheme(dark: boolean): () => void {
  const original = window.matchMedia;
  window.matchMedia = ((q: string) => ({
    matches: q === '(prefers-color-scheme: dark)' && dark,
    addEventListener() {},
    removeEventListener() {},
  })) as unknown as typeof window.matchMedia;
  return () => {
    window.matchMedia = original;
  };
}

const theme = () => document.documentElement.getAttribute('data-theme');
const barColour = () => document.querySelector('meta[name="theme-color"]')?.getAttribute('content');

beforeAll(() => {
  const meta = document.createElement('meta');
  meta.name = 'theme-color';
  meta.content = 'unset';
  document.head.append(meta);
});

test.each([null, 'system', 'light', 'dark', 'sepia'].flatMap((stored) => [false, true].map((dark) => [stored, dark])))(
  'remembered %j, system dark %s: the boot script and the app agree',
  (stored, dark) => {
    const restore = systemScheme(dark as boolean);
    try {
      localStorage.clear();
      if (stored !== null) localStorage.setItem('dockdeck.theme', stored as string);
      document.documentElement.removeAttribute('data-theme');
      new Function(BOOT)();
      const early = theme();
      const expected = stored === 'dark' || (stored !== 'light' && dark) ? 'dark' : 'light';
      expect(early).toBe(expected);
      // The browser bar takes the theme's colour too, the same from both.
      expect(barColour()).toBe(expected === 'dark' ? '#14171c' : '#2b6cb0');
      document.querySelector('meta[name="theme-color"]')?.setAttribute('content', 'unset');
      document.documentElement.removeAttribute('data-theme');
      applyDocumentTheme(rememberedTheme() ?? 'system');
      expect(theme()).toBe(early);
      expect(barColour()).toBe(THEME_COLOURS[expected]);
    } finally {
      restore();
      localStorage.clear();
    }
  },
);

test('the boot script is loaded by index.html as a classic script in <head>, before the app', () => {
  const html = readFileSync(resolve(import.meta.dirname, '../../index.html'), 'utf8');
  const head = html.slice(0, html.indexOf('</head>'));
  expect(head).toMatch(/<script src="\/theme-boot\.js"><\/script>/);
  expect(html.indexOf('theme-boot.js')).toBeLessThan(html.indexOf('src/main.tsx'));
});
