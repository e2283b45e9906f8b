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

/** What the review section says now, and what it shows: one round trip. */
interface View extends Counters {
  card: boolean;
  grades: boolean;
  typeIn: boolean;
  undo: boolean;
  inField: boolean;
}

/**
 * Waits (in the page: one round trip) until no write of this tab is under way and, with `until`, until that holds
 * too; returns what the tab shows then.
 */
async function settled(
  page: Page,
  until?: { seqNot?: number; answeredNot?: number; conflictsNot?: number },
): Promise<View> {
  const handle = await orSay(
    page,
    until ? 'the step to end' : 'writes pending',
    page.waitForFunction(
      (u) => {
        const el = document.querySelector('section.review');
        if (!el || el.getAttribute('data-pending') !== '0') return false;
        const n = (a: string) => Number(el.getAttribute(a));
        const seq = n('data-seq');
        const answered = n('data-answered');
        const conflicts = n('data-conflicts');
        const grades = document.querySelector('article.card button.grade') !== null;
        if (u) {
          // A grade: taken (seq moves on) or the showing was refreshed first (answer hidden, nothing taken).
          if (u.seqNot !== undefined && seq === u.seqNot && grades) return false;
          // An undo: the answer taken back, or refused (a conflict said).
          if (u.answeredNot !== undefined && answered === u.answeredNot && conflicts === u.conflictsNot) return false;
        }
        const card = document.querySelector('section.review article.card[data-card-id]') !== null;
        if (!card && document.querySelector('section.review .session-end') === null) return false;
        const undo = document.querySelector<HTMLButtonElement>(
          'section.review footer button[aria-keyshortcuts="U Control+Z"]',
        );
        return {
          seq,
          answered,
          conflicts,
          pending: 0,
          unsaved: n('data-unsaved'),
          card,
          grades,
          typeIn: document.querySelector('article.card form.type-in input') !== null,
          undo: !!undo && !undo.disabled,
          inField: ['INPUT', 'TEXTAREA'].includes(document.activeElement?.tagName ?? ''),
        };
      },
      until ?? null,
      // Timer polling: the tab in the background draws no frames, so a wait by animation frames would stall in it.
      { polling: 10 },
    ),
  );
  return (await handle.jsonValue()) as View;
}

/**
 * Answers the card on screen as a user does (Space, or Enter in a type-in field, then 1–4). Returns what became of it:
 * stored; refused because the other tab answered the card first (said on screen); or not taken at all because the card
 * was refreshed under the user (its answer hidden again) before the grade key; `none` when no card is on screen.
 * Each wait is one round trip that ends on the page's own signal (the section's data-* counters).
 */
export async function answerByKeys(page: Page, rating: Rating): Promise<StepResult> {
  const before = await settled(page);
  if (!before.card) return 'none';
  if (!before.grades) {
    if (before.typeIn) {
      // The other tab may refresh the card between the look and the key: the field is then gone (or another card's).
      const pressed = await page
        .locator('article.card form.type-in input')
        .press('Enter', { timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (!pressed) return 'refreshed';
    } else await page.keyboard.press('Space');
    // The answer shows, or the card was changed by the other tab meanwhile (shown anew, answer hidden): try again.
    const shown = await page
      .waitForSelector('article.card button.grade[data-rating="easy"]', { timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) return 'refreshed';
  }
  await page.keyboard.press(RATING_KEY[rating]);
  const after = await settled(page, { seqNot: before.seq });
  if (after.seq === before.seq) return 'refreshed';
  if (after.answered === before.answered + 1) return 'answered';
  if (after.conflicts === before.conflicts + 1) return 'stale';
  if (after.unsaved === before.unsaved + 1) return 'unsaved';
  throw new Error(`answer neither stored nor refused: ${JSON.stringify({ before, after })}`);
}

/** Ctrl+Z, when the Undo button says there is something to undo: the answer is taken back, or refused (and said). */
export async function undoByKeys(page: Page): Promise<StepResult> {
  const before = await settled(page);
  if (!before.undo) return 'none';
  // In a type-in card's answer field Ctrl+Z is the field's own undo (and U a letter): a user clicks Undo there.
  if (before.inField) await page.locator('section.review footer button[aria-keyshortcuts="U Control+Z"]').click();
  else await page.keyboard.press('Control+z');
  const after = await settled(page, { answeredNot: before.answered, conflictsNot: before.conflicts });
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
