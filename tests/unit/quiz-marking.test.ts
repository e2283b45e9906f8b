// Marking: typed answers accepted and rejected in both languages, "I was right", open questions, ratings, the end summary.
import {
  ANSWER_TIME,
  OPEN_PASS,
  canOverride,
  letterGrade,
  markResponse,
  overrideResult,
  quizRating,
  quizReviews,
} from '../../src/domain/quiz/marking';
import type { AttemptQuestion, Question, QuestionResult, Response } from '../../src/domain/quiz/quiz-schema';
import { summarizeAttempt } from '../../src/domain/quiz/summary';
import { t } from './quiz-fixtures';

const base = {
  id: 'q',
  deckId: 'd',
  tags: [] as string[],
  source: { doc: 'doc.txt', section: 'S' },
  prompt: t('Q?', '问？'),
};
const typeIn = (cardId: string, en: string, zh: string, accept: string[] = []): Question => ({
  ...base,
  kind: 'type-in',
  cardId,
  answer: t(en, zh),
  accept,
});

const CGROUPS = typeIn('d/cgroups', 'cgroups', '控制组', ['control groups']);
const HYPERVISOR = typeIn('d/hv', 'Hypervisor', 'Hypervisor（虚拟机监控程序）', [
  'hypervisors',
  'VMM',
  'virtual machine monitor',
  '虚拟机监控程序',
]);
const RUN = typeIn('d/run', '`docker run`', '`docker run` 命令');
const OS = typeIn('d/os:c1', 'operating-system', '操作系统');

const typed = (text: string): Response => ({ kind: 'typed', text });

describe('typed answers', () => {
  test.each([
    ['cgroups', CGROUPS, 'cgroups'],
    ['cgroups', CGROUPS, 'CGroups'],
    ['cgroups', CGROUPS, '  cgroups. '],
    ['cgroups', CGROUPS, 'cgroup'],
    ['cgroups', CGROUPS, 'cgruops'],
    ['cgroups', CGROUPS, 'control groups'],
    ['cgroups', CGROUPS, 'Control-Groups!'],
    ['cgroups', CGROUPS, '控制组'],
    ['cgroups', CGROUPS, '控制组。'],
    ['hypervisor', HYPERVISOR, 'hypervisor'],
    ['hypervisor', HYPERVISOR, 'HYPERVISOR'],
    ['hypervisor', HYPERVISOR, 'hypervisr'],
    ['hypervisor', HYPERVISOR, 'vmm'],
    ['hypervisor', HYPERVISOR, 'Virtual Machine Monitor'],
    ['hypervisor', HYPERVISOR, '虚拟机监控程序'],
    ['hypervisor', HYPERVISOR, 'Hypervisor（虚拟机监控程序）'],
    ['run', RUN, 'docker run'],
    ['run', RUN, 'Docker Run'],
    ['run', RUN, 'dockerrun'],
    ['run', RUN, 'docker run 命令'],
    ['os', OS, 'operating system'],
    ['os', OS, 'Operating-System'],
    ['os', OS, 'operating sytem'],
    ['os', OS, '操作系统'],
  ])('%s accepts %j', (_name, q, text) => {
    expect(markResponse(q, typed(text))).toEqual({ correct: true, score: 1 });
  });

  test.each([
    ['cgroups', CGROUPS, ''],
    ['cgroups', CGROUPS, '   '],
    ['cgroups', CGROUPS, 'namespaces'],
    ['cgroups', CGROUPS, 'cg'],
    ['cgroups', CGROUPS, 'cpu'],
    ['cgroups', CGROUPS, '控制'],
    ['cgroups', CGROUPS, '控制租'],
    ['hypervisor', HYPERVISOR, 'hyper'],
    ['hypervisor', HYPERVISOR, 'kernel'],
    ['hypervisor', HYPERVISOR, 'vm'],
    ['hypervisor', HYPERVISOR, '虚拟机'],
    ['run', RUN, 'docker'],
    ['run', RUN, 'docker ps'],
    ['run', RUN, 'run'],
    ['os', OS, 'hardware'],
    ['os', OS, '硬件'],
    ['os', OS, '操作'],
    ['os', OS, 'system'],
  ])('%s rejects %j', (_name, q, text) => {
    expect(markResponse(q, typed(text))).toEqual({ correct: false, score: 0 });
  });

  test('"I was right" turns a wrong typed answer right, once, and only when something was typed', () => {
    const wrong: QuestionResult = {
      response: typed('control group thing'),
      correct: false,
      score: 0,
      overridden: false,
      durationMs: 3000,
      answeredAt: 1,
    };
    expect(canOverride(CGROUPS, wrong)).toBe(true);
    const fixed = overrideResult(wrong);
    expect(fixed).toMatchObject({ correct: true, score: 1, overridden: true });
    expect(canOverride(CGROUPS, fixed)).toBe(false);
    expect(canOverride(CGROUPS, { ...wrong, response: typed('  ') })).toBe(false);
    expect(
      canOverride(
        { ...base, kind: 'mcq', cardId: 'x', options: [t('a', 'a'), t('b', 'b')], answer: 0 },
        { ...wrong, response: { kind: 'choice', index: 1 } },
      ),
    ).toBe(false);
  });
});

