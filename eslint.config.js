// Lint rules, including the layer boundaries of DESIGN.md: each folder imports only the layers below it.
// Boundaries are checked on resolved paths (import-x/no-restricted-paths), so `../library/x` is caught as
// surely as `src/features/library/x`; tests/unit/lint-rules.test.ts lints probe files to prove each rule.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const FEATURES = ['review', 'quiz', 'library', 'import', 'backup', 'browse', 'stats', 'settings'];
const LAYERS = ['domain', 'formats', 'db', 'workers', 'features', 'ui', 'lib', 'app'];
/** Every layer folder but the allowed ones. */
const except = (...allowed) => LAYERS.filter((l) => !allowed.includes(l)).map((l) => `src/${l}`);
const zone = (target, from, message, allowed) => ({ target, from, message, ...(allowed ? { except: allowed } : {}) });

const zones = [
  zone('src/domain', except('domain'), 'src/domain is the pure core: it imports npm libraries only.'),
  zone('src/formats', except('domain', 'formats'), 'src/formats imports only src/domain (and npm libraries).'),
  // The files beside the repositories; their React bindings (src/db/react) have their own zone.
  zone(
    'src/db/*.ts',
    [...except('domain', 'formats', 'db', 'lib'), 'src/db/react'],
    'src/db imports only domain, formats and lib; its React bindings live in src/db/react.',
  ),
  zone(
    'src/db/react',
    ['src/formats', 'src/workers', 'src/features', 'src/ui', 'src/app'],
    'src/db/react imports only db, domain and lib.',
  ),
  zone(
    'src/workers',
    ['src/features', 'src/ui', 'src/app', 'src/db/react'],
    'src/workers imports only domain, formats, db and lib.',
  ),
  ...FEATURES.map((f) =>
    zone(
      `src/features/${f}`,
      ['src/features', 'src/app', 'src/workers'],
      'A feature imports domain, formats, db, ui and lib only: never another feature, the app or a worker.',
      [`./${f}`],
    ),
  ),
  zone('src/ui', except('ui', 'lib'), 'src/ui imports only src/lib.'),
  zone('src/lib', except('lib'), 'src/lib imports npm libraries only.'),
];

/** Packages a folder may not import, with the reason. */
const banned = (names, message) => ['error', { paths: names.map((name) => ({ name, message })) }];
const NOT_DEXIE = 'Only src/db may import dexie.';
const NOT_FSRS = 'Only src/domain may import ts-fsrs (through scheduler.ts).';

/** Pure code: time, randomness, timers and the browser's globals are arguments, never reached for. */
const PURE_SYNTAX = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Pure code takes the time as an argument (no Date.now()).',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Pure code takes the time as an argument (no new Date() without one).',
  },
  { selector: "CallExpression[callee.name='Date']", message: 'Pure code takes the time as an argument (no Date()).' },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'Pure code takes a seed (no Math.random()): see src/domain/quiz/random.ts.',
  },
  {
    selector: "MemberExpression[object.name='performance'][property.name='now']",
    message: 'Pure code takes the time as an argument (no performance.now()).',
  },
];
const IMPURE_GLOBALS = [
  ...['setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'requestIdleCallback', 'queueMicrotask'],
  ...['window', 'document', 'indexedDB', 'localStorage', 'sessionStorage', 'navigator', 'location', 'self', 'fetch'],
];

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
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.app.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // A function a newcomer can read in one sitting; `npm run longest` lists the longest ones.
      'max-lines-per-function': ['error', { max: 120 }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/db/**', 'src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: NOT_DEXIE },
            { name: 'ts-fsrs', message: NOT_FSRS },
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**/*.{ts,tsx}'],
    ignores: ['src/db/react/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'ts-fsrs', message: NOT_FSRS },
            ...['react', 'react-dom', 'zustand'].map((name) => ({
              name,
              message: 'src/db has no React: its React bindings live in src/db/react.',
            })),
          ],
        },
      ],
    },
  },
  { files: ['src/db/react/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': banned(['ts-fsrs'], NOT_FSRS) } },
  {
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': banned(
        ['react', 'react-dom', 'zustand', 'dexie'],
        'src/domain is pure: no React, no Dexie, no stores.',
      ),
    },
  },
  {
    files: ['src/formats/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'ts-fsrs', message: NOT_FSRS },
            ...['react', 'react-dom', 'zustand', 'dexie'].map((name) => ({
              name,
              message: 'src/formats is pure: no React, no Dexie, no stores.',
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.{ts,tsx}', 'src/formats/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', ...PURE_SYNTAX],
      'no-restricted-globals': [
        'error',
        ...IMPURE_GLOBALS.map((name) => ({
          name,
          message: 'src/domain and src/formats are pure: timers and browser globals are passed in by the caller.',
        })),
      ],
    },
  },
);
