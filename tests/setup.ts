// Shared test setup: DOM matchers, a fresh fake IndexedDB per test file, and cleanup between tests.
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
