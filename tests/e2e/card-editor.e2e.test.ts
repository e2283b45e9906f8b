// E2E (issue 12, real Chromium): a deck of your own and its first card, written in the app. The new-deck form and the
// card editor (with a field marked invalid, the discard question open, and on a 390 px phone) have no serious or
// critical axe-core violation in the light and the dark theme and both languages; the saved card is in IndexedDB and
// is studied from the library.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseURL, browserPerTest, idb, library, review } from './browser';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations on the page as it is, worded for the failure message. */
async function axeProblems(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  const found = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return found.map((v) => `${where}: ${v}`);
}

const WORDS = {
  en: {
    newDeck: 'New deck',
    name: ['Name — English', 'Name — Chinese'],
    create: 'Create deck',
    front: ['Front — English', 'Front — Chinese'],
    back: ['Back — English', 'Back — Chinese'],
    source: /^Source/,
    section: /^Section/,
    save: 'Save card',
    saved: 'Saved. 1 new study card.',
    keep: 'Keep editing',
    back2: 'Back to decks',
  },
  zh: {
    newDeck: '新建卡组',
    name: ['名称（英文）', '名称（中文）'],
    create: '创建卡组',
    front: ['正面（英文）', '正面（中文）'],
    back: ['背面（英文）', '背面（中文）'],
    source: /^来源/,
    section: /^章节/,
    save: '保存卡片',
    saved: '已保存。新增 1 张学习卡片。',
    keep: '继续编辑',
    back2: '返回卡组',
  },
} as const;

async function chooseLook(page: Page, theme: 'light' | 'dark', lang: 'en' | 'zh') {
  await page.goto(`${baseURL()}#/settings`);
  await page.getByLabel('Colours').selectOption(theme);
  await page.getByLabel('App language').selectOption(lang);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
}

/** Writes a new deck and its first card as a user does, checking each step with axe; ends in the library. */
async function deckAndFirstCard(page: Page, lang: 'en' | 'zh', problems: string[]) {
  const w = WORDS[lang];
  await page.goto(`${baseURL()}#/`);
  await library.waitReady(page);
  await page.getByRole('button', { name: w.newDeck }).click();
  await page.getByLabel(w.name[0]).fill('Kubernetes basics');
  await page.getByRole('button', { name: w.create }).click();
  await page.waitForSelector('.new-deck [aria-invalid="true"]');
  problems.push(...(await axeProblems(page, 'new deck, a name missing')));
  await page.getByLabel(w.name[1]).fill('Kubernetes 基础');
  await page.getByRole('button', { name: w.create }).click();

  const editor = page.locator('form.card-editor');
  await editor.waitFor();
  expect(page.url()).toMatch(/#\/deck\/kubernetes-basics$/);
  problems.push(...(await axeProblems(page, 'card editor')));
  await editor.getByRole('textbox', { name: w.front[0], exact: true }).fill('What does `kubectl apply` do?');
  // Saving is refused, the first field in the way says why and has the focus.
  await editor.getByRole('button', { name: w.save }).click({ force: true });
  await expect.poll(() => editor.locator('[aria-invalid="true"]').count()).toBeGreaterThan(2);
  problems.push(...(await axeProblems(page, 'card editor, fields marked invalid')));
  await page.keyboard.press('Escape');
  await page.getByRole('alertdialog').waitFor();
  problems.push(...(await axeProblems(page, 'card editor, discard question')));
  await page.getByRole('button', { name: w.keep }).click();

  await editor.getByRole('textbox', { name: w.front[1], exact: true }).fill('`kubectl apply` 做什么？');
  await editor
    .getByRole('textbox', { name: w.back[0], exact: true })
    .fill('Makes the cluster match the **file**:\n\n```\nkubectl apply -f pod.yaml\n```');
  await editor.getByRole('textbox', { name: w.back[1], exact: true }).fill('让集群与**文件**一致');
  await editor.getByRole('combobox', { name: w.source }).fill('https://kubernetes.io/docs/reference/kubectl/');
  await editor.getByRole('textbox', { name: w.section }).fill('kubectl');
  await expect
    .poll(() => editor.locator('.editor-preview pre code').textContent())
    .toContain('kubectl apply -f pod.yaml');
  await page.keyboard.press('Control+Enter');
  await editor.getByRole('status').getByText(w.saved).waitFor();
  problems.push(...(await axeProblems(page, 'card editor, saved')));
  const cards = await idb.read(page, 'cards');
  expect(cards.filter((c) => c.deckId === 'kubernetes-basics').map((c) => c.id)).toEqual([
    'kubernetes-basics/what-does-kubectl-apply-do',
  ]);
  await page.getByRole('link', { name: w.back2 }).click();
  await library.waitReady(page);
}

describe('a deck of your own and its first card', () => {
  const session = browserPerTest();

  test.each([
    ['light', 'en'],
    ['dark', 'zh'],
  ] as const)(
    '%s theme, %s interface: no serious or critical axe violation; the card is studied',
    async (theme, lang) => {
      const { page } = session();
      await library.open(page);
      await chooseLook(page, theme, lang);
      const problems: string[] = [];
      await deckAndFirstCard(page, lang, problems);
      expect(await library.counts(page, 'kubernetes-basics')).toEqual({ new: 1, learning: 0, due: 0 });
      await library.study(page, 'kubernetes-basics');
      expect(await review.currentCardId(page)).toBe('kubernetes-basics/what-does-kubectl-apply-do');
      expect(problems).toEqual([]);
    },
  );
});

describe('on a 390×844 phone', () => {
  const session = browserPerTest({ phone: { width: 390, height: 844 } });

  test('the editor fits: no sideways scrolling, fields side by side become one above the other', async () => {
    const { page } = session();
    await library.open(page);
    await page.getByRole('button', { name: 'New deck' }).click();
    await page.getByLabel('Name — English').fill('Phone deck');
    await page.getByLabel('Name — Chinese').fill('手机卡组');
    await page.getByRole('button', { name: 'Create deck' }).click();
    const editor = page.locator('form.card-editor');
    await editor.waitFor();
    await editor.getByRole('combobox', { name: 'Card type' }).selectOption('mcq');
    await editor.getByRole('button', { name: 'Add a choice' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const en = await editor.getByRole('textbox', { name: 'Question — English', exact: true }).boundingBox();
    const zh = await editor.getByRole('textbox', { name: 'Question — Chinese', exact: true }).boundingBox();
    expect(zh!.y).toBeGreaterThan(en!.y + en!.height - 1);
    expect(await axeProblems(page, 'card editor on a phone')).toEqual([]);
  });
});
