// E2E (issue 14, real Chromium): an XSS corpus in every text field of every import format (dockdeck JSON, CSV, an
// Anki package: fields, deck name, tags, note type CSS and template) and in a card written in the app's editor. Each
// deck is imported as a user does, then shown everywhere its text is drawn: the library, the deck page, the review
// (each card revealed), the card browser and its card info, and a quiz. None of the payloads runs (the flag each one
// would set stays unset, no dialog opens, the page never navigates, the Content-Security-Policy has nothing to refuse
// because the sanitiser left nothing), no active markup or attribute survives in the page, and none escapes the card's
// box (the app's header stays visible and on top; every card's content stays inside the card).
import type { Page } from 'playwright-core';
import initSqlJs from 'sql.js';
import { describe, expect, test } from 'vitest';
import { findActiveContent } from '../../src/formats/import/active-content-scan';
import { buildLegacyApkg, STOCK } from '../unit/helpers/anki-build';
import { baseURL, browserPerTest, idb, library, review } from './browser';
import { browse } from './browse-helpers';
import { imports } from './import-helpers';

/** Each payload calls `top.__hit(name)` if it ever runs; names are unique, so a failure says which one. */
const PAYLOADS: readonly string[] = [
  `<script>top.__hit('script')</script>`,
  `<img src=x onerror="top.__hit('img-onerror')">`,
  `<svg onload="top.__hit('svg-onload')"><circle r=5></circle></svg>`,
  `<svg><script>top.__hit('svg-script')</script></svg>`,
  `<svg><a xlink:href="javascript:top.__hit('svg-xlink')"><text y="15">svg link</text></a></svg>`,
  `<svg><animate onbegin="top.__hit('svg-animate')" attributeName="x" dur="1s"></animate></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="top.__hit('mxss-math')"></style></mglyph></table></mtext></math>`,
  `<math href="javascript:top.__hit('math-href')">math link</math>`,
  `<a href="javascript:top.__hit('js-href')">js link</a>`,
  `<a href="&#106;&#97;vascript:top.__hit('entity-href')">entity link</a>`,
  `<a href="jav&#x09;ascript:top.__hit('tab-href')">tab link</a>`,
  `<a href="data:text/html,<script>top.__hit('data-href')</script>">data link</a>`,
  `<iframe srcdoc="<script>top.__hit('srcdoc')</script>"></iframe>`,
  `<iframe src="javascript:top.__hit('iframe-js')"></iframe>`,
  `<object data="data:text/html,<script>top.__hit('object')</script>"></object>`,
  `<embed src="javascript:top.__hit('embed')">`,
  `<base href="https://evil.example/">`,
  `<meta http-equiv="refresh" content="0;url=javascript:top.__hit('meta-refresh')">`,
  `<link rel="stylesheet" href="https://evil.example/x.css">`,
  `<style>header, nav { display: none !important } body { visibility: hidden }</style>`,
  `<div style="position:fixed;inset:0;z-index:2147483647;background:red">cover</div>`,
  `<form action="javascript:top.__hit('form')"><button formaction="javascript:top.__hit('formaction')">go</button></form>`,
  `<details open ontoggle="top.__hit('ontoggle')">details</details>`,
  `<input autofocus onfocus="top.__hit('onfocus')">`,
  `<video><source onerror="top.__hit('source-onerror')"></video>`,
  `<noscript><p title="</noscript><img src=x onerror=top.__hit('noscript')>"></p></noscript>`,
  `<body onload="top.__hit('body-onload')">`,
  `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='top.__hit(1)'></svg>">`,
  `[md link](javascript:top.__hit('md-link'))`,
  `[md entity](&#106;avascript:top.__hit('md-entity'))`,
  `<javascript:top.__hit('md-autolink')>`,
  `![md image](javascript:top.__hit('md-image'))`,
  `[md data](data:text/html;base64,PHNjcmlwdD50b3AuX19oaXQoJ21kLWRhdGEnKTwvc2NyaXB0Pg==)`,
];

