// Lots through production (docs/locations.md "Manufacturing orders" and "Traceability") over real HTTP:
// a two-level product (TOP ← 1 SUB, SUB ← 2 RAW) with every level lot-tracked; raw material received as
// two lots with different expiries. Completion consumes first-expiry-first-out and books the output in
// a lot named after the MO at FG; named consumedLots and outputLotCode override; an MO's source location
// is honoured and a shortage there refused with nothing written; the trace follows lots down to the
// top level's output and back up to the raw lots, naming the MOs on the way and the customer orders
// they were made for; bad input is 400/404. The ledger invariant holds at the end.
import { DEFAULT_LOCATIONS } from "@/lib/locations/defaults";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client, ErrorBody } from "../helpers/client";
import { assertLedgerInvariant, negativeBalances } from "../helpers/ledger";

const { STOCK, FG, QC } = DEFAULT_LOCATIONS;

let app: TestApp;
let manager: Client;
let inventory: Client;
let viewer: Client;
let n = 0;
const uniq = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;
const db = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
  inventory = await app.as("INVENTORY");
  viewer = await app.as("VIEWER");
});
afterAll(async () => {
  await assertLedgerInvariant(db());
  expect(await negativeBalances(db())).toEqual([]);
  await app.close();
});

interface Mo {
  id: string;
  orderNo: string;
  state: string;
  sourceLocationId: string | null;
  destLocationId: string | null;
  children: { id: string; orderNo: string }[];
  workOrders: { id: string; code: string; status: string }[];
}

function expectError(res: ApiResponse, status: number, code: string, field?: string): void {
  expect({ status: res.status, code: (res.body as ErrorBody).error?.code }).toEqual({ status, code });
  if (field) expect(JSON.stringify(res.body)).toContain(field);
}

