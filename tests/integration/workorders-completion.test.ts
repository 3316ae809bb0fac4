// Completing the last open work order completes its MO in the same transaction: materials consumed
// and output booked exactly once, or — when stock is short — nothing changes at all.
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { withTx } from "@/lib/db/tx";
import { closeOpenLog, closeOpenLogAndSum, workedMinutes } from "@/lib/manufacturing/time-logs";
import { postStock } from "@/lib/stock/post";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client } from "../helpers/client";

let app: TestApp;
let manager: Client;
let operator: Client;
let ids: { table: string; steel: string; screws: string; operator: string; inventory: string };

const db = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
  operator = await app.as("OPERATOR");
  const bySku = Object.fromEntries((await db().product.findMany()).map((p) => [p.sku, p.id]));
  const byEmail = Object.fromEntries((await db().user.findMany()).map((u) => [u.email, u.id]));
  ids = { table: bySku["TABLE-100"]!, steel: bySku["STEEL-01"]!, screws: bySku["SCR-01"]!, operator: byEmail["operator@demo.com"]!, inventory: byEmail["inventory@demo.com"]! };
});
afterAll(async () => {
  await app.close();
});

interface Wo {
  id: string;
  code: string;
  status: string;
  mo: { id: string; state: string };
}
interface Mo {
  id: string;
  state: string;
  workOrders: Wo[];
}

/** An MO of `quantity` tables whose two operation WOs are assigned to the demo operator. */
async function assignedMo(quantity: number): Promise<{ mo: Mo; a: Wo; b: Wo }> {
  const res = await manager.post<Mo>("/api/mos", { name: `Completion ${quantity}`, productId: ids.table, quantity });
  expect(res.status).toBe(201);
  const [a, b] = res.body.workOrders as [Wo, Wo];
  for (const wo of [a, b]) expect((await manager.patch(`/api/workorders/${wo.id}`, { assignedToId: ids.operator })).status).toBe(200);
  return { mo: res.body, a, b };
}

async function act(wo: Wo, action: string, who: Client = operator): Promise<ApiResponse<Wo>> {
  return who.post<Wo>(`/api/workorders/${wo.id}/${action}`);
}

async function ledger(moId: string) {
  const rows = await db().stockEntry.findMany({ where: { sourceId: moId }, orderBy: [{ sourceType: "asc" }, { productId: "asc" }] });
  return rows.map((r) => `${r.sourceType} ${r.productId === ids.steel ? "steel" : r.productId === ids.screws ? "screws" : r.productId === ids.table ? "table" : r.productId} ${r.change.toString()}`);
}

async function onHand(productId: string) {
  return (await db().stockLevel.findUniqueOrThrow({ where: { productId } })).onHand.toNumber();
}

test("completing the last open WO completes the MO: snapshot × quantity consumed, quantity produced, exactly once", async () => {
  const { mo, a, b } = await assignedMo(3);
  const before = { steel: await onHand(ids.steel), screws: await onHand(ids.screws), table: await onHand(ids.table) };
  expect((await act(a, "start")).status).toBe(200);
  expect((await act(a, "complete")).body.mo.state).toBe("IN_PROGRESS"); // b is still open
  expect(await ledger(mo.id)).toEqual([]);
  expect((await act(b, "start")).status).toBe(200);
  expect((await act(b, "pause")).status).toBe(200);
  const done = await act(b, "complete"); // from PAUSED
  expect(done.status).toBe(200);
  expect(done.body).toMatchObject({ status: "COMPLETED", mo: { id: mo.id, state: "DONE" } });

  const row = await db().manufacturingOrder.findUniqueOrThrow({ where: { id: mo.id } });
  expect({ state: row.state, producedQty: row.producedQty?.toNumber(), completed: row.completedAt !== null }).toEqual({ state: "DONE", producedQty: 3, completed: true });
  expect((await ledger(mo.id)).sort()).toEqual(["MO_CONSUMPTION screws -60", "MO_CONSUMPTION steel -6", "MO_OUTPUT table 3"]);
  expect({ steel: await onHand(ids.steel), screws: await onHand(ids.screws), table: await onHand(ids.table) }).toEqual({
    steel: before.steel - 6,
    screws: before.screws - 60,
    table: before.table + 3,
  });
  const completion = await db().auditLog.findFirstOrThrow({ where: { entityId: mo.id, action: "mo.complete" } });
  expect(completion.payload).toMatchObject({ via: "last work order", workOrder: b.code, producedQty: "3" });

  // A tablet retrying the request, and a manager completing the MO by hand, post nothing more.
  const audits = await db().auditLog.count();
  expect((await act(b, "complete")).status).toBe(200);
  expect((await manager.post(`/api/mos/${mo.id}/complete`)).status).toBe(200);
  expect(await ledger(mo.id)).toHaveLength(3);
  expect(await db().auditLog.count()).toBe(audits);
});

