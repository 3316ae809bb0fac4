// POST /api/stock/manual and /api/stock/receipts: postings, audit rows, events, refusals,
// notifications, and bad input that must leave the database untouched.
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { ensureStockLevel } from "@/lib/stock/levels";
import { postStock } from "@/lib/stock/post";
import { withStockTx } from "@/lib/inventory/tx";
import { startTestApp, type TestApp } from "../helpers/app";
import { outboxRecorder } from "../helpers/outbox";
import { DEFAULT_LOCATIONS } from "@/lib/locations/defaults";
import type { Client, ErrorBody } from "../helpers/client";

interface Entry {
  id: number;
  productId: string;
  change: number;
  balanceAfter: number;
  sourceType: string;
  sourceId: string | null;
  note: string | null;
  createdAt: string;
  product: { id: string; sku: string; name: string; uom: string };
  createdBy: { id: string; name: string } | null;
}
interface Posted {
  entry: Entry;
  onHand: number;
}

let app: TestApp;
let inventory: Client;
let steel: string;
let screws: string;
let inventoryUser: string;

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.handle.prisma;
  steel = (await p.product.findUniqueOrThrow({ where: { sku: "STEEL-01" } })).id;
  screws = (await p.product.findUniqueOrThrow({ where: { sku: "SCR-01" } })).id;
  inventoryUser = (await p.user.findUniqueOrThrow({ where: { email: "inventory@demo.com" } })).id;
  inventory = await app.as("INVENTORY");
});
afterAll(async () => {
  await app.close();
});
beforeEach(async () => {
  await outbox.mark();
});

const prisma = () => app.db.handle.prisma;
const outbox = outboxRecorder(prisma);

async function onHand(productId: string): Promise<number> {
  return (await prisma().stockLevel.findUniqueOrThrow({ where: { productId } })).onHand.toNumber();
}

/** Everything a posting could write, to prove a refusal wrote nothing. */
async function snapshot() {
  const p = prisma();
  const levels = await p.stockLevel.findMany({ orderBy: { productId: "asc" } });
  return {
    entries: await p.stockEntry.count(),
    audits: await p.auditLog.count(),
    notifications: await p.notification.count(),
    levels: levels.map((l) => `${l.productId}=${l.onHand.toString()}`),
  };
}

function expectError(res: { status: number; body: unknown }, status: number, code: string): void {
  expect(res.status).toBe(status);
  const body = res.body as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
}

async function makeProduct(data: { reorderPoint?: number; archived?: boolean } = {}): Promise<string> {
  const product = await prisma().product.create({
    data: { sku: `T-${randomUUID().slice(0, 8)}`, name: "Test part", uom: "kg", reorderPoint: data.reorderPoint, archivedAt: data.archived ? new Date() : null },
  });
  await prisma().$transaction((tx) => ensureStockLevel(tx, product.id));
  return product.id;
}

