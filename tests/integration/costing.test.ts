// Cost from the ledger (issue 12 item 6, docs/domain.md "Valuation"): receipts with a unit cost move
// the moving average, outbound rows are valued at it, an MO's output enters stock at what the order
// really cost (materials at their average when consumed + labour), so a parent's cost holds what its
// sub-assembly orders cost; the costs report and the levels carry these values; and after a
// randomized run in parallel every row's value and every average equal a recomputation over the
// ledger written here in plain TypeScript. app.close() checks level value = Σ entry value.
import { parse } from "csv-parse/sync";
import { Prisma } from "@/lib/db/generated/client";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client, ErrorBody } from "../helpers/client";
import { ledgerViolations } from "../helpers/ledger";

const D = (v: string | number | Prisma.Decimal) => new Prisma.Decimal(v);
const MIN = 60_000;

let app: TestApp;
let manager: Client;
let inventory: Client;
let welding: string; // 45 per hour in the demo data
let operatorId: string;

beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
  inventory = await app.as("INVENTORY");
  const p = db();
  welding = (await p.workCenter.findUniqueOrThrow({ where: { name: "Welding" } })).id;
  operatorId = (await p.user.findUniqueOrThrow({ where: { email: "operator@demo.com" } })).id;
  expect((await p.workCenter.findUniqueOrThrow({ where: { id: welding } })).costPerHour.toNumber()).toBe(45);
}, 120_000);
afterAll(async () => {
  await app.close();
});

const db = () => app.db.handle.prisma;

async function product(sku: string, uom = "pcs", isFinished = false): Promise<string> {
  const res = await manager.post<{ id: string }>("/api/products", { sku, name: sku, uom, isFinished });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function receive(productId: string, quantity: number, unitCost?: number, reference?: string): Promise<number> {
  const res = await inventory.post("/api/stock/receipts", { productId, quantity, ...(unitCost === undefined ? {} : { unitCost }), ...(reference ? { reference } : {}) });
  return res.status;
}

async function adjust(productId: string, change: number): Promise<number> {
  return (await inventory.post("/api/stock/manual", { productId, change, note: "costing test" })).status;
}

async function state(productId: string) {
  const p = await db().product.findUniqueOrThrow({ where: { id: productId }, include: { stockLevel: true } });
  return { unitCost: p.unitCost?.toNumber() ?? null, onHand: p.stockLevel!.onHand.toNumber(), value: p.stockLevel!.value.toNumber() };
}

async function rows(productId: string) {
  const entries = await db().stockEntry.findMany({ where: { productId }, orderBy: { id: "asc" } });
  return entries.map((e) => [e.sourceType, e.change.toNumber(), e.unitCost.toNumber(), e.value.toNumber()]);
}

test("receipts at different costs give the exact moving average; outbound rows and uncosted inbound are valued at it", async () => {
  const a = await product("COST-A", "kg");
  expect(await receive(a, 10, 4)).toBe(201);
  expect(await state(a)).toEqual({ unitCost: 4, onHand: 10, value: 40 });
  expect(await receive(a, 30, 6)).toBe(201); // (40 + 180) / 40
  expect(await state(a)).toEqual({ unitCost: 5.5, onHand: 40, value: 220 });
  expect(await adjust(a, -8)).toBe(201); // out at the average; the average stays
  expect(await receive(a, 8)).toBe(201); // no cost: in at the average
  expect(await state(a)).toEqual({ unitCost: 5.5, onHand: 40, value: 220 });
  expect(await receive(a, 3, 1)).toBe(201); // (220 + 3) / 43 = 5.18604… → 5.1860
  expect(await state(a)).toEqual({ unitCost: 5.186, onHand: 43, value: 223 });
  expect(await adjust(a, -42.5)).toBe(201); // 42.5 × 5.186 = 220.405
  expect(await adjust(a, -0.5)).toBe(201); // empties the stock: takes what value is left (2.595, not 2.593)
  expect(await state(a)).toEqual({ unitCost: 5.186, onHand: 0, value: 0 });
  expect(await receive(a, 5, 7)).toBe(201); // from zero stock the average is the new cost
  expect(await state(a)).toEqual({ unitCost: 7, onHand: 5, value: 35 });
  expect(await rows(a)).toEqual([
    ["RECEIPT", 10, 4, 40],
    ["RECEIPT", 30, 6, 180],
    ["MANUAL", -8, 5.5, -44],
    ["RECEIPT", 8, 5.5, 44],
    ["RECEIPT", 3, 1, 3],
    ["MANUAL", -42.5, 5.186, -220.405],
    ["MANUAL", -0.5, 5.186, -2.595],
    ["RECEIPT", 5, 7, 35],
  ]);
  // The API shows the level's value.
  const levels = await inventory.get<{ items: { sku: string; unitCost: number; value: number }[] }>("/api/stock?q=COST-A");
  expect(levels.body.items).toEqual([expect.objectContaining({ sku: "COST-A", unitCost: 7, value: 35 })]);
  expect(await ledgerViolations(db())).toEqual([]);
});

test("a bad unitCost on a receipt is refused with 400 and writes nothing", async () => {
  const b = await product("COST-B");
  expect(await receive(b, 2, 3)).toBe(201);
  const before = { entries: await db().stockEntry.count(), state: await state(b), audits: await db().auditLog.count() };
  for (const unitCost of [-1, "5", 1.00001, 1e15, null]) {
    const res = await inventory.post<ErrorBody>("/api/stock/receipts", { productId: b, quantity: 1, unitCost });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(res.body.error)).toContain("unitCost");
  }
  expect({ entries: await db().stockEntry.count(), state: await state(b), audits: await db().auditLog.count() }).toEqual(before);
  // Free goods are a cost of 0, not an error.
  expect(await receive(b, 2, 0)).toBe(201);
  expect(await state(b)).toEqual({ unitCost: 1.5, onHand: 4, value: 6 });
});

