// @vitest-environment jsdom
// Pins the interface language: nothing is shown before the stored settings are read (no English first for a Chinese
// user), <html lang> follows the language, and the settings screen words its validation problems in it.
import { screen, waitFor, within } from '@testing-library/react';
import { vi } from 'vitest';
import { writeSettings } from '../../src/db/settings-repo';
import { DEFAULT_SETTINGS, type Settings } from '../../src/domain/settings';
import { freshDb, openApp } from './helpers';

const ZH: Settings = { ...DEFAULT_SETTINGS, study: { ...DEFAULT_SETTINGS.study, uiLang: 'zh' } };

afterEach(() => {
  localStorage.clear();
  document.documentElement.lang = '';
  vi.restoreAllMocks();
});

/** Every text the page showed, from now on, as it changed. */
function recordTexts(): { texts: string[]; stop(): void } {
  const texts: string[] = [];
  const observer = new MutationObserver(() => {
    const text = document.body.textContent ?? '';
    if (text && texts.at(-1) !== text) texts.push(text);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return { texts, stop: () => observer.disconnect() };
}

test('regression #10: a Chinese user sees no English first: nothing is rendered until the settings are read', async () => {
  const { db, now } = await freshDb();
  await writeSettings(db, ZH, now());
  const seen = recordTexts();
  openApp('#/');
  // The first render, before the stored settings are read, shows no text at all.
  expect(document.body.textContent).toBe('');
  await screen.findByRole('navigation', { name: '主导航' });
  seen.stop();
  expect(seen.texts.length).toBeGreaterThan(0);
  for (const text of seen.texts) {
    expect(text).not.toMatch(/Skip to content|Decks|Settings|Quiz|Your decks|Loading/);
  }
  expect(document.documentElement.lang).toBe('zh-CN');
  expect(screen.getByRole('link', { name: '跳到主要内容' })).toHaveAttribute('href', '#main');
});

test('<html lang> follows a saved change of the app language at once, and the next start remembers it', async () => {
  await freshDb();
  const { user } = openApp('#/settings');
  await screen.findByRole('navigation', { name: 'Main' });
  expect(document.documentElement.lang).toBe('en');
  await user.selectOptions(await screen.findByLabelText('App language'), 'zh');
  await user.click(screen.getByRole('button', { name: 'Save settings' }));
  await screen.findByText('设置已保存。');
  expect(document.documentElement.lang).toBe('zh-CN');
  expect(within(screen.getByRole('navigation', { name: '主导航' })).getByRole('link', { name: '设置' })).toBeVisible();
  expect(localStorage.getItem('dockdeck.uiLang')).toBe('zh');
});

test('before the settings are read, <html lang> is the language of the last visit', async () => {
  const { db, now } = await freshDb();
  await writeSettings(db, ZH, now());
  localStorage.setItem('dockdeck.uiLang', 'zh');
  openApp('#/');
  expect(document.body.textContent).toBe('');
  expect(document.documentElement.lang).toBe('zh-CN');
  await screen.findByRole('navigation', { name: '主导航' });
});

test('settings that cannot be read: the app still starts, says so, and keeps the language of the last visit', async () => {
  const { db } = await freshDb();
  vi.spyOn(db.settings, 'get').mockRejectedValue(Object.assign(new Error('disk gone'), { name: 'UnknownError' }));
  vi.spyOn(console, 'error').mockImplementation(() => {});
  localStorage.setItem('dockdeck.uiLang', 'zh');
  openApp('#/');
  await screen.findByRole('navigation', { name: '主导航' });
  expect((await screen.findAllByRole('alert'))[0]).toHaveTextContent('保存失败');
  await waitFor(() => expect(document.querySelector('.app')).toHaveAttribute('data-ready', 'true'));
});

test('validation problems are worded in the user language, each at its field, and re-worded on a language change', async () => {
  const { db, now } = await freshDb();
  await writeSettings(db, ZH, now());
  const { user } = openApp('#/settings');
  const perDay = await screen.findByLabelText('每天新卡数');
  await user.clear(perDay);
  const steps = screen.getByLabelText(/^学习步长/);
  await user.clear(steps);
  await user.type(steps, '1m 1.5h');
  await user.click(screen.getByRole('button', { name: '保存预设' }));
  await screen.findByText('请修正标出的字段。');
  // An empty box is not 0: it is refused.
  expect(perDay).toHaveAttribute('aria-invalid', 'true');
  expect(perDay).toHaveAccessibleDescription('请输入 0 到 9999 之间的整数。');
  expect(steps).toHaveAttribute('aria-invalid', 'true');
  expect(steps).toHaveAccessibleDescription(/第 2 个步长无效：步长是从 1 起的整数加 m、h 或 d，例如 10m。/);
  expect(document.body.textContent).not.toMatch(/must be|whole number/);

  // The same problems in English once the stored language changes (here: in another tab).
  await writeSettings(db, DEFAULT_SETTINGS, now());
  await waitFor(() => expect(perDay).toHaveAccessibleDescription('Enter a whole number from 0 to 9999.'));
  expect(steps).toHaveAccessibleDescription(
    /Step 2 is not valid: a step is a whole number from 1 followed by m, h or d, e.g. 10m./,
  );
});

test('a settings save the browser refuses (storage full) says so, and no earlier "Settings saved." stays', async () => {
  const { db } = await freshDb();
  const { user } = openApp('#/settings');
  const save = await screen.findByRole('button', { name: 'Save settings' });
  await user.click(save);
  expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
  db.settings.hook('creating', () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  db.settings.hook('updating', () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  await user.click(save);
  expect((await screen.findByText(/no storage space left/)).closest('[role="alert"]')).not.toBeNull();
  expect(screen.queryByText('Settings saved.')).not.toBeInTheDocument();
});
