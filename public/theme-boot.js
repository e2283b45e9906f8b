// Puts the remembered theme on <html data-theme> (and the browser bar's theme-color) before the page is first drawn. A classic script in <head> runs
// before the first frame; the app's module script may run after it, which would flash the other theme's colours.
// The app keeps the attribute from then on (src/app/document-theme.ts, with the same key and rule; a unit test holds
// the two to the same answers).
/* global document, localStorage, matchMedia */
(function () {
  let choice = null;
  try {
    choice = localStorage.getItem('dockdeck.theme');
  } catch {
    // Storage not available: follow the system.
  }
  const system = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const dark = choice === 'dark' || (choice !== 'light' && system);
  document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
  // The browser's own bar (theme-color) in the page's colours: the same values as THEME_COLOURS in document-theme.ts.
  const meta = document.querySelector('meta[name="theme-color"]');
  if (meta) meta.setAttribute('content', dark ? '#14171c' : '#2b6cb0');
})();
