// The card-based figures: future due with the daily load, card counts, histograms, and the memory figures
// (retrievability on ts-fsrs's curve, average retention, estimated total knowledge). UTC+8, day at 4 a.m.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cardCounts, noteOfCardId, unreadNewCards } from '../../src/domain/stats/card-counts';
import { expandDeck } from '../../src/domain/study-card';
import { parseDeckText } from '../../src/formats/dockdeck/validate';
import { futureDue } from '../../src/domain/stats/future-due';
import { histogram, median } from '../../src/domain/stats/histogram';
import {
  decayOf,
  difficultiesOf,
  intervalsOf,
  memorySummary,
  retrievabilityAt,
  stabilitiesOf,
} from '../../src/domain/stats/memory';
import type { StatsCard } from '../../src/domain/stats/stats-rows';
import { DAY, calendar, local } from './helpers/stats-logs';

const now = local(2026, 12, 1, 12, 0);
let n = 0;
function card(o: Partial<StatsCard> = {}): StatsCard {
  n += 1;
  return {
    id: `d/c${n}`,
    deckId: 'd',
    noteId: `d/n${n}`,
    state: 2,
    due: now,
    scheduledDays: 5,
    stability: 10,
    difficulty: 5,
    lastReview: now - DAY,
    ...o,
  };
}

describe('futureDue', () => {
  const tomorrow4 = local(2026, 12, 2, 4);
  const cards = [
    card({ state: 0, scheduledDays: 0 }), // new: out of everything
    card({ due: now - 3 * DAY, scheduledDays: 4 }), // overdue → today; load 1/4
    card({ due: local(2026, 12, 1, 18), scheduledDays: 10 }), // later today; 1/10
    card({ state: 1, due: now + 2 * 3_600_000, scheduledDays: 0 }), // learning in 2 h → today; 1/max(1, 0) = 1
    card({ state: 1, due: local(2026, 12, 2, 10), scheduledDays: 0 }), // learning tomorrow 10:00 → day 1; 1
    card({ due: local(2026, 12, 2, 3, 59), scheduledDays: 2 }), // 03:59 on Dec 2 is still today; 1/2
    card({ due: local(2026, 12, 3, 4), scheduledDays: 20 }), // day 2; 1/20
    card({ due: now, scheduledDays: 5, suspended: true }), // suspended: out of everything
    card({ due: now - DAY, scheduledDays: 5, buriedUntil: tomorrow4 }), // buried, due: not today; keeps its 1/5
    card({ due: local(2026, 12, 4, 9), scheduledDays: 8, buriedUntil: tomorrow4 }), // buried, due day 3; 1/8
    card({ due: local(2026, 12, 11, 9), scheduledDays: 40 }), // day 10, past the 7 days shown; 1/40
  ];

  test('per day, overdue today, later, and the daily load', () => {
    const f = futureDue(cards, calendar, now, 7);
    expect(f.perDay).toEqual([4, 1, 1, 1, 0, 0, 0]); // today: overdue, 18:00, learning in 2 h, 03:59 tomorrow
    expect(f.overdue).toBe(1);
    expect(f.later).toBe(1);
    // 1/4 + 1/10 + 1 + 1 + 1/2 + 1/20 + 1/5 + 1/8 + 1/40 = 3.25
    expect(f.dailyLoad).toBeCloseTo(3.25, 10);
  });
});

describe('cardCounts', () => {
  test('suspended and buried counted apart; young under 21 days, mature from 21; an expired burial is no burial', () => {
    const cards = [
      card({ state: 0 }),
      card({ state: 0, suspended: true }),
      card({ state: 1 }),
      card({ state: 3 }),
      card({ scheduledDays: 20 }),
      card({ scheduledDays: 21 }),
      card({ scheduledDays: 30, suspended: true }),
      card({ scheduledDays: 5, buriedUntil: now + 1 }),
      card({ scheduledDays: 5, buriedUntil: now }), // buried until now: no longer buried
    ];
    expect(cardCounts(cards, now)).toEqual({
      new: 1,
      learning: 1,
      relearning: 1,
      young: 2, // 20 days, and the card whose burial ended
      mature: 1,
      suspended: 2,
      buried: 1,
      total: 9,
      byStateIncludingParked: { new: 2, learning: 1, relearning: 1, young: 3, mature: 2 },
    });
  });
});

