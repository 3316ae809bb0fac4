// Import (docs/import.md): every kind from CSV and XLSX, read back through the API; bad files answered
// with row-level errors and nothing written; re-import changes nothing; templates; per-kind permissions.
import ExcelJS from "exceljs";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client, ErrorBody } from "../helpers/client";
import { assertLedgerInvariant } from "../helpers/ledger";

let app: TestApp;
const prisma = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await assertLedgerInvariant(prisma());
  await app.close();
});

interface RowError {
  row: number;
  column: string | null;
  code: string;
  message: string;
}
interface Result {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  errorCount: number;
  headers: string[];
  mapping: Record<string, string>;
  preview: { row: number; values: Record<string, string> }[];
}

const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(",")).join("\n") + "\n";

async function xlsx(rows: (string | number)[][]): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Uploads a file as multipart/form-data (part `file`, plus form fields). */
async function upload(client: Client, kind: string, file: string | Uint8Array<ArrayBuffer>, opts: { name?: string; query?: string; fields?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<ApiResponse<Result>> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(opts.fields ?? {})) fd.append(k, v);
  const name = opts.name ?? (typeof file === "string" ? "data.csv" : "data.xlsx");
  fd.append("file", new Blob([file], { type: typeof file === "string" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), name);
  const r = new Response(fd);
  const body = new Uint8Array(await r.arrayBuffer());
  return (await client.raw("POST", `/api/import/${kind}${opts.query ? `?${opts.query}` : ""}`, { body, headers: { "content-type": r.headers.get("content-type")!, ...opts.headers } })) as ApiResponse<Result>;
}

/** Everything an import could write, to prove a refused file wrote nothing. */
async function snapshot() {
  const p = prisma();
  return {
    products: await p.product.count(),
    productsJson: JSON.stringify(await p.product.findMany({ orderBy: { sku: "asc" } })),
    boms: JSON.stringify(await p.bOMComponent.findMany({ orderBy: { id: "asc" } })),
    ops: await p.bOMOperation.count(),
    centers: JSON.stringify(await p.workCenter.findMany({ orderBy: { name: "asc" } })),
    users: JSON.stringify(await p.user.findMany({ orderBy: { email: "asc" }, select: { email: true, name: true, role: true, active: true } })),
    entries: await p.stockEntry.count(),
    levels: JSON.stringify(await p.stockLevel.findMany({ orderBy: { productId: "asc" }, select: { productId: true, onHand: true } })),
    audit: await p.auditLog.count(),
  };
}

function errorsOf(res: ApiResponse<Result>): RowError[] {
  expect(res.status).toBe(400);
  const e = (res.body as unknown as ErrorBody).error;
  expect(e.code).toBe("VALIDATION_FAILED");
  return (e.details as Result).errors;
}

describe("products", () => {
  const rows = [
    ["sku", "name", "description", "is_finished", "uom", "unit_cost", "reorder_point"],
    ["IMP-A", "Import A", "first", "false", "kg", "1.25", "10"],
    ["IMP-B", "Import B", "", "yes", "pcs", "", ""],
    ["IMP-C", "Import C", "third", "", "", "3", "2"],
  ];

  test("CSV: a dry run writes nothing, the import creates, the same file again changes nothing", async () => {
    const manager = await app.as("MANAGER");
    const before = await snapshot();
    const dry = await upload(manager, "products", csv(rows), { query: "dryRun=1" });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ok: true, dryRun: true, rows: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(dry.body.preview[0]).toEqual({ row: 2, values: { sku: "IMP-A", name: "Import A", description: "first", is_finished: "false", uom: "kg", unit_cost: "1.25", reorder_point: "10" } });
    expect(await snapshot()).toEqual(before);

    const done = await upload(manager, "products", csv(rows));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ ok: true, dryRun: false, created: 3, updated: 0 });
    const list = await manager.get<{ items: { sku: string; name: string; uom: string; isFinished: boolean; unitCost: number | null; reorderPoint: number | null }[] }>("/api/products?q=IMP-&pageSize=50");
    expect(list.body.items.map((p) => [p.sku, p.name, p.uom, p.isFinished, p.unitCost, p.reorderPoint])).toEqual([
      ["IMP-A", "Import A", "kg", false, 1.25, 10],
      ["IMP-B", "Import B", "pcs", true, null, null],
      ["IMP-C", "Import C", "pcs", false, 3, 2],
    ]);
    expect(await prisma().stockLevel.count({ where: { product: { sku: { startsWith: "IMP-" } } } })).toBe(3);

    const after = await snapshot();
    const again = await upload(manager, "products", csv(rows));
    expect(again.body).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
    expect(await snapshot()).toEqual(after);
  });

  test("XLSX with Dutch headers (suggested mapping), numbers as numbers and a comma decimal in text; an update", async () => {
    const manager = await app.as("MANAGER");
    const file = await xlsx([
      ["Artikel", "Naam", "Kostprijs", "Opmerking"],
      ["IMP-A", "Import A renamed", 1.5, "x"],
      ["IMP-X", "Import X", "2,75", "y"],
    ]);
    const res = await upload(manager, "products", file, { query: "decimal=%2C" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, created: 1, updated: 1, mapping: { sku: "Artikel", name: "Naam", unit_cost: "Kostprijs" } });
    const a = await prisma().product.findUniqueOrThrow({ where: { sku: "IMP-A" } });
    expect([a.name, a.unitCost?.toNumber(), a.description]).toEqual(["Import A renamed", 1.5, "first"]); // an empty column leaves the field
    expect((await prisma().product.findUniqueOrThrow({ where: { sku: "IMP-X" } })).unitCost?.toNumber()).toBe(2.75);
  });

  test("an explicit mapping (form field) maps other headers; the raw body (text/csv) works too", async () => {
    const manager = await app.as("MANAGER");
    const res = await upload(manager, "products", csv([["Code", "Title"], ["IMP-M", "Mapped"]]), { fields: { mapping: JSON.stringify({ sku: "Code", name: "Title" }) } });
    expect(res.body).toMatchObject({ ok: true, created: 1 });
    const raw = await manager.raw("POST", "/api/import/products", { body: csv([["sku", "name"], ["IMP-R", "Raw body"]]), headers: { "content-type": "text/csv" } });
    expect(raw.status).toBe(200);
    expect(raw.body).toMatchObject({ ok: true, created: 1 });
  });
});

