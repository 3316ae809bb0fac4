// Issue 13's files by location and lot (docs/locations.md): the ledger export takes the ledger
// screen's location and lot filters and carries Location and Lot columns; the lot certificate's issuer
// line is the factory's name (FACTORY_NAME). Real HTTP, files read back with csv-parse, exceljs and
// unpdf as the other export tests do. Two lots of one product: one stays in STOCK, part of the other
// moves to QC, so a filter by either lot or location has rows of its own and rows it must leave out.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { DEFAULT_LOCATIONS } from "@/lib/locations/defaults";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client, ErrorBody } from "../helpers/client";
import { assertLedgerInvariant, negativeBalances } from "../helpers/ledger";

const FACTORY = "Staalwerk Noord B.V.";
process.env.FACTORY_NAME = `  ${FACTORY}  `; // trimmed by lib/env.ts
// The environment is parsed once per process: make sure it is parsed with the name set.
delete (globalThis as { __mesEnv?: unknown }).__mesEnv;

let app: TestApp;
let inventory: Client;
const db = () => app.db.handle.prisma;
const stamp = Date.now().toString(36);
const sku = `LEX-${stamp}`;
const codeA = `A-${stamp}`;
const codeB = `B-${stamp}`;
let productId: string;
let lotA: string;
let lotB: string;

interface Download {
  status: number;
  headers: Headers;
  buf: Buffer;
}

const DUTCH = { "accept-language": "nl-NL,nl;q=0.9" };

async function download(c: Client, path: string, headers: Record<string, string> = {}): Promise<Download> {
  const res = await fetch(`${app.url}${path}`, { headers: { cookie: c.cookieHeader(), ...headers } });
  return { status: res.status, headers: res.headers, buf: Buffer.from(await res.arrayBuffer()) };
}

const ledger = (query: string) => download(inventory, `/api/reports/export?report=ledger&${query}`);

