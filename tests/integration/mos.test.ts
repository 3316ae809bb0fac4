// Manufacturing orders over HTTP: create (snapshot + WOs from operations), list, detail with
// material availability, edit (SALES: customer fields only), cancel and complete by hand.
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client } from "../helpers/client";

let app: TestApp;
let manager: Client;
let ids: { steel: string; screws: string; table: string; welding: string; assembly: string; operator: string };

const db = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
  const bySku = Object.fromEntries((await db().product.findMany()).map((p) => [p.sku, p.id]));
  const centers = Object.fromEntries((await db().workCenter.findMany()).map((w) => [w.name, w.id]));
  const operator = await db().user.findUniqueOrThrow({ where: { email: "operator@demo.com" } });
  ids = { steel: bySku["STEEL-01"]!, screws: bySku["SCR-01"]!, table: bySku["TABLE-100"]!, welding: centers.Welding!, assembly: centers.Assembly!, operator: operator.id };
});
afterAll(async () => {
  await app.close();
});

interface Mo {
  id: string;
  orderNo: string;
  state: string;
  quantity: number;
  producedQty: number | null;
  name: string;
  priority: string;
  customerName: string | null;
  customerRef: string | null;
  promisedDate: string | null;
  notes: string | null;
  deadline: string | null;
  updatedAt: string;
  product: { id: string; sku: string; name: string };
  progress: { completed: number; total: number };
  late: boolean;
  workOrders: { id: string; code: string; title: string; sequence: number; status: string; plannedMin: number | null; workCenter: { id: string; name: string } | null; assignee: { id: string; name: string } | null }[];
  materials: { materialId: string; sku: string; qtyPerUnit: number; required: number; onHand: number; allocatedAhead: number; available: number; shortBy: number; short: boolean }[];
  shortages: number;
}
interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

let n = 0;
async function newMo(body: Record<string, unknown> = {}): Promise<Mo> {
  const res = await manager.post<Mo>("/api/mos", { name: `Order ${++n}`, productId: ids.table, quantity: 3, ...body });
  expect(res.status).toBe(201);
  return res.body;
}

/** Row counts of everything a manufacturing request could write. */
/**
 * An MO's row for "nothing changed" comparisons, without materialStatus: that column is a cache the
 * availability recompute rewrites after commit, asynchronously (docs/decisions/0014), so on Postgres
 * it may change between two reads of an order nobody touched.
 */
async function moRow(id: string) {
  const { materialStatus: _cached, ...row } = await db().manufacturingOrder.findUniqueOrThrow({ where: { id } });
  return row;
}

async function counts() {
  const p = db();
  const [mos, wos, audits, entries, notifications, logs, levels] = await Promise.all([
    p.manufacturingOrder.count(),
    p.workOrder.count(),
    p.auditLog.count(),
    p.stockEntry.count(),
    p.notification.count(),
    p.workOrderTimeLog.count(),
    p.stockLevel.findMany({ orderBy: { productId: "asc" }, select: { productId: true, onHand: true } }),
  ]);
  return { mos, wos, audits, entries, notifications, logs, levels: levels.map((l) => `${l.productId}=${l.onHand.toString()}`) };
}

