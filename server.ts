// The process entry of `npm run dev` (through tsx) and `npm start` (compiled to dist/server.mjs by
// scripts/build-server.mjs, run by plain node): sets up and validates the environment, migrates (and
// on a first embedded start, seeds) the database, then serves Next on one HTTP server. Socket.IO
// attaches to this server (lib/realtime); other WebSocket upgrades go to Next (hot reload in dev).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { EnvError } from "./lib/env";
import { setupEnv } from "./lib/env-setup";
import { initDatabase } from "./lib/db/init";
import { db } from "./lib/db/client";
import { MigrationError } from "./lib/db/migrate";
import { securityHeaders } from "./lib/http/security-headers";
import { attachRealtime } from "./lib/realtime/server";
import { startLateOrderWatch } from "./lib/notifications/late";
import { startWebhooks } from "./lib/webhooks/queue";

async function main(): Promise<void> {
  const e = setupEnv();
  const dev = e.NODE_ENV !== "production";
  console.log(`[db] ${e.embedded ? `embedded PGlite in ${e.PGLITE_DIR}` : "Postgres (DATABASE_URL)"}`);
  await initDatabase((m) => console.log(`[db] ${m}`));

  const app = next({ dev, hostname: e.HOST, port: e.PORT, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  const headers = securityHeaders(dev);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    void handle(req, res);
  });
  // Socket.IO handles upgrades under /socket.io; everything else (dev hot reload) goes to Next.
  // …and the outbox relay (lib/outbox/relay.ts): events from the database to this instance's sockets.
  const realtime = attachRealtime(server, { databaseUrl: e.DATABASE_URL, headers });
  await realtime.ready;
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io")) void upgrade(req, socket, head);
  });
  const lateWatch = startLateOrderWatch();
  // The webhook queue (pg-boss; docs/webhooks.md): its workers deliver, its cron sweeps for lost jobs.
  const webhooks = await startWebhooks({ databaseUrl: e.DATABASE_URL });

  server.listen(e.PORT, e.HOST, () => {
    const shown = e.HOST === "0.0.0.0" || e.HOST === "127.0.0.1" ? "localhost" : e.HOST;
    console.log(`> Ready on http://${shown}:${e.PORT} (${dev ? "development" : "production"})`);
  });

  const shutdown = (signal: string) => {
    console.log(`[server] ${signal}: closing`);
    lateWatch.stop();
    server.closeAllConnections();
    void webhooks
      .stop()
      .then(() => realtime.close())
      .then(() => db().close())
      .finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err) => {
  if (err instanceof EnvError || err instanceof MigrationError) {
    console.error(`\n${err.message}\n`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
