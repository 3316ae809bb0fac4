// The API under hostile input: every method of every route (the route table the RBAC matrix walks,
// so a new route is fuzzed as soon as it has matrix entries), called by a role allowed to call it,
// with malformed JSON, wrong types, arrays for objects, huge/negative/fractional numbers, NUL, lone
// surrogates, 10k-character strings, 1000-level nesting, bad dates, bad paging, unknown ids and bad
// query parameters (fixed lists plus fast-check samples from a fixed seed: FUZZ_SEED to vary it).
// For every case: no 5xx, the error shape on a 4xx, and nothing written on a 4xx (row counts of the
// domain tables). Not counted, because they are written by design on a refusal or are not domain
// data: Notification (shortage notices of a refused completion), RateLimit (sign-in throttling),
// Session/Account/VerificationToken (auth) and the idempotency replay store.
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { UserRole } from "@/lib/db/generated/enums";
import type { Method } from "@/lib/http/api";
import { startTestApp, type TestApp } from "../helpers/app";
import { demoFixtures } from "../helpers/demo-fixtures";
import type { ApiResponse, Client } from "../helpers/client";
import { ROUTES } from "../helpers/server";
import type { Fixtures, MatrixEntry } from "./matrix/types";

// FUZZ_SEED varies the generated values, FUZZ_ONLY (a regex on "METHOD /api/route") narrows the run,
// FUZZ_PROFILE prints each route's case count and time.
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const BODY_METHODS = new Set<Method>(["POST", "PUT", "PATCH", "DELETE"]);
/** The tables a refused request must leave as they were. */
const TABLES = ["User", "Product", "BOM", "BOMComponent", "BOMOperation", "WorkCenter", "ManufacturingOrder", "WorkOrder", "WorkOrderTimeLog", "Comment", "StockLevel", "StockEntry", "AuditLog"];

const matrixDir = path.join(__dirname, "matrix");
let app: TestApp;
let fx: Omit<Fixtures, "unique" | "extra">;

// ---- values ----------------------------------------------------------------------------------

const deepArray = (n: number) => "[".repeat(n) + "]".repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);
const LONG = "x".repeat(10_000);

/** A JSON value, or raw JSON text (for what JSON.stringify cannot write: 1e400, deep nesting). */
type Value = { json: unknown } | { raw: string };
const j = (json: unknown): Value => ({ json });
const raw = (text: string): Value => ({ raw: text });

/** Sent to every body field: the inputs that once reached Postgres (NUL, lone surrogates, bad dates). */
const CORE_BODY_VALUES: Value[] = [
  j(null), j(-1), j(1.5), j(1e15), raw("1e400"), j(""), j("\u0000"), j("a\u0000b"), j("\ud800"), j("x\udc00y"), j(LONG),
  j([]), j({}), raw(deepArray(1000)), j("0000-01-01"), j("+275760-09-13T00:00:00.000Z"), j("-100000-01-01"), j("10000-01-01"),
];
/** Spread over the fields in turn (each field gets every third one), to keep the run short. */
const MORE_BODY_VALUES: Value[] = [
  j(true), j(false), j(0), j(-0.0001), j(0.00001), j(2.5), j(1e9), j(1e14), j(1e308), j(-1e308), j(2 ** 53 + 1), j(Number.MIN_VALUE),
  raw("-1e400"), raw("1E-400"), raw("-0"), j(" "), j("1"), j("abc"), j("🔧\ud83d"), j("<script>alert(1)</script>"), j("=cmd|' /C calc'!A0"),
  j([1]), j(["a"]), j({ a: 1 }), raw(deepObject(1000)), j("275760-09-13"), j("1969-12-31"), j("9999-12-31T23:59:59.999Z"), j("2026-02-30"), j("yesterday"),
  j(randomUUID()), j("00000000-0000-0000-0000-000000000000"), j("WO-1"), j("NaN"), j("Infinity"),
];

