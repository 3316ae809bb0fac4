// Back-pressure between the database and the HTTP response: the next batch is fetched only once the
// response has taken what was written, so a slow client slows the export down instead of filling memory.
import type { Writable } from "node:stream";

/** The client went away mid-download: stop quietly (nothing to report to anyone). */
export class ClientGone extends Error {
  constructor() {
    super("The client closed the connection during the export.");
    this.name = "ClientGone";
  }
}

/** Resolves once `out` wants more data; rejects with ClientGone when it is closed first. */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.reject(new ClientGone());
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      out.off("drain", onDrain);
      out.off("close", onClose);
      out.off("error", onClose);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new ClientGone());
    };
    out.on("drain", onDrain);
    out.on("close", onClose);
    out.on("error", onClose);
  });
}

/** Lets queued I/O (compression, socket writes) run before producing more. */
export const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
