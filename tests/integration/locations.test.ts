// Stock by location and lot (docs/locations.md): locations and their API, product tracking and lots,
// receipts into locations and lots, transfers, counts, per-key refusals; bad input is a 4xx that writes
// nothing, and the ledger invariant (per product and per product, location, lot) holds at the end.
import { DEFAULT_LOCATIONS } from "@/lib/locations/defaults";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";
import { assertLedgerInvariant, negativeBalances } from "../helpers/ledger";

const { STOCK, WIP, FG, QC } = DEFAULT_LOCATIONS;

let app: TestApp;
let inventory: Client;
let viewer: Client;
let n = 0;

beforeAll(async () => {
  app = await startTestApp();
  inventory = await app.as("INVENTORY");
  viewer = await app.as("VIEWER");
});
afterAll(async () => {
  await assertLedgerInvariant(app.db.handle.prisma);
  expect(await negativeBalances(app.db.handle.prisma)).toEqual([]);
  await app.close();
});

const prisma = () => app.db.handle.prisma;

function expectError(res: { status: number; body: unknown }, status: number, code: string): void {
  expect({ status: res.status, code: (res.body as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
}

async function makeProduct(tracking: "NONE" | "LOT" | "SERIAL" = "NONE"): Promise<string> {
  const res = await inventory.post<{ id: string }>("/api/products", { sku: `LOC-${Date.now().toString(36)}-${n++}`, name: "Location test part", isFinished: false, tracking });
  if (res.status !== 201) {
    // products:write is not an inventory permission: make it as an admin
    const admin = await app.as("ADMIN");
    const r = await admin.post<{ id: string }>("/api/products", { sku: `LOC-${Date.now().toString(36)}-${n++}`, name: "Location test part", isFinished: false, tracking });
    expect(r.status).toBe(201);
    return r.body.id;
  }
  return res.body.id;
}

async function balance(productId: string, locationId: string, lotId: string | null = null): Promise<number> {
  const b = await prisma().stockBalance.findFirst({ where: { productId, locationId, lotId } });
  return b?.onHand.toNumber() ?? 0;
}

async function snapshot() {
  const p = prisma();
  return {
    entries: await p.stockEntry.count(),
    balances: (await p.stockBalance.findMany({ orderBy: { id: "asc" }, select: { id: true, onHand: true } })).map((b) => [b.id.toString(), b.onHand.toString()]),
    lots: await p.lot.count(),
    locations: await p.location.count(),
  };
}

describe("locations", () => {
  test("a fresh database has STOCK, WIP, FG and QC with their fixed ids and kinds", async () => {
    const res = await viewer.get<{ items: { id: string; code: string; kind: string; isDefault: boolean }[] }>("/api/locations");
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.items.map((l) => [l.code, l]));
    expect(byCode.STOCK).toMatchObject({ id: STOCK, kind: "STORAGE", isDefault: true });
    expect(byCode.WIP).toMatchObject({ id: WIP, kind: "WIP" });
    expect(byCode.FG).toMatchObject({ id: FG, kind: "FINISHED" });
    expect(byCode.QC).toMatchObject({ id: QC, kind: "QUARANTINE" });
  });

  test("create, read, change; a duplicate code is 409, a cycle 400, bad input 400, nothing written", async () => {
    const hall = await inventory.post<{ id: string; kind: string }>("/api/locations", { code: "HALL-A", name: "Hall A" });
    expect(hall.status).toBe(201);
    expect(hall.body.kind).toBe("STORAGE");
    const shelf = await inventory.post<{ id: string; parentId: string }>("/api/locations", { code: "HALL-A/01", name: "Shelf 1", parentId: hall.body.id });
    expect(shelf.status).toBe(201);
    expect(shelf.body.parentId).toBe(hall.body.id);

    const before = await snapshot();
    expectError(await inventory.post("/api/locations", { code: "hall-a", name: "Again" }), 409, "CONFLICT");
    expectError(await inventory.patch(`/api/locations/${hall.body.id}`, { parentId: shelf.body.id }), 400, "VALIDATION_FAILED");
    expectError(await inventory.patch(`/api/locations/${hall.body.id}`, { parentId: hall.body.id }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/locations", { code: "", name: "x" }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/locations", { code: "X1", name: "x", kind: "CELLAR" }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/locations", { code: "X1", name: "x", parentId: "00000000-0000-4000-8000-00000000ffff" }), 400, "VALIDATION_FAILED");
    expectError(await inventory.patch(`/api/locations/${STOCK}`, { active: false }), 409, "INVALID_STATE");
    expectError(await inventory.patch(`/api/locations/${QC}`, { kind: "STORAGE" }), 409, "INVALID_STATE");
    expectError(await inventory.get("/api/locations/not-a-uuid"), 400, "VALIDATION_FAILED");
    expectError(await inventory.get("/api/locations/00000000-0000-4000-8000-00000000ffff"), 404, "NOT_FOUND");
    expectError(await viewer.post("/api/locations", { code: "V1", name: "x" }), 403, "FORBIDDEN");
    expect(await snapshot()).toEqual(before);

    const renamed = await inventory.patch<{ name: string; kind: string }>(`/api/locations/${shelf.body.id}`, { name: "Shelf one", kind: "WIP" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Shelf one", kind: "WIP" });
    // A product with stock there already (its balance row exists when the location goes inactive).
    const stocked = await makeProduct();
    expect((await inventory.post("/api/stock/receipts", { productId: stocked, quantity: 3, locationId: shelf.body.id })).status).toBe(201);
    const off = await inventory.patch(`/api/locations/${shelf.body.id}`, { active: false });
    expect(off.status).toBe(200);
    const list = await viewer.get<{ items: { id: string }[] }>("/api/locations");
    expect(list.body.items.some((l) => l.id === shelf.body.id)).toBe(false);
    const all = await viewer.get<{ items: { id: string }[] }>("/api/locations?includeInactive=1");
    expect(all.body.items.some((l) => l.id === shelf.body.id)).toBe(true);
    // Nothing can be put in an inactive location.
    const part = await makeProduct();
    const before2 = await snapshot();
    expectError(await inventory.post("/api/stock/receipts", { productId: part, quantity: 1, locationId: shelf.body.id }), 409, "INVALID_STATE");
    expectError(await inventory.post("/api/stock/receipts", { productId: stocked, quantity: 1, locationId: shelf.body.id }), 409, "INVALID_STATE");
    expect(await snapshot()).toEqual(before2);
    // What is there can still be taken out.
    expect((await inventory.post("/api/stock/manual", { productId: stocked, change: -1, locationId: shelf.body.id, note: "emptying the shelf" })).status).toBe(201);
    expect(await balance(stocked, shelf.body.id)).toBe(2);
  });
});

describe("receipts, lots and serials", () => {
  test("an untracked receipt goes to STOCK unless told; a lot code is refused for it", async () => {
    const part = await makeProduct();
    const r = await inventory.post<{ entry: { locationId: string; lotId: string | null; location: { code: string } } }>("/api/stock/receipts", { productId: part, quantity: 5 });
    expect(r.status).toBe(201);
    expect(r.body.entry).toMatchObject({ locationId: STOCK, lotId: null, location: { code: "STOCK" } });
    expect((await inventory.post("/api/stock/receipts", { productId: part, quantity: 2, locationId: WIP })).status).toBe(201);
    expect(await balance(part, STOCK)).toBe(5);
    expect(await balance(part, WIP)).toBe(2);
    const before = await snapshot();
    expectError(await inventory.post("/api/stock/receipts", { productId: part, quantity: 1, lotCode: "L1" }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/stock/receipts", { productId: part, quantity: 1, locationId: "00000000-0000-4000-8000-00000000ffff" }), 404, "NOT_FOUND");
    expect(await snapshot()).toEqual(before);
    const loc = await viewer.get<{ stock: { onHand: number; product: { id: string } }[] }>(`/api/locations/${WIP}`);
    expect(loc.body.stock.find((s) => s.product.id === part)?.onHand).toBe(2);
  });

  test("a lot-tracked product needs a lot code; a second receipt of the same code adds to the same lot", async () => {
    const steel = await makeProduct("LOT");
    const before = await snapshot();
    expectError(await inventory.post("/api/stock/receipts", { productId: steel, quantity: 10 }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/stock/receipts", { productId: steel, quantity: 10, serials: ["a"] }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/stock/receipts", { productId: steel, quantity: 10, lotCode: "H1", expiresAt: "someday" }), 400, "VALIDATION_FAILED");
    expect(await snapshot()).toEqual(before);

    const a = await inventory.post<{ lots: { id: string; code: string }[] }>("/api/stock/receipts", { productId: steel, quantity: 10, lotCode: "H1", expiresAt: "2027-06-01" });
    expect(a.status).toBe(201);
    const b = await inventory.post<{ lots: { id: string }[] }>("/api/stock/receipts", { productId: steel, quantity: 4, lotCode: "H1" });
    expect(b.body.lots[0]!.id).toBe(a.body.lots[0]!.id);
    await inventory.post("/api/stock/receipts", { productId: steel, quantity: 7, lotCode: "H2" });
    const lots = await viewer.get<{ items: { code: string; onHand: number; expiresAt: string | null }[] }>(`/api/lots?productId=${steel}`);
    expect(lots.body.items.map((l) => [l.code, l.onHand])).toEqual([["H1", 14], ["H2", 7]]); // first expiry first
    expect(lots.body.items[0]!.expiresAt).toBe("2027-06-01T00:00:00.000Z");
    const lot = await viewer.get<{ code: string; balances: { onHand: number; location: { code: string } }[] }>(`/api/lots/${a.body.lots[0]!.id}`);
    expect(lot.body.balances).toEqual([{ onHand: 14, location: expect.objectContaining({ code: "STOCK" }) }]);
    expectError(await viewer.get("/api/lots?productId=nope"), 400, "VALIDATION_FAILED");
    expectError(await viewer.get("/api/lots/00000000-0000-4000-8000-00000000ffff"), 404, "NOT_FOUND");

    // Adjustments and scrap of a tracked product name the lot.
    const before2 = await snapshot();
    expectError(await inventory.post("/api/stock/manual", { productId: steel, change: -1, note: "no lot" }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/stock/scrap", { productId: steel, quantity: 1, reason: "DAMAGED" }), 400, "VALIDATION_FAILED");
    expect(await snapshot()).toEqual(before2);
    const scrap = await inventory.post("/api/stock/scrap", { productId: steel, quantity: 1, reason: "DAMAGED", lotId: a.body.lots[0]!.id, locationId: STOCK });
    expect(scrap.status).toBe(201);
    expect(await balance(steel, STOCK, a.body.lots[0]!.id)).toBe(13);
    // Tracking cannot change while stock is on hand.
    const admin = await app.as("ADMIN");
    expectError(await admin.patch(`/api/products/${steel}`, { tracking: "NONE" }), 409, "CONFLICT");
  });

  test("serials: one lot per serial; quantity must match; a serial in stock is not received twice", async () => {
    const motor = await makeProduct("SERIAL");
    const before = await snapshot();
    expectError(await inventory.post("/api/stock/receipts", { productId: motor, quantity: 2, serials: ["S1"] }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/stock/receipts", { productId: motor, quantity: 2, lotCode: "S1" }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/stock/receipts", { productId: motor, quantity: 2, serials: ["S1", "S1"] }), 400, "VALIDATION_FAILED");
    expect(await snapshot()).toEqual(before);
    const r = await inventory.post<{ entries: unknown[]; lots: { code: string }[] }>("/api/stock/receipts", { productId: motor, quantity: 3, serials: ["S1", "S2", "S3"] });
    expect(r.status).toBe(201);
    expect(r.body.entries).toHaveLength(3);
    expect(r.body.lots.map((l) => l.code)).toEqual(["S1", "S2", "S3"]);
    const before2 = await snapshot();
    expectError(await inventory.post("/api/stock/receipts", { productId: motor, quantity: 1, lotCode: "S2" }), 409, "CONFLICT");
    expect(await snapshot()).toEqual(before2);
    expect((await inventory.post("/api/stock/receipts", { productId: motor, quantity: 1, lotCode: "S4" })).status).toBe(201);
  });
});

describe("transfers", () => {
  test("two rows in one transaction, value unchanged; refused at a short source key listing it, nothing written", async () => {
    const steel = await makeProduct("LOT");
    const rec = await inventory.post<{ lots: { id: string }[] }>("/api/stock/receipts", { productId: steel, quantity: 10, lotCode: "T1", unitCost: 2.5 });
    const lotId = rec.body.lots[0]!.id;
    const valueBefore = (await prisma().stockLevel.findUniqueOrThrow({ where: { productId: steel } })).value.toNumber();
    const t = await inventory.post<{ transferId: string; out: { change: number; sourceType: string; sourceId: string }; in: { change: number; locationId: string } }>("/api/stock/transfers", {
      productId: steel,
      quantity: 4,
      fromLocationId: STOCK,
      toLocationId: QC,
      lotId,
    });
    expect(t.status).toBe(201);
    expect(t.body.out).toMatchObject({ change: -4, sourceType: "TRANSFER_OUT", sourceId: t.body.transferId });
    expect(t.body.in).toMatchObject({ change: 4, locationId: QC });
    expect(await balance(steel, STOCK, lotId)).toBe(6);
    expect(await balance(steel, QC, lotId)).toBe(4);
    const level = await prisma().stockLevel.findUniqueOrThrow({ where: { productId: steel } });
    expect(level.onHand.toNumber()).toBe(10);
    expect(level.value.toNumber()).toBe(valueBefore);

    const before = await snapshot();
    const short = await inventory.post<{ error: { details: { shortages: { locationCode: string; lotCode: string; shortBy: number }[] } } }>("/api/stock/transfers", {
      productId: steel,
      quantity: 5,
      fromLocationId: QC,
      toLocationId: STOCK,
      lotId,
    });
    expectError(short, 409, "INSUFFICIENT_STOCK");
    expect(short.body.error.details.shortages).toEqual([expect.objectContaining({ locationCode: "QC", lotCode: "T1", shortBy: 1 })]);
    expectError(await inventory.post("/api/stock/transfers", { productId: steel, quantity: 1, fromLocationId: QC, toLocationId: QC, lotId }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/stock/transfers", { productId: steel, quantity: 1, fromLocationId: QC, toLocationId: STOCK }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/stock/transfers", { productId: steel, quantity: 0, fromLocationId: QC, toLocationId: STOCK, lotId }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/stock/transfers", { productId: steel, quantity: 1, fromLocationId: QC, toLocationId: "00000000-0000-4000-8000-00000000ffff", lotId }), 404, "NOT_FOUND");
    expectError(await viewer.post("/api/stock/transfers", { productId: steel, quantity: 1, fromLocationId: QC, toLocationId: STOCK, lotId }), 403, "FORBIDDEN");
    expect(await snapshot()).toEqual(before);

    const ledger = await viewer.get<{ items: { sourceType: string; location: { code: string }; lot: { code: string } | null }[] }>(`/api/stock/ledger?productId=${steel}&locationId=${QC}`);
    expect(ledger.body.items).toEqual([expect.objectContaining({ sourceType: "TRANSFER_IN", location: expect.objectContaining({ code: "QC" }), lot: expect.objectContaining({ code: "T1" }) })]);
  });

  test("an untracked consumption without a location picks STOCK first, then other storage, never QC", async () => {
    const part = await makeProduct();
    await inventory.post("/api/stock/receipts", { productId: part, quantity: 3 });
    await inventory.post("/api/stock/receipts", { productId: part, quantity: 3, locationId: WIP });
    await inventory.post("/api/stock/receipts", { productId: part, quantity: 30, locationId: QC });
    const { withStockTx } = await import("@/lib/inventory/tx");
    const { postStock } = await import("@/lib/stock/post");
    await withStockTx((tx) => postStock(tx, { lines: [{ productId: part, change: -4 }], sourceType: "MO_CONSUMPTION" }));
    expect([await balance(part, STOCK), await balance(part, WIP), await balance(part, QC)]).toEqual([0, 2, 30]);
    await expect(withStockTx((tx) => postStock(tx, { lines: [{ productId: part, change: -3 }], sourceType: "MO_CONSUMPTION" }))).rejects.toThrow(/short by 1/);
    expect(await balance(part, WIP)).toBe(2);
  });
});

describe("held stock (QUARANTINE, SCRAP) is on hand but not available", () => {
  test("moving a component to QC makes its order wait; moving it back or releasing the location makes it ready again", async () => {
    const admin = await app.as("ADMIN");
    const manager = await app.as("MANAGER");
    const part = await makeProduct();
    const top = await makeProduct();
    const put = await admin.put(`/api/products/${top}/bom`, { components: [{ materialId: part, qtyPerUnit: 5 }], operations: [{ title: "Make", workCenterId: null, minutesPerUnit: 1 }] });
    expect(put.status).toBe(200);
    await inventory.post("/api/stock/receipts", { productId: part, quantity: 5 });
    const mo = await manager.post<{ id: string }>("/api/mos", { name: `Held ${n++}`, productId: top, quantity: 1, childOrders: "none" });
    expect(mo.status).toBe(201);
    type Detail = { materialStatus: string; materials: { onHand: number; available: number; shortBy: number }[] };
    const { materialRefreshSettled } = await import("@/lib/manufacturing/availability");
    const detail = async () => {
      await materialRefreshSettled();
      const d = await manager.get<Detail>(`/api/mos/${mo.body.id}`);
      return { status: d.body.materialStatus, ...d.body.materials[0]! };
    };
    const level = async () => {
      const r = await viewer.get<{ items: { productId: string; onHand: number; held: number; available: number }[] }>(`/api/stock?pageSize=200&q=LOC-`);
      const row = r.body.items.find((i) => i.productId === part)!;
      return { onHand: row.onHand, held: row.held, available: row.available };
    };
    expect(await detail()).toMatchObject({ status: "READY", onHand: 5, available: 5, shortBy: 0 });
    expect(await level()).toEqual({ onHand: 5, held: 0, available: 0 });

    expect((await inventory.post("/api/stock/transfers", { productId: part, quantity: 2, fromLocationId: STOCK, toLocationId: QC })).status).toBe(201);
    expect(await detail()).toMatchObject({ status: "PARTIAL", onHand: 3, available: 3, shortBy: 2 });
    expect(await level()).toEqual({ onHand: 5, held: 2, available: -2 });
    // Completing now would not find the units in QC either: the order is refused, nothing written.
    const before = await snapshot();
    const done = await manager.post(`/api/mos/${mo.body.id}/complete`, {});
    expect(done.status).toBe(409);
    expect(await snapshot()).toEqual(before);

    // A storage location switched to QUARANTINE holds its stock from that moment.
    const shelf = await inventory.post<{ id: string }>("/api/locations", { code: `SHELF-${n++}`, name: "Shelf", kind: "STORAGE" });
    expect(shelf.status).toBe(201);
    expect((await inventory.post("/api/stock/transfers", { productId: part, quantity: 3, fromLocationId: STOCK, toLocationId: shelf.body.id })).status).toBe(201);
    expect(await detail()).toMatchObject({ status: "PARTIAL", onHand: 3, available: 3 });
    expect((await inventory.patch(`/api/locations/${shelf.body.id}`, { kind: "QUARANTINE" })).status).toBe(200);
    expect(await detail()).toMatchObject({ status: "WAITING", onHand: 0, available: 0, shortBy: 5 });
    expect((await inventory.patch(`/api/locations/${shelf.body.id}`, { kind: "STORAGE" })).status).toBe(200);
    expect((await inventory.post("/api/stock/transfers", { productId: part, quantity: 2, fromLocationId: QC, toLocationId: STOCK })).status).toBe(201);
    expect(await detail()).toMatchObject({ status: "READY", onHand: 5, available: 5, shortBy: 0 });
    expect(await level()).toEqual({ onHand: 5, held: 0, available: 0 });
  });
});

describe("counts", () => {
  test("differences post COUNT rows; a line whose stock moved refuses the whole count, nothing written", async () => {
    const a = await makeProduct();
    const steel = await makeProduct("LOT");
    await inventory.post("/api/stock/receipts", { productId: a, quantity: 10 });
    const rec = await inventory.post<{ lots: { id: string }[] }>("/api/stock/receipts", { productId: steel, quantity: 8, lotCode: "C1" });
    const lotId = rec.body.lots[0]!.id;

    // The sheet was read; then someone takes 1 of `a`.
    await inventory.post("/api/stock/manual", { productId: a, change: -1, note: "taken" });
    const before = await snapshot();
    const refused = await inventory.post<{ error: { details: { moved: unknown[] } } }>("/api/stock/counts", {
      locationId: STOCK,
      lines: [
        { productId: a, counted: 9, expectedOnHand: 10 },
        { productId: steel, lotId, counted: 7, expectedOnHand: 8 },
      ],
    });
    expectError(refused, 409, "CONFLICT");
    expect(refused.body.error.details.moved).toEqual([{ productId: a, lotId: null, expectedOnHand: 10, onHand: 9 }]);
    expectError(await inventory.post("/api/stock/counts", { locationId: STOCK, lines: [] }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/stock/counts", { locationId: STOCK, lines: [{ productId: a, counted: -1, expectedOnHand: 9 }] }), 400, "VALIDATION_FAILED");
    expectError(await inventory.post("/api/stock/counts", { locationId: STOCK, lines: [{ productId: steel, counted: 1, expectedOnHand: 0 }] }), 400, "VALIDATION_FAILED");
    expectError(
      await inventory.post("/api/stock/counts", { locationId: STOCK, lines: [{ productId: a, counted: 1, expectedOnHand: 9 }, { productId: a, counted: 2, expectedOnHand: 9 }] }),
      400,
      "VALIDATION_FAILED",
    );
    expect(await snapshot()).toEqual(before);

    const ok = await inventory.post<{ lines: { difference: number }[]; entries: { sourceType: string; change: number }[] }>("/api/stock/counts", {
      locationId: STOCK,
      lines: [
        { productId: a, counted: 9, expectedOnHand: 9 },
        { productId: steel, lotId, counted: 6, expectedOnHand: 8 },
      ],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.lines.map((l) => l.difference)).toEqual([0, -2]);
    expect(ok.body.entries).toEqual([expect.objectContaining({ sourceType: "COUNT", change: -2 })]);
    expect(await balance(steel, STOCK, lotId)).toBe(6);
  });
});

describe("a manual correction's and a scrap's answer and audit row", () => {
  // The posting's own statement writes the audit row and returns the ledger line (no read-back after the
  // commit): both must be what the ledger and the audit trail read back, for every kind of key.
  test("equal the ledger's line and the audit row's usual payload: default location, a named one (existing and new balance), a lot; scrap too", async () => {
    const admin = await app.as("ADMIN");
    const made = await admin.post<{ id: string }>("/api/products", { sku: `LOC-KG-${n++}`, name: "Location test sheet", isFinished: false, uom: "kg" });
    expect(made.status).toBe(201);
    const plain = made.body.id; // kg: decimals allowed
    const lotted = await makeProduct("LOT");
    const lot = (await inventory.post<{ lots: { id: string }[] }>("/api/stock/receipts", { productId: lotted, quantity: 5, lotCode: `L-${n++}`, locationId: WIP })).body.lots[0]!.id;
    await inventory.post("/api/stock/receipts", { productId: plain, quantity: 9 });
    const cases = [
      { productId: plain, change: -2.5, note: "default location, existing balance" },
      { productId: plain, change: 1.25, locationId: QC, note: "named location, new balance" },
      { productId: plain, change: -0.25, locationId: QC, note: "named location, existing balance" },
      { productId: lotted, change: -1, locationId: WIP, lotId: lot, note: "a lot" },
    ];
    const inventoryUser = await prisma().user.findUniqueOrThrow({ where: { email: "inventory@demo.com" } });
    for (const body of cases) {
      const res = await inventory.post<{ entry: { id: number; balanceAfter: number }; onHand: number }>("/api/stock/manual", body);
      expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
      const ledger = await viewer.get<{ items: { id: number }[] }>(`/api/stock/ledger?productId=${body.productId}`);
      expect(res.body.entry).toEqual(ledger.body.items.find((e) => e.id === res.body.entry.id));
      expect(res.body.onHand).toBe(res.body.entry.balanceAfter);
      const audit = await prisma().auditLog.findMany({ where: { entityType: "StockEntry", entityId: String(res.body.entry.id) } });
      const sku = (await prisma().product.findUniqueOrThrow({ where: { id: body.productId } })).sku;
      expect(audit.map(({ actorId, action, payload }) => ({ actorId, action, payload }))).toEqual([
        {
          actorId: inventoryUser.id,
          action: "stock.manual",
          payload: { productId: body.productId, sku, change: body.change, balanceAfter: res.body.entry.balanceAfter, locationId: body.locationId ?? STOCK, lotId: body.lotId ?? null, note: body.note },
        },
      ]);
      expect(audit[0]!.createdAt.toISOString()).toBe((res.body.entry as unknown as { createdAt: string }).createdAt);
    }
    // Scrap answers and audits the same way, with its reason (and order) on top.
    const mo = await prisma().manufacturingOrder.findFirstOrThrow({ select: { id: true, orderNo: true } });
    const scraps = [
      { productId: plain, quantity: 0.5, reason: "DAMAGED", note: "dropped" },
      { productId: lotted, quantity: 1, reason: "EXPIRED", locationId: WIP, lotId: lot, moId: mo.id },
    ];
    for (const body of scraps) {
      const res = await inventory.post<{ entry: { id: number; balanceAfter: number; scrapReason: string }; onHand: number }>("/api/stock/scrap", body);
      expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
      const ledger = await viewer.get<{ items: { id: number }[] }>(`/api/stock/ledger?productId=${body.productId}`);
      expect(res.body.entry).toEqual(ledger.body.items.find((e) => e.id === res.body.entry.id));
      expect(res.body.entry.scrapReason).toBe(body.reason);
      const audit = await prisma().auditLog.findMany({ where: { entityType: "StockEntry", entityId: String(res.body.entry.id) } });
      const sku = (await prisma().product.findUniqueOrThrow({ where: { id: body.productId } })).sku;
      expect(audit.map(({ actorId, action, payload }) => ({ actorId, action, payload }))).toEqual([
        {
          actorId: inventoryUser.id,
          action: "stock.scrap",
          payload: {
            productId: body.productId,
            sku,
            change: -body.quantity,
            balanceAfter: res.body.entry.balanceAfter,
            reason: body.reason,
            locationId: body.locationId ?? STOCK,
            lotId: body.lotId ?? null,
            moId: body.moId ?? null,
            orderNo: body.moId ? mo.orderNo : null,
            note: body.note ?? null,
          },
        },
      ]);
    }
  });
});
