// @vitest-environment jsdom
// Issue 12: the theme. A saved choice is on <html data-theme> at once and remembered for the next start; "system"
// follows prefers-color-scheme as it changes; an Anki card in the dark theme has Anki's night-mode classes, and one
// coloured for a light page only keeps a light page of its own.
import { act, render, screen, waitFor } from '@testing-library/react';
import { applyDocumentTheme } from '../../src/app/document-theme';
import { writeSettings } from '../../src/db/settings-repo';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { CardScope } from '../../src/ui/card-scope';
import { freshDb, openApp } from './helpers';

/** A stand-in for the browser's prefers-color-scheme (jsdom has no matchMedia): `set` changes what the system says. */
function fakeSystemScheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
  };
  const original = window.matchMedia;
  window.matchMedia = ((q: string) => {
    if (q !== '(prefers-color-scheme: dark)') throw new Error(`unexpected media query ${q}`);
    return query;
  }) as unknown as typeof window.matchMedia;
  return {
    set(next: boolean) {
      dark = next;
      act(() => listeners.forEach((f) => f()));
    },
    listeners,
    restore: () => {
      window.matchMedia = original;
    },
  };
}

const theme = () => document.documentElement.getAttribute('data-theme');

let system: ReturnType<typeof fakeSystemScheme>;
beforeEach(() => {
  system = fakeSystemScheme(false);
});
afterEach(() => {
  applyDocumentTheme('light');
  system.restore();
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});

test('a first visit follows the system; a saved Dark is on <html> at once, stays when the system changes, and is remembered', async () => {
  system.set(true);
  await freshDb();
  const { user } = openApp('#/settings');
  await screen.findByRole('navigation', { name: 'Main' });
  expect(theme()).toBe('dark');
  system.set(false);
  expect(theme()).toBe('light');

  const select = await screen.findByLabelText('Colours');
  expect([...(select as HTMLSelectElement).options].map((o) => [o.value, o.text])).toEqual([
    ['system', 'As the system'],
    ['light', 'Light'],
    ['dark', 'Dark'],
  ]);
  await user.selectOptions(select, 'dark');
  await user.click(screen.getByRole('button', { name: 'Save settings' }));
  await screen.findByText('Settings saved.');
  // The saved settings reach the app through its live query.
  await waitFor(() => expect(theme()).toBe('dark'));
  expect(localStorage.getItem('dockdeck.theme')).toBe('dark');
  // The choice is the user's now: the system's change no longer moves it, and nothing listens to it any more.
  system.set(false);
  expect(theme()).toBe('dark');
  expect(system.listeners.size).toBe(0);
});

test('the stored theme wins over the one remembered from the last visit once the settings are read', async () => {
  const { db, now } = await freshDb();
  await writeSettings(db, { ...DEFAULT_SETTINGS, study: { ...DEFAULT_SETTINGS.study, theme: 'light' } }, now());
  system.set(true);
  localStorage.setItem('dockdeck.theme', 'dark');
  applyDocumentTheme('dark');
  openApp('#/');
  await screen.findByRole('navigation', { name: 'Main' });
  await waitFor(() => expect(theme()).toBe('light'));
  expect(localStorage.getItem('dockdeck.theme')).toBe('light');
});

test('settings stored before there was a theme follow the system', async () => {
  const { db, now } = await freshDb();
  const { theme: _, ...before } = DEFAULT_SETTINGS.study;
  await db.settings.put({ key: 'study', value: { ...before, uiLang: 'zh' }, updatedAt: now() });
  system.set(true);
  const { user } = openApp('#/settings');
  await screen.findByRole('navigation', { name: '主导航' });
  expect(theme()).toBe('dark');
  expect(await screen.findByLabelText('配色')).toHaveValue('system');
  expect(screen.getByRole('option', { name: '跟随系统' })).toBeInTheDocument();
  await user.selectOptions(screen.getByLabelText('配色'), 'light');
  await user.click(screen.getByRole('button', { name: '保存设置' }));
  await screen.findByText('设置已保存。');
  await waitFor(() => expect(theme()).toBe('light'));
});

describe('an Anki card in the dark theme', () => {
  const box = () => document.querySelector('.card-scope')!;

  test.each([
    ['.nightMode .cloze { color: lightblue } .cloze { color: blue }', ['nightMode', 'night_mode'], false],
    ['.card { color: black; background-color: white }', ['nightMode', 'night_mode'], true],
    ['.card { font-size: 20px }', ['nightMode', 'night_mode'], false],
  ])('note type CSS %j: classes %j, a light page of its own: %s', (css, night, paper) => {
    applyDocumentTheme('dark');
    render(
      <CardScope scopeId="deck\nnt" css={css}>
        <p>text</p>
      </CardScope>,
    );
    for (const c of night) expect(box()).toHaveClass(c);
    expect(box().classList.contains('card-scope-paper')).toBe(paper);

    // Back to light: no night mode, no separate page.
    act(() => applyDocumentTheme('light'));
    return waitFor(() => {
      expect(box()).not.toHaveClass('nightMode');
      expect(box()).not.toHaveClass('night_mode');
      expect(box()).not.toHaveClass('card-scope-paper');
    });
  });
});