async function product(prefix: string, tracking: "NONE" | "LOT" | "SERIAL" = "LOT"): Promise<string> {
  const sku = uniq(prefix);
  const res = await manager.post<{ id: string }>("/api/products", { sku, name: `Product ${sku}`, isFinished: false, uom: "pcs", tracking });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function bom(productId: string, components: [string, number][]): Promise<void> {
  const res = await manager.put(`/api/products/${productId}/bom`, {
    components: components.map(([materialId, qtyPerUnit]) => ({ materialId, qtyPerUnit })),
    operations: [{ title: "Make", workCenterId: null, minutesPerUnit: 1 }],
  });
  expect(res.status).toBe(200);
}

/** TOP ← 1 SUB; SUB ← 2 RAW; RAW received as lot L-LATE (10, expires June) then L-EARLY (10, expires March). */
async function twoLevels() {
  const raw = await product("RAW");
  const sub = await product("SUB");
  const top = await product("TOP");
  await bom(sub, [[raw, 2]]);
  await bom(top, [[sub, 1]]);
  const late = await receive(raw, 10, "L-LATE", "2027-06-01");
  const early = await receive(raw, 10, "L-EARLY", "2027-03-01");
  return { raw, sub, top, late, early };
}

async function receive(productId: string, quantity: number, lotCode: string, expiresAt?: string, locationId?: string): Promise<string> {
  const res = await inventory.post("/api/stock/receipts", { productId, quantity, lotCode, ...(expiresAt ? { expiresAt } : {}), ...(locationId ? { locationId } : {}) });
  expect(res.status).toBe(201);
  return (await db().lot.findUniqueOrThrow({ where: { productId_code: { productId, code: lotCode } } })).id;
}

async function createMo(body: Record<string, unknown>): Promise<ApiResponse<Mo>> {
  return manager.post<Mo>("/api/mos", { name: uniq("Order"), childOrders: "none", ...body });
}
async function created(body: Record<string, unknown>): Promise<Mo> {
  const res = await createMo(body);
  expect(res.status).toBe(201);
  return res.body;
}

async function balance(productId: string, locationId: string, lotId: string | null): Promise<number> {
  const b = await db().stockBalance.findFirst({ where: { productId, locationId, lotId } });
  return b?.onHand.toNumber() ?? 0;
}
async function lotOf(productId: string, code: string): Promise<string> {
  return (await db().lot.findUniqueOrThrow({ where: { productId_code: { productId, code } } })).id;
}

async function snapshot() {
  const p = db();
  return {
    entries: await p.stockEntry.count(),
    balances: (await p.stockBalance.findMany({ orderBy: { id: "asc" }, select: { id: true, onHand: true } })).map((b) => [b.id.toString(), b.onHand.toString()]),
    lots: await p.lot.count(),
    done: await p.manufacturingOrder.count({ where: { state: "DONE" } }),
  };
}

describe("MO completion with lots", () => {
  test("consumption picks first-expiry-first-out; the output lot is the MO number at FG", async () => {
    const { raw, sub, late, early } = await twoLevels();
    const first = await created({ productId: sub, quantity: 3 });
    expect(first).toMatchObject({ sourceLocationId: null, destLocationId: null });
    expect((await manager.post(`/api/mos/${first.id}/complete`, {})).status).toBe(200);
    // 6 RAW, all from the lot that expires first (received last).
    expect(await balance(raw, STOCK, early)).toBe(4);
    expect(await balance(raw, STOCK, late)).toBe(10);
    const firstLot = await lotOf(sub, first.orderNo);
    expect(await balance(sub, FG, firstLot)).toBe(3);

    // The next order empties the early lot, then takes from the late one.
    const second = await created({ productId: sub, quantity: 3 });
    expect((await manager.post(`/api/mos/${second.id}/complete`, {})).status).toBe(200);
    expect(await balance(raw, STOCK, early)).toBe(0);
    expect(await balance(raw, STOCK, late)).toBe(8);
    expect(await balance(sub, FG, await lotOf(sub, second.orderNo))).toBe(3);
    const rows = await db().stockEntry.findMany({ where: { sourceId: second.id, sourceType: "MO_CONSUMPTION" }, orderBy: { id: "asc" } });
    // (rows are written in key order, not picking order)
    expect(rows.map((r) => [r.lotId, r.change.toNumber()])).toHaveLength(2);
    expect(rows.map((r) => [r.lotId, r.change.toNumber()])).toEqual(
      expect.arrayContaining([
        [early, -4],
        [late, -2],
      ]),
    );
  });

  test("named consumedLots are taken first, the rest picked; outputLotCode names the output lot (reused when it exists)", async () => {
    const { raw, sub, late, early } = await twoLevels();
    const mo = await created({ productId: sub, quantity: 2 });
    const res = await manager.post<Mo>(`/api/mos/${mo.id}/complete`, { consumedLots: [{ productId: raw, lotId: late, quantity: 1 }], outputLotCode: "SUB-BATCH-7" });
    expect(res.status).toBe(200);
    expect(await balance(raw, STOCK, late)).toBe(9);
    expect(await balance(raw, STOCK, early)).toBe(7);
    const batch = await lotOf(sub, "SUB-BATCH-7");
    expect(await balance(sub, FG, batch)).toBe(2);

    // Naming all of it: nothing picked. The same output code adds to the same lot.
    const again = await created({ productId: sub, quantity: 1 });
    expect((await manager.post(`/api/mos/${again.id}/complete`, { consumedLots: [{ productId: raw, lotId: late, quantity: 2 }], outputLotCode: "SUB-BATCH-7" })).status).toBe(200);
    expect(await balance(raw, STOCK, late)).toBe(7);
    expect(await balance(raw, STOCK, early)).toBe(7);
    expect(await balance(sub, FG, batch)).toBe(3);
    expect(await db().lot.count({ where: { productId: sub, code: "SUB-BATCH-7" } })).toBe(1);
  });

  test("the last work order's completion takes the same lot fields; an earlier one refuses them", async () => {
    const { raw, sub, late } = await twoLevels();
    const res = await manager.put(`/api/products/${sub}/bom`, {
      components: [{ materialId: raw, qtyPerUnit: 2 }],
      operations: [
        { title: "Cut", workCenterId: null, minutesPerUnit: 1 },
        { title: "Pack", workCenterId: null, minutesPerUnit: 1 },
      ],
    });
    expect(res.status).toBe(200);
    const mo = await created({ productId: sub, quantity: 1 });
    const [cut, pack] = mo.workOrders as [Mo["workOrders"][number], Mo["workOrders"][number]];
    expect((await manager.post(`/api/workorders/${cut.id}/start`, {})).status).toBe(200);
    const before = await snapshot();
    expectError(await manager.post(`/api/workorders/${cut.id}/complete`, { outputLotCode: "X" }), 400, "VALIDATION_FAILED", "outputLotCode");
    expect(await snapshot()).toEqual(before);
    expect((await manager.post(`/api/workorders/${cut.id}/complete`, {})).status).toBe(200);
    expect((await manager.post(`/api/workorders/${pack.id}/start`, {})).status).toBe(200);
    const done = await manager.post(`/api/workorders/${pack.id}/complete`, { outputLotCode: "WO-LOT", consumedLots: [{ productId: raw, lotId: late, quantity: 2 }] });
    expect(done.status).toBe(200);
    expect(await balance(raw, STOCK, late)).toBe(8);
    expect(await balance(sub, FG, await lotOf(sub, "WO-LOT"))).toBe(1);
  });

  test("bad consumedLots and outputLotCode are 400 and write nothing", async () => {
    const { raw, sub, late } = await twoLevels();
    const other = await product("OTHER");
    const otherLot = await receive(other, 5, "O-1");
    const plain = await product("PLAIN", "NONE");
    await bom(plain, [[raw, 1]]);
    const mo = await created({ productId: sub, quantity: 1 });
    const plainMo = await created({ productId: plain, quantity: 1 });
    const before = await snapshot();
    const complete = (body: unknown, id = mo.id) => manager.post(`/api/mos/${id}/complete`, body);
    expectError(await complete({ consumedLots: [{ productId: raw, lotId: otherLot, quantity: 1 }] }), 400, "VALIDATION_FAILED", "consumedLots.0.lotId");
    expectError(await complete({ consumedLots: [{ productId: raw, lotId: "00000000-0000-4000-8000-00000000ffff", quantity: 1 }] }), 400, "VALIDATION_FAILED", "consumedLots.0.lotId");
    expectError(await complete({ consumedLots: [{ productId: other, lotId: otherLot, quantity: 1 }] }), 400, "VALIDATION_FAILED", "consumedLots.0.productId");
    expectError(await complete({ consumedLots: [{ productId: raw, lotId: late, quantity: 3 }] }), 400, "VALIDATION_FAILED", "consumedLots.0.quantity");
    expectError(await complete({ consumedLots: [{ productId: raw, lotId: late, quantity: -1 }] }), 400, "VALIDATION_FAILED", "quantity");
    expectError(await complete({ consumedLots: [{ productId: raw, lotId: "nope", quantity: 1 }] }), 400, "VALIDATION_FAILED", "lotId");
    expectError(await complete({ outputLotCode: "" }), 400, "VALIDATION_FAILED", "outputLotCode");
    expectError(await complete({ outputLotCode: "P-1" }, plainMo.id), 400, "VALIDATION_FAILED", "outputLotCode");
    expect(await snapshot()).toEqual(before);
    expect((await db().manufacturingOrder.findUniqueOrThrow({ where: { id: mo.id } })).state).toBe("PLANNED");
  });

  test("serial-tracked output: one serial per unit, numbered after the MO", async () => {
    const raw = await product("SRAW", "NONE");
    const gadget = await product("GADGET", "SERIAL");
    await bom(gadget, [[raw, 1]]);
    expect((await inventory.post("/api/stock/receipts", { productId: raw, quantity: 5 })).status).toBe(201);
    const mo = await created({ productId: gadget, quantity: 2 });
    expect((await manager.post(`/api/mos/${mo.id}/complete`, {})).status).toBe(200);
    expect(await balance(gadget, FG, await lotOf(gadget, `${mo.orderNo}-001`))).toBe(1);
    expect(await balance(gadget, FG, await lotOf(gadget, `${mo.orderNo}-002`))).toBe(1);
  });
});

describe("MO locations", () => {
  test("a source location is honoured; a shortage there is refused with nothing written; output goes to the destination", async () => {
    const { raw, sub, late, early } = await twoLevels();
    const line = await inventory.post<{ id: string }>("/api/locations", { code: uniq("LINE"), name: "Line 1" });
    expect(line.status).toBe(201);
    const shelf = await inventory.post<{ id: string }>("/api/locations", { code: uniq("SHELF"), name: "Shelf", kind: "STORAGE" });
    // Only the late lot at the line: it is consumed there although STOCK holds an earlier one.
    expect((await inventory.post("/api/stock/transfers", { productId: raw, quantity: 4, fromLocationId: STOCK, toLocationId: line.body.id, lotId: late })).status).toBe(201);
    const mo = await created({ productId: sub, quantity: 2, sourceLocationId: line.body.id, destLocationId: shelf.body.id });
    expect(mo).toMatchObject({ sourceLocationId: line.body.id, destLocationId: shelf.body.id });
    const detail = await manager.get<Mo>(`/api/mos/${mo.id}`);
    expect(detail.body).toMatchObject({ sourceLocationId: line.body.id, destLocationId: shelf.body.id });
    expect((await manager.post(`/api/mos/${mo.id}/complete`, {})).status).toBe(200);
    expect(await balance(raw, line.body.id, late)).toBe(0);
    expect(await balance(raw, STOCK, early)).toBe(10);
    expect(await balance(sub, shelf.body.id, await lotOf(sub, mo.orderNo))).toBe(1 * 2);

    // Nothing left at the line: refused (409 naming the location), nothing written, the MO still PLANNED.
    const short = await created({ productId: sub, quantity: 1, sourceLocationId: line.body.id });
    const before = await snapshot();
    const res = await manager.post(`/api/mos/${short.id}/complete`, {});
    expectError(res, 409, "INSUFFICIENT_STOCK");
    expect((res.body as ErrorBody & { error: { details: { shortages: { productId: string; locationId: string }[] } } }).error.details.shortages).toEqual([
      expect.objectContaining({ productId: raw, locationId: line.body.id, shortBy: 2 }),
    ]);
    expect(await snapshot()).toEqual(before);
    expect((await db().manufacturingOrder.findUniqueOrThrow({ where: { id: short.id } })).state).toBe("PLANNED");
    // A named lot that is not at the source is short there too.
    expectError(await manager.post(`/api/mos/${short.id}/complete`, { consumedLots: [{ productId: raw, lotId: early, quantity: 2 }] }), 409, "INSUFFICIENT_STOCK");
    expect(await snapshot()).toEqual(before);
  });

  test("locations are checked on create and on change (while PLANNED); a child order delivers to its parent's source", async () => {
    const { sub, top } = await twoLevels();
    const line = await inventory.post<{ id: string }>("/api/locations", { code: uniq("LINE"), name: "Line 2" });
    const off = await inventory.post<{ id: string }>("/api/locations", { code: uniq("OFF"), name: "Closed", active: false });
    const scrap = await inventory.post<{ id: string }>("/api/locations", { code: uniq("BIN"), name: "Scrap bin", kind: "SCRAP" });
    expect([line.status, off.status, scrap.status]).toEqual([201, 201, 201]);
    const before = await db().manufacturingOrder.count();
    expectError(await createMo({ productId: sub, quantity: 1, sourceLocationId: QC }), 400, "VALIDATION_FAILED", "sourceLocationId");
    expectError(await createMo({ productId: sub, quantity: 1, sourceLocationId: scrap.body.id }), 400, "VALIDATION_FAILED", "sourceLocationId");
    expectError(await createMo({ productId: sub, quantity: 1, sourceLocationId: off.body.id }), 400, "VALIDATION_FAILED", "sourceLocationId");
    expectError(await createMo({ productId: sub, quantity: 1, destLocationId: "00000000-0000-4000-8000-00000000ffff" }), 400, "VALIDATION_FAILED", "destLocationId");
    expectError(await createMo({ productId: sub, quantity: 1, destLocationId: "not-an-id" }), 400, "VALIDATION_FAILED", "destLocationId");
    expect(await db().manufacturingOrder.count()).toBe(before);

    const parent = await created({ productId: top, quantity: 1, sourceLocationId: line.body.id, childOrders: "all" });
    expect(parent.children).toHaveLength(1);
    const child = await manager.get<Mo>(`/api/mos/${parent.children[0]!.id}`);
    expect(child.body).toMatchObject({ sourceLocationId: null, destLocationId: line.body.id });

    const changed = await manager.patch<Mo>(`/api/mos/${parent.id}`, { destLocationId: line.body.id, sourceLocationId: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ sourceLocationId: null, destLocationId: line.body.id });
    expectError(await manager.patch(`/api/mos/${parent.id}`, { sourceLocationId: QC }), 400, "VALIDATION_FAILED", "sourceLocationId");
    // The child made its SUB into the line; the parent (no source now) picks it from there.
    expect((await manager.post(`/api/mos/${child.body.id}/complete`, {})).status).toBe(200);
    expect(await balance(sub, line.body.id, await lotOf(sub, child.body.orderNo))).toBe(1);
    expect((await manager.post(`/api/mos/${parent.id}/complete`, {})).status).toBe(200);
    expect(await balance(top, line.body.id, await lotOf(top, parent.orderNo))).toBe(1);
    expectError(await manager.patch(`/api/mos/${parent.id}`, { destLocationId: FG }), 409, "INVALID_STATE");
  });
});

interface Trace {
  lot: { id: string; code: string };
  producedBy?: { moId: string; orderNo: string; customerName: string | null; customerRef: string | null; promisedDate: string | null };
  consumedIn: { moId: string; orderNo: string; quantity: number; customerName: string | null; outputLots: { lotId: string; code: string; quantity: number; consumedIn?: Trace["consumedIn"] }[] }[];
  madeFrom: { lotId: string; code: string; quantity: number; consumedBy: { moId: string; orderNo: string }[]; madeFrom?: Trace["madeFrom"] }[];
}

describe("lot trace", () => {
  test("from a raw lot down to the top level's output lot, and from that lot back up to the raw lots", async () => {
    const { raw, sub, top, late, early } = await twoLevels();
    // SUB ×6 takes 10 of the early lot and 2 of the late one; TOP ×4 takes 4 of that SUB lot.
    const subMo = await created({ productId: sub, quantity: 6 });
    expect((await manager.post(`/api/mos/${subMo.id}/complete`, {})).status).toBe(200);
    const subLot = await lotOf(sub, subMo.orderNo);
    const topMo = await created({ productId: top, quantity: 4, customerName: "Acme", customerRef: "PO-77", promisedDate: "2027-01-15T00:00:00.000Z" });
    expect((await manager.post(`/api/mos/${topMo.id}/complete`, { outputLotCode: "TOP-A" })).status).toBe(200);
    const topLot = await lotOf(top, "TOP-A");

    const down = await viewer.get<Trace>(`/api/lots/${late}/trace`);
    expect(down.status).toBe(200);
    expect(down.body.lot.id).toBe(late);
    expect(down.body.producedBy).toBeUndefined();
    expect(down.body.madeFrom).toEqual([]);
    expect(down.body.consumedIn).toEqual([
      expect.objectContaining({
        moId: subMo.id,
        orderNo: subMo.orderNo,
        quantity: 2,
        outputLots: [
          expect.objectContaining({
            lotId: subLot,
            quantity: 6,
            consumedIn: [expect.objectContaining({ moId: topMo.id, quantity: 4, customerName: "Acme", customerRef: "PO-77", promisedDate: "2027-01-15T00:00:00.000Z", outputLots: [expect.objectContaining({ lotId: topLot, code: "TOP-A", quantity: 4, consumedIn: [] })] })],
          }),
        ],
      }),
    ]);

    const up = await viewer.get<Trace>(`/api/lots/${topLot}/trace`);
    expect(up.status).toBe(200);
    expect(up.body.producedBy).toEqual({ moId: topMo.id, orderNo: topMo.orderNo, customerName: "Acme", customerRef: "PO-77", promisedDate: "2027-01-15T00:00:00.000Z" });
    expect(up.body.consumedIn).toEqual([]);
    // Each upstream lot names the MOs it went into (those that made the lot above it).
    expect(up.body.madeFrom).toEqual([expect.objectContaining({ lotId: subLot, quantity: 4, consumedBy: [{ moId: topMo.id, orderNo: topMo.orderNo }] })]);
    const rawLots = up.body.madeFrom[0]!.madeFrom ?? [];
    expect(rawLots.map((l) => [l.lotId, l.quantity]).sort()).toEqual(
      [
        [early, 10],
        [late, 2],
      ].sort(),
    );
    expect(rawLots.every((l) => l.madeFrom && l.madeFrom.length === 0)).toBe(true);
    expect(rawLots.map((l) => l.consumedBy)).toEqual([
      [{ moId: subMo.id, orderNo: subMo.orderNo }],
      [{ moId: subMo.id, orderNo: subMo.orderNo }],
    ]);

    // depth=1: one level each way, nothing beyond.
    const shallow = await viewer.get<Trace>(`/api/lots/${topLot}/trace?depth=1`);
    expect(shallow.body.madeFrom).toEqual([expect.objectContaining({ lotId: subLot })]);
    expect(shallow.body.madeFrom[0]!.madeFrom).toBeUndefined();
    void raw;
  });

  test("an unknown lot is 404, a bad id or depth 400", async () => {
    expectError(await viewer.get("/api/lots/00000000-0000-4000-8000-00000000ffff/trace"), 404, "NOT_FOUND");
    expectError(await viewer.get("/api/lots/nope/trace"), 400, "VALIDATION_FAILED", "id");
    const lot = await db().lot.findFirstOrThrow();
    for (const depth of ["0", "51", "abc", "1.5"]) expectError(await viewer.get(`/api/lots/${lot.id}/trace?depth=${depth}`), 400, "VALIDATION_FAILED", "depth");
    expectError(await viewer.get(`/api/lots/${lot.id}/trace?deep=1`), 400, "VALIDATION_FAILED");
  });
});

describe("the issue's story over the API", () => {
  test("steel in two lots into STOCK, one moved to QC, an order from STOCK consumes first expiry first from STOCK only, its output lot traced both ways to the customer", async () => {
    const steel = await product("STEEL");
    const bracket = await product("BRACKET");
    await bom(bracket, [[steel, 2]]);
    const early = await receive(steel, 10, "S-EARLY", "2027-03-31", STOCK);
    const late = await receive(steel, 10, "S-LATE", "2027-09-30", STOCK);
    expect((await inventory.post("/api/stock/transfers", { productId: steel, quantity: 10, fromLocationId: STOCK, toLocationId: QC, lotId: early })).status).toBe(201);
    // The lot in QC is held: the order needs 6 of the 10 usable units.
    const mo = await created({ productId: bracket, quantity: 3, sourceLocationId: STOCK, customerName: "Brackets & Co", customerRef: "PO-STORY" });
    expect((await manager.get<{ materialStatus: string }>(`/api/mos/${mo.id}`)).body.materialStatus).toBe("READY");
    expect((await manager.post(`/api/mos/${mo.id}/complete`, {})).status).toBe(200);
    expect([await balance(steel, QC, early), await balance(steel, STOCK, late)]).toEqual([10, 4]);

    const output = await lotOf(bracket, mo.orderNo);
    expect(await balance(bracket, FG, output)).toBe(3);
    const back = await viewer.get<Trace>(`/api/lots/${output}/trace`);
    expect(back.body.producedBy).toEqual(expect.objectContaining({ moId: mo.id, customerName: "Brackets & Co", customerRef: "PO-STORY" }));
    expect(back.body.madeFrom.map((l) => [l.lotId, l.quantity])).toEqual([[late, 6]]);
    const forward = await viewer.get<Trace>(`/api/lots/${late}/trace`);
    expect(forward.body.consumedIn).toEqual([
      expect.objectContaining({ moId: mo.id, quantity: 6, customerName: "Brackets & Co", customerRef: "PO-STORY", outputLots: [expect.objectContaining({ lotId: output, quantity: 3 })] }),
    ]);
    expect((await viewer.get<Trace>(`/api/lots/${early}/trace`)).body.consumedIn).toEqual([]);
    const certificate = await viewer.raw("GET", `/api/lots/${output}/certificate?format=pdf`);
    expect(certificate.status).toBe(200);
    expect(certificate.headers.get("content-type")).toContain("application/pdf");
  });
});
