// Webhooks over real HTTP on both databases: a local receiver (an HTTP server in this test) checks
// every signature; an MO change reaches it; a 500 is retried with backoff; deliveries of one MO go
// out in order, one at a time, while another MO's are not held up; a manual redelivery sends the
// same event id again; a webhook failing for the whole retry window is switched off and the admins
// notified; bad input is refused with nothing written. Short retry settings (env, below) keep it fast.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client } from "../helpers/client";
import { verifySignature } from "@/lib/webhooks/signature";

// Read by env() when the app starts (beforeAll): a retry window of 4 s instead of a day.
process.env.WEBHOOK_RETRY_BASE_MS = "100";
process.env.WEBHOOK_RETRY_MAX_MS = "400";
process.env.WEBHOOK_RETRY_WINDOW_MS = "4000";
process.env.WEBHOOK_TIMEOUT_MS = "3000";

interface Received {
  path: string;
  raw: string;
  body: { id: string; event: string; occurredAt: string; data: Record<string, unknown> };
  headers: IncomingMessage["headers"];
  status: number;
  at: number;
}

/** The receiver: answers each request with what `respond` says (default 200) and records it. */
class Receiver {
  server!: Server;
  url = "";
  got: Received[] = [];
  respond: (r: Omit<Received, "status" | "at">) => number = () => 200;
  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const r = { path: req.url ?? "", raw, body: JSON.parse(raw) as Received["body"], headers: req.headers };
        const status = this.respond(r);
        this.got.push({ ...r, status, at: Date.now() });
        res.statusCode = status;
        res.end(status === 200 ? "thanks" : "try later");
      });
    });
    this.server.keepAliveTimeout = 500;
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  on(path: string) {
    return this.got.filter((g) => g.path === path);
  }
  async close() {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

let app: TestApp;
let admin: Client;
let manager: Client;
const receiver = new Receiver();
const db = () => app.db.handle.prisma;
let mos: string[];

beforeAll(async () => {
  await receiver.start();
  app = await startTestApp();
  admin = await app.as("ADMIN");
  manager = await app.as("MANAGER");
  // Three orders of their own (made before any webhook exists, so they send nothing).
  const table = await db().product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
  mos = [];
  for (const name of ["Hook A", "Hook B", "Hook C"]) {
    const res = await manager.request<{ id: string }>("POST", "/api/mos", { name, productId: table.id, quantity: 1, childOrders: "none" });
    expect(res.status).toBe(201);
    mos.push(res.body.id);
  }
});
afterAll(async () => {
  await app.close();
  await receiver.close();
});

function expectError(res: ApiResponse, status: number, code: string) {
  expect({ status: res.status, code: (res.body as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v && !(Array.isArray(v) && !v.length)) return v; // an empty list is "not yet"
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Hook {
  id: string;
  url: string;
  events: string[];
  secret?: string;
  secretHint: string;
  active: boolean;
}
interface Delivery {
  id: number;
  eventId: string;
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  redeliveryOf: number | null;
  attemptLog: { attempt: number; ok: boolean; statusCode: number | null; durationMs: number; error: string | null }[];
}

async function createHook(path: string, events: string[] = ["mo:updated"]): Promise<Hook> {
  const res = await admin.request<Hook>("POST", "/api/webhooks", { url: `${receiver.url}${path}`, events, description: path });
  expect(res.status).toBe(201);
  return res.body;
}
const setPriority = (mo: string, priority: string) => manager.request("PATCH", `/api/mos/${mo}`, { priority }).then((r) => expect(r.status).toBe(200));
const deliveries = async (hook: string) => (await admin.request<{ items: Delivery[] }>("GET", `/api/webhooks/${hook}/deliveries?pageSize=200`)).body.items;

test("bad URLs, unknown or internal event names and a short secret are refused with 400, and nothing is written", async () => {
  const bad = [
    { url: "ftp://example.com/hook", events: ["mo:updated"] },
    { url: "not a url", events: ["mo:updated"] },
    { url: "http://user:pw@example.com/hook", events: ["mo:updated"] },
    { url: "https://example.com/hook", events: ["mo:exploded"] },
    { url: "https://example.com/hook", events: ["user:changed"] },
    { url: "https://example.com/hook", events: [] },
    { url: "https://example.com/hook", events: "mo:updated" },
    { url: "https://example.com/hook", events: ["mo:updated"], secret: "short" },
    { url: "https://example.com/hook", events: ["mo:updated"], extra: 1 },
  ];
  for (const body of bad) {
    const res = await admin.request("POST", "/api/webhooks", body);
    expectError(res, 400, "VALIDATION_FAILED");
  }
  expect(await db().webhook.count()).toBe(0);
  expectError(await admin.request("PATCH", "/api/webhooks/00000000-0000-4000-8000-000000000000", { active: false }), 404, "NOT_FOUND");
});

test("the secret is answered once; reads show its last four characters only", async () => {
  const hook = await createHook("/secret-check");
  expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  const list = await admin.request<{ items: Hook[] }>("GET", "/api/webhooks");
  const listed = list.body.items.find((h) => h.id === hook.id)!;
  expect(listed).not.toHaveProperty("secret");
  expect(listed.secretHint).toBe(`…${hook.secret!.slice(-4)}`);
  const rotated = await admin.request<Hook>("POST", `/api/webhooks/${hook.id}/secret`, {});
  expect(rotated.status).toBe(200);
  expect(rotated.body.secret).not.toBe(hook.secret);
  expect((await admin.request("DELETE", `/api/webhooks/${hook.id}`)).status).toBe(200);
});

test("an MO change reaches the receiver, signed over the time and the exact body", async () => {
  const hook = await createHook("/signed");
  await setPriority(mos[0]!, "URGENT");
  const [got] = await waitFor("a delivery", () => receiver.on("/signed"));
  expect(got!.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), event: "mo:updated", occurredAt: expect.any(String), data: expect.objectContaining({ id: mos[0] }) });
  const sig = got!.headers["x-mes-signature"] as string;
  expect(sig).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  expect(verifySignature(hook.secret!, got!.raw, sig)).toBe(true);
  expect(verifySignature(hook.secret!, got!.raw.replace("URGENT", "LOW") + " ", sig)).toBe(false);
  expect(verifySignature("whsec_another", got!.raw, sig)).toBe(false);
  expect(got!.headers["x-mes-event"]).toBe("mo:updated");
  expect(got!.headers["x-mes-event-id"]).toBe(got!.body.id);
  const [d] = await waitFor("the delivery logged", async () => (await deliveries(hook.id)).filter((x) => x.status === "DELIVERED"));
  expect(d).toMatchObject({ eventId: got!.body.id, status: "DELIVERED", attempts: 1, lastStatusCode: 200 });
  expect(d!.attemptLog).toEqual([expect.objectContaining({ attempt: 1, ok: true, statusCode: 200, error: null, durationMs: expect.any(Number) })]);
  // A change to another MO only: this hook is not subscribed to mo:created, and stock events are not asked for.
  await admin.request("PATCH", `/api/webhooks/${hook.id}`, { active: false });
});

test("a 500 is retried with backoff until the receiver takes it", async () => {
  const hook = await createHook("/flaky");
  let fails = 2;
  receiver.respond = (r) => (r.path === "/flaky" && fails-- > 0 ? 500 : 200);
  await setPriority(mos[1]!, "HIGH");
  const ok = await waitFor("the third attempt", () => receiver.on("/flaky").find((g) => g.status === 200));
  const tries = receiver.on("/flaky");
  expect(tries.map((t) => t.status)).toEqual([500, 500, 200]);
  expect(new Set(tries.map((t) => t.body.id)).size).toBe(1);
  // Backoff: ~100 ms, then ~200 ms (±25 %).
  expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(70);
  expect(tries[2]!.at - tries[1]!.at).toBeGreaterThanOrEqual(140);
  expect(tries.map((t) => t.headers["x-mes-attempt"])).toEqual(["1", "2", "3"]);
  const [d] = await waitFor("delivered", async () => (await deliveries(hook.id)).filter((x) => x.status === "DELIVERED"));
  expect(d!.eventId).toBe(ok.body.id);
  expect(d!.attempts).toBe(3);
  expect(d!.attemptLog.map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([
    [3, true, 200],
    [2, false, 500],
    [1, false, 500],
  ]);
  expect(d!.attemptLog[1]!.error).toBe("HTTP 500");
  receiver.respond = () => 200;
  await admin.request("PATCH", `/api/webhooks/${hook.id}`, { active: false });
});

test("deliveries of one MO go out in order, one at a time; another MO's are not held up", async () => {
  const hook = await createHook("/ordered");
  const [a, b] = [mos[0]!, mos[2]!];
  // A's first event is refused at least three times, and until B's event has arrived.
  let aFails = 3;
  let bSeen = false;
  let firstA: string | undefined;
  receiver.respond = (r) => {
    if (r.path !== "/ordered") return 200;
    if (r.body.data.id === b) return (bSeen = true), 200;
    firstA ??= r.body.id;
    return r.body.id === firstA && (aFails-- > 0 || !bSeen) ? 500 : 200;
  };
  // Four changes of A, then one of B.
  for (const p of ["LOW", "NORMAL", "HIGH", "URGENT"]) await setPriority(a, p);
  await setPriority(b, "LOW");
  await waitFor("A's four events", () => new Set(receiver.on("/ordered").filter((g) => g.status === 200 && g.body.data.id === a).map((g) => g.body.id)).size === 4);
  const log = receiver.on("/ordered");
  const recorded = (await db().webhookDelivery.findMany({ where: { webhookId: hook.id, entityKey: `mo:${a}` }, orderBy: { id: "asc" } })).map((d) => d.eventId);
  expect(recorded).toHaveLength(4);
  const aLog = log.filter((g) => g.body.data.id === a);
  // A's first event was tried until it succeeded before any later one was sent, then each once, in order.
  const refused = aLog.findIndex((g) => g.status === 200);
  expect(refused).toBeGreaterThanOrEqual(3);
  expect(aLog.map((g) => [g.body.id, g.status])).toEqual([
    ...Array.from({ length: refused }, () => [recorded[0], 500]),
    [recorded[0], 200],
    [recorded[1], 200],
    [recorded[2], 200],
    [recorded[3], 200],
  ]);
  // The delivery order also follows the recording order (ids rise with it).
  const ids = aLog.filter((g) => g.status === 200).map((g) => Number(g.headers["x-mes-delivery"]));
  expect(ids).toEqual([...ids].sort((x, y) => x - y));
  // B went out while A's first was still being retried.
  const bGot = log.find((g) => g.body.data.id === b)!;
  const aFirstOk = aLog.find((g) => g.status === 200)!;
  expect(bGot.at).toBeLessThan(aFirstOk.at);
  receiver.respond = () => 200;
  await admin.request("PATCH", `/api/webhooks/${hook.id}`, { active: false });
});

test("a delivered event can be sent again by hand: same event id, a new delivery in the log", async () => {
  const hook = await createHook("/again");
  await setPriority(mos[1]!, "NORMAL");
  const first = await waitFor("a delivery", () => receiver.on("/again")[0]);
  const [d] = await waitFor("delivered", async () => (await deliveries(hook.id)).filter((x) => x.status === "DELIVERED"));
  const res = await admin.request<Delivery>("POST", `/api/webhooks/${hook.id}/deliveries/${d!.id}/redeliver`);
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ eventId: first.body.id, status: "PENDING", redeliveryOf: d!.id });
  const again = await waitFor("the redelivery", () => receiver.on("/again")[1]);
  expect(again.raw).toBe(first.raw);
  expect(again.headers["x-mes-delivery"]).toBe(String(res.body.id));
  const log = await waitFor("both delivered", async () => {
    const l = await deliveries(hook.id);
    return l.length === 2 && l.every((x) => x.status === "DELIVERED") && l;
  });
  expect(log.map((x) => x.eventId)).toEqual([first.body.id, first.body.id]);
  expectError(await admin.request("POST", `/api/webhooks/${hook.id}/deliveries/999999/redeliver`), 404, "NOT_FOUND");
  expectError(await admin.request("POST", `/api/webhooks/${hook.id}/deliveries/abc/redeliver`), 400, "VALIDATION_FAILED");
  await admin.request("PATCH", `/api/webhooks/${hook.id}`, { active: false });
  expectError(await admin.request("POST", `/api/webhooks/${hook.id}/deliveries/${d!.id}/redeliver`), 409, "CONFLICT");
});

test("a webhook failing for the whole retry window is switched off, its delivery given up, and every admin notified", async () => {
  const hook = await createHook("/down");
  receiver.respond = (r) => (r.path === "/down" ? 503 : 200);
  await setPriority(mos[2]!, "HIGH");
  const off = await waitFor("switched off", async () => {
    const w = await db().webhook.findUniqueOrThrow({ where: { id: hook.id } });
    return !w.active && w;
  });
  expect(off.disabledAt).not.toBeNull();
  const [d] = await deliveries(hook.id);
  expect(d!.status).toBe("FAILED");
  expect(d!.attempts).toBeGreaterThanOrEqual(3);
  expect(d!.attemptLog.every((a) => !a.ok && a.statusCode === 503)).toBe(true);
  const notes = await admin.request<{ items: { type: string; title: string; body: string; link: string | null }[] }>("GET", "/api/notifications");
  const note = notes.body.items.find((n) => n.type === "webhook.disabled");
  expect(note).toMatchObject({ link: "/admin/webhooks" });
  expect(note!.title).toContain(`${receiver.url}/down`);
  expect(note!.body).toContain("HTTP 503");
  expect(await db().auditLog.count({ where: { action: "webhook.disable", entityId: hook.id } })).toBe(1);
  // Nothing more is sent to it while it is off.
  const before = receiver.on("/down").length;
  await setPriority(mos[2]!, "LOW");
  await new Promise((r) => setTimeout(r, 400));
  expect(receiver.on("/down").length).toBe(before);
  expect(await db().webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(1);
  receiver.respond = () => 200;
});
