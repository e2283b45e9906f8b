// The import store driven without rendering, with the real worker session in process: what crosses to the worker and
// back, the write's progress, and a worker that fails while handing over the cards.
import { DockdeckDB } from '../../src/db/database';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { requestsVia, type ImportClientFactory } from '../../src/features/import/import-client';
import { createImportStore } from '../../src/features/import/import-store';
import type { ImportStep } from '../../src/features/import/import-steps';
import { ROWS_PER_MESSAGE, type ImportRequest, type ImportResponse } from '../../src/formats/import/protocol';
import { createImportSession } from '../../src/workers/import-session';

const NOW = Date.UTC(2026, 2, 2, 10);
const N = 1200; // more than two write slices

const csv = `front,back\n${Array.from({ length: N }, (_, i) => `q${i},a${i}`).join('\n')}\n`;

let db: DockdeckDB;
beforeEach(() => {
  db = new DockdeckDB(`import-store-${Math.random().toString(36).slice(2)}`);
});
afterEach(() => db.delete());

/** The worker's session in process; `answer` may replace what it posts (to play a failing worker). */
function setup(answer: (m: ImportResponse, post: (m: ImportResponse) => void) => void = (m, post) => post(m)) {
  const received: ImportResponse['type'][] = [];
  const factory: ImportClientFactory = (onMessage) => {
    const post = (m: ImportResponse) =>
      setTimeout(() => {
        received.push(m.type);
        onMessage(m);
      }, 0);
    const session = createImportSession((m) => answer(m, post), { yieldToEvents: () => Promise.resolve() });
    const send = (m: ImportRequest) => void session.handle(m);
    return { ...requestsVia(send), cancel: () => send({ type: 'cancel' }), dispose: () => {} };
  };
  const reported: unknown[] = [];
  const { store, actions } = createImportStore({
    client: factory,
    db: () => db,
    now: () => NOW,
    settings: () => DEFAULT_SCHEDULER_SETTINGS,
    reportStorageError: (e) => reported.push(e),
  });
  const steps: ImportStep[] = [];
  store.subscribe((s) => steps.push(s.current));
  const until = (step: ImportStep['step']) =>
    vi.waitFor(() => expect(store.getState().current.step).toBe(step), { timeout: 5000 });
  return { store, actions, steps, received, reported, until };
}

async function toConfirm(t: ReturnType<typeof setup>) {
  t.actions.openText(csv, 'big.csv');
  await t.until('csv');
  t.actions.continueCsv();
  await t.until('confirm');
}

test('the cards reach this side only after Import; the write reports its progress up to the total', async () => {
  const t = setup();
  await toConfirm(t);
  // Before Import: a summary of the deck and the preview, no cards.
  expect(t.received.filter((k) => k !== 'progress')).toEqual(['csv-preview', 'parsed', 'preview']);
  expect(t.steps.some((s) => s.step === 'reading' && s.progress.phase === 'prepare')).toBe(true);
  t.actions.confirm();
  await t.until('done');
  expect(t.received.filter((k) => k !== 'progress').slice(3)).toEqual([
    'deck',
    ...Array<string>(Math.ceil(N / ROWS_PER_MESSAGE)).fill('cards'),
    'rows-done',
  ]);
  const writing = t.steps.flatMap((s) => (s.step === 'writing' ? [[s.progress.done, s.progress.total]] : []));
  expect(writing[0]).toEqual([0, 0]);
  expect(writing.length).toBeGreaterThan(2);
  expect(writing.at(-1)).toEqual([N, N]);
  const done = t.store.getState().current;
  expect(done).toMatchObject({ step: 'done', decks: [{ deckId: 'big', added: N, title: { en: 'big' } }] });
  expect(await db.cards.count()).toBe(N);
});

test('a worker that fails while handing over the cards: the message is shown, nothing is written', async () => {
  const t = setup((m, post) => {
    if (m.type === 'rows-done') post({ type: 'failed', issues: [{ file: 'big.csv', code: 'import.stopped' }] });
    else post(m);
  });
  await toConfirm(t);
  t.actions.confirm();
  await t.until('failed');
  expect(t.store.getState().current).toMatchObject({
    step: 'failed',
    issues: [{ file: 'big.csv', code: 'import.stopped' }],
  });
  expect([await db.decks.count(), await db.cards.count()]).toEqual([0, 0]);
});

describe('removing the cards a file no longer has (issue #9 item 1)', () => {
  const deckFile = (ids: string[]) =>
    JSON.stringify({
      format: 'dockdeck/deck@1',
      id: 'mine',
      title: { en: 'Mine', zh: '我的' },
      sources: [{ doc: 'n.txt' }],
      cards: ids.map((id) => ({
        id,
        type: 'basic',
        front: { en: `Q ${id}`, zh: `问 ${id}` },
        back: { en: `A ${id}`, zh: `答 ${id}` },
        source: { doc: 'n.txt', section: 'S' },
      })),
    });
  const importText = async (t: ReturnType<typeof setup>, text: string, file: string) => {
    t.actions.openText(text, file);
    await t.until(file.endsWith('.csv') ? 'csv' : 'confirm');
    if (file.endsWith('.csv')) {
      t.actions.continueCsv();
      await t.until('confirm');
    }
  };
  const confirmStep = (t: ReturnType<typeof setup>) => {
    const s = t.store.getState().current;
    if (s.step !== 'confirm') throw new Error(`not on the confirm step: ${s.step}`);
    return s;
  };

  test('a dockdeck deck file: kept by default, removed only after the user ticks it', async () => {
    const t = setup();
    await importText(t, deckFile(['a', 'b', 'c']), 'mine.json');
    t.actions.confirm();
    await t.until('done');
    t.actions.reset();
    await importText(t, deckFile(['a', 'b']), 'mine.json');
    expect(confirmStep(t)).toMatchObject({ remove: [], preview: { decks: [{ missing: 1, removable: true }] } });
    t.actions.setRemoveMissing('mine', true);
    expect(confirmStep(t).remove).toEqual(['mine']);
    t.actions.setRemoveMissing('mine', false);
    t.actions.setRemoveMissing('mine', true);
    t.actions.confirm();
    await t.until('done');
    expect(t.store.getState().current).toMatchObject({ decks: [{ deckId: 'mine', removed: 1 }] });
    expect((await db.cards.toArray()).map((c) => c.id)).toEqual(['mine/a', 'mine/b']);
  });

  test('a CSV cannot be ticked to remove: its import only adds and updates', async () => {
    const t = setup();
    await importText(t, 'front,back\nq1,a1\nq2,a2\n', 'words.csv');
    t.actions.confirm();
    await t.until('done');
    t.actions.reset();
    await importText(t, 'front,back\nq3,a3\n', 'words.csv');
    expect(confirmStep(t)).toMatchObject({ preview: { decks: [{ added: 1, missing: 2, removable: false }] } });
    t.actions.setRemoveMissing('words', true);
    expect(confirmStep(t).remove).toEqual([]);
    t.actions.confirm();
    await t.until('done');
    expect(await db.cards.count()).toBe(3);
  });
});
