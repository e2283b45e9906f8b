// A deck of n basic cards (`c1`…`cn`, "Q1"/"A1"…) citing one document: the database tests' usual fixture.
import type { Deck } from '../../../src/domain/deck-schema';

export function basicDeck(n: number, opts: { id?: string; title?: string } = {}): Deck {
  const title = opts.title ?? 'Demo';
  return {
    format: 'dockdeck/deck@1',
    id: opts.id ?? 'demo',
    title: { en: title, zh: `${title}（中）` },
    tags: [],
    sources: [{ doc: 'doc.txt' }],
    tables: [],
    cards: Array.from({ length: n }, (_, i) => ({
      id: `c${i + 1}`,
      type: 'basic' as const,
      tags: [],
      source: { doc: 'doc.txt', section: 'Intro' },
      front: { en: `Q${i + 1}`, zh: `问${i + 1}` },
      back: { en: `A${i + 1}`, zh: `答${i + 1}` },
    })),
  };
}
