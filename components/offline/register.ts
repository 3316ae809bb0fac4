// Registers the tablet's service worker (public/sw.js, built from scripts/sw/service-worker.mjs) from
// the pages with tablet actions only, in production builds only (Next's development server rebuilds
// its files all the time). Once it is active it is asked to keep what this first visit loaded before
// it was: the page itself and its build files (Serwist's CACHE_URLS message), and build files loaded
// later too (a lazy chunk that was fetched before the worker took the page). A page the worker does
// not control yet asks to be claimed (CLAIM): its navigation may have begun while the worker was
// installing, after which activation's claim does not reach it (seen in CI: the page stayed
// uncontrolled, and its lazy chunks were never kept).
let registered = false;
const warmed = new Set<string>();

function warm(sw: ServiceWorker | null | undefined): void {
  if (!sw) return;
  const assets = performance
    .getEntriesByType("resource")
    .map((e) => e.name)
    .filter((u) => u.startsWith(`${location.origin}/_next/static/`) && !warmed.has(u));
  const page = warmed.has(location.href) ? [] : [[location.href, { headers: { Accept: "text/html" } }]];
  if (!page.length && !assets.length) return;
  for (const u of [location.href, ...assets]) warmed.add(u);
  sw.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [...page, ...assets] } });
}

/**
 * Registers /sw.js once per page load (scope "/"; it answers only the tablet's pages and build files),
 * and on every call asks it to keep the page now shown (a page reached by a client-side navigation
 * was never fetched as a page by the worker).
 */
export function registerServiceWorker(): void {
  if (process.env.NODE_ENV !== "production" || typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  const sw = navigator.serviceWorker;
  if (!registered) {
    registered = true;
    sw.register("/sw.js", { scope: "/" }).catch((err: unknown) => console.warn("The offline service worker could not be registered:", err));
    // Build files that finish loading later are kept as well (each URL is sent once per page load).
    if (typeof PerformanceObserver !== "undefined") {
      new PerformanceObserver(() => void sw.ready.then((reg) => warm(reg.active))).observe({ type: "resource" });
    }
  }
  // The active worker keeps them whether or not it controls this page yet, and takes the page if not.
  void sw.ready.then((reg) => {
    warm(reg.active);
    if (!sw.controller) reg.active?.postMessage({ type: "CLAIM" });
  });
}
