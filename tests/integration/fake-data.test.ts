// The generated history (lib/demo/history.ts, `npm run db:fake`, the demo's first start) keeps every
// invariant the app relies on: the stock ledger and its valuation, the MO and WO states with their
// timestamps and quantities, time logs and pauses, backorders and child orders, the requirements the
// trigger keeps, the stored material status. With it, the manager's dashboard shows real figures.
// The demo's first start with and without SEED_DEMO_HISTORY is at the end.
process.env.SEED_DEMO = "true"; // only initDatabase reads it (the last tests); the others seed explicitly

import { loadHistory, HISTORY_MARKER_SKU } from "@/lib/demo/history";
import { DEMO_MO_NAME } from "@/lib/demo/seed";
import { initDatabase } from "@/lib/db/init";
import { Prisma } from "@/lib/db/generated/client";
import { labourSql } from "@/lib/manufacturing/mo-cost";
import type { Kpis } from "@/lib/reports/kpis";
import { startTestApp, type TestApp } from "../helpers/app";
import { createTestDb } from "../helpers/db";
import { ledgerViolations } from "../helpers/ledger";

let app: TestApp;
const NOW = new Date();

beforeAll(async () => {
  app = await startTestApp();
  const r = await loadHistory({ scale: "shop", months: 1, now: NOW, timeZone: "Europe/Amsterdam" });
  expect(r.counts.ManufacturingOrder).toBeGreaterThan(250);
}, 120_000);
afterAll(async () => {
  await app?.close(); // checks the ledger invariant once more
});

/** Rows of a query that lists violations: the test expects none. */
async function none(sql: string): Promise<void> {
  const rows = await app.db.handle.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  expect(rows.slice(0, 5)).toEqual([]);
}

async function count(sql: string): Promise<number> {
  const [row] = await app.db.handle.prisma.$queryRawUnsafe<{ n: number }[]>(sql);
  return row!.n;
}

test("a second load into the same database is refused, nothing written", async () => {
  const before = await count(`SELECT count(*)::int AS n FROM "ManufacturingOrder"`);
  await expect(loadHistory({ scale: "shop", months: 1, timeZone: "UTC" })).rejects.toThrow(/generated history already/);
  expect(await count(`SELECT count(*)::int AS n FROM "ManufacturingOrder"`)).toBe(before);
});

test("the stock ledger: balance chain, levels, values (no negative balance, each level worth on hand × cost)", async () => {
  expect(await ledgerViolations(app.db.handle.prisma)).toEqual([]);
  await none(`SELECT "id" FROM "StockEntry" WHERE "balanceAfter" < 0`);
  await none(`SELECT l."productId" FROM "StockLevel" l JOIN "Product" p ON p."id" = l."productId"
              WHERE p."sku" LIKE 'RM-%' AND l."value" <> round(l."onHand" * p."unitCost", 4)`);
  await none(`SELECT e."id" FROM "StockEntry" e JOIN "Product" p ON p."id" = e."productId" WHERE p."sku" ~ '^(RM|SA|FG)-' AND e."unitCost" <> p."unitCost"`);
  // Every generated product has a level; every movement is dated inside the history.
  await none(`SELECT p."id" FROM "Product" p LEFT JOIN "StockLevel" l ON l."productId" = p."id" WHERE l."productId" IS NULL`);
  expect(await count(`SELECT count(*)::int AS n FROM "StockEntry" e JOIN "Product" p ON p."id" = e."productId"
                      WHERE p."sku" ~ '^(RM|SA|FG)-' AND e."createdAt" > '${NOW.toISOString()}'::timestamptz AT TIME ZONE 'UTC'`)).toBe(0);
  for (const t of ["INITIAL", "RECEIPT", "MO_CONSUMPTION", "MO_OUTPUT", "SCRAP"]) {
    expect(await count(`SELECT count(*)::int AS n FROM "StockEntry" WHERE "sourceType" = '${t}'`)).toBeGreaterThan(0);
  }
});

