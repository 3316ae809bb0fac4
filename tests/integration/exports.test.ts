// Report exports: every report in every format, read back with a real reader (exceljs, csv-parse,
// unpdf) and checked against figures set up here with known values and against the database.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { inflateSync } from "node:zlib";
import { withTx } from "@/lib/db/tx";
import { DEMO_MO_NAME } from "@/lib/demo/seed";
import { postStock } from "@/lib/stock/post";
import { ensureStockLevel } from "@/lib/stock/levels";
import type { Kpis } from "@/lib/reports/kpis";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";

let app: TestApp;
const MIN = 60_000;
const DAY = 24 * 3600 * 1000;
const now = Date.now();
const from = new Date(now - 10 * DAY);
const to = new Date(now + DAY);
const PERIOD = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
const day = (d: Date) => d.toISOString().slice(0, 10);
/** How CSV shows an instant: wall-clock minutes in the report's zone (the server's, UTC here). */
const csvTime = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

interface Ids {
  steel: string;
  screws: string;
  table: string;
  bolt: string;
  otto: string;
  olga: string;
  welding: string;
  assembly: string;
  moA: string;
  moB: string;
  moC: string;
  moD: string;
  orderNo: Record<"A" | "B" | "C" | "D" | "seed", string>;
}
let ids: Ids;

interface Download {
  status: number;
  headers: Headers;
  buf: Buffer;
  text: string;
}

/** Downloads as `c` (fetch, so binary bodies stay intact). */
async function download(c: Client, query: string): Promise<Download> {
  const res = await fetch(`${app.url}/api/reports/export?${query}`, { headers: { cookie: c.cookieHeader() } });
  const buf = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, buf, text: buf.toString("utf8") };
}

