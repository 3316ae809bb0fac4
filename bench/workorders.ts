// Work order round trips: N operators, each with a queue of their own WOs, each doing
// POST /api/workorders/:id/start then /complete. Every WO is the only one of its MO, so each
// completion also completes the MO and posts its stock (TABLE-100: 2 × STEEL-01 + 20 × SCR-01
// consumed, 1 table produced): the shop-floor worst case, all operators contending for the same
// material rows.
import { hashPassword } from "../lib/auth/password";
import { prisma } from "../lib/db/client";
import { postStock } from "../lib/stock/post";
import { withStockTx } from "../lib/inventory/tx";
import { Client } from "../tests/helpers/client";
import { runFor, sampleError, type PhaseResult } from "./stats";

const PASSWORD = "Bench-pass-1";

export interface WoSetup {
  /** One signed-in client per operator, and that operator's WO ids in order. */
  operators: { client: Client; workOrders: string[] }[];
}

/** Creates the operators, their MOs and WOs directly in the database, and signs each operator in. */
export async function setUpWorkOrders(baseUrl: string, operators: number, perOperator: number): Promise<WoSetup> {
  const p = prisma();
  const manager = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
  const table = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" }, include: { bom: { include: { components: { include: { material: true } } } } } });
  const components = table.bom?.components ?? [];
  const snapshot = components.map((c) => ({ materialId: c.materialId, sku: c.material.sku, name: c.material.name, uom: c.material.uom, qtyPerUnit: c.qtyPerUnit.toNumber() }));
  // Enough material for every MO the run could complete.
  const total = operators * perOperator;
  await withStockTx((tx) =>
    postStock(tx, { lines: components.map((c) => ({ productId: c.materialId, change: c.qtyPerUnit.times(total) })), sourceType: "RECEIPT", sourceId: "BENCH", note: "bench material" }),
  );

  const passwordHash = await hashPassword(PASSWORD);
  const stamp = Date.now().toString(36);
  const users = await p.user.createManyAndReturn({
    data: Array.from({ length: operators }, (_, i) => ({ name: `Bench Operator ${i + 1}`, email: `bench-op-${i + 1}-${stamp}@bench.local`, role: "OPERATOR" as const, passwordHash })),
    select: { id: true, email: true },
  });
  const mos = await p.manufacturingOrder.createManyAndReturn({
    data: Array.from({ length: total }, (_, i) => ({ name: `Bench MO ${i + 1}`, productId: table.id, quantity: 1, bomSnapshot: snapshot, createdById: manager.id })),
    select: { id: true },
  });
  const wos = await p.workOrder.createManyAndReturn({
    data: mos.map((mo, i) => ({ moId: mo.id, sequence: 1, title: "Bench assembly", assignedToId: users[i % operators]!.id })),
    select: { id: true, assignedToId: true },
  });
  const clients = await Promise.all(users.map((u) => new Client(baseUrl).signInOrThrow(u.email, PASSWORD)));
  return {
    operators: users.map((u, i) => ({ client: clients[i]!, workOrders: wos.filter((w) => w.assignedToId === u.id).map((w) => w.id) })),
  };
}

/** Start → complete round trips until the deadline (or until an operator's queue runs out). */
export async function roundTrips(setup: WoSetup, seconds: number): Promise<PhaseResult & { exhausted: number }> {
  const samples: string[] = [];
  let exhausted = 0;
  const r = await runFor(setup.operators.length, seconds, async (w, i) => {
    const op = setup.operators[w]!;
    const id = op.workOrders[i];
    if (!id) {
      exhausted++;
      return null;
    }
    const started = await op.client.post(`/api/workorders/${id}/start`);
    if (started.status !== 200) {
      sampleError(samples, `start ${started.status} ${started.text}`);
      return false;
    }
    const done = await op.client.post(`/api/workorders/${id}/complete`);
    if (done.status !== 200) sampleError(samples, `complete ${done.status} ${done.text}`);
    return done.status === 200;
  });
  return { ...r, exhausted, errorSamples: [...r.errorSamples, ...samples].slice(0, 5) };
}
