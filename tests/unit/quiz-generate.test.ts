// Quiz generation from fixed decks: every kind is asked, each card once, open questions from tables and sections, honest notices.
import { normalizeAnswer } from '../../src/domain/answer-match';
import { parseDeck } from '../../src/formats/dockdeck/validate';
import { generateQuiz, MAX_QUESTIONS } from '../../src/domain/quiz/generate';
import { MAX_KEY_POINTS, openQuestions } from '../../src/domain/quiz/open-questions';
import type { Question } from '../../src/domain/quiz/quiz-schema';
import { builtinDecks, parsed, quizSource, source, t, termDeck } from './quiz-fixtures';

const ALL = ['mcq', 'true-false', 'classify', 'type-in', 'open'] as const;
const builtin = quizSource(builtinDecks());

/** Every card a question asks about (open questions: their key points' cards). */
const cardsOf = (q: Question) => (q.kind === 'open' ? q.keyPoints.map((k) => k.cardId) : [q.cardId]);

describe('a quiz from the built-in decks', () => {
  test.each([1, 2, 3, 4, 5])('seed %i: 10 questions, every kind, each card once, well-formed options', (seed) => {
    const { questions, notices } = generateQuiz(builtin, { length: 10, kinds: ALL, seed });
    expect(notices).toEqual([]);
    expect(questions).toHaveLength(10);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(ALL));
    expect(questions.map((q) => q.id)).toEqual(Array.from({ length: 10 }, (_, i) => `q${i + 1}`));
    const asked = questions.flatMap(cardsOf);
    expect(new Set(asked).size).toBe(asked.length);
    const ids = new Set(builtin.cards.map((c) => c.id));
    for (const id of asked) expect(ids.has(id)).toBe(true);
    for (const q of questions) {
      if (q.kind === 'mcq' || q.kind === 'classify') {
        expect(q.options.length).toBeGreaterThanOrEqual(q.kind === 'mcq' ? 3 : 2);
        expect(q.options[q.answer]).toBeDefined();
        for (const lang of ['en', 'zh'] as const) {
          const norm = q.options.map((o) => normalizeAnswer(o[lang]).replace(/ /g, ''));
          expect(new Set(norm).size, `${q.cardId} options in ${lang}`).toBe(norm.length);
        }
      }
      if (q.kind === 'true-false') expect(q.answer ? q.statement : q.correct).toEqual(q.correct);
      if (q.kind === 'open') {
        expect(q.keyPoints.length).toBeGreaterThanOrEqual(2);
        expect(q.keyPoints.length).toBeLessThanOrEqual(MAX_KEY_POINTS);
      }
    }
  });

  test('"all" asks every card it can, once, up to the cap', () => {
    const { questions } = generateQuiz(builtin, {
      length: 0,
      kinds: ['mcq', 'true-false', 'classify', 'type-in'],
      seed: 1,
    });
    expect(questions.length).toBe(Math.min(MAX_QUESTIONS, builtin.cards.length));
    const asked = questions.flatMap(cardsOf);
    expect(new Set(asked).size).toBe(asked.length);
  });

  test('only the kinds asked for', () => {
    const { questions } = generateQuiz(builtin, { length: 25, kinds: ['type-in'], seed: 3 });
    expect(questions).toHaveLength(25);
    expect(questions.every((q) => q.kind === 'type-in')).toBe(true);
  });

  test('the trait table makes "What is the difference between Container and Virtual machine?" with one key point per row', () => {
    const opens = openQuestions(builtin.cards, builtin.decks, 1, 'en');
    const vs = opens.find((q) => q.prompt.en === 'What is the difference between Container and Virtual machine?')!;
    expect(vs.prompt.zh).toBe('容器和虚拟机有什么区别？');
    expect(vs.kicker?.en).toBe('Containers vs virtual machines');
    expect(vs.keyPoints).toHaveLength(MAX_KEY_POINTS);
    const table = builtinDecks()[0]!.tables[0]!;
    for (const k of vs.keyPoints) {
      const row = table.rows.find((r) => k.cardId === `containers-vs-vms/table:${table.id}/${r.id}`)!;
      expect(k.text.en).toBe(
        `**${row.trait.en}**: Container — ${row.cells.container!.en}; Virtual machine — ${row.cells.vm!.en}`,
      );
    }
  });
});

test('questions of an HTML deck carry the format, so they are never drawn as Markdown', () => {
  const src = quizSource([parsed(termDeck('h', 6)), parsed(termDeck('m', 6))]);
  const decks = src.decks.map((d) => (d.id === 'h' ? { ...d, textFormat: 'html' as const } : d));
  const { questions } = generateQuiz({ ...src, decks }, { length: 0, kinds: ['type-in'], seed: 1 });
  expect(questions).toHaveLength(12);
  for (const q of questions) expect(q.format).toBe(q.deckId === 'h' ? 'html' : undefined);
});

