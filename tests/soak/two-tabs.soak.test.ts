// Soak: two tabs of one profile, 1,000 interleaved keyboard answers with undos between them (several minutes on a
// small machine, hence here and not in the e2e suite, which runs 100); then every log is counted and every card's
// log chain checked against its stored memory.
import { expect, test } from 'vitest';
import { browserPerTest } from '../e2e/browser';
import { twoTabReview } from '../e2e/two-tabs-helpers';

const session = browserPerTest();

test('two tabs, 1,000 interleaved answers with undos: every answer kept, every card’s chain unbroken', async () => {
  const { context, page: a } = session();
  const b = await context.newPage();
  const seed = Number(process.env.TWO_TABS_SEED ?? Date.now() % 1_000_000);
  console.log(`two tabs soak: seed ${seed}`);
  const run = await twoTabReview(a, b, 'containers-vs-vms', 1_000, seed);
  console.log(`two tabs soak: ${JSON.stringify(run)}`);
  expect(run.logs).toBe(run.answeredA + run.answeredB);
  expect(run.results.answered - run.results.undone).toBe(run.logs);
  const { errors } = session();
  // Undos refused because the other tab answered the card since are expected (the app logs what it reports).
  errors.splice(0, errors.length, ...errors.filter((e) => !/UndoConflictError/.test(e)));
});
