// Editing a card: refused per field when it would be invalid, written in one transaction keeping each study card's
// memory, removing what the edit removes (its log kept); a built-in card's edit survives an update of the deck.
import { DockdeckDB } from '../../src/db/database';
import { applyNoteEdits, noteEditsOf, restoreOriginal, saveCardEdit } from '../../src/db/card-edit-repo';
import { upsertDeck } from '../../src/db/deck-repo';
import { answerCard } from '../../src/db/review-repo';
import type { Deck, DeckCard } from '../../src/domain/deck-schema';
import { IssueError } from '../../src/domain/errors';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import { issueText } from '../../src/formats/issue-text';

const T = new Date('2026-03-02T10:00:00');
const t = (en: string, zh = `${en}（中）`) => ({ en, zh });
const source = { doc: 'x.txt', section: 'S' };
const cloze: DeckCard = {
  id: 'stack',
  type: 'cloze',
  tags: [],
  source,
  text: t('{{c1::dockerd}} → {{c2::containerd}} → {{c3::runc}}'),
};
const basic: DeckCard = {
  id: 'kernel',
  type: 'basic',
  tags: [],
  source,
  front: t('Whose kernel?'),
  back: t('The host’s'),
};
const deck = (cards: DeckCard[], builtin = true): { deck: Deck; builtin: boolean } => ({
  deck: {
    format: 'dockdeck/deck@1',
    id: 'd',
    title: t('D'),
    tags: [],
    sources: [{ doc: 'x.txt' }],
    tables: [],
    cards,
  },
  builtin,
});

let db: DockdeckDB;
beforeEach(async () => {
  db = new DockdeckDB(`edit-${Math.random().toString(36).slice(2)}`);
  const { deck: d } = deck([basic, cloze]);
  await upsertDeck(db, d, expandDeck(d), { hash: 'h1', builtin: true, now: T.getTime() });
});
afterEach(async () => {
  await db.delete();
});