test("a DONE order consumed snapshot × (produced + scrap) and added producedQty, once", async () => {
  await none(`
    WITH need AS (
      SELECT m."id", line->>'materialId' AS pid, SUM((line->>'qtyPerUnit')::numeric * (m."producedQty" + m."scrapQty")) AS qty
      FROM "ManufacturingOrder" m, jsonb_array_elements(m."bomSnapshot") line WHERE m."state" = 'DONE' GROUP BY 1, 2
    ), got AS (
      SELECT "sourceId" AS id, "productId" AS pid, -SUM("change") AS qty FROM "StockEntry" WHERE "sourceType" = 'MO_CONSUMPTION' GROUP BY 1, 2
    )
    SELECT COALESCE(need.id, got.id) AS id FROM need FULL JOIN got ON got.id = need.id AND got.pid = need.pid
    WHERE need.qty IS DISTINCT FROM got.qty`);
  await none(`
    SELECT m."id" FROM "ManufacturingOrder" m
    LEFT JOIN (SELECT "sourceId", SUM("change") AS q, count(*) AS n FROM "StockEntry" WHERE "sourceType" = 'MO_OUTPUT' GROUP BY 1) o ON o."sourceId" = m."id"
    WHERE (m."state" = 'DONE' AND m."producedQty" > 0 AND (o.q IS DISTINCT FROM m."producedQty" OR o.n <> 1))
       OR (m."state" <> 'DONE' AND o."sourceId" IS NOT NULL)`);
});

test("orders: state, timestamps and quantities as the state machines make them", async () => {
  await none(`
    SELECT m."orderNo" FROM "ManufacturingOrder" m
    JOIN (SELECT "moId", count(*) AS n, count(*) FILTER (WHERE "status" = 'COMPLETED') AS done, count(*) FILTER (WHERE "status" = 'PENDING') AS pending,
                 MIN("startTime") AS first, MAX("endTime") AS last, SUM("scrapQty") AS scrap,
                 (array_agg("goodQty" ORDER BY "sequence" DESC))[1] AS final_good
          FROM "WorkOrder" GROUP BY 1) w ON w."moId" = m."id"
    WHERE CASE m."state"
      WHEN 'DONE' THEN NOT (w.done = w.n AND m."completedAt" = w.last AND m."startedAt" = w.first AND m."producedQty" = w.final_good AND m."scrapQty" = w.scrap AND m."canceledAt" IS NULL)
      WHEN 'IN_PROGRESS' THEN NOT (w.pending < w.n AND w.done < w.n AND m."startedAt" = w.first AND m."completedAt" IS NULL AND m."producedQty" IS NULL)
      WHEN 'PLANNED' THEN NOT (w.pending = w.n AND m."startedAt" IS NULL AND m."completedAt" IS NULL)
      ELSE NOT (w.pending = w.n AND m."canceledAt" IS NOT NULL AND m."completedAt" IS NULL) END
      OR m."createdAt" > COALESCE(m."startedAt", m."createdAt") OR m."createdAt" > now() AT TIME ZONE 'UTC'`);
  // Good + scrap of each completed operation = what reached it (the MO quantity, then the previous good).
  await none(`
    SELECT w."code" FROM "WorkOrder" w JOIN "ManufacturingOrder" m ON m."id" = w."moId"
    LEFT JOIN "WorkOrder" p ON p."moId" = w."moId" AND p."sequence" = w."sequence" - 1
    WHERE w."status" = 'COMPLETED' AND w."goodQty" + w."scrapQty" <> COALESCE(p."goodQty", m."quantity")`);
  // Stored material status: set exactly for the open orders; the requirements equal the open orders' snapshots.
  await none(`SELECT "orderNo" FROM "ManufacturingOrder" WHERE ("materialStatus" IS NULL) = ("state" IN ('PLANNED', 'IN_PROGRESS'))`);
  await none(`
    WITH want AS (
      SELECT m."id" AS mo, line->>'materialId' AS pid, SUM((line->>'qtyPerUnit')::numeric * m."quantity") AS req
      FROM "ManufacturingOrder" m, jsonb_array_elements(m."bomSnapshot") line WHERE m."state" IN ('PLANNED', 'IN_PROGRESS') GROUP BY 1, 2
    )
    SELECT COALESCE(want.mo, r."moId") AS mo FROM want FULL JOIN "MoRequirement" r ON r."moId" = want.mo AND r."productId" = want.pid
    WHERE want.req IS DISTINCT FROM r."required"`);
  for (const state of ["PLANNED", "IN_PROGRESS", "DONE", "CANCELED"]) {
    expect(await count(`SELECT count(*)::int AS n FROM "ManufacturingOrder" WHERE "state" = '${state}'`)).toBeGreaterThan(0);
  }
  // Some open orders are late (the dashboard's list).
  expect(await count(`SELECT count(*)::int AS n FROM "ManufacturingOrder" WHERE "state" IN ('PLANNED', 'IN_PROGRESS') AND "deadline" < now() AT TIME ZONE 'UTC'`)).toBeGreaterThan(0);
});

