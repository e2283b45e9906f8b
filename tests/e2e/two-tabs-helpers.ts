// E2E helpers for two tabs reviewing one database: one answer or undo driven by keyboard as a user does, tolerant of
// the other tab changing the card under it, and the check that every card's log is an unbroken chain.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { MEMORY_FIELDS } from '../../src/domain/scheduler';
import { rng } from '../../src/domain/quiz/random';
import { idb, library, RATING_KEY, type MemoryRow, type Rating, type ReviewLogRow } from './browser';

export type StepResult = 'answered' | 'unsaved' | 'stale' | 'refreshed' | 'undone' | 'undo-refused' | 'none';

interface Counters {
  seq: number;
  answered: number;
  pending: number;
  conflicts: number;
  unsaved: number;
}

async function counters(page: Page): Promise<Counters> {
  return page.$eval('section.review', (el) => ({
    seq: Number(el.getAttribute('data-seq')),
    answered: Number(el.getAttribute('data-answered')),
    pending: Number(el.getAttribute('data-pending')),
    conflicts: Number(el.getAttribute('data-conflicts')),
    unsaved: Number(el.getAttribute('data-unsaved')),
  }));
}

/** What a tab shows, for the message of a wait that timed out. */
async function describe(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.querySelector('section.review');
    const attrs = el ? [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ') : 'no review';
    const card = document.querySelector('article.card')?.getAttribute('data-card-id');
    const active = document.activeElement;
    const focus = active ? `${active.tagName}.${active.className}` : 'none';
    const grades = document.querySelectorAll('button.grade').length;
    const note = document.querySelector('.session-conflict')?.textContent;
    return `${attrs} card=${card} grades=${grades} focus=${focus} note=${note}`;
  });
}

/** `wait`, or an error saying what the tab showed when it timed out. */
async function orSay<T>(page: Page, what: string, wait: Promise<T>): Promise<T> {
  try {
    return await wait;
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}\n  tab: ${await describe(page)}`, { cause: error });
  }
}

/** Waits until no write of this tab is under way. */
async function settled(page: Page): Promise<Counters> {
  await orSay(page, 'writes pending', page.waitForSelector('section.review[data-pending="0"]'));
  return counters(page);
}

/**
 * Answers the card on screen as a user does (Space, or Enter in a type-in field, then 1–4). Returns what became of it:
 * stored; refused because the other tab answered the card first (said on screen); or not taken at all because the card
 * was refreshed under the user (its answer hidden again) before the grade key; `none` when no card is on screen.
 */
export async function answerByKeys(page: Page, rating: Rating): Promise<StepResult> {
  await page.waitForSelector('section.review article.card[data-card-id], section.review .session-end');
  if ((await page.locator('section.review article.card[data-card-id]').count()) === 0) return 'none';
  const before = await settled(page);
  if ((await page.locator('article.card button.grade').count()) === 0) {
    const typeIn = page.locator('article.card form.type-in input');
    if ((await typeIn.count()) > 0) await typeIn.press('Enter');
    else await page.keyboard.press('Space');
    // The answer shows, or the card was changed by the other tab meanwhile (shown anew, answer hidden): try again.
    const shown = await page
      .waitForSelector('article.card button.grade[data-rating="easy"]', { timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) return 'refreshed';
  }
  await page.keyboard.press(RATING_KEY[rating]);
  // Either the store took the grade (seq moves on) or the showing was refreshed first (its answer hidden, nothing taken).
  const taken = page.waitForFunction((seq) => {
    const el = document.querySelector('section.review');
    if (!el) return false;
    if (Number(el.getAttribute('data-seq')) !== seq) return true;
    return document.querySelector('article.card button.grade') === null;
  }, before.seq);
  await orSay(page, `grade ${rating}`, taken);
  const after = await settled(page);
  if (after.seq === before.seq) return 'refreshed';
  if (after.answered === before.answered + 1) return 'answered';
  if (after.conflicts === before.conflicts + 1) return 'stale';
  if (after.unsaved === before.unsaved + 1) return 'unsaved';
  throw new Error(`answer neither stored nor refused: ${JSON.stringify({ before, after })}`);
}

/** Ctrl+Z, when the Undo button says there is something to undo: the answer is taken back, or refused (and said). */
export async function undoByKeys(page: Page): Promise<StepResult> {
  const before = await settled(page);
  const button = page.locator('section.review footer button[aria-keyshortcuts="U Control+Z"]');
  if (await button.isDisabled()) return 'none';
  // In a type-in card's answer field Ctrl+Z is the field's own undo (and U a letter): a user clicks Undo there.
  const inField = await page.evaluate(() => ['INPUT', 'TEXTAREA'].includes(document.activeElement?.tagName ?? ''));
  if (inField) await button.click();
  else await page.keyboard.press('Control+z');
  const done = page.waitForFunction(
    (b) => {
      const el = document.querySelector('section.review');
      return (
        !!el &&
        (Number(el.getAttribute('data-answered')) !== b.answered ||
          Number(el.getAttribute('data-conflicts')) !== b.conflicts)
      );
    },
    { answered: before.answered, conflicts: before.conflicts },
  );
  await orSay(page, 'undo', done);
  const after = await settled(page);
  return after.answered === before.answered - 1 ? 'undone' : 'undo-refused';
}

type FullMemory = MemoryRow & { elapsedDays: number; learningSteps: number; lapses: number };

const pick = (m: MemoryRow): Record<string, unknown> =>
  Object.fromEntries(MEMORY_FIELDS.map((k) => [k, (m as FullMemory)[k]]));

/**
 * The invariant for every card: its log, in order, is an unbroken chain (each entry's `before` is the previous
 * entry's `after`), and the card's stored memory is the last entry's `after` (a card with no log is untouched: new,
 * never reviewed). Returns the number of cards with a log.
 */
export async function checkLogChains(page: Page): Promise<number> {
  const [cards, logs] = await Promise.all([idb.read(page, 'cards'), idb.read(page, 'reviewLogs')]);
  const byCard = new Map<string, ReviewLogRow[]>();
  for (const l of logs) byCard.set(l.cardId, [...(byCard.get(l.cardId) ?? []), l]);
  const problems: string[] = [];
  for (const card of cards) {
    const own = byCard.get(card.id) ?? [];
    if (own.length === 0) {
      if (card.reps !== 0 || card.lastReview !== null) problems.push(`${card.id}: reviewed, but has no log`);
      continue;
    }
    // In time order; entries of the same moment in the order their chain gives (each follows the one it builds on).
    own.sort((a, b) => a.review - b.review);
    let prev: Record<string, unknown> | null = null;
    const left = [...own];
    while (left.length > 0) {
      const i = prev === null ? 0 : left.findIndex((l) => JSON.stringify(pick(l.before)) === JSON.stringify(prev));
      const next = left.splice(i < 0 ? 0 : i, 1)[0]!;
      if (prev !== null && JSON.stringify(pick(next.before)) !== JSON.stringify(prev))
        problems.push(`${card.id}: log ${next.id} does not build on the entry before it`);
      prev = pick(next.after);
    }
    if (JSON.stringify(pick(card as unknown as MemoryRow)) !== JSON.stringify(prev))
      problems.push(`${card.id}: stored memory is not its last log entry's after`);
  }
  expect(problems).toEqual([]);
  return byCard.size;
}

