// Realtime fan-out: N connected browsers, a WO state change made through the API, and the time until
// each client has the `wo:updated` event — with one app instance, and with two instances on one
// Postgres (clients split across them, the change made through the first).
import { Client } from "../tests/helpers/client";
import { startInstance, type Instance } from "../tests/helpers/instances";
import { connectSocket, type TestSocket } from "../tests/helpers/socket";
import { quantile } from "./stats";

export interface FanoutResult {
  instances: number;
  clients: number;
  changes: number;
  samples: number;
  missed: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface Setup {
  /** Cookies of users allowed to see every WO (spread the sockets over them). */
  viewers: { email: string; password: string }[];
  operator: { email: string; password: string };
  woId: string;
}

async function runFanout(instances: Instance[], setup: Setup, clients: number, changes: number): Promise<FanoutResult> {
  // One signed-in session per (instance, viewer); many sockets share a session like many tabs would.
  const sessions = await Promise.all(
    instances.flatMap((inst) => setup.viewers.map(async (v) => ({ inst, client: await new Client(inst.url).signInOrThrow(v.email, v.password) }))),
  );
  const sockets: TestSocket[] = [];
  try {
    for (let i = 0; i < clients; i += 50) {
      const batch = Array.from({ length: Math.min(50, clients - i) }, (_, k) => {
        const s = sessions[(i + k) % sessions.length]!;
        return connectSocket(s.inst.url, s.client);
      });
      sockets.push(...(await Promise.all(batch)));
    }
    const operator = await new Client(instances[0]!.url).signInOrThrow(setup.operator.email, setup.operator.password);
    const latencies: number[] = [];
    let missed = 0;
    // Two warm-up changes (start, pause) are not recorded: first-use costs are not fan-out.
    for (let c = -2; c < changes; c++) {
      const action = (c + 2) % 2 === 0 ? "start" : "pause";
      const want = action === "start" ? "STARTED" : "PAUSED";
      const t0 = performance.now();
      const arrivals = sockets.map(
        (s) =>
          new Promise<number | null>((resolve) => {
            const timer = setTimeout(() => {
              s.socket.off("wo:updated", on);
              resolve(null);
            }, 5000);
            const on = (p: Record<string, unknown>) => {
              if (p.id !== setup.woId || p.status !== want) return;
              clearTimeout(timer);
              s.socket.off("wo:updated", on);
              resolve(performance.now() - t0);
            };
            s.socket.on("wo:updated", on);
          }),
      );
      const res = await operator.post(`/api/workorders/${setup.woId}/${action}`);
      if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${res.text}`);
      const got = await Promise.all(arrivals);
      if (c < 0) continue;
      for (const a of got) {
        if (a === null) missed++;
        else latencies.push(a);
      }
    }
    latencies.sort((x, y) => x - y);
    return {
      instances: instances.length,
      clients,
      changes,
      samples: latencies.length,
      missed,
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      p99: quantile(latencies, 0.99),
      max: latencies[latencies.length - 1] ?? NaN,
    };
  } finally {
    sockets.forEach((s) => s.close());
  }
}

/**
 * Measures fan-out on `databaseUrl` (migrated and seeded with the demo data: the demo order's first WO
 * belongs to operator@demo.com). Returns a markdown section.
 */
export async function benchFanout(databaseUrl: string, woId: string, clients = 500, changes = 10): Promise<{ markdown: string; results: FanoutResult[] }> {
  const setup: Setup = {
    viewers: [
      { email: "viewer@demo.com", password: "Viewer@123" },
      { email: "manager@demo.com", password: "Manager@123" },
    ],
    operator: { email: "operator@demo.com", password: "Operator@123" },
    woId,
  };
  const results: FanoutResult[] = [];
  const one = [await startInstance(databaseUrl)];
  try {
    results.push(await runFanout(one, setup, clients, changes));
  } finally {
    await Promise.all(one.map((i) => i.stop()));
  }
  const two = await Promise.all([startInstance(databaseUrl), startInstance(databaseUrl)]);
  try {
    results.push(await runFanout(two, setup, clients, changes));
  } finally {
    await Promise.all(two.map((i) => i.stop()));
  }
  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "—");
  const markdown = [
    "## Realtime fan-out",
    "",
    `${clients} Socket.IO clients (signed-in viewers and managers), a work order started or paused through the API ${changes} times;`,
    "latency = from sending the request to the client receiving `wo:updated` (same machine clock). Two instances: clients split evenly, the change made through the first, delivered to the second through Postgres LISTEN/NOTIFY.",
    "",
    "| instances | clients | events received | missed | p50 ms | p95 ms | p99 ms | slowest ms |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map((r) => `| ${r.instances} | ${r.clients} | ${r.samples} | ${r.missed} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} |`),
    "",
  ].join("\n");
  return { markdown, results };
}
