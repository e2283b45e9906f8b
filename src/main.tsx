// Entry point: sets up Zod for the page's policy, puts the remembered language and theme on <html>, mounts the app.
// First, before any module that makes a schema.
import './domain/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyDocumentLang, rememberedUiLang } from './app/document-lang';
import { applyDocumentTheme, rememberedTheme } from './app/document-theme';
import './app/styles.css';

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
