// Exports in the reader's language (issue 11): a Dutch user (User.locale = 'nl', or no preference and a
// Dutch browser) gets Dutch headers, sheet names, file names and PDF text, and a CSV that Dutch Excel
// opens (';' between fields, ',' decimals); dialect=rfc4180 gives the machine file whatever the
// language; an English reader's files are unchanged (tests/integration/exports.test.ts).
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { withTx } from "@/lib/db/tx";
import { postStock } from "@/lib/stock/post";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client, ErrorBody } from "../helpers/client";

let app: TestApp;
const MIN = 60_000;
const DAY = 24 * 3600 * 1000;
const now = Date.now();
const from = new Date(now - 10 * DAY);
const to = new Date(now + DAY);
const PERIOD = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
const day = (d: Date) => d.toISOString().slice(0, 10);
let orderNo: string;
let moId: string;

interface Download {
  status: number;
  headers: Headers;
  buf: Buffer;
  text: string;
}

/** Downloads as `c`, with the browser language `lang` (Node's fetch sends none of its own). */
async function download(c: Client, query: string, lang = "en-US"): Promise<Download> {
  const res = await fetch(`${app.url}/api/reports/export?${query}`, { headers: { cookie: c.cookieHeader(), "accept-language": lang } });
  const buf = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, buf, text: buf.toString("utf8") };
}

const filename = (d: Download) => /filename="([^"]+)"/.exec(d.headers.get("content-disposition") ?? "")?.[1];

function csvRows(d: Download, delimiter: string): Record<string, string>[] {
  expect(d.status).toBe(200);
  expect(d.text.startsWith("\uFEFF")).toBe(true);
  return parse(d.text, { bom: true, columns: true, skip_empty_lines: true, delimiter }) as Record<string, string>[];
}

async function pdfText(d: Download): Promise<string> {
  expect(d.status).toBe(200);
  const { extractText } = await import("unpdf");
  return (await extractText(new Uint8Array(d.buf), { mergePages: true })).text;
}

async function workbook(d: Download): Promise<ExcelJS.Workbook> {
  expect(d.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(d.buf as unknown as ArrayBuffer);
  return wb;
}

const setLocale = (email: string, locale: string | null) => app.db.handle.prisma.user.update({ where: { email }, data: { locale } });

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.handle.prisma;
  const manager = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
  const table = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
  const screws = await p.product.findUniqueOrThrow({ where: { sku: "SCR-01" } });
  const mo = await p.manufacturingOrder.create({
    data: {
      productId: table.id, createdById: manager.id, bomSnapshot: [], name: "Export NL; komma", quantity: 1.5, state: "PLANNED", priority: "URGENT",
      createdAt: new Date(now - 2 * DAY), deadline: new Date(now + 3 * DAY), customerName: "Bakker B.V.",
    },
  });
  orderNo = mo.orderNo;
  moId = mo.id;
  // A receipt of 2.5 packs: the ledger's change and balance carry decimals.
  await withTx((tx) => postStock(tx, { lines: [{ productId: screws.id, change: 2.5 }], sourceType: "RECEIPT", sourceId: "PO-NL", actorId: manager.id }));
  // An MO's output with the note the server writes for it (English in the ledger).
  await withTx((tx) => postStock(tx, { lines: [{ productId: table.id, change: 1 }], sourceType: "MO_OUTPUT", sourceId: mo.id, note: `${mo.orderNo}: produced`, actorId: manager.id }));
  const welding = await p.workCenter.findUniqueOrThrow({ where: { name: "Welding" } });
  const otto = await p.user.findUniqueOrThrow({ where: { email: "operator@demo.com" } });
  const wo = await p.workOrder.create({ data: { moId: mo.id, sequence: 1, title: "Lassen", workCenterId: welding.id, status: "COMPLETED", assignedToId: otto.id } });
  await p.workOrderTimeLog.create({ data: { workOrderId: wo.id, userId: otto.id, startedAt: new Date(now - DAY), endedAt: new Date(now - DAY + 90 * MIN) } });
  // The manager reads Dutch by preference; the viewer has none (follows the browser).
  await setLocale("manager@demo.com", "nl");
});
afterAll(async () => {
  await app.close();
});

