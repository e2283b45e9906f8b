// @vitest-environment jsdom
// Imported cards show their images and sounds from the media stored with the deck, through the sanitiser.
import { waitFor } from '@testing-library/react';
import { contentMediaNames, mediaNames, resolveMedia } from '../../src/domain/media-refs';
import { freshDb, openApp, review } from './helpers';

const source = { doc: 'cats.apkg', section: 'Cats' };
const deck = {
  format: 'dockdeck/deck@1' as const,
  id: 'anki-cats',
  title: { en: 'Cats', zh: 'Cats' },
  sources: [{ doc: 'cats.apkg' }],
  cards: [
    {
      id: 'g-cat',
      type: 'basic' as const,
      source,
      front: {
        en: 'Who is this? <img src="cat one.jpg" onerror="alert(1)">',
        zh: 'Who is this? <img src="cat one.jpg" onerror="alert(1)">',
      },
      back: { en: 'Tom [sound:meow.mp3] <img src="missing.png">', zh: 'Tom [sound:meow.mp3] <img src="missing.png">' },
    },
  ],
};

beforeAll(() => {
  let n = 0;
  URL.createObjectURL = () => `blob:test/${n++}`;
  URL.revokeObjectURL = () => {};
});

test('media names are found in img tags and sound tags, not in URLs', () => {
  expect(
    mediaNames(
      '<img src="a.png"><img src=\'b c.gif\'> [sound:d.mp3] <img src="https://x/y.png"> <img src="data:image/png;base64,AA">',
    ),
  ).toEqual(['a.png', 'b c.gif', 'd.mp3']);
  expect(contentMediaNames({ kind: 'basic', front: { en: '<img src=x.png>', zh: '[sound:y.ogg]' } })).toEqual([
    'x.png',
    'y.ogg',
  ]);
  expect(
    resolveMedia('[sound:a.mp3] <img src="b.png"> <img src="c.png">', (n) => (n === 'c.png' ? undefined : `blob:${n}`)),
  ).toBe('<audio controls preload="none" src="blob:a.mp3"></audio> <img src="blob:b.png"> <img src="c.png">');
});

test('an imported card shows its stored image and a player for its sound; event handlers and missing files do not get through', async () => {
  const { db } = await freshDb(deck);
  await db.media.bulkPut([
    { deckId: 'anki-cats', name: 'cat one.jpg', type: 'image/jpeg', data: new Blob(['jpg']), size: 3 },
    { deckId: 'anki-cats', name: 'meow.mp3', type: 'audio/mpeg', data: new Blob(['mp3']), size: 3 },
  ]);
  const { user } = openApp('#/review/anki-cats');
  await review.waitForCard();
  await waitFor(() => expect(review.card()!.querySelector('img')?.getAttribute('src')).toMatch(/^blob:/));
  expect(review.card()!.querySelector('[onerror]')).toBeNull();
  // One-language cards offer no "other language".
  expect(review.card()).not.toHaveTextContent(/Also show/);
  await review.revealByKey(user);
  await waitFor(() => expect(review.card()!.querySelector('audio')?.getAttribute('src')).toMatch(/^blob:/));
  const srcs = [...review.card()!.querySelectorAll('img')].map((i) => i.getAttribute('src'));
  expect(srcs.every((s) => s === null || s.startsWith('blob:'))).toBe(true);
});

test('regression: an HTML deck (from Anki) is not run through Markdown, but is still sanitised', async () => {
  const html = {
    ...deck,
    id: 'anki-html',
    textFormat: 'html' as const,
    cards: [
      {
        id: 'g-stars',
        type: 'basic' as const,
        source,
        front: { en: '2 * 3 * 4 = ? <b>bold</b>', zh: '2 * 3 * 4 = ? <b>bold</b>' },
        back: { en: '# 24 _is_ it<script>x()</script>', zh: '# 24 _is_ it<script>x()</script>' },
      },
    ],
  };
  await freshDb(html);
  const { user } = openApp('#/review/anki-html');
  await review.waitForCard();
  await waitFor(() => expect(review.card()).toHaveTextContent('2 * 3 * 4 = ? bold'));
  expect(review.card()!.querySelector('em')).toBeNull();
  expect(review.card()!.querySelector('b')).toHaveTextContent('bold');
  await review.revealByKey(user);
  expect(review.card()).toHaveTextContent('# 24 _is_ it');
  expect(review.card()!.querySelector('h1, script')).toBeNull();
});

test('a card list mixing decks draws each card as its own deck writes text (HTML deck vs Markdown deck)', async () => {
  const { render } = await import('@testing-library/react');
  const { ReviewScreen } = await import('../../src/features/review/review-screen');
  const { SettingsProvider } = await import('../../src/db/react/use-settings');
  const { loadCardListQueue } = await import('../../src/db/quiz-repo');
  const { upsertDeck } = await import('../../src/db/deck-repo');
  const { parseDeck } = await import('../../src/formats/dockdeck/validate');
  const { expandDeck } = await import('../../src/domain/study-card');
  const userEvent = (await import('@testing-library/user-event')).default;

  const { db } = await freshDb();
  const text = (s: string) => ({ en: s, zh: s });
  const make = (id: string, textFormat: 'html' | 'markdown', front: string) => {
    const parsed = parseDeck(`${id}.json`, {
      ...deck,
      id,
      textFormat,
      cards: [{ id: 'c', type: 'basic', source, front: text(front), back: text('back') }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return parsed.deck;
  };
  for (const d of [make('anki-html', 'html', '2*3*4'), make('md', 'markdown', 'a *stressed* word')])
    await upsertDeck(db, d, expandDeck(d), { hash: d.id, builtin: false, now: 0 });

  const user = userEvent.setup();
  render(
    <SettingsProvider>
      <ReviewScreen
        deckId="mistakes/x"
        deckTitle="Mistakes"
        cardList={{ ids: ['anki-html/c', 'md/c'], load: (...args) => loadCardListQueue(db, ...args) }}
        onExit={() => {}}
      />
    </SettingsProvider>,
  );
  const seen: Record<string, string> = {};
  for (let i = 0; i < 2; i++) {
    const id = i === 0 ? await review.waitForCard() : await review.waitForOtherCard(Object.keys(seen)[0]!);
    seen[id] = review.card()!.querySelector('.card-front')!.innerHTML;
    await review.revealByKey(user);
    await user.keyboard('3');
  }
  expect(seen['anki-html/c']).toContain('2*3*4');
  expect(seen['anki-html/c']).not.toContain('<em>');
  expect(seen['md/c']).toContain('<em>stressed</em>');
});
