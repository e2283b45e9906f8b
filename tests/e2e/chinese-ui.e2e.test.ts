// E2E: with the interface switched to Chinese as a user does it, no screen shows English interface text; <html lang>
// follows the language, and a reload shows Chinese from its first frame.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserPerTest, idb, library, review } from './browser';
import { answerByKeyboard } from './quiz-helpers';
import { download, imports } from './import-helpers';

const session = browserPerTest({ timezoneId: 'UTC' });

/** One piece of text the user meets: where it is (element, or element[attribute]) and what it says. */
interface Seen {
  where: string;
  text: string;
}

/**
 * Every visible text node and every aria-label, title, placeholder and alt of the page, leaving out what the app marks
 * as the user's data (`data-content`: card text, as the card renderer draws it, deck titles and descriptions) and what the user answered in a quiz (`.quiz-given`: an option's text or what was typed). Where a
 * sentence of the app holds content (a card's source document and section, the card a key point is asked as, a tag
 * name), only the app's part is kept, cut at the full-width colon that Chinese text has there; English text has none,
 * so it is kept whole and fails. Runs in the page, so it refers to nothing outside itself.
 */
function collectInterfaceText(): Seen[] {
  const CONTENT = '[data-content], .quiz-given';
  const LABEL_THEN_CONTENT = '.card-source, .key-hint';
  const CONTENT_THEN_LABEL = '.quiz-weak-tags > li';
  const nameOf = (el: Element): string => {
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean) : [];
    return el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + cls.map((c) => `.${c}`).join('');
  };
  const whereOf = (el: Element): string => {
    const outer = el.parentElement?.closest('[class], [id]');
    return outer ? `${nameOf(outer)} > ${nameOf(el)}` : nameOf(el);
  };
  const out: Seen[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest(CONTENT) || el.closest('script, style, template')) continue;
    // An option is not rendered until its select opens; the select is what must be visible.
    if (!(el.closest('select') ?? el).checkVisibility({ visibilityProperty: true })) continue;
    let text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (el.closest(LABEL_THEN_CONTENT)) text = text.replace(/：.*$/, '：');
    if (el.closest(CONTENT_THEN_LABEL)) text = text.replace(/^[^：]*：/, '：');
    if (text) out.push({ where: whereOf(el), text });
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (el.closest(CONTENT)) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = el.getAttribute(name)?.trim();
      if (value) out.push({ where: `${whereOf(el)}[${name}]`, text: value });
    }
  }
  out.push({ where: 'document.title', text: document.title });
  return out;
}

/** Names and formats that stay as they are in Chinese, and the names of keys. */
const ALLOWED = new Set([
  ...['dockdeck', 'FSRS', 'Anki', 'CSV', 'TSV', 'JSON', 'HTML', 'Markdown', 'GUID'],
  ...['json', 'csv', 'tsv', 'txt', 'apkg', 'colpkg', 'https'],
  ...['Enter', 'Space', 'Esc', 'Tab', 'Shift', 'Ctrl', 'Alt'],
]);

/** A language picker names each language in that language, so that its speakers find it. */
const isAutonym = (s: Seen) => /(^|\s)option$/.test(s.where) && s.text === 'English';

/**
 * What is quoted is not the app's own words but what it quotes: a field name of a file (“format”), a snippet to write
 * ("format": "dockdeck/deck@1"). Short quotes only, so that a sentence is never taken for one.
 */
const QUOTED = /"[^"\n]{1,40}"|“[^”\n]{1,40}”/g;

/**
 * The runs of three or more Latin letters in `text` that are not allowed, once the given exact strings (file names)
 * and quotes are taken out.
 */
function latinRuns(text: string, allowed: ReadonlySet<string>, exact: readonly string[]): string[] {
  const rest = exact.reduce((t, s) => t.split(s).join(' '), text).replace(QUOTED, ' ');
  return (rest.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !allowed.has(w));
}

/** Collects, screen by screen, every text that is not Chinese interface text; `report()` lists them all. */
class Audit {
  readonly offenders: string[] = [];
  readonly screens: string[] = [];
  /** Exact strings that are data (file names the test used or was given), and Latin words of deck titles. */
  readonly exact: string[] = [];
  readonly allowed = new Set(ALLOWED);

  constructor(private readonly page: Page) {}

  /** Deck titles are content: their Latin words (Docker…) may appear wherever a title does (in labels too). */
  async allowDeckTitles(): Promise<void> {
    const decks = (await idb.read(this.page, 'decks')) as unknown as Array<{ title: { zh: string } }>;
    for (const d of decks) for (const w of d.title.zh.match(/[A-Za-z]{3,}/g) ?? []) this.allowed.add(w);
  }

