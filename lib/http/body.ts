import type { IncomingMessage } from "node:http";
import { HttpError, badRequest } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () => new HttpError(413, "PAYLOAD_TOO_LARGE", "The request body is larger than 1 MB.");

/** Reads the raw request body (routes turn Next's parser off): 413 over the limit, without buffering the rest. */
export async function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drain without buffering
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses a raw body as JSON: undefined when empty, 415 when not declared as JSON, 400 when malformed. */
export function parseJsonBody(req: IncomingMessage, raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const type = String(req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON (Content-Type: application/json).");
  }
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
}

/** Reads a JSON body: 413 over 1 MB, 415 when not JSON, 400 when malformed. */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  return parseJsonBody(req, await readRawBody(req, limit));
}