describe("a Dutch reader", () => {
  test("CSV opens in Dutch Excel: ';' separator, ',' decimals without grouping, Dutch headers, words and file name", async () => {
    const res = await download(await app.as("MANAGER"), `report=mos&format=csv&${PERIOD}`);
    expect(filename(res)).toBe(`productieorders_${day(from)}_${day(new Date(to.getTime() - 1))}.csv`);
    const header = res.text.slice(1, res.text.indexOf("\r\n"));
    expect(header.split(";")).toEqual([
      "Order", "Naam", "Status", "Artikelcode", "Product", "Aantal", "Geproduceerd", "Deadline", "Te laat", "Prioriteit",
      "Klant", "Klantreferentie", "Toegezegd", "Aangemaakt", "Gestart", "Afgerond",
    ]);
    const row = csvRows(res, ";").find((r) => r.Order === orderNo)!;
    expect(row).toEqual(
      expect.objectContaining({ Naam: "Export NL; komma", Status: "Gepland", Aantal: "1,5", "Te laat": "nee", Prioriteit: "Spoed", Klant: "Bakker B.V." }),
    );
    // The field holding ';' is quoted, so it stays one field.
    expect(res.text).toContain('"Export NL; komma"');
  });

  test("numbers above a thousand have no thousands separator (Excel would read 1.002,5 as text or a date)", async () => {
    const res = await download(await app.as("MANAGER"), `report=ledger&format=csv&${PERIOD}`);
    expect(filename(res)).toMatch(/^voorraadmutaties_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const receipt = csvRows(res, ";").find((r) => r["Bron-id"] === "PO-NL")!;
    expect(receipt).toEqual(expect.objectContaining({ Bron: "Ontvangst", Wijziging: "2,5", "Saldo na": "1002,5", Artikelcode: "SCR-01" }));
    // The note the server wrote on the MO's output reads in Dutch too; people's own notes are left as typed.
    const output = csvRows(res, ";").find((r) => r["Bron-id"] === moId)!;
    expect(output).toEqual(expect.objectContaining({ Opmerking: `${orderNo}: geproduceerd` }));
  });

  test("dialect=rfc4180: the machine file whatever the language (',' and '.', column keys, raw codes, English name)", async () => {
    const res = await download(await app.as("MANAGER"), `report=mos&format=csv&dialect=rfc4180&${PERIOD}`, "nl-NL");
    expect(filename(res)).toMatch(/^manufacturing-orders_.*\.csv$/);
    const row = csvRows(res, ",").find((r) => r.orderNo === orderNo)!;
    expect(row).toEqual(expect.objectContaining({ name: "Export NL; komma", state: "PLANNED", quantity: "1.5", late: "false", priority: "URGENT" }));
  });

  test("a multi-table CSV names its tables and totals in Dutch", async () => {
    const rows = csvRows(await download(await app.as("MANAGER"), `report=labor&format=csv&${PERIOD}`), ";");
    expect(Object.keys(rows[0]!)).toEqual(["onderdeel", "Operator / Werkplek", "E-mail", "Gewerkte minuten", "Uren", "Werkorders", "Arbeidskosten", "Kosten per uur"]);
    expect(rows.map((r) => [r.onderdeel, r["Operator / Werkplek"], r.Uren, r.Arbeidskosten])).toEqual([
      ["Per operator", "Otto Operator", "1,5", "67,5"],
      ["Per operator", "Totaal", "1,5", "67,5"],
      ["Per werkplek", "Welding", "1,5", "67,5"],
      ["Per werkplek", "Totaal", "1,5", "67,5"],
    ]);
  });

  test("xlsx: Dutch sheet names and headers, numbers stay numbers, dates day first", async () => {
    const res = await download(await app.as("MANAGER"), `report=mos&format=xlsx&${PERIOD}`);
    expect(filename(res)).toMatch(/^productieorders_.*\.xlsx$/);
    const wb = await workbook(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Orders", "Over"]);
    const ws = wb.getWorksheet("Orders")!;
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header.slice(0, 6)).toEqual(["Order", "Naam", "Status", "Artikelcode", "Product", "Aantal"]);
    let found = false;
    ws.eachRow((r, n) => {
      if (n === 1 || r.getCell(1).value !== orderNo) return;
      found = true;
      expect(r.getCell(3).value).toBe("Gepland");
      expect(r.getCell(6).value).toBe(1.5); // a number, not "1,5"
      expect(r.getCell(9).value).toBe(false);
      expect(r.getCell(14).value).toBeInstanceOf(Date);
      expect(r.getCell(14).numFmt).toBe("dd-mm-yyyy hh:mm");
    });
    expect(found).toBe(true);
    const about = new Map<string, string>();
    wb.getWorksheet("Over")!.eachRow((r, n) => {
      if (n > 1) about.set(String(r.getCell(1).value), String(r.getCell(2).value));
    });
    expect(about.get("Rapport")).toBe("Productieorders");
    expect(about.get("Periode")).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2} tot \d{2}-\d{2}-\d{4} \d{2}:\d{2} \(UTC; het einde niet meegerekend\)$/);
    expect(about.get("Tijdzone")).toBe("UTC");
  });

  test("PDF: title, period, filters, labels, numbers and page numbers in Dutch", async () => {
    const p = app.db.handle.prisma;
    const table = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
    const res = await download(await app.as("MANAGER"), `report=mos&format=pdf&state=PLANNED&productId=${table.id}&${PERIOD}`);
    expect(filename(res)).toMatch(/^productieorders_.*\.pdf$/);
    const t = await pdfText(res);
    for (const s of ["Productieorders", "Periode:", "het einde niet meegerekend", "Filters: Status: Gepland; Product: TABLE-100 Metal Table", "Gemaakt:", "Naam", "Aantal", "Gepland", "Spoed", "1,5", "Pagina 1 van 1"]) {
      expect(t).toContain(s);
    }
    for (const s of ["Period:", "Generated", "Page 1 of 1", "PLANNED", "URGENT", "Quantity"]) expect(t).not.toContain(s);
  });

  test("the KPI summary PDF and sheets are Dutch", async () => {
    const c = await app.as("MANAGER");
    const t = await pdfText(await download(c, `report=kpis&format=pdf&${PERIOD}`));
    for (const s of ["KPI-overzicht", "Doorzet, laatste 30 dagen", "Te late orders (open na deadline)", "Pagina 1 van 1"]) expect(t).toContain(s);
    expect(t).not.toContain("Throughput");
    const wb = await workbook(await download(c, `report=kpis&format=xlsx&${PERIOD}`));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Overzicht", "Duur per bewerking", "Doorzet", "Te late orders", "In uitvoering", "Lage voorraad", "Over"]);
    const metrics: string[] = [];
    wb.getWorksheet("Overzicht")!.eachRow((r, n) => {
      if (n > 1) metrics.push(String(r.getCell(1).value));
    });
    expect(metrics).toContain("Productieorders gepland");
  });

  test("without a preference the browser's language decides; a preference beats the browser", async () => {
    const viewer = await app.as("VIEWER");
    expect(filename(await download(viewer, `report=mos&format=csv&${PERIOD}`, "nl-NL,nl;q=0.9,en;q=0.8"))).toMatch(/^productieorders_/);
    expect(filename(await download(viewer, `report=mos&format=csv&${PERIOD}`, "en-GB"))).toMatch(/^manufacturing-orders_/);
    await setLocale("viewer@demo.com", "en");
    try {
      const res = await download(viewer, `report=mos&format=csv&${PERIOD}`, "nl-NL");
      expect(filename(res)).toMatch(/^manufacturing-orders_/);
      expect(csvRows(res, ",").find((r) => r.orderNo === orderNo)).toEqual(expect.objectContaining({ quantity: "1.5", state: "PLANNED" }));
    } finally {
      await setLocale("viewer@demo.com", null);
    }
  });
});

describe("the dialect parameter", () => {
  test("an unknown dialect, or a dialect for another format, is a 400 before any file starts", async () => {
    const c = await app.as("MANAGER");
    for (const q of ["report=mos&format=csv&dialect=excel-de", "report=mos&format=xlsx&dialect=rfc4180", "report=mos&format=pdf&dialect=excel"]) {
      const res = await c.get<ErrorBody>(`/api/reports/export?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
      expect(JSON.stringify(res.body.error.details)).toContain("dialect");
    }
  });

  test("an English reader's default CSV is the file it always was: comma, '.' decimals, column keys", async () => {
    const res = await download(await app.as("VIEWER"), `report=mos&format=csv&dialect=excel&${PERIOD}`);
    expect(res.text.slice(1, res.text.indexOf("\r\n"))).toMatch(/^orderNo,name,state,productSku,/);
    expect(csvRows(res, ",").find((r) => r.orderNo === orderNo)).toEqual(expect.objectContaining({ quantity: "1.5", state: "PLANNED", late: "false" }));
  });
});