/** Fields short enough for one line (titles, choices, tags): a few payloads that matter there. */
const SHORT_PAYLOADS = [
  `<img src=x onerror="top.__hit('short-img')">`,
  `<script>top.__hit('short-script')</script>`,
  `<a href="&#106;&#97;vascript:top.__hit('short-entity')">e</a>`,
  `<b style="position:fixed;inset:0">t</b>`,
];

/**
 * dockdeck JSON and CSV refuse a deck with a script, an event handler or a javascript: link (the app's own scanner
 * decides); a deck of the rest is imported, so the sanitiser has to deal with it. An Anki package gets all of it.
 */
const passes = (p: string) => findActiveContent(p) === null;
const corpus = (all: boolean) => {
  const long = all ? PAYLOADS : PAYLOADS.filter(passes);
  const short = all ? SHORT_PAYLOADS : SHORT_PAYLOADS.filter(passes);
  // The whole corpus in one field, each payload its own paragraph (Markdown reads each on its own).
  return { ALL: long.join('\n\n'), SHORT: `${short.join('')}<b>t</b>` };
};

const t = (s: string) => ({ en: s, zh: s });

function jsonDeck(all: boolean): Buffer {
  const { ALL, SHORT } = corpus(all);
  const source = { doc: 'xss.txt', section: SHORT };
  const deck = {
    format: 'dockdeck/deck@1',
    id: 'xss-json',
    title: { en: `XSS JSON ${SHORT}`, zh: `XSS JSON ${SHORT}` },
    description: t(ALL),
    sources: [{ doc: 'xss.txt', title: t(SHORT) }],
    cards: [
      { id: 'basic', type: 'basic', source, front: t(`Basic ${ALL}`), back: t(ALL), note: t(ALL) },
      { id: 'cloze', type: 'cloze', source, text: t(`Cloze {{c1::${SHORT}}} ${ALL}`) },
      {
        id: 'mcq',
        type: 'mcq',
        source,
        question: t(`MCQ ${ALL}`),
        choices: [t(`one ${SHORT}`), t(all ? '<a href="javascript:top.__hit(\'choice\')">two</a>' : 'two'), t('three')],
        answer: 0,
        explanation: t(ALL),
      },
      { id: 'typein', type: 'type-in', source, prompt: t(`Type ${ALL}`), answer: t('answer'), accept: [] },
    ],
    tables: [
      {
        id: 'tbl',
        title: t(`Table ${SHORT}`),
        columns: [
          { id: 'a', label: t(`A ${SHORT}`) },
          { id: 'b', label: t('B') },
        ],
        rows: [{ id: 'r', trait: t(`Trait ${SHORT}`), cells: { a: t(ALL), b: t('plain') }, source }],
      },
    ],
  };
  return Buffer.from(JSON.stringify(deck));
}

function csvDeck(all: boolean): Buffer {
  const { ALL, SHORT } = corpus(all);
  const csvLink = all ? `<a href="javascript:top.__hit('csv-link')">link</a>` : 'plain';
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const rows = [
    ['front', 'back', 'tags'],
    [`CSV one ${ALL}`, ALL, 'xss'],
    [`CSV two ${SHORT}`, csvLink, 'xss'],
  ];
  return Buffer.from(rows.map((r) => r.map(q).join(',')).join('\r\n'));
}

