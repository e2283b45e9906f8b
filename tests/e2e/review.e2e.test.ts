// E2E: a first review session in a fresh browser — answers, the intervals on the buttons, what IndexedDB keeps, undo.
import { describe, expect, test } from 'vitest';
import { idb, intervalMatchesLabel, library, review, browserPerTest, type Rating } from './browser';

const session = browserPerTest();
const DECK = 'containers-vs-vms';

describe('review session', () => {
  test('the library lists the built-in decks, each with 20 new cards for today', async () => {
    const { page } = session();
    await library.open(page);
    const ids = await library.deckIds(page);
    expect(ids.slice().sort()).toEqual([
      'containers-today',
      'containers-vs-vms',
      'docker-architecture',
      'virtualization',
    ]);
    for (const id of ids) expect(await library.counts(page, id)).toEqual({ new: 20, learning: 0, due: 0 });
    // Nothing was answered yet.
    expect(await idb.read(page, 'reviewLogs')).toEqual([]);
  });

  test('five answers are stored as shown on the buttons and survive a reload', async () => {
    const { page } = session();
    // Midday, so every learning step falls on the same study day (days start at 4 a.m.).
    await page.clock.install({ time: new Date('2026-03-10T12:00:00Z') });
    await library.open(page);
    await library.study(page, DECK);
    expect(await review.answered(page)).toBe(0);

    const ratings: Rating[] = ['again', 'hard', 'good', 'easy', 'good'];
    const answered: Array<{ cardId: string; rating: Rating; label: string; kind: string }> = [];
    for (const [i, rating] of ratings.entries()) {
      const cardId = await review.currentCardId(page);
      const kind = (await review.isTypeIn(page)) ? 'type-in' : 'other';
      await review.reveal(page);
      const labels = await review.intervals(page);
      // A new card: the learning steps 1m and 10m, hard in between, easy in days.
      expect(labels).toMatchObject({ again: '1m', hard: '6m', good: '10m', easy: expect.stringMatching(/^\d+d$/) });
      expect(await page.getAttribute(`button.grade[data-rating="${rating}"]`, 'aria-label')).toMatch(
        new RegExp(`^${rating}, ${labels[rating]}$`, 'i'),
      );
      await review.grade(page, rating);
      expect(await review.answered(page)).toBe(i + 1);
      answered.push({ cardId, rating, label: labels[rating], kind });
    }
    expect(new Set(answered.map((a) => a.cardId)).size).toBe(5);
    // The deck's fourth card is a type-in card: Enter in its field showed the answer.
    expect(answered.map((a) => a.kind)).toContain('type-in');

    // The reload lands on the same deck's review (the route is in the URL), as a new session.
    expect(page.url()).toMatch(new RegExp(`#/review/${DECK}$`));
    await page.reload();
    await review.waitSettled(page);
    // The undo stack belongs to the session: after a reload there is nothing to undo.
    expect(await review.answered(page)).toBe(0);
    expect(await page.locator('.review-footer button[aria-keyshortcuts~="U"]').isDisabled()).toBe(true);
    // Back in the library: 5 of today's 20 new cards were introduced; easy sent one to review in days.
    await library.navigate(page);
    expect(await library.counts(page, DECK)).toEqual({ new: 15, learning: 4, due: 0 });
    await library.study(page, DECK);

    const logs = (await idb.read(page, 'reviewLogs')).sort((a, b) => a.review - b.review);
    expect(logs.map((l) => [l.cardId, l.rating])).toEqual(answered.map((a) => [a.cardId, a.rating]));
    const cards = await idb.read(page, 'cards');
    for (const [i, log] of logs.entries()) {
      const card = cards.find((c) => c.id === log.cardId)!;
      expect(card, log.cardId).toBeDefined();
      expect(log.deckId).toBe(DECK);
      expect(log.state, 'logged as a new card').toBe(0);
      expect(log.before.reps).toBe(0);
      expect({ reps: card.reps, state: card.state, due: card.due }).toEqual({
        reps: log.after.reps,
        state: log.after.state,
        due: log.after.due,
      });
      expect(card.reps).toBe(1);
      expect(card.lastReview).toBe(log.review);
      const label = answered[i]!.label;
      expect(
        intervalMatchesLabel(card.due - log.review, label),
        `${log.rating}: due in ${card.due - log.review} ms, button said ${label}`,
      ).toBe(true);
    }
    // Again, hard and good keep a card in learning; easy sends it to review.
    expect(logs.map((l) => l.after.state)).toEqual([1, 1, 1, 2, 1]);
  });

  test('undo within a session takes the answer back and shows the card again', async () => {
    const { page } = session();
    await library.open(page);
    await library.study(page, DECK);
    const first = await review.currentCardId(page);
    expect((await idb.card(page, first)).reps).toBe(0);

    await review.reveal(page);
    await review.grade(page, 'good');
    expect(await review.currentCardId(page)).not.toBe(first);
    const [log] = await idb.read(page, 'reviewLogs');
    expect(log?.cardId).toBe(first);
    expect(await idb.card(page, first)).toMatchObject({ reps: 1, state: 1 });
    const undoButton = page.locator('.review-footer button[aria-keyshortcuts~="U"]');
    expect(await undoButton.isEnabled()).toBe(true);

    await review.undo(page);
    await review.waitForCard(page, first);
    // Shown again from the front, not with the answer open.
    expect(await page.locator('article.card button.grade').count()).toBe(0);
    expect(await idb.read(page, 'reviewLogs')).toEqual([]);
    expect(await idb.card(page, first)).toMatchObject({ reps: 0, state: 0, lastReview: null, due: log!.before.due });
    expect(await undoButton.isDisabled()).toBe(true);

    // Answering it again works as the first time.
    await review.reveal(page);
    await review.grade(page, 'easy');
    const logs = await idb.read(page, 'reviewLogs');
    expect(logs.map((l) => [l.cardId, l.rating])).toEqual([[first, 'easy']]);
    expect(await idb.card(page, first)).toMatchObject({ reps: 1, state: 2 });
  });
});