export interface TwoTabRun {
  steps: number;
  results: Record<StepResult, number>;
  answeredA: number;
  answeredB: number;
  logs: number;
  cardsWithLog: number;
  ms: number;
}

/**
 * Two tabs of one profile on the same deck's review: `answers` answers in all, the tab chosen at random (sometimes
 * both at once, on what may be the same card), with an undo in one of them now and then; then the log is counted
 * against what both tabs stored and every card's chain is checked.
 */
export async function twoTabReview(
  a: Page,
  b: Page,
  deckId: string,
  answers: number,
  seed: number,
): Promise<TwoTabRun> {
  const random = rng(seed);
  const results: Record<StepResult, number> = {
    answered: 0,
    unsaved: 0,
    stale: 0,
    refreshed: 0,
    undone: 0,
    'undo-refused': 0,
    none: 0,
  };
  for (const p of [a, b]) {
    await library.open(p);
    await library.study(p, deckId);
  }
  // Again and Hard keep the cards in learning, within the 20-minute learn-ahead: the session never runs dry.
  const rating = (): Rating => {
    const r = random();
    return r < 0.45 ? 'again' : r < 0.9 ? 'hard' : 'good';
  };
  const start = Date.now();
  let steps = 0;
  while (results.answered + results.stale < answers) {
    steps++;
    const r = random();
    let out: StepResult[];
    if (r < 0.1) out = [await undoByKeys(random() < 0.5 ? a : b)];
    else if (r < 0.3) out = await Promise.all([answerByKeys(a, rating()), answerByKeys(b, rating())]);
    else out = [await answerByKeys(random() < 0.5 ? a : b, rating())];
    for (const o of out) results[o]++;
    if (results.none > 20) throw new Error(`no card to answer (seed ${seed}): ${JSON.stringify(results)}`);
  }
  const ms = Date.now() - start;
  const answeredA = Number(await a.getAttribute('section.review', 'data-answered'));
  const answeredB = Number(await b.getAttribute('section.review', 'data-answered'));
  const logs = (await idb.read(a, 'reviewLogs')).length;
  const cardsWithLog = await checkLogChains(a);
  return { steps, results, answeredA, answeredB, logs, cardsWithLog, ms };
}
