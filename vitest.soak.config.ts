// Vitest config for the soak tests (`npm run test:soak`): browser tests that take over a minute (1,000 answers from
// two tabs, say), against `vite preview` of the built dist/ as the e2e tests are. `.ci/run` runs them after `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/soak/**/*.soak.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // The soak files side by side (two tabs, crashes), each with its own browser and profile, as the e2e files run.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
  },
});