async function ankiDeck(): Promise<Buffer> {
  const { ALL, SHORT } = corpus(true);
  const SQL = await initSqlJs();
  const type = STOCK.basic(1_700_000_000_201);
  const apkg = buildLegacyApkg(SQL, {
    notetypes: [
      {
        ...type,
        // A note type's CSS that tries to reach the page: hide the app, cover the screen, load a remote sheet.
        css:
          '@import url(https://evil.example/a.css); .card { position: fixed !important; inset: 0; z-index: 2147483647; ' +
          'background: red } body, html, header, #root { display: none !important } ' +
          ':root { --x: url(javascript:alert(1)) } * { background-image: url(https://evil.example/b.png) }',
        templates: type.templates.map((tm) => ({
          ...tm,
          qfmt: `<img src=x onerror="top.__hit('template')">{{Front}}<script>top.__hit('template-script')</script>`,
        })),
      },
    ],
    decks: [{ id: 1_700_000_000_202, name: `XSS Anki <img src=x onerror="top.__hit('deck-name')">` }],
    notes: [
      {
        id: 1,
        guid: 'xss-anki-1',
        mid: 1_700_000_000_201,
        fields: [`Anki one ${ALL}`, ALL],
        tags: ['xss', '<script>'],
        cards: [{ id: 301, ord: 0, deck: 1_700_000_000_202 }],
      },
      {
        id: 2,
        guid: 'xss-anki-2',
        mid: 1_700_000_000_201,
        fields: [`Anki two ${SHORT}`, `<a href="javascript:top.__hit('anki-link')">link</a>`],
        cards: [{ id: 302, ord: 0, deck: 1_700_000_000_202 }],
      },
    ],
  });
  return Buffer.from(apkg);
}

const BLOCKED_IN_PARSE =
  /^(Setting the document's base URI to 'https:\/\/evil\.example\/' violates|Applying inline style violates|Executing inline event handler violates)/;

/** From the first script on: the flag the payloads would set, dialogs, and what the policy refused. */
function installTraps() {
  const w = window as unknown as { __hits: string[]; __hit: (n: string) => void; __csp: string[] };
  w.__hits = [];
  w.__hit = (n: string) => w.__hits.push(String(n));
  w.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    // Reported by the sanitiser's inert parse (see BLOCKED_IN_PARSE): its target is the page's document, not an
    // element in the page; the markup is removed after. An element of the page itself is what must never be refused.
    if (!(e.target instanceof Element && e.target.isConnected)) return;
    const el = e.target instanceof Element ? e.target.outerHTML.slice(0, 120) : String(e.target);
    w.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample} on ${el} from ${e.sourceFile}:${e.lineNumber}`);
  });
}

interface Findings {
  hits: string[];
  csp: string[];
  /** Active markup or attributes from a payload that are still in the page. */
  active: string[];
  /** Whether the app's header is visible and the topmost thing at its centre. */
  headerOnTop: boolean;
  /** Card content drawn outside its card. */
  escaped: string[];
  href: string;
}

/** Everything the page holds now that a payload could have left behind. */
async function findings(page: Page): Promise<Findings> {
  return page.evaluate(() => {
    const w = window as unknown as { __hits: string[]; __csp: string[] };
    const active: string[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()} in ${el.parentElement?.className || '?'}`;
    // Text put in an attribute (a label, a title, a field's value) is text: only attributes that act are checked.
    const textual = /^(aria-.*|title|alt|value|placeholder|data-.*|content|lang|class|id|for|name|role|type)$/i;
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        const v = a.value;
        if (/^on/i.test(a.name)) active.push(`${describe(el)}: ${a.name}`);
        // An SVG drawn as an image runs no script (an image document): a data: image may carry one as text.
        const image = el.tagName === 'IMG' && a.name === 'src' && /^data:image\//i.test(v);
        if (!textual.test(a.name) && !image && /__hit|evil\.example/.test(v))
          active.push(`${describe(el)}: ${a.name}="${v.slice(0, 60)}"`);
        if (
          /^(href|src|action|formaction|data|xlink:href|srcdoc)$/i.test(a.name) &&
          /^\s*(javascript|vbscript|data:text)/i.test(v)
        )
          active.push(`${describe(el)}: ${a.name}="${v.slice(0, 60)}"`);
      }
    }
    for (const el of document.querySelectorAll(
      'base, object, embed, iframe[srcdoc], meta[http-equiv="refresh"], link[href*="evil"]',
    ))
      active.push(describe(el));
    // The sanitiser keeps no style attribute and no <style> of a card's text (a note type's CSS is the app's, scoped).
    for (const el of document.querySelectorAll('.card-text [style], .card-text style, [data-content] [style]'))
      active.push(`${describe(el)}: style kept`);
    for (const s of document.querySelectorAll('script'))
      if (!s.src || new URL(s.src).origin !== location.origin) active.push(`script: ${s.outerHTML.slice(0, 60)}`);
    for (const s of document.querySelectorAll('style'))
      if (/display:\s*none !important|2147483647|evil\.example/.test(s.textContent ?? '') && !s.closest('.card-scope'))
        // A note type's sheet is the app's, scoped to the card; any other style element with a payload's rules leaked.
        if (!/^\s*(@scope|\[data-card-scope)/.test(s.textContent ?? ''))
          active.push(`style: ${s.textContent?.slice(0, 80)}`);
    window.scrollTo(0, 0);
    const header = document.querySelector('header');
    const box = header?.getBoundingClientRect();
    const top =
      box && box.height > 0 ? document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) : null;
    const escaped: string[] = [];
    for (const card of document.querySelectorAll('article.card, .card-info, .quiz-question')) {
      const c = card.getBoundingClientRect();
      // The card's text as drawn (the app's own parts of the box, such as a chart's table for screen readers, aside).
      for (const el of card.querySelectorAll('.card-text, .card-text *, .card-scope *')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (getComputedStyle(el).position === 'fixed') escaped.push(`${describe(el)}: position fixed`);
        if (r.left < c.left - 1 || r.top < c.top - 1 || r.right > c.right + 1 || r.bottom > c.bottom + 1) {
          // Content the card scrolls or clips is inside it; only what is drawn outside the card's box escaped.
          const clipped = [...document.querySelectorAll('*')].some(
            (p) => p.contains(el) && card.contains(p) && p !== el && getComputedStyle(p).overflow !== 'visible',
          );
          if (!clipped) escaped.push(`${describe(el)}: drawn outside the card`);
        }
      }
    }
    return {
      hits: w.__hits,
      csp: w.__csp,
      active,
      headerOnTop: top !== null && header !== null && header.contains(top),
      escaped,
      href: location.href,
    };
  });
}

