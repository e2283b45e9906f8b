// @vitest-environment jsdom
// Pins the Backup screen's storage panel: it says whether the browser keeps the data, how much is used of how much,
// what clearing would mean, and asks for persistent storage only when the button is pressed (navigator.storage mocked).
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { StoragePanel } from '../../src/features/backup/storage-panel';
import { I18nProvider, type UiLang } from '../../src/lib/i18n';

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** A stand-in for navigator.storage: persisted until granted, and what persist() answers. */
function fakeStorage({ persisted = false, grants = false, usage = 1.5 * MB, quota = 2 * GB } = {}) {
  let kept = persisted;
  return {
    persisted: vi.fn(async () => kept),
    persist: vi.fn(async () => {
      kept = grants;
      return grants;
    }),
    estimate: vi.fn(async () => ({ usage, quota })),
  };
}

/** Puts `storage` on navigator for the test (jsdom has none); undefined leaves none. */
function withStorage(storage: object | undefined): () => void {
  const had = Object.getOwnPropertyDescriptor(navigator, 'storage');
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  return () => {
    if (had) Object.defineProperty(navigator, 'storage', had);
    else delete (navigator as { storage?: unknown }).storage;
  };
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function renderPanel(lang: UiLang = 'en') {
  render(
    <I18nProvider lang={lang}>
      <StoragePanel />
    </I18nProvider>,
  );
  return userEvent.setup();
}

describe('storage panel', () => {
  test('not persisted: says so, the space used of the quota, what eviction means; asks only on the click', async () => {
    const storage = fakeStorage({ grants: true });
    restore = withStorage(storage);
    const user = renderPanel();

    expect(await screen.findByText(/Not protected: when the device runs low on space/)).toBeInTheDocument();
    expect(screen.getByText('dockdeck uses 1.5 MB of the 2.0 GB this browser allows it.')).toBeInTheDocument();
    expect(screen.getByText(/If the data were cleared.*“Download full backup” above/)).toBeInTheDocument();
    expect(storage.persist).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Ask the browser to keep dockdeck’s data' }));
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('status')).toHaveTextContent('The browser agreed: dockdeck’s data is protected.');
    expect(await screen.findByText(/^Protected: the browser has agreed/)).toBeInTheDocument();
    // Nothing left to ask for.
    expect(screen.queryByRole('button', { name: /Ask the browser/ })).toBeNull();
  });

  test('declined: the panel says what makes a browser agree, still not protected', async () => {
    const storage = fakeStorage({ grants: false });
    restore = withStorage(storage);
    const user = renderPanel();
    await user.click(await screen.findByRole('button', { name: /Ask the browser/ }));
    expect(await screen.findByRole('status')).toHaveTextContent(/The browser said no\..*keep downloading backups/);
    expect(screen.getByText(/^Not protected/)).toBeInTheDocument();
  });

  test('already persisted: protected, no button', async () => {
    restore = withStorage(fakeStorage({ persisted: true, usage: 300 * 1024, quota: 500 * MB }));
    renderPanel();
    expect(await screen.findByText(/^Protected: the browser has agreed/)).toBeInTheDocument();
    expect(screen.getByText('dockdeck uses 300 KB of the 500 MB this browser allows it.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('a browser without a storage manager: says it does not say, offers no button, still explains eviction', async () => {
    restore = withStorage(undefined);
    renderPanel();
    expect(await screen.findByText(/This browser does not say whether it keeps/)).toBeInTheDocument();
    expect(screen.getByText('This browser does not say how much space dockdeck uses.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText(/If the data were cleared/)).toBeInTheDocument();
  });

  test('in Chinese', async () => {
    restore = withStorage(fakeStorage());
    renderPanel('zh');
    expect(await screen.findByText(/^未受保护/)).toBeInTheDocument();
    expect(screen.getByText('dockdeck 已使用 1.5 MB，此浏览器最多允许 2.0 GB。')).toBeInTheDocument();
    expect(screen.getByText(/“下载完整备份”/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '请求浏览器保留 dockdeck 的数据' })).toBeInTheDocument();
  });
});
