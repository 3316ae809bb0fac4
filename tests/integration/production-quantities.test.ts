// Quantities through the routing (good / scrap per work order), the MO's produced and scrapped units,
// consumption of snapshot × (produced + scrapped), partial completion with a backorder: over HTTP on
// a real database. The concurrency rounds run on Postgres too (TEST_DATABASE_URL).
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client } from "../helpers/client";
import { assertLedgerInvariant } from "../helpers/ledger";
import { reachedAt, withReached } from "@/lib/manufacturing/quantities";
import { toWoItem, woItemSelect } from "@/lib/manufacturing/views";
import { itemOf } from "@/lib/manufacturing/wo-transitions";

let app: TestApp;
let manager: Client;
let operator: Client;
let ids: { table: string; steel: string; screws: string; operator: string; manager: string };

const db = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
  operator = await app.as("OPERATOR");
  const bySku = Object.fromEntries((await db().product.findMany()).map((p) => [p.sku, p.id]));
  const byEmail = Object.fromEntries((await db().user.findMany()).map((u) => [u.email, u.id]));
  ids = { table: bySku["TABLE-100"]!, steel: bySku["STEEL-01"]!, screws: bySku["SCR-01"]!, operator: byEmail["operator@demo.com"]!, manager: byEmail["manager@demo.com"]! };
  // Enough material for every order below (the concurrency rounds use 10 steel and 100 screws each).
  const inventory = await app.as("INVENTORY");
  for (const [productId, quantity] of [[ids.steel, 2000], [ids.screws, 20000]] as const) {
    expect((await inventory.post("/api/stock/receipts", { productId, quantity })).status).toBe(201);
  }
});
afterAll(async () => {
  await app.close();
});

interface Wo {
  id: string;
  code: string;
  sequence: number;
  status: string;
  goodQty: number | null;
  scrapQty: number | null;
  scrapReason: string | null;
  reachedQty: number;
  mo: { id: string; state: string };
}
interface MoLink {
  id: string;
  orderNo: string;
  state: string;
  quantity: number;
}
interface Mo {
  id: string;
  orderNo: string;
  name: string;
  state: string;
  quantity: number;
  producedQty: number | null;
  scrapQty: number | null;
  priority: string;
  deadline: string | null;
  customerName: string | null;
  customerRef: string | null;
  promisedDate: string | null;
  notes: string | null;
  backorderOfId: string | null;
  backorderOf: MoLink | null;
  backorder: MoLink | null;
  workOrders: (Omit<Wo, "mo"> & { title: string; plannedMin: number | null })[];
}

/** An MO of `quantity` tables whose two WOs (Cut & Weld, Assembly) are assigned to the operator. */
async function assignedMo(quantity: number, body: Record<string, unknown> = {}): Promise<{ mo: Mo; a: Wo; b: Wo }> {
  const res = await manager.post<Mo>("/api/mos", { name: `Quantities ${quantity}`, productId: ids.table, quantity, ...body });
  expect(res.status).toBe(201);
  const [a, b] = res.body.workOrders as unknown as [Wo, Wo];
  for (const wo of [a, b]) expect((await manager.patch(`/api/workorders/${wo.id}`, { assignedToId: ids.operator })).status).toBe(200);
  return { mo: res.body, a, b };
}

async function complete(wo: Wo, body?: Record<string, unknown>, who: Client = operator): Promise<ApiResponse<Wo>> {
  return who.post<Wo>(`/api/workorders/${wo.id}/complete`, body);
}

async function startAndComplete(wo: Wo, body?: Record<string, unknown>, who: Client = operator): Promise<ApiResponse<Wo>> {
  expect((await who.post(`/api/workorders/${wo.id}/start`)).status).toBe(200);
  return complete(wo, body, who);
}

async function ledger(moId: string) {
  const name = (id: string) => (id === ids.steel ? "steel" : id === ids.screws ? "screws" : id === ids.table ? "table" : id);
  const rows = await db().stockEntry.findMany({ where: { sourceId: moId } });
  return rows.map((r) => `${r.sourceType} ${name(r.productId)} ${r.change.toString()}`).sort();
}

async function counts() {
  const p = db();
  const [mos, wos, audits, entries, logs, wo] = await Promise.all([
    p.manufacturingOrder.count(),
    p.workOrder.count({ where: { status: "COMPLETED" } }),
    p.auditLog.count(),
    p.stockEntry.count(),
    p.workOrderTimeLog.count({ where: { endedAt: null } }),
    p.workOrder.findMany({ select: { id: true, goodQty: true, scrapQty: true, scrapReason: true }, orderBy: { id: "asc" } }),
  ]);
  return { mos, wos, audits, entries, logs, wo: JSON.stringify(wo) };
}

