// Operation order (WO_SEQUENCE=off|warn|strict) and parallel work (MAX_RUNNING_WOS_PER_OPERATOR) on a
// WO start, over HTTP; the parallel starts are a real race on Postgres (PGlite serialises them).
import { env, parseEnv, type Env } from "@/lib/env";
import { startTestApp, type TestApp } from "../helpers/app";
import { Client, type ApiResponse } from "../helpers/client";

let app: TestApp;
let admin: Client;
let manager: Client;
let table: string;
const db = () => app.db.handle.prisma;
const onPostgres = !!process.env.TEST_DATABASE_URL;

interface Wo {
  id: string;
  code: string;
  sequence: number;
  status: string;
  warnings?: string[];
}

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.as("ADMIN");
  manager = await app.as("MANAGER");
  table = (await db().product.findUniqueOrThrow({ where: { sku: "TABLE-100" } })).id;
});
afterAll(async () => {
  await app.close();
});

/** Runs `fn` with the given settings, then puts the process's settings back as they were. */
async function withSettings<T>(settings: Partial<Pick<Env, "WO_SEQUENCE" | "MAX_RUNNING_WOS_PER_OPERATOR">>, fn: () => Promise<T>): Promise<T> {
  const e = env();
  const saved = { WO_SEQUENCE: e.WO_SEQUENCE, MAX_RUNNING_WOS_PER_OPERATOR: e.MAX_RUNNING_WOS_PER_OPERATOR };
  Object.assign(e, settings);
  try {
    return await fn();
  } finally {
    Object.assign(e, saved);
  }
}

function expectError(res: ApiResponse, status: number, code: string) {
  expect({ status: res.status, code: (res.body as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
}

let n = 0;
/** A new MO with a routing of two or more WOs, sorted by sequence. */
async function newMo(): Promise<Wo[]> {
  const res = await manager.post<{ workOrders: Wo[] }>("/api/mos", { name: `Rules ${++n}`, productId: table, quantity: 1 });
  expect(res.status).toBe(201);
  const wos = [...res.body.workOrders].sort((a, b) => a.sequence - b.sequence);
  expect(wos.length).toBeGreaterThanOrEqual(2);
  return wos;
}

/** A fresh operator (so nothing else they run counts), signed in, and made the assignee of `wos`. */
async function newOperator(wos: Wo[] = []): Promise<{ id: string; client: Client }> {
  const email = `rules-${Date.now()}-${++n}@example.com`;
  const res = await admin.post<{ id: string }>("/api/users", { name: `Rules ${n}`, email, role: "OPERATOR", password: "Operator-pass-1" });
  expect(res.status).toBe(201);
  for (const w of wos) expect((await manager.patch(`/api/workorders/${w.id}`, { assignedToId: res.body.id })).status).toBe(200);
  return { id: res.body.id, client: await new Client(app.url).signInOrThrow(email, "Operator-pass-1") };
}

test("the settings parse: defaults warn and 1, case-insensitive, 0 allowed, nonsense refused", () => {
  const base = { NODE_ENV: "test", NEXTAUTH_SECRET: "s".repeat(40) };
  expect(parseEnv(base)).toMatchObject({ WO_SEQUENCE: "warn", MAX_RUNNING_WOS_PER_OPERATOR: 1 });
  expect(parseEnv({ ...base, WO_SEQUENCE: "STRICT", MAX_RUNNING_WOS_PER_OPERATOR: "0" })).toMatchObject({ WO_SEQUENCE: "strict", MAX_RUNNING_WOS_PER_OPERATOR: 0 });
  expect(parseEnv({ ...base, WO_SEQUENCE: "", MAX_RUNNING_WOS_PER_OPERATOR: "" })).toMatchObject({ WO_SEQUENCE: "warn", MAX_RUNNING_WOS_PER_OPERATOR: 1 });
  expect(() => parseEnv({ ...base, WO_SEQUENCE: "maybe", MAX_RUNNING_WOS_PER_OPERATOR: "-1" })).toThrow(/WO_SEQUENCE[\s\S]*MAX_RUNNING_WOS_PER_OPERATOR|MAX_RUNNING_WOS_PER_OPERATOR[\s\S]*WO_SEQUENCE/);
});

describe("WO_SEQUENCE", () => {
  test("warn (the default): a later operation starts, flagged in the response and the audit row; in order, no flag", async () => {
    expect(env().WO_SEQUENCE).toBe("warn");
    const [first, second] = await newMo();
    const res = await manager.post<Wo>(`/api/workorders/${second!.id}/start`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "STARTED", warnings: ["SEQUENCE"] });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: second!.id, action: "wo.start" } });
    expect(audit.payload).toMatchObject({ warnings: ["SEQUENCE"] });
    expect((await manager.post(`/api/workorders/${second!.id}/pause`, { reason: "SETUP" })).status).toBe(200);

    const inOrder = await manager.post<Wo>(`/api/workorders/${first!.id}/start`);
    expect(inOrder.status).toBe(200);
    expect(inOrder.body.warnings).toBeUndefined();
    expect((await db().auditLog.findFirstOrThrow({ where: { entityId: first!.id, action: "wo.start" } })).payload).not.toHaveProperty("warnings");
    // Resuming the second once the first has started: no warning any more.
    expect((await manager.post(`/api/workorders/${first!.id}/pause`, { reason: "BREAK" })).status).toBe(200);
    const resumed = await manager.post<Wo>(`/api/workorders/${second!.id}/start`);
    expect(resumed.body.warnings).toBeUndefined();
    expect((await manager.post(`/api/workorders/${second!.id}/pause`, { reason: "BREAK" })).status).toBe(200);
  });

  test("strict: refused with 409 naming the earlier operation, nothing written; once it has started, allowed", async () => {
    await withSettings({ WO_SEQUENCE: "strict" }, async () => {
      const [first, second] = await newMo();
      const before = { logs: await db().workOrderTimeLog.count(), audits: await db().auditLog.count() };
      const res = await manager.post(`/api/workorders/${second!.id}/start`);
      expectError(res, 409, "INVALID_STATE");
      expect((res.body as { error: { message: string; details: { earlier: { code: string }[] } } }).error.details.earlier.map((e) => e.code)).toEqual([first!.code]);
      expect({ logs: await db().workOrderTimeLog.count(), audits: await db().auditLog.count() }).toEqual(before);
      expect((await db().workOrder.findUniqueOrThrow({ where: { id: second!.id } })).status).toBe("PENDING");

      expect((await manager.post(`/api/workorders/${first!.id}/start`)).status).toBe(200);
      expect((await manager.post(`/api/workorders/${first!.id}/pause`, { reason: "SETUP" })).status).toBe(200);
      const ok = await manager.post<Wo>(`/api/workorders/${second!.id}/start`);
      expect(ok.status).toBe(200);
      expect(ok.body.warnings).toBeUndefined();
      expect((await manager.post(`/api/workorders/${second!.id}/pause`, { reason: "SETUP" })).status).toBe(200);
    });
  });

  test("off: no check, no flag", async () => {
    await withSettings({ WO_SEQUENCE: "off" }, async () => {
      const [, second] = await newMo();
      const res = await manager.post<Wo>(`/api/workorders/${second!.id}/start`);
      expect(res.status).toBe(200);
      expect(res.body.warnings).toBeUndefined();
      expect((await manager.post(`/api/workorders/${second!.id}/pause`, { reason: "SETUP" })).status).toBe(200);
    });
  });
});

