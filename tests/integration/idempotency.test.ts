// Idempotency-Key on POST (docs/decisions/0005-idempotency-storage.md), over real HTTP on PGlite and Postgres: parallel and
// sequential repeats run once and get the first answer; a different request with the key → 422;
// keys are per user; 4xx answers are kept, 5xx are not; a claim left by a dead request is taken
// over unless its effects were committed (the crash window between commit and storing the answer).
import { randomUUID } from "node:crypto";
import { withCommitGuard, withTx } from "@/lib/db/tx";
import { claimIdempotencyKey, pruneIdempotencyKeys, requestHash, type IdempotentRun } from "@/lib/http/idempotency";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client, ErrorBody } from "../helpers/client";

let app: TestApp;
let inventory: Client;
let admin: Client;
let screws: string;
let inventoryUser: string;

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.handle.prisma;
  screws = (await p.product.findUniqueOrThrow({ where: { sku: "SCR-01" } })).id;
  inventoryUser = (await p.user.findUniqueOrThrow({ where: { email: "inventory@demo.com" } })).id;
  inventory = await app.as("INVENTORY");
  admin = await app.as("ADMIN");
});
afterAll(async () => {
  await app.close();
});

const prisma = () => app.db.handle.prisma;
const entries = () => prisma().stockEntry.count({ where: { productId: screws } });
const onHand = async () => (await prisma().stockLevel.findUniqueOrThrow({ where: { productId: screws } })).onHand.toNumber();

function receipt(c: Client, key: string | undefined, body: unknown = { productId: screws, quantity: 3, note: "idempotency" }): Promise<ApiResponse> {
  return c.request("POST", "/api/stock/receipts", body, key === undefined ? {} : { "Idempotency-Key": key });
}

function expectError(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: (res.body as ErrorBody).error?.code }).toEqual({ status, code });
}

test("12 parallel identical receipts with one key post once and all get the same answer", async () => {
  const key = randomUUID();
  const [before, stockBefore] = [await entries(), await onHand()];
  const answers = await Promise.all(Array.from({ length: 12 }, () => receipt(inventory, key)));
  expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
  expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(11);
  expect(await entries()).toBe(before + 1);
  expect(await onHand()).toBe(stockBefore + 3);
});

test("a sequential repeat replays the first answer and does nothing", async () => {
  const key = randomUUID();
  const first = await receipt(inventory, key);
  expect(first.status).toBe(201);
  expect(first.headers.get("idempotent-replayed")).toBeNull();
  const [count, stock] = [await entries(), await onHand()];
  const again = await receipt(inventory, key);
  expect(again.status).toBe(201);
  expect(again.text).toBe(first.text);
  expect(again.headers.get("idempotent-replayed")).toBe("true");
  expect(await entries()).toBe(count);
  expect(await onHand()).toBe(stock);
});

test("without a key every POST runs (the key is optional)", async () => {
  const before = await entries();
  expect((await receipt(inventory, undefined)).status).toBe(201);
  expect((await receipt(inventory, undefined)).status).toBe(201);
  expect(await entries()).toBe(before + 2);
});

test("the same key with a different body, path or query → 422 IDEMPOTENCY_MISMATCH, nothing written", async () => {
  const key = randomUUID();
  expect((await receipt(inventory, key)).status).toBe(201);
  const before = await entries();
  expectError(await receipt(inventory, key, { productId: screws, quantity: 4, note: "idempotency" }), 422, "IDEMPOTENCY_MISMATCH");
  expectError(await inventory.request("POST", "/api/stock/manual", { productId: screws, change: 1, reason: "count correction" }, { "Idempotency-Key": key }), 422, "IDEMPOTENCY_MISMATCH");
  expectError(await inventory.request("POST", "/api/stock/receipts?x=1", { productId: screws, quantity: 3, note: "idempotency" }, { "Idempotency-Key": key }), 422, "IDEMPOTENCY_MISMATCH");
  expect(await entries()).toBe(before);
});

test("keys are per user: the same key from two users is two requests", async () => {
  const key = randomUUID();
  const before = await entries();
  const [a, b] = await Promise.all([receipt(inventory, key), receipt(admin, key)]);
  expect([a.status, b.status]).toEqual([201, 201]);
  expect(a.headers.get("idempotent-replayed")).toBeNull();
  expect(b.headers.get("idempotent-replayed")).toBeNull();
  expect(await entries()).toBe(before + 2);
});

test("a key must be 1 to 200 characters (400, nothing written)", async () => {
  const before = await entries();
  expectError(await receipt(inventory, ""), 400, "VALIDATION_FAILED");
  expectError(await receipt(inventory, "k".repeat(201)), 400, "VALIDATION_FAILED");
  expect(await entries()).toBe(before);
  expect((await receipt(inventory, "k".repeat(200))).status).toBe(201);
});

