// GET /api/stock: current levels with search, low-stock filter, archived products and paging.
import { ensureStockLevel } from "@/lib/stock/levels";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client, ErrorBody } from "../helpers/client";

interface Level {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  onHand: number;
  reorderPoint: number | null;
  low: boolean;
  unitCost: number | null;
  archivedAt: string | null;
}
interface Levels {
  items: Level[];
  total: number;
  page: number;
  pageSize: number;
}

let app: TestApp;
let viewer: Client;
let inventory: Client;
let steel: string;

beforeAll(async () => {
  app = await startTestApp();
  viewer = await app.as("VIEWER");
  inventory = await app.as("INVENTORY");
  steel = (await app.db.handle.prisma.product.findUniqueOrThrow({ where: { sku: "STEEL-01" } })).id;
});
afterAll(async () => {
  await app.close();
});

const skus = (l: Levels) => l.items.map((i) => i.sku);

test("lists every active product's level with its reorder point, low flag and unit cost, by SKU", async () => {
  const res = await viewer.get<Levels>("/api/stock");
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
  expect(res.body.items).toEqual([
    { productId: expect.any(String), sku: "SCR-01", name: "Screws Pack", uom: "pack", onHand: 1000, held: 0, allocated: 100, available: 900, reorderPoint: 200, low: false, unitCost: 0.5, value: 500, archivedAt: null },
    { productId: steel, sku: "STEEL-01", name: "Steel Plate", uom: "pcs", onHand: 100, held: 0, allocated: 10, available: 90, reorderPoint: 20, low: false, unitCost: 25, value: 2500, archivedAt: null },
    { productId: expect.any(String), sku: "TABLE-100", name: "Metal Table", uom: "pcs", onHand: 0, held: 0, allocated: 0, available: 0, reorderPoint: null, low: false, unitCost: 120, value: 0, archivedAt: null },
  ]);
});

test("pages with page and pageSize", async () => {
  const res = await viewer.get<Levels>("/api/stock?page=2&pageSize=1");
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
  expect(skus(res.body)).toEqual(["STEEL-01"]);
  expect(skus((await viewer.get<Levels>("/api/stock?page=9&pageSize=1")).body)).toEqual([]);
});

test("q searches SKU and name, case-insensitively and literally", async () => {
  expect(skus((await viewer.get<Levels>("/api/stock?q=steel")).body)).toEqual(["STEEL-01"]);
  expect(skus((await viewer.get<Levels>("/api/stock?q=scr-0")).body)).toEqual(["SCR-01"]);
  expect(skus((await viewer.get<Levels>("/api/stock?q=TABLE")).body)).toEqual(["TABLE-100"]);
  const none = await viewer.get<Levels>(`/api/stock?q=${encodeURIComponent("%")}`);
  expect(none.body).toMatchObject({ items: [], total: 0 });
  expect((await viewer.get<Levels>("/api/stock?q=S_EEL")).body.total).toBe(0);
  expect((await viewer.get<Levels>("/api/stock?q=")).body.total).toBe(3);
});

test("low=1 lists products at or below their reorder point; products without one are never low", async () => {
  expect((await viewer.get<Levels>("/api/stock?low=1")).body).toMatchObject({ items: [], total: 0 });
  const res = await inventory.post("/api/stock/manual", { productId: steel, change: -80, note: "down to the reorder point" });
  expect(res.status).toBe(201);
  const low = await viewer.get<Levels>("/api/stock?low=1");
  expect(low.body.total).toBe(1);
  expect(low.body.items[0]).toMatchObject({ sku: "STEEL-01", onHand: 20, reorderPoint: 20, low: true });
  expect(skus((await viewer.get<Levels>("/api/stock?low=true&q=scr")).body)).toEqual([]);
  const all = await viewer.get<Levels>("/api/stock?low=0");
  expect(all.body.total).toBe(3);
  expect(all.body.items.find((i) => i.sku === "STEEL-01")!.low).toBe(true);
  expect(all.body.items.find((i) => i.sku === "TABLE-100")!.low).toBe(false);
  expect((await inventory.post("/api/stock/receipts", { productId: steel, quantity: 1 })).status).toBe(201);
  expect((await viewer.get<Levels>("/api/stock?low=1")).body.total).toBe(0);
});

test("archived products are hidden unless includeArchived=true", async () => {
  const p = app.db.handle.prisma;
  const archived = await p.product.create({ data: { sku: "OLD-01", name: "Retired bracket", uom: "pcs", reorderPoint: 5, archivedAt: new Date() } });
  await p.$transaction((tx) => ensureStockLevel(tx, archived.id));
  expect(skus((await viewer.get<Levels>("/api/stock")).body)).not.toContain("OLD-01");
  expect((await viewer.get<Levels>("/api/stock?includeArchived=false")).body.total).toBe(3);
  const all = await viewer.get<Levels>("/api/stock?includeArchived=true");
  expect(all.body.total).toBe(4);
  const old = all.body.items.find((i) => i.sku === "OLD-01")!;
  expect(old).toMatchObject({ onHand: 0, reorderPoint: 5, low: true });
  expect(typeof old.archivedAt).toBe("string");
  expect(skus((await viewer.get<Levels>("/api/stock?includeArchived=1&low=1&q=old")).body)).toEqual(["OLD-01"]);
});

test("a product without a level row (made outside the stock module) shows 0 on hand", async () => {
  await app.db.handle.prisma.product.create({ data: { sku: "BARE-01", name: "No level yet", uom: "pcs" } });
  const res = await viewer.get<Levels>("/api/stock?q=BARE");
  expect(res.body.items).toEqual([expect.objectContaining({ sku: "BARE-01", onHand: 0, low: false, reorderPoint: null, unitCost: null, value: null })]);
});

test("bad queries are refused with 400", async () => {
  for (const qs of ["page=0", "page=abc", "pageSize=0", "pageSize=201", "page=1.5", "low=yes", "low=", "includeArchived=maybe", "foo=1", "q=a&q=b", `q=${"x".repeat(101)}`]) {
    const res = await viewer.get<ErrorBody>(`/api/stock?${qs}`);
    if (res.status !== 400) throw new Error(`${qs} → ${res.status} ${res.text}`);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.message.length).toBeGreaterThan(0);
  }
});

test("other methods get 405 with Allow", async () => {
  const res = await inventory.post<ErrorBody>("/api/stock", { productId: steel, change: 1 });
  expect(res.status).toBe(405);
  expect(res.headers.get("allow")).toBe("GET");
  expect(res.body.error.code).toBe("METHOD_NOT_ALLOWED");
});
