// The lot screens' API (docs/locations.md "Lot pages, trace, certificate and labels") over real HTTP:
// a three-level production, every level lot-tracked (TABLE ← 1 FRAME ← 2 STEEL; STEEL received as a
// lot). The lot list with and without a product filter; the traceability certificate as a real PDF
// (read back with unpdf, as the report exports are) naming the lot, its component lots through every
// level and the customer order, in the reader's language; unknown and malformed lots; who may have it.
// The ledger invariant holds at the end.
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client, ErrorBody } from "../helpers/client";
import { assertLedgerInvariant, negativeBalances } from "../helpers/ledger";

let app: TestApp;
let manager: Client;
let inventory: Client;
let viewer: Client;
let n = 0;
const uniq = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;
const db = () => app.db.handle.prisma;

interface Production {
  steel: string;
  frame: string;
  table: string;
  steelSku: string;
  steelLot: string;
  steelCode: string;
  frameLot: string;
  frameCode: string;
  tableLot: string;
  tableCode: string;
  frameMo: { id: string; orderNo: string };
  tableMo: { id: string; orderNo: string };
}
let p: Production;

async function product(prefix: string, tracking: "NONE" | "LOT" = "LOT"): Promise<{ id: string; sku: string }> {
  const sku = uniq(prefix);
  const res = await manager.post<{ id: string }>("/api/products", { sku, name: `Product ${prefix}`, isFinished: false, uom: "pcs", tracking });
  expect(res.status).toBe(201);
  return { id: res.body.id, sku };
}

async function bom(productId: string, components: [string, number][]): Promise<void> {
  const res = await manager.put(`/api/products/${productId}/bom`, {
    components: components.map(([materialId, qtyPerUnit]) => ({ materialId, qtyPerUnit })),
    operations: [{ title: "Make", workCenterId: null, minutesPerUnit: 1 }],
  });
  expect(res.status).toBe(200);
}

async function lotOf(productId: string, code: string): Promise<string> {
  return (await db().lot.findUniqueOrThrow({ where: { productId_code: { productId, code } } })).id;
}

async function mo(body: Record<string, unknown>, complete: Record<string, unknown> = {}): Promise<{ id: string; orderNo: string }> {
  const res = await manager.post<{ id: string; orderNo: string }>("/api/mos", { name: uniq("Order"), childOrders: "none", ...body });
  expect(res.status).toBe(201);
  expect((await manager.post(`/api/mos/${res.body.id}/complete`, complete)).status).toBe(200);
  return res.body;
}

function expectError(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: (res.body as ErrorBody).error?.code }).toEqual({ status, code });
  expect(typeof (res.body as ErrorBody).error?.message).toBe("string");
}

interface Download {
  status: number;
  headers: Headers;
  buf: Buffer;
}

async function download(c: Client, path: string, headers: Record<string, string> = {}): Promise<Download> {
  const res = await fetch(`${app.url}${path}`, { headers: { cookie: c.cookieHeader(), ...headers } });
  return { status: res.status, headers: res.headers, buf: Buffer.from(await res.arrayBuffer()) };
}

/** The PDF's text (unpdf, as tests/integration/exports.test.ts reads the report PDFs), all pages joined. */
async function pdfText(d: Download): Promise<string> {
  expect(d.status).toBe(200);
  expect(d.headers.get("content-type")).toBe("application/pdf");
  expect(d.buf.subarray(0, 5).toString()).toBe("%PDF-");
  const { extractText } = await import("unpdf");
  const out = await extractText(new Uint8Array(d.buf), { mergePages: true });
  return out.text;
}

beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
  inventory = await app.as("INVENTORY");
  viewer = await app.as("VIEWER");

  const steel = await product("STEEL");
  const frame = await product("FRAME");
  const table = await product("TABLE");
  await bom(frame.id, [[steel.id, 2]]);
  await bom(table.id, [[frame.id, 1]]);
  const steelCode = uniq("ST");
  expect((await inventory.post("/api/stock/receipts", { productId: steel.id, quantity: 20, lotCode: steelCode, expiresAt: "2030-06-01" })).status).toBe(201);
  const frameMo = await mo({ productId: frame.id, quantity: 3 });
  const tableCode = uniq("TB");
  const tableMo = await mo({ productId: table.id, quantity: 2, customerName: "Acme Tables", customerRef: "PO-4711", promisedDate: "2030-01-15T00:00:00.000Z" }, { outputLotCode: tableCode });
  p = {
    steel: steel.id,
    frame: frame.id,
    table: table.id,
    steelSku: steel.sku,
    steelLot: await lotOf(steel.id, steelCode),
    steelCode,
    frameLot: await lotOf(frame.id, frameMo.orderNo),
    frameCode: frameMo.orderNo,
    tableLot: await lotOf(table.id, tableCode),
    tableCode,
    frameMo,
    tableMo,
  };
});