async function xlsx(d: Download): Promise<ExcelJS.Workbook> {
  expect(d.status).toBe(200);
  expect(d.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(d.buf as unknown as ArrayBuffer);
  return wb;
}

function csv(d: Download): Record<string, string>[] {
  expect(d.status).toBe(200);
  expect(d.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
  expect(d.text.startsWith("\uFEFF")).toBe(true); // UTF-8 BOM, for Excel
  return parse(d.text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

async function pdf(d: Download): Promise<{ pages: number; text: string[] }> {
  expect(d.status).toBe(200);
  expect(d.headers.get("content-type")).toBe("application/pdf");
  expect(d.buf.subarray(0, 5).toString()).toBe("%PDF-");
  const { extractText } = await import("unpdf");
  const out = await extractText(new Uint8Array(d.buf), { mergePages: false });
  return { pages: out.totalPages, text: out.text };
}

/** The PDF's content streams, inflated (pdfkit compresses them with Flate). */
function pdfContent(buf: Buffer): string {
  const raw = buf.toString("latin1");
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    try {
      out.push(inflateSync(buf.subarray(start, end)).toString("latin1"));
    } catch {
      // not a Flate stream (e.g. font data)
    }
  }
  return out.join("\n");
}

/** A sheet's data rows (after the header) as objects keyed by header text. */
function sheetRows(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = row.values as ExcelJS.CellValue[];
    out.push(Object.fromEntries(header.map((h, i) => [h, v[i + 1] ?? null])));
  });
  return out;
}

function expectXlsxConventions(ws: ExcelJS.Worksheet): void {
  expect(ws.views[0]).toEqual(expect.objectContaining({ state: "frozen", ySplit: 1 }));
  expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
  for (let i = 1; i <= ws.columnCount; i++) expect(ws.getColumn(i).width).toBeGreaterThan(4);
}

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.handle.prisma;
  const bySku = Object.fromEntries((await p.product.findMany()).map((x) => [x.sku, x]));
  const steel = bySku["STEEL-01"]!;
  const screws = bySku["SCR-01"]!;
  const table = bySku["TABLE-100"]!;
  const manager = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
  const otto = await p.user.findUniqueOrThrow({ where: { email: "operator@demo.com" } });
  const olga = await p.user.create({ data: { email: "olga@example.com", name: "Olga Operator", role: "OPERATOR" } });
  const welding = await p.workCenter.findUniqueOrThrow({ where: { name: "Welding" } }); // 45 / h
  const assembly = await p.workCenter.findUniqueOrThrow({ where: { name: "Assembly" } }); // 35 / h
  const bolt = await p.product.create({ data: { sku: "BOLT-01", name: "Bolt, no cost", uom: "pcs", reorderPoint: 10 } });
  await p.product.create({ data: { sku: "OLD-01", name: "Archived, empty", uom: "pcs", unitCost: 3, archivedAt: new Date(now - DAY) } });
  await withTx((tx) => ensureStockLevel(tx, bolt.id));

  // Snapshot: 2 steel (25) + 20 screws (0.5) per table = 60 per unit.
  const snapshot = [
    { materialId: steel.id, sku: steel.sku, name: steel.name, uom: steel.uom, qtyPerUnit: 2 },
    { materialId: screws.id, sku: screws.sku, name: screws.name, uom: screws.uom, qtyPerUnit: 20 },
  ];
  const base = { productId: table.id, createdById: manager.id, bomSnapshot: snapshot };
  const mo = (data: Record<string, unknown>) => p.manufacturingOrder.create({ data: { ...base, ...data } as Parameters<typeof p.manufacturingOrder.create>[0]["data"] });
  const A = await mo({
    name: "Export A, late", quantity: 4, producedQty: 4, state: "DONE", priority: "HIGH",
    createdAt: new Date(now - 5 * DAY), startedAt: new Date(now - 4 * DAY), completedAt: new Date(now - 2 * DAY), deadline: new Date(now - 3 * DAY),
    customerName: "ACME, Inc.", customerRef: "PO-77", promisedDate: new Date(now - DAY),
  });
  const B = await mo({ name: "Export B, on time", quantity: 2, producedQty: 1, state: "DONE", createdAt: new Date(now - 4 * DAY), completedAt: new Date(now - DAY), deadline: new Date(now + 5 * DAY) });
  const C = await mo({ name: "Export C, open and late", quantity: 3, state: "PLANNED", createdAt: new Date(now - 3 * DAY), deadline: new Date(now - DAY), customerName: "Globex" });
  const D = await mo({ name: "Export D, long ago", quantity: 1, producedQty: 1, state: "DONE", createdAt: new Date(now - 40 * DAY), completedAt: new Date(now - 35 * DAY) });

  const wo = (moId: string, sequence: number, workCenterId: string, status: "COMPLETED" | "STARTED") =>
    p.workOrder.create({ data: { moId, sequence, title: `Op ${sequence}`, workCenterId, status, assignedToId: otto.id } });
  const a1 = await wo(A.id, 1, welding.id, "COMPLETED");
  // Worked minutes on the WO rows too, for the KPIs' durations by operation.
  await p.workOrder.update({ where: { id: a1.id }, data: { durationMin: 45, endTime: new Date(now - 3 * DAY + 65 * MIN) } });
  const a2 = await wo(A.id, 2, assembly.id, "COMPLETED");
  const b1 = await wo(B.id, 1, welding.id, "COMPLETED");
  const c1 = await wo(C.id, 1, welding.id, "STARTED");
  const d1 = await wo(D.id, 1, assembly.id, "COMPLETED");
  const t0 = now - 3 * DAY;
  await p.workOrderTimeLog.createMany({
    data: [
      // A1: 30 + 15 minutes with a 20-minute pause between them (the pause is no log).
      { workOrderId: a1.id, userId: otto.id, startedAt: new Date(t0), endedAt: new Date(t0 + 30 * MIN) },
      { workOrderId: a1.id, userId: otto.id, startedAt: new Date(t0 + 50 * MIN), endedAt: new Date(t0 + 65 * MIN) },
      // A2: Olga, 60 minutes.
      { workOrderId: a2.id, userId: olga.id, startedAt: new Date(t0 + 2 * 60 * MIN), endedAt: new Date(t0 + 3 * 60 * MIN) },
      // B1: 20 minutes.
      { workOrderId: b1.id, userId: otto.id, startedAt: new Date(now - 2 * DAY), endedAt: new Date(now - 2 * DAY + 20 * MIN) },
      // C1: still open: not worked time yet.
      { workOrderId: c1.id, userId: otto.id, startedAt: new Date(now - 60 * MIN), endedAt: null },
      // D1: 60 minutes across the period's start: 30 count; and one long before it: none.
      { workOrderId: d1.id, userId: otto.id, startedAt: new Date(from.getTime() - 30 * MIN), endedAt: new Date(from.getTime() + 30 * MIN) },
      { workOrderId: d1.id, userId: otto.id, startedAt: new Date(now - 36 * DAY), endedAt: new Date(now - 36 * DAY + 90 * MIN) },
    ],
  });

  // Ledger through the stock module: A consumed one steel plate more than planned.
  await withTx((tx) => postStock(tx, { lines: [{ productId: steel.id, change: -9 }, { productId: screws.id, change: -80 }], sourceType: "MO_CONSUMPTION", sourceId: A.id, note: "A consumed", actorId: manager.id }));
  await withTx((tx) => postStock(tx, { lines: [{ productId: table.id, change: 4 }], sourceType: "MO_OUTPUT", sourceId: A.id, note: "A produced", actorId: manager.id }));
  await withTx((tx) => postStock(tx, { lines: [{ productId: steel.id, change: -2 }, { productId: screws.id, change: -20 }], sourceType: "MO_CONSUMPTION", sourceId: B.id, note: "B consumed", actorId: manager.id }));
  await withTx((tx) => postStock(tx, { lines: [{ productId: table.id, change: 1 }], sourceType: "MO_OUTPUT", sourceId: B.id, note: "B produced", actorId: manager.id }));
  await withTx((tx) => postStock(tx, { lines: [{ productId: screws.id, change: 5 }], sourceType: "MANUAL", note: "=found, \"recounted\"\nshelf 3", actorId: manager.id }));
  await withTx((tx) => postStock(tx, { lines: [{ productId: steel.id, change: 50 }], sourceType: "RECEIPT", sourceId: "PO-9", actorId: manager.id }));

  const seeded = await p.manufacturingOrder.findFirstOrThrow({ where: { name: DEMO_MO_NAME } });
  ids = {
    steel: steel.id, screws: screws.id, table: table.id, bolt: bolt.id, otto: otto.id, olga: olga.id, welding: welding.id, assembly: assembly.id,
    moA: A.id, moB: B.id, moC: C.id, moD: D.id,
    orderNo: { A: A.orderNo, B: B.orderNo, C: C.orderNo, D: D.orderNo, seed: seeded.orderNo },
  };
});
afterAll(async () => {
  await app.close();
});