const RAW_BODIES: { label: string; body: string; type?: string }[] = [
  { label: "truncated object", body: "{" },
  { label: "truncated member", body: '{"a":' },
  { label: "bare word", body: "nul" },
  { label: "truncated array", body: "[1,2" },
  { label: "unterminated string", body: '"abc' },
  { label: "single quotes", body: "{'a':1}" },
  { label: "trailing brace", body: '{"a":1}}' },
  { label: "trailing comma", body: '{"a":1,}' },
  { label: "NaN literal", body: '{"a":NaN}' },
  { label: "NUL byte", body: "\u0000" },
  { label: "invalid UTF-8", body: "\xff\xfe{}" },
  { label: "whitespace only", body: "   " },
  { label: "text/plain JSON", body: "{}", type: "text/plain" },
  { label: "form body", body: "a=1&b=2", type: "application/x-www-form-urlencoded" },
  { label: "no content type", body: "{}", type: "" },
];

const WHOLE_BODIES: Value[] = [j(null), j([]), j("body"), j(42), j(true), raw(deepArray(1000)), raw(deepObject(1000)), j({ "\u0000": 1 }), j({ "\ud800": 1 }), j({ __proto__: { admin: true } }), raw('{"__proto__":{"polluted":1}}'), raw('{"constructor":{"prototype":{"polluted":1}}}')];

const enc = encodeURIComponent;
/** Query values by what a key is likely to hold; every key also gets the GENERIC ones. */
const QUERY_VALUES = {
  generic: ["", "-1", "1.5", "abc", enc("\u0000"), enc("a\u0000b"), "%ED%A0%80", "%FF", LONG, enc("%_\\'\""), enc("'; DROP TABLE \"User\"; --"), randomUUID()],
  number: [" ", "0", "1e9", "1e400", "NaN", "Infinity", "-Infinity", "0x10", "null", "9007199254740993", "1000001"],
  date: ["0000-01-01", enc("+275760-09-13"), "-100000-01-01", "275760-09-13", "1969-12-31", "9999-12-31", "10000-01-01", "2026-02-30", "2026-11-21T10:00:00", "1700000000000", "yesterday", enc("9999-12-31T23:59:59-05:00")],
  text: [" ", "%C0%80", enc("🔧"), "true", "null", "undefined", "WO-000001", "Mars/Olympus", "Europe/Amsterdam", "ALL", "DONE"],
};
/** Query keys every route is probed with, besides those the route's matrix request uses. */
const COMMON_KEYS = ["page", "pageSize", "q", "from", "to", "tz", "cursor"];
/** Every `every`-th item, starting at an offset that moves with `k`: spreads a list over keys or fields. */
const rotate = <T>(list: T[], k: number, every: number) => list.filter((_, i) => (i + k) % every === 0);

const valuesForKey = (key: string) =>
  /^(page|pageSize|limit|quantity)$/.test(key) ? QUERY_VALUES.number : /^(from|to)$/.test(key) ? QUERY_VALUES.date : QUERY_VALUES.text;

const BAD_IDS = ["not-a-uuid", randomUUID(), "00000000-0000-0000-0000-000000000000", encodeURIComponent("\u0000"), "WO-999999999999", "WO-0", "wo-000001", "x".repeat(300), encodeURIComponent("🔧"), "1e9", "-1", "null", "%20", encodeURIComponent("../../etc/passwd")];

/** Deterministic fast-check samples (the seed makes a failure reproducible). */
function samples<T>(arb: fc.Arbitrary<T>, n: number, offset: number): T[] {
  return fc.sample(arb, { numRuns: n, seed: SEED + offset });
}

// ---- the route table -------------------------------------------------------------------------

interface Group {
  route: string;
  method: Method;
  entry: MatrixEntry;
  role: UserRole | null;
  /** Dynamic segments of the route (their index in the path). */
  dynamic: number[];
}

interface Case {
  label: string;
  method: string;
  path: string;
  body?: string;
  type?: string;
}

/** Every exported zod object schema of lib/**\/schemas.ts with its keys (to learn a route's body fields). */
interface Shape {
  module: string;
  name: string;
  keys: string[];
}

