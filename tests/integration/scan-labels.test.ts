// The shop floor's narrow reads (docs/scanning.md "Lot and location labels"), over real HTTP as the
// operator, who holds no stock:read: GET /api/scan/label answers a lot label with its product, expiry
// and on hand per location, a location label with its largest lines; unknown or inactive → 404, a code
// that is no lot/location label → 400. GET /api/workorders/:id/lots says whether the WO's completion
// finishes the order and lists each lot-tracked component's lots first expiry first; completing that
// WO naming a lot consumes that lot first.
import { DEFAULT_LOCATIONS } from "@/lib/locations/defaults";
import { locationLabelCode, lotLabelCode } from "@/lib/scan/codes";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client, ErrorBody } from "../helpers/client";

const { STOCK } = DEFAULT_LOCATIONS;

let app: TestApp;
let manager: Client;
let inventory: Client;
let operator: Client;
let operatorId: string;
let n = 0;
const uniq = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;
const db = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
  inventory = await app.as("INVENTORY");
  operator = await app.as("OPERATOR");
  operatorId = (await db().user.findUniqueOrThrow({ where: { email: "operator@demo.com" } })).id;
});
afterAll(async () => {
  await app.close();
});

function expectError(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: (res.body as ErrorBody).error?.code }).toEqual({ status, code });
}

async function product(prefix: string, tracking: "NONE" | "LOT" = "LOT"): Promise<{ id: string; sku: string }> {
  const sku = uniq(prefix);
  const res = await manager.post<{ id: string }>("/api/products", { sku, name: `Product ${sku}`, isFinished: false, uom: "pcs", tracking });
  expect(res.status).toBe(201);
  return { id: res.body.id, sku };
}

async function receive(productId: string, quantity: number, lotCode: string, expiresAt: string): Promise<string> {
  const res = await inventory.post("/api/stock/receipts", { productId, quantity, lotCode, expiresAt });
  expect(res.status).toBe(201);
  return (await db().lot.findUniqueOrThrow({ where: { productId_code: { productId, code: lotCode } } })).id;
}

interface LotCard {
  kind: "lot";
  lot: { id: string; code: string; expiresAt: string | null; product: { sku: string } };
  locations: { id: string; code: string; onHand: number }[];
}
interface LocationCard {
  kind: "location";
  location: { id: string; code: string; kind: string };
  lines: { onHand: number; product: { sku: string }; lot: { code: string } | null }[];
  totalLines: number;
}