function expectError(res: ApiResponse, status: number, code: string) {
  expect({ status: res.status, code: (res.body as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
  expect(res.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
}

async function auditCount(entityId: string) {
  return db().auditLog.count({ where: { entityId } });
}

async function ledgerOf(moId: string) {
  const rows = await db().stockEntry.findMany({ where: { sourceId: moId }, orderBy: [{ sourceType: "asc" }, { productId: "asc" }] });
  return rows.map((r) => ({ productId: r.productId, sourceType: r.sourceType, change: r.change.toNumber() }));
}

describe("POST /api/mos", () => {
  test("creates an MO with a sequence order number, the BOM snapshot, and one WO per operation", async () => {
    const a = await newMo({ priority: "HIGH", customerName: "ACME", customerRef: "PO-7", promisedDate: "2030-01-15", notes: "rush", deadline: "2030-01-10T12:00:00Z" });
    const b = await newMo();
    expect(a.orderNo).toMatch(/^MO-\d{6}$/);
    expect(Number(b.orderNo.slice(3))).toBe(Number(a.orderNo.slice(3)) + 1);
    expect(a).toMatchObject({ state: "PLANNED", quantity: 3, priority: "HIGH", customerName: "ACME", customerRef: "PO-7", notes: "rush", product: { id: ids.table, sku: "TABLE-100" } });
    expect(a.deadline).toBe("2030-01-10T12:00:00.000Z");
    expect(a.promisedDate).toBe("2030-01-15T00:00:00.000Z");

    const row = await db().manufacturingOrder.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.bomSnapshot).toEqual([
      { materialId: ids.screws, sku: "SCR-01", name: "Screws Pack", uom: "pack", qtyPerUnit: 20 },
      { materialId: ids.steel, sku: "STEEL-01", name: "Steel Plate", uom: "pcs", qtyPerUnit: 2 },
    ]);
    const wos = await db().workOrder.findMany({ where: { moId: a.id }, orderBy: { sequence: "asc" } });
    expect(wos.map((w) => ({ seq: w.sequence, title: w.title, wc: w.workCenterId, planned: w.plannedMin?.toNumber(), status: w.status, who: w.assignedToId }))).toEqual([
      { seq: 1, title: "Cut & Weld", wc: ids.welding, planned: 90, status: "PENDING", who: null },
      { seq: 2, title: "Assembly", wc: ids.assembly, planned: 60, status: "PENDING", who: null },
    ]);
    for (const w of wos) expect(w.code).toMatch(/^WO-\d{6}$/);
    expect(a.progress).toEqual({ completed: 0, total: 2 });
    expect(await db().auditLog.findFirst({ where: { entityId: a.id, action: "mo.create" } })).not.toBeNull();
  });

  test("a product without a BOM gets an empty snapshot and no work orders", async () => {
    const bare = await db().product.create({ data: { sku: `BARE-${Date.now()}`, name: "Bare part", uom: "kg" } });
    const mo = await newMo({ productId: bare.id, quantity: 1.5 });
    expect(mo).toMatchObject({ quantity: 1.5, workOrders: [], materials: [], shortages: 0, progress: { completed: 0, total: 0 } });
    expect((await moRow(mo.id)).bomSnapshot).toEqual([]);
  });

  const bad: [string, unknown][] = [
    ["a missing name", { productId: "TABLE", quantity: 1 }],
    ["an empty name", { name: "", productId: "TABLE", quantity: 1 }],
    ["a blank name", { name: "   ", productId: "TABLE", quantity: 1 }],
    ["a numeric name", { name: 5, productId: "TABLE", quantity: 1 }],
    ["a productId that is not an id", { name: "x", productId: "TABLE-100", quantity: 1 }],
    ["a quantity as a string", { name: "x", productId: "TABLE", quantity: "3" }],
    ["a zero quantity", { name: "x", productId: "TABLE", quantity: 0 }],
    ["a negative quantity", { name: "x", productId: "TABLE", quantity: -2 }],
    ["a quantity with 5 decimals", { name: "x", productId: "TABLE", quantity: 1.00001 }],
    ["a huge quantity", { name: "x", productId: "TABLE", quantity: 1e20 }],
    ["an unknown field", { name: "x", productId: "TABLE", quantity: 1, qty: 1 }],
    ["an unknown priority", { name: "x", productId: "TABLE", quantity: 1, priority: "ASAP" }],
    ["a deadline that is no date", { name: "x", productId: "TABLE", quantity: 1, deadline: "next week" }],
    ["an empty customer name", { name: "x", productId: "TABLE", quantity: 1, customerName: "" }],
    ["a numeric customer ref", { name: "x", productId: "TABLE", quantity: 1, customerRef: 7 }],
    ["an array body", [{ name: "x", productId: "TABLE", quantity: 1 }]],
    ["a null body", null],
    ["no body", undefined],
  ];
  test.each(bad)("refuses %s with 400 and writes nothing", async (_label, body) => {
    const before = await counts();
    const json = body && typeof body === "object" && !Array.isArray(body) && (body as { productId?: string }).productId === "TABLE" ? { ...body, productId: ids.table } : body;
    const res = await manager.post("/api/mos", json);
    expectError(res, 400, "VALIDATION_FAILED");
    expect(await counts()).toEqual(before);
  });

  test("a quantity whose planned minutes would overflow Decimal(18,4) is 400 (on create and on edit), nothing written", async () => {
    const before = await counts();
    expectError(await manager.post("/api/mos", { name: "Huge", productId: ids.table, quantity: 9e13 }), 400, "VALIDATION_FAILED");
    expect(await counts()).toEqual(before);
    const mo = await newMo();
    const row = await moRow(mo.id);
    expectError(await manager.patch(`/api/mos/${mo.id}`, { quantity: 9e13 }), 400, "VALIDATION_FAILED");
    expect(await moRow(mo.id)).toEqual(row);
  });

  test("refuses malformed JSON, an unknown product and an archived product with 400, writing nothing", async () => {
    const before = await counts();
    expectError(await manager.raw("POST", "/api/mos", { body: '{"name": "x",', headers: { "content-type": "application/json" } }), 400, "VALIDATION_FAILED");
    expectError(await manager.post("/api/mos", { name: "x", productId: "00000000-0000-4000-8000-000000000000", quantity: 1 }), 400, "VALIDATION_FAILED");
    const archived = await db().product.create({ data: { sku: `OLD-${Date.now()}`, name: "Old", archivedAt: new Date() } });
    const after = await counts();
    expectError(await manager.post("/api/mos", { name: "x", productId: archived.id, quantity: 1 }), 400, "VALIDATION_FAILED");
    expect({ ...(await counts()) }).toEqual(after);
    expect(after.mos).toBe(before.mos);
  });
});

describe("GET /api/mos", () => {
  test("filters by state (one or a list) and text, pages newest first, and flags late orders", async () => {
    const tag = `Filter${Date.now()}`;
    const first = await newMo({ name: `${tag} alpha` });
    const second = await newMo({ name: `${tag} beta`, deadline: "2001-01-01" });
    const third = await newMo({ name: `${tag} gamma`, deadline: "2001-01-01" });
    expect((await manager.post(`/api/mos/${third.id}/cancel`)).status).toBe(200);

    const all = await manager.get<Page<Mo>>(`/api/mos?q=${tag.toLowerCase()}`);
    expect(all.body.items.map((m) => m.id)).toEqual([third.id, second.id, first.id]);
    expect(all.body.total).toBe(3);
    const late = Object.fromEntries(all.body.items.map((m) => [m.id, m.late]));
    expect(late).toEqual({ [first.id]: false, [second.id]: true, [third.id]: false }); // canceled is never late
    expect(all.body.items[0]).toMatchObject({ product: { id: ids.table, sku: "TABLE-100", name: "Metal Table" }, progress: { completed: 0, total: 2 } });

    const byOrderNo = await manager.get<Page<Mo>>(`/api/mos?q=${second.orderNo.toLowerCase()}`);
    expect(byOrderNo.body.items.map((m) => m.id)).toEqual([second.id]);

    const planned = await manager.get<Page<Mo>>(`/api/mos?q=${tag}&state=PLANNED`);
    expect(planned.body.items.map((m) => m.id)).toEqual([second.id, first.id]);
    const both = await manager.get<Page<Mo>>(`/api/mos?q=${tag}&state=canceled,PLANNED`);
    expect(both.body.total).toBe(3);
    const repeated = await manager.get<Page<Mo>>(`/api/mos?q=${tag}&state=CANCELED&state=DONE`);
    expect(repeated.body.items.map((m) => m.id)).toEqual([third.id]);

    const paged = await manager.get<Page<Mo>>(`/api/mos?q=${tag}&page=2&pageSize=1`);
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(paged.body.items.map((m) => m.id)).toEqual([second.id]);
  });

  test.each(["state=LATE", "state=", "pageSize=0", "pageSize=500", "page=abc", "bogus=1"])("refuses ?%s with 400", async (qs) => {
    expectError(await manager.get(`/api/mos?${qs}`), 400, "VALIDATION_FAILED");
  });
});

describe("GET /api/mos/:id", () => {
  test("shows product, work orders, progress and material requirements against stock", async () => {
    const mo = await newMo({ quantity: 60 }); // 120 steel (100 on hand), 1200 screws (1000 on hand)
    const res = await manager.get<Mo>(`/api/mos/${mo.id}`);
    expect(res.status).toBe(200);
    expect(res.body.product).toMatchObject({ id: ids.table, sku: "TABLE-100" });
    expect(res.body.workOrders.map((w) => [w.sequence, w.title, w.workCenter?.name, w.assignee, w.plannedMin])).toEqual([
      [1, "Cut & Weld", "Welding", null, 1800],
      [2, "Assembly", "Assembly", null, 1200],
    ]);
    const steel = await db().stockLevel.findUniqueOrThrow({ where: { productId: ids.steel } });
    const screws = await db().stockLevel.findUniqueOrThrow({ where: { productId: ids.screws } });
    // Ranked (docs/domain.md "Material availability"): the open orders ahead of it (for a NORMAL order
    // without deadline: every URGENT/HIGH one, NORMAL ones with a deadline or created before it) take stock first.
    const row = await db().manufacturingOrder.findUniqueOrThrow({ where: { id: mo.id }, select: { createdAt: true } });
    const ahead = async (productId: string) =>
      (
        await db().moRequirement.aggregate({
          _sum: { required: true },
          where: { productId, moId: { not: mo.id }, OR: [{ priorityRank: { lt: 2 } }, { priorityRank: 2, OR: [{ deadline: { not: null } }, { moCreatedAt: { lte: row.createdAt } }] }] },
        })
      )._sum.required?.toNumber() ?? 0;
    const ranked = (required: number, onHand: number, allocatedAhead: number) => {
      const available = Math.max(0, onHand - allocatedAhead);
      return { required, onHand, allocatedAhead, available, shortBy: Math.max(0, required - available) };
    };
    const wantScrews = ranked(1200, screws.onHand.toNumber(), await ahead(ids.screws));
    const wantSteel = ranked(120, steel.onHand.toNumber(), await ahead(ids.steel));
    expect(res.body.materials).toEqual([
      expect.objectContaining({ sku: "SCR-01", qtyPerUnit: 20, ...wantScrews, short: true }),
      expect.objectContaining({ sku: "STEEL-01", qtyPerUnit: 2, ...wantSteel, short: true }),
    ]);
    expect(res.body.shortages).toBe(2);

    // Created after it with the same rank keys: the big order is ranked ahead of the small one.
    const small = await manager.get<Mo>(`/api/mos/${(await newMo({ quantity: 1 })).id}`);
    expect(small.body.materials.map((m) => [m.required, m.allocatedAhead])).toEqual([
      [20, wantScrews.allocatedAhead + 1200],
      [2, wantSteel.allocatedAhead + 120],
    ]);
    expect(small.body.shortages).toBe(2);
  });

  test("404 for an unknown MO, 400 for a malformed id", async () => {
    expectError(await manager.get("/api/mos/00000000-0000-4000-8000-000000000000"), 404, "NOT_FOUND");
    expectError(await manager.get("/api/mos/MO-000001"), 400, "VALIDATION_FAILED");
  });
});

describe("operators see only MOs with a work order of theirs", () => {
  test("list and detail are scoped; another MO is a 404", async () => {
    const operator = await app.as("OPERATOR");
    const theirs = await newMo({ name: "Operator scoped" });
    const other = await newMo({ name: "Operator not theirs" });
    expect((await manager.patch(`/api/workorders/${theirs.workOrders[1]!.id}`, { assignedToId: ids.operator })).status).toBe(200);

    const list = await operator.get<Page<Mo>>("/api/mos?pageSize=200");
    const listed = list.body.items.map((m) => m.id);
    expect(listed).toContain(theirs.id);
    expect(listed).not.toContain(other.id);
    const visible = await db().manufacturingOrder.count({ where: { workOrders: { some: { assignedToId: ids.operator } } } });
    expect(list.body.total).toBe(visible);

    const detail = await operator.get<Mo>(`/api/mos/${theirs.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.workOrders.map((w) => w.id)).toEqual([theirs.workOrders[1]!.id]); // only their own WO
    expectError(await operator.get(`/api/mos/${other.id}`), 404, "NOT_FOUND");
  });
});

describe("PATCH /api/mos/:id", () => {
  test("SALES changes the customer fields (and may clear them)", async () => {
    const sales = await app.as("SALES");
    const mo = await newMo({ customerName: "Old name" });
    const res = await sales.patch<Mo>(`/api/mos/${mo.id}`, { customerName: "Bolt & Co", customerRef: "PO-1", promisedDate: "2030-02-01", notes: "call first" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customerName: "Bolt & Co", customerRef: "PO-1", promisedDate: "2030-02-01T00:00:00.000Z", notes: "call first" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: mo.id, action: "mo.update" } });
    expect(audit.payload).toMatchObject({ customerName: { from: "Old name", to: "Bolt & Co" } });
    const cleared = await sales.patch<Mo>(`/api/mos/${mo.id}`, { notes: null, customerRef: null });
    expect(cleared.body).toMatchObject({ notes: null, customerRef: null, customerName: "Bolt & Co" });
  });

  test.each([
    ["name", { name: "Renamed" }],
    ["quantity", { quantity: 9 }],
    ["priority with a customer field", { priority: "URGENT", customerName: "x" }],
    ["deadline", { deadline: "2030-01-01" }],
    ["productId", { productId: "00000000-0000-4000-8000-000000000000" }],
  ])("SALES sending %s gets 403 and nothing changes", async (_label, body) => {
    const sales = await app.as("SALES");
    const mo = await newMo();
    const before = await moRow(mo.id);
    const audits = await auditCount(mo.id);
    expectError(await sales.patch(`/api/mos/${mo.id}`, body), 403, "FORBIDDEN");
    expect(await moRow(mo.id)).toEqual(before);
    expect(await auditCount(mo.id)).toBe(audits);
  });

  test("a manager changes name, priority and deadline; equal values change nothing", async () => {
    const mo = await newMo();
    const res = await manager.patch<Mo>(`/api/mos/${mo.id}`, { name: "Renamed", priority: "URGENT", deadline: "2031-05-05T08:00:00Z" });
    expect(res.body).toMatchObject({ name: "Renamed", priority: "URGENT", deadline: "2031-05-05T08:00:00.000Z" });
    const row = await moRow(mo.id);
    const audits = await auditCount(mo.id);
    const same = await manager.patch<Mo>(`/api/mos/${mo.id}`, { name: "Renamed", priority: "URGENT", quantity: 3, deadline: "2031-05-05T08:00:00.000Z" });
    expect(same.status).toBe(200);
    expect(await auditCount(mo.id)).toBe(audits);
    expect((await moRow(mo.id)).updatedAt).toEqual(row.updatedAt);
  });

  test("while PLANNED a quantity change re-takes the snapshot and re-plans operation WOs (not hand-made ones)", async () => {
    const mo = await newMo();
    const extra = await manager.post<{ id: string }>(`/api/mos/${mo.id}/workorders`, { title: "Paint", plannedMin: 45 });
    expect(extra.status).toBe(201);
    // The BOM changed since the MO was made: the new snapshot follows it.
    const bom = await db().bOM.findUniqueOrThrow({ where: { productId: ids.table } });
    await db().bOMComponent.update({ where: { bomId_materialId: { bomId: bom.id, materialId: ids.steel } }, data: { qtyPerUnit: 3 } });
    try {
      const res = await manager.patch<Mo>(`/api/mos/${mo.id}`, { quantity: 10 });
      expect(res.status).toBe(200);
      expect(res.body.materials.map((m) => [m.sku, m.qtyPerUnit, m.required])).toEqual([
        ["SCR-01", 20, 200],
        ["STEEL-01", 3, 30],
      ]);
      expect(res.body.workOrders.map((w) => [w.title, w.plannedMin])).toEqual([
        ["Cut & Weld", 300],
        ["Assembly", 200],
        ["Paint", 45],
      ]);
    } finally {
      await db().bOMComponent.update({ where: { bomId_materialId: { bomId: bom.id, materialId: ids.steel } }, data: { qtyPerUnit: 2 } });
    }
  });

  test("while PLANNED a product change re-takes the snapshot from the new product", async () => {
    const part = await db().product.create({ data: { sku: `PART-${Date.now()}`, name: "Bracket" } });
    await db().bOM.create({ data: { productId: part.id, components: { create: [{ materialId: ids.steel, qtyPerUnit: 0.5 }] } } });
    const mo = await newMo({ quantity: 4 });
    const res = await manager.patch<Mo>(`/api/mos/${mo.id}`, { productId: part.id });
    expect(res.status).toBe(200);
    expect(res.body.product.id).toBe(part.id);
    expect(res.body.materials.map((m) => [m.sku, m.required])).toEqual([["STEEL-01", 2]]);
    expectError(await manager.patch(`/api/mos/${mo.id}`, { productId: "00000000-0000-4000-8000-000000000000" }), 400, "VALIDATION_FAILED");
  });

  test("quantity and product are frozen once IN_PROGRESS (409); DONE and CANCELED refuse every change (409)", async () => {
    const running = await newMo();
    expect((await manager.post(`/api/workorders/${running.workOrders[0]!.id}/start`)).status).toBe(200);
    expectError(await manager.patch(`/api/mos/${running.id}`, { quantity: 4 }), 409, "INVALID_STATE");
    expectError(await manager.patch(`/api/mos/${running.id}`, { productId: ids.steel }), 409, "INVALID_STATE");
    expect((await manager.patch(`/api/mos/${running.id}`, { name: "Still editable" })).status).toBe(200);
    expect((await manager.post(`/api/workorders/${running.workOrders[0]!.id}/pause`)).status).toBe(200);

    const canceled = await newMo();
    await manager.post(`/api/mos/${canceled.id}/cancel`);
    const done = await newMo();
    await manager.post(`/api/mos/${done.id}/complete`, { producedQty: 0 });
    const sales = await app.as("SALES");
    for (const mo of [canceled, done]) {
      const before = await moRow(mo.id);
      expectError(await manager.patch(`/api/mos/${mo.id}`, { name: "Too late" }), 409, "INVALID_STATE");
      expectError(await sales.patch(`/api/mos/${mo.id}`, { notes: "Too late" }), 409, "INVALID_STATE");
      expect(await moRow(mo.id)).toEqual(before);
    }
  });

  const badPatch: [string, unknown][] = [
    ["an empty object", {}],
    ["an unknown field", { nam: "x" }],
    ["an empty name", { name: "" }],
    ["a null name", { name: null }],
    ["an empty customer name", { customerName: "" }],
    ["a zero quantity", { quantity: 0 }],
    ["a negative quantity", { quantity: -1 }],
    ["a string quantity", { quantity: "2" }],
    ["a bad priority", { priority: 1 }],
    ["a bad promised date", { promisedDate: "soon" }],
    ["an array", []],
  ];
  test.each(badPatch)("refuses %s with 400 and changes nothing", async (_label, body) => {
    const mo = await newMo();
    const before = await moRow(mo.id);
    const audits = await auditCount(mo.id);
    expectError(await manager.patch(`/api/mos/${mo.id}`, body), 400, "VALIDATION_FAILED");
    expect(await moRow(mo.id)).toEqual(before);
    expect(await auditCount(mo.id)).toBe(audits);
  });
});

describe("POST /api/mos/:id/cancel", () => {
  test("PLANNED → CANCELED with an audit row; canceling again is a 200 that changes nothing", async () => {
    const mo = await newMo();
    const res = await manager.post<Mo>(`/api/mos/${mo.id}/cancel`, { reason: "customer withdrew" });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe("CANCELED");
    const row = await moRow(mo.id);
    expect(row.canceledAt).not.toBeNull();
    expect((await db().auditLog.findFirstOrThrow({ where: { entityId: mo.id, action: "mo.cancel" } })).payload).toMatchObject({ from: "PLANNED", reason: "customer withdrew" });

    const audits = await auditCount(mo.id);
    const again = await manager.post<Mo>(`/api/mos/${mo.id}/cancel`);
    expect(again.status).toBe(200);
    expect(again.body.state).toBe("CANCELED");
    expect(await auditCount(mo.id)).toBe(audits);
    expect(await moRow(mo.id)).toEqual(row);
  });

  test("IN_PROGRESS → CANCELED pauses running WOs and closes their open time log", async () => {
    const mo = await newMo();
    const wo = mo.workOrders[0]!.id;
    expect((await manager.post(`/api/workorders/${wo}/start`)).status).toBe(200);
    const res = await manager.post<Mo>(`/api/mos/${mo.id}/cancel`);
    expect(res.body.state).toBe("CANCELED");
    expect((await db().workOrder.findUniqueOrThrow({ where: { id: wo } })).status).toBe("PAUSED");
    expect(await db().workOrderTimeLog.count({ where: { workOrderId: wo, endedAt: null } })).toBe(0);
    expect(await db().auditLog.count({ where: { entityId: wo, action: "wo.pause" } })).toBe(1);
    // A canceled MO's work orders cannot be resumed.
    expectError(await manager.post(`/api/workorders/${wo}/start`), 409, "INVALID_STATE");
  });

  test("a DONE MO cannot be canceled (409, unchanged); a bad body is 400; an unknown MO 404", async () => {
    const mo = await newMo();
    await manager.post(`/api/mos/${mo.id}/complete`, { producedQty: 0 });
    const before = await moRow(mo.id);
    expectError(await manager.post(`/api/mos/${mo.id}/cancel`), 409, "INVALID_STATE");
    expect(await moRow(mo.id)).toEqual(before);

    const open = await newMo();
    for (const body of [{ why: "x" }, { reason: "" }, { reason: 5 }, []]) expectError(await manager.post(`/api/mos/${open.id}/cancel`, body), 400, "VALIDATION_FAILED");
    expect((await db().manufacturingOrder.findUniqueOrThrow({ where: { id: open.id } })).state).toBe("PLANNED");
    expectError(await manager.post("/api/mos/00000000-0000-4000-8000-000000000000/cancel"), 404, "NOT_FOUND");
  });
});

describe("POST /api/mos/:id/complete", () => {
  test("consumes snapshot × quantity and books the output once; completing again posts nothing", async () => {
    const mo = await newMo({ quantity: 3 });
    const res = await manager.post<Mo>(`/api/mos/${mo.id}/complete`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: "DONE", producedQty: 3 });
    const consumption = [
      { productId: ids.screws, sourceType: "MO_CONSUMPTION", change: -60 },
      { productId: ids.steel, sourceType: "MO_CONSUMPTION", change: -6 },
    ].sort((a, b) => (a.productId < b.productId ? -1 : 1));
    expect(await ledgerOf(mo.id)).toEqual([...consumption, { productId: ids.table, sourceType: "MO_OUTPUT", change: 3 }]);
    const row = await moRow(mo.id);
    expect(row.completedAt).not.toBeNull();
    const audits = await auditCount(mo.id);

    const again = await manager.post<Mo>(`/api/mos/${mo.id}/complete`, { producedQty: 1 });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ state: "DONE", producedQty: 3 });
    expect((await ledgerOf(mo.id)).length).toBe(3);
    expect(await auditCount(mo.id)).toBe(audits);
    expect(await moRow(mo.id)).toEqual(row);
  });

  test("an explicit producedQty drives consumption and output; 0 posts nothing", async () => {
    const mo = await newMo({ quantity: 5 });
    // Tables are counted in pcs: a whole number (2.5 is refused, see input-edges.test.ts).
    await manager.post(`/api/mos/${mo.id}/complete`, { producedQty: 2 });
    const rows = await ledgerOf(mo.id);
    expect(rows.find((r) => r.productId === ids.steel)?.change).toBe(-4);
    expect(rows.find((r) => r.productId === ids.screws)?.change).toBe(-40);
    expect(rows.find((r) => r.sourceType === "MO_OUTPUT")?.change).toBe(2);
    const detail = await manager.get<Mo>(`/api/mos/${mo.id}`);
    expect(detail.body.materials.map((m) => m.required)).toEqual([40, 4]); // for what was produced

    const none = await newMo();
    const res = await manager.post<Mo>(`/api/mos/${none.id}/complete`, { producedQty: 0 });
    expect(res.body).toMatchObject({ state: "DONE", producedQty: 0 });
    expect(await ledgerOf(none.id)).toEqual([]);
  });

  test("refused (409, listing them) while a work order is running; CANCELED is 409", async () => {
    const mo = await newMo();
    const wo = mo.workOrders[1]!;
    await manager.post(`/api/workorders/${wo.id}/start`);
    const before = await counts();
    const res = await manager.post(`/api/mos/${mo.id}/complete`);
    expectError(res, 409, "INVALID_STATE");
    expect((res.body as { error: { details: { workOrders: { id: string; code: string }[] } } }).error.details.workOrders).toEqual([expect.objectContaining({ id: wo.id, code: wo.code })]);
    expect(await counts()).toEqual(before);
    await manager.post(`/api/workorders/${wo.id}/pause`);
    expect((await manager.post<Mo>(`/api/mos/${mo.id}/complete`, { producedQty: 0 })).body.state).toBe("DONE");

    const canceled = await newMo();
    await manager.post(`/api/mos/${canceled.id}/cancel`);
    expectError(await manager.post(`/api/mos/${canceled.id}/complete`), 409, "INVALID_STATE");
    expect(await ledgerOf(canceled.id)).toEqual([]);
  });

  test("a shortage refuses it all with 409 INSUFFICIENT_STOCK naming every short product, and tells inventory", async () => {
    const mo = await newMo({ quantity: 1000 });
    const inventory = await db().user.findUniqueOrThrow({ where: { email: "inventory@demo.com" } });
    const notes = await db().notification.count({ where: { userId: inventory.id, type: "stock.shortage" } });
    const before = await counts();
    const res = await manager.post(`/api/mos/${mo.id}/complete`);
    expectError(res, 409, "INSUFFICIENT_STOCK");
    const shortages = (res.body as { error: { details: { shortages: { sku: string }[] } } }).error.details.shortages;
    expect(shortages.map((s) => s.sku).sort()).toEqual(["SCR-01", "STEEL-01"]);
    expect((await moRow(mo.id)).state).toBe("PLANNED");
    const after = await counts();
    expect({ ...after, notifications: before.notifications }).toEqual(before);
    expect(await db().notification.count({ where: { userId: inventory.id, type: "stock.shortage" } })).toBe(notes + 1);
  });

  test.each([
    ["a negative producedQty", { producedQty: -1 }],
    ["a string producedQty", { producedQty: "3" }],
    ["an unknown field", { produced: 3 }],
    ["an array", [3]],
    ["a null body", null],
  ])("refuses %s with 400 and writes nothing", async (_label, body) => {
    const mo = await newMo();
    const before = await counts();
    expectError(await manager.post(`/api/mos/${mo.id}/complete`, body), 400, "VALIDATION_FAILED");
    expect(await counts()).toEqual(before);
  });
});
