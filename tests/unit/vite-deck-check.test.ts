// A bad deck file breaks the build, naming file, card id and field; good decks are served with a content hash.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deckCheck } from '../../scripts/vite-deck-check';

const deck = (cards: unknown[]) =>
  JSON.stringify({
    format: 'dockdeck/deck@1',
    id: 'd',
    title: { en: 'D', zh: '丁' },
    sources: [{ doc: 'a.txt' }],
    cards,
  });
const card = {
  id: 'c1',
  type: 'basic',
  front: { en: 'Q', zh: '问' },
  back: { en: 'A', zh: '答' },
  source: { doc: 'a.txt', section: 'S' },
};

function plugin(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'decks-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const p = deckCheck(dir);
  const ctx = {
    error(msg: string): never {
      throw new Error(msg);
    },
    addWatchFile() {},
  };
  return {
    buildStart: () => (p.buildStart as unknown as (this: typeof ctx) => void).call(ctx),
    load: (id: string) => (p.load as unknown as (this: typeof ctx, id: string) => string | undefined).call(ctx, id),
  };
}

test('a deck with a wrong field fails the build with file, card and field', () => {
  const p = plugin({ 'd.json': deck([{ ...card, back: { en: 'A' } }]) });
  expect(() => p.buildStart()).toThrow('decks/d.json: card "c1" field "back.zh": is missing');
});

test('an unknown card type fails the build', () => {
  const p = plugin({ 'd.json': deck([card, { ...card, id: 'c2', type: 'flash' }]) });
  expect(() => p.buildStart()).toThrow(
    /card "c2" field "type": is "flash", but must be one of basic, reverse, cloze, mcq, classify, type-in/,
  );
});

test('duplicate card ids fail the build', () => {
  const p = plugin({ 'd.json': deck([card, card]) });
  expect(() => p.buildStart()).toThrow(
    'decks/d.json: card "c1" field "id": is used by more than one card: each card needs its own id',
  );
});

test('valid decks build, and the virtual module lists each with its id and a content hash', () => {
  const p = plugin({ 'd.json': deck([card]), 'deck.schema.json': '{}' });
  expect(() => p.buildStart()).not.toThrow();
  const code = p.load('\0virtual:builtin-decks')!;
  expect(code).toMatch(/file: "decks\/d.json", id: "d", hash: "[0-9a-f]{16}"/);
  expect(code).not.toContain('deck.schema.json');
});