describe('choices and open questions', () => {
  const mcq: Question = {
    ...base,
    kind: 'mcq',
    cardId: 'd/m',
    options: [t('a', '甲'), t('b', '乙'), t('c', '丙')],
    answer: 2,
  };
  const tf: Question = {
    ...base,
    kind: 'true-false',
    cardId: 'd/t',
    statement: t('x', 'x'),
    answer: false,
    correct: t('y', 'y'),
  };
  const open: Question = {
    ...base,
    kind: 'open',
    keyPoints: ['a', 'b', 'c', 'd', 'e'].map((k) => ({ cardId: `d/${k}`, text: t(k, k) })),
  };

  test('multiple choice and true/false', () => {
    expect(markResponse(mcq, { kind: 'choice', index: 2 }).correct).toBe(true);
    expect(markResponse(mcq, { kind: 'choice', index: 0 }).correct).toBe(false);
    expect(markResponse(mcq, { kind: 'none' }).correct).toBe(false);
    expect(markResponse(tf, { kind: 'bool', value: false }).correct).toBe(true);
    expect(markResponse(tf, { kind: 'bool', value: true }).correct).toBe(false);
  });

  test('an open question scores the share of key points ticked, and passes from OPEN_PASS', () => {
    expect(OPEN_PASS).toBe(0.6);
    expect(markResponse(open, { kind: 'open', ticked: [0, 2, 4], text: '' })).toEqual({ correct: true, score: 0.6 });
    expect(markResponse(open, { kind: 'open', ticked: [0, 0, 9, -1], text: '' })).toEqual({
      correct: false,
      score: 0.2,
    });
  });

  test.each([
    [0.95, 'A'],
    [0.9, 'A'],
    [0.85, 'B'],
    [0.7, 'C'],
    [0.6, 'D'],
    [0.59, 'F'],
    [0, 'F'],
  ] as const)('a share of %f is grade %s', (share, letter) => {
    expect(letterGrade(share)).toBe(letter);
  });
});

