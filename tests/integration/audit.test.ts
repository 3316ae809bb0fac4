// GET /api/audit: the admin's view of who changed what, newest first, with filters.
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client, ErrorBody } from "../helpers/client";

interface AuditRow {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
  createdAt: string;
  actorId: string | null;
  actor: { id: string; name: string; email: string } | null;
}
interface AuditPage {
  items: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
}

let app: TestApp;
let admin: Client;
let adminId: string;
let inventoryId: string;
let receiptEntryId: number;

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.handle.prisma;
  adminId = (await p.user.findUniqueOrThrow({ where: { email: "admin@demo.com" } })).id;
  inventoryId = (await p.user.findUniqueOrThrow({ where: { email: "inventory@demo.com" } })).id;
  const steel = (await p.product.findUniqueOrThrow({ where: { sku: "STEEL-01" } })).id;
  admin = await app.as("ADMIN");
  const inventory = await app.as("INVENTORY");
  // Seed: mo.create (no actor). Then, in this order:
  expect((await inventory.post("/api/stock/manual", { productId: steel, change: -1, note: "bent" })).status).toBe(201);
  const receipt = await inventory.post<{ entry: { id: number } }>("/api/stock/receipts", { productId: steel, quantity: 2, reference: "PO-A" });
  expect(receipt.status).toBe(201);
  receiptEntryId = receipt.body.entry.id;
  expect((await admin.post("/api/stock/manual", { productId: steel, change: 1, note: "admin fix" })).status).toBe(201);
  expect((await admin.post("/api/users", { name: "Audit Person", email: "audit.person@example.com", role: "VIEWER", password: "Audit-pass-1" })).status).toBe(201);
});
afterAll(async () => {
  await app.close();
});

const get = (qs = "") => admin.get<AuditPage>(`/api/audit${qs ? `?${qs}` : ""}`);
const actions = (p: AuditPage) => p.items.map((i) => i.action);

test("lists the trail newest first with the actor's id, name and email", async () => {
  const res = await get();
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ total: 5, page: 1, pageSize: 50 });
  expect(actions(res.body)).toEqual(["user.create", "stock.manual", "stock.receipt", "stock.manual", "mo.create"]);
  expect(res.body.items[0]!.actor).toEqual({ id: adminId, name: "Admin User", email: "admin@demo.com" });
  expect(res.body.items[2]).toEqual({
    id: expect.any(Number),
    action: "stock.receipt",
    entityType: "StockEntry",
    entityId: String(receiptEntryId),
    payload: expect.objectContaining({ change: 2, reference: "PO-A", sku: "STEEL-01" }),
    createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    actorId: inventoryId,
    actor: { id: inventoryId, name: "Ines Inventory", email: "inventory@demo.com" },
  });
  expect(res.body.items[4]!.actor).toBeNull(); // the seed acted for no one
});

test("filters by entity, actor, action and time", async () => {
  expect(actions((await get("entityType=StockEntry")).body)).toEqual(["stock.manual", "stock.receipt", "stock.manual"]);
  expect(actions((await get(`entityType=StockEntry&entityId=${receiptEntryId}`)).body)).toEqual(["stock.receipt"]);
  expect(actions((await get(`actorId=${inventoryId}`)).body)).toEqual(["stock.receipt", "stock.manual"]);
  expect(actions((await get(`actorId=${adminId}&action=stock.manual`)).body)).toEqual(["stock.manual"]);
  expect(actions((await get("action=user.create")).body)).toEqual(["user.create"]);
  expect((await get("action=stock")).body.total).toBe(0); // actions match exactly
  expect((await get("entityType=stockentry")).body.total).toBe(0);
  const all = (await get()).body.items;
  const times = all.map((i) => i.createdAt).sort();
  expect((await get(`from=${times[0]}&to=${times[times.length - 1]}`)).body.total).toBe(5);
  const tomorrow = new Date(Date.parse(times[times.length - 1]!.slice(0, 10)) + 86_400_000).toISOString().slice(0, 10);
  expect((await get(`from=${tomorrow}`)).body.total).toBe(0);
  expect((await get(`to=${times[times.length - 1]!.slice(0, 10)}`)).body.total).toBe(5);
});

test("pages with page and pageSize", async () => {
  const res = await get("page=2&pageSize=2");
  expect(res.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
  expect(actions(res.body)).toEqual(["stock.receipt", "stock.manual"]);
});

test("only admins read it", async () => {
  for (const role of ["MANAGER", "INVENTORY", "OPERATOR", "SALES", "VIEWER"]) {
    const res = await (await app.as(role)).get<ErrorBody>("/api/audit");
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("FORBIDDEN");
  }
  const anon = await app.anon().get<ErrorBody>("/api/audit");
  expect(anon.status).toBe(401);
  expect(anon.body.error.code).toBe("UNAUTHENTICATED");
});

test("bad queries are refused with 400", async () => {
  const bad = [
    "actorId=admin",
    "actorId=",
    "entityType=",
    "entityId=",
    "action=",
    "action=%20%20",
    "from=soon",
    "to=2026-02-29",
    "from=2026-11-21&to=2026-11-20",
    "page=-1",
    "pageSize=abc",
    "user=1",
    "action=a&action=b",
    `entityType=${"e".repeat(101)}`,
  ];
  for (const qs of bad) {
    const res = await admin.get<ErrorBody>(`/api/audit?${qs}`);
    if (res.status !== 400) throw new Error(`${qs} → ${res.status} ${res.text}`);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.message.length).toBeGreaterThan(0);
  }
});

test("writes are not allowed: 405 with Allow", async () => {
  const res = await admin.post<ErrorBody>("/api/audit", { action: "forged" });
  expect(res.status).toBe(405);
  expect(res.headers.get("allow")).toBe("GET");
  expect(await app.db.handle.prisma.auditLog.count({ where: { action: "forged" } })).toBe(0);
});
