// E2E (issue 9, items 9 and 10): cards fetch nothing from other sites unless the user allows a deck's images, the
// built app runs under its Content-Security-Policy with no violation, and Anki note-type CSS styles only the card.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import initSqlJs from 'sql.js';
import { describe, expect, test } from 'vitest';
import { buildLegacyApkg, STOCK } from '../unit/helpers/anki-build';
import { baseURL, browserPerTest, review } from './browser';

const session = browserPerTest();
/** A 1×1 PNG, what the test's stand-in for the remote site answers with. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const FRONT =
  'Which logo is this? <img src="https://example.invalid/x.png" alt="logo">\n\n![chart](https://cdn.example.invalid/chart.png)';
const BACK = 'The whale. <audio controls src="https://media.example.invalid/a.mp3"></audio>';
const REMOTE_DECK = {
  format: 'dockdeck/deck@1',
  id: 'remote-demo',
  title: { en: 'Remote demo', zh: 'Remote demo' },
  sources: [{ doc: 'remote.json' }],
  cards: [
    {
      id: 'logo',
      type: 'basic',
      source: { doc: 'remote.json', section: 'Logos' },
      front: { en: FRONT, zh: FRONT },
      back: { en: BACK, zh: BACK },
    },
  ],
};

/** Everything the browser asks for, from every tab, frame and worker; and what the app's policy refused. */
async function watchNetwork(context: BrowserContext): Promise<{ remote: () => string[]; routed: string[] }> {
  const requests: string[] = [];
  /** Requests that reached the network layer (past the page's policy). */
  const routed: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const local = new URL(baseURL()).origin;
  const isLocal = (u: string) => u.startsWith(local) || /^(?:blob|data|about):/.test(u);
  // Nothing may reach the network from a test: a request that gets this far is refused here (and still recorded).
  await context.route(
    (u) => !isLocal(u.href),
    (route) => {
      routed.push(route.request().url());
      return route.abort();
    },
  );
  // The test's stand-in for the sites of the allowed images.
  await context.route(/^https:\/\/(?:cdn\.)?example\.invalid\//, (route) => {
    routed.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return { remote: () => requests.filter((u) => !isLocal(u)), routed };
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.goto(`${baseURL()}#/import`);
  await page.waitForSelector('.app[data-ready="true"]');
  await page.waitForSelector('section.import[data-step="start"]');
  await page.setInputFiles('section.import input[type=file]', file);
  await page.waitForSelector('section.import[data-step="confirm"]');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForSelector('section.import[data-step="done"]');
}

async function openReview(page: Page, deckId: string): Promise<void> {
  await page.goto(`${baseURL()}#/review/${deckId}`);
  await review.waitSettled(page);
}

describe('remote content and the Content-Security-Policy', () => {
  test('a card with a remote image, a Markdown image and a remote sound fetches nothing; the deck page lets its images load', async () => {
    const { context, page } = session();
    const net = await watchNetwork(context);
    await importFile(page, {
      name: 'remote.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(REMOTE_DECK)),
    });
    // The built app carries its policy.
    expect(
      await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content').then((c) => c ?? ''),
    ).toMatch(/img-src 'self' blob: data:;.*media-src 'self' blob: data:;.*object-src 'none'/);

    await openReview(page, 'remote-demo');
    const image = page.locator('article.card .remote-blocked[data-remote-host="example.invalid"]');
    expect(await image.textContent()).toBe('Remote image from example.invalid — blocked');
    expect(
      await page.locator('article.card .remote-blocked[data-remote-host="cdn.example.invalid"]').textContent(),
    ).toBe('Remote image from cdn.example.invalid — blocked');
    await page.keyboard.press('Space');
    expect(await page.locator('article.card .remote-blocked[data-remote-kind="sound"]').textContent()).toBe(
      'Remote sound from media.example.invalid — blocked',
    );
    await page.locator('article.card').screenshot({ path: '.tmp/remote-blocked-en.png' });

    // After a reload, and in Chinese.
    await page.reload();
    await review.waitSettled(page);
    await page.goto(`${baseURL()}#/settings`);
    await page.getByLabel('App language').selectOption('zh');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('设置已保存。').waitFor();
    await openReview(page, 'remote-demo');
    expect(await image.textContent()).toBe('来自 example.invalid 的远程图片 — 已阻止');
    await page.locator('article.card').screenshot({ path: '.tmp/remote-blocked-zh.png' });
    expect(net.remote()).toEqual([]);
    expect(net.routed).toEqual([]);
    expect(await page.locator('article.card img, article.card audio, article.card iframe').count()).toBe(0);

    // The deck page: "Load remote images" is off, then on; the review shows them live, in the remote-image frame.
    await page.goto(`${baseURL()}#/deck/remote-demo`);
    const choice = page.getByLabel('加载远程图片');
    await page.waitForSelector('.remote-choice input:enabled');
    expect(await choice.isChecked()).toBe(false);
    await choice.check();
    await openReview(page, 'remote-demo');
    await page.waitForSelector(
      'article.card iframe.remote-frame[data-remote-host="example.invalid"][data-state="loaded"]',
    );
    await page.waitForSelector(
      'article.card iframe.remote-frame[data-remote-host="cdn.example.invalid"][data-state="loaded"]',
    );
    await page.keyboard.press('Space');
    await page.waitForSelector('article.card .remote-blocked[data-remote-kind="sound"]');
    await page.locator('article.card').screenshot({ path: '.tmp/remote-allowed.png' });
    expect(net.remote().sort()).toEqual(['https://cdn.example.invalid/chart.png', 'https://example.invalid/x.png']);
    // The app's own page still loads nothing remote: the images are in the frames' documents.
    expect(await page.locator('img[src^="http"], audio[src^="http"]').count()).toBe(0);
    // The choice is kept (a settings row) and taking it back blocks them again at once.
    await page.reload();
    await page.goto(`${baseURL()}#/deck/remote-demo`);
    await page.waitForSelector('.remote-choice input:enabled');
    expect(await choice.isChecked()).toBe(true);
    await choice.uncheck();
    await openReview(page, 'remote-demo');
    await page.waitForSelector('article.card .remote-blocked[data-remote-host="example.invalid"]');
    expect(await page.locator('article.card iframe').count()).toBe(0);
    expect(await violations(page)).toEqual([]);
  });

  test('the policy is a second wall: an image put into the page past the sanitiser is refused, never requested', async () => {
    const { context, page, errors } = session();
    const net = await watchNetwork(context);
    await page.goto(`${baseURL()}#/`);
    await page.waitForSelector('.app[data-ready="true"]');
    const blocked = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) =>
            resolve(`${e.effectiveDirective} ${e.blockedURI}`),
          );
          const img = document.createElement('img');
          img.src = 'https://wall.example.invalid/pixel.png';
          document.body.append(img);
        }),
    );
    expect(blocked).toBe('img-src https://wall.example.invalid/pixel.png');
    // DevTools announces the request the page tried, but it never reaches the network.
    expect(net.routed).toEqual([]);
    // Chromium reports the refusal on the console too: that one was expected.
    const expected = errors.filter((e) => e.includes('wall.example.invalid'));
    expect(expected.length).toBeGreaterThan(0);
    errors.splice(0, errors.length, ...errors.filter((e) => !expected.includes(e)));
  });

  test('an Anki note type with CSS: the card is styled, the app is not; an .apkg import, review and quiz raise no violation', async () => {
    const { context, page } = session();
    const net = await watchNetwork(context);
    const css =
      '@import url("https://fonts.example.invalid/f.css");\n.card { background-color: rgb(10, 20, 30); color: rgb(250, 240, 230); }\nbody { font-size: 31px }\nbutton { outline: 9px solid red }\n.back { background: url(https://example.invalid/bg.png) }';
    const styled = {
      format: 'dockdeck/deck@1',
      id: 'styled',
      title: { en: 'Styled', zh: 'Styled' },
      sources: [{ doc: 'styled.apkg' }],
      textFormat: 'html',
      ankiNotetypes: [
        {
          id: '1700000000001',
          name: 'Basic',
          cloze: false,
          fields: ['Front', 'Back'],
          templates: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' }],
          css,
          sortField: 0,
        },
      ],
      cards: [
        {
          id: 'n1',
          type: 'basic',
          source: { doc: 'styled.apkg', section: 'Default' },
          front: { en: 'Styled front', zh: 'Styled front' },
          back: { en: '<div class="back">Styled back</div>', zh: '<div class="back">Styled back</div>' },
          anki: { guid: 'styled-guid', notetype: '1700000000001' },
        },
      ],
    };
    await importFile(page, {
      name: 'styled.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(styled)),
    });
    await openReview(page, 'styled');
    const box = page.locator('article.card .card-scope');
    await page.waitForFunction(
      () => getComputedStyle(document.querySelector('article.card .card-scope')!).backgroundColor === 'rgb(10, 20, 30)',
    );
    expect(await box.evaluate((el) => getComputedStyle(el).fontSize)).toBe('31px');
    expect(await box.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(250, 240, 230)');
    // Outside the card: the page and the app's own buttons keep their look.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).not.toBe('31px');
    expect(
      await page.locator('article.card .answer-bar button').evaluate((el) => getComputedStyle(el).outlineWidth),
    ).not.toBe('9px');
    await page.keyboard.press('Space');
    await page.waitForSelector('article.card .back');
    await page.locator('article.card').screenshot({ path: '.tmp/notetype-css.png' });

    // An Anki package with remote images: imported (sql.js in WebAssembly), reviewed and quizzed under the policy.
    const SQL = await initSqlJs();
    const apkg = buildLegacyApkg(SQL, {
      notetypes: [{ ...STOCK.basic(1_700_000_000_101), css: '.card { color: rgb(1, 2, 3) }' }],
      decks: [{ id: 1_700_000_000_102, name: 'Remote pictures' }],
      notes: ['alpha', 'beta', 'gamma', 'delta'].map((word, i) => ({
        id: i + 1,
        guid: `remote-${word}`,
        mid: 1_700_000_000_101,
        fields: [`Which picture is ${word}? <img src="https://example.invalid/${word}.png">`, `It is ${word}`],
        cards: [{ id: 100 + i, ord: 0, deck: 1_700_000_000_102 }],
      })),
    });
    await importFile(page, { name: 'remote.apkg', mimeType: 'application/octet-stream', buffer: Buffer.from(apkg) });
    await page.getByRole('link', { name: 'Study Remote pictures' }).click();
    await review.waitSettled(page);
    await page.waitForSelector('article.card .remote-blocked[data-remote-host="example.invalid"]');
    // The importer kept the note type and its CSS: it styles the imported card.
    await page.waitForFunction(() => {
      const box = document.querySelector('article.card .card-scope');
      return box !== null && getComputedStyle(box).color === 'rgb(1, 2, 3)';
    });
    await review.reveal(page);
    await review.grade(page, 'good');

    await page.goto(`${baseURL()}#/quiz`);
    await page.getByRole('radio', { name: 'Decks' }).check();
    for (const box of await page.getByRole('group', { name: 'Decks' }).getByRole('checkbox').all()) {
      if (await isDeck(box, 'Remote pictures')) await box.check();
      else await box.uncheck();
    }
    await page.getByRole('radio', { name: 'All' }).check();
    // Multiple choice only: its prompt is the card's front, with the remote image.
    for (const kind of ['True or false', 'Classify', 'Type the answer', 'Interview question'])
      await page.getByRole('checkbox', { name: kind, exact: true }).uncheck();
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await page.waitForSelector('section.quiz-run[data-index="0"], .quiz-home button:has-text("Start with")');
    if ((await page.locator('section.quiz-run').count()) === 0)
      await page.getByRole('button', { name: /^Start with \d+ questions$/ }).click();
    await page.waitForSelector('section.quiz-run[data-index="0"]');
    await page.waitForSelector('.quiz-question .remote-blocked[data-remote-host="example.invalid"]');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByTestId('quiz-verdict').waitFor();
    expect(net.remote()).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });
});

async function isDeck(box: Locator, title: string): Promise<boolean> {
  return box.evaluate((el, t) => (el.closest('label')?.textContent ?? '').includes(t), title);
}