test("a 4xx answer is kept: the repeat gets the same refusal even once it would succeed", async () => {
  const key = randomUUID();
  const refused = await receipt(inventory, key, { productId: screws, quantity: -1 });
  expectError(refused, 400, "VALIDATION_FAILED");
  const again = await receipt(inventory, key, { productId: screws, quantity: -1 });
  expect(again.status).toBe(400);
  expect(again.text).toBe(refused.text);
  expect(again.headers.get("idempotent-replayed")).toBe("true");
});

test("a 5xx answer is not kept: the claim is released and a retry runs", async () => {
  const key = randomUUID();
  const claim = await claimIdempotencyKey(inventoryUser, key, "h1");
  expect(claim.kind).toBe("run");
  await (claim as IdempotentRun).finish({ status: 503, body: JSON.stringify({ error: { code: "SERVICE_UNAVAILABLE", message: "x" } }), headers: {} });
  expect(await prisma().idempotencyKey.count({ where: { userId: inventoryUser, key } })).toBe(0);
  const retry = await claimIdempotencyKey(inventoryUser, key, "h1");
  expect(retry.kind).toBe("run");
  await (retry as IdempotentRun).finish({ status: 201, body: "{\"ok\":true}", headers: {} });
  expect(await claimIdempotencyKey(inventoryUser, key, "h1")).toEqual({ kind: "replay", response: { status: 201, body: "{\"ok\":true}", headers: {} } });
});

test("a repeat while the first still runs waits, then answers 409 IN_PROGRESS", async () => {
  const key = randomUUID();
  const first = (await claimIdempotencyKey(inventoryUser, key, "h")) as IdempotentRun;
  const t0 = Date.now();
  await expect(claimIdempotencyKey(inventoryUser, key, "h", 300)).rejects.toMatchObject({ status: 409, code: "IN_PROGRESS" });
  expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
  await first.finish({ status: 200, body: "{\"done\":1}", headers: {} });
  expect(await claimIdempotencyKey(inventoryUser, key, "h", 300)).toMatchObject({ kind: "replay", response: { status: 200, body: "{\"done\":1}" } });
});

test("waiters that read the key just before the first attempt stores its answer replay it, never 409", async () => {
  // The race CI hit once: a waiter read the row (no answer yet), the owner then stored its answer and
  // finished, and the waiter, seeing the owner gone and the row marked carried out, answered 409
  // "answer lost". 30 rounds of 8 waiters with the owner finishing at a random moment of their polling.
  const outcomes: string[] = [];
  for (let round = 0; round < 30; round++) {
    const key = randomUUID();
    const owner = (await claimIdempotencyKey(inventoryUser, key, "h")) as IdempotentRun;
    const waiters = Array.from({ length: 8 }, () =>
      claimIdempotencyKey(inventoryUser, key, "h", 5_000).then((c) => c.kind, (e: { code?: string }) => e.code ?? "error"),
    );
    await new Promise((r) => setTimeout(r, Math.random() * 60));
    await withCommitGuard(owner.guard, () => withTx(async () => undefined));
    await owner.finish({ status: 201, body: "{}", headers: {} });
    outcomes.push(...(await Promise.all(waiters)));
  }
  expect(outcomes.filter((o) => o !== "replay")).toEqual([]);
  expect(outcomes).toHaveLength(240);
});

test("attempts that start together: one runs, the others wait for it and replay; none takes a live claim over", async () => {
  // The race CI hit on Postgres (child orders, 6 parallel retries): an attempt's INSERT had committed
  // but the attempt was not yet listed as running in this process when another attempt read the row,
  // judged its owner dead and took the claim over; the first then got 409 from its commit guard.
  const outcomes: string[] = [];
  for (let round = 0; round < 30; round++) {
    const key = randomUUID();
    const attempts = Array.from({ length: 8 }, async () => {
      const claim = await claimIdempotencyKey(inventoryUser, key, "h", 5_000);
      if (claim.kind === "replay") return "replay";
      await new Promise((r) => setTimeout(r, Math.random() * 40));
      try {
        await withCommitGuard(claim.guard, () => withTx(async () => undefined));
        await claim.finish({ status: 201, body: "{}", headers: {} });
        return "run";
      } catch (e) {
        await claim.finish(undefined);
        return `run-then-${(e as { code?: string }).code ?? "error"}`;
      }
    });
    outcomes.push(...(await Promise.all(attempts)).sort());
  }
  const expected = Array.from({ length: 30 }, () => ["replay", "replay", "replay", "replay", "replay", "replay", "replay", "run"]).flat();
  expect(outcomes).toEqual(expected);
});

