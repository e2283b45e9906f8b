// Storage failures are told apart by their class (instanceof), not by their name strings, and each gets its alert.
import Dexie from 'dexie';
import { reportStorageError } from '../../src/db/connection';
import { CardNotFoundError, UndoConflictError, isClosedError, isQuotaError } from '../../src/db/errors';
import { alertStore } from '../../src/lib/alerts';

const quotaInDexie = () => {
  const e = new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError'));
  return e;
};

test.each([
  ['a browser QuotaExceededError', () => new DOMException('full', 'QuotaExceededError'), 'alert.quota'],
  ['a quota error inside a Dexie error', quotaInDexie, 'alert.quota'],
  ["Dexie's QuotaExceededError", () => new Dexie.QuotaExceededError('full'), 'alert.quota'],
  ['a database closed by another tab', () => new Dexie.DatabaseClosedError('closed'), 'alert.closed'],
  ['an upgrade from another tab', () => new Dexie.VersionChangeError('newer'), 'alert.closed'],
  ['an undo after the card was answered again', () => new UndoConflictError('d/c'), 'alert.undo-conflict'],
  ['an unexpected error', () => new Error('boom'), 'alert.storage-failed'],
  [
    'an error that only borrows a name',
    () => Object.assign(new Error('x'), { name: 'UndoConflictError' }),
    'alert.storage-failed',
  ],
])('%s → %s', (_what, make, key) => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  expect(reportStorageError(make())).toBe(key);
  expect(alertStore.getState().alerts.at(-1)?.message).toBe(key);
});

test('isQuotaError and isClosedError see only what they name', () => {
  expect(isQuotaError(new DOMException('x', 'NotFoundError'))).toBe(false);
  expect(isQuotaError(new CardNotFoundError('d/c'))).toBe(false);
  expect(isClosedError(new Dexie.QuotaExceededError('full'))).toBe(false);
  expect(isClosedError(new Dexie.DatabaseClosedError('closed'))).toBe(true);
});
