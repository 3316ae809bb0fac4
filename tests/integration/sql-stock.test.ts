// Stock written with SQL through mes_post_stock (docs/sql.md, migration 20261208010000_sql_stock_function):
// receipts and issues land in the ledger exactly as lib/stock/post.ts would write them (same rows,
// values and averages for the same movements), tracked products follow the lot rules, every refusal
// writes nothing, the stock:changed outbox row is written, and the orders using the product are
// re-ranked. On PGlite and (TEST_DATABASE_URL) on Postgres, where the SQL comes from a connection of
// its own, as an ERP's script would send it. The concurrent run is tests/concurrency/sql-stock.test.ts.
import { randomUUID } from "node:crypto";
import { Client as PgClient } from "pg";
import { Prisma } from "@/lib/db/generated/client";
import { DEFAULT_LOCATIONS } from "@/lib/locations/defaults";
import { ensureStockLevel } from "@/lib/stock/levels";
import { postStock } from "@/lib/stock/post";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";
import { negativeBalances } from "../helpers/ledger";
import { connectSocket } from "../helpers/socket";

let app: TestApp;
let manager: Client;
beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
});
afterAll(async () => {
  await app.close(); // asserts the ledger invariant (per product and per key) over everything written here
});

const prisma = () => app.db.handle.prisma;

/** A failed call as the caller sees it: SQLSTATE and message. */
class SqlError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Runs SQL the way another program would: its own connection on Postgres, the database itself on PGlite. */
async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  try {
    if (app.db.url) {
      const c = new PgClient({ connectionString: app.db.url });
      await c.connect();
      try {
        return (await c.query(text, params)).rows as T[];
      } finally {
        await c.end();
      }
    }
    return (await app.db.handle.pglite!.query<T>(text, params)).rows;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code) throw new SqlError(e.code, e.message ?? "");
    throw err;
  }
}

/** mes_post_stock with named arguments; returns the ledger row's id. */
async function post(args: Record<string, unknown>): Promise<bigint> {
  const names = Object.keys(args);
  const [row] = await sql<{ id: string }>(`SELECT mes_post_stock(${names.map((n, i) => `${n} => $${i + 1}`).join(", ")})::text AS id`, names.map((n) => args[n]));
  return BigInt(row!.id);
}

async function refused(args: Record<string, unknown>): Promise<SqlError> {
  try {
    await post(args);
  } catch (err) {
    if (err instanceof SqlError) return err;
    throw err;
  }
  throw new Error(`mes_post_stock(${JSON.stringify(args)}) was not refused`);
}

async function makeProduct(data: { uom?: string; tracking?: "NONE" | "LOT" | "SERIAL"; archived?: boolean } = {}): Promise<{ id: string; sku: string }> {
  const p = await prisma().product.create({
    data: { sku: `SQL-${randomUUID().slice(0, 8)}`, name: "SQL part", uom: data.uom ?? "kg", tracking: data.tracking ?? "NONE", archivedAt: data.archived ? new Date() : null },
    select: { id: true, sku: true },
  });
  await prisma().$transaction((tx) => ensureStockLevel(tx, p.id));
  return p;
}

/** Everything a posting could write, to prove a refusal wrote nothing. */
async function snapshot() {
  const p = prisma();
  return {
    entries: await p.stockEntry.count(),
    outbox: await p.eventOutbox.count({ where: { topic: "stock:changed" } }),
    lots: await p.lot.count(),
    levels: (await p.stockLevel.findMany({ orderBy: { productId: "asc" } })).map((l) => `${l.productId}=${l.onHand.toString()}/${l.value.toString()}`),
    balances: (await p.stockBalance.findMany({ orderBy: { id: "asc" } })).map((b) => `${b.productId}|${b.locationId}|${b.lotId}=${b.onHand.toString()}`),
    averages: (await p.product.findMany({ orderBy: { id: "asc" }, select: { id: true, unitCost: true } })).map((x) => `${x.id}=${x.unitCost?.toString()}`),
  };
}

const rowsOf = async (productId: string) =>
  (await prisma().stockEntry.findMany({ where: { productId }, orderBy: { id: "asc" }, select: { change: true, balanceAfter: true, unitCost: true, value: true, sourceType: true } })).map((r) => ({
    change: r.change.toString(),
    balanceAfter: r.balanceAfter.toString(),
    unitCost: r.unitCost.toString(),
    value: r.value.toString(),
    sourceType: r.sourceType,
  }));

const levelOf = async (productId: string) => {
  const l = await prisma().stockLevel.findUniqueOrThrow({ where: { productId }, select: { onHand: true, value: true, product: { select: { unitCost: true } } } });
  return { onHand: l.onHand.toString(), value: l.value.toString(), average: l.product.unitCost?.toString() ?? null };
};

