// Issue #13: the optimizer's training items, built from the review log as Anki builds them for fsrs-rs.
import { describe, expect, it } from 'vitest';
import {
  buildTrainingItems,
  flattenItems,
  type ItemOptions,
  type LogEntry,
} from '../../src/domain/optimizer/training-items';

const DAY = 86_400_000;
// 2026-01-01 12:00 UTC: the middle of a study day in UTC whatever the day's start hour.
const T0 = Date.UTC(2026, 0, 1, 12);
const base: ItemOptions = { dayStartHour: 4, now: T0 + 365 * DAY, includeQuiz: false, includeCustom: false };
const at = (day: number, minutes = 0) => T0 + day * DAY + minutes * 60_000;
const log = (cardId: string, review: number, rating: string, kind = 'review', state?: number): LogEntry => ({
  cardId,
  review,
  rating,
  kind,
  ...(state === undefined ? {} : { state }),
});
const shape = (items: { rating: number; deltaT: number }[][]) =>
  items.map((i) => i.map((r) => `${r.rating}@${r.deltaT}`).join(' '));

describe('buildTrainingItems', () => {
  it('makes one item per review that opens a study day, with the card history before it', () => {
    const set = buildTrainingItems(
      [
        log('a', at(0), 'again', 'review', 0),
        log('a', at(0, 10), 'good'),
        log('a', at(1), 'good'),
        log('a', at(4), 'hard'),
      ],
      { ...base, dayStartHour: 0 },
    );
    // Same-day reviews stay in the history with delta_t 0; only day-opening reviews are predicted.
    expect(shape(set.items)).toEqual(['1@0 3@0 3@1', '1@0 3@0 3@1 2@3']);
    expect(set.reviews).toBe(4);
    expect(set.cards).toBe(1);
  });

  it('orders reviews by time within a card, and items by the time of their last review across cards', () => {
    const set = buildTrainingItems(
      [log('b', at(3), 'good'), log('a', at(5), 'easy'), log('b', at(0), 'good'), log('a', at(1), 'again')],
      base,
    );
    expect(shape(set.items)).toEqual(['3@0 3@3', '1@0 4@4']);
  });

  it('counts study days from the day start hour, in local time', () => {
    // 03:00 and 05:00 local time on the same date are two study days when the day starts at 04:00.
    const logs = [
      log('a', new Date(2026, 2, 10, 3).getTime(), 'good'),
      log('a', new Date(2026, 2, 10, 5).getTime(), 'good'),
    ];
    expect(shape(buildTrainingItems(logs, { ...base, dayStartHour: 4 }).items)).toEqual(['3@0 3@1']);
    expect(buildTrainingItems(logs, { ...base, dayStartHour: 0 }).items).toEqual([]);
  });

  it.each([
    { includeQuiz: false, includeCustom: false, items: ['3@0 3@4'], leftOut: { cram: 1, quiz: 1, custom: 1 } },
    {
      includeQuiz: true,
      includeCustom: false,
      items: ['3@0 3@1', '3@0 3@1 3@3'],
      leftOut: { cram: 1, quiz: 0, custom: 1 },
    },
    {
      includeQuiz: true,
      includeCustom: true,
      items: ['3@0 3@1', '3@0 3@1 1@1', '3@0 3@1 1@1 3@2'],
      leftOut: { cram: 1, quiz: 0, custom: 0 },
    },
  ])('cram is always left out; quiz %# and custom as chosen', ({ includeQuiz, includeCustom, items, leftOut }) => {
    const logs = [
      log('a', at(0), 'good'),
      log('a', at(1), 'good', 'quiz'),
      log('a', at(2), 'again', 'custom'),
      log('a', at(3), 'easy', 'cram'),
      log('a', at(4), 'good'),
    ];
    const set = buildTrainingItems(logs, { ...base, includeQuiz, includeCustom });
    expect(shape(set.items)).toEqual(items);
    expect(set.leftOut).toMatchObject(leftOut);
  });

  it('leaves out a whole card whose history starts before "ignore reviews before"', () => {
    const logs = [
      log('old', at(0), 'good'),
      log('old', at(10), 'good'),
      log('new', at(5), 'good'),
      log('new', at(8), 'good'),
    ];
    const set = buildTrainingItems(logs, { ...base, ignoreBefore: at(3) });
    expect(shape(set.items)).toEqual(['3@0 3@3']);
    expect(set.leftOut['before-date']).toBe(2);
  });

  it('starts a history over at a reset, and ignores set due date', () => {
    const logs = [
      log('a', at(0), 'good'),
      log('a', at(2), 'good'),
      log('a', at(3), 'reset', 'manual'),
      log('a', at(5), 'again', 'review', 0),
      log('a', at(6), 'set-due', 'manual'),
      log('a', at(7), 'good', 'review', 2),
    ];
    expect(shape(buildTrainingItems(logs, base).items)).toEqual(['1@0 3@2']);
  });

  it('leaves out a card whose history does not begin with its introduction', () => {
    const set = buildTrainingItems([log('a', at(0), 'good', 'review', 2), log('a', at(3), 'good', 'review', 2)], base);
    expect(set.items).toEqual([]);
    expect(set.leftOut.incomplete).toBe(2);
  });

  it('skips impossible entries with a count per reason, and still builds the rest', () => {
    const logs = [
      log('a', at(0), 'good'),
      log('a', at(2), 'good'),
      log('a', base.now + 1, 'good'),
      log('a', at(3), 'perfect'),
      log('a', at(3), 'good', 'dream'),
      log('a', Number.NaN, 'good'),
      log('a', Number.POSITIVE_INFINITY, 'good'),
      log('a', at(4), 'forget', 'manual'),
    ];
    const set = buildTrainingItems(logs, base);
    expect(shape(set.items)).toEqual(['3@0 3@2']);
    expect(set.skipped).toEqual({ future: 1, 'unknown-rating': 2, 'unknown-kind': 1, 'bad-time': 2 });
  });

  it('flattens items into the arrays fsrs-browser reads', () => {
    const set = buildTrainingItems([log('a', at(0), 'good'), log('a', at(2), 'hard'), log('a', at(5), 'easy')], base);
    const flat = flattenItems(set.items);
    expect([...flat.ratings]).toEqual([3, 2, 3, 2, 4]);
    expect([...flat.deltaTs]).toEqual([0, 2, 0, 2, 3]);
    expect([...flat.lengths]).toEqual([2, 3]);
  });
});
