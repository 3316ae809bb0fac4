// Report exports that must be refused before anything is streamed (permissions, bad parameters, a
// PDF that would be too long) — ordinary JSON errors — and a PDF long enough to need several pages.
import { ROLES } from "@/lib/auth/permissions";
import { startTestApp, type TestApp } from "../helpers/app";
import { bulkReceipts } from "../helpers/ledger";
import type { Client, ErrorBody } from "../helpers/client";

let app: TestApp;
let steel: string;
const REPORTS = ["mos", "ledger", "levels", "kpis", "labor", "costs"] as const;
const FORMATS = ["xlsx", "pdf", "csv"] as const;

async function download(c: Client, query: string): Promise<{ status: number; headers: Headers; buf: Buffer }> {
  const res = await fetch(`${app.url}/api/reports/export?${query}`, { headers: { cookie: c.cookieHeader() } });
  return { status: res.status, headers: res.headers, buf: Buffer.from(await res.arrayBuffer()) };
}

/** A refusal: the status, the JSON error shape of docs/domain.md, and no file. */
async function expectRefused(c: Client, query: string, status: number, code: string): Promise<ErrorBody> {
  const res = await c.get<ErrorBody>(`/api/reports/export?${query}`);
  expect([query, res.status, res.body.error?.code]).toEqual([query, status, code]);
  expect(typeof res.body.error.message).toBe("string");
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(res.headers.get("content-disposition")).toBeNull();
  return res.body;
}

beforeAll(async () => {
  app = await startTestApp();
  steel = (await app.db.handle.prisma.product.findUniqueOrThrow({ where: { sku: "STEEL-01" } })).id;
});
afterAll(async () => {
  await app.close();
});

test("SALES may export orders but not the stock ledger or levels (403); OPERATOR may export nothing", async () => {
  const sales = await app.as("SALES");
  for (const report of ["ledger", "levels"]) {
    for (const format of FORMATS) await expectRefused(sales, `report=${report}&format=${format}`, 403, "FORBIDDEN");
  }
  for (const report of ["mos", "kpis", "labor", "costs"]) expect((await download(sales, `report=${report}&format=csv`)).status).toBe(200);
  const operator = await app.as("OPERATOR");
  for (const report of REPORTS) await expectRefused(operator, `report=${report}&format=csv`, 403, "FORBIDDEN");
  await expectRefused(app.anon(), "report=mos&format=csv", 401, "UNAUTHENTICATED");
});

test("every role with reports:read gets each report it may see, in each format", async () => {
  const p = app.db.handle.prisma;
  const before = await Promise.all([p.auditLog.count(), p.stockEntry.count(), p.notification.count()]);
  for (const role of ROLES.filter((r) => r !== "OPERATOR")) {
    const c = await app.as(role);
    for (const report of REPORTS) {
      const stock = report === "ledger" || report === "levels";
      for (const format of FORMATS) {
        const res = await download(c, `report=${report}&format=${format}`);
        expect([role, report, format, res.status]).toEqual([role, report, format, stock && role === "SALES" ? 403 : 200]);
        if (res.status === 200) expect(res.buf.length).toBeGreaterThan(0);
      }
    }
  }
  // Exports only read.
  expect(await Promise.all([p.auditLog.count(), p.stockEntry.count(), p.notification.count()])).toEqual(before);
});