describe("MAX_RUNNING_WOS_PER_OPERATOR", () => {
  /** Three first operations of three MOs, assigned to a fresh operator. */
  async function threeFirsts() {
    const wos = [(await newMo())[0]!, (await newMo())[0]!, (await newMo())[0]!];
    return { wos, op: await newOperator(wos) };
  }

  test("1 (the default): a second running WO is refused (409, naming the first); pausing the first lets it start", async () => {
    const { wos, op } = await threeFirsts();
    expect((await op.client.post(`/api/workorders/${wos[0]!.id}/start`)).status).toBe(200);
    const refused = await op.client.post(`/api/workorders/${wos[1]!.id}/start`);
    expectError(refused, 409, "INVALID_STATE");
    expect((refused.body as { error: { details: { workOrder: { code: string } } } }).error.details.workOrder.code).toBe(wos[0]!.code);
    expect(await db().workOrderTimeLog.count({ where: { userId: op.id, endedAt: null } })).toBe(1);
    expect((await op.client.post(`/api/workorders/${wos[0]!.id}/pause`, { reason: "MATERIAL" })).status).toBe(200);
    expect((await op.client.post(`/api/workorders/${wos[1]!.id}/start`)).status).toBe(200);
  });

  test("2: two run at once, the third is refused naming both", async () => {
    await withSettings({ MAX_RUNNING_WOS_PER_OPERATOR: 2 }, async () => {
      const { wos, op } = await threeFirsts();
      expect((await op.client.post(`/api/workorders/${wos[0]!.id}/start`)).status).toBe(200);
      expect((await op.client.post(`/api/workorders/${wos[1]!.id}/start`)).status).toBe(200);
      const refused = await op.client.post(`/api/workorders/${wos[2]!.id}/start`);
      expectError(refused, 409, "INVALID_STATE");
      expect((refused.body as { error: { details: { running: { code: string }[] } } }).error.details.running.map((r) => r.code).sort()).toEqual([wos[0]!.code, wos[1]!.code].sort());
      expect(await db().workOrderTimeLog.count({ where: { userId: op.id, endedAt: null } })).toBe(2);
    });
  });

  test("0: no limit", async () => {
    await withSettings({ MAX_RUNNING_WOS_PER_OPERATOR: 0 }, async () => {
      const { wos, op } = await threeFirsts();
      for (const w of wos) expect((await op.client.post(`/api/workorders/${w.id}/start`)).status).toBe(200);
      expect(await db().workOrderTimeLog.count({ where: { userId: op.id, endedAt: null } })).toBe(3);
    });
  });

  // On Postgres a real race (each request its own connection); on PGlite the same requests, serialised.
  test(`with 2, one operator starting 5 WOs in parallel gets exactly 2 through (${onPostgres ? "Postgres" : "PGlite"})`, async () => {
    await withSettings({ MAX_RUNNING_WOS_PER_OPERATOR: 2 }, async () => {
      const wos: Wo[] = [];
      for (let i = 0; i < 5; i++) wos.push((await newMo())[0]!);
      const op = await newOperator(wos);
      const results = await Promise.all(wos.map((w) => op.client.post(`/api/workorders/${w.id}/start`)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 409, 409, 409]);
      for (const r of results.filter((x) => x.status === 409)) expectError(r, 409, "INVALID_STATE");
      expect(await db().workOrderTimeLog.count({ where: { userId: op.id, endedAt: null } })).toBe(2);
      expect(await db().workOrder.count({ where: { id: { in: wos.map((w) => w.id) }, status: "STARTED" } })).toBe(2);
    });
  });
});
