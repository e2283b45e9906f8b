// Vite plugins for what the built app may load: its Content-Security-Policy (a <meta> written into the built
// index.html; not in dev, where React refresh runs inline scripts), and the remote-image frame page.
//
// The app's policy lets images and media come from the app itself, blob: (a deck's stored files) and data: only, so
// nothing in a card can make the browser contact another site, even if the sanitiser let something through. A deck
// whose remote images the user allowed shows each in a frame of remote-image.html: a page of its own, with a policy
// of its own that allows https: images and the page's one script, and nothing else (no referrer either).
import type { Plugin } from 'vite';

type Policy = Record<string, string[]>;

export const APP_POLICY: Policy = {
  'default-src': ["'self'"],
  // sql.js (the Anki reader and .apkg export) compiles WebAssembly; no inline or eval'd script.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // Stylesheets are files; React sets style properties through the CSSOM and note-type CSS is a constructed
  // stylesheet, neither of which the policy governs, so no inline style is needed.
  'style-src': ["'self'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'media-src': ["'self'", 'blob:', 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'blob:', 'data:'],
  // The import worker, and the service worker (sw.js, which keeps the app working offline).
  'worker-src': ["'self'", 'blob:'],
  // The web app manifest (manifest.webmanifest), for installing the app.
  'manifest-src': ["'self'"],
  'frame-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export const FRAME_POLICY: Policy = {
  'default-src': ["'none'"],
  'img-src': ['https:'],
  'script-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

export function policyText(policy: Policy): string {
  return Object.entries(policy)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

const FRAME_HTML = `<!doctype html>
<html>
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${policyText(FRAME_POLICY)}" />
    <meta name="referrer" content="no-referrer" />
    <title>dockdeck remote image</title>
    <script src="./remote-image.js" defer></script>
  </head>
  <body></body>
</html>
`;

// The frame's one script: shows the https: image named in its #fragment and tells the app its size. Styles are set
// through the CSSOM (the frame's policy allows no stylesheet at all).
const FRAME_JS = `// dockdeck remote-image frame: one https: image, its natural size posted to the app.
(() => {
  const type = 'dockdeck:remote-image';
  const tell = (data) => parent.postMessage({ type, ...data }, location.origin);
  let url = '';
  try {
    url = decodeURIComponent(location.hash.slice(1));
  } catch {
    url = '';
  }
  document.documentElement.style.margin = '0';
  document.body.style.margin = '0';
  document.body.style.overflow = 'hidden';
  if (!/^https:\\/\\//i.test(url)) return tell({ error: true });
  const img = new Image();
  img.referrerPolicy = 'no-referrer';
  img.alt = '';
  img.style.display = 'block';
  img.style.width = '100%';
  img.style.height = 'auto';
  img.onload = () => tell({ width: img.naturalWidth, height: img.naturalHeight });
  img.onerror = () => tell({ error: true });
  img.src = url;
  document.body.append(img);
})();
`;

export function csp(): Plugin[] {
  return [
    {
      name: 'dockdeck:csp',
      apply: 'build',
      transformIndexHtml(html) {
        // Right after the charset, before anything the policy governs.
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html: no <meta charset> to put the policy after');
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policyText(APP_POLICY)}" />`;
        return html.replace(charset, (m) => `${m}\n    ${meta}`);
      },
    },
    {
      name: 'dockdeck:remote-image-frame',
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          const path = req.url?.split(/[?#]/)[0];
          if (path !== '/remote-image.html' && path !== '/remote-image.js') return next();
          const html = path.endsWith('.html');
          res.setHeader('Content-Type', html ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8');
          res.end(html ? FRAME_HTML : FRAME_JS);
        });
      },
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'remote-image.html', source: FRAME_HTML });
        this.emitFile({ type: 'asset', fileName: 'remote-image.js', source: FRAME_JS });
      },
    },
  ];
}