test("backorders plan the remainder of a short order; child orders carry the parent's priority and deadline", async () => {
  await none(`
    SELECT b."orderNo" FROM "ManufacturingOrder" b JOIN "ManufacturingOrder" o ON o."id" = b."backorderOfId"
    WHERE o."state" <> 'DONE' OR b."quantity" <> o."quantity" - o."producedQty" OR b."productId" <> o."productId" OR b."createdAt" < o."completedAt"`);
  await none(`
    SELECT c."orderNo" FROM "ManufacturingOrder" c JOIN "ManufacturingOrder" p ON p."id" = c."parentId"
    WHERE c."priority" <> p."priority" OR c."deadline" IS DISTINCT FROM p."deadline"
       OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p."bomSnapshot") l WHERE l->>'materialId' = c."productId")
       OR c."name" <> (SELECT "name" FROM "Product" WHERE "id" = c."productId") || ' for ' || p."orderNo"
       -- the start gate: a parent's work starts after its child is done
       OR (p."startedAt" IS NOT NULL AND (c."completedAt" IS NULL OR c."completedAt" > p."startedAt"))`);
  expect(await count(`SELECT count(*)::int AS n FROM "ManufacturingOrder" WHERE "backorderOfId" IS NOT NULL`)).toBeGreaterThan(0);
  expect(await count(`SELECT count(*)::int AS n FROM "ManufacturingOrder" WHERE "parentId" IS NOT NULL`)).toBeGreaterThan(0);
});

test("work orders: time logs, pauses, worked minutes, one running WO per operator", async () => {
  // durationMin of a completed WO = its closed logs; a running one has exactly one open log, a paused one one open pause.
  await none(`
    SELECT w."code" FROM "WorkOrder" w
    LEFT JOIN (SELECT "workOrderId", round(SUM(extract(epoch FROM "endedAt" - "startedAt") * 1000) / 60000, 4) AS mins,
                      count(*) FILTER (WHERE "endedAt" IS NULL) AS open, count(*) AS n, MIN("startedAt") AS first, MAX("endedAt") AS last
               FROM "WorkOrderTimeLog" GROUP BY 1) l ON l."workOrderId" = w."id"
    LEFT JOIN (SELECT "workOrderId", count(*) FILTER (WHERE "endedAt" IS NULL) AS open FROM "WorkOrderPause" GROUP BY 1) p ON p."workOrderId" = w."id"
    WHERE CASE w."status"
      WHEN 'COMPLETED' THEN NOT (w."durationMin" = l.mins AND l.open = 0 AND COALESCE(p.open, 0) = 0 AND w."endTime" = l.last AND w."startTime" = l.first)
      WHEN 'STARTED' THEN NOT (l.open = 1 AND COALESCE(p.open, 0) = 0 AND w."startTime" = l.first)
      WHEN 'PAUSED' THEN NOT (l.open = 0 AND p.open = 1 AND w."startTime" = l.first)
      ELSE l.n IS NOT NULL OR p.open IS NOT NULL OR w."startTime" IS NOT NULL END`);
  await none(`SELECT "assignedToId" FROM "WorkOrder" WHERE "status" = 'STARTED' GROUP BY 1 HAVING count(*) > 1`);
  // Every log carries its WO's work center (kept by the trigger, which the bulk insert fires too).
  await none(`SELECT l."id" FROM "WorkOrderTimeLog" l JOIN "WorkOrder" w ON w."id" = l."workOrderId" WHERE l."workCenterId" IS DISTINCT FROM w."workCenterId"`);
  expect(await count(`SELECT count(*)::int AS n FROM "WorkOrderTimeLog" WHERE "workCenterId" IS NOT NULL`)).toBeGreaterThan(100);
  // Pauses sit between the stretches of work of the same WO, by the person working it.
  await none(`
    SELECT p."id" FROM "WorkOrderPause" p JOIN "WorkOrder" w ON w."id" = p."workOrderId"
    WHERE p."userId" <> w."assignedToId" OR NOT EXISTS (SELECT 1 FROM "WorkOrderTimeLog" l WHERE l."workOrderId" = p."workOrderId" AND l."endedAt" = p."startedAt")`);
  for (const s of ["PENDING", "STARTED", "PAUSED", "COMPLETED"]) {
    expect(await count(`SELECT count(*)::int AS n FROM "WorkOrder" WHERE "status" = '${s}'`)).toBeGreaterThan(0);
  }
});

