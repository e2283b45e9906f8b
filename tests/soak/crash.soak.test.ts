// Soak (issue #14, "crash in the middle"): in real Chromium, a tab is killed at a random point while an answer, an
// import (a dockdeck deck file or an Anki package), a restore of a backup or a bulk edit of the browser is being
// written, 200 times and more in a seeded random order, the kill alternating between page.close() (an unload) and a
// renderer crash (CDP Page.crash). After each kill a new tab of the same profile checks that the database is whole:
// every card's memory is the end of its log's chain, and the action killed is there entirely or not at all (an import
// with all its cards or none, a restore that left the database as it was or as the backup, a bulk edit on every
// selected card or none, an answer with its log or not at all). The seed is printed (CRASH_SEED replays a run's
// order of kills); CRASH_KILLS_PER_KIND (50) sets how many, CRASH_DEBUG=1 prints how long each step of each kill took.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { rng, shuffle, type Rng } from '../../src/domain/quiz/random';
import {
  baseURL,
  browserPerTest,
  idb,
  RATING_KEY,
  review,
  type CardRow,
  type Rating,
  type TableRows,
} from '../e2e/browser';
import { browse } from '../e2e/browse-helpers';
import { download, imports } from '../e2e/import-helpers';
import { checkLogChains } from '../e2e/two-tabs-helpers';

const session = browserPerTest();
/** CRASH_DEBUG=1 prints how long each step of each kill took. */
const DEBUG = process.env.CRASH_DEBUG === '1';
let lapAt = Date.now();
const laps: string[] = [];
function lap(what: string) {
  if (!DEBUG) return;
  const now = Date.now();
  laps.push(`${what} ${now - lapAt}`);
  lapAt = now;
}
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
/** Kills of each kind (200 in all by default). */
const PER_KIND = Number(process.env.CRASH_KILLS_PER_KIND ?? 50);

const root = resolve(import.meta.dirname, '..', '..');
const ANKI = resolve(root, '..', 'shared', 'fixtures', 'anki');
/** Anki packages that each add a card of their own to "Default" (update2 updates update1's note: left out). */
const APKGS = ['media.apkg', 'update1.apkg', 'diffmodels2-1.apkg', 'diffmodeltemplates-1.apkg'];
/** The deck answered in (32 cards) and the deck of the bulk edits: apart, so a suspension never empties the review. */
const REVIEW_DECK = 'containers-vs-vms';
const BULK_DECK = 'virtualization';
/** Cards of each imported deck file: enough for the write to take a few slices. */
const JSON_CARDS = 300;

type Kind = 'answer' | 'import' | 'restore' | 'bulk';
type How = 'close' | 'crash';

/**
 * The longest wait, per kind, between the user's last key or click and the kill; where it starts. It follows how long
 * the writes take on this machine now: longer after a kill that found nothing written, shorter after one that found
 * it all, so that the kills land before, during and after the write about as often (the seed gives the order of the
 * kills and where each falls in the span; the span itself follows the machine).
 */
const START_SPAN_MS: Record<SpanKey, number> = { answer: 60, import: 400, restore: 800, bulk: 200, 'bulk-tag': 300 };
/** A tag is added through a dialog and to the notes' other cards too: its write has a span of its own. */
type SpanKey = Kind | 'bulk-tag';
const spanKey = (p: Pending): SpanKey => (p.kind === 'bulk' && p.action === 'tag' ? 'bulk-tag' : p.kind);
const SPAN_LIMITS_MS = [20, 8_000] as const;

/** What the database holds, as a new tab reads it straight from IndexedDB. */
interface Snapshot {
  decks: Map<string, TableRows['decks'] & Record<string, unknown>>;
  cards: CardRow[];
  logIds: Set<string>;
  /** Card id → its marks (only cards with some). */
  marks: Map<string, { suspended?: boolean; buriedUntil?: number; flag?: number }>;
  media: string[];
}

async function snapshot(page: Page): Promise<Snapshot> {
  const {
    decks,
    cards,
    reviewLogs: logs,
    cardMarks: marks,
    media,
  } = await idb.readMany(page, ['decks', 'cards', 'reviewLogs', 'cardMarks', 'media']);
  const byCard = new Map<string, { suspended?: boolean; buriedUntil?: number; flag?: number }>();
  for (const row of marks) for (const [id, m] of Object.entries(row.cards)) byCard.set(id, m);
  return {
    decks: new Map(decks.map((d) => [d.id, d as TableRows['decks'] & Record<string, unknown>])),
    cards,
    logIds: new Set(logs.map((l) => l.id)),
    marks: byCard,
    media: media.map((m) => `${m.deckId}/${m.name}`).sort(),
  };
}