test("a shortage on the last WO's completion refuses everything (409 listing each short product) and tells inventory", async () => {
  const { mo, a, b } = await assignedMo(60); // needs 120 steel and 1200 screws
  expect((await act(a, "start")).status).toBe(200);
  expect((await act(a, "complete")).status).toBe(200);
  expect((await act(b, "start")).status).toBe(200);
  const openLog = await db().workOrderTimeLog.findFirstOrThrow({ where: { workOrderId: b.id, endedAt: null } });

  const state = async () => ({
    wo: await db().workOrder.findUniqueOrThrow({ where: { id: b.id } }),
    mo: await db().manufacturingOrder.findUniqueOrThrow({ where: { id: mo.id } }),
    logs: await db().workOrderTimeLog.findMany({ where: { workOrderId: b.id }, orderBy: { id: "asc" } }),
    audits: await db().auditLog.count(),
    entries: await db().stockEntry.count(),
    levels: await db().stockLevel.findMany({ orderBy: { productId: "asc" } }),
  });
  const before = await state();
  const shortageNotes = await db().notification.count({ where: { userId: ids.inventory, type: "stock.shortage" } });

  const res = await act(b, "complete");
  expect(res.status).toBe(409);
  const err = (res.body as unknown as { error: { code: string; message: string; details: { shortages: { productId: string; shortBy: number; required: number }[] } } }).error;
  expect(err.code).toBe("INSUFFICIENT_STOCK");
  const steel = await onHand(ids.steel);
  const screws = await onHand(ids.screws);
  expect(err.details.shortages.map((s) => [s.productId, s.required, s.shortBy]).sort()).toEqual(
    [
      [ids.steel, 120, 120 - steel],
      [ids.screws, 1200, 1200 - screws],
    ].sort(),
  );
  const after = await state();
  expect(after).toEqual(before); // WO still STARTED, its log still open, MO IN_PROGRESS, no ledger rows, no audit
  expect(after.wo.status).toBe("STARTED");
  expect(after.mo.state).toBe("IN_PROGRESS");
  expect(after.logs.find((l) => l.id === openLog.id)?.endedAt).toBeNull();
  expect(await db().notification.count({ where: { userId: ids.inventory, type: "stock.shortage" } })).toBe(shortageNotes + 1);

  // Once the stock is there, the same request succeeds.
  await withTx((tx) =>
    postStock(tx, {
      lines: [
        { productId: ids.steel, change: 200 },
        { productId: ids.screws, change: 2000 },
      ],
      sourceType: "RECEIPT",
      note: "test delivery",
    }),
  );
  const retry = await act(b, "complete");
  expect(retry.body).toMatchObject({ status: "COMPLETED", mo: { state: "DONE" } });
  expect((await ledger(mo.id)).sort()).toEqual(["MO_CONSUMPTION screws -1200", "MO_CONSUMPTION steel -120", "MO_OUTPUT table 60"]);
});

test("closing the open time log and summing the worked minutes in one statement equals the two steps it replaced", async () => {
  // lib/manufacturing/time-logs.ts closeOpenLogAndSum (a STARTED WO's completion) against closeOpenLog + workedMinutes.
  const { a } = await assignedMo(1);
  const base = Date.UTC(2026, 0, 5, 8, 0, 0, 0);
  // Closed logs of odd lengths (a millisecond, one ending before it starts: counted as 0), then the open one.
  const closed: [number, number][] = [
    [0, 61_234],
    [70_000, 70_001],
    [100_000, 99_000],
    [200_000, 3_600_007],
  ];
  await db().workOrderTimeLog.createMany({ data: closed.map(([s, e]) => ({ workOrderId: a.id, userId: ids.operator, startedAt: new Date(base + s), endedAt: new Date(base + e) })) });
  await db().workOrderTimeLog.create({ data: { workOrderId: a.id, userId: ids.operator, startedAt: new Date(base + 4_000_000) } });
  const at = new Date(base + 4_000_000 + 123_457);
  const expected = new Prisma.Decimal(closed.reduce((sum, [s, e]) => sum + Math.max(0, e - s), 123_457)).div(60_000).toDecimalPlaces(4);

  const rollback = new Error("rolled back on purpose");
  const inRolledBackTx = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    let out: T | undefined;
    await db()
      .$transaction(async (tx) => {
        out = await fn(tx);
        throw rollback;
      })
      .catch((err: unknown) => {
        if (err !== rollback) throw err;
      });
    return out!;
  };
  const twoSteps = await inRolledBackTx(async (tx) => {
    await closeOpenLog(tx, a.id, at);
    return workedMinutes(tx, a.id);
  });
  expect(twoSteps.toString()).toBe(expected.toString());
  expect(await db().workOrderTimeLog.count({ where: { workOrderId: a.id, endedAt: null } })).toBe(1); // rolled back

  const oneStatement = await db().$transaction((tx) => closeOpenLogAndSum(tx, a.id, at));
  expect(oneStatement.toString()).toBe(expected.toString());
  const open = await db().workOrderTimeLog.findMany({ where: { workOrderId: a.id, startedAt: new Date(base + 4_000_000) } });
  expect(open.map((l) => l.endedAt?.toISOString())).toEqual([at.toISOString()]);
  // Nothing open any more: the closed logs alone, the same sum.
  expect((await db().$transaction((tx) => closeOpenLogAndSum(tx, a.id, new Date(base + 9_000_000)))).toString()).toBe(expected.toString());
  await db().workOrderTimeLog.deleteMany({ where: { workOrderId: a.id } });
});
