// Vitest config for the browser end-to-end tests: real Chromium against `vite preview` of the built dist/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Two files at a time, each with its own browser and profile: a test waits on the page most of the time (one
    // browser uses about 0.7 of a core here), so two keep the 2-core machine busy; every wait ends on a signal, so a
    // busy machine is slower, not red (the suite passed with two at once at a load average of 13 to 18).
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
  },
});
