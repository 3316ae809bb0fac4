// One app instance for multi-instance tests and benchmarks: the API and Socket.IO (with the Postgres
// adapter) on DATABASE_URL, in a process of its own. Prints "READY <url>" when listening.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { startApiServer } from "../helpers/server";

async function main(): Promise<void> {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("instance.ts needs DATABASE_URL");
  await db().prisma.$queryRaw`SELECT 1`;
  const server = await startApiServer({ databaseUrl: url });
  console.log(`READY ${server.url}`);
  const stop = () => {
    void server
      .close()
      .then(() => db().close())
      .finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  // Never outlive the test that started us.
  setTimeout(stop, Number(process.env.INSTANCE_MAX_MS ?? 10 * 60_000)).unref();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
