// User verbs of the import screen and the deck page's downloads, shared by the end-to-end tests.
import type { Page } from 'playwright-core';
import { baseURL, idb } from './browser';

/** Records, from the first script on, each progress bar the import screen shows (phase and value). */
export function installProgressProbe() {
  const seen: string[] = [];
  (window as unknown as { __progress: string[] }).__progress = seen;
  new MutationObserver(() => {
    const bar = document.querySelector('.import-progress');
    const value = bar?.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') ?? '-';
    const entry = bar ? `${bar.getAttribute('data-phase')}:${value}` : null;
    if (entry && seen.at(-1) !== entry) seen.push(entry);
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

export const imports = {
  async open(page: Page): Promise<void> {
    await page.goto(`${baseURL()}#/import`);
    await page.waitForSelector('.app[data-ready="true"]');
    await imports.step(page, 'start');
  },
  async step(page: Page, step: string, timeout?: number): Promise<void> {
    await page.waitForSelector(`section.import[data-step="${step}"]`, timeout ? { timeout } : {});
  },
  async pick(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await page.setInputFiles('section.import input[type=file]', file);
  },
  /** Drops a file on the drop zone as a browser does: dragenter, dragover, drop with a DataTransfer holding it. */
  async drop(page: Page, name: string, bytes: Buffer): Promise<void> {
    const dataTransfer = await page.evaluateHandle(
      ({ name, b64 }) => {
        const bin = atob(b64);
        const data = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([data], name));
        return dt;
      },
      { name, b64: bytes.toString('base64') },
    );
    for (const type of ['dragenter', 'dragover', 'drop'])
      await page.dispatchEvent('button.drop-zone', type, { dataTransfer });
  },
  counts: (page: Page) => page.locator('.import-confirm .import-counts').allTextContents(),
  async confirm(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await imports.step(page, 'done');
  },
  /** CSV: accept the suggested columns. */
  async continueCsv(page: Page): Promise<void> {
    await imports.step(page, 'csv');
    await page.getByRole('button', { name: 'Continue' }).click();
    await imports.step(page, 'confirm');
  },
  async progressSeen(page: Page): Promise<string[]> {
    return page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  },
};

export const importedDeckIds = async (page: Page) =>
  (await idb.read(page, 'decks'))
    .filter((d) => !d.builtin)
    .map((d) => d.id)
    .sort();

export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; path: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  if (!path) throw new Error('download failed');
  return { name: file.suggestedFilename(), path };
}
