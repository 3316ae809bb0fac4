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