describe('open questions from a section', () => {
  const deck = parsed({
    format: 'dockdeck/deck@1',
    id: 'net',
    title: t('Networking', '网络'),
    sources: [{ doc: 'doc.txt' }],
    cards: [
      ...['bridge', 'host', 'none'].map((d, i) => ({
        id: d,
        type: 'basic' as const,
        source: { doc: 'doc.txt', section: 'Drivers' },
        front: t(`What does the ${d} driver do?`, `${d} 驱动做什么？`),
        back: t(`Answer ${i}`, `答案 ${i}`),
      })),
      { id: 'lonely', type: 'basic' as const, source, front: t('Q', '问'), back: t('A', '答') },
    ],
  });

  test('three basic cards of one section make "Explain “Drivers”" whose key points are their answers', () => {
    const [q, ...rest] = openQuestions(quizSource([deck]).cards, quizSource([deck]).decks, 1, 'en');
    expect(rest).toEqual([]);
    expect(q!.prompt.en).toBe('Explain “Drivers”: what are the key points?');
    expect(q!.keyPoints).toEqual([
      {
        cardId: 'net/bridge',
        text: t('Answer 0', '答案 0'),
        hint: t('What does the bridge driver do?', 'bridge 驱动做什么？'),
      },
      {
        cardId: 'net/host',
        text: t('Answer 1', '答案 1'),
        hint: t('What does the host driver do?', 'host 驱动做什么？'),
      },
      {
        cardId: 'net/none',
        text: t('Answer 2', '答案 2'),
        hint: t('What does the none driver do?', 'none 驱动做什么？'),
      },
    ]);
  });

  test('a section headed in Chinese is asked about in Chinese only: an English question never quotes it', () => {
    const zh = parsed({
      ...deck,
      id: 'zh-net',
      cards: deck.cards.map((c) => ({ ...c, source: { doc: 'doc.txt', section: '网络驱动' } })),
    });
    const src = quizSource([zh]);
    expect(openQuestions(src.cards, src.decks, 1, 'en')).toEqual([]);
    const [q] = openQuestions(src.cards, src.decks, 1, 'zh');
    expect(q!.prompt.zh).toBe('讲一讲“网络驱动”：要点有哪些？');
  });

  test("a deck's own interview question asks its words, with the listed cards' answers as key points", () => {
    const withInterview = parsed({
      ...deck,
      id: 'iv',
      interviews: [
        {
          id: 'drivers',
          question: t('Which network drivers are there?', '有哪些网络驱动？'),
          points: ['host', 'none'],
        },
      ],
    });
    const src = quizSource([withInterview]);
    const qs = openQuestions(src.cards, src.decks, 1, 'en');
    const q = qs.find((x) => x.prompt.en === 'Which network drivers are there?')!;
    expect(q.prompt.zh).toBe('有哪些网络驱动？');
    expect(q.kicker).toEqual(t('Networking', '网络'));
    expect(q.keyPoints.map((k) => k.cardId)).toEqual(['iv/host', 'iv/none']);
    expect(q.keyPoints[0]!.text).toEqual(t('Answer 1', '答案 1'));
  });

  test('an interview question with fewer than two of its cards in scope is not asked', () => {
    const withInterview = parsed({
      ...deck,
      id: 'iv2',
      interviews: [{ id: 'd', question: t('Q?', '问？'), points: ['host', 'none'] }],
    });
    const src = quizSource([withInterview]);
    const cards = src.cards.filter((c) => c.id !== 'iv2/none');
    expect(openQuestions(cards, src.decks, 1, 'en').some((x) => x.prompt.en === 'Q?')).toBe(false);
  });
});

describe('bad input', () => {
  test('too few cards for the length: the quiz says so and offers what it can', () => {
    const src = quizSource([parsed(termDeck('tiny', 6))]);
    const { questions, notices } = generateQuiz(src, { length: 10, kinds: ['mcq', 'true-false', 'type-in'], seed: 1 });
    expect(questions).toHaveLength(6);
    expect(notices).toEqual([{ kind: 'short', asked: 10, made: 6 }]);
  });

  test('too few siblings for distractors: those cards are left out, and the quiz says how many', () => {
    const src = quizSource([parsed(termDeck('pair', 2))]);
    const { questions, notices } = generateQuiz(src, { length: 10, kinds: ['mcq'], seed: 1 });
    expect(questions).toEqual([]);
    expect(notices).toEqual([{ kind: 'empty' }, { kind: 'few-distractors', cards: 2 }]);
    // Type-in needs no distractors: the same scope still gives a quiz.
    expect(generateQuiz(src, { length: 10, kinds: ['mcq', 'type-in'], seed: 1 }).questions).toHaveLength(2);
  });

  test('an empty scope gives an empty quiz with a notice', () => {
    expect(generateQuiz({ cards: [], decks: [] }, { length: 10, kinds: ALL, seed: 1 })).toEqual({
      questions: [],
      notices: [{ kind: 'empty' }],
    });
  });

  test('an imported mcq card with no correct answer is refused at import, naming the card and field', () => {
    const r = parseDeck('import.json', {
      format: 'dockdeck/deck@1',
      id: 'imp',
      title: t('Imported', '导入'),
      sources: [{ doc: 'doc.txt' }],
      cards: [
        {
          id: 'no-answer',
          type: 'mcq',
          source,
          question: t('Q?', '问？'),
          choices: [t('a', '甲'), t('b', '乙')],
          answer: 2,
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([expect.objectContaining({ place: { card: 'no-answer' }, field: 'answer' })]);
  });

  test('an mcq row with an answer out of range (old stored data) is skipped, not asked', () => {
    const src = quizSource(builtinDecks());
    const broken = src.cards.map((c) =>
      c.content.kind === 'mcq' ? { ...c, content: { ...c.content, answer: 99 } } : c,
    );
    const { questions } = generateQuiz({ ...src, cards: broken }, { length: 0, kinds: ['mcq'], seed: 1 });
    const mcqIds = new Set(broken.filter((c) => c.content.kind === 'mcq').map((c) => c.id));
    expect(questions.some((q) => q.kind !== 'open' && mcqIds.has(q.cardId))).toBe(false);
  });
});
