// Scripts the cases install in the app page before any app script (page.addInitScript): each runs in the browser.
/* global window, document, MutationObserver -- run in the page */

/** The performance.now() (ms since navigation start) when the first card appears, in window.__firstCard. */
export function installFirstCardProbe() {
  window.__firstCard = null;
  const observer = new MutationObserver(() => {
    if (window.__firstCard === null && document.querySelector('article.card[data-card-id]')) {
      window.__firstCard = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true });
}
