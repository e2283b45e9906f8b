// @vitest-environment jsdom
// Issue 9, items 9 and 10 on screen: remote images blocked with a note until the deck page allows them (read live,
// kept apart from the deck row), and an Anki note type's CSS applied to the card only, as a constructed stylesheet.
import { screen, waitFor } from '@testing-library/react';
import { remoteImagesKey } from '../../src/db/deck-prefs';
import { upsertDeck } from '../../src/db/deck-repo';
import { writeSettings } from '../../src/db/settings-repo';
import { parseDeck } from '../../src/formats/dockdeck/validate';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { expandDeck } from '../../src/domain/study-card';
import { freshDb, openApp, review } from './helpers';

const source = { doc: 'remote.json', section: 'Logos' };
const front = 'Which logo? <img src="https://example.invalid/x.png">';
const deck = {
  format: 'dockdeck/deck@1' as const,
  id: 'remote-demo',
  title: { en: 'Remote demo', zh: '远程示例' },
  sources: [{ doc: 'remote.json' }],
  cards: [{ id: 'logo', type: 'basic' as const, source, front: { en: front, zh: front }, back: { en: 'A', zh: 'A' } }],
};

const NOTETYPE_CSS =
  '.card { color: rgb(1, 2, 3) } body { margin: 0 } @import "x.css"; .q { background: url(//t.example/a.png) }';
const styledDeck = {
  ...deck,
  id: 'styled',
  textFormat: 'html' as const,
  ankiNotetypes: [
    {
      id: '1700000000001',
      name: 'Basic',
      cloze: false,
      fields: ['Front', 'Back'],
      templates: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{Back}}' }],
      css: NOTETYPE_CSS,
      sortField: 0,
    },
  ],
  cards: [
    {
      id: 'n1',
      type: 'basic' as const,
      source,
      front: { en: '<span class="q">Styled</span>', zh: '<span class="q">Styled</span>' },
      back: { en: 'B', zh: 'B' },
      anki: { guid: 'g1', notetype: '1700000000001', ords: [0] },
    },
  ],
};

const frames = () => document.querySelectorAll('article.card iframe.remote-frame');

test('a remote image is a note naming its site; allowing the deck shows it in the remote-image frame, live', async () => {
  const { db } = await freshDb(deck);
  openApp('#/review/remote-demo');
  await review.waitForCard();
  const note = await waitFor(() => {
    const n = review.card()!.querySelector('.remote-blocked');
    expect(n).not.toBeNull();
    return n!;
  });
  expect(note).toHaveTextContent('Remote image from example.invalid — blocked');
  expect(review.card()!.querySelector('img')).toBeNull();

  await db.settings.put({ key: remoteImagesKey('remote-demo'), value: true, updatedAt: 0 });
  await waitFor(() => expect(frames()).toHaveLength(1));
  expect(frames()[0]!.getAttribute('src')).toBe(
    `/remote-image.html#${encodeURIComponent('https://example.invalid/x.png')}`,
  );
  expect(review.card()!.querySelector('.remote-blocked')).toBeNull();
});

test('in the Chinese interface the note is Chinese', async () => {
  const { db } = await freshDb(deck);
  await writeSettings(db, { ...DEFAULT_SETTINGS, study: { ...DEFAULT_SETTINGS.study, uiLang: 'zh' } }, 0);
  openApp('#/review/remote-demo');
  await review.waitForCard();
  await waitFor(() => expect(review.card()!.querySelector('.remote-blocked')).not.toBeNull());
  expect(review.card()!.querySelector('.remote-blocked')).toHaveTextContent('来自 example.invalid 的远程图片 — 已阻止');
  expect(review.card()!.querySelector('.remote-blocked')!.textContent).not.toMatch(/Remote|blocked/);
});

test('the deck page choice is off by default, stored in its own settings row, and survives a re-import', async () => {
  const { db, now } = await freshDb(deck);
  const { user } = openApp('#/deck/remote-demo');
  const box = await screen.findByRole('checkbox', { name: 'Load remote images' });
  await waitFor(() => expect(box).toBeEnabled());
  expect(box).not.toBeChecked();
  await user.click(box);
  await waitFor(async () => expect((await db.settings.get(remoteImagesKey('remote-demo')))?.value).toBe(true));
  expect(box).toBeChecked();
  // The deck row has no such field: an import rewrites it and the choice stays.
  expect(Object.keys((await db.decks.get('remote-demo'))!)).not.toContain('remoteImages');
  const parsed = parseDeck('remote.json', deck);
  if (!parsed.ok) throw new Error('bad deck');
  await upsertDeck(db, parsed.deck, expandDeck(parsed.deck), { hash: 'again', builtin: false, now: now() });
  expect((await db.settings.get(remoteImagesKey('remote-demo')))?.value).toBe(true);
  await user.click(box);
  await waitFor(async () => expect((await db.settings.get(remoteImagesKey('remote-demo')))?.value).toBe(false));
});

test("an Anki note type's CSS styles the card's box (Anki's .card) and nothing else, with nothing loaded", async () => {
  // jsdom has constructable stylesheets but no document.adoptedStyleSheets: give it one for the test.
  let adopted: CSSStyleSheet[] = [];
  Object.defineProperty(document, 'adoptedStyleSheets', {
    configurable: true,
    get: () => adopted,
    set: (v: CSSStyleSheet[]) => (adopted = v),
  });
  try {
    await freshDb(styledDeck);
    const { unmount } = openApp('#/review/styled');
    await review.waitForCard();
    const box = await waitFor(() => {
      const b = review.card()!.querySelector<HTMLElement>('.card-scope');
      expect(b).not.toBeNull();
      return b!;
    });
    const scope = [...box.classList].find((c) => c.startsWith('dd-nt-'))!;
    expect(box).toHaveClass('dd-card1');
    expect(box.querySelector('.q')).toHaveTextContent('Styled');
    // The app's own controls are outside the box.
    expect(box.querySelector('.answer-bar')).toBeNull();
    expect(adopted).toHaveLength(1);
    const rules = [...adopted[0]!.cssRules].map((r) => r.cssText);
    expect(rules.join('\n')).not.toMatch(/import|url\(|body/);
    expect(rules[0]).toMatch(new RegExp(`^\\.${scope} \\{ ?color: rgb\\(1, 2, 3\\);? ?\\}$`));
    expect(rules.every((r) => r.startsWith(`.${scope}`))).toBe(true);
    // Leaving the card takes its sheet away.
    unmount();
    expect(adopted).toHaveLength(0);
  } finally {
    delete (document as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
  }
});