test("receipts and issues by SQL write the same rows, values and averages as postStock for the same movements", async () => {
  const bySql = await makeProduct();
  const byApp = await makeProduct();
  // Costed and uncosted receipts, issues at the average, one that empties the stock (it takes the
  // level's whole remaining value), averages with rounding residue, corrections both ways.
  const moves: { change: string; reason: "RECEIPT" | "MANUAL" | "COUNT" | "SCRAP" | "INITIAL"; cost?: string }[] = [
    { change: "10", reason: "INITIAL", cost: "2.5" },
    { change: "5", reason: "RECEIPT", cost: "4" },
    { change: "-3", reason: "MANUAL" },
    { change: "7", reason: "RECEIPT" },
    { change: "3.3333", reason: "RECEIPT", cost: "1.1111" },
    { change: "-0.0001", reason: "COUNT" },
    { change: "-22.3332", reason: "SCRAP" },
    { change: "3", reason: "RECEIPT", cost: "1.3333" },
    { change: "0.5", reason: "COUNT" },
    { change: "-1.25", reason: "MANUAL" },
  ];
  for (const m of moves) {
    await post({ product: bySql.sku, change: m.change, reason: m.reason, unit_cost: m.cost ?? null, scrap_reason: m.reason === "SCRAP" ? "DAMAGED" : null });
    await prisma().$transaction((tx) =>
      postStock(tx, {
        lines: [{ productId: byApp.id, locationId: DEFAULT_LOCATIONS.STOCK, lotId: null, change: m.change, unitCost: m.cost ?? null }],
        sourceType: m.reason,
        scrapReason: m.reason === "SCRAP" ? "DAMAGED" : null,
        allowNegative: false,
      }),
    );
  }
  const sqlRows = await rowsOf(bySql.id);
  expect(sqlRows).toHaveLength(moves.length);
  expect(sqlRows).toEqual(await rowsOf(byApp.id));
  expect(await levelOf(bySql.id)).toEqual(await levelOf(byApp.id));
  // The stock was emptied once: that row took exactly what value was left.
  const emptied = await prisma().stockEntry.findFirstOrThrow({ where: { productId: bySql.id, balanceAfter: 0 } });
  expect(emptied.sourceType).toBe("SCRAP");
  expect(emptied.scrapReason).toBe("DAMAGED");
  const balances = await prisma().stockBalance.findMany({ where: { productId: bySql.id } });
  expect(balances.map((b) => [b.locationId, b.lotId, b.onHand.toString()])).toEqual([[DEFAULT_LOCATIONS.STOCK, null, "2.25"]]);
  expect(await negativeBalances(prisma())).toEqual([]);
});

