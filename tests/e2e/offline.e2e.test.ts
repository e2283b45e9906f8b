// E2E: installable and offline. After one visit the service worker controls the page; with the network off, a reload
// shows the built-in decks, a whole review session is finished, a second reload keeps every answer, and the screens
// that load their code on first use (Backup) still open. A new version is offered, not swapped in.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { describe, expect, test } from 'vitest';
import { baseURL, browserPerTest, idb, library, review } from './browser';

const session = browserPerTest();
const DECK = 'containers-vs-vms';

/** Waits until a service worker controls the page (a positive signal: `controllerchange`), and returns its script. */
async function waitForServiceWorker(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const done = () => resolve(navigator.serviceWorker.controller?.scriptURL ?? '');
        if (navigator.serviceWorker.controller) return done();
        navigator.serviceWorker.addEventListener('controllerchange', done, { once: true });
      }),
  );
}

/**
 * Whether a request the service worker has not cached reaches the server (it must not, offline). The failed load the
 * browser reports for it (a console error) is taken out of the session's errors, that one and no other.
 */
async function networkReachable(page: Page, errors: string[]): Promise<boolean> {
  const probe = `/not-cached-${Math.random().toString(36).slice(2)}.txt`;
  const report = page.waitForEvent('console', { predicate: (m) => m.location().url.endsWith(probe), timeout: 5000 });
  const reached = await page.evaluate(
    (url) =>
      fetch(url, { cache: 'no-store' }).then(
        () => true,
        () => false,
      ),
    probe,
  );
  if (!reached) {
    const text = (await report).text();
    const i = errors.findIndex((e) => e.endsWith(`console.error: ${text}`));
    if (i >= 0) errors.splice(i, 1);
  } else report.catch(() => undefined);
  return reached;
}

describe('offline', () => {
  test('after one visit: offline, the app loads, a review is finished, and a reload keeps the answers', async () => {
    const { page, context, errors } = session();
    await library.open(page);
    const script = await waitForServiceWorker(page);
    expect(script).toBe(new URL('sw.js', baseURL()).href);
    // The manifest the page links to, with its icons, is what an install uses.
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      return link
        ? ((await (await fetch(link.href)).json()) as { display: string; icons: Array<{ src: string }> })
        : null;
    });
    expect(manifest?.display).toBe('standalone');
    expect(manifest?.icons.map((i) => i.src)).toEqual(
      expect.arrayContaining(['pwa-192.png', 'pwa-512.png', 'pwa-maskable-512.png']),
    );

    await context.setOffline(true);
    expect(await networkReachable(page, errors)).toBe(false);
    await page.reload();
    await library.waitReady(page);
    expect((await library.deckIds(page)).sort()).toEqual([
      'containers-today',
      'containers-vs-vms',
      'docker-architecture',
      'virtualization',
    ]);
    expect(await library.counts(page, DECK)).toEqual({ new: 20, learning: 0, due: 0 });

    // Today's 20 new cards, each answered Easy (so none comes back in this session), to the summary.
    await library.study(page, DECK);
    for (let n = 0; n < 20; n++) {
      await page.waitForSelector('section.review article.card[data-card-id]');
      await review.reveal(page);
      await review.grade(page, 'easy');
    }
    await page.waitForSelector('.session-end [data-testid="summary-cards"]');
    expect(await page.textContent('[data-testid="summary-cards"]')).toBe('20');

    // Still offline, a reload: the answers are kept.
    expect(await networkReachable(page, errors)).toBe(false);
    await page.reload();
    await review.waitSettled(page);
    await library.navigate(page);
    expect(await library.counts(page, DECK)).toEqual({ new: 0, learning: 0, due: 0 });
    const logs = await idb.read(page, 'reviewLogs');
    expect(logs).toHaveLength(20);
    expect(new Set(logs.map((l) => l.cardId)).size).toBe(20);
    expect(logs.every((l) => l.deckId === DECK && l.rating === 'easy')).toBe(true);

    // A screen whose code loads on first use opens offline too (its chunk came from the service worker's cache).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backup' }).click();
    await page.getByRole('heading', { name: 'Storage on this device' }).waitFor();
    expect(await page.locator('.storage-panel').textContent()).toMatch(/dockdeck uses \d/);
  });
});

const root = resolve(import.meta.dirname, '..', '..');

/** A copy of the build on a server of its own, so that the test can put a new version on it. */
async function serveCopy(): Promise<{ url: string; dir: string; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'dockdeck-sw-'));
  await cp(resolve(root, process.env.E2E_DIST ?? 'dist'), dir, { recursive: true });
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server has no address');
  return {
    url,
    dir,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Whether the page is still the one loaded at first (a reload would have lost the mark). */
const sameLoad = (page: Page) => page.evaluate(() => (window as { __firstLoad?: boolean }).__firstLoad === true);

describe('updates', () => {
  // The first visit's page was not controlled when it loaded (workbox-window reports the takeover differently there).
  test.each(['the first visit', 'a later visit'])(
    'on %s, a new version is offered, held during a review, and loaded only after the user clicks Reload',
    async (visit) => {
      const { page } = session();
      const server = await serveCopy();
      try {
        await page.goto(`${server.url}#/`);
        await library.waitReady(page);
        await waitForServiceWorker(page);
        if (visit === 'a later visit') {
          await page.reload();
          await library.waitReady(page);
        }
        await page.evaluate(() => ((window as { __firstLoad?: boolean }).__firstLoad = true));

        // In a review, a new version is published and the browser finds it: it waits, and nothing is shown.
        await library.study(page, DECK);
        await writeFile(join(server.dir, 'sw.js'), `${await readFile(join(server.dir, 'sw.js'), 'utf8')}\n// v2\n`);
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
        await page.waitForFunction(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting);
        // The app knows of it (a positive signal), and holds it back while the review goes on.
        await page.waitForSelector('.pwa-update[data-offered="true"]', { state: 'attached' });
        await review.reveal(page);
        await review.grade(page, 'good');
        expect(await page.locator('.pwa-update .alert').count()).toBe(0);
        expect(await sameLoad(page)).toBe(true);

        // Back in the library it is offered; the page is still the first load, on the old version.
        await library.navigate(page);
        const prompt = page.locator('.pwa-update .alert');
        await prompt.waitFor();
        expect(await prompt.textContent()).toContain('A new version of dockdeck is ready.');
        expect(await sameLoad(page)).toBe(true);
        expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(
          true,
        );

        // The click: the new version takes over and the page reloads with it.
        await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
        await library.waitReady(page);
        expect(await sameLoad(page)).toBe(false);
        expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(
          false,
        );
        expect(await page.locator('.pwa-update .alert').count()).toBe(0);
        // The answer given before the update is kept.
        expect(await library.counts(page, DECK)).toMatchObject({ new: 19 });
      } finally {
        await server.close();
      }
    },
  );
});
