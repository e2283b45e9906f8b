// @vitest-environment jsdom
// Pins the update prompt: a new version waiting in the service worker is offered, never swapped in; the worker is told
// to take over only on the user's "Reload", the page reloads only after that, and the offer waits while the user is
// in a review, quiz or import.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { PwaUpdatePrompt } from '../../src/app/pwa-update';
import { I18nProvider, type UiLang } from '../../src/lib/i18n';

const registration = vi.hoisted(() => ({
  options: null as RegisterSWOptions | null,
  updateServiceWorker: vi.fn<(reloadPage?: boolean) => Promise<void>>(),
}));

vi.mock('virtual:pwa-register/react', async () => {
  const { useState } = await import('react');
  return {
    useRegisterSW(options: RegisterSWOptions = {}) {
      registration.options = options;
      return {
        needRefresh: useState(false),
        offlineReady: useState(false),
        updateServiceWorker: registration.updateServiceWorker,
      };
    },
  };
});

/** The page's service worker container (jsdom has none): a registration whose `waiting` worker the test sets. */
const container = Object.assign(new EventTarget(), {
  waiting: null as object | null,
  getRegistration: async () => ({ waiting: container.waiting }),
});

beforeEach(() => {
  registration.options = null;
  registration.updateServiceWorker.mockReset().mockResolvedValue(undefined);
  container.waiting = null;
  Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true });
});
afterEach(() => {
  delete (navigator as { serviceWorker?: unknown }).serviceWorker;
});

function renderPrompt({ hold = false, lang = 'en' as UiLang } = {}) {
  const reload = vi.fn();
  const ui = (h: boolean) => (
    <I18nProvider lang={lang}>
      <PwaUpdatePrompt hold={h} reload={reload} />
    </I18nProvider>
  );
  const utils = render(ui(hold));
  return { reload, user: userEvent.setup(), setHold: (h: boolean) => utils.rerender(ui(h)) };
}

/** What the service worker's registration reports, as workbox-window would, and the browser's own event. */
const worker = {
  newVersionWaiting: () => {
    container.waiting = {};
    act(() => registration.options?.onNeedRefresh?.());
  },
  /** The plugin's report that the new version controls the page (only on a page that was controlled at load). */
  tookControl: () => {
    container.waiting = null;
    act(() => registration.options?.onNeedReload?.());
  },
  controllerChange: () => {
    container.waiting = null;
    act(() => void container.dispatchEvent(new Event('controllerchange')));
  },
};

const reloadButton = () => screen.queryByRole('button', { name: 'Reload' });

describe('update prompt', () => {
  test('nothing is shown until a new version waits; then it is offered and nothing happens before the click', async () => {
    const { reload } = renderPrompt();
    expect(registration.options).not.toBeNull();
    expect(screen.queryByText(/new version/)).toBeNull();

    worker.newVersionWaiting();
    expect(screen.getByRole('status')).toHaveTextContent('A new version of dockdeck is ready.');
    expect(reloadButton()).not.toBeNull();
    expect(registration.updateServiceWorker).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  test('"Reload" tells the waiting worker to take over, and the page reloads once it has, once', async () => {
    const { reload, user } = renderPrompt();
    worker.newVersionWaiting();
    await user.click(reloadButton()!);
    await waitFor(() => expect(registration.updateServiceWorker).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('status')).toHaveTextContent('Loading the new version…');
    expect(reload).not.toHaveBeenCalled();

    worker.tookControl();
    expect(reload).toHaveBeenCalledTimes(1);
    worker.controllerChange();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test('on the first visit’s page (not controlled when it loaded) the browser’s controllerchange reloads', async () => {
    const { reload, user } = renderPrompt();
    worker.newVersionWaiting();
    await user.click(reloadButton()!);
    await waitFor(() => expect(registration.updateServiceWorker).toHaveBeenCalledTimes(1));
    expect(reload).not.toHaveBeenCalled();
    worker.controllerChange();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test('a new version that another tab accepted does not reload this one: the offer stays, and its click reloads', async () => {
    const { reload, user } = renderPrompt();
    worker.newVersionWaiting();
    worker.tookControl();
    worker.controllerChange();
    expect(reload).not.toHaveBeenCalled();
    expect(reloadButton()).not.toBeNull();

    await user.click(reloadButton()!);
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    // Nothing is waiting any more: the worker is not asked again.
    expect(registration.updateServiceWorker).not.toHaveBeenCalled();
  });

  test('the offer waits while a review, quiz or import is on screen, and shows once it is left', () => {
    const { reload, setHold } = renderPrompt({ hold: true });
    worker.newVersionWaiting();
    worker.tookControl();
    expect(screen.queryByText(/new version/)).toBeNull();
    expect(registration.updateServiceWorker).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();

    setHold(false);
    expect(screen.getByRole('status')).toHaveTextContent('A new version of dockdeck is ready.');
  });

  test('"Later" puts the offer away and changes nothing', async () => {
    const { reload, user } = renderPrompt();
    worker.newVersionWaiting();
    await user.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByText(/new version/)).toBeNull();
    expect(registration.updateServiceWorker).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  test('in Chinese', async () => {
    const { user } = renderPrompt({ lang: 'zh' });
    worker.newVersionWaiting();
    expect(screen.getByRole('status')).toHaveTextContent('dockdeck 的新版本已准备好。');
    await user.click(screen.getByRole('button', { name: '重新加载' }));
    await waitFor(() => expect(registration.updateServiceWorker).toHaveBeenCalledTimes(1));
  });
});
