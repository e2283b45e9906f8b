// Bundle cases: gzip size of the JavaScript the review screen actually requests, per file and per package.
import path from 'node:path';
import { URL } from 'node:url';
import { collectScripts, fileName, kB, newPage, reviewUrl, waitForCardAndReady } from '../lib/app.mjs';
import { bytesByPackage } from '../lib/sourcemap.mjs';
import { round } from '../lib/stats.mjs';

const list = (files) => files.map((f) => `${fileName(f.url)} ${round(kB(f.gzip), 1)} kB`).join(', ');

export default [
  {
    name: 'bundle.review-js-gzip',
    unit: 'kB',
    target: { max: 200 },
    async run(ctx) {
      const deckId = ctx.seed.deckIds[4];
      const page = await newPage(ctx);
      let files;
      try {
        const scripts = collectScripts(page);
        await page.goto(reviewUrl(ctx, deckId));
        await waitForCardAndReady(page);
        await page.waitForLoadState('networkidle');
        files = await scripts.files();
      } finally {
        await page.close();
      }
      const total = files.reduce((s, f) => s + f.gzip, 0);
      // What the largest file is made of (minified characters per package, from its source map).
      const biggest = files[0];
      let parts = '';
      if (biggest) {
        const shares = await bytesByPackage(path.join(ctx.distDir, new URL(biggest.url).pathname));
        if (shares) {
          const sum = shares.reduce((s, [, n]) => s + n, 0);
          parts = `; ${fileName(biggest.url)} by package (min): ${shares
            .slice(0, 8)
            .map(([p, n]) => `${p} ${Math.round((100 * n) / sum)}%`)
            .join(', ')}`;
        }
      }
      const first = ctx.firstVisitScripts ?? [];
      const firstTotal = first.reduce((s, f) => s + f.gzip, 0);
      return {
        values: [kB(total)],
        note:
          `gzip -9 kB (1000 B), built-in decks already stored: ${list(files)}${parts}` +
          (first.length
            ? `; first visit (decks loaded too): ${round(kB(firstTotal), 1)} kB in ${first.length} files`
            : ''),
      };
    },
  },
];
