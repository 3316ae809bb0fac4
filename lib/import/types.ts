// What run.ts hands each kind (lib/import/kinds/*) and what a kind hands back.
import type { Actor } from "../auth/permissions";
import type { Tx } from "../db/client";
import type { DomainEvent } from "../realtime/events";
import type { RowErrorCode } from "./schemas";

export type Value = string | number | boolean | null;

/** A data row whose cells all parsed: field → value (null: empty or not mapped). */
export interface ImportRow {
  row: number;
  v: Record<string, Value>;
}

export interface KindCtx {
  tx: Tx;
  actor: Actor;
  rows: ImportRow[];
  dryRun: boolean;
  /** SHA-256 of the upload (names the import in the ledger and the audit log). */
  sha256: string;
  filename: string | null;
  /** The fields the file has a column for (a kind may read its rows differently with or without one). */
  mapped: ReadonlySet<string>;
  /** Records a row error; `field` is the field's key (run.ts names the file's column). */
  error(row: number, field: string | null, code: RowErrorCode, params?: Record<string, string | number>): void;
}

export interface KindPlan {
  created: number;
  updated: number;
  unchanged: number;
  /** Writes the plan (only called when no row has an error and it is not a dry run). */
  apply(): Promise<DomainEvent[]>;
}

/** Splits a list into chunks (bind-parameter limits: Postgres takes at most 65,535 per statement). */
export function chunks<T>(list: T[], size = 5000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Reports every row after the first that repeats a key, naming the first one. */
export function flagDuplicates(ctx: KindCtx, field: string, keyOf: (r: ImportRow) => string | null): ImportRow[] {
  const first = new Map<string, number>();
  const keep: ImportRow[] = [];
  for (const r of ctx.rows) {
    const k = keyOf(r);
    if (k === null) continue;
    const seen = first.get(k);
    if (seen !== undefined) ctx.error(r.row, field, "DUPLICATE", { other: seen });
    else {
      first.set(k, r.row);
      keep.push(r);
    }
  }
  return keep;
}