describe("mos", () => {
  const q = `report=mos&${PERIOD}`;

  test("csv: the orders created in the period, with the database's values", async () => {
    const res = await download(await app.as("SALES"), `${q}&format=csv`);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="manufacturing-orders_${day(from)}_${day(new Date(to.getTime() - 1))}.csv"`);
    expect(res.text.split("\r\n")[0]).toBe(
      "\uFEFForderNo,name,state,productSku,productName,quantity,producedQty,deadline,late,priority,customerName,customerRef,promisedDate,createdAt,startedAt,completedAt",
    );
    const rows = csv(res);
    // Oldest first; D was created before the period.
    expect(rows.map((r) => r.orderNo)).toEqual([ids.orderNo.A, ids.orderNo.B, ids.orderNo.C, ids.orderNo.seed]);
    const a = rows[0]!;
    const dbA = await app.db.handle.prisma.manufacturingOrder.findUniqueOrThrow({ where: { id: ids.moA } });
    expect(a).toEqual({
      orderNo: dbA.orderNo, name: "Export A, late", state: "DONE", productSku: "TABLE-100", productName: "Metal Table",
      quantity: "4", producedQty: "4", deadline: csvTime(dbA.deadline!), late: "true", priority: "HIGH",
      customerName: "ACME, Inc.", customerRef: "PO-77", promisedDate: csvTime(dbA.promisedDate!),
      createdAt: csvTime(dbA.createdAt), startedAt: csvTime(dbA.startedAt!), completedAt: csvTime(dbA.completedAt!),
    });
    expect(rows.map((r) => r.late)).toEqual(["true", "false", "true", "false"]);
    expect(rows[2]).toEqual(expect.objectContaining({ state: "PLANNED", producedQty: "", startedAt: "", customerName: "Globex" }));
  });

  test("xlsx: numbers are numbers, dates are dates, header frozen and bold", async () => {
    const wb = await xlsx(await download(await app.as("VIEWER"), `${q}&format=xlsx&state=DONE`));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Orders", "About"]);
    const ws = wb.getWorksheet("Orders")!;
    expectXlsxConventions(ws);
    const rows = sheetRows(ws);
    expect(rows.map((r) => r.Order)).toEqual([ids.orderNo.A, ids.orderNo.B]);
    expect(rows[0]).toEqual(expect.objectContaining({ Quantity: 4, Produced: 4, Late: true, Customer: "ACME, Inc.", State: "DONE" }));
    expect(rows[1]).toEqual(expect.objectContaining({ Quantity: 2, Produced: 1, Late: false }));
    // A date cell holds a Date with a date format, showing the UTC wall time (tz defaults to UTC).
    const created = ws.getRow(2).getCell(14);
    expect(created.value).toBeInstanceOf(Date);
    expect(created.numFmt).toBe("yyyy-mm-dd hh:mm");
    expect((created.value as Date).getTime()).toBe(now - 5 * DAY);
    const about = sheetRows(wb.getWorksheet("About")!);
    expect(about).toEqual(expect.arrayContaining([{ Field: "Report", Value: "Manufacturing orders" }, { Field: "Filter", Value: "State: DONE" }]));
  });

  test("xlsx dates show the wall time of the requested time zone", async () => {
    const wb = await xlsx(await download(await app.as("MANAGER"), `${q}&format=xlsx&state=DONE&tz=Asia/Kolkata`));
    const created = wb.getWorksheet("Orders")!.getRow(2).getCell(14).value as Date;
    expect(created.getTime()).toBe(now - 5 * DAY + 5.5 * 3600 * 1000); // UTC+5:30
  });

  test("pdf: title, period, generation time, rows and page numbers", async () => {
    const res = await download(await app.as("MANAGER"), `${q}&format=pdf&productId=${ids.table}`);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="manufacturing-orders_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.pdf"$/);
    const { pages, text } = await pdf(res);
    expect(pages).toBe(1);
    const t = text[0]!;
    expect(t).toContain("Manufacturing orders");
    expect(t).toContain("Period:");
    expect(t).toContain("Generated:");
    expect(t).toContain("Product: TABLE-100 Metal Table");
    for (const no of [ids.orderNo.A, ids.orderNo.B, ids.orderNo.C, ids.orderNo.seed]) expect(t).toContain(no);
    expect(t).not.toContain(ids.orderNo.D);
    expect(t).toContain("ACME, Inc.");
    expect(t).toContain("Page 1 of 1");
  });
});

describe("ledger", () => {
  const q = `report=ledger&${PERIOD}`;

  test("csv: every entry of the period in id order with its running balance, matching the database", async () => {
    const res = await download(await app.as("INVENTORY"), `${q}&format=csv`);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="stock-ledger_${day(from)}_${day(new Date(to.getTime() - 1))}.csv"`);
    expect(res.text).toContain("\r\n"); // RFC 4180 line breaks
    const rows = csv(res);
    const db = await app.db.handle.prisma.stockEntry.findMany({ orderBy: { id: "asc" }, include: { product: true, createdBy: true, location: true, lot: true } });
    expect(rows).toHaveLength(db.length);
    expect(rows).toEqual(
      db.map((e) => ({
        entryId: String(e.id),
        createdAt: csvTime(e.createdAt),
        productSku: e.product.sku,
        productName: e.product.name,
        uom: e.product.uom,
        location: e.location.code,
        lot: e.lot?.code ?? "",
        change: String(e.change.toNumber()),
        balanceAfter: String(e.balanceAfter.toNumber()),
        sourceType: e.sourceType,
        sourceId: e.sourceId ?? "",
        // Text a spreadsheet would run as a formula is defused with a leading apostrophe.
        note: e.note?.startsWith("=") ? `'${e.note}` : (e.note ?? ""),
        user: e.createdBy?.name ?? "",
      })),
    );
    // The quoted, multi-line note survived the round trip.
    expect(rows.find((r) => r.sourceType === "MANUAL")!.note).toBe("'=found, \"recounted\"\nshelf 3");
    // Running balance of steel: 100 → 91 → 89 → 139.
    expect(rows.filter((r) => r.productSku === "STEEL-01").map((r) => r.balanceAfter)).toEqual(["100", "91", "89", "139"]);
  });

  test("xlsx: filtered by product and source type", async () => {
    const wb = await xlsx(await download(await app.as("MANAGER"), `${q}&format=xlsx&productId=${ids.screws}&sourceType=MO_CONSUMPTION`));
    const ws = wb.getWorksheet("Ledger")!;
    expectXlsxConventions(ws);
    const rows = sheetRows(ws);
    expect(rows.map((r) => [r.SKU, r.Change, r["Balance after"], r.Source])).toEqual([
      ["SCR-01", -80, 920, "MO_CONSUMPTION"],
      ["SCR-01", -20, 900, "MO_CONSUMPTION"],
    ]);
    expect(rows[0]!.Date).toBeInstanceOf(Date);
    expect(rows[0]!["Source id"]).toBe(ids.moA);
    expect(rows[0]!.User).toBe("Maria Manager");
  });

  test("pdf: the entries as a table", async () => {
    const { pages, text } = await pdf(await download(await app.as("VIEWER"), `${q}&format=pdf&sourceType=RECEIPT`));
    expect(pages).toBe(1);
    expect(text[0]).toContain("Stock ledger");
    expect(text[0]).toContain("PO-9");
    expect(text[0]).toContain("139");
    expect(text[0]).not.toContain("MO_CONSUMPTION");
    expect(text[0]).toContain("Page 1 of 1");
  });
});

