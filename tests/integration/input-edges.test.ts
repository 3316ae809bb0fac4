// Regression tests for issue 9 item 3 and its papercuts: text Postgres cannot store (NUL, lone
// surrogates) and dates outside 1970..9999 were 500s; an export with such a period answered 200
// and then cut the connection; counted units took fractions; CSV had no BOM and printed UTC ISO
// instants with milliseconds.
import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import type { Db } from "@/lib/db/client";
import { prepareExport } from "@/lib/reports/export/service";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client } from "../helpers/client";

interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

let app: TestApp;
let admin: Client;
let manager: Client;
let inventory: Client;
const ids = { steel: "", screws: "", table: "", welding: "", mo: "", wo: "", viewer: "" };

const TABLES = ["User", "Product", "BOMComponent", "BOMOperation", "WorkCenter", "ManufacturingOrder", "WorkOrder", "Comment", "StockEntry", "AuditLog"] as const;
const db = () => app.db.handle.prisma;

async function counts(): Promise<Record<string, number>> {
  const sql = `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM "${t}")::int AS "${t}"`).join(", ")}`;
  return (await db().$queryRawUnsafe<Record<string, number>[]>(sql))[0]!;
}

/** A 400 VALIDATION_FAILED whose message names `field`, that wrote nothing. */
async function refused(call: () => Promise<ApiResponse>, field: string, message: RegExp): Promise<void> {
  const before = await counts();
  const res = (await call()) as ApiResponse<ErrorBody>;
  expect([field, res.status, res.body.error?.code]).toEqual([field, 400, "VALIDATION_FAILED"]);
  expect(res.body.error.message).toMatch(new RegExp(`(^|; )${field.replace(/\./g, "\\.")}: `));
  expect(res.body.error.message).toMatch(message);
  expect(await counts()).toEqual(before);
}

beforeAll(async () => {
  app = await startTestApp();
  [admin, manager, inventory] = [await app.as("ADMIN"), await app.as("MANAGER"), await app.as("INVENTORY")];
  const products = Object.fromEntries((await db().product.findMany()).map((p) => [p.sku, p.id]));
  ids.steel = products["STEEL-01"]!;
  ids.screws = products["SCR-01"]!;
  ids.table = products["TABLE-100"]!;
  ids.welding = (await db().workCenter.findFirstOrThrow({ where: { name: "Welding" } })).id;
  const mo = await db().manufacturingOrder.findFirstOrThrow({ include: { workOrders: { orderBy: { sequence: "asc" } } } });
  ids.mo = mo.id;
  ids.wo = mo.workOrders[0]!.id;
  ids.viewer = (await db().user.findFirstOrThrow({ where: { role: "VIEWER" } })).id;
});
afterAll(async () => {
  await app.close();
});

describe("free text Postgres cannot store is a 400 naming the field, and nothing is written", () => {
  const NUL = "Table\u0000top";
  const LONE = "Table \ud800"; // JSON.stringify escapes it ("\ud800"): the server parses it back to a lone surrogate
  // Every free-text field of every write: [label, call with the bad text, field].
  const fields: [string, (bad: string) => Promise<ApiResponse>, string][] = [
    ["MO name", (t) => manager.post("/api/mos", { name: t, productId: ids.table, quantity: 1 }), "name"],
    ["MO notes", (t) => manager.patch(`/api/mos/${ids.mo}`, { notes: t }), "notes"],
    ["MO customer", (t) => manager.post("/api/mos", { name: "x", productId: ids.table, quantity: 1, customerName: t }), "customerName"],
    ["cancel reason", (t) => manager.post(`/api/mos/${ids.mo}/cancel`, { reason: t }), "reason"],
    ["WO title", (t) => manager.post(`/api/mos/${ids.mo}/workorders`, { title: t }), "title"],
    ["WO description", (t) => manager.patch(`/api/workorders/${ids.wo}`, { description: t }), "description"],
    ["comment", (t) => manager.post(`/api/workorders/${ids.wo}/comments`, { content: t }), "content"],
    ["product name", (t) => manager.post("/api/products", { sku: "EDGE-1", name: t, isFinished: false }), "name"],
    ["product sku", (t) => manager.post("/api/products", { sku: t, name: "Edge", isFinished: false }), "sku"],
    ["product description", (t) => manager.patch(`/api/products/${ids.steel}`, { description: t }), "description"],
    ["product unit", (t) => manager.patch(`/api/products/${ids.steel}`, { uom: t }), "uom"],
    ["BOM operation title", (t) => manager.put(`/api/products/${ids.table}/bom`, { components: [], operations: [{ title: t }] }), "operations.0.title"],
    ["work center name", (t) => manager.post("/api/workcenters", { name: t, costPerHour: 1, capacity: 1 }), "name"],
    ["work center description", (t) => manager.patch(`/api/workcenters/${ids.welding}`, { description: t }), "description"],
    ["user name", (t) => admin.patch(`/api/users/${ids.viewer}`, { name: t }), "name"],
    ["user email", (t) => admin.post("/api/users", { name: "Edge", email: `edge${t}@example.com`, role: "VIEWER", password: "Edge-pass-1" }), "email"],
    ["stock note", (t) => inventory.post("/api/stock/manual", { productId: ids.screws, change: 1, note: t }), "note"],
    ["receipt reference", (t) => inventory.post("/api/stock/receipts", { productId: ids.screws, quantity: 1, reference: t }), "reference"],
    ["receipt note", (t) => inventory.post("/api/stock/receipts", { productId: ids.screws, quantity: 1, note: t }), "note"],
  ];

  test.each(fields)("NUL in %s", async (_, call, field) => {
    await refused(() => call(NUL), field, /must not contain NUL characters/);
  });

  test.each(fields)("a lone surrogate in %s", async (_, call, field) => {
    await refused(() => call(LONE), field, /unpaired surrogates/);
  });

  test("the raw JSON escape \\ud800 is caught too, and filters refuse NUL instead of reaching ILIKE", async () => {
    await refused(
      () => manager.raw("POST", "/api/mos", { body: `{"name":"Table \\ud800","productId":"${ids.table}","quantity":1}`, headers: { "content-type": "application/json" } }),
      "name",
      /unpaired surrogates/,
    );
    for (const path of ["/api/products?q=%00", "/api/mos?q=a%00", "/api/stock?q=%00", "/api/users?q=%00", "/api/audit?entityType=%00", "/api/stock/ledger?sourceId=%00"]) {
      const res = await admin.get<ErrorBody>(path);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 400, "VALIDATION_FAILED"]);
    }
  });

  test("well-formed text, emoji included, is stored as sent", async () => {
    const res = await manager.post<{ id: string; name: string }>("/api/mos", { name: "Tafel × 2 🔧", productId: ids.table, quantity: 1 });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe("Tafel × 2 🔧");
  });
});

describe("dates outside 1970-01-01..9999-12-31 are a 400", () => {
  const BAD = ["0000-01-01", "%2B275760-09-13", "275760-09-13", "-100000-01-01", "%2B100000-01-01", "1969-12-31", "10000-01-01"];

  test.each(["/api/stock/ledger", "/api/audit", "/api/reports/kpis"])("from/to on %s", async (route) => {
    for (const d of BAD) {
      for (const key of ["from", "to"]) {
        const res = await admin.get<ErrorBody>(`${route}?${key}=${d}`);
        expect([route, key, d, res.status, res.body.error?.code]).toEqual([route, key, d, 400, "VALIDATION_FAILED"]);
        expect(res.body.error.message).toMatch(new RegExp(`^${key}: `));
      }
    }
    expect((await admin.get(`${route}?from=1970-01-01&to=9999-12-31`)).status).toBe(route.endsWith("kpis") ? 400 : 200); // KPIs: at most 5 years
  });

  test("exports refuse such a period with a JSON 400 before any header of a file", async () => {
    // One-day periods: short enough for the 5-year limit, so only the date rule can refuse them.
    const PERIODS = [["0000-01-01", "0000-01-02"], ["%2B275760-09-12", "%2B275760-09-13"], ["-100000-01-01", "-100000-01-02"], ["%2B100000-01-01", "%2B100000-01-02"], ["1969-12-30", "1969-12-31"], ["10000-01-01", "10000-01-02"]];
    for (const [from, to] of PERIODS) {
      for (const format of ["csv", "xlsx", "pdf"]) {
        const d = `${from}..${to}`;
        const res = await admin.get<ErrorBody>(`/api/reports/export?report=ledger&format=${format}&from=${from}&to=${to}`);
        expect([d, format, res.status, res.headers.get("content-type"), res.body.error?.code]).toEqual([d, format, 400, expect.stringMatching(/^application\/json/), "VALIDATION_FAILED"]);
        expect(res.headers.get("content-disposition")).toBeNull();
      }
    }
  });

  test("MO deadline and promised date", async () => {
    for (const d of ["0000-01-01", "+275760-09-13T00:00:00Z", "-100000-01-01", "1969-12-31T23:59:59Z", "10000-01-01"]) {
      await refused(() => manager.post("/api/mos", { name: "x", productId: ids.table, quantity: 1, deadline: d }), "deadline", /between 1970-01-01 and 9999-12-31|ISO date/);
      await refused(() => manager.patch(`/api/mos/${ids.mo}`, { promisedDate: d }), "promisedDate", /between 1970-01-01 and 9999-12-31|ISO date/);
    }
  });

  test("an export runs its first query before the response starts: a failing query is an error, not a cut file", async () => {
    const failing = new Proxy(db(), {
      get(target, key, receiver) {
        if (key === "$queryRaw") return () => Promise.reject(new Error("the database went away"));
        return Reflect.get(target, key, receiver) as unknown;
      },
    }) as Db;
    await expect(prepareExport({ report: "ledger", format: "csv" }, { id: "x", role: "ADMIN" }, { db: failing })).rejects.toThrow("the database went away");
    // And a working export streams the rows it read ahead, then the rest.
    const ok = await prepareExport({ report: "ledger", format: "csv", tz: "UTC" }, { id: "x", role: "ADMIN" });
    const chunks: Buffer[] = [];
    const out = new PassThrough();
    out.on("data", (c: Buffer) => chunks.push(c));
    await ok.write(out);
    const rows = parse(Buffer.concat(chunks).toString("utf8"), { bom: true, columns: true }) as unknown[];
    expect(rows).toHaveLength(await db().stockEntry.count({ where: { createdAt: { gte: ok.doc.period!.from, lt: ok.doc.period!.to } } }));
  });
});

describe("counted units take whole numbers", () => {
  const WHOLE = /Metal Table is counted in pcs: use a whole number|Steel Plate is counted in pcs: use a whole number/;

  test("MO quantity (create and update) and producedQty", async () => {
    await refused(() => manager.post("/api/mos", { name: "Half a table", productId: ids.table, quantity: 1.5 }), "quantity", WHOLE);
    const mo = await manager.post<{ id: string }>("/api/mos", { name: "Two tables", productId: ids.table, quantity: 2 });
    expect(mo.status).toBe(201);
    await refused(() => manager.patch(`/api/mos/${mo.body.id}`, { quantity: 2.5 }), "quantity", WHOLE);
    const entries = await db().stockEntry.count();
    await refused(() => manager.post(`/api/mos/${mo.body.id}/complete`, { producedQty: 1.5 }), "producedQty", WHOLE);
    expect(await db().stockEntry.count()).toBe(entries);
    expect((await db().manufacturingOrder.findUniqueOrThrow({ where: { id: mo.body.id } })).state).toBe("PLANNED");
  });

  test("receipts, manual adjustments and BOM components of counted products; measured units keep their decimals", async () => {
    await refused(() => inventory.post("/api/stock/receipts", { productId: ids.steel, quantity: 0.5 }), "quantity", WHOLE);
    await refused(() => inventory.post("/api/stock/manual", { productId: ids.steel, change: -0.5, note: "half a plate" }), "change", WHOLE);
    const bare = await manager.post<{ id: string }>("/api/products", { sku: "EDGE-BOM", name: "Edge BOM", isFinished: true, uom: "set" });
    await refused(() => manager.put(`/api/products/${bare.body.id}/bom`, { components: [{ materialId: ids.steel, qtyPerUnit: 1.5 }], operations: [] }), "components.0.qtyPerUnit", WHOLE);
    // Screws come in packs (not a counted unit here): fractions stay allowed; whole pieces too.
    expect((await inventory.post("/api/stock/receipts", { productId: ids.screws, quantity: 0.5 })).status).toBe(201);
    expect((await inventory.post("/api/stock/receipts", { productId: ids.steel, quantity: 2 })).status).toBe(201);
    expect((await manager.put(`/api/products/${bare.body.id}/bom`, { components: [{ materialId: ids.screws, qtyPerUnit: 0.25 }], operations: [] })).status).toBe(200);
  });

  test("a product becomes counted only when its stock, reorder point and open orders hold no fractions", async () => {
    const p = await manager.post<{ id: string }>("/api/products", { sku: "EDGE-KG", name: "Edge Kilo", isFinished: false, uom: "kg", reorderPoint: 2 });
    expect((await inventory.post("/api/stock/receipts", { productId: p.body.id, quantity: 2.5 })).status).toBe(201);
    await refused(() => manager.patch(`/api/products/${p.body.id}`, { uom: "pcs" }), "uom", /Edge Kilo cannot be counted in pcs while it has fractions: 2\.5 on hand/);
    expect((await db().product.findUniqueOrThrow({ where: { id: p.body.id } })).uom).toBe("kg");
    // Whole stock again: now it may be counted.
    expect((await inventory.post("/api/stock/manual", { productId: p.body.id, change: 0.5, note: "round up" })).status).toBe(201);
    expect((await manager.patch(`/api/products/${p.body.id}`, { uom: "pcs" })).status).toBe(200);
    // Between two measured units nothing is checked.
    expect((await manager.patch(`/api/products/${p.body.id}`, { uom: "kg", reorderPoint: 1.5 })).status).toBe(200);
    await refused(() => manager.patch(`/api/products/${p.body.id}`, { uom: "set" }), "uom", /reorder point 1\.5/);
  });

  test("units are matched case-insensitively (PCS, Each)", async () => {
    const p = await manager.post<{ id: string }>("/api/products", { sku: "EDGE-EA", name: "Edge Each", isFinished: false, uom: "Each" });
    await refused(() => inventory.post("/api/stock/receipts", { productId: p.body.id, quantity: 1.25 }), "quantity", /Edge Each is counted in Each: use a whole number/);
  });
});

describe("CSV exports", () => {
  test("start with a UTF-8 BOM and print instants as YYYY-MM-DD HH:mm in the requested time zone", async () => {
    const mo = await db().manufacturingOrder.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    // The bytes themselves: fetch's text() would drop a BOM.
    const res = await fetch(`${app.url}/api/reports/export?report=mos&format=csv&tz=Asia/Kolkata`, { headers: { cookie: admin.cookieHeader() } });
    expect(res.status).toBe(200);
    const buf = Buffer.from(await res.arrayBuffer());
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(buf.toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.orderNo === mo.orderNo)!;
    const kolkata = new Date(mo.createdAt.getTime() + 5.5 * 3600 * 1000).toISOString().slice(0, 16).replace("T", " ");
    expect(row.createdAt).toBe(kolkata);
    expect(row.createdAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  test("a time zone that is not an IANA name is a 400", async () => {
    for (const tz of ["Mars/Olympus", "%00", "UTC%2B5"]) {
      const res = await admin.get<ErrorBody>(`/api/reports/export?report=mos&format=csv&tz=${tz}`);
      expect([tz, res.status, res.body.error?.message]).toEqual([tz, 400, expect.stringMatching(/^tz: must be an IANA time zone/)]);
    }
  });
});

describe("paging", () => {
  test("page=-1, page=1e9, pageSize=1e9 and garbage are 400s on every list", async () => {
    for (const list of ["/api/mos", "/api/products", "/api/stock", "/api/stock/ledger", "/api/audit", "/api/users", "/api/workorders", "/api/notifications"]) {
      for (const q of ["page=-1", "page=1e9", "page=1.5", "pageSize=1e9", "pageSize=0", "page=abc", "cursor=garbage"]) {
        const res = await admin.get<ErrorBody>(`${list}?${q}`);
        expect([list, q, res.status, res.body.error?.code]).toEqual([list, q, 400, "VALIDATION_FAILED"]);
      }
    }
  });
});

describe("sign-in", () => {
  test("an email with a NUL byte or a lone surrogate is refused with a 400, not a 500 from the throttle", async () => {
    // A form cannot carry a lone surrogate (it is sent as U+FFFD): that one goes as JSON, escaped.
    for (const [email, type] of [["viewer\u0000@demo.com", "form"], ["viewer\u0000@demo.com", "json"], ["viewer\ud800@demo.com", "json"]] as const) {
      const c = app.anon();
      const csrf = await c.get<{ csrfToken: string }>("/api/auth/csrf");
      const fields = { csrfToken: csrf.body.csrfToken, email, password: "whatever-1", json: "true" };
      const res =
        type === "form"
          ? await c.raw("POST", "/api/auth/callback/credentials", { body: new URLSearchParams(fields).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } })
          : await c.raw("POST", "/api/auth/callback/credentials", { body: JSON.stringify(fields), headers: { "content-type": "application/json" } });
      expect([JSON.stringify(email), type, res.status]).toEqual([JSON.stringify(email), type, 400]);
      expect((res.body as ErrorBody).error.code).toBe("VALIDATION_FAILED");
      expect(c.signedIn).toBe(false);
    }
  });
});
