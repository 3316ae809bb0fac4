// POST /api/stock/scrap: the SCRAP ledger entry with its reason and order, the audit row and events,
// refusals that write nothing, roles, and parallel scraps that can never take stock below zero.
// Then the scrap report (GET /api/reports/export?report=scrap) in csv and xlsx, in English and Dutch.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { randomUUID } from "node:crypto";
import { DEMO_MO_NAME } from "@/lib/demo/seed";
import { ensureStockLevel } from "@/lib/stock/levels";
import { startTestApp, type TestApp } from "../helpers/app";
import { outboxRecorder } from "../helpers/outbox";
import type { Client, ErrorBody } from "../helpers/client";
import { assertLedgerInvariant } from "../helpers/ledger";

interface Posted {
  entry: {
    id: number;
    productId: string;
    change: number;
    balanceAfter: number;
    sourceType: string;
    sourceId: string | null;
    note: string | null;
    scrapReason: string | null;
    product: { sku: string };
    createdBy: { id: string } | null;
  };
  onHand: number;
}

let app: TestApp;
let inventory: Client;
let steel: string;
let moId: string;
let orderNo: string;

const prisma = () => app.db.handle.prisma;
const outbox = outboxRecorder(prisma);

beforeAll(async () => {
  app = await startTestApp();
  steel = (await prisma().product.findUniqueOrThrow({ where: { sku: "STEEL-01" } })).id;
  const mo = await prisma().manufacturingOrder.findFirstOrThrow({ where: { name: DEMO_MO_NAME } });
  moId = mo.id;
  orderNo = mo.orderNo;
  inventory = await app.as("INVENTORY");
});
afterAll(async () => {
  await assertLedgerInvariant(prisma());
  await app.close();
});
beforeEach(async () => {
  await outbox.mark();
});

async function onHand(productId: string): Promise<number> {
  return (await prisma().stockLevel.findUniqueOrThrow({ where: { productId } })).onHand.toNumber();
}

/** Everything a scrap could write, to prove a refusal wrote nothing. */
async function snapshot() {
  const p = prisma();
  const levels = await p.stockLevel.findMany({ orderBy: { productId: "asc" } });
  return { entries: await p.stockEntry.count(), audits: await p.auditLog.count(), levels: levels.map((l) => `${l.productId}=${l.onHand.toString()}`) };
}

