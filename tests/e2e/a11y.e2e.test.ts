// E2E (issue 12): axe-core finds no serious or critical violation on any main screen, in the light and the dark theme
// and in both interface languages; the theme follows the system until the user chooses one and is drawn from the
// first frame after a reload; on a 390×844 touch phone nothing scrolls sideways, every button and link is a 44 px
// target, a tap shows the answer and another grades it, and every main screen is screenshotted in Chinese and dark.
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseURL, browserPerTest, idb, library, review } from './browser';
import { answerByKeyboard } from './quiz-helpers';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SCREENS_DIR = resolve(import.meta.dirname, '../../test-results/screens');

type Theme = 'light' | 'dark';
type Lang = 'en' | 'zh';

/** The settings screen's words, in the language it is in when the look is changed. */
const WORDS: Record<Lang, { theme: string; lang: string; save: string }> = {
  en: { theme: 'Colours', lang: 'App language', save: 'Save settings' },
  zh: { theme: '配色', lang: '界面语言', save: '保存设置' },
};

/** Chooses the theme and the interface language on the settings screen, as a user does, and waits until they apply. */
async function chooseLook(page: Page, from: Lang, theme: Theme, lang: Lang): Promise<void> {
  await page.goto(`${baseURL()}#/settings`);
  const words = WORDS[from];
  await page.getByLabel(words.theme).selectOption(theme);
  await page.getByLabel(words.lang).selectOption(lang);
  await page.getByRole('button', { name: words.save }).click();
  await page.waitForFunction(
    ([t, l]) => document.documentElement.dataset.theme === t && document.documentElement.lang === l,
    [theme, lang === 'zh' ? 'zh-CN' : 'en'] as const,
  );
}

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * axe-core over the page as it is: its serious and critical violations, worded for the failure message. axe is put
 * into the page through the DevTools protocol (the built app's Content-Security-Policy allows no injected script tag,
 * and the test should not turn the policy off to check the page).
 */
