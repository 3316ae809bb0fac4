// GET /api/stock/ledger past the count cap and by keyset (docs/performance.md "Paging and counts"): a
// page past 10,000 rows is told by its own ids, `before` (a page's nextBefore) gives the same rows as
// the page number, and an answer never counts beyond what countCapped would.
import { BULK_EVENT_COLUMNS, bulkLedgerSql } from "@/lib/stock/bulk";
import { COUNT_CAP } from "@/lib/validation/paging";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client, ErrorBody } from "../helpers/client";
import { ledgerViolations } from "../helpers/ledger";

interface Ledger {
  items: { id: number; change: number; balanceAfter: number; product: { sku: string } }[];
  total: number;
  totalCapped?: boolean;
  page: number;
  pageSize: number;
  nextBefore?: string;
}

const EXTRA = COUNT_CAP + 30; // generated rows for steel: with the seed's rows, past the cap
let app: TestApp;
let manager: Client;
let all: number; // every ledger row
let steel: string;

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.handle.prisma;
  steel = (await p.product.findUniqueOrThrow({ where: { sku: "STEEL-01" } })).id;
  const conn = await app.db.handle.connect();
  try {
    await conn.exec("BEGIN");
    await conn.exec(`
CREATE TEMP TABLE pg_ev (${BULK_EVENT_COLUMNS});
INSERT INTO pg_ev ("productId", "at", "change", "sourceType", "note")
SELECT '${steel}', (now() AT TIME ZONE 'UTC') - interval '30 days' + g * interval '1 minute', 1, 'MANUAL', 'row ' || g
FROM generate_series(1, ${EXTRA}) g;
${bulkLedgerSql("pg_ev", `(SELECT '${steel}'::text AS id)`)}
DROP TABLE pg_ev;`);
    await conn.exec("COMMIT");
  } finally {
    await conn.release();
  }
  all = await p.stockEntry.count();
  expect(all).toBeGreaterThan(COUNT_CAP + 20);
  expect(await ledgerViolations(p)).toEqual([]);
  manager = await app.as("MANAGER");
});
afterAll(async () => {
  await app.close();
});

const get = (qs: string) => manager.get<Ledger>(`/api/stock/ledger?${qs}`);
const ids = (l: Ledger) => l.items.map((e) => e.id);

test("the first page counts up to the cap and says so", async () => {
  const res = await get("pageSize=20");
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ total: COUNT_CAP, totalCapped: true, page: 1, pageSize: 20 });
  expect(res.body.items).toHaveLength(20);
  expect(res.body.nextBefore).toBe(String(res.body.items[19]!.id));
});

test("a page past the cap: its rows by offset, total to its end while more follow, exact on the last page", async () => {
  const pageSize = 20;
  const deep = Math.floor(COUNT_CAP / pageSize) + 1; // its first row is past the cap
  const lastPage = Math.ceil(all / pageSize);
  expect(lastPage).toBeGreaterThan(deep);
  const res = await get(`page=${deep}&pageSize=${pageSize}`);
  expect(res.body).toMatchObject({ total: deep * pageSize, totalCapped: true, page: deep, pageSize });
  // Newest first by id: the rows are the ids ranked (deep − 1) × pageSize … below the newest.
  const expected = (await app.db.handle.prisma.stockEntry.findMany({ select: { id: true }, orderBy: { id: "desc" }, skip: (deep - 1) * pageSize, take: pageSize })).map((r) => Number(r.id));
  expect(ids(res.body)).toEqual(expected);

  const last = await get(`page=${lastPage}&pageSize=${pageSize}`);
  expect(last.body.total).toBe(all);
  expect(last.body.totalCapped).toBeUndefined();
  expect(last.body.nextBefore).toBeUndefined();
  expect(last.body.items).toHaveLength(all - (lastPage - 1) * pageSize);

  // Beyond the end: no rows, and the total is what countCapped tells (every row, not capped).
  const beyond = await get(`page=${lastPage + 5}&pageSize=${pageSize}`);
  expect(beyond.body).toMatchObject({ items: [], total: all, page: lastPage + 5 });
  expect(beyond.body.totalCapped).toBeUndefined();
});

test("`before` (a page's nextBefore) gives the same rows and total as the page number, near and past the cap", async () => {
  const pageSize = 20;
  for (const page of [2, Math.floor(COUNT_CAP / pageSize) + 1]) {
    const prev = await get(`page=${page - 1}&pageSize=${pageSize}`);
    expect(prev.body.nextBefore).toBeDefined();
    const byOffset = await get(`page=${page}&pageSize=${pageSize}`);
    const byKey = await get(`page=${page}&pageSize=${pageSize}&before=${prev.body.nextBefore}`);
    expect(byKey.status).toBe(200);
    expect(ids(byKey.body)).toEqual(ids(byOffset.body));
    expect(byKey.body).toMatchObject({ total: byOffset.body.total, page, pageSize });
    expect(byKey.body.totalCapped).toBe(byOffset.body.totalCapped);
    expect(byKey.body.nextBefore).toBe(byOffset.body.nextBefore);
    expect(byKey.body.nextBefore).toBeDefined(); // more follow: the keyset page went on past the cap
  }
  // With a filter: the product's rows below the id, in its balance chain (each one less than the one before).
  const first = await get(`productId=${steel}&pageSize=10`);
  const next = await get(`productId=${steel}&pageSize=10&page=2&before=${first.body.nextBefore}`);
  const chain = [...first.body.items, ...next.body.items];
  expect(chain.every((e) => e.product.sku === "STEEL-01")).toBe(true);
  chain.slice(1).forEach((e, i) => expect(e.balanceAfter).toBe(chain[i]!.balanceAfter - chain[i]!.change));
  // The oldest row: nothing older.
  const oldest = await app.db.handle.prisma.stockEntry.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
  const none = await get(`before=${oldest.id}`);
  expect(none.body).toMatchObject({ items: [], page: 1 });
  expect(none.body.nextBefore).toBeUndefined();
});

test("a bad `before` is refused with 400", async () => {
  for (const bad of ["abc", "0", "-5", "12.5", "1e3", "", "9".repeat(19), "99999999999999999999"]) {
    const res = await manager.get<ErrorBody>(`/api/stock/ledger?before=${encodeURIComponent(bad)}`);
    expect([bad, res.status]).toEqual([bad, 400]);
    expect(res.body.error.code).toBeDefined();
  }
});
