// The tablet's service worker (docs/domain.md "Offline tablet"), built by scripts/build-sw.mjs into
// public/sw.js with Serwist's runtime. What it does, and what it leaves alone:
// - the operator's pages (/operator, /station, /workorders/<id>) go to the network first; only when the
//   network fails does it answer the last copy it kept (a 200, not a redirect), so a reload without a
//   network still shows the tablet, and online nothing is ever served from the cache;
// - Next's hashed build files (/_next/static/…, never changed under one name) are kept once fetched;
// - the manifest and icons are kept the same way;
// - everything else, the API above all, goes to the network untouched: the service worker never
//   answers an API call (the offline queue lives in the page: components/offline/sync.ts);
// - signing out (POST /api/auth/signout) drops the kept pages, so the next person cannot see them.
// The page asks it to keep what the first visit loaded before it was active (CACHE_URLS, register.ts),
// and to take control of a page it does not control yet (CLAIM): a page whose navigation began while
// the worker was still installing is not among the clients claimed on activation, and would otherwise
// stay outside it, its lazy files unreachable without a network, until a reload.
import { CacheFirst, CacheableResponsePlugin, ExpirationPlugin, NetworkFirst, Serwist } from "serwist";

const PAGES = "mes-tablet-pages";
const STATIC = "mes-static";

/** The tablet's pages: the operator home, the station screens and one work order. */
const isTabletPage = (path) => path === "/operator" || path === "/station" || path.startsWith("/station/") || /^\/workorders\/[^/]+$/.test(path);

/** Keep only a real page: a 200 that is not the sign-in page reached by a redirect. */
const onlyPages = {
  cacheWillUpdate: async ({ response }) => (response && response.status === 200 && !response.redirected ? response : null),
};

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      matcher: ({ url, request, sameOrigin }) =>
        sameOrigin && isTabletPage(url.pathname) && (request.mode === "navigate" || (request.headers.get("accept") ?? "").includes("text/html")),
      handler: new NetworkFirst({ cacheName: PAGES, matchOptions: { ignoreVary: true, ignoreSearch: false }, plugins: [onlyPages, new ExpirationPlugin({ maxEntries: 50 })] }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: STATIC, plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 30 * 24 * 3600 })] }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && (url.pathname === "/manifest.webmanifest" || url.pathname.startsWith("/icons/") || url.pathname === "/favicon.svg"),
      handler: new NetworkFirst({ cacheName: STATIC, plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
    },
  ],
});

// Before Serwist's own listeners: watch (never answer) the sign-out, and drop the kept pages.
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin === self.location.origin && url.pathname === "/api/auth/signout" && event.request.method === "POST") {
    event.waitUntil(caches.delete(PAGES));
  }
});

// A page left outside the worker asks to be claimed (register.ts); claiming again is harmless.
self.addEventListener("message", (event) => {
  if (event.data?.type === "CLAIM") event.waitUntil(self.clients.claim());
});

serwist.addEventListeners();
