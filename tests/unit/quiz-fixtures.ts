// Decks for the quiz tests: the built-in decks as a quiz source, and small hand-made decks with known siblings.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Deck, DeckInput } from '../../src/domain/deck-schema';
import { parseDeck, parseDeckText } from '../../src/formats/dockdeck/validate';
import type { QuizCard } from '../../src/domain/quiz/facts';
import type { QuizSource } from '../../src/domain/quiz/generate';
import { CardState } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';

export const t = (en: string, zh: string) => ({ en, zh });
export const source = { doc: 'doc.txt', section: 'Intro' };

export function parsed(input: DeckInput): Deck {
  const r = parseDeck('test.json', input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.deck;
}

export function quizSource(decks: Deck[]): QuizSource & { cards: QuizCard[] } {
  return {
    cards: decks.flatMap((d) => expandDeck(d).map((c) => ({ ...c, state: CardState.New }))),
    decks: decks.map((d) => ({ id: d.id, title: d.title, tables: d.tables, interviews: d.interviews })),
  };
}

/** The built-in decks, in file-name order (the table tests take the first: containers-vs-vms). */
export const BUILTIN_IDS = ['containers-vs-vms', 'containers-today', 'docker-architecture', 'virtualization'];

export function builtinDecks(): Deck[] {
  return BUILTIN_IDS.map((id) => {
    const r = parseDeckText(id, readFileSync(resolve(import.meta.dirname, '../../decks', `${id}.json`), 'utf8'));
    if (!r.ok) throw new Error(`built-in deck ${id} does not validate`);
    return r.deck;
  });
}

/** A deck of basic cards whose answers are terms: `n` cards, tags cycling through `tags`. */
export function termDeck(
  id: string,
  n: number,
  tags: string[] = [],
  words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'],
): DeckInput {
  return {
    format: 'dockdeck/deck@1',
    id,
    title: t(`Deck ${id}`, `卡组 ${id}`),
    sources: [{ doc: 'doc.txt' }],
    cards: Array.from({ length: n }, (_, i) => ({
      id: `c${i}`,
      type: 'basic' as const,
      source: { doc: 'doc.txt', section: `S${i % 2}` },
      tags: tags.length ? [tags[i % tags.length]!] : [],
      front: t(`${id} question ${i}?`, `${id} 问题 ${i}？`),
      back: t(`${id} ${words[i % words.length]} ${i}`, `${id} 答案 ${words[i % words.length]} ${i}`),
    })),
  };
}
