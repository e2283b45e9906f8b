// Pins the presets: each field's validation (a table of bad values), the lenient reading of stored presets, the
// default that cannot go, the move of the old global settings into the default preset, and the queue orders.
import { describe, expect, test } from 'vitest';
import { default_w } from 'ts-fsrs';
import {
  DEFAULT_PRESET,
  DEFAULT_PRESET_ID,
  addPreset,
  assignDeck,
  changesSchedule,
  checkPresetBook,
  defaultBook,
  presetOfDeck,
  presetsFromOldSettings,
  removePreset,
  restorePresetBook,
  settingsRowsWithPresets,
  type Preset,
} from '../../src/domain/presets';
import { byRetrievability, shuffledForDay } from '../../src/domain/queue-order';

const custom: Preset = {
  ...DEFAULT_PRESET,
  id: 'p2',
  name: 'Hard decks',
  desiredRetention: 0.85,
  weights: Array.from({ length: 21 }, (_, i) => 0.1 + i / 10),
  learningSteps: ['5m', '1h'],
  relearningSteps: [],
  newPerDay: 5,
  reviewsPerDay: 50,
  maximumInterval: 365,
  enableFuzz: false,
  enableShortTerm: false,
  newOrder: 'random',
  reviewOrder: 'retrievability',
  burySiblings: true,
};

const BAD: Record<string, unknown[]> = {
  desiredRetention: [0.69, 0.995, 1, NaN, '0.9', Infinity, null],
  weights: [
    [1, 2, 3],
    Array(21).fill('1'),
    [...Array(20).fill(1), NaN],
    [...Array(20).fill(1), Infinity],
    Array(19).fill(1),
    'w',
  ],
  learningSteps: ['1m 10m', ['1.5h'], ['0m'], ['10x'], [10], null],
  relearningSteps: [{}, ['soon'], ['-1m']],
  newPerDay: [-1, 3.5, 10_000, '20', NaN],
  reviewsPerDay: [-5, 100_000, '9', true],
  maximumInterval: [0, 36_501, 1.5],
  enableFuzz: ['yes', 1, null],
  enableShortTerm: ['no', 0],
  newOrder: ['shuffle', '', 1],
  reviewOrder: ['random', 'due date'],
  burySiblings: ['true', 1],
};
const cases = Object.entries(BAD).flatMap(([key, values]) => values.map((v) => [key, v] as const));
const book = (...presets: Preset[]) => ({ presets: [DEFAULT_PRESET, ...presets], decks: {} });

describe('checkPresetBook', () => {
  test('good presets pass', () => {
    expect(checkPresetBook(defaultBook())).toEqual({});
    expect(checkPresetBook(book(custom))).toEqual({});
  });

  test.each(cases)('%s = %j is refused, at that preset and field', (key, value) => {
    const problems = checkPresetBook(book({ ...custom, [key]: value }));
    expect(Object.keys(problems).length).toBeGreaterThan(0);
    for (const path of Object.keys(problems)) expect(path === `p2.${key}` || path.startsWith(`p2.${key}.`)).toBe(true);
  });

  test('problems are codes with parameters; a bad step is named by its place', () => {
    const problems = checkPresetBook(
      book({ ...custom, desiredRetention: 0.5, learningSteps: ['5m', '10x'] as Preset['learningSteps'], weights: [1] }),
    );
    expect(problems).toEqual({
      'p2.desiredRetention': { code: 'number', min: 0.7, max: 0.99 },
      'p2.learningSteps.1': { code: 'step' },
      'p2.weights': { code: 'weights', count: 21 },
    });
  });

  test('a preset other than the default needs a name; the default may have none', () => {
    expect(checkPresetBook(book({ ...custom, name: '  ' }))).toEqual({ 'p2.name': { code: 'name' } });
    expect(checkPresetBook(book({ ...custom, name: 'x'.repeat(61) }))).toEqual({ 'p2.name': { code: 'name' } });
    expect(checkPresetBook(defaultBook())).toEqual({});
  });
});

describe('restorePresetBook', () => {
  test('valid stored presets come back as they were', () => {
    const b = { ...book(custom), decks: { deckA: 'p2' } };
    expect(restorePresetBook(JSON.parse(JSON.stringify(b)))).toEqual(b);
  });

  test.each(cases)('one bad field (%s = %j) falls back to its default; the rest is kept', (key, value) => {
    const restored = restorePresetBook(book({ ...custom, [key]: value }));
    expect(restored.presets[1]).toEqual({ ...custom, [key]: DEFAULT_PRESET[key as keyof Preset] });
  });

  test('the default is put back first when missing; presets without an id or seen twice go; dead assignments go', () => {
    const restored = restorePresetBook({
      presets: [custom, { name: 'no id' }, { ...custom, name: 'twice' }, 7],
      decks: { a: 'p2', b: 'gone', c: 3, d: DEFAULT_PRESET_ID },
    });
    expect(restored.presets.map((p) => p.id)).toEqual([DEFAULT_PRESET_ID, 'p2']);
    expect(restored.presets[1]!.name).toBe('Hard decks');
    expect(restored.decks).toEqual({ a: 'p2' });
    for (const bad of [undefined, null, 'x', [1]]) expect(restorePresetBook(bad)).toEqual(defaultBook());
  });

  test('restored lists are copies: changing one never changes the defaults', () => {
    const a = restorePresetBook({});
    a.presets[0]!.weights.push(9);
    a.presets[0]!.learningSteps.push('3d');
    expect(DEFAULT_PRESET.weights).toHaveLength(21);
    expect(DEFAULT_PRESET.learningSteps).toEqual(['1m', '10m']);
  });
});

