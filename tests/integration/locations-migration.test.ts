// Migration 20261207010000 on a populated database (docs/locations.md "Migration"): the database is
// migrated up to the migration before it, filled with stock (a material, a produced product with a
// BOM, an emptied product), then migrated the rest of the way. Every balance must land, untracked, at
// STOCK (materials) or FG (products with a BOM), every ledger row at the same location, and the ledger
// invariant hold per product before and per product, location and lot after.
import { migrate, readMigrations } from "@/lib/db/migrate";
import { DEFAULT_LOCATIONS } from "@/lib/locations/defaults";
import { createTestDb, type TestDb } from "../helpers/db";
import { assertLedgerInvariant, PRE_LOCATIONS_LEDGER_SQL } from "../helpers/ledger";

const MINE = "20261207010000_locations_and_lots";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ migrate: false });
});
afterAll(async () => {
  await t.drop();
});

async function exec(text: string): Promise<void> {
  const c = await t.handle.connect();
  try {
    await c.exec(text);
  } finally {
    await c.release();
  }
}

async function sql(text: string): Promise<unknown[]> {
  const c = await t.handle.connect();
  try {
    return await c.query(text);
  } finally {
    await c.release();
  }
}

test("existing stock moves to STOCK or FG, untracked; the invariant holds before and after", async () => {
  const files = readMigrations();
  const before = files.filter((f) => f.name < MINE);
  expect(files.some((f) => f.name === MINE)).toBe(true);
  const c = await t.handle.connect();
  try {
    await migrate(c, before);
  } finally {
    await c.release();
  }

  // A material (3 receipts, 1 consumption), a produced product (output, then part consumed), a product emptied to zero.
  await exec(PRE_LOCATIONS_LEDGER_SQL);
  const perProduct = await sql(`SELECT "productId", SUM("change")::text AS s FROM "StockEntry" GROUP BY 1 ORDER BY 1`);
  expect(perProduct).toEqual([
    { productId: "11111111-1111-4111-8111-000000000001", s: "9.0000" },
    { productId: "11111111-1111-4111-8111-000000000002", s: "3.0000" },
    { productId: "11111111-1111-4111-8111-000000000003", s: "0.0000" },
  ]);

  const c2 = await t.handle.connect();
  try {
    const r = await migrate(c2, files);
    expect(r.applied).toContain(MINE);
  } finally {
    await c2.release();
  }

  const p = t.handle.prisma;
  await assertLedgerInvariant(p);
  const balances = await p.stockBalance.findMany({ orderBy: { productId: "asc" }, select: { productId: true, locationId: true, lotId: true, onHand: true } });
  expect(balances.map((b) => [b.productId.slice(-1), b.locationId, b.lotId, b.onHand.toNumber()])).toEqual([
    ["1", DEFAULT_LOCATIONS.STOCK, null, 9],
    ["2", DEFAULT_LOCATIONS.FG, null, 3],
  ]);
  const entries = await p.stockEntry.groupBy({ by: ["productId", "locationId"], _count: true, orderBy: { productId: "asc" } });
  expect(entries.map((e) => [e.productId.slice(-1), e.locationId, e._count])).toEqual([
    ["1", DEFAULT_LOCATIONS.STOCK, 3],
    ["2", DEFAULT_LOCATIONS.FG, 2],
    ["3", DEFAULT_LOCATIONS.STOCK, 2],
  ]);
  expect(await p.stockEntry.count({ where: { lotId: { not: null } } })).toBe(0);
  expect((await p.product.findMany({ select: { tracking: true } })).every((x) => x.tracking === "NONE")).toBe(true);
  expect((await p.location.findMany({ orderBy: { code: "asc" }, select: { code: true } })).map((l) => l.code)).toEqual(["FG", "QC", "STOCK", "WIP"]);
});
