// Helpers for driving the built app and the bench page in the browser: URLs, waits, script collection.
/* global document -- only inside page.evaluate callbacks, which run in the browser */
import { URL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const CARD = 'article.card[data-card-id]';

export const reviewUrl = (ctx, deckId) => `${ctx.baseUrl}/#/review/${encodeURIComponent(deckId)}`;

/** Opens a page; the caller closes it (every case closes its pages in `finally`). */
export async function newPage(ctx) {
  const page = await ctx.context.newPage();
  page.setDefaultTimeout(ctx.timeoutMs);
  return page;
}

/** Opens the bench page (same origin as the app, so the same IndexedDB) and waits for window.bench. */
export async function openBenchPage(ctx) {
  const page = await newPage(ctx);
  await page.goto(`${ctx.baseUrl}/__bench/`);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
  return page;
}

/** Waits until the built-in decks are loaded and a card is on screen. */
export async function waitForCardAndReady(page) {
  await page.waitForSelector(CARD);
  await page.waitForSelector('.app[data-ready="true"]', { state: 'attached' });
}

/** Records every JavaScript response of the page: url, raw bytes and gzip -9 bytes (of the bytes as served). */
export function collectScripts(page) {
  const pending = [];
  const files = [];
  page.on('response', (res) => {
    const type = res.headers()['content-type'] ?? '';
    if (!/javascript/.test(type) && !/\.m?js(\?|$)/.test(res.url())) return;
    pending.push(
      res
        .body()
        .then((body) => {
          files.push({ url: res.url(), bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
        })
        .catch(() => {}),
    );
  });
  return {
    async files() {
      await Promise.all(pending);
      return [...files].sort((a, b) => b.gzip - a.gzip);
    },
  };
}

export const kB = (bytes) => bytes / 1000;
export const fileName = (url) => new URL(url).pathname.split('/').pop();