describe("bad files: row-level errors, nothing written", () => {
  test.each([
    ["wrong columns", csv([["article_no", "name"], ["IMP-W", "W"]]), "", [{ row: 1, column: "sku", code: "COLUMN_MISSING" }]],
    [
      "bad numbers (comma decimals with the point chosen, text, negative, 5 decimals)",
      csv([["sku", "name", "unit_cost", "reorder_point"], ["IMP-N1", "N1", '"1,5"', "1"], ["IMP-N2", "N2", "abc", "1"], ["IMP-N3", "N3", "-1", "1"], ["IMP-N4", "N4", "1.00001", "1"]]),
      "",
      [
        { row: 2, column: "unit_cost", code: "WRONG_DECIMAL_SEPARATOR" },
        { row: 3, column: "unit_cost", code: "NOT_A_NUMBER" },
        { row: 4, column: "unit_cost", code: "NEGATIVE" },
        { row: 5, column: "unit_cost", code: "TOO_MANY_DECIMALS" },
      ],
    ],
    ["a point decimal when the comma is chosen", csv([["sku", "name", "unit_cost"], ["IMP-P", "P", "1.5"]]), "decimal=%2C", [{ row: 2, column: "unit_cost", code: "WRONG_DECIMAL_SEPARATOR" }]],
    ["duplicate SKUs in one file", csv([["sku", "name"], ["IMP-D", "D1"], ["IMP-E", "E"], ["IMP-D", "D2"]]), "", [{ row: 4, column: "sku", code: "DUPLICATE" }]],
    ["a missing required cell", csv([["sku", "name"], ["IMP-Q", ""]]), "", [{ row: 2, column: "name", code: "REQUIRED" }]],
  ])("%s", async (_label, file, query, expected) => {
    const manager = await app.as("MANAGER");
    const before = await snapshot();
    const dry = await upload(manager, "products", file, { query: `dryRun=1${query ? `&${query}` : ""}` });
    expect(dry.status).toBe(200);
    expect(dry.body.ok).toBe(false);
    expect(dry.body.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual(expected);
    for (const e of dry.body.errors) expect(e.message.length).toBeGreaterThan(5);
    const res = await upload(manager, "products", file, { query });
    expect(errorsOf(res).map(({ row, column, code }) => ({ row, column, code }))).toEqual(expected);
    expect(await snapshot()).toEqual(before);
  });

  test("messages are translated for a Dutch reader", async () => {
    const manager = await app.as("MANAGER");
    const res = await upload(manager, "products", csv([["sku", "name", "unit_cost"], ["IMP-NL", "NL", '"1,5"']]), { query: "dryRun=1", headers: { "accept-language": "nl" } });
    expect(res.body.errors[0]!.message).toBe("unit_cost: 1,5 gebruikt het andere decimaalteken; kies het decimaalteken van het bestand.");
  });

  test("BOM cycles and unknown materials", async () => {
    const manager = await app.as("MANAGER");
    await upload(manager, "products", csv([["sku", "name"], ["CYC-A", "A"], ["CYC-B", "B"]]));
    const before = await snapshot();
    const cyc = csv([["product_sku", "line", "material_sku", "qty_per_unit"], ["CYC-A", "component", "CYC-B", "1"], ["CYC-B", "component", "CYC-A", "1"]]);
    const cycErrors = errorsOf(await upload(manager, "boms", cyc));
    expect(cycErrors.map(({ row, code }) => ({ row, code }))).toEqual([{ row: 3, code: "BOM_CYCLE" }]);
    expect(cycErrors[0]!.message).toContain("CYC-B → CYC-A → CYC-B");
    // A cycle through a BOM that is already stored (TABLE-100 uses STEEL-01 in the demo).
    const stored = csv([["product_sku", "line", "material_sku", "qty_per_unit"], ["STEEL-01", "component", "TABLE-100", "1"]]);
    expect(errorsOf(await upload(manager, "boms", stored)).map((e) => e.code)).toEqual(["BOM_CYCLE"]);
    const unknown = csv([["product_sku", "line", "material_sku", "qty_per_unit"], ["CYC-A", "component", "NOPE-1", "1"], ["NOPE-2", "component", "CYC-B", "1"]]);
    expect(errorsOf(await upload(manager, "boms", unknown)).map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: "material_sku", code: "UNKNOWN_MATERIAL" },
      { row: 3, column: "product_sku", code: "UNKNOWN_PRODUCT" },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  test("a 20 MB file is 413 PAYLOAD_TOO_LARGE", async () => {
    const manager = await app.as("MANAGER");
    const before = await snapshot();
    const big = "sku,name\n" + "BIG-0000000001,Big product name padding padding\n".repeat(Math.ceil((20 * 1024 * 1024) / 50));
    const res = await upload(manager, "products", big);
    expect(res.status).toBe(413);
    expect((res.body as unknown as ErrorBody).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await snapshot()).toEqual(before);
  });

  test("a file without rows and a body without a file are refused", async () => {
    const manager = await app.as("MANAGER");
    expect((await upload(manager, "products", csv([["sku", "name"]]), { query: "dryRun=1" })).body.errors.map((e) => e.code)).toEqual(["EMPTY_FILE"]);
    const none = await manager.raw("POST", "/api/import/products", { body: "", headers: { "content-type": "text/csv" } });
    expect(none.status).toBe(400);
  });
});

describe("work centers, BOMs, stock, users", () => {
  test("work centers from CSV and XLSX, upsert by name", async () => {
    const manager = await app.as("MANAGER");
    const a = await upload(manager, "workcenters", csv([["name", "description", "cost_per_hour", "capacity", "active"], ["Imp Laser", "Fiber laser", "80", "2", "true"]]));
    expect(a.body).toMatchObject({ ok: true, created: 1 });
    const b = await upload(manager, "workcenters", await xlsx([["name", "cost_per_hour", "capacity"], ["Imp Laser", 85.5, 2], ["Imp Bend", 40, 1]]));
    expect(b.body).toMatchObject({ ok: true, created: 1, updated: 1 });
    const list = await manager.get<{ items: { name: string; costPerHour: number; capacity: number; description: string | null }[] }>("/api/workcenters?pageSize=100");
    expect(list.body.items.filter((w) => w.name.startsWith("Imp ")).map((w) => [w.name, w.costPerHour, w.capacity, w.description])).toEqual([
      ["Imp Bend", 40, 1, null],
      ["Imp Laser", 85.5, 2, "Fiber laser"],
    ]);
  });

  test("BOMs with components and operations from CSV, replaced from XLSX, re-import unchanged", async () => {
    const manager = await app.as("MANAGER");
    await upload(manager, "products", csv([["sku", "name", "is_finished", "uom"], ["BOM-P", "Frame", "true", "pcs"], ["BOM-M1", "Tube", "false", "m"], ["BOM-M2", "Bolt", "false", "pcs"]]));
    const file = csv([
      ["product_sku", "line", "material_sku", "qty_per_unit", "operation", "work_center", "minutes_per_unit", "instructions"],
      ["BOM-P", "component", "BOM-M1", "2.5", "", "", "", ""],
      ["BOM-P", "component", "BOM-M2", "4", "", "", "", ""],
      ["BOM-P", "operation", "", "", "Cut", "Welding", "3", "Cut to length"],
      ["BOM-P", "operation", "", "", "Weld", "Welding", "12", ""],
    ]);
    expect((await upload(manager, "boms", file)).body).toMatchObject({ ok: true, created: 1 });
    const id = (await prisma().product.findUniqueOrThrow({ where: { sku: "BOM-P" } })).id;
    const bom = await manager.get<{ components: { material: { sku: string }; qtyPerUnit: number }[]; operations: { sequence: number; title: string; minutesPerUnit: number; instructions: string | null; workCenter: { name: string } }[] }>(`/api/products/${id}/bom`);
    expect(bom.body.components.map((c) => [c.material.sku, c.qtyPerUnit])).toEqual([["BOM-M1", 2.5], ["BOM-M2", 4]]);
    expect(bom.body.operations.map((o) => [o.sequence, o.title, o.workCenter.name, o.minutesPerUnit, o.instructions])).toEqual([
      [1, "Cut", "Welding", 3, "Cut to length"],
      [2, "Weld", "Welding", 12, null],
    ]);
    const before = await snapshot();
    expect((await upload(manager, "boms", file)).body).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 1 });
    expect(await snapshot()).toEqual(before);
    // Fractions of a counted material are refused.
    expect(errorsOf(await upload(manager, "boms", csv([["product_sku", "line", "material_sku", "qty_per_unit"], ["BOM-P", "component", "BOM-M2", "1.5"]]))).map((e) => e.code)).toEqual(["COUNTED_UNIT"]);
    const x = await xlsx([["product_sku", "line", "material_sku", "qty_per_unit", "operation"], ["BOM-P", "component", "BOM-M1", 3, ""], ["BOM-P", "operation", "", "", "Assemble"]]);
    expect((await upload(manager, "boms", x)).body).toMatchObject({ ok: true, updated: 1 });
    const after = await manager.get<{ components: { material: { sku: string }; qtyPerUnit: number }[]; operations: { title: string; workCenter: null }[] }>(`/api/products/${id}/bom`);
    expect(after.body.components.map((c) => [c.material.sku, c.qtyPerUnit])).toEqual([["BOM-M1", 3]]);
    expect(after.body.operations.map((o) => [o.title, o.workCenter])).toEqual([["Assemble", null]]);
  });

  test("opening stock: INITIAL ledger rows up to the stated quantity; the same file again posts nothing; a new target posts the difference", async () => {
    const inventory = await app.as("INVENTORY");
    await upload(await app.as("MANAGER"), "products", csv([["sku", "name", "uom"], ["STK-1", "Stock one", "pcs"], ["STK-2", "Stock two", "kg"]]));
    const file = csv([["sku", "quantity", "unit_cost"], ["STK-1", "100", "2"], ["STK-2", "12.5", ""]]);
    expect((await upload(inventory, "stock", file, { query: "dryRun=1" })).body).toMatchObject({ ok: true, created: 2 });
    expect((await upload(inventory, "stock", file)).body).toMatchObject({ ok: true, created: 2, unchanged: 0 });
    const levels = await inventory.get<{ items: { product: { sku: string }; onHand: number }[] }>("/api/stock?q=STK-&pageSize=50");
    expect(levels.status).toBe(200);
    const p1 = await prisma().product.findUniqueOrThrow({ where: { sku: "STK-1" }, include: { stockLevel: true, stockEntries: true } });
    expect(p1.stockLevel?.onHand.toNumber()).toBe(100);
    expect(p1.stockEntries.map((e) => [e.sourceType, e.change.toNumber(), e.unitCost.toNumber()])).toEqual([["INITIAL", 100, 2]]);
    const before = await snapshot();
    expect((await upload(inventory, "stock", file)).body).toMatchObject({ ok: true, created: 0, unchanged: 2 });
    expect(await snapshot()).toEqual(before);
    const x = await xlsx([["sku", "quantity"], ["STK-1", 80], ["STK-2", 12.5]]);
    expect((await upload(inventory, "stock", x)).body).toMatchObject({ ok: true, created: 1, unchanged: 1 });
    const entries = await prisma().stockEntry.findMany({ where: { product: { sku: "STK-1" } }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.sourceType, e.change.toNumber(), e.balanceAfter.toNumber()])).toEqual([["INITIAL", 100, 100], ["INITIAL", -20, 80]]);
    // Unknown products, counted fractions and duplicates are row errors.
    const bad = csv([["sku", "quantity"], ["NOPE", "1"], ["STK-1", "1.5"], ["STK-2", "1"], ["STK-2", "2"]]);
    expect(errorsOf(await upload(inventory, "stock", bad)).map(({ row, code }) => [row, code])).toEqual([[2, "UNKNOWN_PRODUCT"], [3, "COUNTED_UNIT"], [5, "DUPLICATE"]]);
    await assertLedgerInvariant(prisma());
  });

  test("opening stock by location and lot: targets per key, lots made with their expiry, other keys left alone; bad rows refused, nothing written", async () => {
    const inventory = await app.as("INVENTORY");
    const admin = await app.as("ADMIN");
    for (const [sku, tracking] of [["LOC-PLAIN", "NONE"], ["LOC-LOT", "LOT"], ["LOC-SER", "SERIAL"]] as const) {
      expect((await admin.post("/api/products", { sku, name: sku, isFinished: false, uom: "kg", tracking })).status).toBe(201);
    }
    const { DEFAULT_LOCATIONS } = await import("@/lib/locations/defaults");
    const id = async (sku: string) => (await prisma().product.findUniqueOrThrow({ where: { sku } })).id;
    const balances = async () =>
      (await prisma().stockBalance.findMany({ where: { product: { sku: { startsWith: "LOC-" } } }, include: { product: true, location: true, lot: true }, orderBy: { id: "asc" } }))
        .map((b) => [b.product.sku, b.location.code, b.lot?.code ?? null, b.onHand.toNumber()])
        .sort((a, b) => String(a).localeCompare(String(b)));
    // Untracked stock already in FG stays where it is: the file names only STOCK and QC.
    expect((await inventory.post("/api/stock/receipts", { productId: await id("LOC-PLAIN"), quantity: 7, locationId: DEFAULT_LOCATIONS.FG })).status).toBe(201);
    const file = csv([
      ["Artikel", "Locatie", "Partij", "Vervaldatum", "Aantal"],
      ["LOC-PLAIN", "", "", "", "10"],
      ["LOC-PLAIN", "qc", "", "", "2"],
      ["LOC-LOT", "STOCK", "B-1", "31-12-2027", "40"],
      ["LOC-LOT", "STOCK", "B-2", "2027-06-30", "5"],
      ["LOC-SER", "STOCK", "SN-1", "", "1"],
    ]);
    expect((await upload(inventory, "stock", file, { query: "dryRun=1" })).body).toMatchObject({ ok: true, created: 5 });
    expect(await balances()).toEqual([["LOC-PLAIN", "FG", null, 7]]);
    expect((await upload(inventory, "stock", file)).body).toMatchObject({ ok: true, created: 5, unchanged: 0 });
    expect(await balances()).toEqual([
      ["LOC-LOT", "STOCK", "B-1", 40],
      ["LOC-LOT", "STOCK", "B-2", 5],
      ["LOC-PLAIN", "FG", null, 7],
      ["LOC-PLAIN", "QC", null, 2],
      ["LOC-PLAIN", "STOCK", null, 10],
      ["LOC-SER", "STOCK", "SN-1", 1],
    ]);
    const lots = await prisma().lot.findMany({ where: { product: { sku: "LOC-LOT" } }, orderBy: { code: "asc" } });
    expect(lots.map((l) => [l.code, l.expiresAt?.toISOString().slice(0, 10)])).toEqual([["B-1", "2027-12-31"], ["B-2", "2027-06-30"]]);
    // The same file again posts nothing; a new target for one lot posts only its difference.
    const before = await snapshot();
    expect((await upload(inventory, "stock", file)).body).toMatchObject({ ok: true, created: 0, unchanged: 5 });
    expect(await snapshot()).toEqual(before);
    expect((await upload(inventory, "stock", csv([["sku", "location", "lot", "quantity"], ["LOC-LOT", "STOCK", "B-2", "0"]]))).body).toMatchObject({ ok: true, created: 1 });
    expect((await balances()).find((b) => b[2] === "B-2")).toEqual(["LOC-LOT", "STOCK", "B-2", 0]);

    const after = await snapshot();
    const bad = csv([
      ["sku", "location", "lot", "expires_at", "quantity"],
      ["LOC-PLAIN", "NOWHERE", "", "", "1"],
      ["LOC-PLAIN", "STOCK", "X-1", "", "1"],
      ["LOC-LOT", "STOCK", "", "", "1"],
      ["LOC-SER", "STOCK", "SN-2", "", "2"],
      ["LOC-LOT", "STOCK", "B-3", "03/04/2027", "1"],
      ["LOC-LOT", "STOCK", "B-4", "2027-02-30", "1"],
      ["LOC-LOT", "stock", "B-1", "", "1"],
      ["LOC-LOT", "STOCK", "B-1", "", "2"],
    ]);
    expect(errorsOf(await upload(inventory, "stock", bad)).map(({ row, column, code }) => [row, column, code])).toEqual([
      [2, "location", "UNKNOWN_LOCATION"],
      [3, "lot", "LOT_NOT_TRACKED"],
      [4, "lot", "LOT_REQUIRED"],
      [5, "quantity", "SERIAL_QUANTITY"],
      [6, "expires_at", "INVALID_DATE"],
      [7, "expires_at", "INVALID_DATE"],
      [9, "sku", "DUPLICATE"],
    ]);
    expect(await snapshot()).toEqual(after);
    await assertLedgerInvariant(prisma());
  });

  test("users (ADMIN): created with a password, updated by email, password ignored for existing users", async () => {
    const admin = await app.as("ADMIN");
    const file = csv([["email", "name", "role", "active", "password"], ["Imp.One@Example.com", "Imp One", "operator", "true", "Welcome2026"], ["imp.two@example.com", "Imp Two", "VIEWER", "", "Welcome2026"]]);
    expect((await upload(admin, "users", file)).body).toMatchObject({ ok: true, created: 2 });
    const signedIn = await app.anon().signIn("imp.one@example.com", "Welcome2026");
    expect(signedIn.status).toBeLessThan(400);
    const x = await xlsx([["email", "name", "role", "password"], ["imp.one@example.com", "Imp One", "MANAGER", "Other2026x"]]);
    expect((await upload(admin, "users", x)).body).toMatchObject({ ok: true, updated: 1 });
    const users = await admin.get<{ items: { email: string; role: string }[] }>("/api/users?q=imp.one");
    expect(users.body.items.map((u) => [u.email, u.role])).toEqual([["imp.one@example.com", "MANAGER"]]);
    const c = await app.anon().signIn("imp.one@example.com", "Welcome2026");
    expect(c.status).toBeLessThan(400);
    const bad = csv([["email", "name", "role", "password"], ["nope", "X", "VIEWER", "Welcome2026"], ["new@example.com", "New", "VIEWER", ""], ["admin@demo.com", "Admin User", "VIEWER", ""], ["x@example.com", "X", "BOSS", "Welcome2026"]]);
    expect(errorsOf(await upload(admin, "users", bad)).map(({ row, code }) => [row, code])).toEqual([[2, "INVALID_EMAIL"], [3, "PASSWORD_REQUIRED"], [4, "OWN_ACCOUNT"], [5, "NOT_ALLOWED_VALUE"]]);
  });
});

