import { Client } from "pg";
import { Prisma } from "../lib/db/generated/client";
import { createDb } from "../lib/db/client";
const url = "postgresql://postgres@127.0.0.1:5432/mes_scratch_export";
const SQL = (a: string, b: string) => `
      WITH w AS MATERIALIZED (
        SELECT e."id", e."createdAt", e."productId", e."locationId", e."lotId", e."change", e."balanceAfter", e."sourceType", e."sourceId", e."note", e."createdById"
        FROM "StockEntry" e WHERE TRUE AND e."id" > ${a}::bigint AND e."id" <= ${b}::bigint
      ), batch AS MATERIALIZED (SELECT * FROM w e WHERE e."createdAt" >= (now() - interval '400 days') ORDER BY e."id" LIMIT 2000)
      SELECT b."id"::text AS "key", b."id"::float8 AS "entryId", b."createdAt", p."sku" AS "productSku", p."name" AS "productName", p."uom", loc."code" AS "location", l."code" AS "lot",
             b."change"::float8 AS "change", b."balanceAfter"::float8 AS "balanceAfter", b."sourceType"::text AS "sourceType", b."sourceId", b."note", u."name" AS "user"
      FROM batch b JOIN "Product" p ON p."id" = b."productId" JOIN "Location" loc ON loc."id" = b."locationId"
      LEFT JOIN "Lot" l ON l."id" = b."lotId" LEFT JOIN "User" u ON u."id" = b."createdById" ORDER BY b."id"`;
const SIMPLE = `SELECT e."id"::text AS "key", e."id"::float8 AS "entryId", e."createdAt", e."productId", e."locationId", e."lotId", e."change"::float8 AS "change", e."balanceAfter"::float8 AS "balanceAfter", e."sourceType"::text AS "sourceType", e."sourceId", e."note", e."createdById"
  FROM "StockEntry" e WHERE e."id" > $1::bigint AND e."id" <= $2::bigint AND e."createdAt" >= (now() - interval '400 days') ORDER BY e."id" LIMIT 2000`;
async function time(label: string, f: (a: number, b: number) => Promise<unknown[]>) {
  const t = performance.now(); let n = 0;
  for (let a = 0; a < 300000; a += 2000) n += (await f(a, a + 2000)).length;
  console.log(label, ((performance.now() - t) / 1000).toFixed(2), "s", n);
}
async function main() {
  const h = createDb({ url, poolSize: 2 });
  const c = new Client({ connectionString: url }); await c.connect();
  for (let i = 0; i < 2; i++) {
    await time("prisma $queryRawUnsafe", (a, b) => h.prisma.$queryRawUnsafe(SQL("$1", "$2"), String(a), String(b)));
    await time("pg text", async (a, b) => (await c.query(SQL("$1", "$2"), [String(a), String(b)])).rows);
    await time("pg prepared", async (a, b) => (await c.query({ name: "batch", text: SQL("$1", "$2"), values: [String(a), String(b)] })).rows);
    await time("pg prepared array", async (a, b) => (await c.query({ name: "batch2", text: SQL("$1", "$2"), values: [String(a), String(b)], rowMode: "array" })).rows);
    await time("pg simple prepared array (no joins)", async (a, b) => (await c.query({ name: "batch3", text: SIMPLE, values: [String(a), String(b)], rowMode: "array" })).rows);
  }
  await c.end(); await h.close();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
