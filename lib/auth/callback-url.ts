// Where a sign-in may lead: a page of this site, never another origin. Browser-safe (the sign-in page
// and next-auth's `redirect` callback both use it), so the rule lives in one place.

/** Pages that make no sense as a destination after signing in. */
const NOT_A_DESTINATION = (pathname: string) => pathname === "/signin" || pathname === "/api" || pathname.startsWith("/api/");

/**
 * The same-origin path (`/a?b#c`) a `callbackUrl` names, or "/" (the dashboard) for anything else:
 * other origins, scheme-relative paths (`//host`, `/\host`, and their tab/newline variants, which
 * browsers normalise to `//host`), unparsable values, non-strings, /signin and /api/*.
 * The path is checked after the URL parser has normalised it, because that is what the browser follows.
 */
export function safeCallbackPath(raw: unknown, origin: string): string {
  if (typeof raw !== "string" || raw === "") return "/";
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    // Only absolute URLs on our origin or root-relative paths; "evil.com" or "javascript:…" are not pages of ours.
    if (!raw.startsWith("/") && !/^https?:/i.test(raw.trim())) return "/";
    url = new URL(raw, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  // "http://app//evil/x" parses as path "//evil/x", which a browser then reads as a scheme-relative URL.
  if (url.pathname.startsWith("//")) return "/";
  if (NOT_A_DESTINATION(url.pathname)) return "/";
  const path = url.pathname + url.search + url.hash;
  // Belt and braces: the path, followed from our origin, must stay on it.
  try {
    if (new URL(path, base).origin !== base.origin) return "/";
  } catch {
    return "/";
  }
  return path;
}
