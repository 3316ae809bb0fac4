import { ROLES } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/generated/enums";
import { DEMO_MO_NAME } from "@/lib/demo/seed";
import { notifyLateOrders } from "@/lib/notifications/late";
import { publish } from "@/lib/realtime/events";
import { InsufficientStockError } from "@/lib/errors";
import { postStock } from "@/lib/stock/post";
import { withStockTx } from "@/lib/inventory/tx";
import { startTestApp, type TestApp } from "../helpers/app";
import { connectSocket, settle, type TestSocket } from "../helpers/socket";

let app: TestApp;
const sockets: TestSocket[] = [];
beforeAll(async () => {
  app = await startTestApp();
});
afterEach(() => {
  while (sockets.length) sockets.pop()!.close();
});
afterAll(async () => {
  await app.close();
});

async function socketAs(role: UserRole): Promise<TestSocket> {
  const s = await connectSocket(app.url, await app.as(role));
  sockets.push(s);
  return s;
}

async function steelId(): Promise<string> {
  return (await app.db.handle.prisma.product.findUniqueOrThrow({ where: { sku: "STEEL-01" } })).id;
}

/** A committed stock posting, published the way the API layer does it: after the commit. */
async function postAndPublish(productId: string, change: number): Promise<void> {
  const r = await withStockTx((tx) => postStock(tx, { lines: [{ productId, change }], sourceType: "MANUAL", note: "realtime test" }));
  await publish(r.events);
}

describe("handshake", () => {
  test("a signed-out client is refused", async () => {
    await expect(connectSocket(app.url)).rejects.toThrow("UNAUTHENTICATED");
  });

  test("a forged session cookie is refused", async () => {
    await expect(connectSocket(app.url, undefined, { cookie: "next-auth.session-token=forged" })).rejects.toThrow("UNAUTHENTICATED");
  });

  test("a handshake from another site is refused even with a valid cookie", async () => {
    await expect(connectSocket(app.url, await app.as("ADMIN"), { origin: "https://evil.example" })).rejects.toThrow();
  });

  test.each(ROLES.map((r) => [r]))("%s connects with the session cookie of the real sign-in", async (role) => {
    const s = await socketAs(role);
    expect(s.socket.connected).toBe(true);
  });
});

describe("events go to the roles allowed to see them, after the commit", () => {
  test("stock:changed reaches stock:read roles and not OPERATOR or SALES", async () => {
    const byRole = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await socketAs(r)] as const))) as Record<UserRole, TestSocket>;
    const productId = await steelId();
    await postAndPublish(productId, 1);
    for (const r of ["ADMIN", "MANAGER", "INVENTORY", "VIEWER"] as const) {
      const e = await byRole[r].waitFor("stock:changed");
      expect(e.payload.productIds).toEqual([productId]);
    }
    await settle();
    expect(byRole.OPERATOR.received.filter((e) => e.name === "stock:changed")).toEqual([]);
    expect(byRole.SALES.received.filter((e) => e.name === "stock:changed")).toEqual([]);
  });

  test("a refused posting publishes nothing of its own (only inventory's shortage notification)", async () => {
    const viewer = await socketAs("VIEWER");
    const inventory = await socketAs("INVENTORY");
    let refused: InsufficientStockError | undefined;
    const productId = await steelId();
    try {
      await withStockTx((tx) => postStock(tx, { lines: [{ productId, change: -1_000_000 }], sourceType: "MANUAL" }));
    } catch (err) {
      refused = err as InsufficientStockError;
    }
    expect(refused).toBeInstanceOf(InsufficientStockError);
    await publish(refused!.events); // what the API layer does with a refusal
    const n = await inventory.waitFor("notification:new");
    expect(n.payload.type).toBe("stock.shortage");
    await settle();
    expect(viewer.received).toEqual([]);
    expect(inventory.received.filter((e) => e.name === "stock:changed")).toEqual([]);
  });

  test("notification:new goes only to its owner", async () => {
    const manager = await socketAs("MANAGER");
    const admin = await socketAs("ADMIN");
    const p = app.db.handle.prisma;
    const creator = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
    const product = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
    const mo = await p.manufacturingOrder.create({
      data: { name: "Late one", productId: product.id, quantity: 1, createdById: creator.id, bomSnapshot: [], deadline: new Date(Date.now() - 3600_000) },
    });
    expect(await notifyLateOrders()).toBeGreaterThanOrEqual(1);
    const e = await manager.waitFor("notification:new", (x) => x.type === "mo.late");
    expect(e.payload.userId).toBe(creator.id);
    // Once per MO, however often the sweep runs.
    await notifyLateOrders();
    expect(await p.notification.count({ where: { type: "mo.late", link: `/mos/${mo.id}` } })).toBe(1);
    await settle();
    expect(admin.received.filter((x) => x.name === "notification:new")).toEqual([]);
  });
});

