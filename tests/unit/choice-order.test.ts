// Review shows mcq choices and classify categories shuffled, seeded by card and review count.
import { choiceOrder } from '../../src/domain/choice-order';

test('a permutation of the choices, the same for the same card and review count', () => {
  for (const n of [2, 3, 4, 5, 8]) {
    const order = choiceOrder('deck/card', 3, n);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(choiceOrder('deck/card', 3, n)).toEqual(order);
  }
});

test('over many cards the answer (choice 0 in the file) is shown at every position, about equally often', () => {
  const n = 4;
  const at = new Array<number>(n).fill(0);
  const cards = 4000;
  for (let c = 0; c < cards; c++) at[choiceOrder(`docker-architecture/q${c}`, 0, n).indexOf(0)]!++;
  for (const count of at) {
    expect(count).toBeGreaterThan(cards / n - 150);
    expect(count).toBeLessThan(cards / n + 150);
  }
});

test('one card: the order changes between reviews, and every position comes up over its reviews', () => {
  const orders = Array.from({ length: 40 }, (_, reps) => choiceOrder('virtualization/type-1', reps, 4));
  const positions = new Set(orders.map((o) => o.indexOf(0)));
  expect(positions).toEqual(new Set([0, 1, 2, 3]));
  const changed = orders.slice(1).filter((o, i) => o.join() !== orders[i]!.join()).length;
  expect(changed).toBeGreaterThan(25);
});
