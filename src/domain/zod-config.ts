// Zod set up for the page's policy. Imported first by every module that makes a schema at load (deck-schema.ts,
// settings.ts) and by the entry, so that it runs before any schema is made, whichever chunk the bundler puts them in:
// the built app's Content-Security-Policy allows no eval (scripts/vite-csp.ts), and Zod, unless told otherwise, probes
// for it with `new Function` when it makes an object schema, which the page reports as a policy violation. Workers
// (no document, no such policy) keep Zod's JIT, which parses big imports faster.
import { z } from 'zod';

if ('document' in globalThis) z.config({ jitless: true });