describe("templates, permissions, idempotency", () => {
  test.each(["products", "boms", "workcenters", "stock", "users"])("%s templates (CSV and XLSX) read back with the suggested mapping", async (kind) => {
    const admin = await app.as("ADMIN");
    const c = await admin.raw("GET", `/api/import/${kind}/template?format=csv`);
    expect(c.status).toBe(200);
    expect(c.headers.get("content-type")).toContain("text/csv");
    const x = await fetch(`${app.url}/api/import/${kind}/template?format=xlsx`, { headers: { cookie: admin.cookieHeader() } });
    expect(x.status).toBe(200);
    const bytes = new Uint8Array(await x.arrayBuffer());
    for (const file of [c.text, bytes]) {
      const res = await upload(admin, kind, file, { query: "dryRun=1" });
      expect(res.status).toBe(200);
      expect(res.body.errors.filter((e) => e.code.startsWith("COLUMN"))).toEqual([]);
      expect(Object.keys(res.body.mapping).length).toBe(res.body.headers.length);
    }
  });

  test("each kind needs the permission of what it writes", async () => {
    const manager = await app.as("MANAGER");
    const inventory = await app.as("INVENTORY");
    const file = csv([["sku", "quantity"], ["STEEL-01", "1"]]);
    expect((await upload(manager, "stock", file, { query: "dryRun=1" })).status).toBe(403);
    expect((await upload(manager, "users", file, { query: "dryRun=1" })).status).toBe(403);
    expect((await upload(inventory, "products", file, { query: "dryRun=1" })).status).toBe(403);
    expect((await upload(await app.as("VIEWER"), "products", file, { query: "dryRun=1" })).status).toBe(403);
    expect((await upload(manager, "nothing", file)).status).toBe(400);
  });

  test("an Idempotency-Key replays the first answer", async () => {
    const manager = await app.as("MANAGER");
    const file = csv([["sku", "name"], ["IDEM-1", "Once"]]);
    const first = await upload(manager, "products", file, { headers: { "idempotency-key": "import-once" } });
    expect(first.body).toMatchObject({ ok: true, created: 1 });
    const again = await manager.raw("POST", "/api/import/products", { body: file, headers: { "content-type": "text/csv", "idempotency-key": "import-twice" } });
    expect(again.body).toMatchObject({ created: 0, unchanged: 1 });
    const replay = await manager.raw("POST", "/api/import/products", { body: file, headers: { "content-type": "text/csv", "idempotency-key": "import-twice" } });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.text).toBe(again.text);
  });
});