const dialogs: string[] = [];

async function expectSafe(page: Page, where: string) {
  const f = await findings(page);
  expect({ where, ...f, dialogs }).toEqual({
    where,
    hits: [],
    csp: [],
    active: [],
    headerOnTop: true,
    escaped: [],
    href: f.href.startsWith(baseURL()) ? f.href : 'the page navigated away',
    dialogs: [],
  });
}

/** Opens a file on the import screen as a user does (a text file through the column screen); where it ends. */
async function openImport(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
  await imports.open(page);
  await imports.pick(page, file);
  const next =
    'section.import[data-step="csv"], section.import[data-step="confirm"], section.import[data-step="failed"]';
  await page.waitForSelector(next);
  if ((await page.getAttribute('section.import', 'data-step')) === 'csv') {
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector(
      'section.import[data-step="confirm"], section.import[data-step="failed"], section.import .import-problems',
    );
  }
  const step = (await page.getAttribute('section.import', 'data-step')) ?? '';
  return step === 'confirm' ? step : `refused: ${await page.locator('section.import').innerText()}`;
}

async function refusedImport(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
  const end = await openImport(page, file);
  if (!end.startsWith('refused')) throw new Error(`${file.name} was not refused`);
  return end;
}

/** Imports a file as a user does and returns the new deck's id. */
async function importDeck(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
  const before = new Set(await library.deckIds(page));
  const end = await openImport(page, file);
  if (end !== 'confirm') throw new Error(`${file.name} was ${end}`);
  await expectSafe(page, `${file.name}: import confirm`);
  await imports.confirm(page);
  await expectSafe(page, `${file.name}: import done`);
  await library.navigate(page);
  const added = (await library.deckIds(page)).filter((d) => !before.has(d));
  if (added.length !== 1) throw new Error(`${file.name}: decks added: ${added.join(', ')}`);
  return added[0]!;
}

