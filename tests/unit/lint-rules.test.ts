// The layer rules of DESIGN.md are checked by a machine: each probe below is a small file that breaks one rule
// (or keeps them all), linted with the project's own eslint.config.js at a path inside src/.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const refused: Array<[string, string, string, RegExp]> = [
  [
    'a feature importing a sibling feature by a relative path',
    'src/features/review/probe.ts',
    "import { libraryMessages } from '../library/library-messages';\nexport const m = libraryMessages;\n",
    /no-restricted-paths.*never another feature/,
  ],
  [
    'a feature importing the app shell',
    'src/features/quiz/probe.ts',
    "import { href } from '../../app/routes';\nexport const h = href;\n",
    /no-restricted-paths/,
  ],
  [
    'new Date() without an argument in domain',
    'src/domain/probe.ts',
    'export const today = () => new Date();\n',
    /no-restricted-syntax.*time as an argument/,
  ],
  [
    'Date.now() in formats',
    'src/formats/probe.ts',
    'export const t = () => Date.now();\n',
    /no-restricted-syntax.*time as an argument/,
  ],
  [
    'Math.random() in domain',
    'src/domain/probe.ts',
    'export const pick = () => Math.random();\n',
    /no-restricted-syntax.*seed/,
  ],
  [
    'a timer in formats',
    'src/formats/probe.ts',
    'export const later = (f: () => void) => setTimeout(f, 0);\n',
    /no-restricted-globals.*timers/,
  ],
  [
    'document and indexedDB in domain',
    'src/domain/probe.ts',
    'export const x = () => [document.title, indexedDB];\n',
    /no-restricted-globals/,
  ],
  [
    'React in db',
    'src/db/probe.ts',
    "import { useState } from 'react';\nexport const u = useState;\n",
    /no-restricted-imports.*no React/,
  ],
  [
    'dexie outside db',
    'src/features/library/probe.ts',
    "import Dexie from 'dexie';\nexport const d = Dexie;\n",
    /no-restricted-imports.*Only src\/db/,
  ],
  [
    'ts-fsrs outside domain',
    'src/formats/probe.ts',
    "import { fsrs } from 'ts-fsrs';\nexport const f = fsrs;\n",
    /no-restricted-imports.*ts-fsrs/,
  ],
  [
    'formats importing db',
    'src/formats/probe.ts',
    "import { db } from '../db/connection';\nexport const d = db;\n",
    /no-restricted-paths.*only src\/domain/,
  ],
  [
    'domain importing formats',
    'src/domain/probe.ts',
    "import { IMPORT_LIMITS } from '../formats/import/draft';\nexport const l = IMPORT_LIMITS;\n",
    /no-restricted-paths.*pure core/,
  ],
  [
    'ui importing domain',
    'src/ui/probe.ts',
    "import type { Deck } from '../domain/deck-schema';\nexport type D = Deck;\n",
    /no-restricted-paths.*only src\/lib/,
  ],
  [
    'lib importing db',
    'src/lib/probe.ts',
    "import { db } from '../db/connection';\nexport const d = db;\n",
    /no-restricted-paths.*npm libraries only/,
  ],
  [
    'db importing its React bindings',
    'src/db/probe.ts',
    "import { useLiveQuery } from './react/live';\nexport const l = useLiveQuery;\n",
    /no-restricted-paths.*React bindings/,
  ],
];

test.each(refused)('refused: %s', async (_what, file, code, rule) => {
  const messages = await lint(file, code);
  expect(messages.join('\n')).toMatch(rule);
});

test('allowed: a feature importing domain, formats, db, ui and lib, and domain importing npm libraries', async () => {
  const feature = [
    "import { cardFields } from '../../domain/deck-fields';",
    "import { IMPORT_LIMITS } from '../../formats/import/draft';",
    "import { db } from '../../db/connection';",
    "import { AlertBar } from '../../ui/alert-bar';",
    "import { clock } from '../../lib/clock';",
    "import { exportMessages } from './export-messages';",
    'export const all = [cardFields, IMPORT_LIMITS, db, AlertBar, clock, exportMessages];',
    '',
  ].join('\n');
  expect(await lint('src/features/library/probe.ts', feature)).toEqual([]);
  const domain = "import { z } from 'zod';\nexport const at = (now: number) => [new Date(now), z.string()];\n";
  expect(await lint('src/domain/probe.ts', domain)).toEqual([]);
  expect(await lint('src/db/react/probe.ts', "import { db } from '../connection';\nexport const d = db;\n")).toEqual(
    [],
  );
});

test('refused: a function over 120 lines', async () => {
  const body = Array.from({ length: 125 }, (_, i) => `  const v${i} = ${i};`).join('\n');
  const sum = Array.from({ length: 125 }, (_, i) => `v${i}`).join(' + ');
  const messages = await lint(
    'src/domain/probe.ts',
    `export function long(): number {\n${body}\n  return ${sum};\n}\n`,
  );
  expect(messages.join('\n')).toMatch(/max-lines-per-function/);
});

test('refused: an import cycle', async () => {
  const dir = path.join(root, `src/lib/lint-probe-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
    writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    const messages = await lint(
      `src/lib/lint-probe-${process.pid}/a.ts`,
      "import { b } from './b';\nexport const a = () => b;\n",
    );
    expect(messages.join('\n')).toMatch(/import-x\/no-cycle/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