describe("levels", () => {
  const EXPECTED = [
    // sku, onHand, reorderPoint, low, unitCost, value
    ["BOLT-01", 0, 10, true, null, null],
    ["SCR-01", 905, 200, false, 0.5, 452.5],
    ["STEEL-01", 139, 20, false, 25, 3475],
    ["TABLE-100", 5, null, false, 120, 600],
  ];
  const TOTAL = 4527.5;

  test("xlsx: on hand, reorder point, low flag, value and the total value", async () => {
    const before = day(new Date());
    const res = await download(await app.as("INVENTORY"), "report=levels&format=xlsx");
    // A snapshot is named for the day it was taken (the test may straddle midnight).
    expect([`attachment; filename="stock-levels_${before}.xlsx"`, `attachment; filename="stock-levels_${day(new Date())}.xlsx"`]).toContain(res.headers.get("content-disposition"));
    const wb = await xlsx(res);
    const ws = wb.getWorksheet("Stock levels")!;
    expectXlsxConventions(ws);
    const rows = sheetRows(ws);
    expect(rows.slice(0, -1).map((r) => [r.SKU, r["On hand"], r["Reorder point"], r.Low, r["Unit cost"], r.Value])).toEqual(EXPECTED);
    const total = rows[rows.length - 1]!;
    expect(total).toEqual(expect.objectContaining({ SKU: "Total", Value: TOTAL }));
    expect(ws.getRow(rows.length + 1).getCell(1).font?.bold).toBe(true);
    // Against the database: the levels the stock module keeps.
    const db = await app.db.handle.prisma.stockLevel.findMany({ include: { product: true } });
    for (const l of db) {
      const row = rows.find((r) => r.SKU === l.product.sku);
      if (l.product.archivedAt && l.onHand.isZero()) expect(row).toBeUndefined();
      else expect(row?.["On hand"]).toBe(l.onHand.toNumber());
    }
  });

  test("csv and pdf give the same figures", async () => {
    const c = await app.as("VIEWER");
    const rows = csv(await download(c, "report=levels&format=csv"));
    expect(rows.map((r) => [r.sku, r.onHand, r.low, r.value])).toEqual([
      ["BOLT-01", "0", "true", ""],
      ["SCR-01", "905", "false", "452.5"],
      ["STEEL-01", "139", "false", "3475"],
      ["TABLE-100", "5", "false", "600"],
      ["Total", "", "", String(TOTAL)],
    ]);
    const { text } = await pdf(await download(c, "report=levels&format=pdf"));
    expect(text[0]).toContain("Stock levels");
    expect(text[0]).toContain("Snapshot at");
    expect(text[0]).toContain("4,527.50");
    expect(text[0]).toContain("3,475.00");
  });
});

