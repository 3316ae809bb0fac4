// Stock by location and lot under real concurrency (Postgres only; docs/locations.md): 32 clients
// move one lot back and forth between two locations while others consume and adjust it. Totals must
// come out exact, no (product, location, lot) may ever go negative, and no lock error or 5xx may reach
// a client; a count whose line moved since it was read is refused and writes nothing.
import { randomUUID } from "node:crypto";
import { DEFAULT_LOCATIONS } from "@/lib/locations/defaults";
import { ensureStockLevel } from "@/lib/stock/levels";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client } from "../helpers/client";
import { negativeBalances } from "../helpers/ledger";

jest.setTimeout(300_000);

const { STOCK, QC } = DEFAULT_LOCATIONS;
let app: TestApp;
let inventory: Client;

beforeAll(async () => {
  app = await startTestApp({ poolSize: 20 });
  inventory = await app.as("INVENTORY");
});
afterAll(async () => {
  await app.close(); // asserts the ledger invariant (per product and per key) over everything written
});

const prisma = () => app.db.handle.prisma;

async function balance(productId: string, locationId: string, lotId: string): Promise<number> {
  return (await prisma().stockBalance.findFirst({ where: { productId, locationId, lotId } }))?.onHand.toNumber() ?? 0;
}

test("32 clients transfer one lot between two locations while others consume and adjust it: exact, never negative, no 5xx", async () => {
  const p = await prisma().product.create({ data: { sku: `CL-${randomUUID().slice(0, 8)}`, name: "Lot concurrency part", uom: "pcs", tracking: "LOT" } });
  await prisma().$transaction((tx) => ensureStockLevel(tx, p.id));
  const rec = await inventory.post<{ lots: { id: string }[] }>("/api/stock/receipts", { productId: p.id, quantity: 40, lotCode: "HOT-1" });
  expect(rec.status).toBe(201);
  const lotId = rec.body.lots[0]!.id;

  const calls: Promise<ApiResponse>[] = [];
  for (let i = 0; i < 32; i++) {
    const [from, to] = i % 2 ? [STOCK, QC] : [QC, STOCK];
    calls.push(inventory.post("/api/stock/transfers", { productId: p.id, quantity: 3, fromLocationId: from, toLocationId: to, lotId }));
  }
  for (let i = 0; i < 12; i++) {
    calls.push(inventory.post("/api/stock/scrap", { productId: p.id, quantity: 2, reason: "DAMAGED", locationId: i % 2 ? STOCK : QC, lotId }));
    calls.push(inventory.post("/api/stock/manual", { productId: p.id, change: i % 3 ? -1 : 1, note: "concurrent", locationId: STOCK, lotId }));
  }
  const results = await Promise.all(calls);
  const bad = results.filter((r) => !(r.status === 201 || (r.status === 409 && (r.body as { error: { code: string } }).error.code === "INSUFFICIENT_STOCK")));
  expect(bad.map((r) => `${r.status} ${r.text.slice(0, 120)}`)).toEqual([]);

  // Exact: the balances are what the accepted postings add up to.
  const entries = await prisma().stockEntry.findMany({ where: { productId: p.id }, select: { change: true, locationId: true } });
  const sum = (loc: string) => entries.filter((e) => e.locationId === loc).reduce((s, e) => s + e.change.toNumber(), 0);
  expect(await balance(p.id, STOCK, lotId)).toBe(sum(STOCK));
  expect(await balance(p.id, QC, lotId)).toBe(sum(QC));
  const level = await prisma().stockLevel.findUniqueOrThrow({ where: { productId: p.id } });
  expect(level.onHand.toNumber()).toBe(sum(STOCK) + sum(QC));
  expect(await negativeBalances(prisma())).toEqual([]);
  // Never negative at any key at any point: the running sum per location in ledger order (ids follow
  // the product's lock) stays ≥ 0.
  const running = await prisma().$queryRaw<{ min: string | null }[]>`
    SELECT MIN(s)::text AS min FROM (SELECT SUM("change") OVER (PARTITION BY "locationId", "lotId" ORDER BY "id") AS s FROM "StockEntry" WHERE "productId" = ${p.id}) x`;
  expect(Number(running[0]!.min)).toBeGreaterThanOrEqual(0);
  // Transfers came in pairs.
  const outs = await prisma().stockEntry.count({ where: { productId: p.id, sourceType: "TRANSFER_OUT" } });
  expect(await prisma().stockEntry.count({ where: { productId: p.id, sourceType: "TRANSFER_IN" } })).toBe(outs);
});

