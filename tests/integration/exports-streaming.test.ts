// Streaming: a ledger of 200 k rows exported as CSV and as xlsx over HTTP while the process's memory
// is sampled. The test and the server share this process, so the growth during the download bounds
// what the export holds in memory: RSS (the number that matters to an operator) and live memory after
// forced collections (what the export keeps alive, free of V8's lazy collection) must stay flat, far
// below the size of the rows; then the files are read back and counted.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { get, type IncomingMessage } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { handleOf } from "@/lib/db/client";
import { EXPORT_STREAMS } from "@/lib/db/cursor";
import { prepareExport } from "@/lib/reports/export/service";
import { startTestApp, type TestApp } from "../helpers/app";
import { bulkReceipts } from "../helpers/ledger";

const ROWS = 200_000;
/**
 * The stated bounds over the baseline while downloading: RSS growth, and live memory growth (sampled
 * after full collections). The files are 23 MB (CSV) and 100 MB of XML zipped to 12 MB (xlsx); holding
 * the rows would take several hundred MB.
 */
const MAX_GROWTH_MB = 150;
const MAX_LIVE_GROWTH_MB = 50;
/** Generous: on a quiet machine each download takes well under a minute on PGlite, but CI machines are shared. */
const TIMEOUT = 240_000;

let app: TestApp;
let steel: string;
let dir: string;

interface Measured {
  bytes: number;
  seconds: number;
  /** Peak RSS over the baseline. */
  growthMb: number;
  /** Peak live memory (V8 heap + buffers, right after a full collection, see `live`) over the baseline's. */
  liveGrowthMb: number;
}

/** A full garbage collection on demand: V8's flag set at run time, the function taken from a new context. */
function exposeGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}
const gc = exposeGc();
/** PGlite's WebAssembly memory: an ArrayBuffer that only grows, mostly reserved rather than resident. */
const databaseMemory = () => app.db.handle.pglite?.Module.wasmMemory.buffer.byteLength ?? 0;
/** Live JavaScript memory: the V8 heap and buffers, less the embedded database's own memory. */
const live = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers - databaseMemory();
};

/**
 * Downloads the export into `sink` with node:http (lighter than fetch's web streams, so the client half
 * of this process adds little of its own). RSS is sampled every 25 ms; every 250 ms a full collection
 * runs first, so that the samples measure what the export keeps alive rather than how lazily V8
 * collects garbage (without it the RSS peak swings by ±100 MB from run to run).
 */
async function measuredDownload(query: string, sink: Writable): Promise<Measured> {
  const c = await app.as("INVENTORY");
  gc();
  const baseline = process.memoryUsage().rss;
  const baseLive = live();
  let peak = baseline;
  let peakLive = baseLive;
  let ticks = 0;
  const timer = setInterval(() => {
    if (++ticks % 10 === 0) {
      gc();
      peakLive = Math.max(peakLive, live());
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  const started = Date.now();
  let bytes = 0;
  try {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      get(`${app.url}/api/reports/export?${query}`, { headers: { cookie: c.cookieHeader() } }, resolve).on("error", reject);
    });
    expect(res.statusCode).toBe(200);
    res.on("data", (chunk: Buffer) => (bytes += chunk.length));
    await pipeline(res, sink);
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (n: number) => n / 1024 / 1024;
  return { bytes, seconds: (Date.now() - started) / 1000, growthMb: mb(peak - baseline), liveGrowthMb: mb(peakLive - baseLive) };
}

beforeAll(async () => {
  app = await startTestApp();
  steel = (await app.db.handle.prisma.product.findUniqueOrThrow({ where: { sku: "STEEL-01" } })).id;
  await bulkReceipts(app.db.handle.prisma, steel, ROWS, { byEmail: "inventory@demo.com", spreadOverLastHour: true });
  dir = mkdtempSync(path.join(tmpdir(), "mes-export-"));
  // PGlite's page cache lives in this process too: fill it once by reading the rows through the
  // export's own queries, unmeasured, so that the growth measured below is the export's.
  const warm = await prepareExport({ report: "ledger", format: "csv", productId: steel }, { id: "warm-up", role: "ADMIN" });
  let warmed = 0;
  for await (const batch of warm.doc.sections[0]!.rows()) warmed += batch.length;
  expect(warmed).toBe(ROWS + 1);
}, TIMEOUT);
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await app.close();
}, TIMEOUT);

