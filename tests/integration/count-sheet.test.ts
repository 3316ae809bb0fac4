// The blind count sheet (GET /api/stock/counts/sheet, docs/locations.md "Screens: transfers and
// counts"): every product and lot on hand at one location with SKU, name, lot, expiry and unit and an
// empty "counted" column, never the on-hand; as CSV, xlsx and PDF through the report writers, in the
// reader's language. Bad parameters, an unknown location and missing permissions are JSON errors
// before any byte of a file; nothing 500s; the ledger invariant holds at the end.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client, ErrorBody } from "../helpers/client";
import { assertLedgerInvariant, negativeBalances } from "../helpers/ledger";

let app: TestApp;
let inventory: Client;
let viewer: Client;
let locationId: string;
let emptyId: string;
// Letters only: a digit in the codes could spell one of the quantities the sheets must not show.
const stamp = Date.now().toString(36).toUpperCase().replace(/[0-9]/g, (d) => "GHIJKLMNOP"[Number(d)]!);
const LOC = `CNT-${stamp}`;
const SKU_LOT = `CS-LOT-${stamp}`;
const SKU_NONE = `CS-NONE-${stamp}`;
// Quantities no other column would print: a sheet that showed the on-hand would contain them.
const QTY = { lotA: 37, lotB: 41, none: 53 };

interface Download {
  status: number;
  headers: Headers;
  buf: Buffer;
  text: string;
}

/** Downloads the sheet as `c` with the browser language `lang`. */
async function sheet(c: Client, query: string, lang = "en-US"): Promise<Download> {
  const res = await fetch(`${app.url}/api/stock/counts/sheet?${query}`, { headers: { cookie: c.cookieHeader(), "accept-language": lang } });
  const buf = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, buf, text: buf.toString("utf8") };
}

const filename = (d: Download) => /filename="([^"]+)"/.exec(d.headers.get("content-disposition") ?? "")?.[1];
const today = () => new Date().toISOString().slice(0, 10);

function csvRows(d: Download, delimiter: string): Record<string, string>[] {
  expect(d.status).toBe(200);
  expect(d.text.startsWith("\uFEFF")).toBe(true);
  return parse(d.text, { bom: true, columns: true, skip_empty_lines: true, delimiter }) as Record<string, string>[];
}

function expectError(d: { status: number; text: string; headers: Headers }, status: number, code: string): ErrorBody {
  expect(d.headers.get("content-type")).toMatch(/application\/json/);
  const body = JSON.parse(d.text) as ErrorBody;
  expect({ status: d.status, code: body.error.code }).toEqual({ status, code });
  return body;
}

beforeAll(async () => {
  app = await startTestApp();
  inventory = await app.as("INVENTORY");
  viewer = await app.as("VIEWER");
  const admin = await app.as("ADMIN");
  const loc = await inventory.post<{ id: string }>("/api/locations", { code: LOC, name: "Count shelf" });
  expect(loc.status).toBe(201);
  locationId = loc.body.id;
  const empty = await inventory.post<{ id: string }>("/api/locations", { code: `${LOC}-E`, name: "Empty shelf" });
  expect(empty.status).toBe(201);
  emptyId = empty.body.id;
  const lotted = await admin.post<{ id: string }>("/api/products", { sku: SKU_LOT, name: "Glue, two-part", isFinished: false, uom: "tube", tracking: "LOT" });
  const plain = await admin.post<{ id: string }>("/api/products", { sku: SKU_NONE, name: "Washer M6", isFinished: false, uom: "pcs" });
  expect([lotted.status, plain.status]).toEqual([201, 201]);
  const receipts = [
    { productId: lotted.body.id, quantity: QTY.lotB, locationId, lotCode: "B-200" },
    { productId: lotted.body.id, quantity: QTY.lotA, locationId, lotCode: "A-100", expiresAt: "2027-03-31T00:00:00.000Z" },
    { productId: plain.body.id, quantity: QTY.none, locationId },
  ];
  for (const r of receipts) expect((await inventory.post("/api/stock/receipts", r)).status).toBe(201);
});
afterAll(async () => {
  await assertLedgerInvariant(app.db.handle.prisma);
  expect(await negativeBalances(app.db.handle.prisma)).toEqual([]);
  await app.close();
});