async function schemaShapes(): Promise<Shape[]> {
  const out: Shape[] = [];
  for (const dir of ["audit", "manufacturing", "notifications", "products", "reports", "stock", "users", "workcenters"]) {
    const mod = (await import(`@/lib/${dir}/schemas`)) as Record<string, unknown>;
    for (const [name, v] of Object.entries(mod)) {
      const s = v as { shape?: Record<string, unknown>; in?: { shape?: Record<string, unknown> } } | null;
      const shape = s && typeof s === "object" ? (s.shape ?? s.in?.shape) : undefined;
      if (shape && typeof shape === "object") out.push({ module: dir, name, keys: Object.keys(shape) });
    }
  }
  return out;
}

/** The body fields a route takes: its matrix body's keys and those of every schema that has them all. */
/** URL segments whose schemas live in a module of another name. */
const MODULE_OF: Record<string, string> = { mos: "manufacturing", workorders: "manufacturing" };

function bodyFields(route: string, base: Record<string, unknown>, all: Shape[]): string[] {
  const have = Object.keys(base);
  const first = route.split("/")[2]!;
  const own = all.filter((s) => s.module === (MODULE_OF[first] ?? first));
  const shapes = own.length ? own : all;
  const last = route.split("/").filter((s) => !s.startsWith("[")).pop()!.replace(/s$/, "").toLowerCase();
  const matching = have.length
    ? shapes.filter((s) => have.every((k) => s.keys.includes(k)) && /input$/i.test(s.name))
    : last === first.replace(/s$/, "") // a bodiless request on the collection itself (e.g. DELETE): no fields to guess
      ? []
      : shapes.filter((s) => s.name.toLowerCase().includes(last) && /input$/i.test(s.name));
  return [...new Set([...have, ...matching.flatMap((s) => s.keys), "bogus"])];
}

function bodyText(base: Record<string, unknown>, key: string, v: Value): string {
  if ("json" in v) return JSON.stringify({ ...base, [key]: v.json });
  const marker = `__raw_${randomUUID()}__`;
  return JSON.stringify({ ...base, [key]: marker }).replace(`"${marker}"`, v.raw);
}

const wholeBody = (v: Value) => ("json" in v ? JSON.stringify(v.json) : v.raw);

