// @vitest-environment jsdom
// Pins the optimizer in the presets editor (issue #13): it fits the parameters of the preset being edited on the
// reviews of that preset's decks, its result goes into the editor's draft (nothing written), and the editor's Save
// writes it with the offer to reschedule; pasted parameters that are not 21 valid numbers are refused with the reason.
// jsdom has no Worker and no cross-origin isolation: a stand-in worker answers with a fixed result.
import { screen, waitFor, within } from '@testing-library/react';
import { default_w } from 'ts-fsrs';
import { readPresetBook } from '../../src/db/preset-repo';
import type { OptimizeRequest, OptimizeResult } from '../../src/domain/optimizer/protocol';
import { freshDb, openApp } from './helpers';
import { plainDeck } from './fixtures';

const FITTED = default_w.map((w, i) => (i === 3 ? w + 1.23456 : w));
const ROUNDED = FITTED.map((w) => Math.round(w * 10_000) / 10_000);

const result: OptimizeResult = {
  items: 500,
  reviews: 900,
  cards: 100,
  skipped: { future: 0, 'unknown-rating': 0, 'unknown-kind': 0, 'bad-time': 0 },
  leftOut: { cram: 0, quiz: 0, custom: 0, 'before-date': 0, incomplete: 0 },
  scope: 'all',
  before: { logLoss: 0.3, rmseBins: 0.05 },
  fitted: FITTED,
  after: { logLoss: 0.25, rmseBins: 0.03 },
  verdict: { keep: true },
  ms: 10,
};

const requests: OptimizeRequest[] = [];

class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(request: OptimizeRequest) {
    // Other workers of the app (built-in decks) get no answer.
    if (request?.type !== 'optimize') return;
    requests.push(request);
    setTimeout(() => this.onmessage?.({ data: { type: 'done', result } } as MessageEvent), 0);
  }
  terminate() {}
}

beforeEach(() => {
  requests.length = 0;
  vi.stubGlobal('Worker', FakeWorker);
  Object.defineProperty(window, 'crossOriginIsolated', { value: true, configurable: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
  Object.defineProperty(window, 'crossOriginIsolated', { value: false, configurable: true });
  localStorage.clear();
});

const panel = () => screen.getByRole('group', { name: 'Optimize FSRS parameters' });

test('fits the edited preset on its decks’ reviews; the result goes into the draft and is saved by Save', async () => {
  const { db } = await freshDb(plainDeck(2));
  const { user } = openApp('#/settings');
  // A preset of its own for the plain deck: its optimizer reads only that deck's reviews.
  await user.click(await screen.findByRole('button', { name: 'Add preset' }));
  const decks = screen.getByRole('group', { name: 'Decks using this preset' });
  await user.click(await within(decks).findByRole('checkbox', { name: 'Plain deck' }, { timeout: 10_000 }));
  await user.click(screen.getByRole('button', { name: 'Save presets' }));
  await screen.findByText('Presets saved.');
  const saved = await readPresetBook(db);
  await user.click(within(panel()).getByRole('button', { name: 'Optimize' }));
  await within(panel()).findByRole('button', { name: 'Use these parameters' });
  expect(requests).toHaveLength(1);
  expect(requests[0]!.deckIds).toEqual(['plain']);
  expect(requests[0]!.weights).toEqual([...default_w]);

  await user.click(within(panel()).getByRole('button', { name: 'Use these parameters' }));
  await within(panel()).findByText(/Save the preset to keep them/);
  expect(screen.getByLabelText(/^FSRS parameters/)).toHaveValue(ROUNDED.join(', '));
  // Nothing is written before the editor's Save.
  expect(await readPresetBook(db)).toEqual(saved);

  await user.click(screen.getByRole('button', { name: 'Save presets' }));
  const dialog = await screen.findByRole('alertdialog', { name: 'Reschedule existing cards?' });
  await user.click(within(dialog).getByRole('button', { name: 'Save only' }));
  await screen.findByText('Presets saved.');
  const book = await readPresetBook(db);
  expect(book.presets[1]!.weights).toEqual(ROUNDED);
  expect(book.presets[0]!.weights).toEqual([...default_w]);

  // The editor's Undo takes the fitted parameters back out.
  await user.click(screen.getByRole('button', { name: 'Undo last save' }));
  await screen.findByText('The last save was undone.');
  expect(await readPresetBook(db)).toEqual(saved);
});

test('pasted parameters: refused with the reason, or put into the draft; invalid draft parameters block Optimize', async () => {
  const { db } = await freshDb(plainDeck(1));
  const { user } = openApp('#/settings');
  const paste = await within(await screen.findByRole('group', { name: 'Optimize FSRS parameters' })).findByLabelText(
    'Paste parameters',
  );
  await user.type(paste, '1, 2, x');
  await user.click(within(panel()).getByRole('button', { name: 'Use pasted parameters' }));
  await within(panel()).findByText('Item 3 (“x”) is not a number.');
  expect(screen.getByLabelText(/^FSRS parameters/)).toHaveValue(
    default_w.map((w) => String(Math.round(w * 10_000) / 10_000)).join(', '),
  );

  await user.clear(paste);
  await user.type(paste, ROUNDED.join(' '));
  await user.click(within(panel()).getByRole('button', { name: 'Use pasted parameters' }));
  await waitFor(() => expect(screen.getByLabelText(/^FSRS parameters/)).toHaveValue(ROUNDED.join(', ')));
  expect(await db.settings.get('presets')).toBeUndefined();

  // A parameter box that is not 21 numbers: the fit would have nothing to be compared with.
  const params = screen.getByLabelText(/^FSRS parameters/);
  await user.clear(params);
  await user.type(params, '1, 2');
  expect(within(panel()).getByRole('button', { name: 'Optimize' })).toBeDisabled();
  within(panel()).getByText(/must be valid to compare the fit with them: Found 2 numbers; exactly 21 are needed/);
});
