// BOM API: read, replace, refusals (nothing written), cycles at any depth, the concurrent
// opposite-PUT race, and the multi-level explosion with exact decimals.
import { withTx } from "@/lib/db/tx";
import { postStock } from "@/lib/stock/post";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client, ErrorBody } from "../helpers/client";

let app: TestApp;
let manager: Client;
let ids: { steel: string; screws: string; table: string; welding: string; assembly: string };
let n = 0;
const uniq = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;
const prisma = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
  const bySku = Object.fromEntries((await prisma().product.findMany()).map((p) => [p.sku, p.id]));
  const centers = Object.fromEntries((await prisma().workCenter.findMany()).map((w) => [w.name, w.id]));
  ids = { steel: bySku["STEEL-01"]!, screws: bySku["SCR-01"]!, table: bySku["TABLE-100"]!, welding: centers.Welding!, assembly: centers.Assembly! };
});
afterAll(async () => {
  await app.close();
});

interface BomBody {
  productId: string;
  id: string | null;
  components: { materialId: string; qtyPerUnit: number; material: { sku: string } }[];
  operations: { sequence: number; title: string; workCenterId: string | null; minutesPerUnit: number | null; workCenter: { name: string } | null }[];
}
interface Node {
  sku: string;
  qtyPerUnit: number;
  quantity: number;
  children: Node[];
}
interface ExplodeBody {
  quantity: number;
  tree: Node;
  materials: { sku: string; quantity: number; onHand?: number; shortBy?: number; short?: boolean }[];
}

function expectError(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: (res.body as ErrorBody).error?.code }).toEqual({ status, code });
  expect(typeof (res.body as ErrorBody).error.message).toBe("string");
}

async function product(sku = uniq("P"), uom = "pcs"): Promise<{ id: string; sku: string }> {
  const res = await manager.post<{ id: string; sku: string }>("/api/products", { sku, name: `Product ${sku}`, isFinished: false, uom });
  expect(res.status).toBe(201);
  return res.body;
}

async function putBom(productId: string, components: [string, number][], operations: unknown[] = []): Promise<ApiResponse<BomBody>> {
  return manager.put<BomBody>(`/api/products/${productId}/bom`, { components: components.map(([materialId, qtyPerUnit]) => ({ materialId, qtyPerUnit })), operations });
}

/** Everything a BOM write touches, to prove a refusal wrote nothing. */
async function bomState() {
  const p = prisma();
  return {
    audit: await p.auditLog.count(),
    boms: JSON.stringify(await p.bOM.findMany({ orderBy: { id: "asc" } })),
    components: JSON.stringify(await p.bOMComponent.findMany({ orderBy: { id: "asc" } })),
    operations: JSON.stringify(await p.bOMOperation.findMany({ orderBy: { id: "asc" } })),
  };
}

describe("read", () => {
  test("the seeded TABLE-100 BOM; a product without one reads as empty; 404 / 400 for bad ids", async () => {
    const viewer = await app.as("VIEWER");
    const res = await viewer.get<BomBody>(`/api/products/${ids.table}/bom`);
    expect(res.status).toBe(200);
    expect(res.body.components.map((c) => [c.material.sku, c.qtyPerUnit])).toEqual([["SCR-01", 20], ["STEEL-01", 2]]);
    expect(res.body.operations.map((o) => [o.sequence, o.title, o.workCenter?.name, o.minutesPerUnit])).toEqual([[1, "Cut & Weld", "Welding", 30], [2, "Assembly", "Assembly", 20]]);
    const empty = await viewer.get<BomBody>(`/api/products/${ids.steel}/bom`);
    expect(empty.body).toMatchObject({ id: null, components: [], operations: [] });
    expectError(await viewer.get("/api/products/00000000-0000-4000-8000-000000000000/bom"), 404, "NOT_FOUND");
    expectError(await viewer.get("/api/products/nope/bom"), 400, "VALIDATION_FAILED");
  });
});