describe("labor", () => {
  const q = `report=labor&${PERIOD}`;

  test("xlsx: minutes per operator and per work center, clipped to the period, open logs and pauses excluded", async () => {
    const res = await download(await app.as("MANAGER"), `${q}&format=xlsx`);
    expect(res.headers.get("content-disposition")).toMatch(/filename="labor_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx"/);
    const wb = await xlsx(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["By operator", "By work center", "About"]);
    expectXlsxConventions(wb.getWorksheet("By operator")!);
    const ops = sheetRows(wb.getWorksheet("By operator")!);
    // Otto: 45 (A1, welding 45/h) + 20 (B1, welding) + 30 of D1's 60 (assembly 35/h); Olga: 60 (assembly).
    expect(ops.map((r) => [r.Operator, r["Worked minutes"], r.Hours, r["Work orders"], r["Labour cost"]])).toEqual([
      ["Olga Operator", 60, 1, 1, 35],
      ["Otto Operator", 95, 1.5833, 3, 66.25],
      ["Total", 155, 2.5833, null, 101.25],
    ]);
    const centers = sheetRows(wb.getWorksheet("By work center")!);
    expect(centers.map((r) => [r["Work center"], r["Cost per hour"], r["Worked minutes"], r["Labour cost"]])).toEqual([
      ["Assembly", 35, 90, 52.5],
      ["Welding", 45, 65, 48.75],
      ["Total", null, 155, 101.25],
    ]);
  });

  test("csv: one table with a section column; operator and work center filters", async () => {
    const c = await app.as("SALES");
    const rows = csv(await download(c, `${q}&format=csv`));
    expect(Object.keys(rows[0]!)).toEqual(["section", "name", "email", "minutes", "hours", "workOrders", "laborCost", "costPerHour"]);
    expect(rows.map((r) => [r.section, r.name, r.minutes, r.laborCost])).toEqual([
      ["By operator", "Olga Operator", "60", "35"],
      ["By operator", "Otto Operator", "95", "66.25"],
      ["By operator", "Total", "155", "101.25"],
      ["By work center", "Assembly", "90", "52.5"],
      ["By work center", "Welding", "65", "48.75"],
      ["By work center", "Total", "155", "101.25"],
    ]);
    const olga = csv(await download(c, `${q}&format=csv&operatorId=${ids.olga}`));
    expect(olga.filter((r) => r.name !== "Total").map((r) => [r.name, r.minutes])).toEqual([["Olga Operator", "60"], ["Assembly", "60"]]);
    const welding = csv(await download(c, `${q}&format=csv&workCenterId=${ids.welding}`));
    expect(welding.filter((r) => r.name !== "Total").map((r) => [r.name, r.minutes, r.laborCost])).toEqual([["Otto Operator", "65", "48.75"], ["Welding", "65", "48.75"]]);
  });

  test("pdf: both tables with their totals", async () => {
    const { pages, text } = await pdf(await download(await app.as("VIEWER"), `${q}&format=pdf`));
    expect(pages).toBe(1);
    const t = text[0]!;
    expect(t).toContain("Worked time by operator");
    expect(t).toContain("Worked time by work center");
    expect(t).toContain("Otto Operator");
    expect(t).toContain("101.25");
    expect(t).toContain("95.00");
  });
});

