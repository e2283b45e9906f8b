// E2E helpers: a fresh headless Chromium per test that fails on page errors, user-like app actions, raw IndexedDB reads.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, expect, inject } from 'vitest';

export type Rating = 'again' | 'hard' | 'good' | 'easy';
export const RATING_KEY: Record<Rating, string> = { again: '1', hard: '2', good: '3', easy: '4' };
const RATINGS: readonly Rating[] = ['again', 'hard', 'good', 'easy'];

export function baseURL(): string {
  const url = inject('baseURL') || process.env.DOCKDECK_E2E_URL;
  if (!url) throw new Error('no preview URL: run through vitest.e2e.config.ts (its global setup starts the server)');
  return url;
}

export interface BrowserSession {
  context: BrowserContext;
  /** The first tab; tests may open more with context.newPage(). */
  page: Page;
  /** Page errors and console errors of every tab, as "url: message". */
  errors: string[];
  close(): Promise<void>;
}

const open = new Set<BrowserSession>();

export interface LaunchOptions {
  timezoneId?: string;
  /** A phone instead of the 1100×900 desktop window: its viewport, with touch and the mobile meta viewport. */
  phone?: { width: number; height: number };
  /** What prefers-color-scheme says (light by default). */
  colorScheme?: 'light' | 'dark';
  /** Console errors a test expects (they are not counted as errors): the browser's own reports, never the app's. */
  allowErrors?: RegExp;
}

