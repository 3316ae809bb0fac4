// The role × route matrix: every method of every API route, for every role and for a signed-out
// caller. A route without matrix entries fails this test, so the matrix grows with the API.
import { readdirSync } from "node:fs";
import path from "node:path";
import { ROLES } from "@/lib/auth/permissions";
import type { Method } from "@/lib/http/api";
import { startTestApp, type TestApp } from "../helpers/app";
import { demoFixtures } from "../helpers/demo-fixtures";
import { ROUTES } from "../helpers/server";
import type { Fixtures, MatrixEntry } from "./matrix/types";

const matrixDir = path.join(__dirname, "matrix");
const entries: MatrixEntry[] = [];

let app: TestApp;
let fx: Omit<Fixtures, "unique" | "extra">;
let n = 0;

beforeAll(async () => {
  for (const f of readdirSync(matrixDir).filter((f) => f.endsWith(".ts") && f !== "types.ts")) {
    entries.push(...((await import(path.join(matrixDir, f))) as { entries: MatrixEntry[] }).entries);
  }
  app = await startTestApp();
  fx = await demoFixtures(app);
});
afterAll(async () => {
  await app.close();
});

test("every method of every API route has matrix entries", async () => {
  const missing: string[] = [];
  for (const r of ROUTES) {
    const route = "/api/" + r.segments.join("/");
    if (route.startsWith("/api/auth/")) continue; // next-auth's own endpoints: tests/integration/auth.test.ts
    if (route === "/api/[...path]") continue; // the 404 catch-all for unknown paths: tests/integration/http-edges.test.ts
    const mod = (await import(r.file)) as { default: { routeMethods?: Partial<Record<Method, string>> } };
    const methods = Object.keys(mod.default.routeMethods ?? {});
    if (!methods.length) missing.push(`${route}: not built with apiRoute`);
    for (const m of methods) if (!entries.some((e) => e.route === route && e.method === m)) missing.push(`${m} ${route}`);
  }
  expect(missing).toEqual([]);
});

test("each role gets 2xx where the permission table (docs/domain.md) allows it and 403/404 elsewhere; signed-out callers get 401", async () => {
  const failures: string[] = [];
  for (const e of entries) {
    for (const role of [...ROLES, null]) {
      const client = role ? await app.as(role) : app.anon();
      const f: Fixtures = { ...fx, unique: `${Date.now().toString(36)}${n++}`, extra: {} };
      if (e.setup) f.extra = await e.setup(app.db.handle.prisma, f, role);
      const raw = e.raw?.(f, role ?? "VIEWER");
      const res = raw
        ? await client.raw(e.method, e.path(f, role ?? "VIEWER"), { body: raw.body, headers: { "content-type": raw.contentType } })
        : await client.request(e.method, e.path(f, role ?? "VIEWER"), e.body?.(f, role ?? "VIEWER"));
      const ok = res.status >= 200 && res.status < 300;
      const label = `${e.method} ${e.route} as ${role ?? "signed-out"}`;
      if (role === null) {
        if (e.public ? !ok : res.status !== 401) failures.push(`${label}: ${res.status} ${res.text.slice(0, 120)}`);
      } else if (e.allowed.includes(role)) {
        if (!ok) failures.push(`${label}: expected 2xx, got ${res.status} ${res.text.slice(0, 160)}`);
      } else {
        const want = e.refused?.[role] ?? 403;
        if (res.status !== want) failures.push(`${label}: expected ${want}, got ${res.status} ${res.text.slice(0, 120)}`);
        else if ((res.body as { error?: { code?: string } }).error?.code !== (want === 403 ? "FORBIDDEN" : "NOT_FOUND")) failures.push(`${label}: wrong error shape ${res.text.slice(0, 120)}`);
      }
    }
  }
  expect(failures).toEqual([]);
});