/** JSON with every object's keys in order: a row read back from a backup file may list its fields in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** One hash of the decks, cards, logs, marks and media, leaving out the decks in `except`. */
function fingerprint(s: Snapshot, except: ReadonlySet<string> = new Set()): string {
  const h = createHash('sha256');
  const sorted = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  for (const d of sorted([...s.decks.values()], (d) => d.id)) if (!except.has(d.id)) h.update(canonical(d));
  for (const c of sorted(s.cards, (c) => c.id)) if (!except.has(c.deckId)) h.update(canonical(c));
  h.update([...s.logIds].sort().join('\n'));
  for (const [id, m] of [...s.marks].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (!except.has(id.split('/')[0]!)) h.update(`${id}:${canonical(m)}`);
  h.update(s.media.filter((m) => !except.has(m.split('/')[0]!)).join('\n'));
  return h.digest('hex');
}

/** What differs between two snapshots, for a failure's message: ids of the rows in one and not the other, or changed. */
function differences(a: Snapshot, b: Snapshot): string {
  const out: string[] = [];
  const compare = (what: string, x: Map<string, string>, y: Map<string, string>) => {
    const only = [...x.keys()].filter((k) => !y.has(k));
    const extra = [...y.keys()].filter((k) => !x.has(k));
    const changed = [...x.keys()].filter((k) => y.has(k) && y.get(k) !== x.get(k));
    const first = changed[0];
    let how = '';
    if (first !== undefined) {
      const [p, q] = [JSON.parse(x.get(first)!), JSON.parse(y.get(first)!)] as Record<string, unknown>[];
      how = Object.keys({ ...p, ...q })
        .filter((k) => JSON.stringify(p![k]) !== JSON.stringify(q![k]))
        .map((k) => `${k}: ${JSON.stringify(p![k])?.slice(0, 40)} → ${JSON.stringify(q![k])?.slice(0, 40)}`)
        .join(', ');
    }
    if (only.length + extra.length + changed.length > 0)
      out.push(
        `${how ? `[${how}] ` : ''}` +
          `${what}: ${only.length} gone (${only.slice(0, 3).join(' ')}), ${extra.length} new (${extra.slice(0, 3).join(' ')}), ` +
          `${changed.length} changed (${changed.slice(0, 3).join(' ')})`,
      );
  };
  const rows = <T extends { id: string }>(list: Iterable<T>) => new Map([...list].map((r) => [r.id, canonical(r)]));
  compare('decks', rows(a.decks.values()), rows(b.decks.values()));
  compare('cards', rows(a.cards), rows(b.cards));
  compare('logs', new Map([...a.logIds].map((id) => [id, ''])), new Map([...b.logIds].map((id) => [id, ''])));
  compare(
    'marks',
    new Map([...a.marks].map(([id, m]) => [id, canonical(m)])),
    new Map([...b.marks].map(([id, m]) => [id, canonical(m)])),
  );
  compare('media', new Map(a.media.map((m) => [m, ''])), new Map(b.media.map((m) => [m, ''])));
  return out.join('; ') || 'none';
}

const cardsOf = (s: Snapshot, deckId: string) => s.cards.filter((c) => c.deckId === deckId);

/** A dockdeck deck file of `JSON_CARDS` basic cards. */
function deckFile(id: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: 'dockdeck/deck@1',
      id,
      title: { en: `Crash ${id}`, zh: `崩溃 ${id}` },
      sources: [{ doc: 'notes.txt' }],
      cards: Array.from({ length: JSON_CARDS }, (_, i) => ({
        id: `q${i}`,
        type: 'basic',
        front: { en: `Question ${i} of ${id}: what does a container share with its host?`, zh: `问题 ${i}` },
        back: { en: `The kernel (${i})`, zh: `内核（${i}）` },
        source: { doc: 'notes.txt', section: 'One' },
      })),
    }),
  );
}

