// What a station may reach (docs/stations.md "Confinement"): the one list the API wrapper
// (lib/http/api.ts) and the page guard (lib/auth/page-guard.ts) both consult for an operator
// identified on a station. Everything else answers 403 (API) or goes back to /station (pages).
// Pure: no database, no Node imports.

/** The cookie that makes a browser a station (its value: a random token; the database keeps its SHA-256). */
export const STATION_COOKIE = "mes.station";
/** The same cookie's name behind HTTPS (the `__Secure-` prefix makes browsers insist on Secure). */
export const SECURE_STATION_COOKIE = "__Secure-mes.station";

type Rule = { methods: readonly string[]; path: RegExp };

const READ = ["GET"] as const;
const ACT = ["POST"] as const;

const API_RULES: Rule[] = [
  { methods: READ, path: /^\/api\/me$/ },
  { methods: READ, path: /^\/api\/health$/ },
  { methods: READ, path: /^\/api\/pause-reasons$/ },
  // The station's own routes (identify, release, queue, operators, activity).
  { methods: [...READ, ...ACT], path: /^\/api\/station(\/[^/]+)?$/ },
  // The work orders of the queue: read them (detail, comments, anything under one WO) and run them.
  { methods: READ, path: /^\/api\/workorders(\/[^/]+(\/[^/]+)*)?$/ },
  { methods: ACT, path: /^\/api\/workorders\/[^/]+\/(start|pause|complete|comments)$/ },
  // A scanned lot or location label (the scan box's card; docs/scanning.md).
  { methods: READ, path: /^\/api\/scan\/label$/ },
];

/** Whether a station-bound session may call this API method and path (the path without its query). */
export function stationMayCall(method: string, url: string): boolean {
  const path = url.split("?")[0]!.replace(/\/+$/, "") || "/";
  return API_RULES.some((r) => r.methods.includes(method.toUpperCase()) && r.path.test(path));
}

/** Whether a station-bound session may open this page (the station screen only). */
export function isStationPage(url: string): boolean {
  const path = url.split("?")[0]!.replace(/\/+$/, "") || "/";
  return path === "/station";
}