test("bad parameters → 400 VALIDATION_FAILED naming the parameter", async () => {
  const c = await app.as("MANAGER");
  const uuid = "00000000-0000-4000-8000-000000000000";
  const cases: [string, string][] = [
    ["format=csv", "report"],
    ["report=mos", "format"],
    ["report=orders&format=csv", "report"],
    ["report=mos&format=docx", "format"],
    ["report=mos&format=", "format"],
    ["report=mos&report=ledger&format=csv", "report"],
    ["report=mos&format=csv&from=yesterday", "from"],
    ["report=mos&format=csv&from=", "from"],
    ["report=mos&format=csv&from=2026-11-10&to=2026-11-01", "to"],
    ["report=mos&format=csv&from=2026-11-10&to=2026-11-10", "to"],
    ["report=mos&format=csv&tz=Mars/Olympus", "tz"],
    ["report=mos&format=csv&bogus=1", "bogus"],
    ["report=mos&format=csv&state=", "state"],
    ["report=mos&format=csv&state=FINISHED", "state"],
    ["report=mos&format=csv&productId=abc", "productId"],
    ["report=ledger&format=csv&sourceType=THEFT", "sourceType"],
    ["report=ledger&format=csv&operatorId=" + uuid, "operatorId"],
    ["report=levels&format=csv&state=DONE", "state"],
    ["report=labor&format=csv&productId=" + uuid, "productId"],
    ["report=kpis&format=pdf&workCenterId=" + uuid, "workCenterId"],
    // Well-formed ids that name nothing: a typo must not give an empty file.
    ["report=mos&format=csv&productId=" + uuid, "productId"],
    ["report=labor&format=csv&operatorId=" + uuid, "operatorId"],
    ["report=labor&format=xlsx&workCenterId=" + uuid, "workCenterId"],
  ];
  for (const [query, param] of cases) {
    const body = await expectRefused(c, query, 400, "VALIDATION_FAILED");
    expect([query, body.error.message]).toEqual([query, expect.stringContaining(param)]);
  }
});

test("wrong method → 405 with Allow", async () => {
  const res = await (await app.as("MANAGER")).post<ErrorBody>("/api/reports/export?report=mos&format=csv", {});
  expect(res.status).toBe(405);
  expect(res.headers.get("allow")).toBe("GET");
  expect(res.body.error.code).toBe("METHOD_NOT_ALLOWED");
});

describe("long lists", () => {
  beforeAll(async () => {
    await bulkReceipts(app.db.handle.prisma, steel, 5001);
  });

  test("a PDF of more than 5000 rows is refused with a 400 that suggests xlsx or csv; the csv streams", async () => {
    const c = await app.as("INVENTORY");
    const body = await expectRefused(c, `report=ledger&format=pdf&productId=${steel}`, 400, "VALIDATION_FAILED");
    expect(body.error.message).toMatch(/5002 rows.*at most 5000.*xlsx or csv/);
    expect(body.error.details).toEqual({ rows: 5002, limit: 5000, formats: ["xlsx", "csv"] });
    const res = await download(c, `report=ledger&format=csv&productId=${steel}`);
    expect(res.status).toBe(200);
    expect(res.buf.toString().trim().split("\r\n")).toHaveLength(1 + 5002);
  });

  test("a PDF over several pages repeats the table header and numbers its pages", async () => {
    const { extractText } = await import("unpdf");
    // Screws have only their opening entry: give them 300 more, about seven pages.
    const screws = (await app.db.handle.prisma.product.findUniqueOrThrow({ where: { sku: "SCR-01" } })).id;
    await bulkReceipts(app.db.handle.prisma, screws, 300);
    const pdf = await download(await app.as("VIEWER"), `report=ledger&format=pdf&productId=${screws}`);
    expect(pdf.status).toBe(200);
    const { totalPages, text } = await extractText(new Uint8Array(pdf.buf), { mergePages: false });
    expect(totalPages).toBeGreaterThan(2);
    text.forEach((page, i) => {
      expect(page).toContain("Balance after"); // the header, on every page
      expect(page).toContain(`Page ${i + 1} of ${totalPages}`);
    });
    expect(text[0]).toContain("Stock ledger");
    expect(text[1]).toContain("Stock ledger (continued)");
    // Every row is there once: the balances 1000 (opening) and 1001 … 1300.
    const all = text.join("\n");
    for (const n of [1000, 1001, 1150, 1300]) expect(all).toContain(n.toLocaleString("en-US"));
    expect(all.match(/BULK-\d+/g)).toHaveLength(300);
  });
});
