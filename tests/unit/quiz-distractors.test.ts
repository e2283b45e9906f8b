// Distractor choice: never the answer (in any spelling or language) or a repeat, drawn from the right pool, stable for a seed.
import fc from 'fast-check';
import { normalizeAnswer } from '../../src/domain/answer-match';
import {
  answerShape,
  isFairDistractor,
  pickDistractors,
  shapeDistance,
  siblingTier,
  type Candidate,
} from '../../src/domain/quiz/distractors';
import { normText, type QuizCard } from '../../src/domain/quiz/facts';
import { buildPool, buildQuestion } from '../../src/domain/quiz/card-questions';
import { generateQuiz } from '../../src/domain/quiz/generate';
import { rng } from '../../src/domain/quiz/random';
import { builtinDecks, parsed, quizSource, t, termDeck } from './quiz-fixtures';

const cand = (en: string, zh = en, tier = 0): Candidate => ({ text: t(en, zh), norm: normText(t(en, zh)), tier });
const answer = normText(t('cgroups', '控制组'));
const squeeze = (s: string) => normalizeAnswer(s).replace(/ /g, '');

describe('isFairDistractor', () => {
  test.each([
    ['the answer itself', 'cgroups', '控制组'],
    ['the answer in other case and punctuation', 'CGroups!', 'x'],
    ['the answer with other spacing', 'c groups', 'y'],
    ['the answer in the other language', 'namespaces', '控制组'],
    ['empty after normalising', '***', '…'],
    ['a near-duplicate of the answer', 'cgroups v2', 'x y'],
    ['the answer in the singular', 'cgroup', 'z w'],
  ])('refuses %s', (_why, en, zh) => {
    expect(isFairDistractor(normText(t(en, zh)), answer, [])).toBe(false);
  });

  test('refuses an option of give-away length, accepts one of similar length', () => {
    const long = 'a very long sentence that no one would take for a one-word answer';
    expect(isFairDistractor(normText(t(long, long)), answer, [])).toBe(false);
    expect(isFairDistractor(normText(t('namespaces', '命名空间')), answer, [])).toBe(true);
  });

  test('refuses an option already chosen', () => {
    const ns = normText(t('namespaces', '命名空间'));
    expect(isFairDistractor(normText(t('Namespaces.', '命名空间')), answer, [ns])).toBe(false);
  });
});

describe('pickDistractors', () => {
  test('never returns the answer or the same option twice (any candidates, any seed)', () => {
    const word = fc.constantFrom(
      'cgroups',
      'CGroups',
      'c-groups',
      'namespaces',
      'Namespaces!',
      'seccomp',
      'SELinux',
      'overlayfs',
      '控制组',
      '命名空间',
      '',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, word, fc.integer({ min: 0, max: 2 })), { maxLength: 30 }),
        fc.integer(),
        (raw, seed) => {
          const picked = pickDistractors(
            answer,
            raw.map(([en, zh, tier]) => cand(en, zh, tier)),
            3,
            rng(seed),
          );
          expect(picked.length).toBeLessThanOrEqual(3);
          for (const lang of ['en', 'zh'] as const) {
            const seen = picked.map((p) => squeeze(p.text[lang]));
            expect(new Set(seen).size).toBe(seen.length);
            for (const s of seen) {
              expect(s).not.toBe('');
              expect(s).not.toBe(squeeze(lang === 'en' ? 'cgroups' : '控制组'));
            }
          }
        },
      ),
    );
  });

  test('takes closer tiers first and is stable for a seed', () => {
    const pool = [
      cand('far one', '远一', 2),
      cand('near one', '近一', 0),
      cand('mid one', '中一', 1),
      cand('near two', '近二', 0),
    ];
    const a = pickDistractors(answer, pool, 2, rng(5)).map((c) => c.text.en);
    expect(a.sort()).toEqual(['near one', 'near two']);
    const b = pickDistractors(answer, pool, 3, rng(9)).map((c) => c.text.en);
    expect(b).toEqual(pickDistractors(answer, pool, 3, rng(9)).map((c) => c.text.en));
    expect(b[2]).toBe('mid one');
  });
});

