// SQL helpers shared by the reports: UTC timestamp parameters and keyset paging in batches.
import { Prisma } from "../../db/generated/client";
import type { Db } from "../../db/client";
import { prefetched } from "../../db/cursor";
import type { Actor } from "../../auth/permissions";
import type { Locale } from "../../i18n/config";
import type { ExportQuery } from "./schemas";

/** Rows per query: large enough to amortise the round trip, small enough to keep memory flat. */
export const BATCH_SIZE = 2000;

/** What a report builder needs: the parsed query, who asks, the database and the report's "now". */
export interface ReportContext {
  q: ExportQuery;
  actor: Actor;
  db: Db;
  now: Date;
  /** The filters in words ("Product: STEEL-01 Steel Plate"), for the title block. */
  filters: string[];
  /** The language the report is written in (the reader's; English for machine CSV). */
  locale: Locale;
  /** Read large reports in id windows even where a cursor could stream them (tests compare the two ways). */
  windows?: boolean;
}

/** A JS instant as the UTC `timestamp` the columns store. */
export const utc = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** `col` within the report period `[from, to)`. */
export const inPeriod = (col: Prisma.Sql, q: ExportQuery) => Prisma.sql`${col} >= ${utc(q.period.from)} AND ${col} < ${utc(q.period.to)}`;

/** `a AND b AND …`, or TRUE when empty. */
export const and = (conds: Prisma.Sql[]) => (conds.length ? Prisma.join(conds, " AND ") : Prisma.sql`TRUE`);

/**
 * Keyset paging: `fetch(after)` returns up to BATCH_SIZE rows ordered by a unique key strictly after
 * `after` (null: from the start). Each batch is yielded before the next is read, never all at once;
 * the next batch's query is sent before a batch is yielded (see prefetched), so the database works
 * while the caller formats and writes.
 */
export async function* keyset<R, K>(fetch: (after: K | null, limit: number) => Promise<R[]>, keyOf: (row: R) => K, limit = BATCH_SIZE): AsyncGenerator<R[]> {
  let pending: Promise<R[]> | null = fetch(null, limit);
  while (pending) {
    const rows: R[] = await pending;
    pending = rows.length < limit ? null : prefetched(fetch(keyOf(rows[rows.length - 1]!), limit));
    if (rows.length) yield rows;
  }
}

/** The widest id window one query may scan (bounds each query's work whatever plan Postgres picks). */
const MAX_WINDOW = 16n * BigInt(BATCH_SIZE);

/**
 * Batches over a table with a dense BigInt id, for filters the planner cannot estimate (it would
 * otherwise sort every remaining row on each call): `fetch(after, upTo, limit)` returns up to
 * `limit` rows with `after < id <= upTo` in id order. The window starts at BATCH_SIZE ids and
 * doubles while batches come back sparse, so a narrow filter costs few queries and each query's
 * scan stays bounded. `lo`..`hi` are the first and last matching ids, known before the first batch.
 */
export async function* idWindows<R>(
  bounds: { lo: bigint; hi: bigint } | null,
  fetch: (after: bigint, upTo: bigint, limit: number) => Promise<R[]>,
  idOf: (row: R) => bigint,
): AsyncGenerator<R[]> {
  if (!bounds) return;
  let after = bounds.lo - 1n;
  let window = BigInt(BATCH_SIZE);
  const next = (): { upTo: bigint; rows: Promise<R[]> } => {
    const upTo = after + window < bounds.hi ? after + window : bounds.hi;
    return { upTo, rows: prefetched(fetch(after, upTo, BATCH_SIZE)) };
  };
  // The next window's query is sent before a batch is yielded (as in keyset).
  let pending = next();
  for (;;) {
    const rows = await pending.rows;
    if (rows.length === BATCH_SIZE) {
      after = idOf(rows[rows.length - 1]!);
    } else {
      after = pending.upTo;
      if (rows.length < BATCH_SIZE / 2 && window < MAX_WINDOW) window *= 2n;
    }
    const more = after < bounds.hi;
    if (more) pending = next();
    if (rows.length) yield rows;
    if (!more) return;
  }
}

/** Sums values with 4 decimals exactly (in ten-thousandths), as the Decimal(18,4) columns hold them. */
export class Sum4 {
  private units = 0;
  private seen = false;
  add(v: number | null | undefined): void {
    if (v === null || v === undefined) return;
    this.units += Math.round(v * 10_000);
    this.seen = true;
  }
  get value(): number | null {
    return this.seen ? this.units / 10_000 : null;
  }
}