test("a count whose line moved while it was being counted is refused and writes nothing", async () => {
  const p = await prisma().product.create({ data: { sku: `CC-${randomUUID().slice(0, 8)}`, name: "Count concurrency part", uom: "pcs" } });
  await prisma().$transaction((tx) => ensureStockLevel(tx, p.id));
  expect((await inventory.post("/api/stock/receipts", { productId: p.id, quantity: 20 })).status).toBe(201);
  // The sheet says 20; while counting, 8 clients each take 1.
  const takes = Array.from({ length: 8 }, () => inventory.post("/api/stock/manual", { productId: p.id, change: -1, note: "taken during count" }));
  await Promise.all(takes);
  const before = await prisma().stockEntry.count({ where: { productId: p.id } });
  const res = await inventory.post<{ error: { code: string } }>("/api/stock/counts", { locationId: STOCK, lines: [{ productId: p.id, counted: 18, expectedOnHand: 20 }] });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe("CONFLICT");
  expect(await prisma().stockEntry.count({ where: { productId: p.id } })).toBe(before);
  expect((await prisma().stockLevel.findUniqueOrThrow({ where: { productId: p.id } })).onHand.toNumber()).toBe(12);
});

test("orders completed at once consume the last units of two lots first-expiry-first-out: no unit taken twice, no lot below zero", async () => {
  const manager = await app.as("MANAGER");
  const admin = await app.as("ADMIN");
  const tag = randomUUID().slice(0, 8);
  const steel = await admin.post<{ id: string }>("/api/products", { sku: `CF-S-${tag}`, name: "FEFO steel", isFinished: false, uom: "pcs", tracking: "LOT" });
  const part = await admin.post<{ id: string }>("/api/products", { sku: `CF-P-${tag}`, name: "FEFO part", isFinished: true, uom: "pcs" });
  expect([steel.status, part.status]).toEqual([201, 201]);
  expect((await admin.put(`/api/products/${part.body.id}/bom`, { components: [{ materialId: steel.body.id, qtyPerUnit: 1 }], operations: [{ title: "Cut", workCenterId: null, minutesPerUnit: 1 }] })).status).toBe(200);
  // 5 in a lot that expires first, 5 in a later one: 10 units for 8 orders of 2.
  const early = await inventory.post<{ lots: { id: string }[] }>("/api/stock/receipts", { productId: steel.body.id, quantity: 5, lotCode: "EARLY", expiresAt: "2027-01-31" });
  const late = await inventory.post<{ lots: { id: string }[] }>("/api/stock/receipts", { productId: steel.body.id, quantity: 5, lotCode: "LATE", expiresAt: "2027-12-31" });
  const [earlyId, lateId] = [early.body.lots[0]!.id, late.body.lots[0]!.id];
  const mos: string[] = [];
  for (let i = 0; i < 8; i++) {
    const mo = await manager.post<{ id: string }>("/api/mos", { name: `FEFO ${tag} ${i}`, productId: part.body.id, quantity: 2, childOrders: "none" });
    expect(mo.status).toBe(201);
    mos.push(mo.body.id);
  }
  const results = await Promise.all(mos.map((id) => manager.post(`/api/mos/${id}/complete`, {})));
  const done = results.filter((r) => r.status === 200 || r.status === 201).length;
  const refused = results.filter((r) => r.status === 409 && (r.body as { error: { code: string } }).error.code === "INSUFFICIENT_STOCK").length;
  expect({ done, refused, other: results.length - done - refused }).toEqual({ done: 5, refused: 3, other: 0 });

  // Every unit consumed once: 10 taken, 5 from each lot, none left, none below zero at any point.
  const rows = await prisma().stockEntry.findMany({ where: { productId: steel.body.id, sourceType: "MO_CONSUMPTION" }, orderBy: { id: "asc" }, select: { lotId: true, change: true, sourceId: true } });
  const taken = (lot: string) => -rows.filter((r) => r.lotId === lot).reduce((s, r) => s + r.change.toNumber(), 0);
  expect([taken(earlyId), taken(lateId)]).toEqual([5, 5]);
  expect([await balance(steel.body.id, STOCK, earlyId), await balance(steel.body.id, STOCK, lateId)]).toEqual([0, 0]);
  // First expiry first: no order took from the later lot while the earlier one still had units after
  // its own take (orders in ledger order; one order's rows are in lock order, not expiry order).
  let earlyLeft = 5;
  for (const order of [...new Set(rows.map((r) => r.sourceId))]) {
    const own = rows.filter((r) => r.sourceId === order);
    earlyLeft += own.filter((r) => r.lotId === earlyId).reduce((s, r) => s + r.change.toNumber(), 0);
    if (own.some((r) => r.lotId === lateId)) expect(earlyLeft).toBe(0);
  }
  expect(new Set(rows.map((r) => r.sourceId)).size).toBe(5);
  expect(await negativeBalances(prisma())).toEqual([]);
});
