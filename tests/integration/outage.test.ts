// The database goes away and comes back (issue 9.4): the app runs against a PRIVATE Postgres cluster
// this test creates on a free port (never the shared one), which it stops and starts again.
// While it is down every API call answers 503 SERVICE_UNAVAILABLE with Retry-After (GET and POST,
// signed in or not, /api/health included), never 500; once it is back the same process answers
// again without a restart. Needs the Postgres server tools (pg_createcluster); without them the
// test fails rather than being skipped. Runs in both jest runs (it ignores TEST_DATABASE_URL).
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { createServer } from "node:net";
import { createDb, setDb, type DbHandle } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/health";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { DEMO_USERS, seedDemo } from "@/lib/demo/seed";
import { toErrorResponse } from "@/lib/http/errors";
import { Client, type ApiResponse, type ErrorBody } from "../helpers/client";
import { startApiServer, type TestServer } from "../helpers/server";

const CLUSTER = `mes_outage_${process.pid}`;
const VERSION = readdirSync("/usr/lib/postgresql").sort().at(-1)!;
let port = 0;
let created = false;
let handle: DbHandle;
let server: TestServer;
let inventory: Client;
let screws: string;

function pgctl(...args: string[]): void {
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", VERSION, CLUSTER, ...args], { stdio: "pipe" });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  port = await freePort();
  execFileSync("pg_createcluster", [VERSION, CLUSTER, "-p", String(port), "--start-conf=manual", "--", "--auth-local=trust", "--auth-host=trust"], { stdio: "pipe" });
  created = true;
  pgctl("start");
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  handle = createDb({ url, poolSize: 5 });
  await until("the private cluster", async () => ((await handle.prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)[0]?.one ?? 0) === 1);
  const conn = await handle.connect();
  try {
    await migrate(conn, readMigrations());
  } finally {
    await conn.release();
  }
  setDb(handle);
  await seedDemo();
  screws = (await handle.prisma.product.findUniqueOrThrow({ where: { sku: "SCR-01" } })).id;
  server = await startApiServer({ databaseUrl: url });
  const demo = DEMO_USERS.find((u) => u.role === "INVENTORY")!;
  inventory = await new Client(server.url).signInOrThrow(demo.email, demo.password);
}, 120_000);

/** Waits for `p` at most `ms`, so a stuck close can never keep the private cluster alive. */
function bounded(what: string, p: Promise<unknown> | undefined, ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  // The timer is cleared once `p` settles: left running, it fired after the suite and logged a false
  // "did not finish" after jest had finished (which jest counts against the run).
  return Promise.race([
    Promise.resolve(p).then(() => undefined, (err: unknown) => console.warn(`[outage test] ${what}:`, err)),
    new Promise<void>((r) => {
      timer = setTimeout(() => (console.warn(`[outage test] ${what} did not finish in ${ms} ms`), r()), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

afterAll(async () => {
  try {
    await bounded("closing the server", server?.close());
    await bounded("closing the database handle", handle?.close());
    setDb(undefined);
  } finally {
    // Always drop the private cluster, whatever happened above.
    if (created) execFileSync("pg_dropcluster", [VERSION, CLUSTER, "--stop"], { stdio: "pipe" });
  }
}, 60_000);

function expectUnavailable(res: ApiResponse, what: string): void {
  const body = res.body as Partial<ErrorBody> & { status?: string };
  expect({ what, status: res.status, retryAfter: res.headers.get("retry-after") }).toEqual({ what, status: 503, retryAfter: "5" });
  // /api/health without a session answers its own body; everything else the error shape.
  if (body.error) expect(body.error.code).toBe("SERVICE_UNAVAILABLE");
  else expect(body.status).toBe("unavailable");
}

test("database stopped → 503 with Retry-After everywhere; started again → the same process recovers", async () => {
  const anon = new Client(server.url);
  expect((await anon.get("/api/health")).status).toBe(200);
  expect((await inventory.get("/api/stock")).status).toBe(200);
  const key = randomUUID();
  const receipt = { productId: screws, quantity: 7, note: "during the outage" };
  const post = () => inventory.request("POST", "/api/stock/receipts", receipt, { "Idempotency-Key": key });

  pgctl("stop", "-m", "fast"); // terminates the pool's open connections (57P01), then refuses new ones

  for (let round = 0; round < 2; round++) {
    // Twice: first the pool's dead connections, then fresh connection attempts (ECONNREFUSED).
    expectUnavailable(await anon.get("/api/health"), "GET /api/health");
    expectUnavailable(await inventory.get("/api/health"), "GET /api/health with a session");
    expectUnavailable(await inventory.get("/api/stock"), "GET /api/stock");
    expectUnavailable(await inventory.get("/api/me"), "GET /api/me");
    expectUnavailable(await post(), "POST /api/stock/receipts");
    expectUnavailable(await inventory.post("/api/notifications/read-all", {}), "POST without a key");
    expectUnavailable(await inventory.patch(`/api/products/${screws}`, { name: "Screws" }), "PATCH /api/products/:id");
  }

  pgctl("start");
  await until("the app to answer again", async () => (await anon.get("/api/health")).status === 200);
  expect((await inventory.get("/api/stock")).status).toBe(200);
  const me = await inventory.get<{ user: { email: string } }>("/api/me");
  expect(me.status).toBe(200);
  expect(me.body.user.email).toBe("inventory@demo.com");
  // The POST refused during the outage was not kept: its retry with the same key runs, once.
  const retried = await post();
  expect(retried.status).toBe(201);
  expect((await post()).headers.get("idempotent-replayed")).toBe("true");
  expect(await handle.prisma.stockEntry.count({ where: { productId: screws, note: "during the outage" } })).toBe(1);
}, 120_000);

test("every shape of 'database away' maps to 503 + Retry-After; other database errors do not", () => {
  const adapter = (cause: object) => ({ name: "PrismaClientKnownRequestError", code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });
  const away: unknown[] = [
    { code: "P1001" },
    { name: "PrismaClientInitializationError", errorCode: "P1002" },
    { code: "P1017" },
    { code: "P2024" },
    adapter({ kind: "DatabaseNotReachable", host: "db", port: 5432 }),
    adapter({ kind: "ConnectionClosed" }),
    adapter({ kind: "SocketTimeout" }),
    adapter({ kind: "TooManyConnections", cause: "sorry, too many clients already" }),
    adapter({ kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" }),
    adapter({ kind: "postgres", code: "57P03", message: "the database system is starting up" }),
    { code: "53300", severity: "FATAL", message: "sorry, too many clients already" },
    Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 }),
    new Error("Connection terminated unexpectedly"),
    new Error("timeout exceeded when trying to connect"),
    new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]),
  ];
  for (const err of away) {
    expect({ err, unavailable: isDatabaseUnavailable(err) }).toEqual({ err, unavailable: true });
    const r = toErrorResponse(err, () => {});
    expect({ status: r.status, code: r.body.error.code, retryAfter: r.headers?.["Retry-After"] }).toEqual({ status: 503, code: "SERVICE_UNAVAILABLE", retryAfter: "5" });
  }
  const notAway: unknown[] = [{ code: "P2002" }, { code: "P2025" }, adapter({ kind: "UniqueConstraintViolation" }), adapter({ kind: "postgres", code: "22021" }), new Error("boom"), null, "text"];
  for (const err of notAway) expect({ err, unavailable: isDatabaseUnavailable(err) }).toEqual({ err, unavailable: false });
});
