// GET /api/stock/ledger: newest first, with product and author, filtered by product, source and time.
import { DEFAULT_LOCATIONS } from "@/lib/locations/defaults";
import { startTestApp, type TestApp } from "../helpers/app";
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
interface Ledger {
  items: Entry[];
  total: number;
  page: number;
  pageSize: number;
}

let app: TestApp;
let manager: Client;
let steel: string;
let screws: string;
let inventoryUser: string;

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.handle.prisma;
  steel = (await p.product.findUniqueOrThrow({ where: { sku: "STEEL-01" } })).id;
  screws = (await p.product.findUniqueOrThrow({ where: { sku: "SCR-01" } })).id;
  inventoryUser = (await p.user.findUniqueOrThrow({ where: { email: "inventory@demo.com" } })).id;
  manager = await app.as("MANAGER");
  const inventory = await app.as("INVENTORY");
  // Seed: INITIAL steel 100, INITIAL screws 1000. Then, one after another (so ids follow this order):
  const calls = [
    () => inventory.post("/api/stock/manual", { productId: steel, change: -3, note: "scrap" }),
    () => inventory.post("/api/stock/receipts", { productId: screws, quantity: 500, reference: "PO-9" }),
    () => inventory.post("/api/stock/receipts", { productId: steel, quantity: 10, reference: "PO-9" }),
    () => inventory.post("/api/stock/manual", { productId: screws, change: 4, note: "recount" }),
  ];
  for (const call of calls) expect((await call()).status).toBe(201);
});
afterAll(async () => {
  await app.close();
});

const get = (qs = "") => manager.get<Ledger>(`/api/stock/ledger${qs ? `?${qs}` : ""}`);
const summary = (l: Ledger) => l.items.map((e) => `${e.product.sku} ${e.sourceType} ${e.change}`);

test("lists entries newest first with product and author", async () => {
  const res = await get();
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ total: 6, page: 1, pageSize: 50 });
  expect(summary(res.body)).toEqual(["SCR-01 MANUAL 4", "STEEL-01 RECEIPT 10", "SCR-01 RECEIPT 500", "STEEL-01 MANUAL -3", "SCR-01 INITIAL 1000", "STEEL-01 INITIAL 100"]);
  const ids = res.body.items.map((e) => e.id);
  expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  expect(res.body.items[0]).toEqual({
    id: expect.any(Number),
    productId: screws,
    change: 4,
    balanceAfter: 1504,
    sourceType: "MANUAL",
    sourceId: null,
    note: "recount",
    scrapReason: null,
    createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    product: { id: screws, sku: "SCR-01", name: "Screws Pack", uom: "pack" },
    createdBy: { id: inventoryUser, name: "Ines Inventory" },
    // Where: an adjustment without a location is at STOCK, untracked (docs/locations.md).
    locationId: DEFAULT_LOCATIONS.STOCK,
    location: { id: DEFAULT_LOCATIONS.STOCK, code: "STOCK" },
    lotId: null,
    lot: null,
  });
  expect(res.body.items[5]!.createdBy).toBeNull(); // the seed's opening balance has no author
});

test("filters by product, source type and source id, alone and together", async () => {
  expect(summary((await get(`productId=${steel}`)).body)).toEqual(["STEEL-01 RECEIPT 10", "STEEL-01 MANUAL -3", "STEEL-01 INITIAL 100"]);
  expect(summary((await get("sourceType=RECEIPT")).body)).toEqual(["STEEL-01 RECEIPT 10", "SCR-01 RECEIPT 500"]);
  expect(summary((await get("sourceId=PO-9")).body)).toEqual(["STEEL-01 RECEIPT 10", "SCR-01 RECEIPT 500"]);
  expect(summary((await get(`sourceId=PO-9&productId=${screws}`)).body)).toEqual(["SCR-01 RECEIPT 500"]);
  expect((await get(`sourceType=MO_CONSUMPTION&productId=${steel}`)).body).toMatchObject({ items: [], total: 0 });
  expect((await get("sourceId=po-9")).body.total).toBe(0); // references are matched exactly
  expect((await get(`productId=${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}`)).body.total).toBe(0);
});

test("filters by time: from/to inclusive, a date-only `to` covering its whole day", async () => {
  const all = (await get()).body.items;
  const times = all.map((e) => e.createdAt).sort();
  const first = times[0]!;
  const last = times[times.length - 1]!;
  expect((await get(`from=${first}&to=${last}`)).body.total).toBe(6);
  expect((await get(`from=${encodeURIComponent(last)}`)).body.total).toBe(all.filter((e) => e.createdAt === last).length);
  expect((await get(`to=${encodeURIComponent(first)}`)).body.total).toBe(all.filter((e) => e.createdAt === first).length);
  const day = last.slice(0, 10);
  expect((await get(`from=${first.slice(0, 10)}&to=${day}`)).body.total).toBe(6);
  const dayAfter = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
  expect((await get(`from=${dayAfter}`)).body.total).toBe(0);
  const dayBefore = new Date(Date.parse(first.slice(0, 10)) - 86_400_000).toISOString().slice(0, 10);
  expect((await get(`to=${dayBefore}`)).body.total).toBe(0);
  // An offset other than Z.
  const plus2 = new Date(Date.parse(last) + 2 * 3600_000).toISOString().replace("Z", "+02:00");
  expect((await get(`to=${encodeURIComponent(plus2)}`)).body.total).toBe(6);
});

test("pages with page and pageSize", async () => {
  const res = await get("page=2&pageSize=2");
  expect(res.body).toMatchObject({ total: 6, page: 2, pageSize: 2 });
  expect(summary(res.body)).toEqual(["SCR-01 RECEIPT 500", "STEEL-01 MANUAL -3"]);
});

test("bad queries are refused with 400", async () => {
  const bad = [
    "sourceType=MANUALLY",
    "sourceType=manual",
    "sourceType=",
    "productId=STEEL-01",
    "productId=",
    "sourceId=",
    "from=yesterday",
    "from=2026-13-01",
    "from=2026-02-30",
    "to=2026-11-21T10:00:00", // no offset: ambiguous
    "from=1700000000000",
    "from=2026-11-22&to=2026-11-21",
    "from=2026-11-21T12:00:00Z&to=2026-11-21T11:59:59Z",
    "page=0",
    "pageSize=1000",
    "limit=5",
    `productId=${steel}&productId=${screws}`,
  ];
  for (const qs of bad) {
    const res = await manager.get<ErrorBody>(`/api/stock/ledger?${qs}`);
    if (res.status !== 400) throw new Error(`${qs} → ${res.status} ${res.text}`);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.message.length).toBeGreaterThan(0);
  }
  // The same day as start and end is fine: the whole day.
  expect((await get("from=2026-11-21&to=2026-11-21")).status).toBe(200);
});