function expectError(res: { status: number; body: unknown }, status: number, code: string): void {
  expect(res.status).toBe(status);
  const body = res.body as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

/** A product with `stock` on hand (received through the API), in `uom`, with an optional unit cost. */
async function stockedProduct(stock: number, opts: { uom?: string; unitCost?: number } = {}): Promise<{ id: string; sku: string }> {
  const sku = `SCRAP-${randomUUID().slice(0, 8)}`;
  const product = await prisma().product.create({ data: { sku, name: `Scrap test ${sku}`, uom: opts.uom ?? "pcs", unitCost: opts.unitCost } });
  await prisma().$transaction((tx) => ensureStockLevel(tx, product.id));
  if (stock > 0) expect((await inventory.post("/api/stock/receipts", { productId: product.id, quantity: stock })).status).toBe(201);
  return { id: product.id, sku };
}

describe("POST /api/stock/scrap", () => {
  test("201: a SCRAP entry taking the quantity out with its reason, the MO as source, an audit row and stock:changed", async () => {
    const before = await onHand(steel);
    const res = await inventory.post<Posted>("/api/stock/scrap", { productId: steel, quantity: 3, reason: "DAMAGED", moId, note: "  dropped by the forklift " });
    expect(res.status).toBe(201);
    expect(res.body.onHand).toBe(before - 3);
    expect(res.body.entry).toMatchObject({ productId: steel, change: -3, balanceAfter: before - 3, sourceType: "SCRAP", sourceId: moId, scrapReason: "DAMAGED", note: "dropped by the forklift" });
    expect(await onHand(steel)).toBe(before - 3);

    const row = await prisma().stockEntry.findUniqueOrThrow({ where: { id: BigInt(res.body.entry.id) } });
    expect(row).toMatchObject({ sourceType: "SCRAP", scrapReason: "DAMAGED", sourceId: moId });
    expect(row.change.toNumber()).toBe(-3);

    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: "stock.scrap", entityId: String(res.body.entry.id) } });
    expect(audit.payload).toMatchObject({ productId: steel, change: -3, balanceAfter: before - 3, reason: "DAMAGED", moId, orderNo });
    expect(await outbox.events()).toContainEqual({ name: "stock:changed", payload: { productIds: [steel], sourceType: "SCRAP", sourceId: moId } });
  });

  test("without an MO the entry has no source id; the ledger lists it and filters by SCRAP", async () => {
    const p = await stockedProduct(5);
    const res = await inventory.post<Posted>("/api/stock/scrap", { productId: p.id, quantity: 2, reason: "EXPIRED" });
    expect(res.status).toBe(201);
    expect(res.body.entry).toMatchObject({ sourceId: null, note: null, scrapReason: "EXPIRED", change: -2, balanceAfter: 3 });
    const ledger = await inventory.get<{ items: Posted["entry"][]; total: number }>(`/api/stock/ledger?productId=${p.id}&sourceType=SCRAP`);
    expect(ledger.status).toBe(200);
    expect(ledger.body.total).toBe(1);
    expect(ledger.body.items[0]).toMatchObject({ sourceType: "SCRAP", scrapReason: "EXPIRED", change: -2 });
    // Other ledger rows carry no reason.
    const receipts = await inventory.get<{ items: Posted["entry"][] }>(`/api/stock/ledger?productId=${p.id}&sourceType=RECEIPT`);
    expect(receipts.body.items[0]!.scrapReason).toBeNull();
  });

  test("400 with nothing written: zero, negative, too many decimals, NUL in the note, a bad reason, a missing reason, a malformed MO id, unknown fields", async () => {
    const before = await snapshot();
    const bodies: Record<string, unknown>[] = [
      { productId: steel, quantity: 0, reason: "DAMAGED" },
      { productId: steel, quantity: -1, reason: "DAMAGED" },
      { productId: steel, quantity: 1.00001, reason: "DAMAGED" },
      { productId: steel, quantity: 1, reason: "DAMAGED", note: "bad\u0000note" },
      { productId: steel, quantity: 1, reason: "BROKEN" },
      { productId: steel, quantity: 1 },
      { productId: steel, quantity: 1, reason: "DAMAGED", moId: "MO-000001" },
      { productId: steel, quantity: 1, reason: "DAMAGED", change: -1 },
      { productId: "nope", quantity: 1, reason: "DAMAGED" },
      { productId: steel, quantity: "1", reason: "DAMAGED" },
    ];
    for (const body of bodies) expectError(await inventory.post("/api/stock/scrap", body), 400, "VALIDATION_FAILED");
    // A fraction of a counted unit (pcs) is refused too.
    expectError(await inventory.post("/api/stock/scrap", { productId: steel, quantity: 0.5, reason: "DAMAGED" }), 400, "VALIDATION_FAILED");
    expect(await snapshot()).toEqual(before);
  });

  test("404 with nothing written: an unknown product, an unknown MO", async () => {
    const before = await snapshot();
    expectError(await inventory.post("/api/stock/scrap", { productId: randomUUID(), quantity: 1, reason: "DAMAGED" }), 404, "NOT_FOUND");
    expectError(await inventory.post("/api/stock/scrap", { productId: steel, quantity: 1, reason: "DAMAGED", moId: randomUUID() }), 404, "NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });

  test("409 INSUFFICIENT_STOCK over what is on hand; no ledger entry, level unchanged", async () => {
    const p = await stockedProduct(4);
    const entries = await prisma().stockEntry.count();
    const res = await inventory.post<ErrorBody>("/api/stock/scrap", { productId: p.id, quantity: 5, reason: "QUALITY" });
    expectError(res, 409, "INSUFFICIENT_STOCK");
    expect(await onHand(p.id)).toBe(4);
    expect(await prisma().stockEntry.count()).toBe(entries);
  });

  test("403 for roles without stock:adjust; 401 signed out", async () => {
    const p = await stockedProduct(3);
    for (const role of ["MANAGER", "OPERATOR", "SALES", "VIEWER"]) {
      expectError(await (await app.as(role)).post("/api/stock/scrap", { productId: p.id, quantity: 1, reason: "OTHER" }), 403, "FORBIDDEN");
    }
    expect((await app.anon().post("/api/stock/scrap", { productId: p.id, quantity: 1, reason: "OTHER" })).status).toBe(401);
    expect(await onHand(p.id)).toBe(3);
    const admin = await app.as("ADMIN");
    expect((await admin.post("/api/stock/scrap", { productId: p.id, quantity: 1, reason: "OTHER" })).status).toBe(201);
    expect(await onHand(p.id)).toBe(2);
  });

  test("40 parallel scraps of 1 on 20 on hand: exactly 20 succeed, the rest 409, never below zero", async () => {
    const p = await stockedProduct(20);
    const clients = await Promise.all(Array.from({ length: 8 }, () => app.as("INVENTORY")));
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => clients[i % clients.length]!.post("/api/stock/scrap", { productId: p.id, quantity: 1, reason: "PROCESS" })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(20);
    for (const r of results.filter((x) => x.status === 409)) expect((r.body as ErrorBody).error.code).toBe("INSUFFICIENT_STOCK");
    expect(await onHand(p.id)).toBe(0);
    const scraps = await prisma().stockEntry.findMany({ where: { productId: p.id, sourceType: "SCRAP" }, orderBy: { id: "asc" } });
    expect(scraps).toHaveLength(20);
    expect(scraps.every((e) => e.balanceAfter.toNumber() >= 0)).toBe(true);
    expect(scraps.map((e) => e.balanceAfter.toNumber())).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i));
    await assertLedgerInvariant(prisma());
  }, 60_000);
});

