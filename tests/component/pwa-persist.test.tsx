// @vitest-environment jsdom
// Pins when the app asks for persistent storage by itself: never on a first visit or a move between other screens,
// when a review, quiz or import is left, only with something of the user's stored, and by itself only once.
import { renderHook } from '@testing-library/react';
import { vi } from 'vitest';
import { askOnce, useAskPersistence } from '../../src/app/pwa-persist';
import type { Route } from '../../src/app/routes';
import { freshDb } from './helpers';
import { plainDeck } from './fixtures';

function fakeStorage() {
  return {
    persisted: vi.fn(async () => false),
    persist: vi.fn(async () => true),
    estimate: vi.fn(async () => ({ usage: 0, quota: 0 })),
  };
}

let storage = fakeStorage();
beforeEach(() => {
  storage = fakeStorage();
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
});
afterEach(() => {
  delete (navigator as { storage?: unknown }).storage;
  localStorage.clear();
});

/** The shell's route, moved by hand; `ask` stands for askOnce. */
function shell(first: Route['name']) {
  const ask = vi.fn(async () => undefined);
  const hook = renderHook(({ route }) => useAskPersistence(route, ask), { initialProps: { route: first } });
  return { ask, go: (route: Route['name']) => hook.rerender({ route }) };
}

describe('when the app asks by itself', () => {
  test('not on the first visit, nor on moves between screens that are not a review, quiz or import', () => {
    const app = shell('library');
    for (const r of ['settings', 'backup', 'deck', 'library', 'review'] as const) app.go(r);
    expect(app.ask).not.toHaveBeenCalled();
  });

  test.each(['review', 'card-list', 'quiz', 'import'] as const)('when %s is left', (screen) => {
    const app = shell(screen);
    app.go('library');
    expect(app.ask).toHaveBeenCalledTimes(1);
  });

  test('not again once it has asked', () => {
    localStorage.setItem('dockdeck.persistAsked', '1');
    const app = shell('review');
    app.go('library');
    expect(app.ask).not.toHaveBeenCalled();
  });
});

describe('asking', () => {
  test('with nothing of the user’s stored: the browser is not asked, and the app will ask another time', async () => {
    await freshDb();
    await expect(askOnce()).resolves.toBe('nothing-stored');
    expect(storage.persist).not.toHaveBeenCalled();
    expect(localStorage.getItem('dockdeck.persistAsked')).toBeNull();
  });

  test('with the user’s own deck stored: asks the browser, and remembers it asked', async () => {
    await freshDb(plainDeck(3));
    await expect(askOnce()).resolves.toBe('granted');
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem('dockdeck.persistAsked')).not.toBeNull();
  });

  test('declined is reported as such', async () => {
    storage.persist.mockResolvedValue(false);
    await freshDb(plainDeck(3));
    await expect(askOnce()).resolves.toBe('declined');
  });

  test('already persisted: the browser is not asked', async () => {
    storage.persisted.mockResolvedValue(true);
    await freshDb(plainDeck(3));
    await expect(askOnce()).resolves.toBe('already-persisted');
    expect(storage.persist).not.toHaveBeenCalled();
  });

  test('a browser that cannot be asked: nothing is remembered', async () => {
    delete (navigator as { storage?: unknown }).storage;
    await freshDb(plainDeck(3));
    await expect(askOnce()).resolves.toBe('cannot-ask');
    expect(localStorage.getItem('dockdeck.persistAsked')).toBeNull();
  });
});
