/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { deckCheck } from './scripts/vite-deck-check.ts';
import { csp } from './scripts/vite-csp.ts';

export default defineConfig({
  plugins: [react(), deckCheck(), csp()],
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  test: {
    globals: true,
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx', 'src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    // A ceiling for a busy machine (see tests/setup.ts), not a wait.
    testTimeout: 30_000,
  },
});