describe("replace", () => {
  test("creates a BOM, sequences operations in array order, replaces it whole, audits each replace", async () => {
    const p = await product();
    const first = await putBom(p.id, [[ids.steel, 2], [ids.screws, 8]], [
      { title: "Cut", workCenterId: ids.welding, minutesPerUnit: 2.5 },
      { title: "Pack" },
      { title: "Assemble", workCenterId: ids.assembly, minutesPerUnit: 0 },
    ]);
    expect(first.status).toBe(200);
    expect(first.body.id).not.toBeNull();
    expect(first.body.components.map((c) => [c.material.sku, c.qtyPerUnit])).toEqual([["SCR-01", 8], ["STEEL-01", 2]]);
    expect(first.body.operations.map((o) => [o.sequence, o.title, o.workCenterId, o.minutesPerUnit])).toEqual([
      [1, "Cut", ids.welding, 2.5],
      [2, "Pack", null, null],
      [3, "Assemble", ids.assembly, 0],
    ]);

    const second = await putBom(p.id, [[ids.screws, 3]], [{ title: "Only step" }]);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.components.map((c) => c.material.sku)).toEqual(["SCR-01"]);
    expect(second.body.operations.map((o) => [o.sequence, o.title])).toEqual([[1, "Only step"]]);
    expect(await prisma().bOMComponent.count({ where: { bomId: first.body.id! } })).toBe(1);
    expect((await manager.get<BomBody>(`/api/products/${p.id}/bom`)).body).toEqual(second.body);

    const audits = await prisma().auditLog.findMany({ where: { entityId: p.id, action: "bom.replace" }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(2);
    expect(audits[1]!.payload).toMatchObject({
      before: { components: expect.arrayContaining([expect.objectContaining({ sku: "STEEL-01", qtyPerUnit: 2 })]) },
      after: { components: [{ sku: "SCR-01", qtyPerUnit: 3 }], operations: [{ sequence: 1, title: "Only step" }] },
    });

    const cleared = await putBom(p.id, [], []);
    expect(cleared.body).toMatchObject({ components: [], operations: [] });
  });

  test("roles without products:write get 403; unknown product 404; nothing written", async () => {
    const before = await bomState();
    for (const role of ["OPERATOR", "INVENTORY", "SALES", "VIEWER"]) {
      expectError(await (await app.as(role)).put(`/api/products/${ids.table}/bom`, { components: [], operations: [] }), 403, "FORBIDDEN");
    }
    expect((await app.anon().put(`/api/products/${ids.table}/bom`, { components: [], operations: [] })).status).toBe(401);
    expectError(await manager.put("/api/products/00000000-0000-4000-8000-000000000000/bom", { components: [], operations: [] }), 404, "NOT_FOUND");
    expect(await bomState()).toEqual(before);
  });

  const ok = () => ({ materialId: ids.steel, qtyPerUnit: 1 });
  test.each<[string, () => unknown]>([
    ["missing operations", () => ({ components: [ok()] })],
    ["missing components", () => ({ operations: [] })],
    ["components not an array", () => ({ components: ok(), operations: [] })],
    ["zero quantity", () => ({ components: [{ materialId: ids.steel, qtyPerUnit: 0 }], operations: [] })],
    ["negative quantity", () => ({ components: [{ materialId: ids.steel, qtyPerUnit: -2 }], operations: [] })],
    ["quantity as string", () => ({ components: [{ materialId: ids.steel, qtyPerUnit: "2" }], operations: [] })],
    ["quantity with 5 decimals", () => ({ components: [{ materialId: ids.steel, qtyPerUnit: 0.00001 }], operations: [] })],
    ["materialId not a uuid", () => ({ components: [{ materialId: "STEEL-01", qtyPerUnit: 1 }], operations: [] })],
    ["empty materialId", () => ({ components: [{ materialId: "", qtyPerUnit: 1 }], operations: [] })],
    ["unknown component field", () => ({ components: [{ ...ok(), scrap: 0.1 }], operations: [] })],
    ["unknown top-level field", () => ({ components: [ok()], operations: [], name: "x" })],
    ["empty operation title", () => ({ components: [ok()], operations: [{ title: "" }] })],
    ["blank operation title", () => ({ components: [ok()], operations: [{ title: "   " }] })],
    ["negative minutes", () => ({ components: [ok()], operations: [{ title: "Cut", minutesPerUnit: -1 }] })],
    ["minutes as string", () => ({ components: [ok()], operations: [{ title: "Cut", minutesPerUnit: "5" }] })],
    ["operation sequence given", () => ({ components: [ok()], operations: [{ title: "Cut", sequence: 4 }] })],
    ["workCenterId not a uuid", () => ({ components: [ok()], operations: [{ title: "Cut", workCenterId: "Welding" }] })],
    ["duplicate material", () => ({ components: [ok(), { materialId: ids.steel, qtyPerUnit: 3 }], operations: [] })],
    ["the product itself", () => ({ components: [{ materialId: ids.table, qtyPerUnit: 1 }], operations: [] })],
    ["unknown material", () => ({ components: [{ materialId: "00000000-0000-4000-8000-000000000000", qtyPerUnit: 1 }], operations: [] })],
    ["unknown work center", () => ({ components: [ok()], operations: [{ title: "Cut", workCenterId: "00000000-0000-4000-8000-000000000000" }] })],
    ["null body", () => null],
    ["array body", () => [ok()]],
  ])("bad input (%s) → 400 VALIDATION_FAILED, BOM unchanged", async (_label, body) => {
    const before = await bomState();
    const res = await manager.put(`/api/products/${ids.table}/bom`, body());
    expectError(res, 400, "VALIDATION_FAILED");
    expect(await bomState()).toEqual(before);
  });

  test("malformed JSON and an empty body → 400, BOM unchanged", async () => {
    const before = await bomState();
    expectError(await manager.raw("PUT", `/api/products/${ids.table}/bom`, { body: '{"components": [', headers: { "content-type": "application/json" } }), 400, "VALIDATION_FAILED");
    expectError(await manager.raw("PUT", `/api/products/${ids.table}/bom`), 400, "VALIDATION_FAILED");
    expect(await bomState()).toEqual(before);
  });

  test("archived materials and inactive work centers are refused by name; nothing written", async () => {
    const old = await product();
    expect((await manager.patch(`/api/products/${old.id}`, { archived: true })).status).toBe(200);
    const wc = await manager.post<{ id: string; name: string }>("/api/workcenters", { name: uniq("Old cell"), costPerHour: 1, capacity: 1 });
    expect((await manager.patch(`/api/workcenters/${wc.body.id}`, { active: false })).status).toBe(200);
    const before = await bomState();
    const a = await manager.put<ErrorBody>(`/api/products/${ids.table}/bom`, { components: [{ materialId: old.id, qtyPerUnit: 1 }], operations: [] });
    expectError(a, 400, "VALIDATION_FAILED");
    expect(a.body.error.message).toContain(`${old.sku} is archived`);
    const b = await manager.put<ErrorBody>(`/api/products/${ids.table}/bom`, { components: [], operations: [{ title: "Weld", workCenterId: wc.body.id }] });
    expectError(b, 400, "VALIDATION_FAILED");
    expect(b.body.error.message).toContain(`${wc.body.name} is inactive`);
    expect(await bomState()).toEqual(before);
  });
});

describe("cycles", () => {
  async function chain(len: number): Promise<{ id: string; sku: string }[]> {
    const items = [];
    for (let i = 0; i < len; i++) items.push(await product(uniq(`CY${i}`)));
    for (let i = 0; i < len - 1; i++) expect((await putBom(items[i]!.id, [[items[i + 1]!.id, 1]])).status).toBe(200);
    return items;
  }

  test("the product itself is refused (depth 0)", async () => {
    const [a] = await chain(1);
    const res = await putBom(a!.id, [[a!.id, 1]]);
    expectError(res, 400, "VALIDATION_FAILED");
    expect((res.body as unknown as ErrorBody).error.message).toContain(`${a!.sku} cannot be a component of itself`);
  });

  test.each([1, 2, 3])("a cycle closed at depth %i is refused and named by SKU; nothing written", async (depth) => {
    // A → B (→ C (→ D)); now give the last one A.
    const items = await chain(depth + 1);
    const last = items[depth]!;
    const before = await bomState();
    const res = await putBom(last.id, [[ids.steel, 1], [items[0]!.id, 2]]);
    expectError(res, 400, "VALIDATION_FAILED");
    const named = [last, ...items.slice(0, depth), last].map((p) => p.sku).join(" → ");
    expect((res.body as unknown as ErrorBody).error.message).toContain(named);
    expect((res.body as unknown as ErrorBody).error.details).toEqual({ cycle: named.split(" → ") });
    expect(await bomState()).toEqual(before);
  });

  test("a shared sub-assembly (diamond) is not a cycle", async () => {
    const [top, left, right, shared] = [await product(), await product(), await product(), await product()];
    expect((await putBom(left!.id, [[shared!.id, 1]])).status).toBe(200);
    expect((await putBom(right!.id, [[shared!.id, 2]])).status).toBe(200);
    expect((await putBom(top!.id, [[left!.id, 1], [right!.id, 1], [shared!.id, 1]])).status).toBe(200);
  });

  test("two concurrent opposite PUTs (A gets B, B gets A): exactly one succeeds", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await product();
      const b = await product();
      const [ra, rb] = await Promise.all([putBom(a.id, [[b.id, 1]]), putBom(b.id, [[a.id, 1]])]);
      expect([ra.status, rb.status].sort()).toEqual([200, 400]);
      const loser = ra.status === 400 ? ra : rb;
      expect((loser.body as unknown as ErrorBody).error.message).toMatch(/→/);
      const edges = await prisma().bOMComponent.count({ where: { bom: { productId: { in: [a.id, b.id] } } } });
      expect(edges).toBe(1);
    }
  });
});

