// Import benchmark (docs/import.md): a 10,000-row product file and a 50,000-row opening-stock file
// through the import use case (runImport: stream-parse the spooled file, check every row, write in one
// transaction; opening stock through lib/stock), CSV and XLSX, each with its time and peak RSS.
// Runs on a fresh Postgres database it creates (with the demo data) and drops at the end.
//
// Alone: `npx tsx bench/import.ts` (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres;
// BENCH_IMPORT_PRODUCTS, default 10000; BENCH_IMPORT_STOCK, default 50000). Not part of bench/run.ts.
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import ExcelJS from "exceljs";
import { runImport } from "../lib/import/run";
import { importQuery, type ImportKind } from "../lib/import/schemas";
import type { Upload } from "../lib/http/upload";
import { prisma } from "../lib/db/client";
import { createBenchDb } from "./db";

const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const log = (m: string) => console.log(`[bench:import] ${m}`);

interface Phase {
  name: string;
  rows: number;
  seconds: number;
  fileMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
  result: string;
}

async function writeCsv(file: string, header: string, rows: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(file);
  out.write(header + "\n");
  for (let i = 0; i < rows; i++) if (!out.write(line(i) + "\n")) await once(out, "drain");
  out.end();
  await finished(out);
}

async function writeXlsx(file: string, header: string[], rows: number, cells: (i: number) => (string | number)[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet("data");
  ws.addRow(header).commit();
  for (let i = 0; i < rows; i++) ws.addRow(cells(i)).commit();
  ws.commit();
  await wb.commit();
}

async function uploadOf(file: string, contentType: string): Promise<Upload> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { path: file, size: (await stat(file)).size, sha256: hash.digest("hex"), contentType };
}

/** Runs one import, sampling RSS every 20 ms. */
async function measure(name: string, kind: ImportKind, upload: Upload, actor: { id: string; role: "ADMIN" }): Promise<Phase> {
  if (global.gc) global.gc();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const { result } = await runImport(importQuery.parse({ kind }), new Set(["kind"]), upload, actor, "en");
    const seconds = (performance.now() - t0) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    const phase = { name, rows: result.rows, seconds, fileMb: upload.size / 1024 / 1024, rssPeakMb: peak / 1024 / 1024, rssGrowthMb: (peak - start) / 1024 / 1024, result: `${result.created} new, ${result.updated} changed, ${result.unchanged} unchanged, ${result.errorCount} errors` };
    log(`${name}: ${phase.rows} rows in ${seconds.toFixed(2)} s, peak RSS ${phase.rssPeakMb.toFixed(0)} MB (+${phase.rssGrowthMb.toFixed(0)}); ${phase.result}`);
    return phase;
  } finally {
    clearInterval(timer);
  }
}

/** The benchmark; returns its markdown section. */
export async function benchImport(serverUrl: string, opts: { products?: number; stock?: number } = {}): Promise<string> {
  const nProducts = opts.products ?? Number(process.env.BENCH_IMPORT_PRODUCTS || 10_000);
  const nStock = opts.stock ?? Number(process.env.BENCH_IMPORT_STOCK || 50_000);
  const bench = await createBenchDb(serverUrl, 4);
  const dir = path.join(tmpdir(), `mes-bench-import-${randomBytes(4).toString("hex")}`);
  const files: string[] = [];
  const f = (n: string) => {
    const p = `${dir}-${n}`;
    files.push(p);
    return p;
  };
  try {
    const admin = await prisma().user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true } });
    const actor = { id: admin.id, role: "ADMIN" as const };
    const phases: Phase[] = [];
    const productLine = (i: number) => `BI-${String(i).padStart(6, "0")},Bench import product ${i},,false,pcs,${(i % 100) + 0.25},${i % 50}`;
    const header = "sku,name,description,is_finished,uom,unit_cost,reorder_point";

    const pCsv = f("products.csv");
    await writeCsv(pCsv, header, nProducts, productLine);
    phases.push(await measure(`products, CSV, ${nProducts} new`, "products", await uploadOf(pCsv, "text/csv"), actor));
    phases.push(await measure(`products, CSV, same file again (nothing to write)`, "products", await uploadOf(pCsv, "text/csv"), actor));
    const pXlsx = f("products.xlsx");
    await writeXlsx(pXlsx, header.split(","), nProducts, (i) => [`BI-${String(i).padStart(6, "0")}`, `Bench import product ${i} (xlsx)`, "", "false", "pcs", (i % 100) + 0.25, i % 50]);
    phases.push(await measure(`products, XLSX, ${nProducts} changed`, "products", await uploadOf(pXlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), actor));

    // The stock file needs its products: the rest made by a product import too (not measured).
    if (nStock > nProducts) {
      const more = f("more.csv");
      await writeCsv(more, header, nStock, productLine);
      await runImport(importQuery.parse({ kind: "products" }), new Set(["kind"]), await uploadOf(more, "text/csv"), actor, "en");
    }
    const sCsv = f("stock.csv");
    await writeCsv(sCsv, "sku,quantity,unit_cost", nStock, (i) => `BI-${String(i).padStart(6, "0")},${(i % 500) + 1},${(i % 100) + 0.5}`);
    phases.push(await measure(`opening stock, CSV, ${nStock} INITIAL postings`, "stock", await uploadOf(sCsv, "text/csv"), actor));
    phases.push(await measure(`opening stock, CSV, same file again (nothing to post)`, "stock", await uploadOf(sCsv, "text/csv"), actor));
    const entries = await prisma().stockEntry.count({ where: { sourceType: "INITIAL" } });

    return [
      `## Import: ${nProducts.toLocaleString("en-US")} products and ${nStock.toLocaleString("en-US")} opening-stock rows`,
      "",
      "The import use case (`runImport`, what `POST /api/import/:kind` calls after spooling the upload) on files on disk:",
      "parse as a stream, check every row, write everything in one transaction. Peak RSS sampled every 20 ms; growth over",
      `the phase's start. Postgres ${bench.serverVersion}, Node ${process.version}; ${entries.toLocaleString("en-US")} INITIAL ledger rows at the end.`,
      "",
      "| phase | rows | file MB | seconds | rows/s | peak RSS (MB) | RSS growth (MB) | result |",
      "|---|---:|---:|---:|---:|---:|---:|---|",
      ...phases.map((p) => `| ${p.name} | ${p.rows.toLocaleString("en-US")} | ${p.fileMb.toFixed(1)} | ${p.seconds.toFixed(2)} | ${Math.round(p.rows / p.seconds).toLocaleString("en-US")} | ${p.rssPeakMb.toFixed(0)} | ${p.rssGrowthMb.toFixed(0)} | ${p.result} |`),
      "",
    ].join("\n");
  } finally {
    for (const file of files) await rm(file, { force: true });
    await bench.drop();
  }
}

// `npx tsx bench/import.ts`: run alone and print the section.
if (process.argv[1] && /bench[\\/]import\.ts$/.test(process.argv[1])) {
  process.env.NEXTAUTH_SECRET ||= randomBytes(32).toString("base64url");
  benchImport(process.env.BENCH_DATABASE_URL || DEFAULT_SERVER).then(
    (md) => {
      console.log(`\n${md}`);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