/** Every place the deck's text is drawn: library, deck page, each card in review (revealed), browser, a quiz. */
async function showEverywhere(page: Page, deckId: string, label: string) {
  await expectSafe(page, `${label}: library`);
  await page.goto(`${baseURL()}#/deck/${deckId}`);
  await page.waitForSelector(`section.deck-page[data-deck-id="${deckId}"]`);
  await expectSafe(page, `${label}: deck page`);

  await library.navigate(page);
  await library.study(page, deckId);
  for (let n = 0; n < 12 && (await page.locator('section.review article.card[data-card-id]').count()) > 0; n++) {
    const id = await review.currentCardId(page);
    await expectSafe(page, `${label}: review ${id}, front`);
    await review.reveal(page);
    await expectSafe(page, `${label}: review ${id}, back`);
    await review.grade(page, 'easy');
    await review.waitSettled(page);
  }
  await page.waitForSelector('section.review .session-end');

  await page.goto(`${baseURL()}#/`);
  await library.waitReady(page);
  await browse.navigate(page);
  await browse.search(page, `deck:${deckId}`, 'filled');
  expect(await browse.count(page)).toBeGreaterThan(0);
  await expectSafe(page, `${label}: browser`);
  await page.locator('table.browse-table tbody tr[data-card-id]').first().click();
  await page.waitForSelector('aside.card-info:not([aria-busy="true"])');
  await expectSafe(page, `${label}: card info`);

  await page.goto(`${baseURL()}#/quiz`);
  await page.getByRole('radio', { name: 'Decks' }).check();
  for (const box of await page.getByRole('group', { name: 'Decks' }).getByRole('checkbox').all()) {
    // The test's decks are the ones named "XSS …" (the built-in decks are not).
    const mine = await box.evaluate((el) => /^\s*xss/i.test(el.closest('label')?.textContent ?? ''));
    if (mine) await box.check();
    else await box.uncheck();
  }
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await page.waitForSelector(
    'section.quiz-run[data-index="0"], .quiz-home button:has-text("Start with"), .quiz-home :text("has no cards that can make")',
  );
  if ((await page.locator('section.quiz-run').count()) === 0) {
    const start = page.getByRole('button', { name: /^Start with \d+ questions$/ });
    if ((await start.count()) === 0) {
      // Too few cards of the kinds a quiz asks (one card written in the editor): the deck's mcq deck is quizzed.
      expect(label, 'a quiz of the deck').not.toBe('dockdeck JSON');
      await expectSafe(page, `${label}: quiz setup`);
      return;
    }
    await start.click();
  }
  await page.waitForSelector('section.quiz-run[data-index="0"]');
  await expectSafe(page, `${label}: quiz question`);
  // Leaving the quiz as a user does (a reload would be asked about first).
  await page.getByRole('button', { name: 'Leave quiz' }).click();
  await page.getByRole('button', { name: 'Leave', exact: true }).click();
  await page.waitForSelector('section.quiz-run', { state: 'detached' });
}