function casesFor(g: Group, f: Fixtures, shapes: Shape[], n: number): Case[] {
  const role = g.role ?? "VIEWER";
  const full = g.entry.path(f, role);
  const [basePath, baseQuery = ""] = full.split("?");
  const params = new URLSearchParams(baseQuery);
  const qs = (p: URLSearchParams) => (p.toString() ? `?${p.toString()}` : "");
  const base = (g.entry.body?.(f, role) ?? {}) as Record<string, unknown>;
  const json = BODY_METHODS.has(g.method);
  const baseBody = json && g.entry.body ? JSON.stringify(base) : undefined;
  const cases: Case[] = [];
  const add = (label: string, p: string, body = baseBody, type = body === undefined ? undefined : "application/json") => cases.push({ label, method: g.method, path: p, body, type });

  // Path: each dynamic segment replaced by ids that name nothing or are not ids at all.
  const parts = basePath!.split("/");
  for (const i of g.dynamic) {
    for (const bad of BAD_IDS) {
      const p = [...parts];
      p[i] = bad;
      add(`path[${i}]=${bad.slice(0, 40)}`, p.join("/") + qs(params));
    }
  }

  // Query: every key the matrix request uses and the common ones, with bad values, and repeated.
  // Writes read their query only for the route's ids: they get the generic values on one key.
  const keys = json ? ["bogus"] : [...new Set([...params.keys(), ...COMMON_KEYS])];
  // The matrix request's query with `key` replaced by `pair` (already encoded, sent as is).
  const withParam = (key: string, pair: string) => {
    const rest = new URLSearchParams(params);
    rest.delete(key);
    return `${basePath}?${rest.toString()}${rest.toString() ? "&" : ""}${pair}`;
  };
  const generated = samples(fc.string({ unit: "binary", maxLength: 30 }), json ? 0 : 2, n).map((s) => enc(s.replace(/[\ud800-\udfff]/g, "")));
  for (const [k, key] of keys.entries()) {
    const values = json ? QUERY_VALUES.generic : [...rotate(QUERY_VALUES.generic, k, 2), ...rotate(valuesForKey(key), k, 2), ...generated];
    for (const value of values) {
      add(`?${key}=${value.slice(0, 40)}`, withParam(key, `${key}=${value}`));
    }
    add(`?${key} twice`, withParam(key, `${key}=1&${key}=2`));
  }
  add("?many unknown params", `${basePath}?${Array.from({ length: 200 }, (_, i) => `p${i}=${i}`).join("&")}`);

  if (json) {
    for (const r of RAW_BODIES) add(`raw body: ${r.label}`, full, r.body, r.type === undefined ? "application/json" : r.type || undefined);
    for (const v of WHOLE_BODIES) add(`body=${wholeBody(v).slice(0, 40)}`, full, wholeBody(v));
    if (g.entry.body) add("body=[valid body]", full, JSON.stringify([base]));
    const fields = bodyFields(g.route, base, shapes);
    for (const [k, key] of fields.entries()) {
      const fuzzed: Value[] = [
        ...samples(fc.jsonValue({ maxDepth: 3 }), 1, n + 10 * k + 1).map(j),
        ...samples(fc.string({ unit: "binary", maxLength: 40 }), 1, n + 10 * k + 2).map(j),
        ...samples(fc.double(), 1, n + 10 * k + 3).map(j),
      ];
      const more = rotate(MORE_BODY_VALUES, k, 3);
      for (const v of [...CORE_BODY_VALUES, ...more, ...fuzzed]) add(`body.${key}=${("json" in v ? JSON.stringify(v.json) : v.raw).slice(0, 40)}`, full, bodyText(base, key, v));
      if (key in base) {
        const without = { ...base };
        delete without[key];
        add(`body without ${key}`, full, JSON.stringify(without));
      }
    }
  }
  return cases;
}