describe('sibling pools', () => {
  const card = (id: string, deckId: string, tags: string[], section = 'S', noteId = id): QuizCard => ({
    id,
    deckId,
    noteId,
    tags,
    source: { doc: 'd', section },
    content: { kind: 'basic', front: t('q', 'q'), back: t('a', 'a') },
    state: 0,
    position: 0,
  });

  test('same deck with a shared tag or section, then same deck, then a shared tag elsewhere; never the same note or an unrelated deck', () => {
    const q = card('a/1', 'a', ['net']);
    expect(siblingTier(q, card('a/2', 'a', ['net'], 'other'))).toBe(0);
    expect(siblingTier(q, card('a/3', 'a', [], 'S'))).toBe(0);
    expect(siblingTier(q, card('a/4', 'a', ['x'], 'other'))).toBe(1);
    expect(siblingTier(q, card('b/1', 'b', ['net']))).toBe(2);
    expect(siblingTier(q, card('b/2', 'b', ['x']))).toBeNull();
    expect(siblingTier(q, card('a/1:reverse', 'a', ['net'], 'S', 'a/1'))).toBeNull();
  });

  test('multiple-choice options of a basic card come only from its siblings', () => {
    // Deck "a" and deck "b" share the tag "net"; deck "z" shares nothing with either.
    const decks = [
      parsed(termDeck('a', 4, ['net'])),
      parsed(termDeck('b', 4, ['net'])),
      parsed(termDeck('z', 8, ['other'])),
    ];
    const src = quizSource(decks);
    const quiz = generateQuiz(src, { length: 0, kinds: ['mcq'], seed: 3 });
    const owner = new Map(src.cards.map((c) => [normalizeAnswer((c.content as { back: { en: string } }).back.en), c]));
    expect(quiz.questions.length).toBe(16);
    for (const q of quiz.questions) {
      if (q.kind !== 'mcq') throw new Error('only mcq asked');
      const own = src.cards.find((c) => c.id === q.cardId)!;
      expect(q.options).toHaveLength(4);
      for (const [i, o] of q.options.entries()) {
        if (i === q.answer) continue;
        const from = owner.get(normalizeAnswer(o.en))!;
        expect(siblingTier(own, from), `${o.en} offered for ${q.cardId}`).not.toBeNull();
        if (own.deckId === 'z') expect(from.deckId).toBe('z');
      }
    }
  });

  test('a trait-table question offers the other column of the same row first, then the same column of other rows', () => {
    const deck = builtinDecks()[0]!;
    const src = quizSource([deck]);
    const table = deck.tables[0]!;
    const pool = buildPool(src.cards, new Map([[deck.id, deck.tables]]));
    const compare = src.cards.filter((c) => c.content.kind === 'compare');
    for (const [i, card] of compare.entries()) {
      const r = buildQuestion(card, 'mcq', pool, i);
      if (!r.ok || r.question.kind !== 'mcq') throw new Error(`no mcq for ${card.id}`);
      const row = table.rows.find((x) => card.noteId.endsWith(`/${x.id}`))!;
      const cells = Object.values(row.cells).map((c) => c.en);
      const options = r.question.options.map((o) => o.en);
      // The row's own cells are both there (one is the answer); the rest are cells of other rows.
      for (const c of cells) expect(options).toContain(c);
      const columnCells = new Set(table.rows.flatMap((x) => Object.values(x.cells).map((c) => c.en)));
      for (const o of options) expect(columnCells.has(o)).toBe(true);
    }
  });
});

