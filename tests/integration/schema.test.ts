// The migrations in prisma/migrations, applied to an empty database, must produce exactly what
// prisma/schema.prisma describes: tables, columns, types, nullability, enums, uniques and indexes.
import type { Db } from "@/lib/db/client";
import { createTestDb, type TestDb } from "../helpers/db";
import { parsePrismaSchema, type SchemaField } from "../helpers/prisma-schema";

const schema = parsePrismaSchema();
const modelNames = new Set(schema.models.map((m) => m.name));
const scalar = (f: SchemaField) => !modelNames.has(f.type);

const PG_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Decimal: "numeric",
  Float: "double precision",
};

let t: TestDb;
let prisma: Db;
beforeAll(async () => {
  t = await createTestDb();
  prisma = t.handle.prisma;
});
afterAll(async () => {
  await t.drop();
});

interface Column {
  table_name: string;
  column_name: string;
  is_nullable: string;
  data_type: string;
  udt_name: string;
  numeric_precision: number | null;
  numeric_scale: number | null;
}

test("every model is a table and every scalar field a column with the right type and nullability", async () => {
  const cols = await prisma.$queryRaw<Column[]>`
    SELECT table_name, column_name, is_nullable, data_type, udt_name, numeric_precision, numeric_scale
    FROM information_schema.columns WHERE table_schema = current_schema()`;
  const problems: string[] = [];
  for (const model of schema.models) {
    const tableCols = cols.filter((c) => c.table_name === model.name);
    if (!tableCols.length) problems.push(`table ${model.name} missing`);
    const expected = model.fields.filter(scalar);
    for (const f of expected) {
      const c = tableCols.find((x) => x.column_name === f.name);
      if (!c) {
        problems.push(`${model.name}.${f.name} missing`);
        continue;
      }
      if ((c.is_nullable === "YES") !== f.optional) problems.push(`${model.name}.${f.name}: nullable ${c.is_nullable}, schema optional=${f.optional}`);
      // A DateTime with @db.Date is a date column (the KPI rollup's days); every other DateTime a timestamp.
      const want = schema.enums[f.type] ? "USER-DEFINED" : f.type === "DateTime" && /@db\.Date\b/.test(f.attrs) ? "date" : PG_TYPES[f.type];
      if (c.data_type !== want) problems.push(`${model.name}.${f.name}: type ${c.data_type}, expected ${want}`);
      if (schema.enums[f.type] && c.udt_name !== f.type) problems.push(`${model.name}.${f.name}: enum ${c.udt_name}, expected ${f.type}`);
      const dec = f.attrs.match(/@db\.Decimal\((\d+),\s*(\d+)\)/);
      if (dec && (c.numeric_precision !== Number(dec[1]) || c.numeric_scale !== Number(dec[2]))) {
        problems.push(`${model.name}.${f.name}: numeric(${c.numeric_precision},${c.numeric_scale}), expected numeric(${dec[1]},${dec[2]})`);
      }
    }
    for (const c of tableCols) {
      if (!expected.some((f) => f.name === c.column_name)) problems.push(`${model.name}.${c.column_name} exists in the database but not in schema.prisma`);
    }
  }
  expect(problems).toEqual([]);
});

test("every enum has exactly the schema's values, in order", async () => {
  const rows = await prisma.$queryRaw<{ typname: string; labels: string[] }[]>`
    SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`;
  const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
  expect(actual).toEqual(schema.enums);
});

test("every @id/@unique/@@unique is a unique index and every @@index an index, on exactly those columns", async () => {
  const rows = await prisma.$queryRaw<{ table: string; unique: boolean; partial: boolean; cols: string[] }[]>`
    SELECT c.relname::text AS "table", i.indisunique AS "unique", i.indpred IS NOT NULL AS "partial",
           array_agg(a.attname::text ORDER BY k.ord) AS cols
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
    -- Key columns only: an index's INCLUDE columns (which Prisma cannot state; the migration does) are not part of its key.
    JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON k.ord <= i.indnkeyatts
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    GROUP BY i.indexrelid, c.relname, i.indisunique, i.indpred`;
  const key = (table: string, cols: string[]) => `${table}(${cols.join(",")})`;
  const uniques = new Set(rows.filter((r) => r.unique && !r.partial).map((r) => key(r.table, r.cols)));
  const all = new Set(rows.map((r) => key(r.table, r.cols)));
  const problems: string[] = [];
  for (const m of schema.models) {
    for (const u of m.uniques) if (!uniques.has(key(m.name, u))) problems.push(`unique ${key(m.name, u)} missing`);
    for (const ix of m.indexes) if (!all.has(key(m.name, ix))) problems.push(`index ${key(m.name, ix)} missing`);
  }
  // And no unique constraint the schema does not declare (partial ones are documented in the migration).
  for (const u of uniques) {
    const [table, cols] = [u.slice(0, u.indexOf("(")), u.slice(u.indexOf("(") + 1, -1).split(",")];
    const m = schema.models.find((x) => x.name === table);
    if (m && !m.uniques.some((x) => key(table, x) === u)) problems.push(`unexpected unique ${key(table, cols)}`);
  }
  expect(problems).toEqual([]);
});

test("the order-number sequences exist and feed the defaults", async () => {
  const seqs = await prisma.$queryRaw<{ relname: string }[]>`SELECT relname::text AS relname FROM pg_class WHERE relkind = 'S' AND relname IN ('mo_number_seq', 'wo_number_seq') ORDER BY relname`;
  expect(seqs.map((s) => s.relname)).toEqual(["mo_number_seq", "wo_number_seq"]);
});

test("order and work-order codes keep every digit past 999,999 and never repeat", async () => {
  await prisma.$executeRawUnsafe(`SELECT setval('wo_number_seq', 999998)`);
  const codes = await prisma.$queryRaw<{ code: string }[]>`SELECT mes_next_code('WO-', 'wo_number_seq') AS code FROM generate_series(1, 3)`;
  expect(codes.map((c) => c.code)).toEqual(["WO-999999", "WO-1000000", "WO-1000001"]);
  const first = await prisma.$queryRaw<{ code: string }[]>`SELECT mes_next_code('MO-', 'mo_number_seq') AS code`;
  expect(first[0]!.code).toMatch(/^MO-\d{6,}$/);
});