describe('histogram', () => {
  test('bins include their lower edge; the last bin includes its upper edge; the rest is outside', () => {
    const h = histogram([0, 0.5, 1, 1.999, 2, 5, 10, 10, 11, -1, Number.NaN], [0, 1, 2, 10]);
    expect(h).toEqual({
      bins: [
        { from: 0, to: 1, count: 2 }, // 0, 0.5
        { from: 1, to: 2, count: 2 }, // 1, 1.999
        { from: 2, to: 10, count: 4 }, // 2, 5, 10, 10
      ],
      outside: 3, // 11, −1, NaN
    });
  });

  test('an open last bin', () => {
    expect(histogram([400, 36500], [0, 365, Infinity]).bins.map((b) => b.count)).toEqual([0, 2]);
  });

  test('edges must be two or more, ascending', () => {
    expect(() => histogram([1], [0])).toThrow(RangeError);
    expect(() => histogram([1], [0, 2, 2])).toThrow(RangeError);
    expect(() => histogram([1], [3, 1])).toThrow(RangeError);
  });

  test('median', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('memory', () => {
  test('decay: w[20] of FSRS-6 weights, 0.5 for FSRS-5’s 19', () => {
    const w6 = [...Array<number>(20).fill(1), 0.1542];
    expect(decayOf(w6)).toBe(0.1542);
    expect(decayOf(Array<number>(19).fill(1))).toBe(0.5);
  });

  // R(t, S) = (1 + f·t/S)^(−decay) with f = 0.9^(−1/decay) − 1, so R(S, S) = 0.9 whatever the decay.
  test('retrievability on the forgetting curve', () => {
    const s10 = (daysAgo: number) => card({ stability: 10, lastReview: now - daysAgo * DAY });
    expect(retrievabilityAt(s10(10), now, 0.5)).toBeCloseTo(0.9, 6);
    expect(retrievabilityAt(s10(10), now, 0.1542)).toBeCloseTo(0.9, 6);
    expect(retrievabilityAt(s10(0), now, 0.5)).toBe(1);
    // decay 0.5: f = 1/0.81 − 1 = 19/81; R(30, 10) = (1 + 57/81)^(−0.5) = √(81/138) = 0.766131
    expect(retrievabilityAt(s10(30), now, 0.5)).toBeCloseTo(0.766131, 6);
    // decay 0.2: f = 0.9^−5 − 1 = 0.693509; R(30, 10) = (1 + 3 × 0.693509)^(−0.2) = 0.798500
    expect(retrievabilityAt(s10(30), now, 0.2)).toBeCloseTo(0.7985, 6);
    // Fractional days count: half of S = 10 days at decay 0.5 is (1 + 0.5 × 19/81)^(−0.5) = √(162/181) = 0.946059
    expect(retrievabilityAt(s10(5), now, 0.5)).toBeCloseTo(0.946059, 6);
    expect(retrievabilityAt(card({ state: 0 }), now, 0.5)).toBeNull();
  });

  test('average retention and estimated total knowledge, by card and by note, each card with its own decay', () => {
    const cards = [
      card({ noteId: 'n1', stability: 10, lastReview: now - 10 * DAY }), // 0.9
      card({ noteId: 'n1', state: 0 }), // new: no retrievability, but one of n1's two cards
      card({ noteId: 'n2', stability: 10, lastReview: now - 30 * DAY }), // 0.766131 at decay 0.5
      card({ noteId: 'n3', stability: 4, lastReview: now }), // 1
      card({ noteId: 'n3', deckId: 'fsrs5', stability: 10, lastReview: now - 30 * DAY }), // 0.798500 at decay 0.2
    ];
    const decays: Record<string, number> = { d: 0.5, fsrs5: 0.2 };
    const m = memorySummary(cards, now, (c) => decays[c.deckId] ?? 0.5);
    expect(m.retrievabilities).toHaveLength(4);
    // 0.9 + 0.766131 + 1 + 0.7985 = 3.464631
    expect(m.totalKnowledge).toBeCloseTo(3.464631, 5);
    expect(m.averageRetention).toBeCloseTo(3.464631 / 4, 5);
    // n1: (0.9 + 0)/2 = 0.45; n2: 0.766131; n3: (1 + 0.7985)/2 = 0.89925 → 2.115381
    expect(m.totalKnowledgeByNote).toBeCloseTo(2.115381, 5);
    expect(memorySummary([card({ state: 0 })], now, () => 0.5).averageRetention).toBeNull();
  });

  test('intervals of review and relearning cards; stability and difficulty (as 0–100 %) of studied cards', () => {
    const cards = [
      card({ state: 0, scheduledDays: 0, stability: 0, difficulty: 0 }),
      card({ state: 1, scheduledDays: 0, stability: 0.5, difficulty: 1 }),
      card({ state: 2, scheduledDays: 12, stability: 14, difficulty: 5.5 }),
      card({ state: 3, scheduledDays: 0, stability: 2, difficulty: 10 }),
    ];
    expect(intervalsOf(cards)).toEqual([12, 0]);
    expect(stabilitiesOf(cards)).toEqual([0.5, 14, 2]);
    expect(difficultiesOf(cards)).toEqual([0, 50, 100]); // (D − 1) / 9 × 100
  });
});

describe('new cards known by id only', () => {
  test('the note of a card id is the note expandDeck gives it, for every card of every built-in deck', () => {
    const dir = resolve(import.meta.dirname, '../../decks');
    const kinds = new Set<string>();
    let checked = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json') && !x.endsWith('.schema.json'))) {
      const parsed = parseDeckText(f, readFileSync(join(dir, f), 'utf8'));
      if (!parsed.ok) throw new Error(`${f} does not parse`);
      for (const c of expandDeck(parsed.deck)) {
        expect(noteOfCardId(c.id)).toBe(c.noteId);
        kinds.add(c.content.kind);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(kinds.size).toBeGreaterThan(2);
    expect(noteOfCardId('d/table:t/r:col')).toBe('d/table:t/r');
    expect(noteOfCardId('d/table:t/r')).toBe('d/table:t/r');
    expect(noteOfCardId('d/n1:reverse')).toBe('d/n1');
  });

  test('unread new cards count as new and in their notes’ size, as their rows would', () => {
    const studied = card({ id: 'd/n1', noteId: 'd/n1', state: 2, stability: 3 });
    const fresh = [
      card({ id: 'd/n1:reverse', noteId: 'd/n1', state: 0 }),
      card({ id: 'd/n2', noteId: 'd/n2', state: 0 }),
    ];
    const unread = unreadNewCards(fresh.map((c) => c.id));
    expect(unread).toEqual({
      count: 2,
      byNote: new Map([
        ['d/n1', 1],
        ['d/n2', 1],
      ]),
    });
    expect(cardCounts([studied], now, unread)).toEqual(cardCounts([studied, ...fresh], now));
    const m = memorySummary([studied], now, () => 0.5, unread);
    expect(m).toEqual(memorySummary([studied, ...fresh], now, () => 0.5));
    // d/n1: one studied card of two, so half its retrievability; d/n2 counts nothing.
    expect(m.totalKnowledgeByNote).toBeCloseTo(m.totalKnowledge / 2, 10);
  });
});
