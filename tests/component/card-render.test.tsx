// @vitest-environment jsdom
// Cards render as a user should see them, in both languages: every card type, code, trait tables, the sanitiser,
// and every card of the built-in decks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import { writeSettings } from '../../src/db/settings-repo';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { parseDeckText } from '../../src/formats/dockdeck/validate';
import { expandDeck } from '../../src/domain/study-card';
import type { Lang } from '../../src/domain/text';
import { CardView } from '../../src/features/review/card-view';
import { freshDb, openApp, review } from './helpers';
import { demoDeck } from './fixtures';

async function studyIn(db: Awaited<ReturnType<typeof freshDb>>, lang: Lang) {
  await writeSettings(db.db, { ...DEFAULT_SETTINGS, study: { ...DEFAULT_SETTINGS.study, studyLang: lang } }, db.now());
}

test('basic card: Markdown code renders as code, scripts and event handlers are stripped, the note and source show', async () => {
  await freshDb(demoDeck);
  const { user } = openApp('#/review/demo');
  expect(await review.waitForCard()).toBe('demo/run-command');
  await review.revealByKey(user);
  const back = screen.getByTestId('card-back');
  expect(within(back).getByText('docker run').tagName).toBe('CODE');
  expect(back.querySelector('script')).toBeNull();
  expect(back.querySelector('[onerror]')).toBeNull();
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  expect(within(back).getByText('docker compose up').tagName).toBe('CODE');
  expect(back).toHaveTextContent('Source: doc.txt, “Intro”');
});

test('a source document is named by its title in the deck’s sources (in the interface’s language), not its file name', async () => {
  const titled = {
    ...demoDeck,
    sources: [{ doc: 'doc.txt', title: { en: 'Docker notes', zh: 'Docker 笔记' } }],
  };
  const db = await freshDb(titled);
  const { user, unmount } = openApp('#/review/demo');
  await review.waitForCard();
  await review.revealByKey(user);
  expect(screen.getByTestId('card-back')).toHaveTextContent('Source: Docker notes, “Intro”');
  expect(screen.getByTestId('card-back')).not.toHaveTextContent('doc.txt');
  unmount();
  await writeSettings(db.db, { ...DEFAULT_SETTINGS, study: { ...DEFAULT_SETTINGS.study, uiLang: 'zh' } }, db.now());
  const zh = openApp('#/review/demo');
  await review.waitForCard();
  await zh.user.keyboard(' ');
  expect(await screen.findByTestId('card-back')).toHaveTextContent('出处：Docker 笔记，“Intro”');
});

test('studying in Chinese shows Chinese text; the other language is shown on demand with L', async () => {
  const db = await freshDb(demoDeck);
  await studyIn(db, 'zh');
  const { user } = openApp('#/review/demo');
  await review.waitForCard();
  await waitFor(() => expect(screen.getByText('哪个命令启动容器？')).toBeInTheDocument());
  expect(screen.queryByText('Which command starts a container?')).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Also show English' })).toBeInTheDocument();
  await user.keyboard('l');
  expect(screen.getByText('Which command starts a container?')).toBeInTheDocument();
  await review.revealByKey(user);
  expect(within(screen.getByTestId('card-back')).getByText('docker run').tagName).toBe('CODE');
  expect(screen.getByTestId('card-back')).toHaveTextContent('命令');
});