function expectError(res: ApiResponse, status: number, code: string, path?: string) {
  expect({ status: res.status, code: (res.body as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
  if (path) expect(JSON.stringify((res.body as { error: { details?: unknown } }).error.details)).toContain(`"${path}"`);
}

describe("good and scrap per work order", () => {
  test("defaults: no body completes with scrap 0 and good = what reached it; the MO produces its quantity", async () => {
    const { mo, a, b } = await assignedMo(3);
    const first = await startAndComplete(a);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: "COMPLETED", goodQty: 3, scrapQty: 0, scrapReason: null, reachedQty: 3 });
    const second = await startAndComplete(b, {});
    expect(second.body).toMatchObject({ goodQty: 3, scrapQty: 0, reachedQty: 3, mo: { state: "DONE" } });
    const detail = (await manager.get<Mo>(`/api/mos/${mo.id}`)).body;
    expect(detail).toMatchObject({ state: "DONE", producedQty: 3, scrapQty: 0, backorder: null, backorderOf: null });
    expect(await ledger(mo.id)).toEqual(["MO_CONSUMPTION screws -60", "MO_CONSUMPTION steel -6", "MO_OUTPUT table 3"]);
  });

  test("what reaches an operation flows down the routing; the MO takes the last good and the sum of scrap; consumption = snapshot × (produced + scrap)", async () => {
    const { mo, a, b } = await assignedMo(5);
    expect((await manager.get<Wo>(`/api/workorders/${b.id}`)).body.reachedQty).toBe(5);
    const first = await startAndComplete(a, { scrapQty: 1, scrapReason: "QUALITY" });
    expect(first.body).toMatchObject({ goodQty: 4, scrapQty: 1, scrapReason: "QUALITY", reachedQty: 5 });
    // The next operation now receives the 4 good ones: on its detail, in lists and on the MO.
    expect((await manager.get<Wo>(`/api/workorders/${b.id}`)).body.reachedQty).toBe(4);
    const mine = await operator.get<{ items: Wo[] }>(`/api/workorders?mine=1&moId=${mo.id}`);
    expect(mine.body.items.map((w) => w.reachedQty)).toEqual([5, 4]);
    expect((await manager.get<Mo>(`/api/mos/${mo.id}`)).body.workOrders.map((w) => [w.reachedQty, w.goodQty, w.scrapQty])).toEqual([
      [5, 4, 1],
      [4, null, null],
    ]);
    // Scrap without a reason: OTHER.
    const second = await startAndComplete(b, { goodQty: 2, scrapQty: 1 });
    expect(second.body).toMatchObject({ goodQty: 2, scrapQty: 1, scrapReason: "OTHER", reachedQty: 4, mo: { state: "DONE" } });

    const detail = (await manager.get<Mo>(`/api/mos/${mo.id}`)).body;
    expect({ producedQty: detail.producedQty, scrapQty: detail.scrapQty }).toEqual({ producedQty: 2, scrapQty: 2 });
    // 2 produced + 2 scrapped = 4 units of material (steel 2/unit, screws 20/unit); one unit was lost unreported.
    expect(await ledger(mo.id)).toEqual(["MO_CONSUMPTION screws -80", "MO_CONSUMPTION steel -8", "MO_OUTPUT table 2"]);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: mo.id, action: "mo.complete" } });
    expect(audit.payload).toMatchObject({ producedQty: "2", scrapQty: "2", via: "last work order" });
  });

  test("everything scrapped: producedQty 0, materials consumed for the scrap, no output row", async () => {
    const { mo, a, b } = await assignedMo(2);
    await startAndComplete(a, { goodQty: 1, scrapQty: 1, scrapReason: "DAMAGED" });
    const res = await startAndComplete(b, { goodQty: 0, scrapQty: 1, scrapReason: "PROCESS" });
    expect(res.body).toMatchObject({ goodQty: 0, scrapQty: 1, mo: { state: "DONE" } });
    const row = await db().manufacturingOrder.findUniqueOrThrow({ where: { id: mo.id } });
    expect({ produced: row.producedQty?.toNumber(), scrap: row.scrapQty?.toNumber() }).toEqual({ produced: 0, scrap: 2 });
    expect(await ledger(mo.id)).toEqual(["MO_CONSUMPTION screws -40", "MO_CONSUMPTION steel -4"]);
  });

  test.each([
    ["good + scrap above what reached it", { goodQty: 3, scrapQty: 1 }, "goodQty"],
    ["good alone above what reached it", { goodQty: 4 }, "goodQty"],
    ["scrap alone above what reached it", { scrapQty: 4 }, "scrapQty"],
    ["a fraction of a counted unit (good)", { goodQty: 1.5 }, "goodQty"],
    ["a fraction of a counted unit (scrap)", { scrapQty: 0.5 }, "scrapQty"],
    ["a negative good", { goodQty: -1 }, "goodQty"],
    ["a string scrap", { scrapQty: "1" }, "scrapQty"],
    ["an unknown reason", { scrapQty: 1, scrapReason: "LOST" }, "scrapReason"],
    ["an unknown field", { good: 1 }, undefined],
  ])("refuses %s with 400 naming the field, and writes nothing", async (_label, body, path) => {
    const { a } = await assignedMo(3);
    expect((await operator.post(`/api/workorders/${a.id}/start`)).status).toBe(200);
    const before = await counts();
    expectError(await complete(a, body), 400, "VALIDATION_FAILED", path);
    expect(await counts()).toEqual(before);
    expect((await db().workOrder.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("STARTED");
    expect((await complete(a, { goodQty: 3 })).status).toBe(200); // leaves nothing running for later tests
  });

  test("a repeated complete returns the WO unchanged whatever its body", async () => {
    const { a } = await assignedMo(3);
    await startAndComplete(a, { goodQty: 2, scrapQty: 1 });
    const before = await counts();
    const again = await complete(a, { goodQty: 3 });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ goodQty: 2, scrapQty: 1 });
    expect(await counts()).toEqual(before);
  });
});

