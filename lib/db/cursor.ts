// Reading a large result in batches through a server-side cursor (Postgres only): one query, planned
// once, whose rows come back as arrays (node-postgres `rowMode: "array"`: no row objects, no Prisma
// result decoding), a batch at a time, in one REPEATABLE READ snapshot (the whole file is one moment of
// the database). Exports use it for the stock ledger, whose million rows through `$queryRaw` spent about
// half the export's time in per-batch planning and decoding (docs/performance.md "Exports").
//
// Connections come from a small pool of their own (EXPORT_STREAMS): a stream holds its connection
// for the whole download, and must neither take the request pool's connections nor open one per
// download without bound. When all of them are streaming, `busy()` says so and the caller reads the
// slower way (the ledger: id windows through the request pool) instead of queueing behind downloads
// that may take minutes. A stream that is stopped early (the client went away) gives its connection
// back at once: the generator's `finally` rolls the read-only transaction back.
import type { Pool, PoolClient } from "pg";

/** Streams at once per process; more wait for a free connection (up to the connect timeout). */
export const EXPORT_STREAMS = 4;

export interface CursorReader {
  /** Whether every stream connection is taken. Check it right before `read` (no await between), then iterate at once. */
  busy(): boolean;
  /** A cursor over `sql`: its rows in batches of `batch`, each row an array in the select list's order. */
  read(sql: string, params: readonly unknown[], batch: number): AsyncGenerator<unknown[][]>;
}

/**
 * A query started ahead of its turn: if the caller stops early (the client went away) nobody awaits
 * it, so its failure must not become an unhandled rejection; awaited, it still rejects as usual.
 */
export function prefetched<R>(p: Promise<R>): Promise<R> {
  p.catch(() => undefined);
  return p;
}

/** A CursorReader over connections of `pool` (lib/db/client.ts makes the pool on first use). */
export function cursorReader(pool: () => Pool): CursorReader {
  /** Streams started and not yet ended (counted before their connection is asked for). */
  let active = 0;
  return { busy: () => active >= EXPORT_STREAMS, read };

  async function* read(sql: string, params: readonly unknown[], batch: number): AsyncGenerator<unknown[][]> {
    active++;
    let client: PoolClient;
    try {
      client = await pool().connect();
    } catch (err) {
      active--;
      throw err;
    }
    let broken = false;
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      await client.query({ text: `DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, values: params as unknown[] });
      const fetch = () => prefetched(client.query<unknown[]>({ text: `FETCH FORWARD ${batch} FROM export_rows`, rowMode: "array" }));
      // The next batch is asked for before this one is handed on, so Postgres works while the caller writes.
      let pending = fetch();
      for (;;) {
        const { rows } = await pending;
        if (rows.length < batch) {
          if (rows.length) yield rows;
          return;
        }
        pending = fetch();
        yield rows;
      }
    } catch (err) {
      broken = true;
      throw err;
    } finally {
      // ROLLBACK waits for a FETCH still in flight (node-postgres queues a connection's queries); a
      // connection that failed is dropped rather than given back.
      if (!broken) await client.query("ROLLBACK").catch(() => (broken = true));
      client.release(broken);
      active--;
    }
  }
}