describe('an XSS corpus in every field of every import format and of a card written in the app', () => {
  // Chromium applies the page's policy to the sanitiser's inert parse too (DOMParser documents inherit it): a payload's
  // <base>, <style>, style attribute or event handler attribute is reported there as refused (the document is
  // inert: nothing would run or load anyway), then removed by the sanitiser. The console says so; those reports are
  // expected. A report about an element of the page itself is not (see installTraps).
  const session = browserPerTest({ allowErrors: BLOCKED_IN_PARSE });

  async function start(): Promise<Page> {
    const { page, context } = session();
    dialogs.length = 0;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await context.addInitScript(installTraps);
    // Nothing may load from another site: a request that gets this far is refused (the checks find what asked).
    await context.route(
      (u) => !u.href.startsWith(new URL(baseURL()).origin) && !/^(blob|data|about):/.test(u.href),
      (route) => route.abort(),
    );
    await library.open(page);
    return page;
  }

  test.each([
    ['dockdeck JSON', (all: boolean) => ({ name: 'xss.json', mimeType: 'application/json', buffer: jsonDeck(all) })],
    ['CSV', (all: boolean) => ({ name: 'xss.csv', mimeType: 'text/csv', buffer: csvDeck(all) })],
  ] as const)(
    '%s: active content refused by name; the rest imported and shown everywhere, nothing runs or escapes',
    async (label, file) => {
      const page = await start();
      const before = await library.deckIds(page);
      const refusal = await refusedImport(page, file(true));
      // Which file, which card or row, which field, why.
      expect(refusal).toMatch(/xss\.(json|csv)/);
      expect(refusal).toMatch(label === 'CSV' ? /row 2/i : /card "basic" field "front\.en"/);
      expect(refusal).toMatch(/active content \(a <script> element\)/);
      await library.navigate(page);
      expect(await library.deckIds(page)).toEqual(before);
      await expectSafe(page, `${label}: refused`);

      const deckId = await importDeck(page, file(false));
      await showEverywhere(page, deckId, label);
      // A reload draws the stored text again, from the first frame.
      await page.goto(`${baseURL()}#/`);
      await page.reload();
      await library.waitReady(page);
      await expectSafe(page, `${label}: library after a reload`);
    },
  );

  test('an Anki package (fields, deck name, tags, note type CSS and template): nothing runs or escapes', async () => {
    const page = await start();
    const deckId = await importDeck(page, {
      name: 'xss.apkg',
      mimeType: 'application/octet-stream',
      buffer: await ankiDeck(),
    });
    await showEverywhere(page, deckId, 'Anki');
  });

  test('a card written in the app’s editor: the preview runs nothing; active content is refused by field; the rest saved and shown everywhere', async () => {
    const all = corpus(true);
    const page = await start();
    await page.getByRole('button', { name: 'New deck' }).click();
    await page.getByLabel('Name — English').fill(`xss editor ${all.SHORT}`);
    await page.getByLabel('Name — Chinese').fill('xss 编辑器');
    await page.getByRole('button', { name: 'Create deck' }).click();
    const editor = page.locator('form.card-editor');
    await editor.waitFor();
    await expectSafe(page, 'editor, a deck named with payloads');
    const deckId = new URL(page.url()).hash.replace('#/deck/', '');
    const fill = async (c: { ALL: string; SHORT: string }) => {
      await editor.getByRole('textbox', { name: 'Front — English', exact: true }).fill(`Editor front ${c.ALL}`);
      await editor.getByRole('textbox', { name: 'Front — Chinese', exact: true }).fill(`编辑器 ${c.SHORT}`);
      await editor.getByRole('textbox', { name: 'Back — English', exact: true }).fill(c.ALL);
      await editor.getByRole('textbox', { name: 'Back — Chinese', exact: true }).fill(c.ALL);
      await editor.getByRole('combobox', { name: /^Source/ }).fill('https://example.org/page');
      await editor.getByRole('textbox', { name: /^Section/ }).fill(c.SHORT);
    };
    await fill(all);
    await editor.locator('.editor-preview').waitFor();
    await expectSafe(page, 'editor preview of the whole corpus');
    // Saving is refused: the fields say why, as the deck file's import would (which could not read the card back).
    await editor.getByRole('button', { name: 'Save card' }).click({ force: true });
    await expect
      .poll(() => editor.getByText(/contains active content \(a <script> element\)/).count())
      .toBeGreaterThan(0);
    expect((await idb.read(page, 'cards')).filter((c) => c.deckId === deckId)).toEqual([]);
    await fill(corpus(false));
    await page.keyboard.press('Control+Enter');
    await editor.getByRole('status').getByText('Saved. 1 new study card.').waitFor();
    await expectSafe(page, 'editor saved');
    await page.goto(`${baseURL()}#/`);
    await library.waitReady(page);
    await showEverywhere(page, deckId, 'editor');
  });
});
