// @vitest-environment jsdom
// Issue 12, "found when tried as a new user would": an answered choice says right and wrong in words and in a live
// region (not by a tint alone), in review and quiz; a cloze answer has no empty block or rule above it; an Anki
// template's own rule is not doubled; the source line shows only for decks that cite sources.
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { screen, waitFor, within } from '@testing-library/react';
import { importDrafts } from '../../src/db/import-repo';
import { upsertDeck } from '../../src/db/deck-repo';
import { writeSettings } from '../../src/db/settings-repo';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { expandDeck } from '../../src/domain/study-card';
import { readAnkiPackage } from '../../src/formats/anki/read-package';
import { suggestMapping } from '../../src/formats/csv/mapping';
import { parseCsvText } from '../../src/formats/csv/parse';
import { buildCsvDrafts } from '../../src/formats/csv/read-cards';
import { parseDeck } from '../../src/formats/dockdeck/validate';
import { buildLegacyApkg, type BuildNotetype } from '../unit/helpers/anki-build';
import { freshDb, openApp, review } from './helpers';
import { demoDeck } from './fixtures';
import { quiz, setQuizPrefs, termsDeck } from './quiz-helpers';

vi.setConfig({ testTimeout: 20_000 });

type Db = Awaited<ReturnType<typeof freshDb>>;
const only = (type: string) => ({ ...demoDeck, cards: demoDeck.cards.filter((c) => c.type === type), tables: [] });
const card = () => review.card()!;

async function interfaceIn(db: Db, lang: 'en' | 'zh') {
  await writeSettings(db.db, { ...DEFAULT_SETTINGS, study: { ...DEFAULT_SETTINGS.study, uiLang: lang } }, db.now());
}

/** The letter a choice shows on screen (review shuffles the choices). */
const letterOf = (name: RegExp) =>
  within(card()).getByRole('button', { name }).querySelector('kbd')!.textContent!.toLowerCase();

describe('an answered choice says right and wrong in words, and in a live region', () => {
  test('review: the right option, the wrong pick, and the result announced', async () => {
    await freshDb(only('mcq'));
    const { user } = openApp('#/review/demo');
    await review.waitForCard();
    // The live region is there, empty, before the answer is shown (so that what comes into it is announced).
    const live = within(card()).getByRole('status');
    expect(live).toHaveTextContent(/^$/);
    const wrong = letterOf(/A hypervisor/);
    const right = letterOf(/The host kernel/);
    await user.keyboard(wrong);
    await review.revealByKey(user);

    expect(within(card()).getByRole('button', { name: /The host kernel/ })).toHaveAccessibleName(
      `${right.toUpperCase()} The host kernel Correct answer`,
    );
    expect(within(card()).getByRole('button', { name: /A hypervisor/ })).toHaveAccessibleName(
      `${wrong.toUpperCase()} A hypervisor Your answer: wrong`,
    );
    expect(within(card()).getByRole('button', { name: /Nothing/ })).toHaveAccessibleName(/^[A-C] Nothing$/);
    // The icons are seen, not read (the words say it).
    expect(card().querySelector('[data-result="right"]')).toHaveTextContent('✓ Correct answer');
    expect(card().querySelector('[data-result="wrong"]')).toHaveTextContent('✗ Your answer: wrong');
    expect(within(card()).getByRole('status')).toHaveTextContent(
      `Not quite: you chose ${wrong.toUpperCase()}. The answer is ${right.toUpperCase()}: The host kernel`,
    );
  });

  test('review in the Chinese interface: the right pick says so in Chinese', async () => {
    const db = await freshDb(only('mcq'));
    await interfaceIn(db, 'zh');
    const { user } = openApp('#/review/demo');
    await review.waitForCard();
    const right = letterOf(/The host kernel/);
    await user.keyboard(right);
    await user.keyboard(' ');
    await waitFor(() => expect(card().querySelector('[data-result]')).not.toBeNull());
    expect(card().querySelector('[data-result="right-chosen"]')).toHaveTextContent('✓ 你的答案：正确');
    expect(within(card()).getByRole('status')).toHaveTextContent(
      `正确。答案是 ${right.toUpperCase()}： The host kernel`,
    );
  });

  test('quiz: mcq options are marked, and the verdict is in a live region that was there before', async () => {
    const clock = await freshDb(termsDeck(12));
    await setQuizPrefs(clock.db, { length: 2, kinds: ['mcq'] }, clock.now());
    const { user } = openApp('#/quiz');
    await quiz.start(user);
    const live = within(document.querySelector('article.quiz-card')!).getByRole('status');
    expect(live).toBeEmptyDOMElement();
    await quiz.answer(user, false);
    const marks = [...document.querySelectorAll('.choices [data-result]')].map((m) => m.textContent);
    expect(marks.sort()).toEqual(['✓ Correct answer', '✗ Your answer: wrong']);
    expect(live).toContainElement(screen.getByTestId('quiz-verdict'));
    expect(live).toHaveTextContent(/^Not quite\./);
  });

  test('quiz: a true/false answer marks the right option and the pick', async () => {
    const clock = await freshDb(termsDeck(12));
    await setQuizPrefs(clock.db, { length: 2, kinds: ['true-false'] }, clock.now());
    const { user } = openApp('#/quiz');
    await quiz.start(user);
    await quiz.answer(user, true);
    const marks = [...document.querySelectorAll('.choices [data-result]')].map((m) => m.textContent);
    expect(marks).toEqual(['✓ Your answer: correct']);
  });
});