test('cloze, mcq, type-in, compare and classify cards each work in the review screen', async () => {
  const { db } = await freshDb(demoDeck);
  const { user } = openApp('#/review/demo');
  const answer = async (key = '3') => {
    const id = review.cardId();
    await user.keyboard(key);
    return review.waitForOtherCard(id);
  };
  await review.waitForCard();
  await review.revealByKey(user);

  // Cloze: the front hides the deletion, the back shows it marked.
  expect(await answer()).toBe('demo/language:c1');
  expect(review.card()!.querySelector('mark.cloze')).toHaveTextContent('[…]');
  expect(review.card()).not.toHaveTextContent('Go.');
  await review.revealByKey(user);
  expect(review.card()!.querySelector('mark.cloze')).toHaveTextContent('Go');

  // MCQ: pick with a letter key (the letter the choice shows: review shuffles the choices), the right choice and
  // the wrong pick are marked after the answer is shown.
  const letterOf = (name: RegExp) =>
    screen.getByRole('button', { name }).querySelector('kbd')!.textContent!.toLowerCase();
  expect(await answer()).toBe('demo/kernel');
  await user.keyboard(letterOf(/A hypervisor/));
  expect(screen.getByRole('button', { name: /A hypervisor/ })).toHaveAttribute('aria-pressed', 'true');
  await review.revealByKey(user);
  expect(screen.getByRole('button', { name: /The host kernel/ })).toHaveAttribute('data-state', 'right');
  expect(screen.getByRole('button', { name: /A hypervisor/ })).toHaveAttribute('data-state', 'wrong');
  expect(screen.getByText('All containers on a host use its kernel.')).toBeInTheDocument();

  // Type-in: typing does not trigger shortcuts; Enter checks; a small typo is forgiven.
  expect(await answer()).toBe('demo/limits');
  const input = screen.getByRole('textbox', { name: 'Your answer' });
  await user.type(input, 'Cgrups 13u');
  expect(input).toHaveValue('Cgrups 13u');
  expect(await db.reviewLogs.count()).toBe(3);
  await user.clear(input);
  await user.type(input, 'CGroup{Enter}');
  expect(await screen.findByRole('status')).toHaveTextContent('Correct');

  // Compare card from the trait table: the back is a table with both columns.
  expect(await answer()).toBe('demo/table:vs/boot');
  expect(review.card()).toHaveTextContent('Start-up time');
  await review.revealByKey(user);
  const table = within(review.card()!).getByRole('table');
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['Container', 'VM']);
  expect(
    within(table)
      .getAllByRole('cell')
      .map((c) => c.textContent?.trim()),
  ).toEqual(['Seconds', 'Minutes']);

  // Classify card from a table cell: which column does "Seconds" belong to?
  expect(await answer()).toBe('demo/table:vs/boot:container');
  expect(review.card()).toHaveTextContent('Seconds');
  await user.keyboard(letterOf(/Container/));
  await review.revealByKey(user);
  expect(screen.getByRole('button', { name: /Container/ })).toHaveAttribute('data-state', 'right');
});

test('a wrong typed answer is marked wrong and shows the right one', async () => {
  const deck = { ...demoDeck, cards: demoDeck.cards.filter((c) => c.type === 'type-in'), tables: [] };
  await freshDb(deck);
  const { user } = openApp('#/review/demo');
  await review.waitForCard();
  await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'namespaces{Enter}');
  const verdict = await screen.findByRole('status');
  expect(verdict).toHaveTextContent('Not quite. The answer: cgroups');
});

// Every card of every built-in deck, both sides, both languages: renders, and shows real text.
const deckDir = join(import.meta.dirname, '..', '..', 'decks');
const builtIn = readdirSync(deckDir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => {
    const r = parseDeckText(f, readFileSync(join(deckDir, f), 'utf8'));
    if (!r.ok) throw new Error(`${f} is invalid`);
    return r.deck;
  });

test.each(builtIn.map((d) => [d.id, d] as const))(
  'every card of the built-in deck %s renders in en and zh',
  (_id, deck) => {
    const cards = expandDeck(deck);
    expect(cards.length).toBeGreaterThan(50);
    for (const card of cards) {
      for (const lang of ['en', 'zh'] as const) {
        const { container, unmount } = render(
          <CardView
            card={card}
            lang={lang}
            revealed
            choice={null}
            typed=""
            onChoose={() => {}}
            onType={() => {}}
            onSubmit={() => {}}
          />,
        );
        const text = container.textContent ?? '';
        // Front and back together hold more than the chrome around them, and nothing unrendered leaks through.
        expect(text.replace(/Source:.*$/, '').trim().length, `${card.id} (${lang})`).toBeGreaterThan(3);
        expect(text, `${card.id} (${lang})`).not.toMatch(/\{\{c\d+::/);
        if (lang === 'zh') expect(text, `${card.id} (zh)`).toMatch(/[\u3400-\u9fff]/);
        expect(container.querySelector('script, [onerror], [onclick]')).toBeNull();
        unmount();
      }
    }
  },
  // Hundreds of cards rendered twice each: minutes on a busy machine.
  180_000,
);
