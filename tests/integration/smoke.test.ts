import { startTestApp, type TestApp } from "../helpers/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

test("health answers and an admin reads /api/me", async () => {
  expect((await app.anon().get("/api/health")).body).toEqual({ status: "ok", database: app.db.kind });
  const admin = await app.as("ADMIN");
  const me = await admin.get<{ user: { email: string } }>("/api/me");
  expect(me.status).toBe(200);
  expect(me.body.user.email).toBe("admin@demo.com");
});
