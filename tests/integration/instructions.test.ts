// Work instructions: BOM operations carry them (≤ 10,000 characters), each WO gets a copy when its
// MO is created, and a later BOM edit leaves the WOs already made as they were.
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";

let app: TestApp;
let manager: Client;
let operator: Client;
let product: string;
const db = () => app.db.handle.prisma;

interface Bom {
  operations: { title: string; instructions: string | null }[];
}

beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
  operator = await app.as("OPERATOR");
  product = (await db().product.findUniqueOrThrow({ where: { sku: "TABLE-100" } })).id;
});
afterAll(async () => {
  await app.close();
});

async function putOperations(operations: Record<string, unknown>[]) {
  const current = await manager.get<{ components: { materialId: string; qtyPerUnit: number }[] }>(`/api/products/${product}/bom`);
  return manager.put<Bom>(`/api/products/${product}/bom`, { components: current.body.components.map((c) => ({ materialId: c.materialId, qtyPerUnit: c.qtyPerUnit })), operations });
}

test("instructions are saved on the BOM, copied into new WOs, and later BOM edits leave those WOs alone", async () => {
  const text = "1. Clamp the frame.\n2. Weld **all four** corners.\n<script>alert(1)</script>";
  const saved = await putOperations([{ title: "Cut & Weld", instructions: text }, { title: "Assembly", instructions: "" }]);
  expect(saved.status).toBe(200);
  expect(saved.body.operations.map((o) => o.instructions)).toEqual([text, null]);

  const mo = await manager.post<{ workOrders: { id: string; sequence: number }[] }>("/api/mos", { name: "Instructions", productId: product, quantity: 1 });
  expect(mo.status).toBe(201);
  const [first, second] = [...mo.body.workOrders].sort((a, b) => a.sequence - b.sequence);
  await manager.patch(`/api/workorders/${first!.id}`, { assignedToId: (await db().user.findUniqueOrThrow({ where: { email: "operator@demo.com" } })).id });
  const detail = await operator.get<{ instructions: string | null }>(`/api/workorders/${first!.id}`);
  expect(detail.status).toBe(200);
  expect(detail.body.instructions).toBe(text);
  expect((await manager.get<{ instructions: string | null }>(`/api/workorders/${second!.id}`)).body.instructions).toBeNull();

  expect((await putOperations([{ title: "Cut & Weld", instructions: "Changed later" }, { title: "Assembly" }])).status).toBe(200);
  expect((await manager.get<{ instructions: string | null }>(`/api/workorders/${first!.id}`)).body.instructions).toBe(text);
  const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: product, action: "bom.replace" }, orderBy: { createdAt: "desc" } });
  expect(JSON.stringify(audit.payload)).toContain("Changed later");
});

test("instructions over 10,000 characters, or not text, are refused with 400 and nothing changes", async () => {
  const before = await manager.get<Bom>(`/api/products/${product}/bom`);
  const long = await putOperations([{ title: "Cut & Weld", instructions: "x".repeat(10_001) }]);
  expect(long.status).toBe(400);
  expect((await putOperations([{ title: "Cut & Weld", instructions: 42 }])).status).toBe(400);
  expect((await putOperations([{ title: "Cut & Weld", instructions: "bad\u0000text" }])).status).toBe(400);
  expect((await manager.get<Bom>(`/api/products/${product}/bom`)).body.operations).toEqual(before.body.operations);
  expect((await putOperations([{ title: "Cut & Weld", instructions: "x".repeat(10_000) }])).status).toBe(200);
});
