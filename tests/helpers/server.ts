// Serves pages/api/** over real HTTP inside the test process, through Next's own API resolver
// (the same function `next start` uses: cookies, query, body parsing per route config, res.json/status).
// Only the file → URL routing is done here; the browser tests exercise Next's real router.
import { createServer, type Server } from "node:http";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { apiResolver } from "next/dist/server/api-utils/node/api-resolver";
import { securityHeaders } from "@/lib/http/security-headers";
import { attachRealtime, type RealtimeHandle } from "@/lib/realtime/server";
import { startWebhooks, type WebhookRuntime } from "@/lib/webhooks/queue";

interface Route {
  file: string;
  segments: string[];
}

const apiDir = path.resolve("pages/api");

function collect(dir: string, prefix: string[] = []): Route[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.isDirectory()) return collect(path.join(dir, d.name), [...prefix, d.name]);
    if (!/\.tsx?$/.test(d.name) || d.name.endsWith(".test.ts")) return [];
    const base = d.name.replace(/\.tsx?$/, "");
    return [{ file: path.join(dir, d.name), segments: base === "index" ? prefix : [...prefix, base] }];
  });
}

/** Every API route file with its URL segments, static routes first (as Next prefers them). */
export const ROUTES: Route[] = collect(apiDir).sort((a, b) => {
  // A catch-all matches last (Next prefers any more specific route): count it as very dynamic.
  const dyn = (r: Route) => r.segments.reduce((n, s) => n + (s.startsWith("[...") ? 100 : s.startsWith("[") ? 1 : 0), 0);
  return dyn(a) - dyn(b) || b.segments.length - a.segments.length;
});

function match(route: Route, parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const seg = route.segments[i]!;
    if (seg.startsWith("[...")) {
      if (i >= parts.length) return null;
      params[seg.slice(4, -1)] = parts.slice(i);
      return params;
    }
    if (i >= parts.length) return null;
    if (seg.startsWith("[")) params[seg.slice(1, -1)] = decodeURIComponent(parts[i]!);
    else if (seg !== parts[i]) return null;
  }
  return route.segments.length === parts.length ? params : null;
}

export interface TestServer {
  url: string;
  server: Server;
  realtime: RealtimeHandle;
  /** The webhook queue (pg-boss), started and stopped with the server as server.ts does. */
  webhooks: WebhookRuntime;
  close(): Promise<void>;
}

/** Starts the API, with Socket.IO attached as server.ts does, on 127.0.0.1 on a free port. */
export async function startApiServer(opts: { databaseUrl?: string } = {}): Promise<TestServer> {
  const modules = new Map<string, unknown>();
  const headers = securityHeaders(false);
  const server = createServer((req, res) => {
    void (async () => {
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      const url = new URL(req.url ?? "/", "http://localhost");
      const parts = url.pathname.replace(/^\/api\/?/, "").split("/").filter(Boolean);
      for (const route of ROUTES) {
        const params = match(route, parts);
        if (!params) continue;
        if (!modules.has(route.file)) modules.set(route.file, await import(route.file));
        const query: Record<string, string | string[]> = {};
        for (const key of new Set(url.searchParams.keys())) {
          const all = url.searchParams.getAll(key);
          query[key] = all.length > 1 ? all : all[0]!;
        }
        Object.assign(query, params);
        await apiResolver(req, res, query, modules.get(route.file), { previewModeId: "", previewModeEncryptionKey: "", previewModeSigningKey: "", dev: false }, true);
        return;
      }
      // What Next answers when no file matches (pages/api/[...path].ts catches every /api/* path).
      res.statusCode = 404;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end("<!DOCTYPE html><title>404: This page could not be found.</title>");
    })().catch((err) => {
      console.error(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.keepAliveTimeout = 1000;
  const realtime = attachRealtime(server, { databaseUrl: opts.databaseUrl });
  await realtime.ready;
  const webhooks = await startWebhooks({ databaseUrl: opts.databaseUrl });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    realtime,
    webhooks,
    async close() {
      server.closeAllConnections();
      await webhooks.stop();
      await realtime.close(); // closes the HTTP server too
    },
  };
}
