// A bench case's own page script: the case's entry code (a virtual module importing the app's sources) built with
// Vite to <bench page dir>/<name>/<name>-bench.js (node_modules/.bench-dist, or BENCH_PAGE_DIST as run.mjs reads it),
// which the bench server serves at /__bench/<name>/ (the bench page's own build empties that directory first).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the bench server serves /__bench/ from: run.mjs's choice, so that a run with BENCH_PAGE_DIST finds its pages. */
const pageDir = path.resolve(process.env.BENCH_PAGE_DIST ?? path.join(root, 'node_modules', '.bench-dist'));

/** An import specifier (a JSON string) for `p` under src/, for an entry's code. */
export const srcModule = (p) => JSON.stringify(path.join(root, 'src', p));

/**
 * Builds `code` as the entry of bench page `name`. `base` is the URL its chunks load from (when it has any), `vite`
 * more of Vite's config (workers, optimizeDeps) and `output` more of Rollup's output options.
 */
export async function buildEntryPage({ name, code, base, vite = {}, output = {} }) {
  const entry = `virtual:${name}-bench`;
  await build({
    configFile: false,
    root,
    ...(base === undefined ? {} : { base }),
    logLevel: 'warn',
    publicDir: false,
    ...vite,
    plugins: [
      {
        name: `${name}-bench-entry`,
        resolveId: (id) => (id === entry ? `\0${entry}` : null),
        load: (id) => (id === `\0${entry}` ? code : null),
      },
    ],
    build: {
      target: 'es2022',
      outDir: path.join(pageDir, name),
      emptyOutDir: true,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: { input: entry, output: { entryFileNames: `${name}-bench.js`, ...output, format: 'es' } },
    },
  });
}
