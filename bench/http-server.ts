// The API server the benchmark's HTTP phases load, in a process of its own (so the load generator
// does not share its CPU): tests/helpers/server.ts, i.e. pages/api/** through Next's own API resolver
// with Socket.IO attached, on DATABASE_URL. Prints one JSON line `{"url": ...}` when listening.
import { startApiServer } from "../tests/helpers/server";

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("bench/http-server.ts needs DATABASE_URL");
  const server = await startApiServer({ databaseUrl });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