describe("POST /api/stock/manual", () => {
  test("a negative correction writes a MANUAL entry, the level, an audit row, and publishes stock:changed", async () => {
    const before = await onHand(steel);
    const res = await inventory.post<Posted>("/api/stock/manual", { productId: steel, change: -5, note: "  Damaged in transport  " });
    expect(res.status).toBe(201);
    const { entry } = res.body;
    expect(res.body.onHand).toBe(before - 5);
    expect(entry).toMatchObject({
      productId: steel,
      change: -5,
      balanceAfter: before - 5,
      sourceType: "MANUAL",
      sourceId: null,
      note: "Damaged in transport",
      product: { id: steel, sku: "STEEL-01", name: "Steel Plate", uom: "pcs" },
      createdBy: { id: inventoryUser, name: "Ines Inventory" },
    });
    expect(await onHand(steel)).toBe(before - 5);

    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: "stock.manual", entityId: String(entry.id) } });
    expect(audit).toMatchObject({ actorId: inventoryUser, entityType: "StockEntry" });
    expect(audit.payload).toMatchObject({ productId: steel, sku: "STEEL-01", change: -5, balanceAfter: before - 5, note: "Damaged in transport" });

    expect(await outbox.events()).toContainEqual({ name: "stock:changed", payload: { productIds: [steel], sourceType: "MANUAL", sourceId: null } });
  });

  test("a positive correction with 4 decimals is kept exactly", async () => {
    const before = await onHand(screws);
    const up = await inventory.post<Posted>("/api/stock/manual", { productId: screws, change: 0.0001, note: "found one" });
    expect(up.status).toBe(201);
    expect(up.body.entry.change).toBe(0.0001);
    expect(up.body.onHand).toBe(before + 0.0001);
    const down = await inventory.post<Posted>("/api/stock/manual", { productId: screws, change: -0.0001, note: "lost it again" });
    expect(down.status).toBe(201);
    expect(down.body.onHand).toBe(before);
    expect(down.body.entry.id).toBeGreaterThan(up.body.entry.id);
  });

  test("an admin may adjust too", async () => {
    const admin = await app.as("ADMIN");
    const res = await admin.post<Posted>("/api/stock/manual", { productId: screws, change: 2, note: "recount" });
    expect(res.status).toBe(201);
    expect(res.body.entry.createdBy?.name).toBe("Admin User");
  });

  test("an archived product can still be corrected (to write off what is left)", async () => {
    const id = await makeProduct({ archived: true });
    const res = await inventory.post<Posted>("/api/stock/manual", { productId: id, change: 3, note: "leftovers found" });
    expect(res.status).toBe(201);
    expect(res.body.onHand).toBe(3);
  });

  test("taking more than is on hand is refused with INSUFFICIENT_STOCK, writes nothing, and notifies every active inventory user", async () => {
    const p = prisma();
    const second = await p.user.create({ data: { name: "Second Stock", email: `inv2-${randomUUID()}@example.com`, role: "INVENTORY" } });
    const inactive = await p.user.create({ data: { name: "Gone Stock", email: `inv3-${randomUUID()}@example.com`, role: "INVENTORY", active: false } });
    const level = await onHand(steel);
    const before = await snapshot();
    const since = new Date(Date.now() - 1);

    const res = await inventory.post<ErrorBody>("/api/stock/manual", { productId: steel, change: -(level + 7), note: "scrap everything" });
    expectError(res, 409, "INSUFFICIENT_STOCK");
    expect(res.body.error.details).toEqual({
      shortages: [{ productId: steel, sku: "STEEL-01", name: "Steel Plate", uom: "pcs", locationId: DEFAULT_LOCATIONS.STOCK, locationCode: "STOCK", lotId: null, lotCode: null, onHand: level, required: level + 7, shortBy: 7 }],
    });

    const after = await snapshot();
    expect({ ...after, notifications: 0 }).toEqual({ ...before, notifications: 0 });
    const shortages = await p.notification.findMany({ where: { type: "stock.shortage", createdAt: { gte: since } } });
    expect(shortages.map((n) => n.userId).sort()).toEqual([inventoryUser, second.id].sort());
    expect(shortages[0]!.body).toContain("STEEL-01");
    expect(after.notifications).toBe(before.notifications + 2);
    expect(shortages.some((n) => n.userId === inactive.id)).toBe(false);
    // The refusal's notifications are still announced; no stock:changed for a posting that did not happen.
    expect((await outbox.events()).filter((e) => e.name === "notification:new").map((e) => e.payload.userId).sort()).toEqual([inventoryUser, second.id].sort());
    expect((await outbox.events()).some((e) => e.name === "stock:changed")).toBe(false);

    await p.user.deleteMany({ where: { id: { in: [second.id, inactive.id] } } });
  });

  test("with ALLOW_NEGATIVE_STOCK the same posting goes through", async () => {
    const id = await makeProduct();
    const e = env();
    e.ALLOW_NEGATIVE_STOCK = true;
    try {
      const res = await inventory.post<Posted>("/api/stock/manual", { productId: id, change: -4, note: "issued before the delivery was booked" });
      expect(res.status).toBe(201);
      expect(res.body.onHand).toBe(-4);
    } finally {
      e.ALLOW_NEGATIVE_STOCK = false;
    }
    const refused = await inventory.post("/api/stock/manual", { productId: id, change: -1, note: "and again" });
    expectError(refused, 409, "INSUFFICIENT_STOCK");
    expect(await onHand(id)).toBe(-4);
  });

  test("an unknown product is a 404 and writes nothing", async () => {
    const before = await snapshot();
    const res = await inventory.post("/api/stock/manual", { productId: randomUUID(), change: 1, note: "ghost" });
    expectError(res, 404, "NOT_FOUND");
    expect(await snapshot()).toEqual(before);
    expect(await outbox.events()).toEqual([]);
  });

  test("bad bodies are refused with 400 and write nothing", async () => {
    const base = { productId: steel, change: 1, note: "ok" };
    const bad: unknown[] = [
      {},
      { productId: steel, change: 1 },
      { ...base, note: "" },
      { ...base, note: "   " },
      { ...base, note: 12 },
      { ...base, note: null },
      { ...base, note: "x".repeat(501) },
      { ...base, change: 0 },
      { ...base, change: -0 },
      { ...base, change: "5" },
      { ...base, change: null },
      { ...base, change: true },
      { ...base, change: 1.23456 },
      { ...base, change: -0.00001 },
      { ...base, change: 1e12 },
      { productId: steel, note: "no change" },
      { ...base, productId: "" },
      { ...base, productId: "STEEL-01" },
      { ...base, productId: 42 },
      { ...base, sourceType: "RECEIPT" },
      { ...base, extra: true },
      [base],
      "change 1",
      42,
      null,
    ];
    const before = await snapshot();
    for (const body of bad) {
      const res = await inventory.post("/api/stock/manual", body);
      if (res.status !== 400) throw new Error(`${JSON.stringify(body)} → ${res.status} ${res.text}`);
      expectError(res, 400, "VALIDATION_FAILED");
    }
    expect(await snapshot()).toEqual(before);
    expect(await outbox.events()).toEqual([]);
  });

  test("malformed JSON, a non-JSON body and an empty body are refused and write nothing", async () => {
    const before = await snapshot();
    const malformed = await inventory.raw("POST", "/api/stock/manual", { body: '{"productId": "x", "change": 1,', headers: { "content-type": "application/json" } });
    expectError(malformed, 400, "VALIDATION_FAILED");
    const form = await inventory.raw("POST", "/api/stock/manual", { body: "productId=x&change=1", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expectError(form, 415, "UNSUPPORTED_MEDIA_TYPE");
    const empty = await inventory.raw("POST", "/api/stock/manual", { headers: { "content-type": "application/json" } });
    expectError(empty, 400, "VALIDATION_FAILED");
    const huge = await inventory.post("/api/stock/manual", { productId: steel, change: 1, note: "x".repeat(1024 * 1024 + 10) });
    expectError(huge, 413, "PAYLOAD_TOO_LARGE");
    expect(await snapshot()).toEqual(before);
  });

  test("other methods get 405 with Allow", async () => {
    const res = await inventory.get("/api/stock/manual");
    expectError(res, 405, "METHOD_NOT_ALLOWED");
    expect(res.headers.get("allow")).toBe("POST");
  });
});