describe("partial completion and backorders", () => {
  const customer = { priority: "HIGH", deadline: "2031-03-01T12:00:00Z", customerName: "ACME", customerRef: "PO-12", promisedDate: "2031-03-05", notes: "blue" };

  test("backorder: true closes the MO short and plans the rest as a linked PLANNED MO with the same fields, snapshot and routing", async () => {
    const { mo } = await assignedMo(5, customer);
    const mosBefore = await db().manufacturingOrder.count();
    const res = await manager.post<{ mo: Mo; backorder: Mo }>(`/api/mos/${mo.id}/complete`, { producedQty: 3, scrapQty: 1, backorder: true });
    expect(res.status).toBe(200);
    const { mo: done, backorder } = res.body;
    expect(done).toMatchObject({ id: mo.id, state: "DONE", producedQty: 3, scrapQty: 1, backorderOf: null, backorder: { id: backorder.id, orderNo: backorder.orderNo, state: "PLANNED", quantity: 2 } });
    // The rest is quantity − produced: the scrapped unit still has to be made.
    expect(backorder).toMatchObject({
      state: "PLANNED",
      quantity: 2,
      name: mo.name,
      backorderOfId: mo.id,
      backorderOf: { id: mo.id, orderNo: mo.orderNo, state: "DONE", quantity: 5 },
      backorder: null,
      priority: "HIGH",
      deadline: "2031-03-01T12:00:00.000Z",
      customerName: "ACME",
      customerRef: "PO-12",
      promisedDate: "2031-03-05T00:00:00.000Z",
      notes: "blue",
    });
    expect(backorder.workOrders.map((w) => [w.sequence, w.title, w.status, w.plannedMin])).toEqual([
      [1, "Cut & Weld", "PENDING", 60],
      [2, "Assembly", "PENDING", 40],
    ]);
    const [first, second] = await Promise.all([mo.id, backorder.id].map((id) => db().manufacturingOrder.findUniqueOrThrow({ where: { id } })));
    expect(second!.bomSnapshot).toEqual(first!.bomSnapshot);
    expect(await db().manufacturingOrder.count()).toBe(mosBefore + 1);
    // 3 + 1 units used material; 3 came out.
    expect(await ledger(mo.id)).toEqual(["MO_CONSUMPTION screws -80", "MO_CONSUMPTION steel -8", "MO_OUTPUT table 3"]);
    expect(await ledger(backorder.id)).toEqual([]);
    // Both pages show the link.
    expect((await manager.get<Mo>(`/api/mos/${backorder.id}`)).body.backorderOf?.orderNo).toBe(mo.orderNo);
    expect((await manager.get<Mo>(`/api/mos/${mo.id}`)).body.backorder?.orderNo).toBe(backorder.orderNo);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: backorder.id, action: "mo.create" } });
    expect(audit.payload).toMatchObject({ backorderOf: mo.orderNo, quantity: "2" });
  });

  test("without backorder the MO closes short: the same response shape as before, no new MO", async () => {
    const { mo } = await assignedMo(5);
    const mosBefore = await db().manufacturingOrder.count();
    const res = await manager.post<Mo>(`/api/mos/${mo.id}/complete`, { producedQty: 2 });
    expect(res.body).toMatchObject({ id: mo.id, state: "DONE", producedQty: 2, scrapQty: 0, backorder: null });
    expect(await db().manufacturingOrder.count()).toBe(mosBefore);
  });

  test("by hand, scrap defaults to what the work orders reported", async () => {
    const { mo, a } = await assignedMo(4);
    await startAndComplete(a, { goodQty: 3, scrapQty: 1 });
    const res = await manager.post<Mo>(`/api/mos/${mo.id}/complete`, { producedQty: 3 });
    expect(res.body).toMatchObject({ producedQty: 3, scrapQty: 1 });
    expect(await ledger(mo.id)).toEqual(["MO_CONSUMPTION screws -80", "MO_CONSUMPTION steel -8", "MO_OUTPUT table 3"]);
  });

  test("a backorder with nothing left to make is 400 and writes nothing; fractions of counted units are 400", async () => {
    const { mo } = await assignedMo(3);
    for (const [body, path] of [
      [{ producedQty: 3, backorder: true }, "backorder"],
      [{ producedQty: 4, backorder: true }, "backorder"],
      [{ producedQty: 1, scrapQty: 0.5 }, "scrapQty"],
      [{ producedQty: 1, backorder: "yes" }, "backorder"],
    ] as const) {
      const before = await counts();
      expectError(await manager.post(`/api/mos/${mo.id}/complete`, body), 400, "VALIDATION_FAILED", path);
      expect(await counts()).toEqual(before);
    }
    expect((await db().manufacturingOrder.findUniqueOrThrow({ where: { id: mo.id } })).state).toBe("PLANNED");
  });

  test("an MO closed short by its last WO gets its backorder afterwards with { backorder: true }, once", async () => {
    const { mo, a, b } = await assignedMo(5, customer);
    await startAndComplete(a);
    await startAndComplete(b, { scrapQty: 1 });
    const mosBefore = await db().manufacturingOrder.count();
    const answers = await Promise.all([0, 1, 2].map(() => manager.post<{ mo: Mo; backorder: Mo }>(`/api/mos/${mo.id}/complete`, { backorder: true })));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    const made = await db().manufacturingOrder.findMany({ where: { backorderOfId: mo.id } });
    expect(made.map((m) => [m.quantity.toNumber(), m.state, m.priority])).toEqual([[1, "PLANNED", "HIGH"]]);
    expect(answers.map((r) => r.body.backorder.id)).toEqual([made[0]!.id, made[0]!.id, made[0]!.id]);
    expect(answers[0]!.body.mo).toMatchObject({ state: "DONE", producedQty: 4, scrapQty: 1 });
    expect(await db().manufacturingOrder.count()).toBe(mosBefore + 1);
    // The stock was booked once, when the last WO completed.
    expect(await ledger(mo.id)).toEqual(["MO_CONSUMPTION screws -100", "MO_CONSUMPTION steel -10", "MO_OUTPUT table 4"]);
    // Fully produced: nothing to plan.
    const { mo: full, a: fa, b: fb } = await assignedMo(2);
    await startAndComplete(fa);
    await startAndComplete(fb);
    expect((await manager.post<{ backorder: Mo | null }>(`/api/mos/${full.id}/complete`, { backorder: true })).body.backorder).toBeNull();
  });

  test("double tap and parallel requests make exactly one backorder, and each answer names it", async () => {
    for (let round = 0; round < 5; round++) {
      const { mo } = await assignedMo(4);
      const mosBefore = await db().manufacturingOrder.count();
      const answers = await Promise.all(Array.from({ length: 4 }, () => manager.post<{ mo: Mo; backorder: Mo }>(`/api/mos/${mo.id}/complete`, { producedQty: 1, backorder: true })));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const made = await db().manufacturingOrder.findMany({ where: { backorderOfId: mo.id } });
      expect(made.map((m) => m.quantity.toNumber())).toEqual([3]);
      expect(new Set(answers.map((r) => r.body.backorder.id))).toEqual(new Set([made[0]!.id]));
      expect(await db().manufacturingOrder.count()).toBe(mosBefore + 1);
      expect(await ledger(mo.id)).toEqual(["MO_CONSUMPTION screws -20", "MO_CONSUMPTION steel -2", "MO_OUTPUT table 1"]);
    }
  }, 300_000);
});

