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

/** A long-task observer: window.__longTasks holds each long task's duration (a case empties it before an action). */
export function installLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
}