describe('ratings from correctness and time', () => {
  const res = (correct: boolean, durationMs: number, over: Partial<QuestionResult> = {}): QuestionResult => ({
    response: { kind: 'choice', index: 0 },
    correct,
    score: correct ? 1 : 0,
    overridden: false,
    durationMs,
    answeredAt: 0,
    ...over,
  });
  const mcq = { ...base, kind: 'mcq' as const, cardId: 'x', options: [], answer: 0 };
  const tf = {
    ...base,
    kind: 'true-false' as const,
    cardId: 'x',
    statement: t('', ''),
    answer: true,
    correct: t('', ''),
  };
  const fast = ANSWER_TIME.mcq.fastMs;
  const slow = ANSWER_TIME.mcq.slowMs;

  test.each([
    ['wrong', res(false, 1000), 'again'],
    ['wrong and slow', res(false, slow + 1), 'again'],
    ['right and fast', res(true, fast), 'easy'],
    ['right', res(true, fast + 1), 'good'],
    ['right at the slow mark', res(true, slow), 'good'],
    ['right but slow', res(true, slow + 1), 'hard'],
    ['not answered', res(false, 0, { response: { kind: 'none' } }), null],
  ])('mcq %s → %s', (_why, r, rating) => {
    expect(quizRating(mcq, r)).toBe(rating);
  });

  test('a fast true/false or an overridden answer is good, not easy', () => {
    expect(quizRating(tf, res(true, 100))).toBe('good');
    expect(
      quizRating(
        { ...mcq, kind: 'type-in', answer: t('', ''), accept: [] } as never,
        overrideResult(res(false, 100, { response: typed('x') })),
      ),
    ).toBe('good');
  });

  test('the reviews of an attempt, in answer order; an open question reviews each key point', () => {
    const items: AttemptQuestion[] = [
      { question: { ...mcq, cardId: 'late' }, result: res(true, 10_000, { answeredAt: 30 }) },
      {
        question: {
          ...base,
          kind: 'open',
          keyPoints: [
            { cardId: 'k1', text: t('', '') },
            { cardId: 'k2', text: t('', '') },
          ],
        },
        result: res(true, 9000, { response: { kind: 'open', ticked: [1], text: '' }, answeredAt: 20, score: 0.5 }),
      },
      {
        question: { ...mcq, cardId: 'skipped' },
        result: res(false, 0, { response: { kind: 'none' }, answeredAt: 25 }),
      },
      { question: { ...mcq, cardId: 'early' }, result: res(false, 2000, { answeredAt: 10 }) },
    ];
    expect(quizReviews(items)).toEqual([
      { cardId: 'early', rating: 'again', at: 10, durationMs: 2000 },
      { cardId: 'k1', rating: 'again', at: 20, durationMs: 4500 },
      { cardId: 'k2', rating: 'good', at: 20, durationMs: 4500 },
      { cardId: 'late', rating: 'good', at: 30, durationMs: 10_000 },
    ]);
  });
});

describe('the summary', () => {
  const item = (cardId: string, tags: string[], correct: boolean, durationMs = 1000): AttemptQuestion => ({
    question: { ...base, kind: 'type-in', cardId, tags, answer: t(`ans ${cardId}`, `答 ${cardId}`), accept: [] },
    result: {
      response: typed(correct ? `ans ${cardId}` : 'nope'),
      correct,
      score: correct ? 1 : 0,
      overridden: false,
      durationMs,
      answeredAt: 0,
    },
  });

  test('points, grade, time, mistakes with the right answer, weakest tags and the cards to review', () => {
    const open: AttemptQuestion = {
      question: {
        ...base,
        kind: 'open',
        tags: ['net'],
        keyPoints: [
          { cardId: 'k1', text: t('one', '一') },
          { cardId: 'k2', text: t('two', '二') },
        ],
      },
      result: {
        response: { kind: 'open', ticked: [0], text: '' },
        correct: false,
        score: 0.5,
        overridden: false,
        durationMs: 4000,
        answeredAt: 0,
      },
    };
    const s = summarizeAttempt([
      item('a', ['net'], true),
      item('b', ['net', 'io'], false),
      item('c', ['io'], false),
      item('d', ['fs'], true),
      open,
    ]);
    expect(s).toMatchObject({ points: 2.5, total: 5, share: 0.5, grade: 'F', timeMs: 8000, answered: 5 });
    expect(s.mistakes.map((m) => [m.question.kind === 'open' ? 'open' : m.question.cardId, m.right.en])).toEqual([
      ['b', 'ans b'],
      ['c', 'ans c'],
      ['open', 'two'],
    ]);
    expect(s.weakTags).toEqual([
      { tag: 'io', asked: 2, points: 0, share: 0 },
      { tag: 'net', asked: 3, points: 1.5, share: 0.5 },
    ]);
    expect(s.mistakeCardIds).toEqual(['b', 'c', 'k2']);
  });
});
