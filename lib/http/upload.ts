// File uploads (imports): the request body is streamed to a temporary file, hashed on the way, and
// never held in memory. The route wrapper (lib/http/api.ts) does this for routes marked `upload`, so
// the Idempotency-Key can be checked against the body's hash before anything runs; the handler then
// parses the file from disk as a stream.
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { HttpError } from "./errors";

export interface Upload {
  /** The raw body (multipart or the file itself) on disk. */
  path: string;
  size: number;
  /** SHA-256 of the raw body, hex. */
  sha256: string;
  contentType: string;
}

const tooLarge = (limit: number) => new HttpError(413, "PAYLOAD_TOO_LARGE", `The file is larger than ${Math.round(limit / (1024 * 1024))} MB.`);

/** Streams the request body to a temporary file (413 over `limit`, without reading the rest). */
export async function spoolBody(req: IncomingMessage, limit: number): Promise<Upload> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drain without keeping it
    throw tooLarge(limit);
  }
  const file = path.join(tmpdir(), `mes-upload-${randomUUID()}`);
  const hash = createHash("sha256");
  const out = createWriteStream(file);
  let size = 0;
  let over = false;
  try {
    for await (const chunk of req) {
      const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.length;
      if (size > limit) over = true; // keep reading (and dropping) so the client gets the 413, not a reset
      if (over) continue;
      hash.update(buf);
      if (!out.write(buf)) await once(out, "drain");
    }
    out.end();
    await finished(out);
  } catch (err) {
    out.destroy();
    await rm(file, { force: true });
    throw err;
  }
  if (over) {
    await rm(file, { force: true });
    throw tooLarge(limit);
  }
  return { path: file, size, sha256: hash.digest("hex"), contentType: String(req.headers["content-type"] ?? "") };
}

/** Removes an upload's temporary file. */
export async function dropUpload(u: Upload | undefined): Promise<void> {
  if (u) await rm(u.path, { force: true });
}
