// Import, export and backup test helpers: the import worker's session run in process, the app opened with it, downloads caught.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/app';
import { ImportClientContext, requestsVia, type ImportClientFactory } from '../../src/features/import/import-client';
import type { ImportRequest } from '../../src/formats/import/protocol';
import { createImportSession } from '../../src/workers/import-session';
import type { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { expandDeck } from '../../src/domain/study-card';
import { parseDeck } from '../../src/formats/dockdeck/validate';

export interface InProcessClient {
  factory: ImportClientFactory;
  /** Every request the screen sent, in order (bytes left out). */
  sent: string[];
  /** With `gated`: lets the session go past its next progress point(s). */
  release(): void;
}

/**
 * The worker's logic (createImportSession) on the test's thread. Answers arrive in a later task, as a worker's
 * do. `gated`: the session stops at every progress point until `release()`, so a test can look at the progress
 * and cancel half-way.
 */
export function inProcessClient(opts: { gated?: boolean } = {}): InProcessClient {
  const waiting: Array<() => void> = [];
  const sent: string[] = [];
  const yieldToEvents = opts.gated
    ? () => new Promise<void>((resolve) => waiting.push(resolve))
    : () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const factory: ImportClientFactory = (onMessage) => {
    const session = createImportSession((m) => setTimeout(() => onMessage(m), 0), { yieldToEvents });
    const send = (m: ImportRequest) => {
      sent.push(m.type);
      void session.handle(m);
    };
    return { ...requestsVia(send), cancel: () => send({ type: 'cancel' }), dispose: () => {} };
  };
  return {
    factory,
    sent,
    release() {
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

/** Opens the app at `hash` with the given import client (the in-process one by default). */
export function openWithClient(hash: string, client: InProcessClient = inProcessClient()) {
  window.location.hash = hash;
  // A picker's "All files" lets users choose anything; the screen must cope with whatever comes.
  const user = userEvent.setup({ applyAccept: false });
  const utils = render(
    <ImportClientContext.Provider value={client.factory}>
      <App />
    </ImportClientContext.Provider>,
  );
  return { user, client, ...utils };
}

export const importScreen = {
  step: () => document.querySelector<HTMLElement>('section.import')?.dataset.step ?? null,
  async waitForStep(step: string, timeout = 5000) {
    await waitFor(() => expect(importScreen.step()).toBe(step), { timeout });
  },
  /** The file picker's input (waits for the lazily loaded screen). */
  async fileInput(): Promise<HTMLInputElement> {
    return waitFor(
      () => {
        const input = document.querySelector<HTMLInputElement>('section.import input[type=file]');
        if (!input) throw new Error('no file input yet');
        return input;
      },
      { timeout: 10_000 },
    );
  },
  async paste(user: ReturnType<typeof userEvent.setup>, text: string) {
    const box = await screen.findByLabelText(/Or paste CSV/, {}, { timeout: 10_000 });
    await user.click(box);
    await user.paste(text);
    await user.click(screen.getByRole('button', { name: 'Read pasted text' }));
  },
  /** The "N new, M changed, K removed" line of each deck on the confirm step. */
  counts: () => [...document.querySelectorAll('.import-confirm .import-counts')].map((e) => e.textContent),
};

export interface Download {
  name: string;
  type: string;
  blob: Blob;
}

/** Catches downloads: URL.createObjectURL is stubbed and anchor clicks with `download` are recorded. */
export function catchDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = `blob:test/${n++}`;
    if (obj instanceof Blob) blobs.set(url, obj);
    return url;
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (this.download && blob) downloads.push({ name: this.download, type: blob.type, blob });
  });
  return downloads;
}

/** A File the way a file picker gives it. */
export function file(name: string, content: string | Uint8Array, type = ''): File {
  return new File([content as BlobPart], name, { type });
}

/** A deck file of the user's with one basic card. */
export const deck = (id: string, title: string) => ({
  format: 'dockdeck/deck@1' as const,
  id,
  title: { en: title, zh: title },
  sources: [{ doc: 'n.md' }],
  cards: [
    {
      id: 'c1',
      type: 'basic' as const,
      front: { en: `${title}?`, zh: `${title}？` },
      back: { en: 'A', zh: '答' },
      source: { doc: 'n.md', section: 'S' },
    },
  ],
});

/** Stores `deck(id, title)` as a deck of the user's. */
export async function addDeck(db: DockdeckDB, id: string, title: string, now: number): Promise<void> {
  const parsed = parseDeck('n.json', deck(id, title));
  if (!parsed.ok) throw new Error('bad test deck');
  await upsertDeck(db, parsed.deck, expandDeck(parsed.deck), { hash: id, builtin: false, now });
}
