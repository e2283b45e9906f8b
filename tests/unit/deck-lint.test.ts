// The deck checks of issue #11 on small decks: each rule fires on what it names, and a sound deck passes.
import { parseDeck } from '../../src/formats/dockdeck/validate';
import type { Deck, DeckInput } from '../../src/domain/deck-schema';
import { lintDecks, normalise } from '../../scripts/lib/deck-lint';

const t = (en: string, zh = en) => ({ en, zh });
const source = { doc: 'doc.txt', section: 'Intro' };

function deck(id: string, cards: DeckInput['cards']): Deck {
  const r = parseDeck(`${id}.json`, {
    format: 'dockdeck/deck@1',
    id,
    title: t(id),
    sources: [{ doc: 'doc.txt' }],
    cards,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.deck;
}

const mcq = (id: string, answer: number, choices = ['Alpha one', 'Beta two', 'Gamma three']) => ({
  id,
  type: 'mcq' as const,
  source,
  question: t(`Which is ${id}?`),
  choices: choices.map((c) => t(c)),
  answer,
});

test('normalise folds case, Markdown, punctuation and spaces', () => {
  expect(normalise('  The **`runc`** runtime, (OCI)!  ')).toBe('the runc runtime oci');
});

test('a sound deck has no findings', () => {
  const good = deck('good', [
    mcq('a', 0),
    mcq('b', 1),
    mcq('c', 2),
    mcq('d', 1),
    { id: 'e', type: 'basic', source, front: t('What starts a container?'), back: t('docker run') },
  ]);
  expect(lintDecks([good])).toEqual([]);
});

test('each rule fires on what it names', () => {
  const one = deck('one', [
    { id: 'x', type: 'basic', source, front: t('What does runc do?'), back: t('It runs containers.') },
    { id: 'leak', type: 'basic', source, front: t('Is containerd a daemon?'), back: t('containerd') },
    mcq('a', 0),
    mcq('b', 0),
    mcq('c', 0, ['A much longer answer than any other one', 'Short', 'Brief']),
    mcq('d', 1),
  ]);
  const two = deck('two', [
    { id: 'y', type: 'reverse', source, front: t('What does *runc* do?'), back: t('It runs containers') },
  ]);
  const found = lintDecks([one, two]).map((f) => `${f.rule} ${f.cards.join(',')}`);
  expect(found).toEqual([
    'duplicate one/x,two/y',
    'answer-in-question one/leak',
    'mcq-position-skew one/a,one/b,one/c',
    'longest-choice one/c',
  ]);
});
