/**
 * Headers set on every response by server.ts (pages, API, assets, Socket.IO). `formTargets` are
 * extra origins a form may lead to (an OIDC provider: the sign-in POST redirects there).
 */
export function securityHeaders(dev: boolean, formTargets: string[] = []): Record<string, string> {
  const csp = [
    "default-src 'self'",
    // Next injects inline bootstrap scripts; dev needs eval for fast refresh.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets.map((t) => ` ${t}`).join("")}`,
    "object-src 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=()",
  };
}