/** Machine CSV (rfc4180: English keys, comma-separated) as objects by column key. */
function csvRows(d: Download): Record<string, string>[] {
  expect(d.status).toBe(200);
  return parse(d.buf.toString("utf8"), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
}

async function pdfText(d: Download): Promise<string> {
  expect(d.status).toBe(200);
  expect(d.headers.get("content-type")).toBe("application/pdf");
  const { extractText } = await import("unpdf");
  return (await extractText(new Uint8Array(d.buf), { mergePages: true })).text;
}

beforeAll(async () => {
  app = await startTestApp();
  const manager = await app.as("MANAGER");
  inventory = await app.as("INVENTORY");
  const p = await manager.post<{ id: string }>("/api/products", { sku, name: "Export steel", isFinished: false, uom: "kg", tracking: "LOT" });
  expect(p.status).toBe(201);
  productId = p.body.id;
  for (const [lotCode, quantity] of [[codeA, 10], [codeB, 8]] as const) {
    expect((await inventory.post("/api/stock/receipts", { productId, quantity, lotCode, note: `PO ${lotCode}` })).status).toBe(201);
  }
  const lots = await db().lot.findMany({ where: { productId }, select: { id: true, code: true } });
  lotA = lots.find((l) => l.code === codeA)!.id;
  lotB = lots.find((l) => l.code === codeB)!.id;
  const moved = await inventory.post("/api/stock/transfers", { productId, quantity: 3, fromLocationId: DEFAULT_LOCATIONS.STOCK, toLocationId: DEFAULT_LOCATIONS.QC, lotId: lotB });
  expect(moved.status).toBe(201);
});

afterAll(async () => {
  await assertLedgerInvariant(db());
  expect(await negativeBalances(db())).toEqual([]);
  await app.close();
  delete process.env.FACTORY_NAME;
});

describe("the ledger export by location and lot", () => {
  test("filtered by lot: only that lot's entries, each with its location and lot, matching the database", async () => {
    const rows = csvRows(await ledger(`format=csv&dialect=rfc4180&lotId=${lotB}`));
    const entries = await db().stockEntry.findMany({ where: { lotId: lotB }, orderBy: { id: "asc" }, include: { location: true } });
    // The receipt into STOCK, the transfer out of STOCK and into QC.
    expect(entries).toHaveLength(3);
    expect(rows.map((r) => [r.entryId, r.productSku, r.location, r.lot, r.change, r.sourceType])).toEqual(
      entries.map((e) => [String(e.id), sku, e.location.code, codeB, String(e.change.toNumber()), e.sourceType]),
    );
    expect(rows.map((r) => r.location)).toEqual(["STOCK", "STOCK", "QC"]);
    // The other lot's receipt is not in it.
    expect(rows.some((r) => r.lot === codeA)).toBe(false);
  });

  test("filtered by location and product: the entries at QC only; with a lot as well, both apply", async () => {
    const atQc = csvRows(await ledger(`format=csv&dialect=rfc4180&productId=${productId}&locationId=${DEFAULT_LOCATIONS.QC}`));
    expect(atQc.map((r) => [r.location, r.lot, r.change, r.sourceType])).toEqual([["QC", codeB, "3", "TRANSFER_IN"]]);
    const lotAAtStock = csvRows(await ledger(`format=csv&dialect=rfc4180&locationId=${DEFAULT_LOCATIONS.STOCK}&lotId=${lotA}`));
    expect(lotAAtStock.map((r) => [r.location, r.lot, r.change, r.sourceType])).toEqual([["STOCK", codeA, "10", "RECEIPT"]]);
    const lotAAtQc = csvRows(await ledger(`format=csv&dialect=rfc4180&locationId=${DEFAULT_LOCATIONS.QC}&lotId=${lotA}`));
    expect(lotAAtQc).toEqual([]);
  });

  test("xlsx and a Dutch PDF: the Location and Lot columns, and the filters named in the title block", async () => {
    const x = await ledger(`format=xlsx&lotId=${lotA}`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Ledger")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(["Location", "Lot"]));
    const col = (name: string) => header.indexOf(name) + 1;
    expect(ws.rowCount).toBe(2);
    expect([ws.getRow(2).getCell(col("Location")).value, ws.getRow(2).getCell(col("Lot")).value]).toEqual(["STOCK", codeA]);

    const text = await pdfText(await download(inventory, `/api/reports/export?report=ledger&format=pdf&lotId=${lotB}&locationId=${DEFAULT_LOCATIONS.QC}`, DUTCH));
    expect(text).toContain(`Partij: ${codeB} (${sku})`);
    expect(text).toContain("Locatie: QC");
    expect(text).toContain("Locatie");
    expect(text).not.toContain(codeA);
  });

  test("an unknown location or lot is a 400 naming it; the filters are the ledger's only", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const [query, path] of [
      [`format=csv&lotId=${unknown}`, "lotId"],
      [`format=csv&locationId=${unknown}`, "locationId"],
      ["format=csv&lotId=not-a-uuid", "lotId"],
    ] as const) {
      const d = await ledger(query);
      expect(d.status).toBe(400);
      const body = JSON.parse(d.buf.toString("utf8")) as ErrorBody;
      expect(body.error?.message).toContain(path);
    }
    const other = await download(inventory, `/api/reports/export?report=mos&format=csv&lotId=${lotA}`);
    expect(other.status).toBe(400);
  });
});

describe("the certificate's issuer", () => {
  test("is the factory's name from FACTORY_NAME, in either language; the app's name stays in the closing statement", async () => {
    const en = await pdfText(await download(inventory, `/api/lots/${lotA}/certificate?format=pdf`));
    expect(en).toContain(`Issued by ${FACTORY}`);
    expect(en).not.toContain("Issued by MES");
    expect(en).toContain("stock ledger of MES");
    const nl = await pdfText(await download(inventory, `/api/lots/${lotA}/certificate`, DUTCH));
    expect(nl).toContain(`Uitgegeven door ${FACTORY}`);
  });
});
