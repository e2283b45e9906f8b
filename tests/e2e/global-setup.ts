// Vitest global setup for the e2e tests: serves the built dist/ with `vite preview` on a free port, stops it after.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { ISOLATION_HEADERS } from '../../scripts/isolation';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The preview server's address, ending in a slash. */
    baseURL: string;
  }
}

const root = resolve(import.meta.dirname, '..', '..');
// E2E_DIST serves another build (e.g. `vite build --outDir /tmp/dist-x`), so that two checkouts' runs do not clash.
const dist = resolve(root, process.env.E2E_DIST ?? 'dist');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => (port ? ok(port) : fail(new Error('no free port'))));
    });
  });
}

async function startPreview(): Promise<{ server: PreviewServer; url: string }> {
  let lastError: unknown;
  // Another process may take the port between the probe and the listen: try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    try {
      const server = await preview({
        root,
        configFile: false,
        logLevel: 'warn',
        build: { outDir: dist },
        // The headers `npm start` sends (configFile is off): the optimizer needs cross-origin isolation.
        preview: { host: '127.0.0.1', port, strictPort: true, open: false, headers: ISOLATION_HEADERS },
      });
      return { server, url: `http://127.0.0.1:${port}/` };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** Newest modification time of the files under `dir` (0 if it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(resolve(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error(`e2e: ${dist}/index.html not found — run npm run build first`);
  }
  const built = statSync(resolve(dist, 'index.html')).mtimeMs;
  if (Math.max(newest(resolve(root, 'src')), newest(resolve(root, 'decks'))) > built) {
    console.warn(
      'e2e: src/ or decks/ changed after the last build; the tests run the old dist/ (npm run build to refresh).',
    );
  }
  const { server, url } = await startPreview();
  project.provide('baseURL', url);
  process.env.DOCKDECK_E2E_URL = url;
  return async () => {
    await server.close();
  };
}
