// GET /api/mos past the count cap (docs/performance.md "Paging and counts"): the page's ids come first
// (from the ("createdAt", "id") index), a page past 10,000 orders is told by its own ids without
// counting, and every page holds exactly the orders that newest-first order puts there.
import { COUNT_CAP } from "@/lib/validation/paging";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";
import { ledgerViolations } from "../helpers/ledger";

interface MoPage {
  items: { id: string; orderNo: string; state: string; progress: { total: number } }[];
  total: number;
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

const EXTRA = COUNT_CAP + 40; // generated canceled orders: with the seed's, past the cap
let app: TestApp;
let manager: Client;
let all: number;

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.handle.prisma;
  const product = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
  const admin = await p.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const conn = await app.db.handle.connect();
  try {
    await conn.exec("BEGIN");
    // Canceled history rows straight into the table (no outbox events for 10,000 old orders); some
    // share a createdAt, so the id decides their order.
    await conn.exec(`
SET LOCAL session_replication_role = replica;
INSERT INTO "ManufacturingOrder" ("id", "name", "productId", "quantity", "state", "bomSnapshot", "createdById", "createdAt", "updatedAt")
SELECT 'pg-mo-' || lpad(g::text, 6, '0'), 'Paging ' || g, '${product.id}', 1, 'CANCELED', '[]'::jsonb, '${admin.id}',
       (now() AT TIME ZONE 'UTC') - interval '400 days' + (g / 3) * interval '1 minute', now() AT TIME ZONE 'UTC'
FROM generate_series(1, ${EXTRA}) g;`);
    await conn.exec("COMMIT");
  } finally {
    await conn.release();
  }
  all = await p.manufacturingOrder.count();
  expect(all).toBeGreaterThan(COUNT_CAP + 30);
  manager = await app.as("MANAGER");
});
afterAll(async () => {
  expect(await ledgerViolations(app.db.handle.prisma)).toEqual([]);
  await app.close();
});

const get = (qs: string) => manager.get<MoPage>(`/api/mos?${qs}`);
/** The ids newest first (createdAt, then id, descending), as the page should hold them. */
const expected = async (skip: number, take: number) =>
  (await app.db.handle.prisma.manufacturingOrder.findMany({ select: { id: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take })).map((r) => r.id);

test("the first page counts up to the cap and says so", async () => {
  const res = await get("pageSize=20");
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ total: COUNT_CAP, totalCapped: true, page: 1, pageSize: 20 });
  expect(res.body.items.map((m) => m.id)).toEqual(await expected(0, 20));
});

test("a page past the cap: its rows in order, total to its end while more follow, exact on the last page, none beyond", async () => {
  const pageSize = 25;
  const deep = Math.floor(COUNT_CAP / pageSize) + 1; // its first row is past the cap
  const res = await get(`page=${deep}&pageSize=${pageSize}`);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ total: deep * pageSize, totalCapped: true, page: deep, pageSize });
  expect(res.body.items.map((m) => m.id)).toEqual(await expected((deep - 1) * pageSize, pageSize));
  expect(res.body.items.every((m) => m.state === "CANCELED" && m.progress.total === 0)).toBe(true);

  const lastPage = Math.ceil(all / pageSize);
  const last = await get(`page=${lastPage}&pageSize=${pageSize}`);
  expect(last.body.total).toBe(all);
  expect(last.body.totalCapped).toBeUndefined();
  expect(last.body.items.map((m) => m.id)).toEqual(await expected((lastPage - 1) * pageSize, pageSize));
  expect(last.body.items).toHaveLength(all - (lastPage - 1) * pageSize);

  const beyond = await get(`page=${lastPage + 3}&pageSize=${pageSize}`);
  expect(beyond.body).toMatchObject({ items: [], total: all, page: lastPage + 3 });
  expect(beyond.body.totalCapped).toBeUndefined();
});

test("a filter keeps its exact total under the cap and its order", async () => {
  const res = await get("state=PLANNED,IN_PROGRESS&pageSize=50");
  const open = await app.db.handle.prisma.manufacturingOrder.findMany({
    where: { state: { in: ["PLANNED", "IN_PROGRESS"] } },
    select: { id: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  expect(open.length).toBeGreaterThan(0);
  expect(res.body.total).toBe(open.length);
  expect(res.body.totalCapped).toBeUndefined();
  expect(res.body.items.map((m) => m.id)).toEqual(open.slice(0, 50).map((r) => r.id));
});