async function axeProblems(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  }
  const found = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(c: Document, o: RunOptions): Promise<AxeResults> } };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v): Violation => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
      }));
  });
  return found.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}\n      ${v.nodes.join('\n      ')}`);
}

/**
 * Takes a 10-question quiz over everything from the quiz home. `atQuestion` runs on the first question of each kind,
 * before and after it is answered. Ends on the results.
 */
async function takeQuiz(page: Page, atQuestion: (where: string) => Promise<void>): Promise<void> {
  // Scope: every deck (choosing "Decks" selects them all), whatever has been studied.
  await page.locator('section.quiz-home input[type="radio"][name="scope"]').nth(1).check();
  await page.waitForSelector('section.quiz-home .quiz-choices input[type="checkbox"]:checked');
  await page.locator('section.quiz-home form button.primary').click();
  // A scope that can make fewer questions of some kind than asked says so first, and offers to start with what it has.
  await page.waitForSelector('section.quiz-run[data-index="0"], .quiz-home button:has-text("Start with")');
  if ((await page.locator('section.quiz-run').count()) === 0)
    await page.getByRole('button', { name: /^Start with \d+ questions$/ }).click();
  const seen = new Set<string>();
  const total = Number(await page.getAttribute('section.quiz-run', 'data-total'));
  expect(total).toBeGreaterThan(0);
  for (let i = 0; i < total; i++) {
    await page.waitForSelector(`section.quiz-run[data-index="${i}"]`);
    const kind = (await page.getAttribute('.quiz-question', 'data-kind')) ?? '';
    const first = !seen.has(kind);
    seen.add(kind);
    if (first) await atQuestion(`quiz question (${kind})`);
    await answerByKeyboard(page, i);
    if (first) await atQuestion(`quiz question (${kind}), answered`);
    await page.keyboard.press('Enter');
  }
  await page.waitForSelector('[data-testid="quiz-score"]');
}

/** The main navigation's links, as hashes (`#/import`): every screen it leads to. */
function navHashes(page: Page): Promise<string[]> {
  return page.$$eval('header.topbar nav a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).hash));
}

/**
 * Visits every main screen as a user gets there and calls `at` on each: the library, a deck's page, a review before
 * and after the answer is shown, the quiz home, questions of each kind (before and after their answer) and the
 * results, import, backup, settings, and any other screen the main navigation leads to.
 */
async function everyScreen(page: Page, at: (where: string) => Promise<void>): Promise<void> {
  await library.open(page);
  await at('library');
  const deckId = (await library.deckIds(page))[0]!;
  await page.locator(`li.deck[data-deck-id="${deckId}"] .deck-page-link`).click();
  await page.waitForSelector(`section.deck-page[data-deck-id="${deckId}"] h1`);
  await at('deck page');
  await page.goto(`${baseURL()}#/review/${encodeURIComponent(deckId)}`);
  await review.waitSettled(page);
  await at('review');
  await review.reveal(page);
  await at('review, answer shown');
  await page.goto(`${baseURL()}#/quiz`);
  await page.waitForSelector('section.quiz-home form button.primary:not([disabled])');
  await at('quiz home');
  await takeQuiz(page, at);
  await at('quiz results');
  const visited = new Set(['#/', '#/quiz']);
  for (const [hash, ready] of [
    ['#/import', 'section.import .drop-zone'],
    ['#/backup', 'section.backup'],
    ['#/settings', 'section.settings form'],
  ] as const) {
    await page.goto(`${baseURL()}${hash}`);
    await page.waitForSelector(ready);
    await at(hash.slice(2));
    visited.add(hash);
  }
  for (const hash of await navHashes(page)) {
    if (visited.has(hash)) continue;
    await page.goto(`${baseURL()}${hash}`);
    await page.waitForSelector('main#main > section');
    await at(hash.slice(2));
  }
}

describe('axe-core on every screen', () => {
  const session = browserPerTest({ timezoneId: 'UTC' });

  test.each([
    ['light', 'en'],
    ['dark', 'en'],
    ['dark', 'zh'],
    ['light', 'zh'],
  ] as const)(
    'no serious or critical violation: %s theme, %s interface',
    async (theme, lang) => {
      const { page } = session();
      await page.clock.install({ time: new Date('2026-03-10T12:00:00Z') });
      await library.open(page);
      await chooseLook(page, 'en', theme, lang);
      const problems: string[] = [];
      const screens: string[] = [];
      await everyScreen(page, async (where) => {
        screens.push(where);
        expect(await page.getAttribute('html', 'data-theme'), where).toBe(theme);
        // A desktop has keys: the review says which (a phone hides it, below).
        if (where === 'review') expect(await page.locator('.keys-hint').isVisible()).toBe(true);
        problems.push(...(await axeProblems(page, where)));
      });
      if (problems.length) console.log(`axe, ${theme} theme, ${lang}:\n  ${problems.join('\n  ')}`);
      expect(screens).toEqual(expect.arrayContaining(['library', 'deck page', 'review', 'review, answer shown']));
      expect(screens).toEqual(expect.arrayContaining(['quiz home', 'quiz results', 'import', 'backup', 'settings']));
      expect(screens.filter((s) => s.startsWith('quiz question')).length).toBeGreaterThanOrEqual(4);
      expect(problems).toEqual([]);
    },
    180_000,
  );
});

describe('the theme', () => {
  const session = browserPerTest({ timezoneId: 'UTC', colorScheme: 'dark' });

  test('follows the system until chosen; the choice is drawn from the first frame after a reload', async () => {
    const { page } = session();
    const look = () =>
      page.evaluate(() => ({
        theme: document.documentElement.dataset.theme,
        scheme: getComputedStyle(document.documentElement).colorScheme,
        background: getComputedStyle(document.documentElement).backgroundColor,
      }));
    await library.open(page);
    expect(await look()).toEqual({ theme: 'dark', scheme: 'dark', background: 'rgb(20, 23, 28)' });
    // The system's change reaches an open page.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    expect(await look()).toEqual({ theme: 'light', scheme: 'light', background: 'rgb(247, 248, 250)' });

    await chooseLook(page, 'en', 'dark', 'en');
    await page.emulateMedia({ colorScheme: 'light' });
    expect((await look()).theme).toBe('dark');
    // What the first animation frame (drawn before the first paint) found on <html>.
    await page.addInitScript(() => {
      requestAnimationFrame(() => {
        (window as unknown as { firstFrame: string | null }).firstFrame =
          document.documentElement.getAttribute('data-theme');
      });
    });
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"] section.settings');
    expect(await page.evaluate(() => (window as unknown as { firstFrame: string | null }).firstFrame)).toBe('dark');
    expect(await look()).toEqual({ theme: 'dark', scheme: 'dark', background: 'rgb(20, 23, 28)' });
  });
});

/**
 * What the phone screen breaks: sideways scrolling, buttons and links under 44×44 px (links in card text aside), and
 * hints about keys a phone has not got.
 */
function phoneProblems(page: Page, where: string): Promise<string[]> {
  return page.evaluate((where) => {
    const out: string[] = [];
    const width = document.documentElement.scrollWidth;
    if (width > 390) out.push(`${where}: the page is ${width} px wide`);
    for (const hint of document.querySelectorAll('.keys-hint, .quiz-run > p.hint')) {
      if (hint.checkVisibility()) out.push(`${where}: the keys hint "${hint.textContent}" shows`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href]')) {
      if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('.card-text')) continue;
      const r = el.getBoundingClientRect();
      // Off to the side until focused (the skip link).
      if (r.right <= 0 || r.width === 0) continue;
      if (r.height < 44 || r.width < 44) {
        const name = (el.textContent ?? '').trim().slice(0, 40);
        out.push(`${where}: "${name}" is ${Math.round(r.width)}×${Math.round(r.height)} px`);
      }
    }
    return out;
  }, where);
}

