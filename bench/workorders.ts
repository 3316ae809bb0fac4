// Work order round trips: N operators, each with a queue of their own WOs, each doing
// POST /api/workorders/:id/start then /complete. Every WO is the only one of its MO, so each
// completion also completes the MO and posts its stock (TABLE-100: 2 × STEEL-01 + 20 × SCR-01
// consumed, 1 table produced): the shop-floor worst case, all operators contending for the same
// material rows.
import { hashPassword } from "../lib/auth/password";
import { prisma } from "../lib/db/client";
import type { Prisma } from "../lib/db/generated/client";
import { postStock } from "../lib/stock/post";
import { withStockTx } from "../lib/inventory/tx";
import { Client } from "../tests/helpers/client";
import { phaseResult, postgresCpu, postgresCpuBetween, processCpuSeconds, runFor, sampleError, type PhaseResult } from "./stats";

const PASSWORD = "Bench-pass-1";

export interface WoSetup {
  /** One signed-in client per operator, and that operator's WO ids in order. */
  operators: { client: Client; workOrders: string[] }[];
}

/** Creates the operators, their MOs and WOs directly in the database, and signs each operator in. */
export async function setUpWorkOrders(baseUrl: string, operators: number, perOperator: number): Promise<WoSetup> {
  const p = prisma();
  const table = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" }, include: { bom: { include: { components: { include: { material: true } } } } } });
  const components = table.bom?.components ?? [];
  const snapshot = components.map((c) => ({ materialId: c.materialId, sku: c.material.sku, name: c.material.name, uom: c.material.uom, qtyPerUnit: c.qtyPerUnit.toNumber() }));
  // Enough material for every MO the run could complete.
  const total = operators * perOperator;
  await withStockTx((tx) =>
    postStock(tx, { lines: components.map((c) => ({ productId: c.materialId, change: c.qtyPerUnit.times(total) })), sourceType: "RECEIPT", sourceId: "BENCH", note: "bench material" }),
  );
  return operatorsWithOrders(baseUrl, operators, perOperator, "op", () => ({ productId: table.id, bomSnapshot: snapshot }));
}

/**
 * Creates `operators` signed-in operators and `perOperator` one-WO MOs (of 1 unit) for each, MO i going
 * to operator i mod `operators` with what `order(operator)` says it makes and from what.
 */