describe("admin changes apply to open sockets at once", () => {
  test("a deactivated user's open socket is dropped; a role change moves it to the new role's room", async () => {
    const admin = await app.as("ADMIN");
    const created = await admin.post<{ id: string }>("/api/users", { name: "Live", email: "live@example.com", role: "SALES", password: "Live-pass-1" });
    const live = await app.anon().signInOrThrow("live@example.com", "Live-pass-1");
    const s = await connectSocket(app.url, live);
    sockets.push(s);
    const productId = await steelId();

    await postAndPublish(productId, 1);
    await settle();
    expect(s.received.filter((e) => e.name === "stock:changed")).toEqual([]); // SALES has no stock:read

    expect((await admin.patch(`/api/users/${created.body.id}`, { role: "INVENTORY" })).status).toBe(200);
    await settle(200);
    await postAndPublish(productId, 1);
    await s.waitFor("stock:changed");

    const dropped = new Promise<string>((resolve) => s.socket.once("disconnect", (reason) => resolve(reason)));
    expect((await admin.patch(`/api/users/${created.body.id}`, { active: false })).status).toBe(200);
    expect(await dropped).toBe("io server disconnect");
    await expect(connectSocket(app.url, live)).rejects.toThrow("UNAUTHENTICATED");
  });
});

describe("work-order events reach the people whose work it is", () => {
  test("a transfer notifies and updates both the new and the previous operator; unassigning reaches the previous one", async () => {
    const admin = await app.as("ADMIN");
    const second = await admin.post<{ id: string }>("/api/users", { name: "Second Op", email: "op2@example.com", role: "OPERATOR", password: "Second-op-1" });
    const op1 = await socketAs("OPERATOR");
    const op2 = await connectSocket(app.url, await app.anon().signInOrThrow("op2@example.com", "Second-op-1"));
    sockets.push(op2);
    const sales = await socketAs("SALES");
    const p = app.db.handle.prisma;
    const wo = await p.workOrder.findFirstOrThrow({ where: { mo: { name: DEMO_MO_NAME }, sequence: 2 } });
    const manager = await app.as("MANAGER");

    expect((await manager.patch(`/api/workorders/${wo.id}`, { assignedToId: second.body.id })).status).toBe(200);
    await op2.waitFor("wo:updated", (x) => x.id === wo.id);
    await op1.waitFor("wo:updated", (x) => x.id === wo.id && x.previousAssignedToId !== undefined);
    await op2.waitFor("notification:new", (x) => x.type === "wo.assigned");
    await op1.waitFor("notification:new", (x) => x.type === "wo.transferred");

    op2.received.length = 0;
    expect((await manager.patch(`/api/workorders/${wo.id}`, { assignedToId: null })).status).toBe(200);
    await op2.waitFor("wo:updated", (x) => x.id === wo.id);
    expect(await p.auditLog.count({ where: { entityId: wo.id, action: "wo.assign" } })).toBe(2);
    // SALES reads all WOs (wo:read), so it hears of them too; a signed-in VIEWER would as well.
    await sales.waitFor("wo:updated", (x) => x.id === wo.id);
  });
});