describe('seeded', () => {
  const src = quizSource(builtinDecks());
  const kinds = ['mcq', 'true-false', 'classify', 'type-in', 'open'] as const;

  test('the same seed gives the same quiz; another seed another one', () => {
    const a = generateQuiz(src, { length: 25, kinds, seed: 42 });
    const b = generateQuiz({ ...src, cards: [...src.cards].reverse() }, { length: 25, kinds, seed: 42 });
    expect(b).toEqual(a);
    const c = generateQuiz(src, { length: 25, kinds, seed: 43 });
    expect(c.questions.map((q) => q.prompt.en)).not.toEqual(a.questions.map((q) => q.prompt.en));
  });

  test('a card keeps its options when the rest of the quiz changes', () => {
    const first = generateQuiz(src, { length: 0, kinds: ['mcq'], seed: 8 });
    const fewer = generateQuiz(
      { ...src, cards: src.cards.filter((_, i) => i % 7 !== 3) },
      { length: 0, kinds: ['mcq'], seed: 8 },
    );
    const byCard = new Map(first.questions.map((q) => [q.kind === 'open' ? '' : q.cardId, q]));
    // Own-choice mcq cards draw only from their own choices, so their options do not depend on the pool.
    const own = fewer.questions.filter(
      (q) => q.kind === 'mcq' && src.cards.find((c) => c.id === q.cardId)?.content.kind === 'mcq',
    );
    expect(own.length).toBeGreaterThan(20);
    for (const q of own)
      expect(q.kind === 'open' ? null : byCard.get(q.cardId)).toMatchObject({
        options: (q as { options: unknown }).options,
      });
  });
});

describe("distractors of the answer's kind", () => {
  test.each([
    ['1 s', 'quantity'],
    ['20 s', 'quantity'],
    ['2.6.20', 'quantity'],
    ['1979', 'quantity'],
    ['about 500 ms', 'quantity'],
    ['CPU', 'word'],
    ['cgroups v2', 'term'],
    ['complete boot process', 'term'],
    ['the host kernel of the machine', 'phrase'],
  ])('%s is a %s', (en, shape) => {
    expect(answerShape(normText(t(en, en)))).toBe(shape);
  });

  test('a number is never offered beside a word, nor a word beside a number', () => {
    expect(shapeDistance('word', 'quantity')).toBeNull();
    expect(shapeDistance('quantity', 'term')).toBeNull();
    expect(shapeDistance('quantity', 'quantity')).toBe(0);
    expect(shapeDistance('word', 'term')).toBeLessThan(shapeDistance('word', 'phrase')!);
  });

  test('"KVM needs hardware support from which component?" offers words, not "1 s" or "20 s" (issue #11)', () => {
    const cloze = (id: string, text: string) => ({
      id,
      type: 'cloze' as const,
      source: { doc: 'doc.txt', section: 'KVM' },
      text: t(text, text),
    });
    const deck = parsed({
      format: 'dockdeck/deck@1',
      id: 'kvm',
      title: t('KVM', 'KVM'),
      sources: [{ doc: 'doc.txt' }],
      cards: [
        cloze('cpu', 'KVM needs hardware support from the {{c1::CPU}}.'),
        cloze('boot-c', 'A container starts in about {{c1::1 s}}.'),
        cloze('boot-vm', 'A VM starts in about {{c1::20 s}}.'),
        cloze('boot-what', 'A VM goes through the {{c1::complete boot process}}.'),
        cloze('kernel', 'Containers share the host {{c1::kernel}}.'),
        cloze('module', 'KVM is a kernel {{c1::module}}.'),
        cloze('qemu', 'KVM uses {{c1::QEMU}} for device emulation.'),
      ],
    });
    const src = quizSource([deck]);
    const pool = buildPool(src.cards, new Map());
    const card = src.cards.find((c) => c.id === 'kvm/cpu:c1')!;
    for (let seed = 1; seed <= 20; seed++) {
      const r = buildQuestion(card, 'mcq', pool, seed);
      if (!r.ok || r.question.kind !== 'mcq') throw new Error('no question');
      const options = r.question.options.map((o) => o.en);
      expect(options).not.toContain('1 s');
      expect(options).not.toContain('20 s');
      // Single words come before the three-word term.
      expect(options).not.toContain('complete boot process');
    }
  });
});
