// npm run db:fake -- [--months N] [--scale factory|shop]: migrates, loads the demo seed (idempotent),
// then writes N months (default 12) of generated production history (lib/demo/history.ts) into the
// embedded database or DATABASE_URL, and prints the time it took and the row counts.
import { parseArgs } from "node:util";
import { db } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/init";
import { loadHistory, SCALES, type ScaleName } from "../lib/demo/history";
import { seedDemo } from "../lib/demo/seed";
import { env } from "../lib/env";
import { setupEnv } from "../lib/env-setup";

async function main(): Promise<void> {
  setupEnv();
  const { values } = parseArgs({ options: { months: { type: "string", default: "12" }, scale: { type: "string", default: "factory" } } });
  const months = Number(values.months);
  if (!Number.isInteger(months) || months < 1 || months > 60) throw new Error("--months: a whole number from 1 to 60");
  if (!(values.scale! in SCALES)) throw new Error(`--scale: one of ${Object.keys(SCALES).join(", ")}`);
  const e = env();
  console.log(`[fake] ${months} month(s) of a ${values.scale} on ${e.embedded ? `embedded PGlite (${e.PGLITE_DIR})` : "DATABASE_URL"}, time zone ${e.FACTORY_TIME_ZONE}`);
  await migrateDatabase((m) => console.log(`[db] ${m}`));
  await seedDemo();
  const r = await loadHistory({ scale: values.scale as ScaleName, months, timeZone: e.FACTORY_TIME_ZONE, log: (m) => console.log(`[fake] ${m}`) });
  console.log(`[fake] done in ${r.seconds.toFixed(1)} s`);
  for (const [t, n] of Object.entries(r.counts)) console.log(`  ${t.padEnd(20)} ${n.toLocaleString("en-US")}`);
  await db().close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
