import { startTestApp, type TestApp } from "../helpers/app";
import type { ErrorBody } from "../helpers/client";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

interface List {
  items: { id: string; title: string; readAt: string | null }[];
  total: number;
  unread: number;
}

async function userId(email: string): Promise<string> {
  return (await app.db.handle.prisma.user.findUniqueOrThrow({ where: { email } })).id;
}

test("own notifications only, unread first; mark one and all read", async () => {
  const p = app.db.handle.prisma;
  const inv = await userId("inventory@demo.com");
  const other = await userId("manager@demo.com");
  const old = await p.notification.create({ data: { userId: inv, type: "t", title: "old read", body: "b", readAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 5000) } });
  const a = await p.notification.create({ data: { userId: inv, type: "t", title: "unread A", body: "b", createdAt: new Date(Date.now() - 2000) } });
  const b = await p.notification.create({ data: { userId: inv, type: "t", title: "unread B", body: "b" } });
  const foreign = await p.notification.create({ data: { userId: other, type: "t", title: "manager's", body: "b" } });

  const c = await app.as("INVENTORY");
  const list = await c.get<List>("/api/notifications");
  expect(list.status).toBe(200);
  expect(list.body.items.map((n) => n.title)).toEqual(["unread B", "unread A", "old read"]);
  expect(list.body.unread).toBe(2);
  expect((await c.get<List>("/api/notifications?unread=1")).body.items.map((n) => n.id)).toEqual([b.id, a.id]);

  const read = await c.post<{ readAt: string | null }>(`/api/notifications/${a.id}/read`);
  expect(read.status).toBe(200);
  expect(read.body.readAt).not.toBeNull();
  // Idempotent: reading again keeps the first time.
  expect((await c.post<{ readAt: string }>(`/api/notifications/${a.id}/read`)).body.readAt).toBe(read.body.readAt);

  const foreignRes = await c.post<ErrorBody>(`/api/notifications/${foreign.id}/read`);
  expect(foreignRes.status).toBe(404);
  expect((await p.notification.findUniqueOrThrow({ where: { id: foreign.id } })).readAt).toBeNull();

  expect((await c.post<{ updated: number }>("/api/notifications/read-all")).body.updated).toBe(1);
  expect((await c.get<List>("/api/notifications")).body.unread).toBe(0);
  expect((await p.notification.findUniqueOrThrow({ where: { id: foreign.id } })).readAt).toBeNull();
  expect(old.readAt).not.toBeNull();
});

test("bad ids and queries → 400", async () => {
  const c = await app.as("VIEWER");
  expect((await c.post<ErrorBody>("/api/notifications/not-a-uuid/read")).status).toBe(400);
  expect((await c.get<ErrorBody>("/api/notifications?unread=maybe")).status).toBe(400);
  expect((await c.get<ErrorBody>("/api/notifications?pageSize=999")).status).toBe(400);
});