describe("POST /api/stock/receipts", () => {
  test("a receipt writes a RECEIPT entry whose sourceId is the reference, plus an audit row", async () => {
    const before = await onHand(screws);
    const res = await inventory.post<Posted>("/api/stock/receipts", { productId: screws, quantity: 250.5, reference: " PO-2026-17 ", note: "pallet 1 of 2" });
    expect(res.status).toBe(201);
    expect(res.body.onHand).toBe(before + 250.5);
    expect(res.body.entry).toMatchObject({ productId: screws, change: 250.5, balanceAfter: before + 250.5, sourceType: "RECEIPT", sourceId: "PO-2026-17", note: "pallet 1 of 2" });
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: "stock.receipt", entityId: String(res.body.entry.id) } });
    expect(audit).toMatchObject({ actorId: inventoryUser, entityType: "StockEntry" });
    expect(audit.payload).toMatchObject({ productId: screws, change: 250.5, reference: "PO-2026-17", note: "pallet 1 of 2" });
    expect(await outbox.events()).toContainEqual({ name: "stock:changed", payload: { productIds: [screws], sourceType: "RECEIPT", sourceId: "PO-2026-17" } });
  });

  test("reference and note are optional", async () => {
    const res = await inventory.post<Posted>("/api/stock/receipts", { productId: screws, quantity: 1 });
    expect(res.status).toBe(201);
    expect(res.body.entry).toMatchObject({ sourceType: "RECEIPT", sourceId: null, note: null, change: 1 });
  });

  test("an unknown product is a 404; an archived product is a 409 INVALID_STATE; neither writes anything", async () => {
    const archived = await makeProduct({ archived: true });
    const before = await snapshot();
    expectError(await inventory.post("/api/stock/receipts", { productId: randomUUID(), quantity: 5 }), 404, "NOT_FOUND");
    expectError(await inventory.post("/api/stock/receipts", { productId: archived, quantity: 5 }), 409, "INVALID_STATE");
    expect(await snapshot()).toEqual(before);
    expect(await outbox.events()).toEqual([]);
  });

  test("bad bodies are refused with 400 and write nothing", async () => {
    const base = { productId: screws, quantity: 1 };
    const bad: unknown[] = [
      {},
      { productId: screws },
      { ...base, quantity: 0 },
      { ...base, quantity: -3 },
      { ...base, quantity: "3" },
      { ...base, quantity: null },
      { ...base, quantity: 1.00001 },
      { ...base, quantity: 2e9 },
      { ...base, productId: "" },
      { ...base, productId: "nope" },
      { quantity: 1 },
      { ...base, reference: "" },
      { ...base, reference: "  " },
      { ...base, reference: 17 },
      { ...base, reference: "r".repeat(101) },
      { ...base, note: "" },
      { ...base, note: ["a"] },
      { ...base, change: 1 },
      { ...base, sourceId: "PO-1" },
      [base],
      null,
    ];
    const before = await snapshot();
    for (const body of bad) {
      const res = await inventory.post("/api/stock/receipts", body);
      if (res.status !== 400) throw new Error(`${JSON.stringify(body)} → ${res.status} ${res.text}`);
      expectError(res, 400, "VALIDATION_FAILED");
    }
    const malformed = await inventory.raw("POST", "/api/stock/receipts", { body: "{quantity: 1}", headers: { "content-type": "application/json" } });
    expectError(malformed, 400, "VALIDATION_FAILED");
    expect(await snapshot()).toEqual(before);
    expect(await outbox.events()).toEqual([]);
  });

  test("a balance beyond Decimal(18,4) is refused as a CONFLICT, not a 500", async () => {
    const id = await makeProduct();
    const big = await inventory.post<Posted>("/api/stock/receipts", { productId: id, quantity: 1e9 });
    expect(big.status).toBe(201);
    // Bring the balance to the ledger's limit through the stock module (no API takes steps this large).
    await withStockTx((tx) => postStock(tx, { lines: [{ productId: id, change: "99998999999999.9999" }], sourceType: "MANUAL", note: "test: near the limit" }));
    expect(await onHand(id)).toBe(99999999999999.9999);
    const before = await snapshot();
    expectError(await inventory.post("/api/stock/receipts", { productId: id, quantity: 0.0001 }), 409, "CONFLICT");
    expect(await snapshot()).toEqual(before);
  });
});