interface CostRow {
  orderNo: string;
  producedQty: string;
  actualMaterialCost: string;
  laborCost: string;
  totalCost: string;
  costPerUnit: string;
}

describe("MO output at its actual cost, rolled up through a sub-assembly", () => {
  let raw: string;
  let part: string;
  let sub: string;
  let top: string;
  const orders: Record<string, { id: string; orderNo: string }> = {};

  /** Creates an MO, books `minutes` of closed time on its first WO, completes it by hand. */
  async function make(key: string, productId: string, quantity: number, minutes: number, done: { producedQty: number; scrapQty?: number }) {
    const created = await manager.post<{ id: string; orderNo: string }>("/api/mos", { name: `Costing ${key}`, productId, quantity });
    expect(created.status).toBe(201);
    const mo = created.body;
    orders[key] = mo;
    const wo = await db().workOrder.findFirstOrThrow({ where: { moId: mo.id }, orderBy: { sequence: "asc" } });
    const start = Date.now() - 3 * 60 * MIN;
    await db().workOrderTimeLog.create({ data: { workOrderId: wo.id, userId: operatorId, startedAt: new Date(start), endedAt: new Date(start + minutes * MIN) } });
    const res = await manager.post(`/api/mos/${mo.id}/complete`, done);
    expect(res.status).toBe(200);
    return mo;
  }

  const output = async (moId: string) => db().stockEntry.findMany({ where: { sourceType: "MO_OUTPUT", sourceId: moId } });

  beforeAll(async () => {
    raw = await product("COST-RAW");
    part = await product("COST-PART");
    sub = await product("COST-SUB");
    top = await product("COST-TOP", "pcs", true);
    const bom = async (productId: string, components: [string, number][]) =>
      expect(
        (
          await manager.put(`/api/products/${productId}/bom`, {
            components: components.map(([materialId, qtyPerUnit]) => ({ materialId, qtyPerUnit })),
            operations: [{ title: "Work", workCenterId: welding, minutesPerUnit: 10 }],
          })
        ).status,
      ).toBe(200);
    await bom(sub, [[raw, 2]]);
    await bom(top, [[sub, 1], [part, 3]]);
    expect(await receive(raw, 100, 2.5)).toBe(201);
    expect(await receive(part, 100, 1)).toBe(201);
    // A stale standard cost on the sub-assembly: its orders' real cost replaces it (from zero stock).
    await manager.patch(`/api/products/${sub}`, { unitCost: 99 });
  });

  test("the output row's value is materials + labour; Product.unitCost becomes that cost per unit", async () => {
    // 4 subs: materials 8 × 2.5 = 20, labour 60 min × 45/h = 45 → 65, i.e. 16.25 each.
    const mo = await make("sub", sub, 4, 60, { producedQty: 4 });
    const out = await output(mo.id);
    expect(out.map((e) => [e.change.toNumber(), e.unitCost.toNumber(), e.value.toNumber()])).toEqual([[4, 16.25, 65]]);
    const consumed = await db().stockEntry.findMany({ where: { sourceType: "MO_CONSUMPTION", sourceId: mo.id } });
    expect(consumed.map((e) => [e.productId, e.change.toNumber(), e.unitCost.toNumber(), e.value.toNumber()])).toEqual([[raw, -8, 2.5, -20]]);
    expect(await state(sub)).toEqual({ unitCost: 16.25, onHand: 4, value: 65 });
  });

  test("a parent consumes its sub-assembly at what the child order really cost", async () => {
    // 2 tops: 2 subs × 16.25 + 6 parts × 1 = 38.5 materials, 30 min × 45/h = 22.5 labour → 61, 30.5 each.
    const mo = await make("top", top, 2, 30, { producedQty: 2 });
    const consumed = await db().stockEntry.findMany({ where: { sourceType: "MO_CONSUMPTION", sourceId: mo.id }, orderBy: { productId: "asc" } });
    expect(new Map(consumed.map((e) => [e.productId, [e.change.toNumber(), e.unitCost.toNumber(), e.value.toNumber()]]))).toEqual(
      new Map([
        [sub, [-2, 16.25, -32.5]],
        [part, [-6, 1, -6]],
      ]),
    );
    expect((await output(mo.id)).map((e) => [e.change.toNumber(), e.unitCost.toNumber(), e.value.toNumber()])).toEqual([[2, 30.5, 61]]);
    expect(await state(top)).toEqual({ unitCost: 30.5, onHand: 2, value: 61 });
    expect(await state(sub)).toEqual({ unitCost: 16.25, onHand: 2, value: 32.5 });
  });

  test("everything scrapped: no output row, the material value is a loss in the report", async () => {
    // 0 good, 1 scrapped: 2 raw × 2.5 = 5 consumed, 20 min × 45/h = 15 labour.
    const mo = await make("scrapped", sub, 1, 20, { producedQty: 0, scrapQty: 1 });
    expect(await output(mo.id)).toEqual([]);
    expect(await state(sub)).toEqual({ unitCost: 16.25, onHand: 2, value: 32.5 });
  });

  test("the costs report: material from the consumption rows, labour, total, per unit; the Total row sums money only", async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const res = await fetch(`${app.url}/api/reports/export?report=costs&format=csv&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { headers: { cookie: manager.cookieHeader() } });
    expect(res.status).toBe(200);
    const all = parse(await res.text(), { bom: true, columns: true, skip_empty_lines: true }) as CostRow[];
    const pick = (orderNo: string) => {
      const r = all.find((x) => x.orderNo === orderNo)!;
      return [r.producedQty, r.actualMaterialCost, r.laborCost, r.totalCost, r.costPerUnit];
    };
    expect(pick(orders.sub!.orderNo)).toEqual(["4", "20", "45", "65", "16.25"]);
    expect(pick(orders.top!.orderNo)).toEqual(["2", "38.5", "22.5", "61", "30.5"]); // 32.5 of it is the child order's real cost
    expect(pick(orders.scrapped!.orderNo)).toEqual(["0", "5", "15", "20", ""]);
    const total = all[all.length - 1]!;
    expect(total.orderNo).toBe("Total");
    const sum = (k: keyof CostRow) => all.slice(0, -1).reduce((s, r) => s.plus(r[k] || 0), D(0)).toNumber();
    expect([total.actualMaterialCost, total.laborCost, total.totalCost].map(Number)).toEqual([sum("actualMaterialCost"), sum("laborCost"), sum("totalCost")]);
    // Quantities and per-unit costs of different products are not added up.
    expect([total.producedQty, total.costPerUnit]).toEqual(["", ""]);
  });

  test("a new cost per hour reprices the labour of orders still running, not of finished ones: they keep what their output was valued with", async () => {
    // The finished sub order stored its labour when it completed: 60 min at 45/h.
    const stored = await db().manufacturingOrder.findUniqueOrThrow({ where: { id: orders.sub!.id }, select: { laborMinutes: true, laborCost: true } });
    expect([stored.laborMinutes?.toNumber(), stored.laborCost?.toNumber()]).toEqual([60, 45]);
    // A running order (not DONE): 30 closed minutes on its first WO, nothing stored yet.
    const created = await manager.post<{ id: string; orderNo: string }>("/api/mos", { name: "Costing running", productId: sub, quantity: 1 });
    expect(created.status).toBe(201);
    const wo = await db().workOrder.findFirstOrThrow({ where: { moId: created.body.id }, orderBy: { sequence: "asc" } });
    const start = Date.now() - 2 * 60 * MIN;
    await db().workOrderTimeLog.create({ data: { workOrderId: wo.id, userId: operatorId, startedAt: new Date(start), endedAt: new Date(start + 30 * MIN) } });
    expect((await db().manufacturingOrder.findUniqueOrThrow({ where: { id: created.body.id } })).laborCost).toBeNull();

    const report = async () => {
      const from = new Date(Date.now() - 86_400_000).toISOString();
      const to = new Date(Date.now() + 86_400_000).toISOString();
      const res = await fetch(`${app.url}/api/reports/export?report=costs&format=csv&state=ALL&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, {
        headers: { cookie: manager.cookieHeader() },
      });
      expect(res.status).toBe(200);
      const all = parse(await res.text(), { bom: true, columns: true, skip_empty_lines: true }) as (CostRow & { laborMinutes: string })[];
      const pick = (orderNo: string) => {
        const r = all.find((x) => x.orderNo === orderNo)!;
        return [r.laborMinutes, r.laborCost];
      };
      return { sub: pick(orders.sub!.orderNo), running: pick(created.body.orderNo) };
    };
    expect(await report()).toEqual({ sub: ["60", "45"], running: ["30", "22.5"] });
    expect((await manager.patch(`/api/workcenters/${welding}`, { costPerHour: 90 })).status).toBe(200);
    try {
      // The finished order: still the 45 its output entered stock with (65 = 20 materials + 45 labour).
      expect(await report()).toEqual({ sub: ["60", "45"], running: ["30", "45"] });
      const out = await output(orders.sub!.id);
      expect(out.map((e) => e.value.toNumber())).toEqual([65]);
    } finally {
      expect((await manager.patch(`/api/workcenters/${welding}`, { costPerHour: 45 })).status).toBe(200);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// The reference: the moving average recomputed over the ledger, in plain TypeScript (decimal.js for
// exact decimals), independent of lib/stock/valuation.ts. Rules (docs/domain.md "Valuation"):
// inbound with a cost → row at that cost; average = (value + row) / on hand after when there was stock,
// else the cost; everything else → row at the average, which stays; a row that leaves zero on hand
// takes the remaining value. Amounts rounded to 4 decimals half up.

interface RefState {
  onHand: Prisma.Decimal;
  value: Prisma.Decimal;
  avg: Prisma.Decimal | null;
}
interface RefRow {
  id: bigint;
  unitCost: Prisma.Decimal;
  value: Prisma.Decimal;
}

const r4 = (d: Prisma.Decimal) => d.toDecimalPlaces(4, Prisma.Decimal.ROUND_HALF_UP);

function recompute(
  entries: { id: bigint; productId: string; change: Prisma.Decimal; sourceType: string; sourceId: string | null }[],
  receiptCost: Map<string, number>,
): { rows: Map<bigint, RefRow>; states: Map<string, RefState> } {
  const states = new Map<string, RefState>();
  const rows = new Map<bigint, RefRow>();
  const consumedByMo = new Map<string, Prisma.Decimal>();
  for (const e of [...entries].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const s = states.get(e.productId) ?? { onHand: D(0), value: D(0), avg: null };
    let cost: Prisma.Decimal | null = null;
    if (e.change.isPositive() && e.sourceType === "RECEIPT" && e.sourceId && receiptCost.has(e.sourceId)) cost = D(receiptCost.get(e.sourceId)!);
    if (e.change.isPositive() && e.sourceType === "MO_OUTPUT") cost = (consumedByMo.get(e.sourceId!) ?? D(0)).div(e.change); // no labour in this run
    const after = s.onHand.plus(e.change);
    let unitCost: Prisma.Decimal;
    let value: Prisma.Decimal;
    if (cost) {
      unitCost = r4(cost);
      value = r4(e.change.times(unitCost));
      s.avg = s.onHand.greaterThan(0) && !s.value.plus(value).isNegative() ? r4(s.value.plus(value).div(after)) : unitCost;
    } else {
      unitCost = s.avg ?? D(0);
      value = r4(e.change.times(unitCost));
    }
    if (after.isZero()) value = s.value.negated();
    s.onHand = after;
    s.value = s.value.plus(value);
    states.set(e.productId, s);
    rows.set(e.id, { id: e.id, unitCost, value });
    if (e.sourceType === "MO_CONSUMPTION") consumedByMo.set(e.sourceId!, (consumedByMo.get(e.sourceId!) ?? D(0)).minus(value));
  }
  return { rows, states };
}

test("a randomized mixed run in parallel: every row's value and every average equal a recomputation over the ledger", async () => {
  const x = await product("RND-X", "kg");
  const y = await product("RND-Y", "kg");
  const kit = await product("RND-KIT", "pcs", true);
  expect((await manager.put(`/api/products/${kit}/bom`, { components: [{ materialId: x, qtyPerUnit: 1.5 }, { materialId: y, qtyPerUnit: 0.3333 }], operations: [] })).status).toBe(200);
  const ids = [x, y, kit];

  // A seeded generator: the same run every time, different products and amounts per step.
  let seed = 12_345;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const pickOf = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const money = () => Math.round(rnd() * 100_000) / 10_000; // 0..10, 4 decimals
  const receiptCost = new Map<string, number>();
  let n = 0;

  const step = async (): Promise<number[]> => {
    const kind = rnd();
    const productId = pickOf(ids);
    const qty = productId === kit ? 1 + Math.floor(rnd() * 3) : Math.round((0.5 + rnd() * 20) * 1000) / 1000;
    if (kind < 0.4) {
      const ref = `RND-${++n}`;
      const cost = money();
      receiptCost.set(ref, cost);
      return [await receive(productId, qty, cost, ref)];
    }
    if (kind < 0.5) return [await receive(productId, qty, undefined, `RND-${++n}`)]; // uncosted: in at the average
    if (kind < 0.7) return [await adjust(productId, rnd() < 0.35 ? qty : -qty)];
    const mo = await manager.post<{ id: string }>("/api/mos", { name: "Random kit", productId: kit, quantity: 1 + Math.floor(rnd() * 3) });
    if (mo.status !== 201) return [mo.status];
    return [mo.status, (await manager.post(`/api/mos/${mo.body.id}/complete`, {})).status];
  };
  const statuses: number[] = [];
  for (let round = 0; round < 6; round++) {
    const results = await Promise.all(Array.from({ length: 12 }, step));
    statuses.push(...results.flat());
  }
  // Taking more than is on hand is refused (409); nothing else may fail.
  expect(statuses.filter((s) => s !== 200 && s !== 201 && s !== 409)).toEqual([]);
  expect(statuses.filter((s) => s === 409).length).toBeLessThan(statuses.length / 2);

  const entries = await db().stockEntry.findMany({ where: { productId: { in: ids } }, orderBy: { id: "asc" } });
  expect(entries.filter((e) => e.sourceType === "MO_OUTPUT").length).toBeGreaterThan(0);
  const ref = recompute(entries, receiptCost);
  const mismatches = entries
    .map((e) => ({ e, r: ref.rows.get(e.id)! }))
    .filter(({ e, r }) => !e.unitCost.equals(r.unitCost) || !e.value.equals(r.value))
    .map(({ e, r }) => `${e.id} ${e.sourceType} ${e.change}: db ${e.unitCost} / ${e.value}, reference ${r.unitCost} / ${r.value}`);
  expect(mismatches).toEqual([]);
  for (const id of ids) {
    const s = ref.states.get(id)!;
    const p = await db().product.findUniqueOrThrow({ where: { id }, include: { stockLevel: true } });
    expect([p.unitCost?.toString() ?? null, p.stockLevel!.onHand.toString(), p.stockLevel!.value.toString()]).toEqual([s.avg?.toString() ?? null, s.onHand.toString(), s.value.toString()]);
  }
  expect(await ledgerViolations(db())).toEqual([]);
}, 240_000);
