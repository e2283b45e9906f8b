// Launches headless Chromium (playwright-core) in a fresh temporary profile, and removes the profile on close.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * `serviceWorkers: 'block'` (the default) keeps the app's service worker out: once installed it would answer every
 * navigation in its scope with the cached app (the bench page at /__bench/ too) and serve the app's files from its
 * cache, so a cold load would no longer be one. Only the offline case (cases/pwa.mjs) launches a browser with it.
 */
export async function launchBrowser({ serviceWorkers = 'block' } = {}) {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'dockdeck-bench-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      serviceWorkers,
      // The runner handles Ctrl-C and SIGTERM itself (closes, reports, exits); Playwright still kills the
      // browser if the process exits any other way.
      handleSIGINT: false,
      handleSIGTERM: false,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  // Last resort when the process exits before close() finished: the profile folder still goes.
  const removeProfile = () => rmSync(userDataDir, { recursive: true, force: true });
  process.once('exit', removeProfile);
  let closing = null;
  return {
    context,
    async version() {
      // The full version (the user agent string reports only the major one).
      const page = await context.newPage();
      try {
        const cdp = await context.newCDPSession(page);
        const { product } = await cdp.send('Browser.getVersion');
        await cdp.detach();
        return /\/([\d.]+)/.exec(product)?.[1] ?? product;
      } finally {
        await page.close();
      }
    },
    /** Closes the browser and removes the profile; every call waits for the same single close. */
    close() {
      closing ??= (async () => {
        try {
          await context.close();
        } finally {
          await rm(userDataDir, { recursive: true, force: true });
          process.off('exit', removeProfile);
        }
      })();
      return closing;
    },
  };
}