describe("concurrency", () => {
  const rounds = process.env.TEST_DATABASE_URL ? 50 : 8;

  test(`two people completing the last two WOs at once with different good/scrap: one consumption set, correct totals (${rounds} rounds)`, async () => {
    const steel = (await db().stockLevel.findUniqueOrThrow({ where: { productId: ids.steel } })).onHand.toNumber();
    for (let round = 0; round < rounds; round++) {
      const { mo, a, b } = await assignedMo(5);
      // b goes to the manager: one running WO per person.
      expect((await manager.patch(`/api/workorders/${b.id}`, { assignedToId: ids.manager })).status).toBe(200);
      expect((await operator.post(`/api/workorders/${a.id}/start`)).status).toBe(200);
      expect((await manager.post(`/api/workorders/${b.id}/start`)).status).toBe(200);
      // Valid in either order: b receives 5 (a not yet done) or 4 (a's good).
      const [ra, rb] = await Promise.all([complete(a, { goodQty: 4, scrapQty: 1, scrapReason: "QUALITY" }), complete(b, { goodQty: 3, scrapQty: 1, scrapReason: "DAMAGED" }, manager)]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      const row = await db().manufacturingOrder.findUniqueOrThrow({ where: { id: mo.id } });
      expect({ state: row.state, produced: row.producedQty?.toNumber(), scrap: row.scrapQty?.toNumber() }).toEqual({ state: "DONE", produced: 3, scrap: 2 });
      expect(await ledger(mo.id)).toEqual(["MO_CONSUMPTION screws -100", "MO_CONSUMPTION steel -10", "MO_OUTPUT table 3"]);
    }
    expect((await db().stockLevel.findUniqueOrThrow({ where: { productId: ids.steel } })).onHand.toNumber()).toBe(steel - 10 * rounds);
    await assertLedgerInvariant(db());
  }, 600_000);
});

describe("a transition's answer", () => {
  // wo-transitions.ts itemOf reads the WO in one statement; the lists read it through Prisma
  // (woItemSelect) and quantities.ts reachedOf. Both must give the same item for every state.
  test("equals the Prisma read with reachedOf (and reachedAt agrees), for every work order in the database", async () => {
    // States this file's other tests may not leave: a pause after a scrapping operation, no assignee or work center.
    const { a, b } = await assignedMo(6);
    expect((await operator.post(`/api/workorders/${a.id}/start`)).status).toBe(200);
    expect((await complete(a, { goodQty: 5, scrapQty: 1, scrapReason: "QUALITY" })).status).toBe(200);
    expect((await operator.post(`/api/workorders/${b.id}/start`)).status).toBe(200);
    expect((await operator.post(`/api/workorders/${b.id}/pause`, { reason: "BREAK" })).status).toBe(200);
    const loose = await manager.post<Mo>("/api/mos", { name: "Unassigned", productId: ids.table, quantity: 2 });
    expect(loose.status).toBe(201);
    await db().workOrder.update({ where: { id: loose.body.workOrders[0]!.id }, data: { workCenterId: null, assignedToId: null } });
    const running = loose.body.workOrders[1]!;
    expect((await manager.patch(`/api/workorders/${running.id}`, { assignedToId: ids.manager })).status).toBe(200);
    expect((await manager.post(`/api/workorders/${running.id}/start`)).status).toBe(200);

    const wos = await db().workOrder.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    expect(wos.length).toBeGreaterThan(20);
    const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
    const seen = new Set<string>();
    await db().$transaction(async (tx) => {
      for (const { id } of wos) {
        const one = await itemOf(tx, id);
        const [reference] = await withReached(tx, [toWoItem(await tx.workOrder.findUniqueOrThrow({ where: { id }, select: woItemSelect }))]);
        expect(json(one)).toEqual(json(reference));
        // REACHED_SQL, which a transition reads with its locked WO (the completion's check), agrees as well.
        expect((await reachedAt(tx, one)).toString()).toBe(reference!.reachedQty.toString());
        expect(one.startTime === null || one.startTime instanceof Date).toBe(true);
        seen.add(`${one.status}/${one.mo.state}/${one.assignee ? "a" : "-"}/${one.workCenter ? "c" : "-"}/${one.reachedQty.toString()}`);
      }
    }, { timeout: 120_000 });
    // The comparison covered what it claims: every WO state, open and done MOs, a missing assignee and work center, reached below the MO's quantity.
    const keys = [...seen].join(" ");
    for (const part of ["PENDING/", "STARTED/", "PAUSED/", "COMPLETED/", "/DONE/", "/IN_PROGRESS/", "/-/-/"]) expect(keys).toContain(part);
    expect([...seen].some((k) => k.startsWith("PAUSED/") && k.endsWith("/5"))).toBe(true);
  }, 300_000);
});
