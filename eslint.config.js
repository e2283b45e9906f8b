// Lint rules, including the layer boundaries of DESIGN.md: each folder imports only the layers below it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (from, banned, message) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': ['error', { patterns: banned.map((g) => ({ group: [g], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'bench/results.json', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Node scripts and the bench runner run in node (bench code sent to the page names its browser globals).
    files: ['scripts/**', 'bench/**', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Test harnesses run in node and send code to the browser.
    files: ['tests/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Only src/db talks to Dexie, only src/domain to ts-fsrs.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Only src/db may import dexie.' }] }],
    },
  },
  layer(
    'domain',
    [
      '**/db/**',
      '**/features/**',
      '**/ui/**',
      '**/app/**',
      '**/workers/**',
      '**/lib/**',
      'react',
      'react-dom',
      'dexie',
      'zustand',
    ],
    'src/domain is pure: npm libraries only (no React, no Dexie, no other layer).',
  ),
  {
    ...layer(
      'db',
      ['**/features/**', '**/ui/**', '**/app/**', '**/workers/**', 'ts-fsrs', 'react', 'react-dom'],
      'src/db may import only domain (and lib helpers); its React bindings live in src/db/react.',
    ),
    ignores: ['src/db/react/**'],
  },
  layer(
    'db/react',
    ['**/features/**', '**/ui/**', '**/app/**', '**/workers/**', 'ts-fsrs'],
    'src/db/react may import only db, domain and lib.',
  ),
  layer(
    'workers',
    ['**/db/**', '**/features/**', '**/ui/**', '**/app/**', 'dexie', 'ts-fsrs'],
    'src/workers may import only domain (and lib helpers such as the sql.js loader).',
  ),
  layer(
    'ui',
    ['**/domain/**', '**/db/**', '**/features/**', '**/app/**', '**/workers/**', 'dexie', 'ts-fsrs'],
    'src/ui may import only lib.',
  ),
  layer(
    'lib',
    ['**/domain/**', '**/db/**', '**/features/**', '**/ui/**', '**/app/**', '**/workers/**', 'dexie', 'ts-fsrs'],
    'src/lib may import npm libraries only.',
  ),
  ...['review', 'library', 'settings', 'quiz', 'browse', 'stats'].map((f) =>
    layer(
      `features/${f}`,
      [
        '**/app/**',
        'dexie',
        'ts-fsrs',
        ...['review', 'library', 'settings', 'quiz', 'browse', 'stats']
          .filter((o) => o !== f)
          .map((o) => `**/features/${o}/**`),
      ],
      'Features import domain, db, ui and lib only, never each other or the app.',
    ),
  ),
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Domain code takes time as an argument.',
        },
      ],
    },
  },
);
