// Checks that a minimal valid deck parses and a broken one names its card and field.
import { parseDeck } from '../../src/formats/dockdeck/validate';

const base = { format: 'dockdeck/deck@1', id: 'a', title: { en: 'A', zh: '甲' }, sources: [{ doc: 'd.txt' }] };

test('minimal deck parses', () => {
  const r = parseDeck('a.json', { ...base, cards: [] });
  expect(r.ok).toBe(true);
});

test('a card missing zh names file, card and field', () => {
  const r = parseDeck('a.json', {
    ...base,
    cards: [
      {
        id: 'c1',
        type: 'basic',
        front: { en: 'q' },
        back: { en: 'a', zh: '答' },
        source: { doc: 'd.txt', section: 's' },
      },
    ],
  });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.issues[0]).toMatchObject({ file: 'a.json', place: { card: 'c1' }, field: 'front.zh' });
});