describe("explode", () => {
  let top: { id: string; sku: string };
  let sub: { id: string; sku: string };
  let rawA: { id: string; sku: string };
  let rawB: { id: string; sku: string };
  beforeAll(async () => {
    // TOP = 3 × SUB + 0.2 × RAW-A;  SUB = 0.1 × RAW-A + 2 × RAW-B.  RAW-A is shared across levels.
    rawA = await product(uniq("RAWA"), "kg"); // measured: a fraction per unit is fine (pieces are whole)
    rawB = await product(uniq("RAWB"));
    sub = await product(uniq("SUB"));
    top = await product(uniq("TOP"));
    expect((await putBom(sub.id, [[rawA.id, 0.1], [rawB.id, 2]])).status).toBe(200);
    expect((await putBom(top.id, [[sub.id, 3], [rawA.id, 0.2]])).status).toBe(200);
    await withTx((tx) => postStock(tx, { lines: [{ productId: rawA.id, change: 5 }, { productId: rawB.id, change: 10 }], sourceType: "RECEIPT", note: "explode test" }));
  });

  test("tree and raw-material totals for a two-level BOM with shared materials, exact decimals", async () => {
    const viewer = await app.as("VIEWER");
    const one = await viewer.get<ExplodeBody>(`/api/products/${top.id}/bom/explode?quantity=1`);
    expect(one.status).toBe(200);
    const subNode = one.body.tree.children.find((c) => c.sku === sub.sku)!;
    expect(subNode).toMatchObject({ qtyPerUnit: 3, quantity: 3 });
    // 3 × 0.1 is exactly 0.3 (no float drift).
    expect(subNode.children.find((c) => c.sku === rawA.sku)).toMatchObject({ qtyPerUnit: 0.1, quantity: 0.3, children: [] });
    expect(subNode.children.find((c) => c.sku === rawB.sku)).toMatchObject({ qtyPerUnit: 2, quantity: 6 });
    expect(one.body.tree.children.find((c) => c.sku === rawA.sku)).toMatchObject({ qtyPerUnit: 0.2, quantity: 0.2 });
    expect(one.body.materials).toEqual([
      { productId: rawA.id, sku: rawA.sku, name: `Product ${rawA.sku}`, uom: "kg", quantity: 0.5, onHand: 5, shortBy: 0, short: false },
      { productId: rawB.id, sku: rawB.sku, name: `Product ${rawB.sku}`, uom: "pcs", quantity: 6, onHand: 10, shortBy: 0, short: false },
    ]);

    const three = await viewer.get<ExplodeBody>(`/api/products/${top.id}/bom/explode?quantity=3`);
    expect(three.body.quantity).toBe(3);
    expect(three.body.tree).toMatchObject({ sku: top.sku, qtyPerUnit: 1, quantity: 3 });
    expect(three.body.materials.map((m) => [m.sku, m.quantity, m.shortBy, m.short])).toEqual([
      [rawA.sku, 1.5, 0, false],
      [rawB.sku, 18, 8, true],
    ]);

    const tenth = await viewer.get<ExplodeBody>(`/api/products/${top.id}/bom/explode?quantity=0.7`);
    // 0.7 × 3 × 0.1 + 0.7 × 0.2 = 0.21 + 0.14 = 0.35
    expect(tenth.body.materials.map((m) => [m.sku, m.quantity])).toEqual([[rawA.sku, 0.35], [rawB.sku, 4.2]]);
  });

  test("stock figures only for callers with stock:read", async () => {
    const sales = await app.as("SALES");
    const res = await sales.get<ExplodeBody>(`/api/products/${top.id}/bom/explode?quantity=2`);
    expect(res.status).toBe(200);
    expect(res.body.materials.map((m) => [m.sku, m.quantity])).toEqual([[rawA.sku, 1], [rawB.sku, 12]]);
    for (const m of res.body.materials) expect(Object.keys(m).sort()).toEqual(["name", "productId", "quantity", "sku", "uom"]);
    const inventory = await app.as("INVENTORY");
    const inv = await inventory.get<ExplodeBody>(`/api/products/${top.id}/bom/explode?quantity=2`);
    expect(inv.body.materials.map((m) => [m.sku, m.onHand, m.shortBy, m.short])).toEqual([[rawA.sku, 5, 0, false], [rawB.sku, 10, 2, true]]);
  });

  test("the seeded table, a product without a BOM, a deep chain; default quantity 1; bad quantity 400", async () => {
    const viewer = await app.as("VIEWER");
    const table = await viewer.get<ExplodeBody>(`/api/products/${ids.table}/bom/explode?quantity=5`);
    expect(table.body.materials.map((m) => [m.sku, m.quantity, m.onHand])).toEqual([["SCR-01", 100, 1000], ["STEEL-01", 10, 100]]);
    const raw = await viewer.get<ExplodeBody>(`/api/products/${ids.steel}/bom/explode`);
    expect(raw.body).toMatchObject({ quantity: 1, tree: { sku: "STEEL-01", quantity: 1, children: [] }, materials: [] });

    const chain = [];
    for (let i = 0; i < 12; i++) chain.push(await product());
    for (let i = 0; i < 11; i++) expect((await putBom(chain[i]!.id, [[chain[i + 1]!.id, 2]])).status).toBe(200);
    const deep = await viewer.get<ExplodeBody>(`/api/products/${chain[0]!.id}/bom/explode?quantity=1`);
    expect(deep.body.materials).toEqual([expect.objectContaining({ sku: chain[11]!.sku, quantity: 2048 })]);

    for (const q of ["0", "-1", "abc", "1.00001", "", "1&extra=1"]) {
      expectError(await viewer.get(`/api/products/${top.id}/bom/explode?quantity=${q}`), 400, "VALIDATION_FAILED");
    }
    expectError(await viewer.get("/api/products/00000000-0000-4000-8000-000000000000/bom/explode"), 404, "NOT_FOUND");
  });
});