async function operatorsWithOrders(
  baseUrl: string,
  operators: number,
  perOperator: number,
  tag: string,
  order: (operator: number) => { productId: string; bomSnapshot: Prisma.InputJsonValue },
): Promise<WoSetup> {
  const p = prisma();
  const manager = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
  const passwordHash = await hashPassword(PASSWORD);
  const stamp = Date.now().toString(36);
  const users = await p.user.createManyAndReturn({
    data: Array.from({ length: operators }, (_, i) => ({ name: `Bench Operator ${i + 1}`, email: `bench-${tag}-${i + 1}-${stamp}@bench.local`, role: "OPERATOR" as const, passwordHash })),
    select: { id: true, email: true },
  });
  const mos = await p.manufacturingOrder.createManyAndReturn({
    data: Array.from({ length: operators * perOperator }, (_, i) => ({ name: `Bench MO ${i + 1}`, quantity: 1, createdById: manager.id, ...order(i % operators) })),
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

/**
 * Independent orders: every operator works on orders of a product of their own, made from a material of
 * their own (one unit each), so no two operators' transitions touch the same MO, stock level or balance.
 * What is left to share is the server's JS thread, the pool and Postgres itself.
 */
export async function setUpIndependentWorkOrders(baseUrl: string, operators: number, perOperator: number): Promise<WoSetup> {
  const p = prisma();
  const stamp = Date.now().toString(36);
  const materials = await p.product.createManyAndReturn({
    data: Array.from({ length: operators }, (_, i) => ({ sku: `BENCH-MAT-${i + 1}-${stamp}`, name: `Bench material ${i + 1}`, unitCost: 2 })),
    select: { id: true, sku: true, name: true, uom: true },
  });
  const outputs = await p.product.createManyAndReturn({
    data: Array.from({ length: operators }, (_, i) => ({ sku: `BENCH-OUT-${i + 1}-${stamp}`, name: `Bench part ${i + 1}`, isFinished: true })),
    select: { id: true },
  });
  await withStockTx((tx) =>
    postStock(tx, { lines: materials.map((m) => ({ productId: m.id, change: perOperator })), sourceType: "RECEIPT", sourceId: "BENCH", note: "bench material" }),
  );
  return operatorsWithOrders(baseUrl, operators, perOperator, "ind", (op) => {
    const m = materials[op]!;
    return { productId: outputs[op]!.id, bomSnapshot: [{ materialId: m.id, sku: m.sku, name: m.name, uom: m.uom, qtyPerUnit: 1 }] };
  });
}

/** The operators' clients moved to other instances, round robin over `baseUrls` (the same sessions). */
export function spreadOver(setup: WoSetup, baseUrls: string[]): WoSetup {
  return { operators: setup.operators.map((o, i) => ({ client: o.client.clone(baseUrls[i % baseUrls.length]!), workOrders: o.workOrders })) };
}

/** Posts one transition: an operator's n-th request is the start (n even) or the completion (n odd) of WO n/2. */
async function transition(setup: WoSetup, operator: number, n: number, samples: string[]): Promise<boolean | null> {
  const op = setup.operators[operator]!;
  const id = op.workOrders[n >> 1];
  if (!id) return null;
  const action = n % 2 === 0 ? "start" : "complete";
  const res = await op.client.post(`/api/workorders/${id}/${action}`);
  if (res.status !== 200) sampleError(samples, `${action} ${res.status} ${res.text}`);
  return res.status === 200;
}

/**
 * Closed loop at saturation: every operator sends its next transition as soon as the last one answered.
 * Each request is one operation (ops/s = transitions/s; latencies per request). `from`: each operator's
 * transitions already done (a later phase on the same queues continues them); `next` in the answer.
 */
export async function saturation(setup: WoSetup, seconds: number, from?: number[]): Promise<PhaseResult & { exhausted: number; next: number[] }> {
  const samples: string[] = [];
  const next = setup.operators.map((_, i) => from?.[i] ?? 0);
  let exhausted = 0;
  const r = await runFor(setup.operators.length, seconds, async (w) => {
    const ok = await transition(setup, w, next[w]!, samples);
    if (ok === null) {
      exhausted++;
      return null;
    }
    if (ok) next[w]!++;
    else next[w]! += 2 - (next[w]! % 2); // a failed transition: go on with the next WO's start
    return ok;
  });
  return { ...r, exhausted, next, errorSamples: [...r.errorSamples, ...samples].slice(0, 5) };
}

/**
 * Open loop at a factory's pace: `rate` requests/s on a fixed schedule whatever the answers, round robin
 * over the operators (50 operators at 10/s: each acts every 5 s), each alternating start and complete.
 * A request's latency counts from its scheduled time (no coordinated omission: a request that had to
 * wait for its operator's previous one counts that wait). `next`: where each operator's queue stands.
 */
export async function openLoop(setup: WoSetup, rate: number, seconds: number, next: number[]): Promise<PhaseResult & { lateSends: number }> {
  const samples: string[] = [];
  const latencies: number[] = [];
  let errors = 0;
  let lateSends = 0;
  const count = Math.round(rate * seconds);
  const chains = setup.operators.map(() => Promise.resolve());
  const start = performance.now() + 50;
  const all: Promise<void>[] = [];
  for (let k = 0; k < count; k++) {
    const at = start + (k * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (performance.now() - at > 10) lateSends++;
    const w = k % setup.operators.length;
    const n = next[w]!++;
    const p = chains[w]!.then(async () => {
      let ok: boolean | null;
      try {
        ok = await transition(setup, w, n, samples);
      } catch (err) {
        ok = false;
        sampleError(samples, String((err as Error)?.message ?? err));
      }
      if (ok) latencies.push(performance.now() - at);
      else errors++;
    });
    chains[w] = p;
    all.push(p);
  }
  await Promise.all(all);
  return { ...phaseResult(latencies, errors, (performance.now() - start) / 1000, samples), lateSends };
}

export interface CpuShare {
  /** CPU milliseconds per operation: the app servers' processes, Postgres's, and the load generator's own. */
  serverMs: number;
  postgresMs: number;
  benchMs: number;
}

/** Runs a phase and adds the CPU the servers (`pids`), Postgres and this process spent per operation. */
export async function withCpu<T extends PhaseResult>(pids: (number | undefined)[], phase: () => Promise<T>): Promise<T & { cpu: CpuShare }> {
  const server0 = pids.reduce<number>((s, pid) => s + processCpuSeconds(pid), 0);
  const pg0 = postgresCpu();
  const own0 = process.cpuUsage();
  const r = await phase();
  const own = process.cpuUsage(own0);
  const per = (seconds: number) => (seconds * 1000) / Math.max(1, r.ops + r.errors);
  return {
    ...r,
    cpu: {
      serverMs: per(pids.reduce<number>((s, pid) => s + processCpuSeconds(pid), 0) - server0),
      postgresMs: per(postgresCpuBetween(pg0, postgresCpu())),
      benchMs: per((own.user + own.system) / 1e6),
    },
  };
}