describe('on a phone', () => {
  const session = browserPerTest({ timezoneId: 'UTC', phone: { width: 390, height: 844 } });

  test('a 390×844 touch review: no sideways scroll, 44 px targets, tap to reveal, grade by tap, then reload', async () => {
    const { page } = session();
    await page.clock.install({ time: new Date('2026-03-10T12:00:00Z') });
    await library.open(page);
    expect(await phoneProblems(page, 'library')).toEqual([]);
    const deckId = (await library.deckIds(page))[0]!;
    await page.locator(`li.deck[data-deck-id="${deckId}"] button`).tap();
    await review.waitSettled(page);
    const first = await review.currentCardId(page);
    expect(await phoneProblems(page, 'review')).toEqual([]);
    // No keys on a phone: no hint about them (the same hint shows on the desktop).
    expect(await page.locator('.keys-hint').count()).toBe(1);

    // "Show answer" and then the grades sit at the bottom of the screen, in thumb reach.
    const inThumbReach = async (selector: string) => {
      const boxes = await page
        .locator(selector)
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
      expect(boxes.length).toBeGreaterThan(0);
      for (const b of boxes as DOMRect[]) {
        expect(b.bottom).toBeLessThanOrEqual(844);
        expect(b.top).toBeGreaterThanOrEqual(844 * 0.8);
        expect(b.height).toBeGreaterThanOrEqual(44);
      }
    };
    await inThumbReach('article.card .answer-bar button.primary');

    // A tap on the card's face shows the answer, as in Anki.
    await page.locator('article.card .card-view .card-front').first().tap();
    await page.waitForSelector('article.card button.grade[data-rating="good"]');
    await inThumbReach('article.card button.grade');
    expect(await phoneProblems(page, 'review, answer shown')).toEqual([]);
    await page.locator('article.card button.grade[data-rating="good"]').tap();
    await review.waitAnswered(page, 1);
    const next = await review.currentCardId(page);
    expect(next).not.toBe(first);

    await page.reload();
    await review.waitSettled(page);
    expect(await review.currentCardId(page)).toBe(next);
    const logs = await idb.read(page, 'reviewLogs');
    expect(logs.map((l) => [l.cardId, l.rating])).toEqual([[first, 'good']]);
    expect(await phoneProblems(page, 'review after a reload')).toEqual([]);

    // Every main screen in Chinese and the dark theme, kept as test artefacts (test-results/screens/).
    await chooseLook(page, 'en', 'dark', 'zh');
    await mkdir(SCREENS_DIR, { recursive: true });
    const problems: string[] = [];
    const names: string[] = [];
    await everyScreen(page, async (where) => {
      problems.push(...(await phoneProblems(page, where)));
      const name = where.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '');
      names.push(name);
      await page.screenshot({ path: resolve(SCREENS_DIR, `zh-dark-${name}.png`), fullPage: true });
    });
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(problems).toEqual([]);
  }, 180_000);
});