describe('the book of presets', () => {
  test("a deck without an assignment uses the default; an assigned deck its preset's", () => {
    const b = assignDeck(addPreset(defaultBook(), 'p2', 'Two'), 'deckA', 'p2');
    expect(presetOfDeck(b, 'deckA').id).toBe('p2');
    expect(presetOfDeck(b, 'deckB').id).toBe(DEFAULT_PRESET_ID);
    expect(assignDeck(b, 'deckA', DEFAULT_PRESET_ID).decks).toEqual({});
  });

  test("a new preset copies the default's options", () => {
    const b = addPreset({ presets: [{ ...DEFAULT_PRESET, newPerDay: 3 }], decks: {} }, 'p2', 'Two');
    expect(b.presets[1]).toEqual({ ...DEFAULT_PRESET, newPerDay: 3, id: 'p2', name: 'Two' });
  });

  test('deleting a preset sends its decks to the default; the default cannot be deleted', () => {
    const b = assignDeck(addPreset(defaultBook(), 'p2', 'Two'), 'deckA', 'p2');
    const after = removePreset(b, 'p2');
    expect(after.presets.map((p) => p.id)).toEqual([DEFAULT_PRESET_ID]);
    expect(presetOfDeck(after, 'deckA').id).toBe(DEFAULT_PRESET_ID);
    expect(removePreset(b, DEFAULT_PRESET_ID)).toBe(b);
  });

  test('only the retention and the parameters change the schedule', () => {
    expect(changesSchedule(DEFAULT_PRESET, { ...DEFAULT_PRESET, newPerDay: 1, learningSteps: [] })).toBe(false);
    expect(changesSchedule(DEFAULT_PRESET, { ...DEFAULT_PRESET, desiredRetention: 0.8 })).toBe(true);
    expect(changesSchedule(DEFAULT_PRESET, { ...DEFAULT_PRESET, weights: [...default_w.slice(0, 20), 0.3] })).toBe(
      true,
    );
  });
});

describe('version 9: the old global settings become the default preset', () => {
  const oldStudy = { newPerDay: 7, reviewsPerDay: 70, dayStartHour: 2, studyLang: 'zh', uiLang: 'zh', theme: 'dark' };
  const oldScheduler = {
    desiredRetention: 0.85,
    learningSteps: ['5m'],
    relearningSteps: [],
    maximumInterval: 365,
    enableFuzz: false,
    weights: custom.weights,
  };

  test('the limits and the scheduler settings move; languages, theme and day start stay', () => {
    const moved = presetsFromOldSettings(oldStudy, oldScheduler);
    expect(moved.study).toEqual({ dayStartHour: 2, studyLang: 'zh', uiLang: 'zh', theme: 'dark' });
    expect(moved.book).toEqual({
      presets: [{ ...DEFAULT_PRESET, ...oldScheduler, newPerDay: 7, reviewsPerDay: 70 }],
      decks: {},
    });
  });

  test('over settings rows: the scheduler row goes, the presets row comes; rows already moved are left alone', () => {
    const rows = [
      { key: 'study', value: oldStudy, updatedAt: 5 },
      { key: 'scheduler', value: oldScheduler, updatedAt: 9 },
      { key: 'backup', value: { last: 1 }, updatedAt: 1 },
    ];
    const after = settingsRowsWithPresets(rows);
    expect(after.map((r) => r.key).sort()).toEqual(['backup', 'presets', 'study']);
    expect(after.find((r) => r.key === 'presets')).toMatchObject({ updatedAt: 9 });
    expect(settingsRowsWithPresets(after)).toBe(after);
    const empty = [{ key: 'backup', value: {}, updatedAt: 1 }];
    expect(settingsRowsWithPresets(empty)).toBe(empty);
  });
});

describe('queue orders', () => {
  const ids = Array.from({ length: 50 }, (_, i) => `deck/c${i}`);
  const day1 = new Date('2026-12-01T04:00:00').getTime();
  const day2 = day1 + 86_400_000;

  test('random new-card order: the same all day, another the next day, every card once', () => {
    const a = shuffledForDay(ids, day1);
    expect(shuffledForDay([...ids].reverse(), day1)).toEqual(a);
    expect(a).not.toEqual(ids);
    expect([...a].sort()).toEqual([...ids].sort());
    expect(shuffledForDay(ids, day2)).not.toEqual(a);
    // A card added later moves no other card.
    expect(shuffledForDay([...ids, 'deck/new'], day1).filter((id) => id !== 'deck/new')).toEqual(a);
  });

  test('review order by retrievability: lowest first, ties by due date', () => {
    const cards = [
      { id: 'a', due: 3, r: 0.9 },
      { id: 'b', due: 2, r: 0.5 },
      { id: 'c', due: 1, r: 0.9 },
      { id: 'd', due: 9, r: 0.7 },
    ];
    expect(byRetrievability(cards, (c) => c.r).map((c) => c.id)).toEqual(['b', 'd', 'c', 'a']);
  });
});
