// What the tablet needs to draw itself after a reload without a network: the person (/api/me), their
// work orders (the list and each WO opened) and the pause reasons. SWR's answers for those keys are
// copied to localStorage as they arrive; a page that loads while the browser is offline starts its SWR
// cache from that copy (SWR still tries the network and keeps the copy when it fails). A page loaded
// online starts empty, exactly as without this module, so nothing stale is ever shown online. The copy
// belongs to one person: another person's /api/me empties it.
import type { Cache, State } from "swr";

const STORAGE_KEY = "mes-offline-swr";
const KEPT = [/^\/api\/me$/, /^\/api\/workorders\/[^/?]+$/, /^\/api\/workorders\?mine=1&/, /^\/api\/pause-reasons\?active=true&/];

type Stored = Record<string, unknown>;

function read(): Stored {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === "object" && parsed !== null ? (parsed as Stored) : {};
  } catch {
    return {};
  }
}

function write(stored: Stored): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Full or unavailable: the tablet then simply needs the network after a reload.
  }
}

const userOf = (me: unknown): unknown => (me as { user?: { id?: unknown } } | undefined)?.user?.id;

/** SWR's cache provider (pages/_app.tsx): a Map, seeded from the kept copy when the page loads offline. */
export function offlineCacheProvider(): Cache {
  const map = new Map<string, State>();
  if (typeof window === "undefined" || typeof localStorage === "undefined") return map;
  let stored = read();
  if (navigator.onLine === false) for (const [key, data] of Object.entries(stored)) map.set(key, { data });
  const set = map.set.bind(map);
  map.set = (key: string, value: State) => {
    if (value?.data !== undefined && value.data !== stored[key] && KEPT.some((re) => re.test(key))) {
      if (key === "/api/me" && userOf(stored["/api/me"]) !== userOf(value.data)) stored = {};
      stored[key] = value.data;
      write(stored);
    }
    return set(key, value);
  };
  return map;
}