describe("costs", () => {
  const q = `report=costs&${PERIOD}`;

  test("xlsx: planned vs actual material, labour, total and per unit for DONE orders of the period", async () => {
    const res = await download(await app.as("MANAGER"), `${q}&format=xlsx`);
    expect(res.headers.get("content-disposition")).toMatch(/filename="mo-costs_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx"/);
    const ws = (await xlsx(res)).getWorksheet("MO costs")!;
    expectXlsxConventions(ws);
    const rows = sheetRows(ws);
    const pick = (r: Record<string, ExcelJS.CellValue>) => [r.Order, r["Planned material"], r["Actual material"], r["Material variance"], r["Labour minutes"], r["Labour cost"], r["Total cost"], r["Cost per unit"]];
    // A: planned 4 × 60 = 240; consumed 9 × 25 + 80 × 0.5 = 265; labour 45 min × 45/h + 60 min × 35/h = 68.75; per unit 333.75 / 4.
    // B: planned 2 × 60 = 120; consumed 2 × 25 + 20 × 0.5 = 60; labour 20 min × 45/h = 15; per unit 75 / 1.
    expect(rows.map(pick)).toEqual([
      [ids.orderNo.A, 240, 265, 25, 105, 68.75, 333.75, 83.4375],
      [ids.orderNo.B, 120, 60, -60, 20, 15, 75, 75],
      // Money (and minutes) only: no cost per unit across different products.
      ["Total", 360, 325, -35, 125, 83.75, 408.75, null],
    ]);
    expect(rows[0]!.Completed).toBeInstanceOf(Date);
  });

  test("csv: state=ALL covers every state (DONE by completion, others by creation); pdf shows the totals", async () => {
    const c = await app.as("SALES");
    const rows = csv(await download(c, `${q}&format=csv&state=ALL`));
    expect(rows.map((r) => r.orderNo).sort()).toEqual([ids.orderNo.A, ids.orderNo.B, ids.orderNo.C, ids.orderNo.seed, "Total"].sort());
    const cRow = rows.find((r) => r.orderNo === ids.orderNo.C)!;
    expect([cRow.plannedMaterialCost, cRow.actualMaterialCost, cRow.laborMinutes, cRow.costPerUnit]).toEqual(["180", "0", "0", ""]);
    const planned = csv(await download(c, `${q}&format=csv&state=PLANNED`));
    expect(planned.map((r) => r.orderNo)).toEqual([ids.orderNo.C, ids.orderNo.seed, "Total"]);

    const { text } = await pdf(await download(c, `${q}&format=pdf`));
    expect(text[0]).toContain("Manufacturing order costs");
    expect(text[0]).toContain("408.75");
    expect(text[0]).toContain("83.44"); // A's cost per unit, to the cent
  });
});

