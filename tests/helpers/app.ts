import { DEMO_USERS, seedDemo } from "@/lib/demo/seed";
import { Client } from "./client";
import { createTestDb, type TestDb } from "./db";
import { startApiServer, type TestServer } from "./server";
import { assertLedgerInvariant } from "./ledger";

export interface TestApp {
  db: TestDb;
  server: TestServer;
  url: string;
  /** A fresh, signed-out client. */
  anon(): Client;
  /** A client signed in as a demo user, by role name or email. */
  as(who: keyof typeof DEMO_BY_ROLE | string): Promise<Client>;
  close(): Promise<void>;
}

const DEMO_BY_ROLE = Object.fromEntries(DEMO_USERS.map((u) => [u.role, u])) as Record<(typeof DEMO_USERS)[number]["role"], (typeof DEMO_USERS)[number]>;

/**
 * A fresh database (PGlite, or a new Postgres database with TEST_DATABASE_URL) with the demo data,
 * served over real HTTP. `close` checks the stock ledger invariant before dropping everything.
 */
export async function startTestApp(opts: { seed?: boolean; poolSize?: number } = {}): Promise<TestApp> {
  const db = await createTestDb({ poolSize: opts.poolSize });
  if (opts.seed !== false) await seedDemo();
  const server = await startApiServer({ databaseUrl: db.url });
  const sessions = new Map<string, Client>();
  return {
    db,
    server,
    url: server.url,
    anon: () => new Client(server.url),
    async as(who) {
      const demo = DEMO_BY_ROLE[who as keyof typeof DEMO_BY_ROLE] ?? DEMO_USERS.find((u) => u.email === who);
      if (!demo) throw new Error(`no demo user ${who}`);
      const cached = sessions.get(demo.email);
      if (cached) return cached.clone();
      const c = await new Client(server.url).signInOrThrow(demo.email, demo.password);
      sessions.set(demo.email, c);
      return c.clone();
    },
    async close() {
      try {
        await assertLedgerInvariant(db.handle.prisma);
      } finally {
        await server.close();
        await db.drop();
      }
    },
  };
}
