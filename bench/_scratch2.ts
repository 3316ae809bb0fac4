import { Writable } from "node:stream";
import { createHash } from "node:crypto";
import { createDb } from "../lib/db/client";
import { prepareExport } from "../lib/reports/export/service";
const url = "postgresql://postgres@127.0.0.1:5432/mes_scratch_export";
async function main() {
  const h = createDb({ url, poolSize: 4 });
  const db = h.prisma;
  let qms = 0, qn = 0;
  const orig = db.$queryRaw.bind(db);
  (db as any).$queryRaw = (...a: any[]) => { const t = performance.now(); const p = (orig as any)(...a); return p.then((r: any) => { qms += performance.now() - t; qn++; return r; }); };
  const from = new Date(Date.now() - 366 * 86400e3).toISOString(), to = new Date(Date.now() + 86400e3).toISOString();
  for (const format of (process.env.FMT ?? "csv,csv,xlsx").split(",") as ("csv" | "xlsx")[]) {
    qms = 0; qn = 0;
    const t = performance.now(); const cpu = process.cpuUsage(); const hash = createHash("sha1");
    const file = await prepareExport({ report: "ledger", format, from, to }, { id: "00000000-0000-4000-8000-00000000b001", role: "ADMIN" }, { db });
    let bytes = 0;
    await file.write(new Writable({ write(c, _e, cb) { bytes += c.length; hash.update(c); cb(); } }));
    console.log(format, ((performance.now() - t) / 1000).toFixed(2), "s; queries", qn, "sum of query latencies", (qms / 1000).toFixed(2), "s", bytes, "cpu", ((process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6).toFixed(2), hash.digest("hex").slice(0, 10));
  }
  await h.close();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
