// The deck checks of issue #11 on small decks: each rule fires on what it names, and a sound deck passes.
import { parseDeck } from '../../src/formats/dockdeck/validate';
import type { Deck, DeckInput } from '../../src/domain/deck-schema';
import { lintDecks, normalise, similarCards } from '../../scripts/lib/deck-lint';
import { checkDeckAudits, type DeckAudit } from '../../scripts/lib/deck-audit';

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

test("a cloze whose answer the rest of its text says anyway is a leak; another number's answer shown is not", () => {
  const d = deck('cz', [
    {
      id: 'leaky',
      type: 'cloze',
      source,
      text: t(
        'Containers abstract the app from the operating system; hypervisors abstract the {{c1::operating system}}.',
      ),
    },
    { id: 'fine', type: 'cloze', source, text: t('{{c1::runc}} is started by the {{c2::shim}}.') },
  ]);
  expect(lintDecks([d]).map((f) => `${f.rule} ${f.cards.join(',')}`)).toEqual(['answer-in-question cz/leaky']);
});

test('classify items that ask the same as another card are duplicates', () => {
  const d = deck('cl', [
    {
      id: 'sort',
      type: 'classify',
      source,
      prompt: t('Container or VM?'),
      categories: [
        { id: 'c', label: t('Container') },
        { id: 'v', label: t('VM') },
      ],
      items: [{ id: 'k', text: t('Shares the host kernel'), category: 'c' }],
    },
    { id: 'basic', type: 'basic', source, front: t('Shares the host kernel'), back: t('Container') },
  ]);
  expect(lintDecks([d]).map((f) => `${f.rule} ${f.cards.join(',')}`)).toEqual(['duplicate cl/sort,cl/basic']);
});

describe('audit sidecars', () => {
  const one = deck('one', [
    { id: 'x', type: 'basic', source, front: t('What does runc do?'), back: t('It runs containers.') },
    { id: 'leak', type: 'basic', source, front: t('Is containerd a daemon?'), back: t('containerd') },
    {
      id: 'cz',
      type: 'cloze',
      source,
      text: t('{{c2::runc}} is started by the {{c3::shim}}.'),
    },
  ]);
  const audit = (a: Partial<DeckAudit>): Map<string, DeckAudit> =>
    new Map([['one', { retired: [], allow: [], uncited: [], ...a }]]);

  test('a finding allowed with a reason is left out; an allowance that matches nothing is a problem', () => {
    const r = checkDeckAudits(
      [one],
      audit({
        allow: [
          { rule: 'answer-in-question', card: 'one/leak', why: 'the question is about the name' },
          { rule: 'longest-choice', card: 'one/x', why: 'stale' },
        ],
      }),
    );
    expect(r.findings).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual(['allows longest-choice for one/x, which no longer has it']);
  });

  test('a retired id in use again, or a holder that is not a card, is a problem; a dropped cloze number is not in use', () => {
    const r = checkDeckAudits(
      [one],
      audit({
        allow: [{ rule: 'answer-in-question', card: 'one/leak', why: 'ok' }],
        retired: [
          { id: 'x', heldBy: null, why: 'reused by mistake' },
          { id: 'cz:c1', heldBy: 'one/cz', why: 'c1 dropped' },
          { id: 'gone', heldBy: 'other/nope', why: 'moved' },
          { id: 'gone-too', heldBy: 'one/cz:c2', why: 'a study card holds it' },
        ],
      }),
    );
    expect(r.problems.map((p) => p.message)).toEqual([
      'retired id "x" is in use again (ids key review history: choose a new one)',
      'retired "gone" is held by "other/nope", which is not a card',
    ]);
  });
});

test('cards asking the same fact in other words are reported as look-alikes; unrelated cards are not', () => {
  const a = deck('a', [
    {
      id: 'runc',
      type: 'basic',
      source,
      front: t('Which low-level runtime starts containers for containerd?'),
      back: t('runc, the OCI runtime'),
    },
    {
      id: 'etcd',
      type: 'basic',
      source,
      front: t('What is etcd?'),
      back: t('A Raft-based distributed key-value store'),
    },
  ]);
  const b = deck('b', [
    {
      id: 'runc2',
      type: 'basic',
      source,
      front: t('For containerd, which low-level runtime starts the containers?'),
      back: t('runc (the OCI runtime)'),
    },
  ]);
  expect(similarCards([a, b])).toEqual([{ a: 'a/runc', b: 'b/runc2', overlap: 1 }]);
});