describe("kpis", () => {
  test("pdf: one page with the figures and the throughput chart", async () => {
    const c = await app.as("INVENTORY");
    const k = (await c.get<Kpis>(`/api/reports/kpis?${PERIOD}`)).body;
    const res = await download(c, `report=kpis&format=pdf&${PERIOD}`);
    expect(res.headers.get("content-disposition")).toMatch(/filename="kpis_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.pdf"/);
    const { pages, text } = await pdf(res);
    expect(pages).toBe(1);
    const t = text[0]!;
    expect(t).toContain("KPI summary");
    expect(t).toContain("Throughput, last 30 days");
    expect(t).toContain(`${k.onTime.onTime} of ${k.onTime.completed} on time`);
    expect(t).toContain(`${k.throughput.reduce((s, d) => s + d.mosCompleted, 0)} MOs completed`);
    expect(t).toContain(ids.orderNo.C); // late
    expect(t).toContain("Low stock");
    expect(t).toContain("BOLT-01");
    expect(t).toContain("Page 1 of 1");
    // The chart is vector drawing: one filled rectangle in the bar colour per day with units produced
    // (2 days here); the only other filled shapes are the header bands of the four lists. Read from the
    // page's content stream (`x y w h re`, colour, `f`).
    const content = pdfContent(res.buf);
    expect(k.throughput.filter((d) => d.unitsProduced > 0)).toHaveLength(2);
    const bar = /^0\.2313\d* 0\.4313\d* 0\.6470\d* scn$/; // #3b6ea5
    const lines = content.split("\n");
    const filled = lines.flatMap((l, i) => (l === "f" ? [lines[i - 1] ?? ""] : []));
    expect(filled.filter((c) => bar.test(c))).toHaveLength(2);
    expect(filled).toHaveLength(2 + 4);
  });

  test("xlsx and csv: the same figures as tables; SALES does not see low stock", async () => {
    const c = await app.as("MANAGER");
    const k = (await c.get<Kpis>(`/api/reports/kpis?${PERIOD}`)).body;
    const wb = await xlsx(await download(c, `report=kpis&format=xlsx&${PERIOD}`));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Durations by operation", "Throughput", "Late orders", "In progress", "Low stock", "About"]);
    const summary = Object.fromEntries(sheetRows(wb.getWorksheet("Summary")!).map((r) => [r.Metric, r.Value]));
    expect(summary).toEqual(
      expect.objectContaining({
        "MOs planned": k.mosByState.PLANNED,
        "MOs done": k.mosByState.DONE,
        "Late MOs (open past deadline)": k.late.count,
        "On-time rate (%)": k.onTime.rate === null ? null : Math.round(k.onTime.rate * 1000) / 10,
      }),
    );
    expect(k.mosByState.DONE).toBe(3);
    const throughput = sheetRows(wb.getWorksheet("Throughput")!);
    expect(throughput).toHaveLength(30);
    expect(throughput[0]!.Day).toBeInstanceOf(Date);
    expect(throughput.reduce((s, r) => s + Number(r["Units produced"]), 0)).toBe(k.throughput.reduce((s, d) => s + d.unitsProduced, 0));

    const rows = csv(await download(await app.as("SALES"), `report=kpis&format=csv&${PERIOD}`));
    expect(rows[0]!.section).toBe("Summary");
    // Sections without rows (no MO is in progress) leave no line; SALES has no stock:read, so no low stock.
    expect(new Set(rows.map((r) => r.section))).toEqual(new Set(["Summary", "Durations by operation", "Throughput", "Late orders"]));
    expect(rows.find((r) => r.section === "Durations by operation")).toEqual(expect.objectContaining({ operation: "Op 1", completed: "1", avgMinutes: "45" }));
    expect(rows.find((r) => r.metric === "MOs done")!.value).toBe("3");
    expect(rows.filter((r) => r.section === "Throughput")).toHaveLength(30);
  });
});
