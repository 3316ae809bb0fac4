// Products API: list/filters/paging, create, read, update/archive, delete, bad input, operator scope.
import { withTx } from "@/lib/db/tx";
import { postStock } from "@/lib/stock/post";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, ErrorBody } from "../helpers/client";

let app: TestApp;
let ids: { steel: string; screws: string; table: string; operator: string; manager: string };
let n = 0;
const uniq = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;
const prisma = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp();
  const bySku = Object.fromEntries((await prisma().product.findMany()).map((p) => [p.sku, p.id]));
  const users = Object.fromEntries((await prisma().user.findMany()).map((u) => [u.role, u.id]));
  ids = { steel: bySku["STEEL-01"]!, screws: bySku["SCR-01"]!, table: bySku["TABLE-100"]!, operator: users.OPERATOR!, manager: users.MANAGER! };
});
afterAll(async () => {
  await app.close();
});

interface ProductBody {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  isFinished: boolean;
  uom: string;
  unitCost: number | null;
  reorderPoint: number | null;
  archivedAt: string | null;
}
interface PageBody<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

function expectError(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: (res.body as ErrorBody).error?.code }).toEqual({ status, code });
  expect(typeof (res.body as ErrorBody).error.message).toBe("string");
}

/** Row counts of everything a product write could touch. */
async function counts() {
  const p = prisma();
  return {
    products: await p.product.count(),
    levels: await p.stockLevel.count(),
    audit: await p.auditLog.count(),
    boms: await p.bOM.count(),
    products_json: JSON.stringify(await p.product.findMany({ orderBy: { id: "asc" } })),
  };
}

async function createProduct(body: Record<string, unknown> = {}): Promise<ProductBody> {
  const manager = await app.as("MANAGER");
  const res = await manager.post<ProductBody>("/api/products", { sku: uniq("P"), name: "Test product", isFinished: false, ...body });
  expect(res.status).toBe(201);
  return res.body;
}

describe("create", () => {
  test("201 with trimmed SKU, default uom, a zero stock level and an audit row", async () => {
    const manager = await app.as("MANAGER");
    const sku = uniq("NEW");
    const res = await manager.post<ProductBody>("/api/products", { sku: `  ${sku}  `, name: " Widget ", isFinished: true, unitCost: 12.5, reorderPoint: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sku, name: "Widget", isFinished: true, uom: "pcs", unitCost: 12.5, reorderPoint: 3, description: null, archivedAt: null });
    const level = await prisma().stockLevel.findUnique({ where: { productId: res.body.id } });
    expect(level?.onHand.toNumber()).toBe(0);
    const audit = await prisma().auditLog.findFirst({ where: { entityId: res.body.id, action: "product.create" } });
    expect(audit?.actorId).toBe(ids.manager);
  });

  test("a duplicate SKU is 409 CONFLICT and writes nothing", async () => {
    const manager = await app.as("MANAGER");
    const before = await counts();
    expectError(await manager.post("/api/products", { sku: " STEEL-01 ", name: "Again", isFinished: false }), 409, "CONFLICT");
    expect(await counts()).toEqual(before);
  });

  test.each([
    ["missing name", { sku: "X-1", isFinished: false }],
    ["missing isFinished", { sku: "X-1", name: "x" }],
    ["empty SKU", { sku: "", name: "x", isFinished: false }],
    ["blank SKU", { sku: "   ", name: "x", isFinished: false }],
    ["empty name", { sku: "X-1", name: "", isFinished: false }],
    ["empty uom", { sku: "X-1", name: "x", isFinished: false, uom: "" }],
    ["empty description", { sku: "X-1", name: "x", isFinished: false, description: "" }],
    ["SKU as number", { sku: 42, name: "x", isFinished: false }],
    ["isFinished as string", { sku: "X-1", name: "x", isFinished: "yes" }],
    ["unitCost as string", { sku: "X-1", name: "x", isFinished: false, unitCost: "5" }],
    ["negative unitCost", { sku: "X-1", name: "x", isFinished: false, unitCost: -1 }],
    ["negative reorderPoint", { sku: "X-1", name: "x", isFinished: false, reorderPoint: -0.5 }],
    ["5 decimals", { sku: "X-1", name: "x", isFinished: false, unitCost: 1.00001 }],
    ["too large", { sku: "X-1", name: "x", isFinished: false, unitCost: 1e15 }],
    ["unknown field", { sku: "X-1", name: "x", isFinished: false, colour: "red" }],
    ["archived on create", { sku: "X-1", name: "x", isFinished: false, archived: true }],
    ["array body", [{ sku: "X-1", name: "x", isFinished: false }]],
    ["null body", null],
  ])("bad input (%s) → 400 VALIDATION_FAILED, nothing written", async (_label, body) => {
    const manager = await app.as("MANAGER");
    const before = await counts();
    expectError(await manager.post("/api/products", body), 400, "VALIDATION_FAILED");
    expect(await counts()).toEqual(before);
  });

  test("malformed JSON and an empty body → 400, nothing written", async () => {
    const manager = await app.as("MANAGER");
    const before = await counts();
    expectError(await manager.raw("POST", "/api/products", { body: '{"sku": "X-1",', headers: { "content-type": "application/json" } }), 400, "VALIDATION_FAILED");
    expectError(await manager.raw("POST", "/api/products"), 400, "VALIDATION_FAILED");
    expect(await counts()).toEqual(before);
  });

  test("roles without products:write get 403 and nothing is written", async () => {
    const before = await counts();
    for (const role of ["OPERATOR", "INVENTORY", "SALES", "VIEWER"]) {
      expectError(await (await app.as(role)).post("/api/products", { sku: uniq("NO"), name: "x", isFinished: false }), 403, "FORBIDDEN");
    }
    expect((await app.anon().post("/api/products", { sku: uniq("NO"), name: "x", isFinished: false })).status).toBe(401);
    expect(await counts()).toEqual(before);
  });
});

