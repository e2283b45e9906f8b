// Test helpers that read like a user's actions: open the app on a deck, reveal, grade, undo.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/app';
import { DockdeckDB } from '../../src/db/database';
import { setDatabase } from '../../src/db/connection';
import { upsertDeck } from '../../src/db/deck-repo';
import { parseDeck } from '../../src/formats/dockdeck/validate';
import type { DeckInput } from '../../src/domain/deck-schema';
import { expandDeck } from '../../src/domain/study-card';
import { setClock } from '../../src/lib/clock';

let counter = 0;

/** A fresh database with the given deck in it, and a clock that tests move by hand. */
export async function freshDb(deck?: DeckInput, start = new Date(2026, 2, 2, 10, 0, 0).getTime()) {
  const db = setDatabase(new DockdeckDB(`component-${Date.now()}-${counter++}`));
  let now = start;
  setClock(() => now);
  if (deck) {
    const parsed = parseDeck('test.json', deck);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    await upsertDeck(db, parsed.deck, expandDeck(parsed.deck), { hash: 'test', builtin: false, now });
  }
  return {
    db,
    advance(ms: number) {
      now += ms;
    },
    now: () => now,
  };
}

export function openApp(hash: string) {
  window.location.hash = hash;
  const user = userEvent.setup();
  const utils = render(<App />);
  return { user, ...utils };
}

export const review = {
  card: () => document.querySelector<HTMLElement>('article.card'),
  cardId: () => document.querySelector<HTMLElement>('article.card')?.dataset.cardId ?? null,
  async waitForCard(): Promise<string> {
    await waitFor(() => expect(document.querySelector('article.card')).not.toBeNull(), { timeout: 10_000 });
    return review.cardId()!;
  },
  async waitForOtherCard(previous: string | null): Promise<string> {
    await waitFor(
      () => {
        const id = review.cardId();
        expect(id).not.toBeNull();
        expect(id).not.toBe(previous);
      },
      { timeout: 10_000 },
    );
    return review.cardId()!;
  },
  answered: () => Number(document.querySelector<HTMLElement>('section.review')?.dataset.answered ?? '0'),
  /** Waits until the queue on screen was read at `ms` or later. */
  async waitQueueAt(ms: number) {
    await waitFor(
      () =>
        expect(Number(document.querySelector('section.review')?.getAttribute('data-queue-at'))).toBeGreaterThanOrEqual(
          ms,
        ),
      { timeout: 10_000 },
    );
  },
  async waitForAnswered(n: number) {
    await waitFor(() => expect(review.answered()).toBe(n), { timeout: 10_000 });
  },
  intervals: () =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('button.grade')].map((b) => [b.dataset.rating!, b.dataset.interval!]),
    ),
  async revealByKey(user: ReturnType<typeof userEvent.setup>) {
    await user.keyboard(' ');
    await screen.findByRole('button', { name: /^Good,/ });
  },
};