afterAll(async () => {
  await assertLedgerInvariant(db());
  expect(await negativeBalances(db())).toEqual([]);
  await app.close();
});

interface LotPage {
  items: { id: string; code: string; expiresAt: string | null; onHand: number; product: { sku: string; name: string; uom: string } }[];
  total: number;
  page: number;
  pageSize: number;
}

describe("the lot list", () => {
  test("every lot, a page at a time, with its product and total on hand", async () => {
    const all = await viewer.get<LotPage>("/api/lots?pageSize=2");
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    const everything = await viewer.get<LotPage>("/api/lots?pageSize=200");
    const steel = everything.body.items.find((l) => l.id === p.steelLot);
    // 20 received, 6 used by the frame order.
    expect(steel).toMatchObject({ code: p.steelCode, onHand: 14, product: { sku: p.steelSku, uom: "pcs" } });
    expect(steel?.expiresAt).toMatch(/^2030-06-01/);
    // Second page continues the first.
    const second = await viewer.get<LotPage>("/api/lots?pageSize=2&page=2");
    expect(second.body.items.map((l) => l.id)).toEqual(everything.body.items.slice(2, 4).map((l) => l.id));
  });

  test("one product's lots: all of them without a page size, as the lot pickers ask", async () => {
    const res = await viewer.get<LotPage>(`/api/lots?productId=${p.table}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((l) => [l.code, l.onHand])).toEqual([[p.tableCode, 2]]);
    expect(res.body.total).toBe(1);
    expectError(await viewer.get("/api/lots?productId=00000000-0000-4000-8000-00000000ffff"), 404, "NOT_FOUND");
    expectError(await viewer.get("/api/lots?pageSize=0"), 400, "VALIDATION_FAILED");
    expectError(await viewer.get("/api/lots?pageSize=201"), 400, "VALIDATION_FAILED");
  });
});

describe("the traceability certificate", () => {
  test("of the table lot: the lot, its frame lot and steel lot through both orders, the customer order, in English", async () => {
    const res = await download(viewer, `/api/lots/${p.tableLot}/certificate?format=pdf`, { "accept-language": "en" });
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="traceability-certificate_${(await db().product.findUniqueOrThrow({ where: { id: p.table } })).sku}_${p.tableCode}.pdf"`);
    const text = await pdfText(res);
    expect(text).toContain("Traceability certificate");
    expect(text).toContain(p.tableCode);
    expect(text).toContain(p.frameCode); // the component lot (named after its MO)
    expect(text).toContain(p.steelCode); // and its component lot, one level further up
    expect(text).toContain(p.tableMo.orderNo);
    expect(text).toContain("Acme Tables");
    expect(text).toContain("PO-4711");
    expect(text).toContain("Quantity produced");
    expect(text).toMatch(/Date of issue/);
  });

  test("of the steel lot: received, and the customer order it went into downstream; in Dutch for a Dutch reader", async () => {
    const text = await pdfText(await download(viewer, `/api/lots/${p.steelLot}/certificate`, { "accept-language": "nl-NL,nl;q=0.9" }));
    expect(text).toContain("Traceerbaarheidscertificaat");
    expect(text).toContain(p.steelCode);
    expect(text).toContain("Ontvangen aantal");
    expect(text).toContain("Acme Tables");
    expect(text).toContain("Houdbaar tot");
    expect(text).toContain("01-06-2030");
  });

  test("an unknown lot is 404, a malformed id or format 400, in the error shape", async () => {
    expectError(await viewer.get("/api/lots/00000000-0000-4000-8000-00000000ffff/certificate?format=pdf"), 404, "NOT_FOUND");
    expectError(await viewer.get("/api/lots/nope/certificate?format=pdf"), 400, "VALIDATION_FAILED");
    expectError(await viewer.get(`/api/lots/${p.tableLot}/certificate?format=xlsx`), 400, "VALIDATION_FAILED");
    expectError(await viewer.get(`/api/lots/${p.tableLot}/certificate?depth=0`), 400, "VALIDATION_FAILED");
  });

  test("stock:read may have it (viewer, inventory); an operator or sales may not; nobody signed out", async () => {
    expect((await download(inventory, `/api/lots/${p.frameLot}/certificate`)).status).toBe(200);
    expectError(await (await app.as("OPERATOR")).get(`/api/lots/${p.tableLot}/certificate`), 403, "FORBIDDEN");
    expectError(await (await app.as("SALES")).get(`/api/lots/${p.tableLot}/certificate`), 403, "FORBIDDEN");
    expect((await app.anon().get(`/api/lots/${p.tableLot}/certificate`)).status).toBe(401);
  });
});