describe("GET /api/scan/label", () => {
  test("a lot label: product, code, expiry and on hand per location, for an operator", async () => {
    const raw = await product("SCANRAW");
    const lotId = await receive(raw.id, 7, "L-SCAN", "2027-05-01");
    // Printed, as a wedge scanner types it, and inside a URL: the same lot.
    for (const code of [lotLabelCode(lotId), lotLabelCode(lotId).toLowerCase(), `https://mes.example/stock/lots/x?c=${lotLabelCode(lotId)}`]) {
      const res = await operator.get<LotCard>(`/api/scan/label?code=${encodeURIComponent(code)}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ kind: "lot", lot: { id: lotId, code: "L-SCAN", product: { sku: raw.sku } }, locations: [{ id: STOCK, onHand: 7 }] });
      expect(res.body.lot.expiresAt?.slice(0, 10)).toBe("2027-05-01");
    }
    // The stock roles use the stock screens: no wo:execute.
    expectError(await inventory.get(`/api/scan/label?code=${lotLabelCode(lotId)}`), 403, "FORBIDDEN");
  });

  test("a location label: code, name, kind and its largest lines", async () => {
    const raw = await product("SCANLOC");
    await receive(raw.id, 900000, "L-BIG", "2027-01-01");
    const res = await operator.get<LocationCard>(`/api/scan/label?code=${locationLabelCode(STOCK)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: "location", location: { id: STOCK, code: "STOCK" } });
    // The largest line first: the 900,000 just received.
    expect(res.body.lines[0]).toMatchObject({ onHand: 900000, product: { sku: raw.sku }, lot: { code: "L-BIG" } });
    expect(res.body.lines.length).toBeLessThanOrEqual(8);
    expect(res.body.totalLines).toBeGreaterThanOrEqual(res.body.lines.length);
  });

  test("unknown lot, unknown or inactive location → 404; not a lot/location label → 400", async () => {
    const unknown = "0f8fad5b-d9cb-469f-a165-70867728950e";
    expectError(await operator.get(`/api/scan/label?code=${lotLabelCode(unknown)}`), 404, "NOT_FOUND");
    expectError(await operator.get(`/api/scan/label?code=${locationLabelCode(unknown)}`), 404, "NOT_FOUND");
    const loc = await db().location.create({ data: { code: uniq("GONE"), name: "Gone", kind: "STORAGE", active: false } });
    expectError(await operator.get(`/api/scan/label?code=${locationLabelCode(loc.id)}`), 404, "NOT_FOUND");
    for (const q of ["code=WO-000001", "code=MESB-0123456789ABCDEFGHJKMNPQRS", "code=hello", "code=", "", `code=${lotLabelCode(unknown)}&extra=1`]) {
      expectError(await operator.get(`/api/scan/label?${q}`), 400, "VALIDATION_FAILED");
    }
  });
});

interface WoLots {
  finishesMo: boolean;
  orderNo: string;
  moQuantity: number;
  scrappedBefore: number;
  output: { tracking: string };
  components: { productId: string; sku: string; qtyPerUnit: number; lots: { id: string; code: string; available: number }[] }[];
}

describe("GET /api/workorders/:id/lots", () => {
  test("only the WO that finishes the order names lots; lots first expiry first; naming one consumes it", async () => {
    const raw = await product("WOLRAW");
    const plain = await product("WOLPLAIN", "NONE");
    const top = await product("WOLTOP");
    const bom = await manager.put(`/api/products/${top.id}/bom`, {
      components: [
        { materialId: raw.id, qtyPerUnit: 2 },
        { materialId: plain.id, qtyPerUnit: 1 },
      ],
      operations: [
        { title: "Cut", workCenterId: null, minutesPerUnit: 1 },
        { title: "Weld", workCenterId: null, minutesPerUnit: 1 },
      ],
    });
    expect(bom.status).toBe(200);
    const late = await receive(raw.id, 10, "L-LATE", "2027-06-01");
    await receive(raw.id, 10, "L-EARLY", "2027-03-01");
    expect((await inventory.post("/api/stock/receipts", { productId: plain.id, quantity: 10 })).status).toBe(201);
    const mo = await manager.post<{ id: string; orderNo: string; workOrders: { id: string; code: string }[] }>("/api/mos", { name: uniq("Order"), productId: top.id, quantity: 3, childOrders: "none" });
    expect(mo.status).toBe(201);
    const [a, b] = mo.body.workOrders as [{ id: string; code: string }, { id: string; code: string }];
    for (const wo of [a, b]) expect((await manager.patch(`/api/workorders/${wo.id}`, { assignedToId: operatorId })).status).toBe(200);

    const first = await operator.get<WoLots>(`/api/workorders/${a.code}/lots`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ finishesMo: false, orderNo: mo.body.orderNo, moQuantity: 3, output: { tracking: "LOT" } });
    // Only the tracked component, its lots first expiry first.
    expect(first.body.components).toEqual([expect.objectContaining({ productId: raw.id, qtyPerUnit: 2 })]);
    expect(first.body.components[0]!.lots.map((l) => [l.code, l.available])).toEqual([
      ["L-EARLY", 10],
      ["L-LATE", 10],
    ]);

    expect((await operator.post(`/api/workorders/${a.id}/start`)).status).toBe(200);
    expect((await operator.post(`/api/workorders/${a.id}/complete`, { scrapQty: 1, goodQty: 2 })).status).toBe(200);
    const last = await operator.get<WoLots>(`/api/workorders/${b.id}/lots`);
    expect(last.body).toMatchObject({ finishesMo: true, scrappedBefore: 1 });

    // Naming the later lot: it is consumed rather than the first-expiry one.
    expect((await operator.post(`/api/workorders/${b.id}/start`)).status).toBe(200);
    const done = await operator.post(`/api/workorders/${b.id}/complete`, { outputLotCode: "TOP-LOT-1", consumedLots: [{ productId: raw.id, lotId: late, quantity: 6 }] });
    expect(done.status).toBe(200);
    const consumed = await db().stockEntry.findMany({ where: { sourceId: mo.body.id, sourceType: "MO_CONSUMPTION", productId: raw.id } });
    expect(consumed.map((r) => [r.lotId, r.change.toNumber()])).toEqual([[late, -6]]);
    expect(await db().lot.count({ where: { productId: top.id, code: "TOP-LOT-1" } })).toBe(1);
    // Completed: nothing left to name.
    expect((await operator.get<WoLots>(`/api/workorders/${b.id}/lots`)).body.finishesMo).toBe(false);
  });

  test("another operator's WO → 404; a bad id → 400", async () => {
    const mo = await manager.post<{ workOrders: { id: string }[] }>("/api/mos", { name: uniq("Order"), productId: (await product("WOLX")).id, quantity: 1, childOrders: "none" });
    expect(mo.status).toBe(201);
    const wo = await db().workOrder.create({ data: { moId: (await db().manufacturingOrder.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).id, sequence: 9, title: "Other" } });
    expectError(await operator.get(`/api/workorders/${wo.id}/lots`), 404, "NOT_FOUND");
    expect((await manager.get(`/api/workorders/${wo.id}/lots`)).status).toBe(200);
    expectError(await operator.get(`/api/workorders/not-a-wo/lots`), 400, "VALIDATION_FAILED");
  });
});

describe("on a station", () => {
  test("the operator identified on a station reads a scanned label (the station's confinement lets it through); the stock routes stay closed", async () => {
    const admin = await app.as("ADMIN");
    const u = uniq("scan-station");
    const created = await admin.post<{ id: string }>("/api/users", { name: `Person ${u}`, email: `${u}@example.com`, role: "OPERATOR", password: "Station-pass-1" });
    expect(created.status).toBe(201);
    const person = await app.anon().signInOrThrow(`${u}@example.com`, "Station-pass-1");
    expect((await person.patch("/api/me/pin", { pin: "4826", currentPassword: "Station-pass-1" })).status).toBe(200);
    const wc = await db().workCenter.create({ data: { name: uniq("Scan WC") } });
    const station = await manager.post<{ id: string }>("/api/stations", { name: uniq("Scan station"), workCenterIds: [wc.id] });
    expect(station.status).toBe(201);
    const tablet = await app.anon().signInOrThrow("manager@demo.com", "Manager@123");
    expect((await tablet.post(`/api/stations/${station.body.id}/open`)).status).toBe(200);
    const label = `/api/scan/label?code=${locationLabelCode(STOCK)}`;
    // Nobody identified: no user at all.
    expect((await tablet.get(label)).status).toBe(401);
    expect((await tablet.post("/api/station/identify", { operatorId: created.body.id, pin: "4826" })).status).toBe(200);
    const res = await tablet.get<LocationCard>(label);
    expect(res.status).toBe(200);
    expect(res.body.location.code).toBe("STOCK");
    expectError(await tablet.get(`/api/locations/${STOCK}`), 403, "FORBIDDEN");
  });
});