test('a revealed cloze shows its text where the question was: no empty block and no rule above it', async () => {
  await freshDb(only('cloze'));
  const { user } = openApp('#/review/demo');
  await review.waitForCard();
  await review.revealByKey(user);
  const view = card().querySelector('.card-view')!;
  // The answer is the view's first (and only) part, and it starts with the text itself.
  expect(view.children).toHaveLength(1);
  const back = screen.getByTestId('card-back');
  expect(view.firstElementChild).toBe(back);
  expect(back.firstElementChild).toHaveClass('card-text');
  expect(back.firstElementChild).toHaveTextContent('Docker is written in Go.');
  expect(card().querySelectorAll('hr')).toHaveLength(0);
  // Nothing in the answer is an empty box.
  for (const el of back.querySelectorAll('div, p')) expect(el.textContent!.trim(), el.outerHTML).not.toBe('');
});

describe('imported decks', () => {
  let SQL: SqlJsStatic;
  beforeAll(async () => {
    SQL = await initSqlJs();
  });

  const basicWith = (id: number, afmt: string): BuildNotetype => ({
    id,
    name: `Basic ${id}`,
    fields: ['Front', 'Back'],
    templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt }],
  });

  test.each([
    ['{{FrontSide}}<hr id=answer>{{Back}}', 'an <hr id=answer>'],
    ['{{FrontSide}}\n\n<hr>\n\n{{Back}}', 'a plain <hr>'],
  ])('an Anki card whose answer is %j has exactly one rule (%s)', async (afmt) => {
    const { db, now } = await freshDb();
    const apkg = buildLegacyApkg(SQL, {
      notetypes: [basicWith(1, afmt)],
      decks: [{ id: 1, name: 'Default' }],
      notes: [
        { id: 10, guid: 'n1', mid: 1, fields: ['Capital of France?', 'Paris'], cards: [{ id: 11, ord: 0, deck: 1 }] },
      ],
    });
    const { drafts } = await readAnkiPackage(apkg, {
      fileName: 'geo.apkg',
      includeScheduling: false,
      sql: SQL,
      now: new Date(now()),
    });
    await importDrafts(db, drafts, { now: now(), includeScheduling: false });
    const { user } = openApp(`#/review/${drafts[0]!.deck.id}`);
    await review.waitForCard();
    await review.revealByKey(user);
    expect(card()).toHaveTextContent('Paris');
    expect(card().querySelectorAll('hr')).toHaveLength(1);
    // An Anki card's "source" is only its file and deck: not shown.
    expect(card().querySelector('.card-source')).toBeNull();
    expect(card()).not.toHaveTextContent('geo.apkg');
  });

  test('an imported CSV card shows no source line, in review and in the quiz', async () => {
    const { db, now } = await freshDb();
    const rows = Array.from({ length: 12 }, (_, i) => `word ${i},meaning ${i}`).join('\n');
    const parsed = await parseCsvText('vocab.csv', `front,back\n${rows}\n`);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const built = await buildCsvDrafts(parsed.value, suggestMapping(parsed.value));
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    await importDrafts(db, built.value.drafts, { now: now(), includeScheduling: false });

    const { user, unmount } = openApp('#/review/vocab');
    await review.waitForCard();
    await review.revealByKey(user);
    expect(card()).toHaveTextContent(/meaning \d+/);
    expect(card().querySelector('.card-source')).toBeNull();
    expect(card()).not.toHaveTextContent('vocab.csv');
    unmount();

    await setQuizPrefs(db, { length: 2, kinds: ['type-in'], scope: { kind: 'decks', deckIds: ['vocab'] } }, now());
    const again = openApp('#/quiz');
    await quiz.start(again.user);
    await again.user.keyboard('not it{Enter}');
    const verdict = await screen.findByTestId('quiz-verdict');
    expect(verdict).toHaveTextContent('Not quite.');
    expect(verdict.querySelector('.card-source')).toBeNull();
    expect(verdict).not.toHaveTextContent('vocab.csv');
  });

  test('a built-in card shows its source line', async () => {
    const { db, now } = await freshDb();
    const parsed = parseDeck('demo.json', only('basic'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    await upsertDeck(db, parsed.deck, expandDeck(parsed.deck), { hash: 'b', builtin: true, now: now() });
    expect((await db.decks.get('demo'))?.origin).toBe('builtin');
    const { user } = openApp('#/review/demo');
    await review.waitForCard();
    await review.revealByKey(user);
    expect(card().querySelector('.card-source')).toHaveTextContent('Source: doc.txt, “Intro”');
  });
});