test('an invalid edit is refused with a message per field, and nothing is written', async () => {
  const before = await db.cards.toArray();
  const bad = { ...basic, front: t('  ') } as DeckCard;
  const error = await saveCardEdit(db, 'd', bad, T.getTime()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(IssueError);
  expect((error as IssueError).issues.map((i) => issueText(i, 'en'))).toEqual([
    'd.json: card "kernel" field "front.en": must not be empty',
  ]);
  const noGap = { ...cloze, text: t('no gap here') } as DeckCard;
  await expect(saveCardEdit(db, 'd', noGap, T.getTime())).rejects.toBeInstanceOf(IssueError);
  expect(await db.cards.toArray()).toEqual(before);
  expect(await db.noteEdits.count()).toBe(0);
});

test('an edit with a script, an event handler or a javascript: link is refused by field, as the import would; code in backticks is text', async () => {
  const before = await db.cards.toArray();
  const bad = {
    ...basic,
    front: t('Whose <img src=x onerror="alert(1)"> kernel?', 'Whose kernel?'),
    back: t('[x](javascript:alert(1))', '<script>alert(1)</script>'),
  } as DeckCard;
  const error = await saveCardEdit(db, 'd', bad, T.getTime()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(IssueError);
  const lines = (lang: 'en' | 'zh') => (error as IssueError).issues.map((i) => issueText(i, lang));
  expect(lines('en')).toEqual([
    'd.json: card "kernel" field "front.en": contains active content (an event handler attribute (on…=)): a card may not hold scripts, event handlers or javascript: links (write code in `backticks` to show it as text)',
    'd.json: card "kernel" field "back.en": contains active content (a javascript: link): a card may not hold scripts, event handlers or javascript: links (write code in `backticks` to show it as text)',
    'd.json: card "kernel" field "back.zh": contains active content (a <script> element): a card may not hold scripts, event handlers or javascript: links (write code in `backticks` to show it as text)',
  ]);
  expect(lines('zh')[2]).toMatch(/含有可执行的内容.*卡片中不能有脚本/);
  expect(await db.cards.toArray()).toEqual(before);
  // A lesson about them, in code, is saved.
  await saveCardEdit(db, 'd', { ...basic, back: t('`<script>` runs; `onerror=` too') } as DeckCard, T.getTime());
  expect((await db.cards.get('d/kernel'))?.content).toMatchObject({ back: t('`<script>` runs; `onerror=` too') });
});

test('an edit keeps each remaining study card with its memory, removes a dropped cloze number, adds a new one', async () => {
  await answerCard(db, 'd/stack:c1', 'good', T, { durationMs: 1, settings: DEFAULT_SCHEDULER_SETTINGS });
  await answerCard(db, 'd/stack:c3', 'good', T, { durationMs: 1, settings: DEFAULT_SCHEDULER_SETTINGS });
  const c1 = (await db.cards.get('d/stack:c1'))!;
  const edited = {
    ...cloze,
    text: t('{{c1::dockerd}} → {{c2::containerd}} → shim → runc, and {{c4::BuildKit}}'),
  } as DeckCard;
  const result = await saveCardEdit(db, 'd', edited, T.getTime() + 1000);
  expect(result).toEqual({ kept: ['d/stack:c1', 'd/stack:c2'], added: ['d/stack:c4'], removed: ['d/stack:c3'] });
  const after = (await db.cards.get('d/stack:c1'))!;
  expect([after.reps, after.due, after.stability]).toEqual([c1.reps, c1.due, c1.stability]);
  expect(after.content).toMatchObject({ kind: 'cloze', text: edited.type === 'cloze' ? edited.text : null });
  expect(await db.cards.get('d/stack:c3')).toBeUndefined();
  // The removed card's answer stays in the log.
  expect((await db.reviewLogs.toArray()).map((l) => l.cardId).sort()).toEqual(['d/stack:c1', 'd/stack:c3']);
  expect((await db.cards.get('d/stack:c4'))!.reps).toBe(0);
});

test("a built-in card's edit wins when the deck file is updated, until the original is restored", async () => {
  const mine = { ...basic, back: t('The host’s kernel: a container has none of its own') } as DeckCard;
  await saveCardEdit(db, 'd', mine, T.getTime());
  expect(await noteEditsOf(db, 'd')).toHaveLength(1);
  // The file changes that card and another.
  const file = deck([
    { ...basic, back: t('The host kernel') } as DeckCard,
    { ...cloze, extra: t('Since 2016') } as DeckCard,
  ]).deck;
  const { deck: merged, edited } = applyNoteEdits(file, await noteEditsOf(db, 'd'));
  expect(edited).toBe(1);
  await upsertDeck(db, merged, expandDeck(merged), { hash: 'h2', builtin: true, now: T.getTime() + 1 });
  expect((await db.cards.get('d/kernel'))!.content).toMatchObject({ back: mine.type === 'basic' ? mine.back : null });
  expect((await db.cards.get('d/stack:c1'))!.content).toMatchObject({ extra: t('Since 2016') });
  // Restore the original: the file's version, and the edit is gone.
  await restoreOriginal(db, 'd', file.cards[0]!, T.getTime() + 2);
  expect((await db.cards.get('d/kernel'))!.content).toMatchObject({ back: t('The host kernel') });
  expect(await noteEditsOf(db, 'd')).toEqual([]);
});

test("a user deck's edit is not kept as a built-in edit", async () => {
  const { deck: u } = deck([{ ...basic }], false);
  const user = { ...u, id: 'u' };
  await upsertDeck(db, user, expandDeck(user), { hash: 'x', builtin: false, now: T.getTime(), origin: 'csv' });
  await saveCardEdit(db, 'u', { ...basic, front: t('Whose kernel do containers use?') } as DeckCard, T.getTime());
  expect((await db.cards.get('u/kernel'))!.content).toMatchObject({ front: t('Whose kernel do containers use?') });
  expect(await db.noteEdits.count()).toBe(0);
});
