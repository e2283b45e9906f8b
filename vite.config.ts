/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { deckCheck } from './scripts/vite-deck-check.ts';
import { csp } from './scripts/vite-csp.ts';
import { ISOLATION_HEADERS } from './scripts/isolation.ts';

// The app's colours (src/app/styles.css): the accent for the title bar, the page background for the splash screen.
const THEME_COLOR = '#2b6cb0';
const BACKGROUND_COLOR = '#f7f8fa';

/**
 * The service worker and web app manifest. After one visit every file of the build is in the service worker's cache
 * (the code of every screen, sql.js and its WebAssembly, the import worker, the built-in decks), so the app starts
 * and reviews with no network. `prompt`: a new version waits until the user accepts it (src/app/pwa-update.tsx).
 */
const pwa = VitePWA({
  registerType: 'prompt',
  // The app registers it itself, through virtual:pwa-register/react: no script is added to index.html.
  injectRegister: false,
  // The glob below takes the icons with every other file (listed again, they would be precached twice).
  includeManifestIcons: false,
  manifest: {
    name: 'dockdeck',
    short_name: 'dockdeck',
    description: 'Spaced-repetition flashcards and quizzes for engineers, in English and Chinese. Works offline.',
    lang: 'en',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    display: 'standalone',
    start_url: '/',
    scope: '/',
    icons: [
      { src: 'pwa-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'pwa-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    // Every file of the build, public/'s icons too; the plugin adds the manifest by itself.
    globPatterns: ['**/*.{js,css,html,wasm,svg,png}'],
    // sql.js's WebAssembly is about 0.7 MB (the default ceiling is 2 MB). A file over the ceiling fails the build
    // rather than being left out of the cache.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // The first visit's page comes under the worker as soon as it is active, so the screens it opens later load from
    // the cache and it works offline without a second load. A new version still waits for the user (no skipWaiting).
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // The one page of the app (routes are in the #fragment); any other path that is a navigation gets it too.
    navigateFallback: 'index.html',
  },
});

export default defineConfig({
  plugins: [react(), deckCheck(), csp(), pwa],
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  // Cross-origin isolation for the optimizer's threads (see scripts/isolation.ts), from `npm run dev` and `npm start`.
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  // fsrs-browser starts its thread workers from `new URL('./workerHelpers.js', import.meta.url)` and imports itself
  // back with `import('../../..')`: pre-bundled, neither path would resolve.
  optimizeDeps: { exclude: ['fsrs-browser'] },
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