test(`a ${ROWS / 1000} k-row ledger streams as CSV with memory growth under ${MAX_GROWTH_MB} MB (RSS) / ${MAX_LIVE_GROWTH_MB} MB (live)`, async () => {
  const file = path.join(dir, "ledger.csv");
  const m = await measuredDownload(`report=ledger&format=csv&productId=${steel}`, createWriteStream(file));
  console.log(`csv: ${(m.bytes / 1024 / 1024).toFixed(1)} MB in ${m.seconds.toFixed(1)} s, RSS growth ${m.growthMb.toFixed(1)} MB, live ${m.liveGrowthMb.toFixed(1)} MB`);
  expect(statSync(file).size).toBe(m.bytes);
  expect(m.bytes).toBeGreaterThan(ROWS * 100);
  expect(m.growthMb).toBeLessThan(MAX_GROWTH_MB);
  expect(m.liveGrowthMb).toBeLessThan(MAX_LIVE_GROWTH_MB);

  // Read it back with csv-parse, streaming (after the measurement: the reader is not under test).
  let records = 0;
  let last: Record<string, string> = {};
  for await (const r of createReadStream(file).pipe(parse({ columns: true }))) {
    records++;
    last = r as Record<string, string>;
  }
  expect(records).toBe(ROWS + 1); // + the opening balance
  expect(last).toEqual(expect.objectContaining({ productSku: "STEEL-01", change: "1", balanceAfter: String(100 + ROWS), sourceId: `BULK-${ROWS}`, user: "Ines Inventory" }));
}, TIMEOUT);

test(`a ${ROWS / 1000} k-row ledger streams as xlsx with memory growth under ${MAX_GROWTH_MB} MB (RSS) / ${MAX_LIVE_GROWTH_MB} MB (live)`, async () => {
  const file = path.join(dir, "ledger.xlsx");
  const m = await measuredDownload(`report=ledger&format=xlsx&productId=${steel}`, createWriteStream(file));
  console.log(`xlsx: ${(m.bytes / 1024 / 1024).toFixed(1)} MB in ${m.seconds.toFixed(1)} s, RSS growth ${m.growthMb.toFixed(1)} MB, live ${m.liveGrowthMb.toFixed(1)} MB`);
  expect(statSync(file).size).toBe(m.bytes);
  expect(m.growthMb).toBeLessThan(MAX_GROWTH_MB);
  expect(m.liveGrowthMb).toBeLessThan(MAX_LIVE_GROWTH_MB);

  // Read it back with exceljs' streaming reader (after the measurement: the reader is not under test).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache", styles: "cache" });
  let rows = 0;
  let header: ExcelJS.CellValue[] = [];
  let lastValues: ExcelJS.CellValue[] = [];
  for await (const ws of reader) {
    const sheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
    for await (const row of sheet) {
      if (rows === 0 && row.number !== 1) break;
      if (rows === 0) header = row.values as ExcelJS.CellValue[];
      rows++;
      lastValues = row.values as ExcelJS.CellValue[];
    }
    break; // the ledger is the first sheet
  }
  expect(rows).toBe(1 + ROWS + 1); // header + opening + bulk
  // Cells by their heading, so a column added to the ledger does not shift what is checked.
  const cell = (heading: string) => lastValues[header.indexOf(heading)];
  expect(header.indexOf("Balance after")).toBeGreaterThan(0);
  expect(cell("SKU")).toBe("STEEL-01");
  expect(cell("Location")).toBe("STOCK");
  expect(cell("Balance after")).toBe(100 + ROWS); // a number, not text
}, TIMEOUT);

