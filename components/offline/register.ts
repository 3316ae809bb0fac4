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

/** Next's build files among resource timing entries. */
const buildFiles = (entries: PerformanceEntryList): string[] =>
  entries.map((e) => e.name).filter((u) => u.startsWith(`${location.origin}/_next/static/`));

/** Asks the active worker to keep the given build files, and the page now shown when `page`; each URL once per page load. */
function warm(sw: ServiceWorker | null | undefined, files: string[], page: boolean): void {
  if (!sw) return;
  const urls: (string | [string, RequestInit])[] = [];
  if (page && !warmed.has(location.href)) {
    warmed.add(location.href);
    urls.push([location.href, { headers: { Accept: "text/html" } }]);
  }
  for (const u of files) {
    if (warmed.has(u)) continue;
    warmed.add(u);
    urls.push(u);
  }
  if (urls.length) sw.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: urls } });
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
    // Build files that finish loading later are kept as well, read from the observer's own entries (the
    // page's resource timing buffer stops at 250 entries, which a long shift of API calls fills).
    if (typeof PerformanceObserver !== "undefined") {
      new PerformanceObserver((list) => {
        const files = buildFiles(list.getEntries());
        if (files.length) void sw.ready.then((reg) => warm(reg.active, files, false));
      }).observe({ type: "resource" });
    }
  }
  // The active worker keeps them whether or not it controls this page yet, and takes the page if not.
  void sw.ready.then((reg) => {
    warm(reg.active, buildFiles(performance.getEntriesByType("resource")), true);
    if (!sw.controller) reg.active?.postMessage({ type: "CLAIM" });
  });
}
