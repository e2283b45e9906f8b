// Issue #13: parameters copied and pasted as text, the checks before saving, and the fit's thresholds and verdict.
import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { fitScope, judgeFit } from '../../src/domain/optimizer/fit-policy';
import { checkParameterSet, formatParameters, parseParameters } from '../../src/domain/optimizer/parameters';

const W = [...default_w];

describe('parameters as text', () => {
  it('reads back what it wrote, and a list copied with brackets or new lines', () => {
    const text = formatParameters(W);
    expect(parseParameters(text)).toEqual({ ok: true, weights: W.map((x) => Math.round(x * 10_000) / 10_000) });
    expect(parseParameters(`[${W.join(',\n')}]`)).toEqual({ ok: true, weights: W });
  });

  it.each([
    ['', { code: 'empty' }],
    [W.slice(0, 20).join(', '), { code: 'count', count: 20, expected: 21 }],
    [[...W, 1].join(' '), { code: 'count', count: 22, expected: 21 }],
    [['0.2', 'abc', ...W.slice(2)].join(', '), { code: 'not-a-number', index: 1, text: 'abc' }],
    [['0x10', ...W.slice(1)].join(', '), { code: 'not-a-number', index: 0, text: '0x10' }],
    [['NaN', ...W.slice(1)].join(', '), { code: 'not-a-number', index: 0, text: 'NaN' }],
    [
      [...W.slice(0, 4), '42', ...W.slice(5)].join(', '),
      { code: 'out-of-range', index: 4, value: 42, min: 1, max: 10 },
    ],
  ])('refuses %j with the reason', (text, problem) => {
    expect(parseParameters(text)).toEqual({ ok: false, problem });
  });

  it('refuses non-finite numbers through ts-fsrs checkParameters', () => {
    expect(checkParameterSet([...W.slice(0, 20), Number.POSITIVE_INFINITY])).toMatchObject({ code: 'rejected' });
  });
});

describe('fit policy', () => {
  it.each([
    [0, 'none'],
    [7, 'none'],
    [8, 'initial-stability'],
    [63, 'initial-stability'],
    [64, 'all'],
  ] as const)('%i items: %s', (n, scope) => expect(fitScope(n)).toBe(scope));

  it('keeps fitted parameters only when valid and strictly better on the same items', () => {
    const before = { logLoss: 0.3, rmseBins: 0.05 };
    expect(judgeFit(W, before, { logLoss: 0.29, rmseBins: 0.04 })).toEqual({ keep: true });
    expect(judgeFit(W, before, { logLoss: 0.3, rmseBins: 0.01 })).toEqual({ keep: false, reason: 'not-better' });
    expect(judgeFit(W.slice(1), before, { logLoss: 0.1, rmseBins: 0 })).toMatchObject({
      keep: false,
      reason: 'invalid',
    });
  });
});