describe("scrap report (GET /api/reports/export?report=scrap)", () => {
  const DAY = 24 * 3600 * 1000;
  const from = new Date(Date.now() - 2 * DAY);
  const to = new Date(Date.now() + DAY);
  const PERIOD = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  let part: { id: string; sku: string };
  let woCode: string;
  let otherMo: { id: string; orderNo: string };

  async function download(c: Client, query: string, lang = "en"): Promise<{ status: number; headers: Headers; buf: Buffer; text: string }> {
    const res = await fetch(`${app.url}/api/reports/export?${query}`, { headers: { cookie: c.cookieHeader(), "accept-language": lang } });
    const buf = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, buf, text: buf.toString("utf8") };
  }

  beforeAll(async () => {
    // Stock scrap: 4 of a part worth 2.5 each (QUALITY, on the demo MO), and 1 more without a reason filter match (DAMAGED).
    part = await stockedProduct(10, { unitCost: 2.5 });
    expect((await inventory.post("/api/stock/scrap", { productId: part.id, quantity: 4, reason: "QUALITY", moId, note: "=cmd|' /C calc'!A0" })).status).toBe(201);
    expect((await inventory.post("/api/stock/scrap", { productId: part.id, quantity: 1, reason: "DAMAGED" })).status).toBe(201);
    // Production scrap, as a completed work order reports it: 2 units of the demo MO's product (TABLE-100), QUALITY.
    const wo = await prisma().workOrder.findFirstOrThrow({ where: { moId }, orderBy: { sequence: "asc" } });
    woCode = wo.code;
    await prisma().workOrder.update({ where: { id: wo.id }, data: { status: "COMPLETED", endTime: new Date(Date.now() - 3600_000), goodQty: 3, scrapQty: 2, scrapReason: "QUALITY" } });
    // An MO completed with 5 scrapped of which its work orders reported none: the remainder row (source MO).
    const table = await prisma().product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
    const creator = await prisma().user.findFirstOrThrow({ where: { role: "ADMIN" } });
    otherMo = await prisma().manufacturingOrder.create({
      data: { name: "Scrap report order", productId: table.id, quantity: 10, producedQty: 5, scrapQty: 5, state: "DONE", completedAt: new Date(Date.now() - 1800_000), bomSnapshot: [], createdById: creator.id },
      select: { id: true, orderNo: true },
    });
  });

  test("machine CSV: rows from the ledger, the work orders and the MO remainder, oldest first, with value and a money-only total", async () => {
    const d = await download(inventory, `report=scrap&format=csv&dialect=rfc4180&${PERIOD}`);
    expect(d.status).toBe(200);
    expect(d.headers.get("content-disposition")).toMatch(/filename="scrap_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = parse(d.text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(["date", "productSku", "productName", "quantity", "uom", "reason", "orderNo", "workOrder", "source", "note", "unitCost", "value"]);
    const mine = rows.filter((r) => r.productSku === part.sku);
    expect(mine).toEqual([
      expect.objectContaining({ quantity: "4", reason: "QUALITY", orderNo, source: "STOCK", unitCost: "2.5", value: "10", note: "'=cmd|' /C calc'!A0" }),
      expect.objectContaining({ quantity: "1", reason: "DAMAGED", orderNo: "", source: "STOCK", value: "2.5" }),
    ]);
    const woRow = rows.find((r) => r.source === "WORK_ORDER")!;
    expect(woRow).toMatchObject({ productSku: "TABLE-100", quantity: "2", reason: "QUALITY", orderNo, workOrder: woCode });
    const moRow = rows.find((r) => r.source === "MO")!;
    expect(moRow).toMatchObject({ productSku: "TABLE-100", quantity: "5", reason: "", orderNo: otherMo.orderNo });
    // Oldest first: the WO (an hour ago), the MO (half an hour ago), then the stock scraps (now).
    const order = rows.slice(0, -1).map((r) => r.source);
    expect(order.indexOf("WORK_ORDER")).toBeLessThan(order.indexOf("MO"));
    expect(order.indexOf("MO")).toBeLessThan(order.indexOf("STOCK"));
    // Every row but the total, and the total sums value only.
    const total = rows[rows.length - 1]!;
    expect(total.productSku).toBe("Total");
    expect(total.quantity).toBe("");
    const values = rows.slice(0, -1).reduce((s, r) => s + (r.value ? Number(r.value) : 0), 0);
    expect(Number(total.value)).toBeCloseTo(values, 4);
    const scrapEntries = await prisma().stockEntry.count({ where: { sourceType: "SCRAP", createdAt: { gte: from, lt: to } } });
    expect(rows.filter((r) => r.source === "STOCK")).toHaveLength(scrapEntries);
  });

  test("filters: reason and product (the MO remainder has no reason, so a reason filter leaves it out); bad filters are 400", async () => {
    const d = await download(inventory, `report=scrap&format=csv&dialect=rfc4180&${PERIOD}&reason=QUALITY`);
    const rows = (parse(d.text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]).slice(0, -1);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.reason === "QUALITY")).toBe(true);
    expect(rows.some((r) => r.source === "WORK_ORDER")).toBe(true);
    const byProduct = await download(inventory, `report=scrap&format=csv&dialect=rfc4180&${PERIOD}&productId=${part.id}`);
    const mine = (parse(byProduct.text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]).slice(0, -1);
    expect(mine.map((r) => r.quantity)).toEqual(["4", "1"]);
    expect((await download(inventory, `report=scrap&format=csv&${PERIOD}&reason=BROKEN`)).status).toBe(400);
    expect((await download(inventory, `report=scrap&format=csv&${PERIOD}&state=DONE`)).status).toBe(400);
    expect((await download(inventory, `report=mos&format=csv&${PERIOD}&reason=QUALITY`)).status).toBe(400);
    expect((await download(inventory, `report=scrap&format=csv&${PERIOD}&productId=${randomUUID()}`)).status).toBe(400);
    // A period that ends before the scrap: no rows, only the total.
    const early = `from=${encodeURIComponent(new Date(Date.now() - 30 * DAY).toISOString())}&to=${encodeURIComponent(new Date(Date.now() - 20 * DAY).toISOString())}`;
    const none = parse((await download(inventory, `report=scrap&format=csv&dialect=rfc4180&${early}`)).text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(none).toEqual([expect.objectContaining({ productSku: "Total", value: "0" })]);
  });

  test("stock:read is needed (SALES has reports:read only): 403", async () => {
    const res = await download(await app.as("SALES"), `report=scrap&format=csv&${PERIOD}`);
    expect(res.status).toBe(403);
  });

  test("xlsx in English: headers, numbers as numbers, codes as they are", async () => {
    const d = await download(inventory, `report=scrap&format=xlsx&${PERIOD}&productId=${part.id}`);
    expect(d.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(d.buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Scrap")!;
    expect(ws.getRow(1).values).toEqual([undefined, "Date", "SKU", "Product", "Quantity", "UoM", "Reason", "Order", "Work order", "Source", "Note", "Unit cost", "Value"]);
    const r2 = ws.getRow(2);
    expect(r2.getCell(2).value).toBe(part.sku);
    expect(r2.getCell(4).value).toBe(4);
    expect(r2.getCell(6).value).toBe("QUALITY");
    expect(r2.getCell(7).value).toBe(orderNo);
    expect(r2.getCell(9).value).toBe("STOCK");
    expect(r2.getCell(12).value).toBe(10);
    expect(r2.getCell(1).value).toBeInstanceOf(Date);
    const totalRow = ws.getRow(4);
    expect(totalRow.getCell(2).value).toBe("Total");
    expect(totalRow.getCell(12).value).toBe(12.5);
    expect(wb.getWorksheet("About")).toBeDefined();
  });

  test("xlsx and spreadsheet CSV in Dutch: Dutch headers, reasons and sources in words, ';' and ',' decimals", async () => {
    const d = await download(inventory, `report=scrap&format=xlsx&${PERIOD}`, "nl-NL");
    expect(d.status).toBe(200);
    expect(d.headers.get("content-disposition")).toMatch(/filename="afkeur_/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(d.buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Afkeur")!;
    expect(ws.getRow(1).values).toEqual([undefined, "Datum", "Artikelcode", "Product", "Aantal", "Eenheid", "Reden", "Order", "Werkorder", "Bron", "Opmerking", "Kostprijs", "Waarde"]);
    const cells: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) cells.push(row.values as unknown[]);
    });
    expect(cells).toContainEqual(expect.arrayContaining(["TABLE-100", "Kwaliteit", woCode, "Werkorder"]));
    expect(cells).toContainEqual(expect.arrayContaining([part.sku, "Beschadigd", "Voorraad"]));
    expect(cells).toContainEqual(expect.arrayContaining([otherMo.orderNo, "Productieorder"]));
    expect(cells[cells.length - 1]).toContain("Totaal");

    const csv = await download(inventory, `report=scrap&format=csv&${PERIOD}&productId=${part.id}`, "nl-NL");
    expect(csv.status).toBe(200);
    const rows = parse(csv.text, { bom: true, columns: true, delimiter: ";", skip_empty_lines: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(["Datum", "Artikelcode", "Product", "Aantal", "Eenheid", "Reden", "Order", "Werkorder", "Bron", "Opmerking", "Kostprijs", "Waarde"]);
    expect(rows[0]).toMatchObject({ Aantal: "4", Reden: "Kwaliteit", Bron: "Voorraad", Kostprijs: "2,5", Waarde: "10" });
    expect(rows[2]).toMatchObject({ Artikelcode: "Totaal", Waarde: "12,5" });
  });

  test("PDF: a one-table document", async () => {
    const d = await download(inventory, `report=scrap&format=pdf&${PERIOD}`);
    expect(d.status).toBe(200);
    expect(d.headers.get("content-type")).toBe("application/pdf");
    expect(d.buf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  test("more rows than one batch, all at the same instant: each exactly once (the keyset cursor keeps microseconds and breaks ties)", async () => {
    const table = await prisma().product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
    const creator = await prisma().user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const mo = await prisma().manufacturingOrder.create({
      data: { name: "Many scrapped operations", productId: table.id, quantity: 1, state: "IN_PROGRESS", bomSnapshot: [], createdById: creator.id },
    });
    const n = 2_345;
    await prisma().$executeRaw`
      INSERT INTO "WorkOrder" ("id", "moId", "sequence", "title", "status", "endTime", "scrapQty", "scrapReason", "updatedAt")
      SELECT gen_random_uuid()::text, ${mo.id}, g, 'Op ' || g, 'COMPLETED', (now() AT TIME ZONE 'UTC') - interval '10 minutes' + interval '1 microsecond' * (g % 3), 1, 'PROCESS', now()
      FROM generate_series(1, ${n}::int) g`;
    const d = await download(inventory, `report=scrap&format=csv&dialect=rfc4180&${PERIOD}&reason=PROCESS`);
    const rows = (parse(d.text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]).slice(0, -1);
    const mine = rows.filter((r) => r.orderNo === mo.orderNo);
    expect(mine).toHaveLength(n);
    expect(new Set(mine.map((r) => r.workOrder)).size).toBe(n);
  });
});