test("marking the request carried out happens in the handler's transaction: rolled back with it", async () => {
  const key = randomUUID();
  const run = (await claimIdempotencyKey(inventoryUser, key, "h")) as IdempotentRun;
  await expect(
    withCommitGuard(run.guard, () =>
      withTx(async () => {
        throw new Error("use case failed");
      }),
    ),
  ).rejects.toThrow("use case failed");
  expect((await prisma().idempotencyKey.findUniqueOrThrow({ where: { userId_key: { userId: inventoryUser, key } } })).committedAt).toBeNull();
  await withCommitGuard(run.guard, () => withTx(async (tx) => tx.$queryRaw`SELECT 1`));
  expect((await prisma().idempotencyKey.findUniqueOrThrow({ where: { userId_key: { userId: inventoryUser, key } } })).committedAt).not.toBeNull();
  await run.finish({ status: 200, body: null, headers: {} });
});

test("a claim taken over by another attempt rolls the slow attempt's effects back", async () => {
  const key = randomUUID();
  const run = (await claimIdempotencyKey(inventoryUser, key, "h")) as IdempotentRun;
  await prisma().idempotencyKey.update({ where: { userId_key: { userId: inventoryUser, key } }, data: { owner: "other-process:1" } });
  const note = `taken-over-${key}`;
  await expect(
    withCommitGuard(run.guard, () =>
      withTx((tx) => tx.notification.create({ data: { userId: inventoryUser, type: "test", title: note, body: note } })),
    ),
  ).rejects.toMatchObject({ status: 409, code: "IN_PROGRESS" });
  expect(await prisma().notification.count({ where: { title: note } })).toBe(0);
  await run.finish({ status: 200, body: null, headers: {} });
});

describe("a request whose process died (crash window)", () => {
  async function deadClaim(key: string, body: unknown, committed: boolean): Promise<void> {
    await prisma().idempotencyKey.create({
      data: {
        userId: inventoryUser,
        key,
        requestHash: requestHash("POST", "/api/stock/receipts", Buffer.from(JSON.stringify(body))),
        owner: "dead-process:1",
        leaseUntil: new Date(Date.now() - 1000),
        committedAt: committed ? new Date() : null,
      },
    });
  }

  test("before its commit: the retry takes the claim over and runs once", async () => {
    const key = randomUUID();
    const body = { productId: screws, quantity: 2, note: "after crash" };
    await deadClaim(key, body, false);
    const before = await entries();
    const res = await receipt(inventory, key, body);
    expect(res.status).toBe(201);
    expect(await entries()).toBe(before + 1);
    expect((await receipt(inventory, key, body)).text).toBe(res.text);
    expect(await entries()).toBe(before + 1);
  });

  test("after its commit, before the answer was stored: the retry does not run again", async () => {
    const key = randomUUID();
    const body = { productId: screws, quantity: 2, note: "after crash" };
    await deadClaim(key, body, true);
    const before = await entries();
    expectError(await receipt(inventory, key, body), 409, "CONFLICT");
    expect(await entries()).toBe(before);
  });
});

test("keys are kept 24 h: an older key is a new request, and pruning deletes it", async () => {
  const key = randomUUID();
  expect((await receipt(inventory, key)).status).toBe(201);
  await prisma().$executeRaw`UPDATE "IdempotencyKey" SET "createdAt" = "createdAt" - interval '25 hours' WHERE "userId" = ${inventoryUser} AND "key" = ${key}`;
  const before = await entries();
  const again = await receipt(inventory, key);
  expect(again.status).toBe(201);
  expect(again.headers.get("idempotent-replayed")).toBeNull();
  expect(await entries()).toBe(before + 1);
  await prisma().$executeRaw`UPDATE "IdempotencyKey" SET "createdAt" = "createdAt" - interval '25 hours' WHERE "userId" = ${inventoryUser} AND "key" = ${key}`;
  expect(await pruneIdempotencyKeys()).toBeGreaterThanOrEqual(1);
  expect(await prisma().idempotencyKey.count({ where: { userId: inventoryUser, key } })).toBe(0);
});

test("other methods ignore the key", async () => {
  const key = randomUUID();
  for (let i = 0; i < 2; i++) {
    const a = await admin.request("PATCH", `/api/products/${screws}`, {}, { "Idempotency-Key": key });
    expect(a.status).toBeLessThan(500);
    expect(a.headers.get("idempotent-replayed")).toBeNull();
  }
  expect(await prisma().idempotencyKey.count({ where: { key } })).toBe(0);
});