describe("reorder point", () => {
  test("crossing the reorder point notifies inventory once, not again on the next posting below it", async () => {
    const id = await makeProduct({ reorderPoint: 10 });
    const p = prisma();
    const reorders = () => p.notification.count({ where: { type: "stock.reorder", link: { contains: id } } });
    const post = async (change: number) => {
      const res = await inventory.post<Posted>("/api/stock/manual", { productId: id, change, note: "reorder test" });
      expect(res.status).toBe(201);
      return res.body.onHand;
    };

    expect(await post(15)).toBe(15); // from 0 (below) up: no crossing downwards
    expect(await reorders()).toBe(0);
    expect(await post(-4)).toBe(11); // still above
    expect(await reorders()).toBe(0);
    await outbox.mark();
    expect(await post(-1)).toBe(10); // at the reorder point: crossed
    expect(await reorders()).toBe(1);
    const n = await p.notification.findFirstOrThrow({ where: { type: "stock.reorder", link: { contains: id } } });
    expect(n.userId).toBe(inventoryUser);
    expect((await outbox.events()).filter((e) => e.name === "notification:new")).toEqual([{ name: "notification:new", payload: { id: n.id, userId: inventoryUser, type: "stock.reorder" } }]);
    expect(await post(-3)).toBe(7); // further below: no second notification
    expect(await reorders()).toBe(1);
    expect(await post(20)).toBe(27); // back above...
    expect(await post(-17)).toBe(10); // ...and down again: a new crossing
    expect(await reorders()).toBe(2);
  });
});

describe("posting rules", () => {
  test("changes with more than 4 decimals from the service layer are rounded before the balance is computed", async () => {
    const id = await makeProduct();
    await withStockTx((tx) => postStock(tx, { lines: [{ productId: id, change: 1 }], sourceType: "INITIAL" }));
    // e.g. qtyPerUnit 0.12345 × 1: Postgres stores the change as -0.1235 (half away from zero); the balance must agree.
    const res = await withStockTx((tx) => postStock(tx, { lines: [{ productId: id, change: "-0.12345" }], sourceType: "MANUAL" }));
    expect(res.entries.map((e) => [e.change.toString(), e.balanceAfter.toString()])).toEqual([["-0.1235", "0.8765"]]);
    const rows = await prisma().stockEntry.findMany({ where: { productId: id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.change.toString(), r.balanceAfter.toString()])).toEqual([
      ["1", "1"],
      ["-0.1235", "0.8765"],
    ]);
    expect(await onHand(id)).toBe(0.8765);
    // A net change that rounds to zero writes nothing.
    const none = await withStockTx((tx) => postStock(tx, { lines: [{ productId: id, change: "0.00004" }], sourceType: "MANUAL" }));
    expect(none.entries).toEqual([]);
  });
});