describe("the count sheet of a location", () => {
  test("CSV (English): SKU, name, lot, expiry, unit and an empty counted column, one line per product and lot, no on-hand", async () => {
    const res = await sheet(viewer, `locationId=${locationId}&format=csv`);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(filename(res)).toBe(`count-sheet-${LOC}_${today()}.csv`);
    const rows = csvRows(res, ",");
    expect(Object.keys(rows[0]!)).toEqual(["sku", "name", "lot", "expiry", "uom", "counted"]);
    expect(rows).toEqual([
      { sku: SKU_LOT, name: "Glue, two-part", lot: "A-100", expiry: "2027-03-31", uom: "tube", counted: "" },
      { sku: SKU_LOT, name: "Glue, two-part", lot: "B-200", expiry: "", uom: "tube", counted: "" },
      { sku: SKU_NONE, name: "Washer M6", lot: "", expiry: "", uom: "pcs", counted: "" },
    ]);
    for (const q of Object.values(QTY)) expect(res.text).not.toContain(String(q));
  });

  test("CSV for a Dutch reader: ';', Dutch headers and a Dutch file name", async () => {
    const res = await sheet(viewer, `locationId=${locationId}&format=csv`, "nl-NL,nl;q=0.9");
    expect(filename(res)).toBe(`telformulier-${LOC}_${today()}.csv`);
    const rows = csvRows(res, ";");
    expect(Object.keys(rows[0]!)).toEqual(["Artikelnr.", "Product", "Partij", "Vervaldatum", "Eenheid", "Geteld"]);
    expect(rows.map((r) => [r["Artikelnr."], r.Partij, r.Geteld])).toEqual([
      [SKU_LOT, "A-100", ""],
      [SKU_LOT, "B-200", ""],
      [SKU_NONE, "", ""],
    ]);
    // dialect=rfc4180 is the machine file whatever the language.
    const machine = await sheet(viewer, `locationId=${locationId}&format=csv&dialect=rfc4180`, "nl-NL");
    expect(Object.keys(csvRows(machine, ",")[0]!)).toEqual(["sku", "name", "lot", "expiry", "uom", "counted"]);
  });

  test("xlsx: one sheet of lines with an empty counted column, and the About sheet saying it is blind", async () => {
    const res = await sheet(inventory, `locationId=${locationId}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(filename(res)).toBe(`count-sheet-${LOC}_${today()}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Count sheet", "About"]);
    const ws = wb.getWorksheet("Count sheet")!;
    expect((ws.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual(["SKU", "Product", "Lot", "Expiry", "Unit", "Counted"]);
    expect(ws.actualRowCount).toBe(4);
    expect(ws.getRow(2).getCell(3).value).toBe("A-100");
    expect(ws.getRow(2).getCell(4).value).toBeInstanceOf(Date);
    for (const n of [2, 3, 4]) expect(ws.getRow(n).getCell(6).value ?? null).toBeNull();
    const about: string[] = [];
    wb.getWorksheet("About")!.eachRow((r) => about.push(String(r.getCell(2).value)));
    expect(about).toContain(`Count sheet ${LOC}`);
    expect(about.some((v) => v.startsWith("Blind count"))).toBe(true);
  });

  test("PDF: the title, the location, the lines and the blind note; no on-hand", async () => {
    const res = await sheet(inventory, `locationId=${locationId}&format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.buf.subarray(0, 5).toString()).toBe("%PDF-");
    const { extractText } = await import("unpdf");
    const text = (await extractText(new Uint8Array(res.buf), { mergePages: true })).text;
    for (const s of [`Count sheet ${LOC}`, "Count shelf", "Blind count", SKU_LOT, SKU_NONE, "A-100", "B-200", "Counted"]) expect(text).toContain(s);
    for (const q of Object.values(QTY)) expect(text).not.toContain(` ${q} `);
  });

  test("PDF in Dutch for a reader who chose Dutch", async () => {
    await app.db.handle.prisma.user.update({ where: { email: "inventory@demo.com" }, data: { locale: "nl" } });
    try {
      const res = await sheet(inventory, `locationId=${locationId}&format=pdf`, "en-US");
      expect(filename(res)).toBe(`telformulier-${LOC}_${today()}.pdf`);
      const { extractText } = await import("unpdf");
      const text = (await extractText(new Uint8Array(res.buf), { mergePages: true })).text;
      for (const s of [`Telformulier ${LOC}`, "Blinde telling", "Artikelnr.", "Partij", "Geteld"]) expect(text).toContain(s);
    } finally {
      await app.db.handle.prisma.user.update({ where: { email: "inventory@demo.com" }, data: { locale: null } });
    }
  });

  test("a location with nothing on hand gives a sheet without lines", async () => {
    const rows = csvRows(await sheet(viewer, `locationId=${emptyId}&format=csv`), ",");
    expect(rows).toEqual([]);
    expect((await sheet(viewer, `locationId=${emptyId}&format=pdf`)).status).toBe(200);
  });
});

describe("refusals are JSON errors, never a file and never a 500", () => {
  test("bad parameters are a 400 naming the field", async () => {
    const cases: [string, string][] = [
      ["locationId=not-a-uuid&format=csv", "locationId"],
      ["format=csv", "locationId"],
      [`locationId=${locationId}`, "format"],
      [`locationId=${locationId}&format=docx`, "format"],
      [`locationId=${locationId}&format=pdf&dialect=excel`, "dialect"],
      [`locationId=${locationId}&format=csv&extra=1`, ""],
    ];
    for (const [query, field] of cases) {
      const res = await sheet(viewer, query);
      const body = expectError(res, 400, "VALIDATION_FAILED");
      if (field) expect(body.error.details).toContainEqual(expect.objectContaining({ path: field }));
    }
  });

  test("an unknown location is a 404", async () => {
    expectError(await sheet(viewer, "locationId=00000000-0000-4000-8000-00000000dead&format=pdf"), 404, "NOT_FOUND");
  });

  test("signed out is a 401, a role without stock:read a 403, another method a 405", async () => {
    const anon = await fetch(`${app.url}/api/stock/counts/sheet?locationId=${locationId}&format=csv`);
    expect(anon.status).toBe(401);
    expectError(await sheet(await app.as("SALES"), `locationId=${locationId}&format=csv`), 403, "FORBIDDEN");
    const post = await inventory.post(`/api/stock/counts/sheet?locationId=${locationId}&format=csv`, {});
    expect(post.status).toBe(405);
  });

  test("downloading changed nothing: the location still holds what was received", async () => {
    const detail = await viewer.get<{ stock: { onHand: number }[] }>(`/api/locations/${locationId}`);
    expect(detail.body.stock.map((s) => s.onHand).sort((a, b) => a - b)).toEqual([QTY.lotA, QTY.lotB, QTY.none]);
  });
});