describe("list", () => {
  test("search by SKU or name (case-insensitive), isFinished filter and paging", async () => {
    const viewer = await app.as("VIEWER");
    const tag = uniq("zeta").toLowerCase();
    const a = await createProduct({ sku: `${tag}-A`.toUpperCase(), name: "Alpha", isFinished: true });
    const b = await createProduct({ sku: uniq("OTHER"), name: `Bracket ${tag}`, isFinished: false });
    const found = await viewer.get<PageBody<ProductBody>>(`/api/products?q=${tag.toUpperCase()}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(found.body.total).toBe(2);
    const finished = await viewer.get<PageBody<ProductBody>>(`/api/products?q=${tag}&isFinished=true`);
    expect(finished.body.items.map((p) => p.id)).toEqual([a.id]);
    const raw = await viewer.get<PageBody<ProductBody>>(`/api/products?q=${tag}&isFinished=false`);
    expect(raw.body.items.map((p) => p.id)).toEqual([b.id]);

    const all = await viewer.get<PageBody<ProductBody>>("/api/products?pageSize=200");
    const total = await prisma().product.count({ where: { archivedAt: null } });
    expect(all.body.total).toBe(total);
    const p2 = await viewer.get<PageBody<ProductBody>>("/api/products?pageSize=2&page=2");
    expect(p2.body).toMatchObject({ page: 2, pageSize: 2, total });
    expect(p2.body.items.map((p) => p.id)).toEqual(all.body.items.slice(2, 4).map((p) => p.id));
  });

  test("bad query → 400", async () => {
    const viewer = await app.as("VIEWER");
    for (const q of ["isFinished=yes", "includeArchived=1", "pageSize=0", "pageSize=500", "page=-1", "colour=red"]) {
      expectError(await viewer.get(`/api/products?${q}`), 400, "VALIDATION_FAILED");
    }
  });
});

describe("read", () => {
  test("a product with its BOM summary; unknown → 404, malformed id → 400", async () => {
    const sales = await app.as("SALES");
    const table = await sales.get<ProductBody & { bom: { componentCount: number; operationCount: number } | null; usedInCount: number }>(`/api/products/${ids.table}`);
    expect(table.status).toBe(200);
    expect(table.body).toMatchObject({ sku: "TABLE-100", bom: { componentCount: 2, operationCount: 2 }, usedInCount: 0 });
    const steel = await sales.get<{ bom: unknown; usedInCount: number }>(`/api/products/${ids.steel}`);
    expect(steel.body).toMatchObject({ bom: null, usedInCount: 1 });
    expectError(await sales.get("/api/products/00000000-0000-4000-8000-000000000000"), 404, "NOT_FOUND");
    expectError(await sales.get("/api/products/not-a-uuid"), 400, "VALIDATION_FAILED");
  });
});

describe("update and archive", () => {
  test("changes fields, archives (hidden from lists) and restores, with audit rows", async () => {
    const manager = await app.as("MANAGER");
    const p = await createProduct({ unitCost: 1 });
    const upd = await manager.patch<ProductBody>(`/api/products/${p.id}`, { name: "Renamed", unitCost: 2.25, description: "Now described", uom: "kg" });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ name: "Renamed", unitCost: 2.25, description: "Now described", uom: "kg" });
    const updAudit = await prisma().auditLog.findFirst({ where: { entityId: p.id, action: "product.update" } });
    expect(updAudit?.payload).toMatchObject({ name: { from: "Test product", to: "Renamed" }, unitCost: { from: 1, to: 2.25 } });

    const cleared = await manager.patch<ProductBody>(`/api/products/${p.id}`, { description: null, unitCost: null });
    expect(cleared.body).toMatchObject({ description: null, unitCost: null });

    const archived = await manager.patch<ProductBody>(`/api/products/${p.id}`, { archived: true });
    expect(archived.body.archivedAt).not.toBeNull();
    expect(await prisma().auditLog.count({ where: { entityId: p.id, action: "product.archive" } })).toBe(1);
    const listed = await manager.get<PageBody<ProductBody>>(`/api/products?q=${p.sku}`);
    expect(listed.body.items).toEqual([]);
    const withArchived = await manager.get<PageBody<ProductBody>>(`/api/products?q=${p.sku}&includeArchived=true`);
    expect(withArchived.body.items.map((x) => x.id)).toEqual([p.id]);
    // Archiving again keeps the original time.
    const again = await manager.patch<ProductBody>(`/api/products/${p.id}`, { archived: true });
    expect(again.body.archivedAt).toBe(archived.body.archivedAt);
    // Still readable by id.
    expect((await manager.get(`/api/products/${p.id}`)).status).toBe(200);

    const restored = await manager.patch<ProductBody>(`/api/products/${p.id}`, { archived: false });
    expect(restored.body.archivedAt).toBeNull();
    expect(await prisma().auditLog.count({ where: { entityId: p.id, action: "product.restore" } })).toBe(1);
    expect((await manager.get<PageBody<ProductBody>>(`/api/products?q=${p.sku}`)).body.items).toHaveLength(1);
  });

  test("changing the SKU to one in use is 409 CONFLICT; unknown id 404", async () => {
    const manager = await app.as("MANAGER");
    const p = await createProduct();
    const before = await counts();
    expectError(await manager.patch(`/api/products/${p.id}`, { sku: "SCR-01" }), 409, "CONFLICT");
    expectError(await manager.patch("/api/products/00000000-0000-4000-8000-000000000000", { name: "x" }), 404, "NOT_FOUND");
    expect(await counts()).toEqual(before);
    // Its own SKU is fine.
    expect((await manager.patch(`/api/products/${p.id}`, { sku: p.sku })).status).toBe(200);
  });

  test.each([
    ["empty body", {}],
    ["empty name", { name: "" }],
    ["blank SKU", { sku: "  " }],
    ["empty description", { description: "" }],
    ["archived as string", { archived: "true" }],
    ["archivedAt directly", { archivedAt: "2026-01-01T00:00:00Z" }],
    ["negative reorderPoint", { reorderPoint: -1 }],
    ["unitCost as string", { unitCost: "1.5" }],
    ["unknown field", { price: 3 }],
    ["id in body", { id: "00000000-0000-4000-8000-000000000000" }],
  ])("bad input (%s) → 400, nothing written", async (_label, body) => {
    const manager = await app.as("MANAGER");
    const before = await counts();
    expectError(await manager.patch(`/api/products/${ids.steel}`, body), 400, "VALIDATION_FAILED");
    expectError(await manager.raw("PATCH", `/api/products/${ids.steel}`, { body: "{name:", headers: { "content-type": "application/json" } }), 400, "VALIDATION_FAILED");
    expect(await counts()).toEqual(before);
  });

  test("roles without products:write get 403", async () => {
    const before = await counts();
    for (const role of ["OPERATOR", "INVENTORY", "SALES", "VIEWER"]) {
      expectError(await (await app.as(role)).patch(`/api/products/${ids.steel}`, { name: "Hacked" }), 403, "FORBIDDEN");
      expectError(await (await app.as(role)).request("DELETE", `/api/products/${ids.steel}`), 403, "FORBIDDEN");
    }
    expect(await counts()).toEqual(before);
  });
});

describe("delete", () => {
  test("a never-referenced product (even with an empty BOM) is deleted with its stock level: 204 + audit row", async () => {
    const manager = await app.as("MANAGER");
    const p = await createProduct();
    const res = await manager.request("DELETE", `/api/products/${p.id}`);
    expect(res.status).toBe(204);
    expect(await prisma().product.findUnique({ where: { id: p.id } })).toBeNull();
    expect(await prisma().stockLevel.findUnique({ where: { productId: p.id } })).toBeNull();
    expect(await prisma().auditLog.count({ where: { entityId: p.id, action: "product.delete" } })).toBe(1);
    expectError(await manager.request("DELETE", `/api/products/${p.id}`), 404, "NOT_FOUND");

    const q = await createProduct();
    expect((await manager.put(`/api/products/${q.id}/bom`, { components: [], operations: [{ title: "Inspect" }] })).status).toBe(200);
    expect((await manager.request("DELETE", `/api/products/${q.id}`)).status).toBe(204);
    expect(await prisma().bOM.count({ where: { productId: q.id } })).toBe(0);
  });

  test("anything that ever referenced it makes it 409 CONFLICT with 'archive it instead'; nothing written", async () => {
    const manager = await app.as("MANAGER");
    const withEntries = await createProduct();
    await withTx((tx) => postStock(tx, { lines: [{ productId: withEntries.id, change: 5 }], sourceType: "RECEIPT", note: "test" }));
    const withMo = await createProduct({ isFinished: true });
    await prisma().manufacturingOrder.create({ data: { name: "MO for delete test", productId: withMo.id, quantity: 1, createdById: ids.manager, bomSnapshot: [] } });
    const inSnapshot = await createProduct();
    await prisma().manufacturingOrder.create({
      data: { name: "Snapshot ref", productId: ids.table, quantity: 1, createdById: ids.manager, bomSnapshot: [{ materialId: inSnapshot.id, sku: inSnapshot.sku, name: "x", uom: "pcs", qtyPerUnit: 1 }] },
    });
    const cases: [string, string][] = [
      [ids.table, "it has a BOM"],
      [ids.steel, "component"],
      [withEntries.id, "stock movements"],
      [withMo.id, "produce it"],
      [inSnapshot.id, "consume it"],
    ];
    for (const [id, reason] of cases) {
      const before = await counts();
      const res = await manager.request<ErrorBody>("DELETE", `/api/products/${id}`);
      expectError(res, 409, "CONFLICT");
      expect(res.body.error.message).toMatch(/archive it instead/);
      expect(res.body.error.message).toContain(reason);
      expect(await counts()).toEqual(before);
    }
    expectError(await manager.request("DELETE", "/api/products/bad-id"), 400, "VALIDATION_FAILED");
  });
});

describe("operator scope", () => {
  test("an operator sees only the parts of MOs holding a WO assigned to them; others are 404", async () => {
    const operator = await app.as("OPERATOR");
    const fresh = await createProduct({ sku: uniq("OPS") });
    const list = await operator.get<PageBody<ProductBody>>("/api/products?pageSize=200&includeArchived=true");
    expect(list.status).toBe(200);
    // Other tests add MOs for TABLE-100 without operator WOs; only the demo order is theirs.
    expect(list.body.items.map((p) => p.sku).sort()).toEqual(["SCR-01", "STEEL-01", "TABLE-100"]);
    expect(list.body.total).toBe(3);
    expect((await operator.get(`/api/products/${ids.steel}`)).status).toBe(200);
    expectError(await operator.get(`/api/products/${fresh.id}`), 404, "NOT_FOUND");
    expectError(await operator.get(`/api/products/${fresh.id}/bom`), 404, "NOT_FOUND");
    expectError(await operator.get(`/api/products/${fresh.id}/bom/explode?quantity=1`), 404, "NOT_FOUND");
    expect((await operator.get<PageBody<ProductBody>>(`/api/products?q=${fresh.sku}`)).body.items).toEqual([]);

    // An MO that is not theirs does not widen the scope; one with a WO assigned to them does.
    const material = await createProduct({ sku: uniq("OPM") });
    const mo = await prisma().manufacturingOrder.create({
      data: {
        name: "Operator scope",
        productId: fresh.id,
        quantity: 2,
        createdById: ids.manager,
        bomSnapshot: [{ materialId: material.id, sku: material.sku, name: material.name, uom: "pcs", qtyPerUnit: 1 }],
        workOrders: { create: [{ sequence: 1, title: "Build" }] },
      },
      include: { workOrders: true },
    });
    expectError(await operator.get(`/api/products/${fresh.id}`), 404, "NOT_FOUND");
    await prisma().workOrder.update({ where: { id: mo.workOrders[0]!.id }, data: { assignedToId: ids.operator } });
    expect((await operator.get(`/api/products/${fresh.id}`)).status).toBe(200);
    expect((await operator.get(`/api/products/${material.id}`)).status).toBe(200);
    const after = await operator.get<PageBody<ProductBody>>("/api/products?pageSize=200");
    expect(after.body.items.map((p) => p.id)).toEqual(expect.arrayContaining([fresh.id, material.id]));
    expect(after.body.total).toBe(5);
  });
});