/** What a kill interrupted, and what may be found afterwards. */
type Pending =
  | { kind: 'answer'; cardId: string }
  | { kind: 'import'; file: string; decks: Array<{ deckId: string; added: number }> }
  | { kind: 'restore'; trivial: boolean }
  | { kind: 'bulk'; action: 'suspend' | 'unsuspend'; cardIds: string[] }
  | { kind: 'bulk'; action: 'tag'; tag: string; cardIds: string[] };

interface Kill {
  n: number;
  how: How;
  delay: string;
  pending: Pending;
  before: Snapshot;
}

/** Whether the action was found written ('all') or not at all ('none'); anything else fails the test. */
type Outcome = 'all' | 'none';

/** Loads the app in `page` (a new tab of the profile) and waits until the screen the kill's action starts from is ready. */
async function openApp(page: Page, kind: Kind): Promise<Page> {
  const hash = { answer: `#/review/${REVIEW_DECK}`, import: '#/import', restore: '#/backup', bulk: '#/browse' }[kind];
  await page.goto(`${baseURL()}${hash}`);
  await page.waitForSelector('.app[data-ready="true"]');
  if (kind === 'answer') await review.waitSettled(page);
  else if (kind === 'import') await imports.step(page, 'start');
  else if (kind === 'restore') await page.waitForSelector('section.backup');
  else await page.waitForSelector('section.browse[data-loading="false"] [data-count]');
  return page;
}

function check(kill: Kill, after: Snapshot, say: string): Outcome {
  const { pending, before } = kill;
  switch (pending.kind) {
    case 'answer': {
      const added = [...after.logIds].filter((id) => !before.logIds.has(id));
      expect(after.logIds.size - before.logIds.size, `${say}: log entries added by one answer`).toBeOneOf([0, 1]);
      expect(
        [...before.logIds].filter((id) => !after.logIds.has(id)),
        `${say}: log entries lost`,
      ).toEqual([]);
      const changed = after.cards.filter((c) => {
        const b = before.cards.find((x) => x.id === c.id);
        return canonical(b) !== canonical(c);
      });
      if (added.length === 0) {
        expect(
          changed.map((c) => c.id),
          `${say}: cards changed by an answer not logged`,
        ).toEqual([]);
        return 'none';
      }
      expect(
        changed.map((c) => c.id),
        `${say}: the card answered (and only it) changed`,
      ).toEqual([pending.cardId]);
      return 'all';
    }
    case 'import': {
      const touched = new Set(pending.decks.map((d) => d.deckId));
      expect(fingerprint(after, touched), `${say}: an import changed nothing but its decks`).toBe(
        fingerprint(before, touched),
      );
      const landed = pending.decks.map((d) => {
        const was = new Set(cardsOf(before, d.deckId).map((c) => c.id));
        const now = cardsOf(after, d.deckId);
        expect(
          [...was].filter((id) => !now.some((c) => c.id === id)),
          `${say}: cards of ${d.deckId} lost by an import`,
        ).toEqual([]);
        const added = now.filter((c) => !was.has(c.id)).length;
        expect(added, `${say}: cards added to ${d.deckId} by an import of ${d.added}`).toBeOneOf([0, d.added]);
        return added === d.added && d.added > 0;
      });
      const all = landed.every(Boolean);
      expect(all || landed.every((l) => !l), `${say}: every deck of the file imported, or none`).toBe(true);
      if (!all)
        for (const d of pending.decks) {
          expect(after.decks.get(d.deckId), `${say}: deck ${d.deckId} row untouched by an import not written`).toEqual(
            before.decks.get(d.deckId),
          );
          expect(
            after.media.filter((m) => m.startsWith(`${d.deckId}/`)),
            `${say}: media of ${d.deckId} untouched by an import not written`,
          ).toEqual(before.media.filter((m) => m.startsWith(`${d.deckId}/`)));
        }
      else for (const d of pending.decks) expect(after.decks.has(d.deckId), `${say}: deck ${d.deckId} row`).toBe(true);
      return all ? 'all' : 'none';
    }
    case 'restore': {
      const now = fingerprint(after);
      const was = fingerprint(before);
      if (now === was) return 'none';
      expect(
        now,
        `${say}: a restore left the database as it was, or as the backup; ` +
          `against before: ${differences(before, after)}; against the backup: ${differences(atBackup!, after)}`,
      ).toBe(backupPrint);
      expect(
        [after.decks.size, after.cards.length, after.logIds.size],
        `${say}: decks, cards and logs after a restore`,
      ).toEqual(backupCounts);
      return 'all';
    }
    case 'bulk': {
      const cards = pending.cardIds;
      const has = (s: Snapshot, id: string) =>
        pending.action === 'tag'
          ? (s.cards.find((c) => c.id === id)?.tags ?? []).includes(pending.tag)
          : s.marks.get(id)?.suspended === true;
      const was = cards.filter((id) => has(before, id)).length;
      const now = cards.filter((id) => has(after, id)).length;
      const target = pending.action === 'unsuspend' ? 0 : cards.length;
      expect(now, `${say}: cards of ${cards.length} with the ${pending.action} of a bulk edit`).toBeOneOf([
        was,
        target,
      ]);
      return now === was && was !== target ? 'none' : 'all';
    }
  }
}

