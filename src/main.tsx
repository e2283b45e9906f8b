// Entry point: sets up Zod for the page's policy, puts the remembered language and theme on <html>, mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/app';
import { applyDocumentLang, rememberedUiLang } from './app/document-lang';
import { applyDocumentTheme, rememberedTheme } from './app/document-theme';
import './app/styles.css';

// The built app's Content-Security-Policy allows no eval (scripts/vite-csp.ts), and Zod, unless told otherwise,
// probes for it with `new Function` on its first parse (and when it makes an object schema), which the page reports as
// a policy violation. This runs before anything is parsed; the schemas of the first screen are made on first use, after
// it. Workers have no such policy and keep Zod's JIT.
z.config({ jitless: true });

// The language of the last visit, until the stored settings are read (the app renders no text before that).
applyDocumentLang(rememberedUiLang() ?? 'en');
// And its theme (a first visit follows the system). public/theme-boot.js has put it there before the first frame;
// this keeps it, following the system's changes for a "system" choice.
applyDocumentTheme(rememberedTheme() ?? 'system');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