/** Launches Chromium with a new, empty profile (so a new IndexedDB). */
export async function launch(options: LaunchOptions = {}): Promise<BrowserSession> {
  const dir = await mkdtemp(join(tmpdir(), 'dockdeck-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
      timezoneId: options.timezoneId ?? 'UTC',
      locale: 'en-US',
      viewport: options.phone ?? { width: 1100, height: 900 },
      ...(options.phone ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
      colorScheme: options.colorScheme ?? 'light',
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(15_000);
  const errors: string[] = [];
  const watch = (p: Page) => {
    p.on('pageerror', (e) => errors.push(`${p.url()}: pageerror: ${e.stack ?? e.message}`));
    p.on('console', (m) => {
      if (m.type() === 'error' && !options.allowErrors?.test(m.text()))
        errors.push(`${p.url()}: console.error: ${m.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  const session: BrowserSession = {
    context,
    page,
    errors,
    async close() {
      if (closed) return;
      closed = true;
      open.delete(session);
      try {
        await context.close();
      } finally {
        await rm(dir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
  open.add(session);
  return session;
}

/**
 * Registers hooks for a test file: a fresh browser before each test; after it, the test fails on any page or
 * console error, and the browser is closed whatever happened. Returns the current session.
 */
export function browserPerTest(options: LaunchOptions = {}): () => BrowserSession {
  let current: BrowserSession | null = null;
  beforeEach(async () => {
    current = await launch(options);
  });
  afterEach(async () => {
    const s = current;
    current = null;
    if (!s) return;
    try {
      expect(s.errors, 'page errors / console errors').toEqual([]);
    } finally {
      await s.close();
    }
  });
  afterAll(async () => {
    await Promise.allSettled([...open].map((s) => s.close()));
  });
  return () => {
    if (!current) throw new Error('no browser session (use inside a test)');
    return current;
  };
}

export interface DeckCounts {
  new: number;
  learning: number;
  due: number;
}

export const library = {
  /** Loads the app at the library and waits until the built-in decks are in and listed. */
  async open(page: Page): Promise<void> {
    await page.goto(`${baseURL()}#/`);
    await library.waitReady(page);
  },
  /** Goes to the library with the main navigation's "Decks" link. */
  async navigate(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
    await library.waitReady(page);
  },
  async waitReady(page: Page): Promise<void> {
    await page.waitForSelector('.app[data-ready="true"]');
    await page.waitForSelector('section.library li.deck[data-deck-id]');
  },
  async deckIds(page: Page): Promise<string[]> {
    return page.$$eval('li.deck[data-deck-id]', (els) => els.map((e) => e.getAttribute('data-deck-id') ?? ''));
  },
  async counts(page: Page, deckId: string): Promise<DeckCounts> {
    const li = page.locator(`li.deck[data-deck-id="${deckId}"]`);
    const n = async (cls: string) => Number(await li.locator(`.${cls} dd`).textContent());
    return { new: await n('count-new'), learning: await n('count-learning'), due: await n('count-due') };
  },
  /** Clicks the deck's Study button and waits for the review screen to show a card or the session end. */
  async study(page: Page, deckId: string): Promise<void> {
    await page.locator(`li.deck[data-deck-id="${deckId}"] button`).click();
    await review.waitSettled(page);
  },
};

export const review = {
  /** Waits until the review screen shows a card or says nothing is left. */
  async waitSettled(page: Page): Promise<void> {
    await page.waitForSelector('section.review article.card[data-card-id], section.review .session-end');
  },
  async answered(page: Page): Promise<number> {
    return Number(await page.getAttribute('section.review', 'data-answered'));
  },
  /** The id of the card on screen (waits for one). */
  async currentCardId(page: Page): Promise<string> {
    const id = await page.getAttribute('section.review article.card[data-card-id]', 'data-card-id');
    if (!id) throw new Error('no card on screen');
    return id;
  },
  async isTypeIn(page: Page): Promise<boolean> {
    return (await page.locator('article.card form.type-in input').count()) > 0;
  },
  /** Shows the answer as a user would: Space, or Enter in the answer field of a type-in card. */
  async reveal(page: Page): Promise<void> {
    await page.waitForSelector('article.card .answer-bar button.primary');
    if (await review.isTypeIn(page)) await page.locator('article.card form.type-in input').press('Enter');
    else await page.keyboard.press('Space');
    await page.waitForSelector('article.card button.grade[data-rating="easy"]');
  },
  /** The interval label on each grade button (the answer must be shown). */
  async intervals(page: Page): Promise<Record<Rating, string>> {
    const out = {} as Record<Rating, string>;
    for (const r of RATINGS) {
      out[r] = (await page.getAttribute(`article.card button.grade[data-rating="${r}"]`, 'data-interval')) ?? '';
    }
    return out;
  },
  /** Presses the grade's key (1–4) and waits until the answer is stored (data-answered goes up). */
  async grade(page: Page, rating: Rating): Promise<void> {
    const before = await review.answered(page);
    await page.keyboard.press(RATING_KEY[rating]);
    await review.waitAnswered(page, before + 1);
  },
  /** Presses U and waits until the last answer is taken back. */
  async undo(page: Page): Promise<void> {
    const before = await review.answered(page);
    await page.keyboard.press('u');
    await review.waitAnswered(page, before - 1);
  },
  async waitAnswered(page: Page, n: number): Promise<void> {
    await page.waitForSelector(`section.review[data-answered="${n}"]`);
  },
  /** Waits until the card on screen is `cardId`. */
  async waitForCard(page: Page, cardId: string, timeout?: number): Promise<void> {
    await page.waitForSelector(`section.review article.card[data-card-id="${cardId}"]`, timeout ? { timeout } : {});
  },
};

/** Card row as stored in IndexedDB (the fields the tests read). */
export interface CardRow {
  id: string;
  deckId: string;
  due: number;
  state: number;
  reps: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  lastReview: number | null;
  position: number;
  tags: string[];
  content: { kind: string };
}

export interface MemoryRow {
  due: number;
  state: number;
  reps: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  lastReview: number | null;
}

export interface ReviewLogRow {
  id: string;
  cardId: string;
  deckId: string;
  rating: Rating;
  review: number;
  state: number;
  before: MemoryRow;
  after: MemoryRow;
}

export interface TableRows {
  decks: { id: string; builtin: boolean };
  cards: CardRow;
  reviewLogs: ReviewLogRow;
  settings: { key: string; value: unknown };
  /** The marks of a deck's cards, a bucket of them a row (src/db/marks-table.ts). */
  cardMarks: {
    deckId: string;
    bucket: number;
    cards: Record<string, { suspended?: boolean; buriedUntil?: number; flag?: number }>;
  };
  /** `data` is a Blob, which does not cross to the test (it arrives empty). */
  media: { deckId: string; name: string; size: number };
}

export const idb = {
  /**
   * Reads every row of a store straight from IndexedDB in the page (not through the app's code). Refuses to
   * create the database: it must already exist, as the app made it.
   */
  async read<T extends keyof TableRows>(page: Page, table: T): Promise<Array<TableRows[T]>> {
    return (await idb.readMany(page, [table]))[table];
  },
  /**
   * Reads every row of several stores in one read transaction (one moment of the database). The rows cross to the
   * test as one JSON text: Playwright's own transfer of a few hundred card rows takes seconds on a busy machine, the
   * text a few milliseconds. Numbers that JSON has not (NaN, ±Infinity) and byte arrays are kept; a Blob arrives empty.
   */
  async readMany<T extends keyof TableRows>(
    page: Page,
    tables: readonly T[],
  ): Promise<{ [K in T]: Array<TableRows[K]> }> {
    const text = await page.evaluate(
      (stores) =>
        new Promise<string>((resolve, reject) => {
          const req = indexedDB.open('dockdeck');
          req.onupgradeneeded = () => {
            req.transaction?.abort();
            reject(new Error('IndexedDB database dockdeck does not exist yet'));
          };
          req.onerror = () => reject(req.error ?? new Error('indexedDB.open failed'));
          req.onsuccess = () => {
            const db = req.result;
            try {
              const tx = db.transaction(stores, 'readonly');
              const out: Record<string, unknown[]> = {};
              for (const store of stores) {
                const all = tx.objectStore(store).getAll();
                all.onsuccess = () => (out[store] = all.result);
              }
              tx.oncomplete = () => {
                db.close();
                resolve(
                  JSON.stringify(out, (_key, value: unknown) =>
                    typeof value === 'number' && !Number.isFinite(value)
                      ? { '\u0000number': String(value) }
                      : ArrayBuffer.isView(value)
                        ? {
                            '\u0000bytes': Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)),
                          }
                        : value,
                  ),
                );
              };
              tx.onerror = () => {
                db.close();
                reject(tx.error ?? new Error('getAll failed'));
              };
            } catch (error) {
              db.close();
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          };
        }),
      tables,
    );
    return JSON.parse(text, (_key, value: unknown) => {
      if (typeof value !== 'object' || value === null) return value;
      if ('\u0000number' in value) return Number((value as Record<string, string>)['\u0000number']);
      if ('\u0000bytes' in value) return Uint8Array.from((value as Record<string, number[]>)['\u0000bytes']!);
      return value;
    }) as { [K in T]: Array<TableRows[K]> };
  },
  async card(page: Page, id: string): Promise<CardRow> {
    const row = (await idb.read(page, 'cards')).find((c) => c.id === id);
    if (!row) throw new Error(`card ${id} not in IndexedDB`);
    return row;
  },
};

const UNIT_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  mo: 30 * 86_400_000,
  y: 365 * 86_400_000,
};

/**
 * Whether an interval in ms is what a button label says, rounded as the app rounds labels: whole minutes, hours
 * and days, tenths of months and years; `<1m` is anything under a minute.
 */
export function intervalMatchesLabel(ms: number, label: string): boolean {
  if (label === '<1m') return ms >= 0 && ms < UNIT_MS.m!;
  const m = /^(\d+(?:\.\d)?)(m|h|d|mo|y)$/.exec(label);
  if (!m) throw new Error(`not an interval label: ${JSON.stringify(label)}`);
  const value = Number(m[1]);
  const unit = UNIT_MS[m[2]!]!;
  const decimals = m[2] === 'mo' || m[2] === 'y' ? 10 : 1;
  return Math.round((ms / unit) * decimals) / decimals === value;
}