test("the function returns the ledger row it wrote, with its location, reference and note", async () => {
  const p = await makeProduct();
  const id = await post({ product: p.sku, change: 4, reason: "receipt", location: "qc", reference: "PO-77", note: "from the ERP", unit_cost: 1.5 });
  const entry = await prisma().stockEntry.findUniqueOrThrow({ where: { id } });
  expect({ productId: entry.productId, locationId: entry.locationId, sourceType: entry.sourceType, sourceId: entry.sourceId, note: entry.note, createdById: entry.createdById }).toEqual({
    productId: p.id,
    locationId: DEFAULT_LOCATIONS.QC,
    sourceType: "RECEIPT",
    sourceId: "PO-77",
    note: "from the ERP",
    createdById: null,
  });
  expect(Math.abs(entry.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  // By product id too; an issue from where the stock is.
  const out = await post({ product: p.id, change: -4, reason: "MANUAL", location: "QC" });
  expect((await prisma().stockEntry.findUniqueOrThrow({ where: { id: out } })).balanceAfter.toString()).toBe("0");
});

test("a stock:changed outbox row is written in the same transaction, marked external, and none when refused", async () => {
  const p = await makeProduct();
  const before = (await prisma().eventOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  await post({ product: p.sku, change: 2, reason: "RECEIPT", reference: "DN-1" });
  const rows = await prisma().eventOutbox.findMany({ where: { id: { gt: before }, topic: "stock:changed" } });
  expect(rows.map((r) => ({ entityId: r.entityId, payload: r.payload }))).toEqual([
    { entityId: "DN-1", payload: { productIds: [p.id], sourceType: "RECEIPT", sourceId: "DN-1", external: true } },
  ]);
  // An app posting keeps the payload it always had (no `external`).
  const mark = (await prisma().eventOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  await prisma().$transaction((tx) => postStock(tx, { lines: [{ productId: p.id, change: 1 }], sourceType: "RECEIPT", sourceId: "DN-2" }));
  const app2 = await prisma().eventOutbox.findMany({ where: { id: { gt: mark }, topic: "stock:changed" } });
  expect(app2.map((r) => r.payload)).toEqual([{ productIds: [p.id], sourceType: "RECEIPT", sourceId: "DN-2" }]);
  // A rolled-back call leaves no outbox row.
  const s = await snapshot();
  expect((await refused({ product: p.sku, change: -100, reason: "MANUAL" })).code).toBe("23514");
  expect(await snapshot()).toEqual(s);
});

test("lot and serial tracking: a receipt makes the lot, an untracked product refuses one, a tracked one needs one", async () => {
  const lotted = await makeProduct({ tracking: "LOT" });
  const expires = "2027-03-01T00:00:00";
  const first = await post({ product: lotted.sku, change: 6, reason: "RECEIPT", lot: "B-1", expires_at: expires, unit_cost: 2 });
  const again = await post({ product: lotted.sku, change: 4, reason: "RECEIPT", lot: "B-1" });
  const lots = await prisma().lot.findMany({ where: { productId: lotted.id } });
  expect(lots.map((l) => [l.code, l.expiresAt?.toISOString()])).toEqual([["B-1", "2027-03-01T00:00:00.000Z"]]);
  const [e1, e2] = await prisma().stockEntry.findMany({ where: { id: { in: [first, again] } }, orderBy: { id: "asc" } });
  expect([e1!.lotId, e2!.lotId]).toEqual([lots[0]!.id, lots[0]!.id]);
  await post({ product: lotted.sku, change: -7, reason: "MANUAL", lot: "B-1" });
  expect((await prisma().stockBalance.findFirstOrThrow({ where: { productId: lotted.id, lotId: lots[0]!.id } })).onHand.toString()).toBe("3");

  const serial = await makeProduct({ tracking: "SERIAL", uom: "pcs" });
  await post({ product: serial.sku, change: 1, reason: "RECEIPT", lot: "SN-1" });

  const plain = await makeProduct();
  const s = await snapshot();
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ product: lotted.sku, change: 1, reason: "RECEIPT" }, "22023", /name the lot/],
    [{ product: lotted.sku, change: -1, reason: "MANUAL", lot: "NOPE" }, "P0002", /has no lot/],
    [{ product: plain.sku, change: 1, reason: "RECEIPT", lot: "B-1" }, "22023", /not tracked by lot/],
    [{ product: serial.sku, change: 2, reason: "RECEIPT", lot: "SN-2" }, "22023", /one serial is one unit/],
    [{ product: serial.sku, change: 1, reason: "RECEIPT", lot: "SN-1" }, "55000", /already in stock/],
    [{ product: serial.sku, change: 0.5, reason: "MANUAL", lot: "SN-1" }, "22023", /whole number/],
  ];
  for (const [args, code, message] of cases) {
    const err = await refused(args);
    expect([code, err.code, err.message]).toEqual([code, code, expect.stringMatching(message)]);
  }
  expect(await snapshot()).toEqual(s);
});

test("every refusal names its reason with a SQLSTATE and writes nothing", async () => {
  const p = await makeProduct();
  await post({ product: p.sku, change: 5, reason: "RECEIPT" });
  const archived = await makeProduct({ archived: true });
  const inactive = await prisma().location.create({ data: { code: `OFF-${randomUUID().slice(0, 6)}`, name: "Switched off", active: false } });
  const s = await snapshot();
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ product: p.sku, change: -6, reason: "MANUAL" }, "23514", /not enough .* on hand 5.0*, required 6, short by 1/],
    [{ product: p.sku, change: -1, reason: "MANUAL", location: "QC" }, "23514", /not enough/],
    [{ product: "NO-SUCH-SKU", change: 1, reason: "RECEIPT" }, "P0002", /no product/],
    [{ product: p.sku, change: 1, reason: "RECEIPT", location: "NOWHERE" }, "P0002", /no location/],
    [{ product: p.sku, change: 1, reason: "MO_OUTPUT" }, "22023", /cannot be posted with SQL/],
    [{ product: p.sku, change: -1, reason: "MO_CONSUMPTION" }, "22023", /cannot be posted with SQL/],
    [{ product: p.sku, change: 1, reason: "TRANSFER_IN" }, "22023", /cannot be posted with SQL/],
    [{ product: p.sku, change: 1, reason: "BOGUS" }, "22023", /cannot be posted with SQL/],
    [{ product: p.sku, change: 0, reason: "MANUAL" }, "22023", /other than zero/],
    [{ product: p.sku, change: "1.00001", reason: "MANUAL" }, "22023", /more than 4 decimals/],
    [{ product: p.sku, change: "1e14", reason: "RECEIPT" }, "22003", /too large/],
    [{ product: p.sku, change: -1, reason: "RECEIPT" }, "22023", /greater than zero/],
    [{ product: p.sku, change: -1, reason: "SCRAP" }, "22023", /needs a scrap_reason/],
    [{ product: p.sku, change: -1, reason: "SCRAP", scrap_reason: "LOST" }, "22023", /needs a scrap_reason/],
    [{ product: p.sku, change: 1, reason: "SCRAP", scrap_reason: "DAMAGED" }, "22023", /below zero/],
    [{ product: p.sku, change: -1, reason: "MANUAL", scrap_reason: "DAMAGED" }, "22023", /SCRAP only/],
    [{ product: p.sku, change: -1, reason: "MANUAL", unit_cost: 1 }, "22023", /inbound stock only/],
    [{ product: p.sku, change: 1, reason: "RECEIPT", unit_cost: -1 }, "22023", /at least 0/],
    [{ product: p.sku, change: 1, reason: "RECEIPT", unit_cost: "1e14" }, "22003", /too large/],
    [{ product: p.sku, change: "99999999999999", reason: "RECEIPT" }, "22003", /would exceed/],
    [{ product: p.sku, change: "9999999999", reason: "RECEIPT", unit_cost: "99999" }, "22003", /stock value .* would exceed/],
    [{ product: archived.sku, change: 1, reason: "RECEIPT" }, "55000", /archived/],
    [{ product: p.sku, change: 1, reason: "RECEIPT", location: inactive.code }, "55000", /inactive/],
  ];
  for (const [args, code, message] of cases) {
    const err = await refused(args);
    expect([JSON.stringify(args), err.code, err.message]).toEqual([JSON.stringify(args), code, expect.stringMatching(message)]);
  }
  expect(await snapshot()).toEqual(s);
  // Allowed below zero only when asked; an archived product may still be taken down.
  await post({ product: p.sku, change: -6, reason: "MANUAL", allow_negative: true });
  expect((await levelOf(p.id)).onHand).toBe("-1");
  await post({ product: p.sku, change: 1, reason: "COUNT" });
  expect(await negativeBalances(prisma())).toEqual([]);
});