async function counts(): Promise<Record<string, number>> {
  const sql = `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM "${t}")::int AS "${t}"`).join(", ")}`;
  const [row] = await app.db.handle.prisma.$queryRawUnsafe<Record<string, number>[]>(sql);
  return row!;
}

const changed = (a: Record<string, number>, b: Record<string, number>) => TABLES.filter((t) => a[t] !== b[t]).map((t) => `${t} ${a[t]}→${b[t]}`);

function shapeProblem(res: ApiResponse): string | null {
  const e = (res.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!e || typeof e.code !== "string" || !/^[A-Z_]+$/.test(e.code) || typeof e.message !== "string" || !e.message) return `no error shape: ${res.text.slice(0, 120)}`;
  return null;
}

beforeAll(async () => {
  app = await startTestApp();
  fx = await demoFixtures(app);
}, 120_000);
afterAll(async () => {
  await app.close();
});

test("every route and method answers hostile input without a 5xx, in the error shape, writing nothing when refused", async () => {
  const started = Date.now();
  const entries: MatrixEntry[] = [];
  for (const f of readdirSync(matrixDir).filter((f) => f.endsWith(".ts") && f !== "types.ts")) {
    entries.push(...((await import(path.join(matrixDir, f))) as { entries: MatrixEntry[] }).entries);
  }
  const shapes = await schemaShapes();

  const groups: Group[] = [];
  const unfuzzed: string[] = [];
  const refusedMethods: Case[] = [];
  for (const r of ROUTES) {
    const route = "/api/" + r.segments.join("/");
    if (route.startsWith("/api/auth/")) continue; // next-auth's own endpoints (auth.test.ts)
    const mod = (await import(r.file)) as { default: { routeMethods?: Partial<Record<Method, string>> } };
    const methods = Object.keys(mod.default.routeMethods ?? {}) as Method[];
    const dynamic = r.segments.map((s, i) => (s.startsWith("[") ? i + 2 : -1)).filter((i) => i >= 0); // "", "api", …
    for (const m of methods) {
      const entry = entries.find((e) => e.route === route && e.method === m);
      if (!entry) {
        unfuzzed.push(`${m} ${route}`);
        continue;
      }
      const role = entry.public ? null : entry.allowed.includes("ADMIN") ? "ADMIN" : entry.allowed[0]!;
      groups.push({ route, method: m, entry, role, dynamic });
    }
    // A method the route does not have: 405 in the error shape.
    const other = METHODS.find((m) => !methods.includes(m));
    const sample = entries.find((e) => e.route === route);
    if (other && sample) refusedMethods.push({ label: `405 ${other}`, method: other, path: sample.path({ ...fx, unique: "x", extra: {} }, "ADMIN"), body: BODY_METHODS.has(other) ? "{}" : undefined, type: "application/json" });
  }
  expect(unfuzzed).toEqual([]); // every route method has a matrix entry (rbac-matrix.test.ts demands it too)

  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let total = 0;
  const admin = await app.as("ADMIN");
  const clients = new Map<string, Client>();
  const clientFor = async (role: UserRole | null) => {
    const key = role ?? "anon";
    if (!clients.has(key)) clients.set(key, role ? await app.as(role) : app.anon());
    return clients.get(key)!;
  };

  const run = async (client: Client, c: Case, where: string): Promise<ApiResponse | null> => {
    total++;
    let res: ApiResponse;
    try {
      res = await client.raw(c.method, c.path, { body: c.body, headers: c.type ? { "content-type": c.type } : {} });
    } catch (err) {
      failures.push(`${where} ${c.label}: no response (${(err as Error).message})`);
      return null;
    }
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500) failures.push(`${where} ${c.label}: ${res.status} ${res.text.slice(0, 160)}`);
    else if (res.status >= 400) {
      const problem = shapeProblem(res);
      if (problem) failures.push(`${where} ${c.label}: ${res.status} ${problem}`);
    }
    return res;
  };

  for (const [n, g] of groups.entries()) {
    if (process.env.FUZZ_ONLY && !new RegExp(process.env.FUZZ_ONLY).test(`${g.method} ${g.route}`)) continue;
    const client = await clientFor(g.role);
    const f: Fixtures = { ...fx, unique: `fz${n}`, extra: {} };
    if (g.entry.setup) f.extra = await g.entry.setup(app.db.handle.prisma, f, g.role);
    const where = `${g.method} ${g.route} as ${g.role ?? "signed-out"}:`;
    const cases = casesFor(g, f, shapes, n * 10);
    const t0 = Date.now();
    if (BODY_METHODS.has(g.method)) {
      // Writes: counts around every case, so a refusal that wrote anything is caught by name.
      let before = await counts();
      for (const c of cases) {
        const res = await run(client, c, where);
        const after = await counts();
        if (res && res.status >= 400 && res.status < 500) {
          const diff = changed(before, after);
          if (diff.length) failures.push(`${where} ${c.label}: ${res.status} but wrote ${diff.join(", ")}`);
        }
        before = after;
      }
    } else {
      // Reads never write: counts around the whole batch.
      const before = await counts();
      for (const c of cases) await run(client, c, where);
      const diff = changed(before, await counts());
      if (diff.length) failures.push(`${where} reads wrote ${diff.join(", ")}`);
    }
    if (process.env.FUZZ_PROFILE) process.stderr.write(`${where} ${cases.length} cases in ${Date.now() - t0} ms\n`);
  }
  for (const c of refusedMethods) {
    const res = await run(admin, c, `${c.method} ${c.path}:`);
    if (res && res.status !== 405) failures.push(`${c.method} ${c.path}: expected 405, got ${res.status}`);
  }

  const seconds = (Date.now() - started) / 1000;
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, k]) => `${s}×${k}`).join(" ");
  console.log(`fuzz: ${total} cases over ${groups.length} route methods in ${seconds.toFixed(1)} s (seed ${SEED}); statuses ${byStatus}; ${failures.length} failures`);
  expect(failures.slice(0, 50)).toEqual([]);
  if (!process.env.FUZZ_ONLY) expect(total).toBeGreaterThanOrEqual(5000);
}, 600_000);