let backupPrint = '';
let atBackup: Snapshot | null = null;
let backupCounts: number[] = [];

/** The random point of the kill: 0 to `span` milliseconds after the user's last key or click was sent. */
async function randomPoint(random: Rng, span: number): Promise<string> {
  const ms = Math.floor(random() * span);
  // The random point itself, not a wait for anything.
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  return `${ms} ms of ${Math.round(span)}`;
}

/** An action started: what it is, and the user's last key or click, dispatched and not waited for. */
interface Started {
  pending: Pending;
  input: Promise<unknown>;
}

/**
 * Makes sure the button can be clicked (visible, stable, enabled, not covered), then returns the click itself, as
 * the mouse's press and release at its centre, to be sent when the caller wants.
 */
async function aim(page: Page, button: Locator): Promise<() => Promise<void>> {
  await button.click({ trial: true });
  const box = await button.boundingBox();
  if (!box) throw new Error('the button has no box');
  return () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The card on screen, its answer shown, then Again or Hard (which keep the cards within the learn-ahead). */
async function startAnswer(page: Page, random: Rng, say: string): Promise<Started> {
  if ((await page.locator('section.review article.card[data-card-id]').count()) === 0)
    throw new Error(`${say}: no card to answer in ${REVIEW_DECK}`);
  const cardId = await review.currentCardId(page);
  await review.reveal(page);
  const rating: Rating = random() < 0.5 ? 'again' : 'hard';
  return { pending: { kind: 'answer', cardId }, input: page.keyboard.press(RATING_KEY[rating]) };
}

/** A file picked on the import screen, its preview read (new cards only), then Import. */
async function startImport(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  say: string,
): Promise<Started> {
  await imports.pick(page, file);
  await imports.step(page, 'confirm');
  const decks = await page.$$eval('.import-confirm li.import-deck', (els) =>
    els.map((e) => ({
      deckId: e.getAttribute('data-deck-id') ?? '',
      counts: e.querySelector('.import-counts')?.textContent ?? '',
    })),
  );
  expect(decks.length, `${say}: decks of ${file.name}`).toBeGreaterThan(0);
  // Only new cards: what was written of them is counted afterwards.
  for (const d of decks) expect(d.counts, `${say}: preview of ${file.name}`).toMatch(/^\d+ new, 0 changed, 0 removed$/);
  const click = await aim(page, page.getByRole('button', { name: 'Import', exact: true }));
  return {
    pending: {
      kind: 'import',
      file: file.name,
      decks: decks.map((d) => ({ deckId: d.deckId, added: Number(/^\d+/.exec(d.counts)![0]) })),
    },
    input: click(),
  };
}

/** The backup file picked on the backup screen, then "Replace everything" in the confirmation. */
async function startRestore(page: Page, file: string): Promise<Started> {
  await page.setInputFiles('section.backup input[type=file]', file);
  const dialog = page.getByRole('alertdialog', { name: 'Replace everything with this backup?' });
  await dialog.waitFor();
  const click = await aim(page, dialog.getByRole('button', { name: 'Replace everything' }));
  return { pending: { kind: 'restore', trivial: false }, input: click() };
}

/**
 * The bulk deck's cards searched for and all selected (Ctrl+A), then Suspend (Unsuspend when all are), or a tag
 * typed into Add tags… and Enter.
 */
async function startBulk(page: Page, before: Snapshot, what: 'suspend' | 'tag', tag: string): Promise<Started> {
  await browse.search(page, `deck:${BULK_DECK}`, 'filled');
  const cardIds = cardsOf(before, BULK_DECK).map((c) => c.id);
  await page.locator('table.browse-table').focus();
  await page.keyboard.press('Control+a');
  await page.waitForSelector(`.bulk-bar[aria-label="Actions on the ${cardIds.length} selected cards"]`);
  if (what === 'suspend') {
    const suspended = cardIds.filter((id) => before.marks.get(id)?.suspended).length;
    const action = suspended === cardIds.length ? 'unsuspend' : 'suspend';
    const name = action === 'suspend' ? 'Suspend' : 'Unsuspend';
    const click = await aim(page, page.getByRole('button', { name, exact: true }));
    return { pending: { kind: 'bulk', action, cardIds }, input: click() };
  }
  await page.locator('.more-menu > summary').click();
  await page.getByRole('button', { name: 'Add tags…' }).click();
  const field = page.getByRole('dialog').getByRole('textbox', { name: 'Tags' });
  await field.fill(tag);
  return { pending: { kind: 'bulk', action: 'tag', tag, cardIds }, input: field.press('Enter') };
}

/** A new blank tab, and whether it crashed since. */
async function newTab(context: BrowserContext): Promise<{ page: Page; crashed(): boolean }> {
  const page = await context.newPage();
  let crashed = false;
  page.once('crash', () => (crashed = true));
  return { page, crashed: () => crashed };
}

async function kill(page: Page, how: How, cdp: CDPSession | null): Promise<void> {
  if (how === 'close') {
    await page.close();
    return;
  }
  const crashed = page.waitForEvent('crash');
  // Page.crash never answers: the renderer is gone.
  cdp!.send('Page.crash').catch(() => {});
  await crashed;
  await page.close();
}

test(`${PER_KIND * 4} kills of a tab in the middle of answers, imports, restores and bulk edits: nothing half written`, async () => {
  const { context, page: first, errors } = session();
  console.log(`crash soak: seed ${SEED} (CRASH_SEED=${SEED} replays it), ${PER_KIND} kills of each kind`);
  const random = rng(SEED);
  const started = Date.now();

  // A few answers, then a backup of that through the backup screen, as a user makes one.
  await first.goto(`${baseURL()}#/review/${REVIEW_DECK}`);
  await first.waitForSelector('.app[data-ready="true"]');
  await review.waitSettled(first);
  for (let i = 0; i < 3; i++) {
    await review.reveal(first);
    await review.grade(first, 'hard');
  }
  await first.goto(`${baseURL()}#/backup`);
  await first.waitForSelector('section.backup');
  const backup = await download(first, () => first.getByRole('button', { name: 'Download full backup' }).click());
  await first.getByText(/^Saved dockdeck-backup-/).waitFor();
  atBackup = await snapshot(first);
  backupPrint = fingerprint(atBackup);
  backupCounts = [atBackup.decks.size, atBackup.cards.length, atBackup.logIds.size];
  const apkgs = new Map(await Promise.all(APKGS.map(async (f) => [f, await readFile(resolve(ANKI, f))] as const)));

  const kinds = shuffle(
    (['answer', 'import', 'restore', 'bulk'] as const).flatMap((k) => Array<Kind>(PER_KIND).fill(k)),
    random,
  );
  const outcomes: Record<string, Record<Outcome, number>> = {};
  const ms: Record<Kind, number> = { answer: 0, import: 0, restore: 0, bulk: 0 };
  const span = { ...START_SPAN_MS };
  let jsonDecks = 0;
  /** The Anki packages whose cards are in: importing one again would write nothing. */
  const importedApkgs = new Set<string>();
  let previous: Kill | null = null;
  let dyingErrors = 0;

  /** Checks the kill before against what a new tab finds; returns the snapshot read. */
  async function verify(kill: Kill | null, tab: Page): Promise<Snapshot> {
    const say = kill
      ? `seed ${SEED}, kill ${kill.n} (${kill.pending.kind}, ${kill.how} after ${kill.delay})`
      : `seed ${SEED}`;
    const [, now] = await Promise.all([
      checkLogChains(tab).catch((error: unknown) => {
        (error as Error).message = `${say}: ${(error as Error).message}`;
        throw error;
      }),
      snapshot(tab),
    ]);
    if (kill) {
      const outcome = check(kill, now, say);
      const label =
        kill.pending.kind === 'import'
          ? `import ${kill.pending.file.endsWith('.apkg') ? 'apkg' : 'json'}`
          : kill.pending.kind === 'bulk'
            ? `bulk ${kill.pending.action}`
            : kill.pending.kind === 'restore' && kill.pending.trivial
              ? 'restore (already the backup)'
              : kill.pending.kind;
      const o = (outcomes[label] ??= { all: 0, none: 0 });
      o[outcome]++;
      const k = spanKey(kill.pending);
      if (!(kill.pending.kind === 'restore' && kill.pending.trivial))
        span[k] = Math.min(SPAN_LIMITS_MS[1], Math.max(SPAN_LIMITS_MS[0], span[k] * (outcome === 'none' ? 1.3 : 0.8)));
      if (outcome === 'all' && kill.pending.kind === 'import' && kill.pending.file.endsWith('.apkg'))
        importedApkgs.add(kill.pending.file);
      if (outcome === 'all' && kill.pending.kind === 'restore') importedApkgs.clear();
      if (outcome === 'all' && kill.pending.kind === 'import' && !kill.pending.file.endsWith('.apkg')) jsonDecks++;
    }
    return now;
  }

  await first.close();
  let blank = await newTab(context);
  for (const [n, kind] of kinds.entries()) {
    const t0 = Date.now();
    const how: How = n % 2 === 0 ? 'close' : 'crash';
    lap('start');
    const page = await openApp(blank.page, kind);
    lap('open');
    const before = await verify(previous, page);
    lap('verify');
    // The tab opened after the kill is made now, while the action runs: it stays on about:blank (no database) until then.
    const next = newTab(context);
    const cdp = how === 'crash' ? await context.newCDPSession(page) : null;
    const say = `seed ${SEED}, kill ${n} (${kind})`;
    let action: Started;
    if (kind === 'answer') action = await startAnswer(page, random, say);
    else if (kind === 'import') {
      // An Anki package whose card is not in yet (a restore takes them out again), or a new deck file.
      const fresh = APKGS.find((f) => !importedApkgs.has(f));
      const apkg = random() < 0.5 ? fresh : undefined;
      const file = apkg
        ? { name: apkg, mimeType: 'application/octet-stream', buffer: apkgs.get(apkg)! }
        : { name: `crash-${jsonDecks}.json`, mimeType: 'application/json', buffer: deckFile(`crash-${jsonDecks}`) };
      action = await startImport(page, file, say);
    } else if (kind === 'restore') {
      action = await startRestore(page, backup.path);
      action.pending = { kind, trivial: fingerprint(before) === backupPrint };
    } else action = await startBulk(page, before, random() < 0.5 ? 'suspend' : 'tag', `crash-${n}`);
    // The user's last key or click is on its way: its promise settles (or fails, the tab gone) whenever it does.
    action.input.catch(() => {});
    const pending = action.pending;
    lap('action');
    const delay = await randomPoint(random, span[spanKey(pending)]);
    const had = errors.length;
    await kill(page, how, cdp);
    lap(`kill ${how}`);
    blank = await next;
    lap('next tab');
    // Never the case so far: a blank tab in the crashed tab's renderer would have crashed with it.
    if (blank.crashed()) blank = await newTab(context);
    if (DEBUG) console.log(`kill ${n} ${kind}: ${laps.splice(0).join(', ')}`);
    // What the dying tab said as it died is the kill's doing (a write cut off), not the app's: counted, not failed.
    dyingErrors += errors.length - had;
    errors.splice(had);
    previous = { n, how, delay, pending, before };
    ms[kind] += Date.now() - t0;
    if ((n + 1) % 50 === 0)
      console.log(`crash soak: seed ${SEED}, ${n + 1} kills, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const last = await openApp(blank.page, 'answer');
  await verify(previous, last);
  console.log(
    `crash soak: seed ${SEED}, ${kinds.length} kills in ${Math.round((Date.now() - started) / 1000)} s; ` +
      `outcomes ${JSON.stringify(outcomes)}; ms per kind ${JSON.stringify(ms)}; kill spans at the end (ms) ` +
      `${JSON.stringify(span, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}; ` +
      `errors of dying tabs ${dyingErrors}`,
  );
});
