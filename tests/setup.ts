// Shared test setup: DOM matchers, fake IndexedDB, and every store and the clock reset between tests.
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { alertStore } from '../src/lib/alerts';
import { setClock } from '../src/lib/clock';

afterEach(() => {
  alertStore.setState({ alerts: [] });
  setClock(null);
});