test("a DONE order stores its labour as finishMo does (its closed logs × their work centers' rates); other orders store none", async () => {
  const wrong = await app.db.handle.prisma.$queryRaw<{ orderNo: string }[]>`
    SELECT m."orderNo" FROM "ManufacturingOrder" m CROSS JOIN LATERAL (${labourSql(Prisma.sql`m."id"`)}) l
    WHERE CASE WHEN m."state" = 'DONE' THEN m."laborMinutes" IS DISTINCT FROM l.minutes OR m."laborCost" IS DISTINCT FROM l.cost
               ELSE m."laborMinutes" IS NOT NULL OR m."laborCost" IS NOT NULL END
    LIMIT 5`;
  expect(wrong).toEqual([]);
  expect(await count(`SELECT count(*)::int AS n FROM "ManufacturingOrder" WHERE "state" = 'DONE' AND "laborCost" > 0`)).toBeGreaterThan(100);
});

test("the seed's own records are untouched: the demo order is MO-000001 with its two pending WOs", async () => {
  const p = app.db.handle.prisma;
  const mo = await p.manufacturingOrder.findFirstOrThrow({ where: { name: DEMO_MO_NAME }, include: { workOrders: { orderBy: { sequence: "asc" } } } });
  expect(mo.orderNo).toBe("MO-000001");
  expect(mo.state).toBe("PLANNED");
  expect(mo.workOrders.map((w) => [w.code, w.status])).toEqual([["WO-000001", "PENDING"], ["WO-000002", "PENDING"]]);
  expect((await p.stockLevel.findFirstOrThrow({ where: { product: { sku: "STEEL-01" } } })).onHand.toString()).toBe("100");
});

test("with the history, the manager's dashboard shows real figures", async () => {
  const manager = await app.as("MANAGER");
  const res = await manager.get<Kpis>("/api/reports/kpis");
  expect(res.status).toBe(200);
  const k = res.body;
  expect(k.mosByState.DONE).toBeGreaterThan(100);
  expect(k.mosByState.PLANNED + k.mosByState.IN_PROGRESS).toBeGreaterThan(5);
  expect(k.onTime.completed).toBeGreaterThan(100);
  expect(k.onTime.rate).toBeGreaterThan(0);
  expect(k.onTime.rate).toBeLessThan(1);
  expect(k.late.count).toBeGreaterThan(0);
  expect(k.durationsByOperation.length).toBeGreaterThan(1);
  expect(k.durationsByOperation.every((d) => d.completed > 0 && d.avgMinutes > 0)).toBe(true);
  expect(k.throughput.filter((d) => d.mosCompleted > 0).length).toBeGreaterThan(10);
  expect(k.inProgress.length).toBeGreaterThan(0);
  expect(k.lowStock?.count).toBeGreaterThan(0);
  // The lists behind the other screens are filled too.
  const mos = await manager.get<{ items: unknown[] }>("/api/mos?state=DONE");
  expect(mos.status).toBe(200);
  expect(mos.body.items.length).toBeGreaterThan(0);
});

describe("the demo's first start on an empty embedded database", () => {
  const reset = () => delete (globalThis as { __mesEnv?: unknown }).__mesEnv;
  afterEach(() => {
    process.env.SEED_DEMO_HISTORY = "false";
    reset();
  });

  test.each([["on", "true"], ["off", "false"]])("history %s (SEED_DEMO_HISTORY=%s)", async (_label, flag) => {
    process.env.SEED_DEMO_HISTORY = flag;
    reset();
    const t = await createTestDb();
    try {
      const lines: string[] = [];
      await initDatabase((m) => lines.push(m));
      const p = t.handle.prisma;
      const history = await p.product.count({ where: { sku: HISTORY_MARKER_SKU } });
      if (t.kind === "postgres") {
        // Start-up never seeds Postgres: a hint, no users, no history.
        expect(lines.join("\n")).toMatch(/No users yet/);
        expect(await p.user.count()).toBe(0);
        expect(history).toBe(0);
        return;
      }
      expect((await p.manufacturingOrder.findFirstOrThrow({ where: { name: DEMO_MO_NAME } })).orderNo).toBe("MO-000001");
      expect(history).toBe(flag === "false" ? 0 : 1);
      if (flag === "false") expect(await p.manufacturingOrder.count()).toBe(1);
      if (flag !== "false") {
        expect(await p.manufacturingOrder.count({ where: { state: "DONE" } })).toBeGreaterThan(100);
        expect(await ledgerViolations(p)).toEqual([]);
      }
    } finally {
      await t.drop();
    }
  }, 120_000);
});