/** Sessions of the test database left inside a transaction (or in the export cursor's), this one's aside (Postgres). */
async function openTransactions(): Promise<number> {
  const [open] = await app.db.handle.prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND (state LIKE 'idle in transaction%' OR query LIKE '%export_rows%') AND pid <> pg_backend_pid()`;
  return open!.n;
}

/** The file's SHA-1 and size, written by the export service (no HTTP) through the cursor or through id windows. */
async function fileOf(query: Record<string, string>, windows: boolean): Promise<{ sha1: string; bytes: number }> {
  const file = await prepareExport(query, { id: "compare", role: "ADMIN" }, { db: app.db.handle.prisma, windows, locale: "nl" });
  const hash = createHash("sha1");
  let bytes = 0;
  await file.write(
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        bytes += chunk.length;
        cb();
      },
    }),
  );
  return { sha1: hash.digest("hex"), bytes };
}

test("the ledger streams through a cursor on Postgres, byte for byte the file the id windows make, and in id windows on PGlite", async () => {
  // PGlite (one connection) has no cursor reader: the export takes the windows, the other side of the comparison below.
  expect(typeof handleOf(app.db.handle.prisma)?.cursor).toBe(app.db.handle.kind === "postgres" ? "object" : "undefined");
  if (app.db.handle.kind !== "postgres") return;
  const queries: Record<string, string>[] = [
    { report: "ledger", format: "csv", productId: steel },
    // The whole ledger in the Dutch spreadsheet dialect: words, the seed's MO postings' notes in Dutch.
    { report: "ledger", format: "csv" },
  ];
  for (const query of queries) {
    const cursor = await fileOf(query, false);
    const windows = await fileOf(query, true);
    expect(cursor.bytes).toBeGreaterThan(1_000_000);
    expect(cursor).toEqual(windows);
  }
}, TIMEOUT);

test(`more downloads at once than the ${EXPORT_STREAMS} stream connections all finish (the rest through id windows), and none is left holding a transaction`, async () => {
  const c = await app.as("INVENTORY");
  const cursor = handleOf(app.db.handle.prisma)?.cursor;
  // On Postgres, take every stream connection first (each cursor holds one until it ends), so the
  // downloads below find them all busy and must not wait for them; PGlite has no streams.
  const held = cursor ? Array.from({ length: EXPORT_STREAMS }, () => cursor.read(`SELECT g FROM generate_series(1, 10) g`, [], 1)) : [];
  for (const h of held) expect((await h.next()).value).toEqual([[1]]);
  if (cursor) expect(cursor.busy()).toBe(true);
  try {
    const other = await app.db.handle.prisma.stockEntry.findFirstOrThrow({ where: { productId: { not: steel } }, select: { productId: true } });
    const expected = await app.db.handle.prisma.stockEntry.count({ where: { productId: other.productId } });
    expect(expected).toBeGreaterThan(0);
    const done = await Promise.all(
      Array.from({ length: 3 }, () => c.get(`/api/reports/export?report=ledger&format=csv&dialect=rfc4180&productId=${other.productId}`)),
    );
    for (const res of done) {
      expect(res.status).toBe(200);
      expect(res.text.split("\r\n").length).toBe(expected + 2); // the header, the rows, after the final CRLF nothing
    }
  } finally {
    for (const h of held) await h.return(undefined);
  }
  if (cursor) expect(cursor.busy()).toBe(false);
  if (app.db.handle.kind === "postgres") expect(await openTransactions()).toBe(0);
}, TIMEOUT);

test("a client that leaves mid-download ends the export quietly, and the server keeps answering", async () => {
  const errors = jest.spyOn(console, "error");
  try {
    const c = await app.as("INVENTORY");
    const controller = new AbortController();
    const res = await fetch(`${app.url}/api/reports/export?report=ledger&format=xlsx&productId=${steel}`, { headers: { cookie: c.cookieHeader() }, signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.read().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1000));
    // Leaving is not an error: nothing logged (the API wrapper logs whatever a handler throws).
    expect(errors).not.toHaveBeenCalled();
    const again = await (await app.as("INVENTORY")).get("/api/reports/export?report=levels&format=csv");
    expect(again.status).toBe(200);
    // The stream gave its connection back: no session is left inside the cursor's transaction.
    if (app.db.handle.kind === "postgres") expect(await openTransactions()).toBe(0);
  } finally {
    errors.mockRestore();
  }
}, 60_000);