test("a receipt by SQL re-ranks the orders using the product, announced as mo:materialStatus", async () => {
  const uniq = randomUUID().slice(0, 8);
  const make = async (sku: string) => {
    const res = await manager.post<{ id: string; sku: string }>("/api/products", { sku, name: `SQL rank ${sku}`, isFinished: false, uom: "kg" });
    expect(res.status).toBe(201);
    return res.body;
  };
  const part = await make(`SQLR-P-${uniq}`);
  const frame = await make(`SQLR-F-${uniq}`);
  const bom = await manager.put(`/api/products/${frame.id}/bom`, { components: [{ materialId: part.id, qtyPerUnit: 2 }], operations: [{ title: "Make", workCenterId: null, minutesPerUnit: 1 }] });
  expect(bom.status).toBe(200);
  const created = await manager.post<{ id: string; materialStatus: string | null }>("/api/mos", { name: `SQL rank ${uniq}`, productId: frame.id, quantity: 3, childOrders: "none" });
  expect(created.status).toBe(201);
  const moId = created.body.id;
  const status = async () => (await prisma().manufacturingOrder.findUniqueOrThrow({ where: { id: moId } })).materialStatus;
  for (let i = 0; i < 50 && (await status()) !== "WAITING"; i++) await new Promise((r) => setTimeout(r, 50));
  expect(await status()).toBe("WAITING");

  const socket = await connectSocket(app.url, manager);
  try {
    await post({ product: part.sku, change: 6, reason: "RECEIPT" });
    const e = await socket.waitFor("mo:materialStatus", (x) => x.id === moId, 3000);
    expect(e.payload).toMatchObject({ id: moId, materialStatus: "READY" });
    expect(await status()).toBe("READY");
    await post({ product: part.sku, change: -2, reason: "MANUAL" });
    await socket.waitFor("mo:materialStatus", (x) => x.id === moId && x.materialStatus === "PARTIAL", 3000);
  } finally {
    socket.close();
  }
});

test("values stay exact Decimal(18,4) sums", async () => {
  // A guard on the comparison above: the test's Decimal and the ledger's agree on a sum of many rows.
  const p = await makeProduct();
  for (const c of ["0.3333", "0.3333", "0.3334"]) await post({ product: p.sku, change: c, reason: "RECEIPT", unit_cost: "0.7777" });
  const sum = (await prisma().stockEntry.findMany({ where: { productId: p.id } })).reduce((s, e) => s.plus(e.value), new Prisma.Decimal(0));
  expect((await levelOf(p.id)).value).toBe(sum.toString());
});