  async check(screen: string): Promise<void> {
    this.screens.push(screen);
    const lang = await this.page.getAttribute('html', 'lang');
    if (lang !== 'zh-CN') this.offenders.push(`[${screen}] <html lang="${lang}">`);
    for (const seen of await this.page.evaluate(collectInterfaceText)) {
      if (isAutonym(seen)) continue;
      const bad = latinRuns(seen.text, this.allowed, this.exact);
      if (bad.length > 0) this.offenders.push(`[${screen}] ${seen.where}: ${JSON.stringify(seen.text)}`);
    }
  }

  report(): string[] {
    return [...new Set(this.offenders)];
  }
}

/** The main navigation's link; the page has one navigation (its name, 主导航, is checked with the rest). */
const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

/** Settings → "App language" → 中文 → "Save settings", as a user switches; waits for the Chinese confirmation. */
async function switchToChinese(page: Page): Promise<void> {
  await library.open(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('App language').selectOption('zh');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('设置已保存。').waitFor();
}

async function visitReview(page: Page, audit: Audit): Promise<void> {
  await nav(page, '卡组');
  await library.waitReady(page);
  await audit.allowDeckTitles();
  await audit.check('library');
  await library.study(page, 'containers-vs-vms');
  await audit.check('review: question');
  await review.reveal(page);
  await audit.check('review: answer');
  await review.grade(page, 'good');
  await review.waitSettled(page);
  await audit.check('review: after a grade');
}

async function visitQuiz(page: Page, audit: Audit): Promise<void> {
  await nav(page, '测验');
  await page.getByRole('radio', { name: '卡组' }).check();
  await audit.check('quiz set-up');
  await page.getByRole('button', { name: '开始测验' }).press('Enter');
  for (let i = 0; i < 10; i++) {
    await page.waitForSelector(`section.quiz-run[data-index="${i}"]`);
    if (i === 0) await audit.check('quiz: a question');
    await answerByKeyboard(page, i, '42');
    if (i < 2) await audit.check(`quiz: answered question ${i + 1}`);
    await page.keyboard.press('Enter');
  }
  await page.getByTestId('quiz-score').waitFor();
  await audit.check('quiz results');
  await page.getByRole('button', { name: /^复习我的错题/ }).click();
  await review.waitSettled(page);
  await audit.check('quiz: review of the mistakes');
  await nav(page, '测验');
  await page.getByRole('region', { name: '历史记录' }).getByRole('row').nth(1).waitFor();
  await audit.check('quiz home with its history');
}

/** A .json that is not a deck, and a CSV whose second card has no back. File names are Chinese: they are data. */
async function visitImport(page: Page, audit: Audit): Promise<void> {
  await nav(page, '导入');
  await imports.step(page, 'start');
  await audit.check('import');
  const notADeck = { name: '不是卡组.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') };
  await imports.pick(page, notADeck);
  await imports.step(page, 'failed');
  await audit.check('import: a .json that is not a deck');
  await page.getByRole('button', { name: '选择另一个文件' }).click();
  await imports.step(page, 'start');
  const csv = '正面,背面\n问题一,答案一\n问题二,\n问题三,答案三\n';
  await imports.pick(page, { name: '坏行.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await imports.step(page, 'csv');
  await audit.check('import: CSV columns');
  await page.getByRole('button', { name: '继续' }).click();
  // The bad row is named at the columns step, so that another mapping can be tried.
  await page.waitForSelector('section.import[data-step="csv"] .import-problems[role=alert] .import-issues li');
  await audit.check('import: a CSV with a broken row');
}

/** A good CSV of two cards: confirmation, done; then both cards studied to the end of the session. */
async function visitImportAndStudy(page: Page, audit: Audit): Promise<void> {
  // Still at the broken CSV's columns: Cancel goes back to the start, saying so.
  await page.getByRole('button', { name: '取消' }).click();
  await imports.step(page, 'start');
  await audit.check('import: cancelled');
  const csv = '正面,背面\n问题一,答案一\n问题二,答案二\n';
  await imports.pick(page, { name: '词汇.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await imports.step(page, 'csv');
  await page.getByRole('button', { name: '继续' }).click();
  await imports.step(page, 'confirm');
  await audit.check('import: confirmation');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await imports.step(page, 'done');
  await audit.check('import: done');
  await page.locator('.import-done a.button.primary').click();
  for (let i = 0; i < 2; i++) {
    await review.waitSettled(page);
    await review.reveal(page);
    await review.grade(page, 'easy');
  }
  await page.waitForSelector('section.review .session-end');
  await audit.check('review: the end of a session');
}

async function visitDeckPage(page: Page, audit: Audit): Promise<void> {
  await nav(page, '卡组');
  await library.waitReady(page);
  await page.locator('li.deck[data-deck-id="containers-vs-vms"] a.deck-page-link').click();
  await page.waitForSelector('section.deck-page[data-deck-id="containers-vs-vms"] .deck-facts span');
  await audit.check('deck page');
  const file = await download(page, () => page.locator('button[data-export="json"]').click());
  audit.exact.push(file.name);
  await page.locator('.export-status').filter({ hasText: file.name }).waitFor();
  await audit.check('deck page: after an export');
}

/** Downloads a backup, opens it and cancels, then restores a copy with one byte changed (damaged). */
async function visitBackup(page: Page, audit: Audit): Promise<void> {
  await nav(page, '备份');
  await page.waitForSelector('section.backup');
  await audit.check('backup');
  const file = await download(page, () => page.getByRole('button', { name: '下载完整备份' }).click());
  audit.exact.push(file.name);
  await page.locator('.backup-status').filter({ hasText: file.name }).waitFor();
  await audit.check('backup: downloaded');

  const bytes = await readFile(file.path);
  await page.setInputFiles('section.backup input[type=file]', {
    name: '我的备份.json.gz',
    mimeType: 'application/gzip',
    buffer: bytes,
  });
  await page.getByRole('alertdialog').waitFor();
  await audit.check('backup: restore confirmation');
  await page.getByRole('alertdialog').getByRole('button', { name: '取消' }).click();
  await page.getByText('已取消恢复，没有做任何更改。').waitFor();
  await audit.check('backup: restore cancelled');

  const damaged = Buffer.from(bytes);
  const at = Math.floor(damaged.length / 2);
  damaged[at] = damaged[at]! ^ 0xff;
  await page.setInputFiles('section.backup input[type=file]', {
    name: '损坏的备份.json.gz',
    mimeType: 'application/gzip',
    buffer: damaged,
  });
  await page.waitForSelector('section.backup .import-problems[role=alert]');
  await audit.check('backup: a damaged backup');
}

async function visitSettings(page: Page, audit: Audit): Promise<void> {
  await nav(page, '设置');
  await page.getByLabel('界面语言').waitFor();
  await audit.check('settings');
  // The default preset's fields (deck options): three bad values, each marked, nothing saved.
  await page.getByLabel('每天新卡数', { exact: true }).fill('-1');
  await page.getByLabel('期望记忆保持率', { exact: true }).fill('');
  await page.getByLabel(/^学习步长/).fill('1m 1.5h');
  await page.getByRole('button', { name: '保存预设' }).click();
  await page.getByText('请修正标出的字段。').waitFor();
  expect.soft(await page.locator('section.settings .error[id]').count(), 'fields marked').toBe(3);
  await audit.check('settings: invalid values');
}

describe('the interface in Chinese', () => {
  test('every screen shows only Chinese interface text (card content, deck titles and file names aside)', async () => {
    const { page } = session();
    await switchToChinese(page);
    const audit = new Audit(page);
    await audit.check('settings: saved');
    await visitReview(page, audit);
    await visitQuiz(page, audit);
    await visitImport(page, audit);
    await visitImportAndStudy(page, audit);
    await visitDeckPage(page, audit);
    await visitBackup(page, audit);
    await visitSettings(page, audit);
    expect(audit.screens.length).toBeGreaterThan(20);
    expect(audit.report(), `English in the Chinese interface:\n${audit.report().join('\n')}\n`).toEqual([]);
  }, 180_000);

  test('a reload shows Chinese from the first frame: no English first, <html lang> is zh-CN throughout', async () => {
    const { page } = session();
    await switchToChinese(page);
    const langAfterSwitch = await page.getAttribute('html', 'lang');
    // From the first script of the reload: each change of what the page shows, with <html lang> at that moment.
    await page.addInitScript(`(() => {
      const collect = ${collectInterfaceText.toString()};
      const frames = (window.__frames = []);
      const record = () => {
        if (!document.body) return;
        const texts = collect().filter((s) => s.where !== 'document.title');
        const key = JSON.stringify(texts);
        if (texts.length > 0 && frames.at(-1)?.key !== key) frames.push({ key, lang: document.documentElement.lang, texts });
        if (document.querySelector('section.library li.deck')) observer.disconnect();
      };
      const observer = new MutationObserver(record);
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    })()`);
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.reload();
    await library.waitReady(page);
    const frames = await page.evaluate(
      () => (window as unknown as { __frames: Array<{ lang: string; texts: Seen[] }> }).__frames,
    );
    expect(frames.length).toBeGreaterThan(0);
    const audit = new Audit(page);
    await audit.allowDeckTitles();
    const problems = frames.flatMap((f, i) => [
      ...(f.lang === 'zh-CN' ? [] : [`frame ${i}: <html lang="${f.lang}">`]),
      ...f.texts
        .filter((s) => !isAutonym(s) && latinRuns(s.text, audit.allowed, []).length > 0)
        .map((s) => `frame ${i}: ${s.where}: ${JSON.stringify(s.text)}`),
    ]);
    if (langAfterSwitch !== 'zh-CN') problems.unshift(`after saving: <html lang="${langAfterSwitch}">`);
    expect(problems, problems.join('\n')).toEqual([]);

    // And back: English in the settings puts <html lang="en"> at once.
    await nav(page, '设置');
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });
});
